// Which facility a cell belongs to, and which documents (提出書類) its 別紙1添付 block names for a quantity: what the
// 一覧表's 根拠資料 column, the findings log's 設備 column and the 添付資料 list print.
import { attachmentFor } from "../forms/attachment";
import { withoutFiscalYear } from "../forms/names";
import { normalizeSymbol } from "../forms/readTables";
import { isRedaction } from "../forms/parts";
import type { AttachmentBlock, AttachmentSymbolRow, Submission } from "../forms/submission";
import type { MethodologyDeclaration, QuantityDeclaration } from "../methodology";
import type { AttachmentList } from "./model";

/** 提出書類 texts that name no document. */
const NO_DOCUMENT = /^(なし|無し|-|—|―|－|ー|該当なし|n\/a)$/i;

/** The documents a 提出書類 cell names: one per line or 「・」/「、」-separated item, without なし/—. */
export function documentsOf(text: string | null | undefined): string[] {
  if (!text) return [];
  return text
    .split(/[\n、，,・]+/)
    .map((t) => t.trim())
    .filter((t) => t !== "" && !NO_DOCUMENT.test(t) && !isRedaction(t));
}

/** The 別紙1添付 row of a quantity: its own symbol, else the row of a quantity computed from it (F_B, F_T → S_B). */
function symbolRowFor(
  block: AttachmentBlock,
  q: QuantityDeclaration,
  declaration: MethodologyDeclaration,
): AttachmentSymbolRow | null {
  const bySymbol = (symbol: string) =>
    block.symbolRows.find((r) => normalizeSymbol(r.symbol.value ?? "") === normalizeSymbol(symbol)) ?? null;
  const own = bySymbol(q.symbol);
  if (own) return own;
  for (const user of declaration.quantities)
    if (user.expr?.keys().includes(q.key)) {
      const row = bySymbol(user.symbol);
      if (row) return row;
    }
  return null;
}

/** The facility's 別紙1添付 block, by its 別紙1 name. */
export function blockOf(s: Submission, facilityName: string | null | undefined): AttachmentBlock | null {
  return attachmentFor(s.attachments, [facilityName]);
}

/**
 * What the verifier looks at for an input: the documents 別紙1添付 names for it, or where a default comes from (2.2
 * states デフォルト値). Derived quantities are recomputed, not looked up: none.
 */
export function evidenceFor(
  s: Submission,
  declaration: MethodologyDeclaration,
  q: QuantityDeclaration,
  block: AttachmentBlock | null,
): string[] {
  if (q.role === "derived") return [];
  const row = block ? symbolRowFor(block, q, declaration) : null;
  const documents = documentsOf(row?.documents?.value);
  if (documents.length > 0) return documents;
  const stated = s.plan?.monitoringTable?.rows.find(
    (r) => normalizeSymbol(r.symbol.value ?? "") === normalizeSymbol(q.symbol),
  );
  if (stated && /デフォルト/.test(stated.method?.value ?? "")) return ["デフォルト値（様式3-2 2.2）"];
  return [];
}

/** 添付資料 as JQA lists them: the verifier's, the applicant's sheets, and each symbol's documents from 別紙1添付. */
export function attachmentList(s: Submission, verifierSheets: string[]): AttachmentList {
  const applicant: string[] = [];
  const sheets = [
    s.plan?.sheet ? "様式3-2" : null,
    s.projectList ? "様式3-2別紙1" : null,
    s.attachments.length > 0 ? "様式3-2別紙1添付" : null,
    s.allocationPlan.length > 0 ? "様式3-2別紙2" : null,
  ].filter((x): x is string => x !== null);
  if (sheets.length > 0) applicant.push(sheets.join("、"));
  if (s.monitoring.length > 0) applicant.push("熱実績管理表");
  const bySymbol = new Map<string, Set<string>>();
  const display = new Map<string, string>();
  for (const block of s.attachments)
    for (const row of block.symbolRows) {
      const symbol = row.symbol.value?.trim();
      if (!symbol) continue;
      const key = normalizeSymbol(symbol);
      if (!display.has(key)) display.set(key, symbol.replace(/\s+/g, ""));
      const set = bySymbol.get(key) ?? new Set<string>();
      for (const d of documentsOf(row.documents?.value)) set.add(d);
      bySymbol.set(key, set);
    }
  const operator = [...bySymbol.entries()]
    .filter(([, docs]) => docs.size > 0)
    .map(([key, docs]) => ({ symbol: display.get(key) ?? key, documents: [...docs] }));
  return { verifier: verifierSheets, applicant, operator };
}

/** A facility's name as the paper prints it: 別紙1 1.1 without its (yyyy年度). */
export const facilityTitle = (name: string | null | undefined, i: number): string =>
  name ? withoutFiscalYear(name) : `No. ${i + 1}`;
