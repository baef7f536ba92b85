// Rule families 1, 2, 4, 7 and 8 of docs/domain.md §7: methodology, periods, 別紙2 totals, identity, hygiene.
import { methodologyOf } from "../forms/submission";
import { Decimal, fiscalYearOfDate } from "../numbers";

import type { Finding, Grid } from "../types";
import type { DateField, Submission } from "../forms/submission";
import { at, finding } from "./finding";
import { fiscalYearInName } from "../forms/names";
import { facilityLabel, heldFacility, matchBlocks } from "../domain/blocks";
import type { BlockMatch } from "../domain/blocks";
import { shortened } from "../text";
import { fixOf } from "./projectList";
import { everyKnown, totalDerivation } from "../domain/rows";
import type { DerivationStep } from "../formula";
import { gecCalls } from "../formula/gecCalls";

function isoDate(d: DateField): string {
  if (d.reading.kind !== "date") return shortened(d.raw);
  const { year, month, day } = d.reading;
  return `${year}-${String(month).padStart(2, "0")}${day === null ? "" : "-" + String(day).padStart(2, "0")}`;
}

export function checkMethodology(s: Submission): Finding[] {
  const m = s.methodology;
  if (!m.tableRef) return [];
  if (m.checked.length === 1) return [];
  const message = {
    ja: `1.3 方法論のチェックはちょうど 1 つ必要ですが、${m.checked.length} 個です${m.checked.length ? `（${m.checked.map((c) => c.code).join("、")}）` : ""}。`,
    en: `Exactly one methodology must be checked in 1.3; found ${m.checked.length}${m.checked.length ? ` (${m.checked.map((c) => c.code).join(", ")})` : ""}.`,
  };
  const extra = { expected: 1, actual: m.checked.length };
  // none checked: the table; several: each checked box, so that every one can be looked at and cleared
  if (m.checked.length === 0) return [finding("methodology.checked.count", m.tableRef, message, extra)];
  return m.checked.map((c) => finding("methodology.checked.count", c.ref, message, extra));
}

export function checkPeriods(s: Submission): Finding[] {
  const out: Finding[] = [];
  const { start, end } = s.period;
  for (const field of [start, end]) {
    if (field && field.reading.kind === "invalid") {
      out.push(
        finding("period.unreadable", field.ref, {
          ja: `${at(field.ref)} を日付として読めません。`,
          en: `${at(field.ref)} is not a date.`,
        }),
      );
    }
  }
  const startSerial = start?.reading.kind === "date" ? start.reading.serial : null;
  const endSerial = end?.reading.kind === "date" ? end.reading.serial : null;
  if (start && end && startSerial !== null && endSerial !== null && startSerial > endSerial) {
    out.push(
      finding("period.order", end.ref, {
        ja: `1.5 終了日 (${isoDate(end)}) が開始日 (${isoDate(start)}) より前です。`,
        en: `1.5 end date (${isoDate(end)}) is before the start date (${isoDate(start)}).`,
      }),
    );
  }
  const list = s.projectList;
  if (!list) return out;
  for (const row of list.rows) {
    for (const key of ["startDate", "endDate"]) {
      const d = row.dates[key];
      if (!d) continue;
      if (d.reading.kind === "invalid") {
        out.push(
          finding("period.row.unreadable", d.ref, {
            ja: `${at(d.ref)} を日付として読めません。`,
            en: `${at(d.ref)} is not a date.`,
          }),
        );
        continue;
      }
      if (d.reading.kind !== "date" || startSerial === null || endSerial === null) continue;
      if (d.reading.serial < startSerial || d.reading.serial > endSerial) {
        out.push(
          finding(
            "period.row.outside",
            d.ref,
            {
              ja: `${at(d.ref)} (${isoDate(d)}) が 1.5 認証申請期間 ${isoDate(start as DateField)}〜${isoDate(end as DateField)} の外です。`,
              en: `${at(d.ref)} (${isoDate(d)}) lies outside the 1.5 period ${isoDate(start as DateField)} to ${isoDate(end as DateField)}.`,
            },
            { expected: `${isoDate(start as DateField)}〜${isoDate(end as DateField)}`, actual: isoDate(d) },
          ),
        );
      }
    }
    // the facility name's (yyyy年度) must be the fiscal year of the period (April to March)
    const name = row.text.facilityName;
    const fy = name?.value ? fiscalYearInName(name.value) : null;
    if (name && fy && start?.reading.kind === "date") {
      const { year, month } = start.reading;
      const fiscal = fiscalYearOfDate(year, month);
      if (fy.year !== fiscal) {
        out.push(
          finding(
            "period.fiscalYearInName",
            name.ref,
            {
              ja: `${at(name.ref)} の設備名称の「${fy.suffix}」（${fy.year}年度）が認証申請期間の年度 ${fiscal} と一致しません。`,
              en: `${at(name.ref)}: the facility name's "${fy.suffix}" (fiscal ${fy.year}) differs from the period's fiscal year ${fiscal}.`,
            },
            { expected: `${fiscal}年度`, actual: `${fy.year}年度` },
          ),
        );
      }
    }
  }
  return out;
}

