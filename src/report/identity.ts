// What a working paper was made from and by: the checked file and its digest, the tool, the rules and the parameters.
import type { Message } from "../types";
import { listRules } from "../checks/registry";
import { METHODOLOGIES, FUEL_DEFAULTS } from "../methodology";
import { Binary, Call, Const, Param, PARAMETERS, Ref, Round, SumOf, WhenBlank } from "../formula";
import type { Expr } from "../formula";
import { methodologyOf } from "../forms/submission";
import type { Submission } from "../forms/submission";
import { Decimal } from "../numbers";
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

/** One parameter value the recomputation used (9.484, a fuel's CEF_fuel,BL), with where it comes from. */
export interface ReportParameter {
  name: Message;
  value: string;
  unit: string;
  /** Source and vintage ("seed 2.2 (0.0678tCO2/GJ)"). */
  source: string;
}

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
    JSON.stringify({ rules, methodologies, parameters: PARAMETERS.map((p) => [p.key, p.value]) }),
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

/**
 * The reference values the recomputation used: the formulas' parameters (9.484 where E_PS is deducted, 0.101325
 * where monitoring tables were read) and each fuel default a row's CEF_fuel,BL is, with its source.
 */
export function parametersUsed(s: Submission): ReportParameter[] {
  const declaration = methodologyOf(s);
  const out: ReportParameter[] = [];
  const usesParam = (key: string) =>
    declaration.quantities.some((q) => q.expr && paramKeys(q.expr).includes(key));
  for (const p of PARAMETERS) {
    const used = p.key === "standardAtmosphere" ? s.monitoring.length > 0 : usesParam(p.key);
    if (used) out.push({ name: p.label, value: p.value, unit: p.unit, source: p.provenance });
  }
  if (declaration.form.fuelDefaults) {
    const seen = new Set<string>();
    for (const row of s.projectList?.rows ?? []) {
      const field = row.numbers.cefFuel;
      if (!field || field.reading.kind !== "number") continue;
      const cef = field.reading.decimal;
      const fuel = FUEL_DEFAULTS.find((f) => Decimal.from(f.cef).eq(cef));
      if (!fuel || seen.has(fuel.name)) continue;
      seen.add(fuel.name);
      out.push({
        name: { ja: `${fuel.label.ja}の排出係数 CEF_fuel,BL`, en: `CEF_fuel,BL of ${fuel.label.en}` },
        value: fuel.cef,
        unit: "tCO2/GJ",
        source: fuel.provenance,
      });
    }
  }
  return out;
}

/** Parameter keys an expression reads, however deep. */
function paramKeys(e: Expr): string[] {
  if (e instanceof Param) return [e.key];
  if (e instanceof Binary) return [...paramKeys(e.left), ...paramKeys(e.right)];
  if (e instanceof Round) return paramKeys(e.arg);
  if (e instanceof WhenBlank) return [...paramKeys(e.then), ...paramKeys(e.otherwise)];
  if (e instanceof Call) return e.args.flatMap(paramKeys);
  return [];
}

/** The paper's identity block. */
export function reportIdentity(s: Submission, input: IdentityInput): ReportIdentity {
  return {
    ...input.source,
    sheets: input.sheets,
    toolVersion: input.options.toolVersion,
    rulesDigest: rulesDigest(),
    parameters: parametersUsed(s),
    methodologies: METHODOLOGIES.map((m) => ({
      code: m.code,
      name: m.name,
      status: m.provisional ? "provisional" : "confirmed",
    })),
    date: input.options.date,
  };
}
