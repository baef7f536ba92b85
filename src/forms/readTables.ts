// The plan's text tables, found by label: 1.4 and 2.2 記号 columns, 2.2's fuel defaults, the 記号 table a 別紙1添付
// block reads (src/forms/attachment.ts) and the facility a 別紙2 block names.
import { normalizeText } from "../numbers";
import { FUEL_DEFAULTS } from "../methodology";
import type { CellValue } from "../types";
import type { SheetView } from "./sheet";
import type { FuelStatement, SymbolRow, SymbolTable, TextField } from "./submission";

/** Labels that name a facility in 別紙1添付 and 別紙2 (not 別紙1's numbered "1.1 熱設備名称" header). */
export const FACILITY_LABELS = ["熱設備名称", "発電設備名称", "設備名称"].map(normalizeText);
export const METHODOLOGY_NAME_LABEL = normalizeText("種別方法論名称");
/** How many rows a table may run before the reader gives up on finding its end. */
const MAX_TABLE_ROWS = 60;

/** A symbol as the forms print it, folded: "Q _{BL}", "QBL" and "Q_BL" → "qbl"; "ϵ_{BL}" → "εbl". */
export function normalizeSymbol(text: string): string {
  return normalizeText(text.replace(/[$\\]/g, "")).replace(/[ϵє]/g, "ε");
}

/** Does the text look like a symbol (Latin/Greek letters, digits, "," "/" "-"), not a note or a heading? */
function looksLikeSymbol(label: string): boolean {
  return label.length <= 24 && /^[a-zα-ω][a-z0-9α-ω,/.-]*$/.test(label);
}

function isHeadingLike(label: string): boolean {
  return /^[0-9]+\.?[0-9]*[^0-9,.]/.test(label) && !/^[0-9.,]+$/.test(label);
}

/** "熱設備名称：X" gives X at that cell; a bare label gives the first value to its right. */
export function labelledValue(sheet: SheetView, row: number, col: number): TextField | null {
  const raw = sheet.value(row, col);
  if (typeof raw === "string") {
    const m = /^[^:：]*[:：](.*)$/s.exec(raw);
    if (m && m[1].trim() !== "") return { value: m[1].trim(), raw, ref: sheet.ref(row, col) };
  }
  const right = sheet.valueRightOf(row, col, 8);
  if (!right) return null;
  const value: CellValue = right.value;
  return { value: String(value).trim(), raw: value, ref: sheet.ref(row, right.col) };
}

export function startsWithAny(label: string, prefixes: string[]): boolean {
  return prefixes.some((p) => label.startsWith(p));
}

/** The columns a 記号 table's header names beside 記号, as SymbolRow keys. */
const SYMBOL_ROW_COLUMNS: [Exclude<keyof SymbolRow, "symbol">, string][] = [
  ["definition", "定義"],
  ["unit", "単位"],
  ["method", "モニタリング方法"],
  ["documents", "提出書類"],
];

/**
 * The 記号 column under a 記号/定義 header row found in rows [from, to): rows with a symbol are read with the cells
 * under the header's 定義/単位/モニタリング方法/提出書類, continuation rows (blank 記号) skipped; it ends at a
 * heading, 以上 or the next block.
 */