const declarationOf = methodologyOf;

/** R7: 別紙2 totals equal 別紙1's; one block per facility equals that row's t. */
export function checkAllocation(
  s: Submission,
  rowTonnes: (Decimal | null)[],
  explain: { row(i: number): DerivationStep[]; total(): DerivationStep[] } = {
    row: () => [],
    total: () => [],
  },
): Finding[] {
  const out: Finding[] = [];
  const blocks = s.allocationPlan;
  const list = s.projectList;
  if (!list || blocks.length === 0) return out;
  const values = blocks.map((b) => (b.tonnes.reading.kind === "number" ? b.tonnes.reading.decimal : null));
  // each block's facility: by the name it gives, else by position (one block per facility)
  const matches = matchBlocks(blocks, list.rows);
  const perFacility = matches.every((m) => m !== null);
  if (perFacility) {
    blocks.forEach((b, i) => {
      const m = matches[i] as BlockMatch;
      const expected = rowTonnes[m.row];
      const actual = values[i];
      if (expected === null || expected === undefined || (actual !== null && actual.eq(expected))) return;
      const row = list.rows[m.row];
      const named = m.by !== "position";
      const held = heldFacility(m, actual, rowTonnes);
      const name = facilityLabel(row, m.row);
      const nameRef = row.text.facilityName?.ref ?? b.tonnes.ref;
      const message =
        held !== null
          ? {
              ja: `${at(b.tonnes.ref)} のブロックは「${name}」（別紙1 ${at(nameRef)}、${expected} tCO2）を名指していますが、${actual} tCO2 は「${facilityLabel(list.rows[held], held)}」（別紙1 ${at(list.rows[held].text.facilityName?.ref ?? nameRef)}）の値です。設備名称か削減相当量のどちらかが誤っています。`,
              en: `${at(b.tonnes.ref)}: the block names "${name}" (別紙1 ${at(nameRef)}, ${expected} tCO2) but holds ${actual} tCO2, the figure of "${facilityLabel(list.rows[held], held)}" (別紙1 ${at(list.rows[held].text.facilityName?.ref ?? nameRef)}): its facility name or its tonnes are wrong.`,
            }
          : named
            ? {
                ja: `${at(b.tonnes.ref)} の削減相当量は、ブロックが名指す「${name}」（別紙1 ${at(nameRef)}）の tCO2 ${expected} と一致するはずですが、${actual ?? "空欄"} です。`,
                en: `${at(b.tonnes.ref)} should equal the tCO2 ${expected} of "${name}" (別紙1 ${at(nameRef)}), the facility the block names, but is ${actual ?? "empty"}.`,
              }
            : {
                ja: `${at(b.tonnes.ref)} の削減相当量は別紙1 の ${m.row + 1} 件目の tCO2 ${expected} と一致するはずですが、${actual ?? "空欄"} です。`,
                en: `${at(b.tonnes.ref)} should equal 別紙1 facility ${m.row + 1}'s tCO2 ${expected}, but is ${actual ?? "empty"}.`,
              };
      out.push(
        finding("allocation.facility.tonnes", b.tonnes.ref, message, {
          expected: expected.toString(),
          actual: actual?.toString() ?? "",
          // a block holding another facility's figure may be mislabelled: no one-cell fix
          fix: held === null ? fixOf(b.tonnes, expected) : undefined,
          derivation: explain.row(m.row),
        }),
      );
    });
  } else {
    // R6/R7: 別紙1's total as its declared 合計 quantity gives it
    const rows = list.rows.length > 0 ? everyKnown(rowTonnes) : null;
    const total = rows ? totalDerivation(list, declarationOf(s), rows, false).value : null;
    const allocated = everyKnown(values)?.reduce((a, v) => a.add(v), Decimal.zero) ?? null;
    if (total !== null && allocated !== null && !allocated.eq(total)) {
      out.push(
        finding(
          "allocation.total",
          blocks[0].tonnes.ref,
          {
            ja: `別紙2 の削減相当量の合計 ${allocated} が別紙1 の合計 ${total} tCO2 と一致しません。`,
            en: `別紙2 allocates ${allocated} tCO2 in all, but 別紙1 totals ${total} tCO2.`,
          },
          { expected: total.toString(), actual: allocated.toString(), derivation: explain.total() },
        ),
      );
    }
  }
  // a methodology with no power-sold quantity (heat) sells no power: 販売電力量 is 0
  const heat = !methodologyOf(s).form.powerSoldKey;
  for (const b of blocks) {
    const p = b.powerSold;
    if (heat && p && p.reading.kind === "number" && !p.reading.decimal.isZero()) {
      out.push(
        finding(
          "allocation.powerSold.heat",
          p.ref,
          {
            ja: `熱の方法論では 別紙2 の販売電力量は 0 です（${p.reading.decimal}）。`,
            en: `For a heat methodology the 別紙2 power sold is 0 (${p.reading.decimal}).`,
          },
          { expected: 0, actual: p.reading.decimal.toString(), fix: fixOf(p, Decimal.zero) },
        ),
      );
    }
  }
  return out;
}

