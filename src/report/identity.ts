// What a working paper was made from and by: the checked file and its digest, the tool, the rules and the parameters.
import type { Grid, Message } from "../types";
import { listRules } from "../checks/registry";
import { METHODOLOGIES, REFERENCE_PARAMETERS } from "../methodology";
import { referenceValuesUsed } from "../domain/referenceValues";
import type { ReferenceValueUsed } from "../methodology";
import { Binary, Call, Const, Param, Ref, Round, SumOf, WhenBlank } from "../formula";
import type { Expr } from "../formula";
import type { Submission } from "../forms/submission";
import { sha256Text } from "../sha256";

/** The checked input as the adapter read it. */
export interface ReportSource {
  fileName: string;
  /**
   * What `sha256` is the digest of: the file's bytes (CLI, standalone page) or, in Excel, where the pane has no file
   * bytes, the cells it read (`gridDigest`).
   */
  digestOf: "file" | "cells";
  /** Lower-case hex, 64 digits. */
  sha256: string;
  /** Bytes of the file; null for cells read in Excel. */
  size: number | null;
}

/** One reference value the recomputation used (9.484, a fuel's CEF_fuel,BL), with its source and vintage. */
export type ReportParameter = ReferenceValueUsed;

export interface ReportMethodologyStatus {
  code: string;
  name: Message;
  status: "confirmed" | "provisional";
}

export interface ReportIdentity extends ReportSource {
  /** The workbook's sheets in order. */
  sheets: string[];
  toolVersion: string;
  /** SHA-256 (hex) of the rule set: every rule's id, family and severity, and the methodology registry's version. */
  rulesDigest: string;
  parameters: ReportParameter[];
  methodologies: ReportMethodologyStatus[];
  /** The day the paper was made, YYYY-MM-DD (given by the adapter: src/ reads no clock). */
  date: string;
}

export interface ReportOptions {
  toolVersion: string;
  /** YYYY-MM-DD. */
  date: string;
}

/** Everything the paper's identity block needs besides the submission: what the adapter read, and when and by what. */
export interface IdentityInput {
  source: ReportSource;
  sheets: string[];
  options: ReportOptions;
}

/**
 * A digest of the rule set and the formulas: every rule's id, family, severity and fixability, and every registered
 * methodology's quantities with their formulas (roundings included) and the parameters' values. Two papers with the
 * same digest were checked alike, whichever front end made them.
 */
export function rulesDigest(): string {
  const rules = listRules().map((r) => [
    r.id,
    r.family,
    r.severity,
    r.fixable,
    ...(r.instances ?? []).map((i) => i.id),
  ]);
  const methodologies = METHODOLOGIES.map((m) => [
    m.code,
    m.provisional,
    m.form.tonnesKey,
    ...m.quantities.map((q) => [q.key, q.symbol, q.column ?? "", q.expr ? shape(q.expr) : null]),
  ]);
  return sha256Text(
    JSON.stringify({ rules, methodologies, parameters: REFERENCE_PARAMETERS.map((p) => [p.key, p.value]) }),
  );
}

/** An expression's structure with stable tags (class names do not survive a minifier). */
function shape(e: Expr): unknown {
  if (e instanceof Ref) return ["ref", e.key];
  if (e instanceof Param) return ["param", e.key];
  if (e instanceof Const) return ["const", e.value.toString()];
  if (e instanceof Binary) return [e.op, shape(e.left), shape(e.right)];
  if (e instanceof Round) return ["round", e.mode, e.places, shape(e.arg)];
  if (e instanceof WhenBlank) return ["whenBlank", e.blankKeys, shape(e.then), shape(e.otherwise)];
  if (e instanceof SumOf) return ["sum", e.key];
  if (e instanceof Call) return ["call", e.name, ...e.args.map(shape)];
  return ["?"];
}

/** The paper's identity block. */
export function reportIdentity(s: Submission, input: IdentityInput): ReportIdentity {
  return {
    ...input.source,
    sheets: input.sheets,
    toolVersion: input.options.toolVersion,
    rulesDigest: rulesDigest(),
    parameters: referenceValuesUsed(s),
    methodologies: METHODOLOGIES.map((m) => ({
      code: m.code,
      name: m.name,
      status: m.provisional ? "provisional" : "confirmed",
    })),
    date: input.options.date,
  };
}

/**
 * What a paper made in Excel names as its input: the pane has the cells, not the file's bytes, so the digest is of the
 * cells read (each sheet's name, position, values and formulas, in order). The same cells give the same digest.
 */
export function gridDigest(grid: Grid): string {
  return sha256Text(
    JSON.stringify(
      grid.sheets.map((s) => [s.name, s.visibility ?? "visible", s.origin, s.values, s.formulas ?? null]),
    ),
  );
}
