// Property: over generated monitoring tables (total rows under any label, subtotal rows, negative cells, a repeated
// month, a second year appended), the 3.1 and tonnes fill leaves in 別紙1 are the hand computation from the valid
// months — the published 494,794,207 MJ and 32,316 t of 津別 — or fill refuses and says why. It never throws.
import fc from "fast-check";
import { planFill, readSubmission } from "../../src/engine";
import { formatRef } from "../../src/forms/a1";
import { Decimal } from "../../src/numbers";
import type { CellValue, Grid } from "../../src/types";
import { applyToGrid } from "../fixtures/gridWrites";
import { FACILITIES, monitoredGrid, tableValues } from "../fixtures/monitoring";

const RUNS = { numRuns: 60 };
/** Published 別紙1 of H002-2 (reference/003): 津別's 3.1 and tCO2. */
const QBL = 494794207;
const TONNES = 32316;

const TOTAL_LABELS = ["合計", "年度計", "年間合計", "計", "Total", "総計", "合 計"];
const SUBTOTAL_LABELS = ["上期計", "小計", "下期計", "第1四半期計", ""];
const NEGATIVE_KEYS = ["fSteam", "fFeed", "ePsMonth", "qMonth"];

interface Shape {
  total: string;
  /** Subtotal rows: after which month (1 … 11) and with which label, and whether their sums are right. */
  subtotals: { after: number; label: string; right: boolean }[];
  /** A negative cell: month and key, and how it is typed. */
  negative: { month: number; key: string; form: "minus" | "triangle" | "paren" } | null;
  /** A month whose 年月 is typed as the month before it (a repeat). */
  repeat: number | null;
  /** Months of the next fiscal year appended below the 合計. */
  appended: number;
}

const shape: fc.Arbitrary<Shape> = fc.record({
  total: fc.constantFrom(...TOTAL_LABELS),
  subtotals: fc.uniqueArray(
    fc.record({
      after: fc.integer({ min: 1, max: 11 }),
      label: fc.constantFrom(...SUBTOTAL_LABELS),
      right: fc.boolean(),
    }),
    { maxLength: 3, selector: (s) => s.after },
  ),
  negative: fc.option(
    fc.record({
      month: fc.integer({ min: 0, max: 11 }),
      key: fc.constantFrom(...NEGATIVE_KEYS),
      form: fc.constantFrom("minus" as const, "triangle" as const, "paren" as const),
    }),
    { nil: null },
  ),
  repeat: fc.option(fc.integer({ min: 1, max: 11 }), { nil: null }),
  appended: fc.integer({ min: 0, max: 3 }),
});

const MONTH_LABELS = (i: number) => `${i < 9 ? 2020 : 2021}年${((i + 3) % 12) + 1}月`;

/** 津別's table rebuilt in the shape, in place of the fixture's rows; everything below moves down. */
function build(s: Shape): Grid {
  const { grid, places } = monitoredGrid();
  const t = places[0];
  const sheet = grid.sheets.find((x) => x.name === t.sheet);
  if (!sheet) throw new Error("no sheet");
  const width = Math.max(...sheet.values.map((l) => l.length));
  const { months } = tableValues(FACILITIES[0]);
  const col = t.columns;
  const line = (label: CellValue, cells: Record<string, CellValue>): CellValue[] => {
    const out: CellValue[] = Array.from({ length: width }, () => null);
    out[col.month] = label;
    for (const [k, v] of Object.entries(cells)) if (col[k] !== undefined) out[col[k]] = v;
    return out;
  };
  const rows: CellValue[][] = [];
  let since = 0;
  const summedKeys = ["operatingDays", "fSteam", "fFeed", "qMonth", "ePsMonth"];
  const sums = (from: number, to: number, off: number) =>
    Object.fromEntries(
      summedKeys.map((k) => [
        k,
        months
          .slice(from, to)
          .reduce((a, m) => a.add(Decimal.from(m[k])), Decimal.zero)
          .add(off)
          .toNumber(),
      ]),
    );
  for (let i = 0; i < 12; i++) {
    const sub = s.subtotals.find((x) => x.after === i);
    if (sub) {
      rows.push(line(sub.label, sums(since, i, sub.right ? 0 : 1)));
      since = i;
    }
    const cells: Record<string, CellValue> = { ...months[i] } as Record<string, CellValue>;
    delete cells.month;
    if (s.negative && s.negative.month === i) {
      const v = months[i][s.negative.key];
      cells[s.negative.key] =
        s.negative.form === "minus" ? -v : s.negative.form === "triangle" ? `▲${v}` : `(${v})`;
    }
    rows.push(line(s.repeat === i ? MONTH_LABELS(i - 1) : MONTH_LABELS(i), cells));
  }
  rows.push(line(s.total, sums(0, 12, 0)));
  for (let i = 0; i < s.appended; i++) {
    const cells = { ...months[i] } as Record<string, CellValue>;
    delete cells.month;
    rows.push(line(`2021年${i + 4}月`, cells));
  }
  const first = t.firstMonth - sheet.origin.row;
  const values = [...sheet.values.slice(0, first), ...rows, ...sheet.values.slice(t.totalRow + 1)];
  return { sheets: grid.sheets.map((x) => (x === sheet ? { ...x, values, formulas: undefined } : x)) };
}

/** Whether a valid month is touched: then the hand computation is unknown and fill must refuse. */
const spoilt = (s: Shape) => s.negative !== null || s.repeat !== null || s.appended > 0;

describe("fill over generated monitoring tables", () => {
  it("writes 津別's published 3.1 and tonnes from the valid months, or refuses both and says why", () => {
    fc.assert(
      fc.property(shape, (s) => {
        const grid = build(s);
        const row = readSubmission(grid).projectList?.rows[0];
        const qBl = row?.numbers.qBl;
        const emT = row?.numbers.emT;
        if (!qBl || !emT) throw new Error("no 別紙1 row");
        // the typed 3.1 and tonnes are wrong, so a fill that links them must write the right ones
        const typed = applyToGrid(grid, [
          { ref: qBl.ref, value: 1, previous: qBl.raw },
          { ref: emT.ref, value: 1, previous: emT.raw },
        ]);
        const plan = planFill(typed);
        const written = new Map(plan.writes.map((w) => [formatRef(w.ref), w.value]));
        const refusedHere = plan.skipped.some(
          (f) => f.rule.startsWith("fill.refused.") && f.message.ja.length > 0,
        );
        if (spoilt(s)) {
          expect(written.has(formatRef(qBl.ref))).toBe(false);
          expect(written.has(formatRef(emT.ref))).toBe(false);
          expect(refusedHere).toBe(true);
        } else {
          expect(written.get(formatRef(qBl.ref))).toBe(QBL);
          expect(written.get(formatRef(emT.ref))).toBe(TONNES);
        }
      }),
      RUNS,
    );
  });
});