export function readSymbolTable(
  sheet: SheetView,
  section: SymbolTable["section"],
  from: number,
  to: number,
): { table: SymbolTable; lastRow: number } | null {
  for (let r = from; r < Math.min(to, sheet.bottom + 1); r++) {
    for (let c = sheet.left; c <= sheet.right; c++) {
      if (sheet.label(r, c) !== "記号") continue;
      let hasDefinition = false;
      for (let d = c + 1; d <= Math.min(sheet.right, c + 4); d++)
        if (sheet.label(r, d) === "定義") hasDefinition = true;
      if (!hasDefinition) continue;
      const columns: Partial<Record<Exclude<keyof SymbolRow, "symbol">, number>> = {};
      for (let d = c + 1; d <= Math.min(sheet.right, c + 8); d++)
        for (const [key, word] of SYMBOL_ROW_COLUMNS)
          if (columns[key] === undefined && sheet.label(r, d) === word) columns[key] = d;
      const cellAt = (row: number, col: number | undefined): TextField | null => {
        if (col === undefined) return null;
        const raw = sheet.value(row, col);
        return {
          value: raw === null || raw === "" ? null : String(raw).trim(),
          raw,
          ref: sheet.ref(row, col),
        };
      };
      const symbols: TextField[] = [];
      const rows: SymbolRow[] = [];
      let lastRow = r;
      for (let rr = r + 1; rr < Math.min(to, sheet.bottom + 1, r + 1 + MAX_TABLE_ROWS); rr++) {
        let stop = false;
        for (let cc = sheet.left; cc <= c; cc++) {
          const label = sheet.label(rr, cc);
          if (
            isHeadingLike(label) ||
            label === "以上" ||
            label === "記号" ||
            label.startsWith(METHODOLOGY_NAME_LABEL)
          )
            stop = true;
        }
        if (stop) break;
        lastRow = rr;
        const label = sheet.label(rr, c);
        if (label !== "" && looksLikeSymbol(normalizeSymbol(String(sheet.value(rr, c))))) {
          const raw = sheet.value(rr, c);
          const symbol: TextField = { value: String(raw).trim(), raw, ref: sheet.ref(rr, c) };
          symbols.push(symbol);
          rows.push({
            symbol,
            definition: cellAt(rr, columns.definition),
            unit: cellAt(rr, columns.unit),
            method: cellAt(rr, columns.method),
            documents: cellAt(rr, columns.documents),
          });
        }
      }
      return { table: { section, headerRef: sheet.ref(r, c), symbols, rows }, lastRow };
    }
  }
  return null;
}

/** 1.4 算定式 and 2.2 モニタリングの対象及び方法: their 記号 tables, and the text of 2.2's rows. */
export function readPlanTables(sheet: SheetView): { tables: SymbolTable[]; fuelStatements: FuelStatement[] } {
  const tables: SymbolTable[] = [];
  let fuelStatements: FuelStatement[] = [];
  const sections: [SymbolTable["section"], (label: string) => boolean, RegExp][] = [
    ["1.4", (l) => (l.startsWith("1.4") && l.includes("算定")) || l.endsWith("削減相当量の算定"), /算/],
    [
      "2.2",
      (l) => (l.startsWith("2.2") && l.includes("モニタリング")) || l.includes("モニタリングの対象及び方法"),
      /[モﾓ]/,
    ],
  ];
  for (const [section, test, raw] of sections) {
    const heading = sheet.find(test, raw)[0];
    if (!heading) continue;
    const found = readSymbolTable(sheet, section, heading.row + 1, heading.row + 20);
    if (!found) continue;
    tables.push(found.table);
    if (section === "2.2")
      fuelStatements = readFuelStatements(sheet, found.table.headerRef.row + 1, found.lastRow);
  }
  return { tables, fuelStatements };
}

const fuelAliases = FUEL_DEFAULTS.flatMap((f) => f.aliases.map((a) => normalizeText(a))).sort(
  (a, b) => b.length - a.length,
);

/** "灯油 … 0.0678tCO2/GJ": each figure with the fuel named last before it (a fuel named without a figure is no statement). */
function readFuelStatements(sheet: SheetView, from: number, to: number): FuelStatement[] {
  const out: FuelStatement[] = [];
  for (let r = from; r <= to; r++) {
    for (let c = sheet.left; c <= sheet.right; c++) {
      const text = sheet.label(r, c);
      if (!text.includes("tco2/gj")) continue;
      const figures = /([0-9]+[.,][0-9]+)tco2\/gj/g;
      let start = 0;
      for (let m = figures.exec(text); m !== null; m = figures.exec(text)) {
        const before = text.slice(start, m.index);
        let best: { at: number; alias: string } | null = null;
        for (const alias of fuelAliases) {
          const at = before.lastIndexOf(alias);
          if (at >= 0 && (best === null || at > best.at)) best = { at, alias };
        }
        if (best) out.push({ fuel: best.alias, figure: m[1].replace(",", "."), ref: sheet.ref(r, c) });
        start = m.index + m[0].length;
      }
    }
  }
  return out;
}

/** The facility a 別紙2 block names near its tCO2 row, if any. */
export function readAllocationFacility(
  sheet: SheetView,
  row: number,
  from: number,
  to: number,
): TextField | null {
  for (let r = Math.max(from, sheet.top); r <= Math.min(to, sheet.bottom); r++) {
    for (let c = sheet.left; c <= sheet.right; c++) {
      if (r === row) continue;
      if (startsWithAny(sheet.label(r, c), FACILITY_LABELS)) return labelledValue(sheet, r, c);
    }
  }
  return null;
}