export function checkIdentity(s: Submission): Finding[] {
  const out: Finding[] = [];
  const seen = new Map<string, string>();
  for (const row of s.projectList?.rows ?? []) {
    const field = row.text.approvalNumber;
    if (!field || field.value === null) continue;
    const id = field.value.normalize("NFKC").trim();
    if (!/^\d{2}-[A-Z]{2}-\d{3}$/.test(id)) {
      out.push(
        finding("identity.approvalNumber.format", field.ref, {
          ja: `承認番号 "${shortened(field.value)}" の形式が NN-XX-NNN（例 14-BB-001）ではありません。`,
          en: `Approval number "${shortened(field.value)}" is not of the form NN-XX-NNN (e.g. 14-BB-001).`,
        }),
      );
    } else if (seen.has(id)) {
      out.push(
        finding("identity.approvalNumber.duplicate", field.ref, {
          ja: `承認番号 ${id} が重複しています（${seen.get(id)} と同じ）。`,
          en: `Approval number ${id} appears twice (also at ${seen.get(id)}).`,
        }),
      );
    } else {
      seen.set(id, at(field.ref));
    }
  }
  return out;
}

const ERROR_VALUES = /^#(VALUE!|REF!|NAME\?|DIV\/0!|N\/A|NUM!|NULL!|SPILL!|CALC!)$/;

/** GEC. formulas and error values left in form sheets; numbers stored as text (info). */
export function checkHygiene(grid: Grid, s: Submission): Finding[] {
  const out: Finding[] = [];
  for (const sheet of grid.sheets) {
    sheet.values.forEach((line, i) => {
      const formulas = sheet.formulas?.[i];
      line.forEach((v, j) => {
        const formula = formulas?.[j] ?? null;
        if (!formula && typeof v !== "string") return;
        const ref = { sheet: sheet.name, row: sheet.origin.row + i, col: sheet.origin.col + j };
        if (formula && gecCalls(formula).length > 0) {
          out.push(
            finding(
              "hygiene.gecFormula",
              ref,
              {
                ja: `${at(ref)} に GEC. 関数の数式があります。アドインのない提出先では #NAME? になります。値に置き換えてください。`,
                en: `${at(ref)} holds a GEC. formula: recipients without the add-in see #NAME?. Replace it with its value.`,
              },
              { actual: formula },
            ),
          );
        } else if (typeof v === "string" && ERROR_VALUES.test(v.trim())) {
          out.push(
            finding(
              "hygiene.errorValue",
              ref,
              {
                ja: `${at(ref)} がエラー値 ${v} です。`,
                en: `${at(ref)} holds the error value ${v}.`,
              },
              { actual: v },
            ),
          );
        }
      });
    });
  }
  for (const row of s.projectList?.rows ?? []) {
    for (const field of Object.values(row.numbers)) {
      if (field.reading.kind === "number" && field.reading.fromText) {
        out.push(
          finding("hygiene.numberAsText", field.ref, {
            ja: `${at(field.ref)} は文字列として入力された数値です（${shortened(field.raw)} を ${field.reading.decimal} と読みました）。`,
            en: `${at(field.ref)} is a number stored as text (read "${shortened(field.raw)}" as ${field.reading.decimal}).`,
          }),
        );
      }
    }
  }
  return out;
}
