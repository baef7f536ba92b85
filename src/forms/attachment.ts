// 別紙1添付 read as each facility's monitoring plan: the block's 計量体制 roles, its 記号 rows (定義, モニタリング方法,
// 提出書類) and what the method texts state (rated kW, operating days, the procedure's roundings, the LHV recipe).
import { facilityKey } from "./names";
import { normalizeText } from "../numbers";
import { SEED_STEAM_DIGITS } from "../methodology/steamProcedure";
import type { SteamDigits } from "../methodology/steamProcedure";
import type { CellRef } from "../types";
import { ATTACHMENT_PARTS, ATTACHMENT_ROLES, formPart, labelNamesPart } from "./parts";
import type { FormPart } from "./parts";
import type { SheetView } from "./sheet";
import {
  FACILITY_LABELS,
  METHODOLOGY_NAME_LABEL,
  labelledValue,
  normalizeSymbol,
  readSymbolTable,
  startsWithAny,
} from "./readTables";
import type {
  AttachmentBlock,
  AttachmentRole,
  AttachmentSymbolRow,
  MonitoringPlan,
  OperatingDayRule,
  TextField,
} from "./submission";

/** Headings and role labels are short: a long text (a method) is never one. */
const MAX_LABEL = 40;
/** How many rows below side-by-side role labels the names may take (the seed's 津別 has two). */
const NAME_ROWS = 3;
/** How many columns right of a role label its name may sit (the template merges B:D). */
const NAME_COLS = 3;

const ROLE_PARTS: FormPart[] = ATTACHMENT_PARTS.filter((p) => ATTACHMENT_ROLES[p.id] !== undefined);
const METHODS_PART = formPart("attachment:methods");

function textAt(sheet: SheetView, row: number, col: number): TextField {
  const raw = sheet.value(row, col);
  const text = raw === null ? "" : String(raw).trim();
  return { value: text === "" ? null : text, raw, ref: sheet.ref(row, col) };
}

/** A role's label as folded ("報告書受領者（証書発行事業者）" → "報告書受領者"): what a label must start with. */
const roleBase = (role: string): string => normalizeText(role.replace(/[（(].*$/, ""));

/** The 計量体制 parts of a block: each declared part's heading, in rows [from, to), before the 2. heading. */
function partHeadings(
  sheet: SheetView,
  from: number,
  to: number,
): { parts: { part: FormPart; row: number; col: number }[]; methodsRow: number } {
  const parts: { part: FormPart; row: number; col: number }[] = [];
  let methodsRow = to;
  for (let r = from; r < to && r < methodsRow; r++) {
    for (let c = sheet.left; c <= sheet.right; c++) {
      const label = sheet.label(r, c);
      if (label === "" || label.length > MAX_LABEL) continue;
      if (labelNamesPart(label, METHODS_PART)) {
        methodsRow = r;
        break;
      }
      const part = ROLE_PARTS.find((p) => labelNamesPart(label, p));
      if (part && !parts.some((p) => p.part === part)) parts.push({ part, row: r, col: c });
    }
  }
  return { parts, methodsRow };
}

/**
 * Each role of each part: its label in the part's rows and its name. Two role labels side by side (the seed's
 * 責任者 | 実施者) have their names in the rows below; a label alone in its run of cells (the template, the seed's
 * (3)) has its name to its right.
 */
function readRoles(sheet: SheetView, from: number, to: number): AttachmentRole[] {
  const { parts, methodsRow } = partHeadings(sheet, from, to);
  const out: AttachmentRole[] = [];
  const starts = [...parts.map((p) => p.row), methodsRow].sort((a, b) => a - b);
  for (const { part, row, col } of parts) {
    const end = starts.find((s) => s > row) ?? methodsRow;
    const bases = ATTACHMENT_ROLES[part.id].map(roleBase);
    const isRoleLabel = (r: number, c: number): boolean => {
      const label = sheet.label(r, c);
      return label !== "" && label.length <= MAX_LABEL && bases.some((b) => label.startsWith(b));
    };
    ATTACHMENT_ROLES[part.id].forEach((role, k) => {
      const base = bases[k];
      let hit: { row: number; col: number } | null = null;
      for (let r = row + 1; r < end && !hit; r++)
        for (let c = sheet.left; c <= sheet.right && !hit; c++) {
          const label = sheet.label(r, c);
          if (label.length <= MAX_LABEL && label.startsWith(base)) hit = { row: r, col: c };
        }
      if (!hit) {
        out.push({ part: part.id, role, label: null, values: [], at: sheet.ref(row, col) });
        return;
      }
      const label = sheet.ref(hit.row, hit.col);
      // "責任者：山田" names the person in its own cell
      const own = labelledValue(sheet, hit.row, hit.col);
      const inCell = /[:：]\s*\S/.test(String(sheet.value(hit.row, hit.col)));
      if (inCell && own) {
        out.push({ part: part.id, role, label, values: [own], at: own.ref });
        return;
      }
      const stacked = isRoleLabel(hit.row, hit.col + 1) || isRoleLabel(hit.row, hit.col - 1);
      const values: TextField[] = [];
      let at: CellRef;
      if (stacked) {
        for (let r = hit.row + 1; r < Math.min(end, hit.row + 1 + NAME_ROWS); r++) {
          if (isRoleLabel(r, hit.col)) break;
          const field = textAt(sheet, r, hit.col);
          if (field.value !== null) values.push(field);
        }
        at = values[0]?.ref ?? sheet.ref(hit.row + 1, hit.col);
      } else {
        for (let c = hit.col + 1; c <= Math.min(sheet.right, hit.col + NAME_COLS); c++) {
          if (isRoleLabel(hit.row, c)) break;
          const field = textAt(sheet, hit.row, c);
          if (field.value !== null) {
            values.push(field);
            break;
          }
        }
        at = values[0]?.ref ?? sheet.ref(hit.row, hit.col + 1);
      }
      out.push({ part: part.id, role, label, values, at });
    });
  }
  return out;
}

/** The 記号 rows of a block with their 定義, モニタリング方法 and 提出書類 cells (by the header's labels). */
function readSymbolRows(sheet: SheetView, from: number, to: number): AttachmentSymbolRow[] {
  const found = readSymbolTable(sheet, "attachment", from, to);
  if (!found) return [];
  const { table, lastRow } = found;
  const header = table.headerRef;
  // a block printed without a 定義/方法/提出書類 header word still has the form's columns in the form's order
  const fallback = (row: number, offset: number): TextField | null =>
    header.col + offset <= sheet.right ? textAt(sheet, row, header.col + offset) : null;
  return table.rows.map((r, i) => {
    const row = r.symbol.ref.row;
    const next = table.rows[i + 1]?.symbol.ref.row ?? lastRow + 1;
    const method = r.method ?? fallback(row, 2);
    const parts = [method?.value ?? ""];
    // the OCR splits a long method over rows with a blank 記号: they continue this symbol's text
    if (method) {
      for (let rr = row + 1; rr < next; rr++) {
        const more = textAt(sheet, rr, method.ref.col).value;
        if (more !== null) parts.push(more);
      }
    }
    return {
      ...r,
      definition: r.definition ?? fallback(row, 1),
      method,
      documents: r.documents ?? fallback(row, 3),
      methodText: parts.filter((p) => p !== "").join("\n"),
    };
  });
}

/** Folds a method text for reading figures: NFKC (（→(, ㎘→kl, －→-), no spaces, one kind of minus. */
function fold(text: string): string {
  return text
    .normalize("NFKC")
    .replace(/\s+/g, "")
    .replace(/[\u2212\u2012\u2013\u2014\u30FC](?=[0-9(（,，])/g, "-");
}

const ROUNDING =
  /[（(]\s*小数点\s*(?:以下\s*)?第\s*([0-9０-９]+)\s*位\s*(切上げ?|切り上げ|切捨て?|切り捨て|四捨五入)\s*[)）]/g;
const MARKERS = "①②③④";
/** The furthest decimal place a stated rounding may name (小数点第10位). */
const MAX_STATED_PLACE = 10;

/** The procedure's step (①–④) a position of the text belongs to: the last marker before it, or null. */
function stepAt(text: string, index: number): string | null {
  let best: { at: number; marker: string } | null = null;
  for (const m of MARKERS) {
    const at = text.lastIndexOf(m, index);
    if (at >= 0 && (best === null || at > best.at)) best = { at, marker: m };
  }
  return best?.marker ?? null;
}

function sentenceBefore(text: string, index: number): string {
  const start = Math.max(text.lastIndexOf("。", index - 1), text.lastIndexOf("\n", index - 1));
  return text.slice(start + 1, index);
}

/** The roundings a steam method states, each to its quantity by the sentence it stands in. */
function readDigits(text: string): MonitoringPlan["digits"] {
  const out: MonitoringPlan["digits"] = {};
  for (const m of text.matchAll(ROUNDING)) {
    const index = m.index ?? 0;
    const before = sentenceBefore(text, index);
    const step = stepAt(text, index);
    let key: keyof SteamDigits | null = null;
    if (before.includes("絶対圧")) key = "absolutePressure";
    else if (step === "③" || before.includes("給水")) key = "feedwaterTemperature";
    else if (before.includes("圧力")) key = "pressureMean";
    else if (before.includes("温")) key = "steamTemperature";
    if (key === null || out[key]) continue;
    const place = Number(m[1].normalize("NFKC"));
    // 第1位…第10位 is a decimal place a record can hold; anything else is no rounding the procedure could use
    if (!(place >= 1 && place <= MAX_STATED_PLACE)) continue;
    const mode = m[2].startsWith("四") ? "halfUp" : m[2].includes("上") ? "up" : "down";
    out[key] = { places: place - 1, mode, text: m[0] };
  }
  return out;
}

/** Each 稼働日 sentence, with the step it belongs to. */
function readOperatingDays(text: string, ref: CellRef): MonitoringPlan["operatingDays"] {
  const rules: { step: string | null; rule: OperatingDayRule }[] = [];
  for (const m of text.matchAll(/稼働日[はとを]/g)) {
    const index = m.index ?? 0;
    const end = text.indexOf("。", index);
    const sentence = text.slice(index, end < 0 ? undefined : end + 1);
    const folded = fold(sentence);
    const threshold =
      /^稼働日[はと](?:.*?における)?(.+?)が([0-9][0-9.,]*)([a-z]*)(以上|を超える|超|より大きい)/i.exec(
        folded,
      );
    let rule: OperatingDayRule;
    if (threshold)
      rule = {
        kind: "threshold",
        quantity: threshold[1],
        value: threshold[2].replace(/,/g, ""),
        unit: threshold[3],
        comparison: threshold[4],
        text: sentence,
        ref,
      };
    else rule = { kind: /カレンダー|通達|暦/.test(folded) ? "calendar" : "other", text: sentence, ref };
    rules.push({ step: stepAt(text, index), rule });
  }
  const steam =
    rules.find((r) => r.step === "①") ?? (rules.every((r) => r.step === null) ? rules[0] : undefined);
  const feedwater =
    rules.find((r) => r.step === "③") ?? (rules.every((r) => r.step === null) ? rules[1] : undefined);
  return { steam: steam?.rule ?? null, feedwater: feedwater?.rule ?? null };
}

const isSymbol = (row: AttachmentSymbolRow, symbol: string) =>
  row.symbol.value !== null && normalizeSymbol(row.symbol.value) === symbol;

/** What the method texts of a block state (MonitoringPlan): each figure read from the row that states it. */
export function readPlan(rows: AttachmentSymbolRow[]): MonitoringPlan {
  const steamRow =
    rows.find((r) => isSymbol(r, "qbl")) ?? rows.find((r) => r.methodText.includes("エンタルピ")) ?? null;
  const steamText = steamRow?.methodText ?? "";
  const steamRef = steamRow?.method?.ref ?? steamRow?.symbol.ref ?? null;
  const epsRow = rows.find((r) => isSymbol(r, "eps")) ?? null;
  const eps = fold(epsRow?.methodText ?? "").toLowerCase();
  const kw = /補機定格出力([0-9][0-9,]*(?:\.[0-9]+)?)kw/.exec(eps);
  let ePsMethod: MonitoringPlan["ePsMethod"] = null;
  if (eps === "なし" || eps === "無し") ePsMethod = "none";
  else if (eps.includes("定格")) ePsMethod = /24時間|稼働日/.test(eps) ? "ratedDays" : "ratedHours";
  else if (/電力量|電力計/.test(eps)) ePsMethod = "metered";
  const atmosphere = /標準大気圧\(([0-9.]+)mpa\)/.exec(fold(steamText).toLowerCase());
  let lhv: MonitoringPlan["lhv"] = null;
  let auxFuel: MonitoringPlan["auxFuel"] = null;
  for (const row of rows) {
    const text = fold(row.methodText).toLowerCase();
    const ref = row.method?.ref ?? row.symbol.ref;
    const wet = /低位発熱量\(dry\)×\(1-水分率\)-([0-9][0-9,]*)×水分率/.exec(text);
    if (!lhv && wet) lhv = { recipe: "wetBasis", latentHeat: wet[1].replace(/,/g, ""), ref };
    else if (!lhv && text.includes("低位発熱量(dry)×(1-水分率)×")) lhv = { recipe: "dryBasis", ref };
    const aux = /([0-9][0-9,]*)kj\/kl×低位換算([0-9.]+)/.exec(text);
    if (!auxFuel && aux) auxFuel = { heatPerKl: aux[1], lhvFactor: aux[2], ref };
  }
  return {
    ratedPowerKw:
      kw && epsRow ? { value: kw[1].replace(/,/g, ""), ref: epsRow.method?.ref ?? epsRow.symbol.ref } : null,
    ePsMethod,
    operatingDays: steamRef ? readOperatingDays(steamText, steamRef) : { steam: null, feedwater: null },
    digits: readDigits(steamText),
    digitsRef: steamRef,
    standardAtmosphere: atmosphere ? atmosphere[1] : null,
    lhv,
    auxFuel,
  };
}

/** The roundings a monitoring table of the facility is checked with: the block's, the seed's where it states none. */
export function planDigits(plan: MonitoringPlan | null | undefined): SteamDigits {
  const out: SteamDigits = { ...SEED_STEAM_DIGITS };
  if (!plan) return out;
  for (const key of Object.keys(out) as (keyof SteamDigits)[]) {
    const stated = plan.digits[key];
    if (stated) out[key] = { places: stated.places, mode: stated.mode };
  }
  return out;
}

/** 別紙1添付: a 種別方法論名称 with a value, the 熱設備名称 just below it, its roles, 記号 rows and plan. */
export function readAttachments(sheet: SheetView): AttachmentBlock[] {
  const anchors = sheet
    .find((label) => label.startsWith(METHODOLOGY_NAME_LABEL), "論")
    .map((hit) => ({ hit, name: labelledValue(sheet, hit.row, hit.col) }))
    .filter((a) => a.name !== null && a.name.value !== "");
  return anchors.map(({ hit, name }, i) => {
    const end = anchors[i + 1]?.hit.row ?? sheet.bottom + 1;
    let facilityName: TextField | null = null;
    let found = false;
    for (let r = hit.row + 1; r <= Math.min(end - 1, hit.row + 4) && !found; r++) {
      for (let c = Math.max(sheet.left, hit.col - 1); c <= hit.col + 1 && !found; c++) {
        if (!startsWithAny(sheet.label(r, c), FACILITY_LABELS)) continue;
        found = true;
        facilityName = labelledValue(sheet, r, c);
      }
    }
    const symbols = readSymbolTable(sheet, "attachment", hit.row + 1, end)?.table ?? null;
    const symbolRows = readSymbolRows(sheet, hit.row + 1, end);
    return {
      methodologyName: name as TextField,
      facilityName,
      symbols,
      rows: { from: hit.row, to: end },
      roles: readRoles(sheet, hit.row + 1, end),
      symbolRows,
      plan: readPlan(symbolRows),
    };
  });
}

/**
 * The 別紙1添付 block of a facility, by any of its names (a monitoring table's 熱設備名称, its 別紙1 row's 1.1), by the
 * engine's one facility key; only an exact key counts: a near miss would be a guess at whose kW and digits apply.
 */
export function attachmentFor(
  blocks: AttachmentBlock[],
  names: (string | null | undefined)[],
): AttachmentBlock | null {
  const byName = blocksByName(blocks);
  for (const name of names) {
    if (typeof name !== "string" || name.trim() === "") continue;
    const found = byName.get(facilityKey(name));
    if (found && found.length === 1) return found[0];
  }
  return null;
}

/** Blocks by folded facility name, made once per list: every monitoring table asks. */
const indexes = new WeakMap<AttachmentBlock[], Map<string, AttachmentBlock[]>>();
function blocksByName(blocks: AttachmentBlock[]): Map<string, AttachmentBlock[]> {
  let index = indexes.get(blocks);
  if (index) return index;
  index = new Map();
  for (const b of blocks) {
    const name = b.facilityName?.value;
    if (!name) continue;
    const key = facilityKey(name);
    index.set(key, [...(index.get(key) ?? []), b]);
  }
  indexes.set(blocks, index);
  return index;
}
