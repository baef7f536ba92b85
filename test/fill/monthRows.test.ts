// Issue 16's reproductions on the monitoring tables: a total row under another name, a subtotal row, rejected months,
// negative cells, two tables for one facility. Check and fill read one definition of a month that counts: the tonnes
// fill writes are the published ones, or fill refuses and says why.
import { planFill, readSubmission, validateGrid } from "../../src/engine";
import { formatRef, parseA1 } from "../../src/forms/a1";
import { Decimal } from "../../src/numbers";
import type { CellValue, CellWrite, Grid } from "../../src/types";
import { applyToGrid } from "../fixtures/gridWrites";
import { withCell } from "../fixtures/seedSubmissions";
import {
  FACILITIES,
  MONITORING_VARIANTS,
  cellOf,
  monitoredGrid,
  tableValues,
  typedTemplate,
} from "../fixtures/monitoring";
import type { TablePlace } from "../fixtures/monitoring";

const at = (w: CellWrite) => formatRef(w.ref);
/** Published 別紙1 of H002-2 (reference/003): 3.1 of 津別, and tCO2 of the three facilities and their 合計. */
const TSUBETSU_QBL = 494794207;
const PUBLISHED_TONNES = [32316, 13687, 11775]; // 津別, 川辺, セイホク: Σ 57,778 t

/** A row inserted into a sheet above `row` (0-based); rows below move down by one. */
function insertRow(grid: Grid, sheet: string, row: number, cells: Record<number, CellValue>): Grid {
  return {
    sheets: grid.sheets.map((s) => {
      if (s.name !== sheet) return s;
      const width = Math.max(...s.values.map((l) => l.length));
      const line: CellValue[] = Array.from({ length: width }, (_, c) => cells[c] ?? null);
      const values = [...s.values.slice(0, row), line, ...s.values.slice(row)];
      const formulas = s.formulas
        ? [...s.formulas.slice(0, row), line.map(() => null), ...s.formulas.slice(row)]
        : undefined;
      return { ...s, values, ...(formulas ? { formulas } : {}) };
    }),
  };
}

function errors(grid: Grid): string[] {
  return validateGrid(grid)
    .findings.filter((f) => f.severity === "error")
    .map((f) => `${f.rule} ${formatRef(f.ref)}`);
}

/** The value fill writes at a cell, or what the cell holds when fill leaves it. */
function after(grid: Grid, writes: CellWrite[], sheet: string, a1: string): number {
  const filled = applyToGrid(grid, writes);
  const s = filled.sheets.find((x) => x.name === sheet);
  const at = parseA1(a1);
  const v = at ? s?.values[at.row]?.[at.col] : undefined;
  return typeof v === "number" ? v : Number(String(v).replace(/,/g, ""));
}

/** 別紙1's 3.1 and tCO2 cells of a facility (0 津別, 1 川辺, 2 セイホク). */
function listCells(grid: Grid, i: number): { qBl: string; emT: string } {
  const row = readSubmission(grid).projectList?.rows[i];
  const ref = (k: string) => formatRef(row?.numbers[k]?.ref ?? { sheet: "", row: 0, col: 0 });
  return { qBl: ref("qBl"), emT: ref("emT") };
}

const split = (ref: string): [string, string] => {
  const i = ref.lastIndexOf("!");
  return [ref.slice(0, i), ref.slice(i + 1)];
};

/** The sum of a column's months i … j − 1 of 津別, by hand from the fixture's typed inputs. */
function sumOf(key: string, from: number, to: number): number {
  const { months } = tableValues(FACILITIES[0]);
  return months
    .slice(from, to)
    .reduce((a, m) => a.add(Decimal.from(m[key])), Decimal.zero)
    .toNumber();
}

describe.each(MONITORING_VARIANTS)("%s", (_n, variant) => {
  const clean = () => monitoredGrid(variant);
  /** 津別's table with a 上期計 row after September holding the sums of April–September. */
  const withHalfYear = () => {
    const { grid, places } = clean();
    const t = places[0];
    const cells: Record<number, CellValue> = { [t.columns.month]: "上期計" };
    for (const key of ["operatingDays", "fSteam", "fFeed", "qMonth", "ePsMonth"]) {
      cells[t.columns[key]] = sumOf(key, 0, 6);
    }
    return { grid, t, withSubtotal: insertRow(grid, t.sheet, t.firstMonth + 6, cells) };
  };
  const labelTotal = (grid: Grid, place: TablePlace, label: string) =>
    withCell(grid, place.sheet, cellOf(place, "month", "total"), label);

  it.each(["年度計", "年間合計", "計", "Total", "総計"])(
    "a 合計 labelled %s is the total: no month more, 3.1 and the tonnes as published",
    (label) => {
      const { grid, places } = clean();
      const relabelled = labelTotal(grid, places[0], label);
      expect(readSubmission(relabelled).monitoring[0].months).toHaveLength(12);
      expect(errors(relabelled)).toEqual(errors(grid));
      const { writes } = planFill(relabelled);
      // once 3.1 494,794,207 → 989,588,415 and 32,316 t → 64,632 t
      const cells = listCells(relabelled, 0);
      expect(after(relabelled, writes, ...split(cells.qBl))).toBe(TSUBETSU_QBL);
      expect(after(relabelled, writes, ...split(cells.emT))).toBe(PUBLISHED_TONNES[0]);
      expect(writes.map(at)).toEqual([]);
    },
  );

  it("a 上期計 subtotal after September is checked against April–September and never summed", () => {
    const { grid, t, withSubtotal } = withHalfYear();
    const table = readSubmission(withSubtotal).monitoring[0];
    expect(table.months).toHaveLength(12);
    expect(table.totals.map((x) => [x.kind, x.label, x.from, x.to])).toEqual([
      ["subtotal", "上期計", 0, 6],
      ["total", "合計", 0, 12],
    ]);
    expect(errors(withSubtotal)).toEqual(errors(grid));
    const { writes } = planFill(withSubtotal);
    const list = listCells(withSubtotal, 0);
    expect(after(withSubtotal, writes, ...split(list.qBl))).toBe(TSUBETSU_QBL);
    expect(after(withSubtotal, writes, ...split(list.emT))).toBe(PUBLISHED_TONNES[0]);
    // a subtotal one tonne of steam off is flagged at its cell
    const wrong = withCell(
      withSubtotal,
      t.sheet,
      `${cellOf(t, "fSteam", 0).replace(/\d+$/, "")}${t.firstMonth + 7}`,
      sumOf("fSteam", 0, 6) + 1,
    );
    expect(errors(wrong)).toContain(
      `monitoring.total.recompute ${t.sheet}!${cellOf(t, "fSteam", 0).replace(/\d+$/, "")}${t.firstMonth + 7}`,
    );
  });

  // numbers typed as text get values, not formulas (Excel's SUM would skip them)
  (variant.textNumbers ? it.skip : it)("--formulas: the 合計's SUM leaves the subtotal row out", () => {
    const { t, withSubtotal } = withHalfYear();
    const { writes } = planFill(withSubtotal, { formulas: true });
    const col = cellOf(t, "fSteam", 0).replace(/\d+$/, "");
    const first = t.firstMonth + 1;
    const totalAt = `${t.sheet}!${col}${t.firstMonth + 14}`;
    expect(writes.find((w) => at(w) === totalAt)?.formula).toBe(
      `=SUM(${col}${first}:${col}${first + 5},${col}${first + 7}:${col}${first + 12})`,
    );
  });

  it("a repeated month is in no sum: check flags it, fill writes no 3.1 and no tonne and says why", () => {
    const { grid, places } = clean();
    const t = places[0];
    // March's 年月 typed as February: the row would be summed twice over under its label
    const repeated = withCell(grid, t.sheet, cellOf(t, "month", 11), "2021年2月");
    expect(errors(repeated)).toContain(`monitoring.month.duplicate ${t.sheet}!${cellOf(t, "month", 11)}`);
    const { writes, skipped } = planFill(repeated);
    const list = listCells(repeated, 0);
    expect(writes.map(at)).not.toContain(list.qBl);
    expect(writes.map(at)).not.toContain(list.emT);
    expect(skipped.map((f) => `${f.rule} ${formatRef(f.ref)}`)).toContain(
      `fill.refused.rejectedMonth ${list.qBl}`,
    );
    // the other facilities are filled as before: their tonnes as published
    for (const i of [1, 2])
      expect(after(repeated, writes, ...split(listCells(repeated, i).emT))).toBe(PUBLISHED_TONNES[i]);
  });

  it.each(["▲3,001,856", "(3,001,856)", -3001856])(
    "a negative 控除熱量 %s: an error at its cell, never added, fill refuses 3.1 and the tonnes",
    (value) => {
      const { grid, places } = clean();
      const t = places[1];
      const negative = withCell(grid, t.sheet, cellOf(t, "deduction", 0), value);
      expect(errors(negative)).toContain(`monitoring.cell.negative ${t.sheet}!${cellOf(t, "deduction", 0)}`);
      const { writes, skipped } = planFill(negative);
      const list = listCells(negative, 1);
      // added, it grew 川辺's credit by 442 t; now nothing is written there
      expect(writes.map(at)).not.toContain(list.qBl);
      expect(writes.map(at)).not.toContain(list.emT);
      expect(after(negative, writes, ...split(list.emT))).toBe(PUBLISHED_TONNES[1]);
      expect(skipped.some((f) => f.rule.startsWith("fill.refused."))).toBe(true);
    },
  );

  it("a negative steam flow is a finding at its cell; the run goes on and the other facilities are checked", () => {
    const { grid, places } = clean();
    const t = places[0];
    const negative = withCell(grid, t.sheet, cellOf(t, "fSteam", 1), -18750.5);
    const found = errors(negative);
    expect(found).toContain(`monitoring.cell.negative ${t.sheet}!${cellOf(t, "fSteam", 1)}`);
    // 川辺 is still checked: a fault there is still found
    const both = withCell(negative, places[1].sheet, cellOf(places[1], "pAbs", 0), 0.5);
    expect(errors(both)).toContain(
      `monitoring.pAbs.recompute ${places[1].sheet}!${cellOf(places[1], "pAbs", 0)}`,
    );
    expect(() => planFill(negative)).not.toThrow();
  });

  it.each([
    ["an unreadable steam flow", "fSteam", 1, "abc"],
    // 170.04 °C < t_sat(0.95 MPa) ≈ 177.7 °C: IF97's h(0.95, 170.0) is the liquid's, so its 生成熱量 is no steam's
    ["wet steam", "tSteamMean", 0, 170.04],
  ] as const)(
    "%s in a month the fill cannot mend: no 3.1 and no tonnes, and the plan says why",
    (_n, key, month, value) => {
      const { grid, places } = clean();
      const t = places[0];
      let faulty = withCell(grid, t.sheet, cellOf(t, key, month), value);
      // 3.1 and the tonnes typed wrong: a fill that linked them would write the table's sum there
      const list = listCells(faulty, 0);
      faulty = withCell(faulty, ...split(list.qBl), 1);
      faulty = withCell(faulty, ...split(list.emT), 1);
      const { writes, skipped } = planFill(faulty);
      expect(writes.map(at)).not.toContain(list.qBl);
      expect(writes.map(at)).not.toContain(list.emT);
      expect(skipped.map((f) => `${f.rule} ${formatRef(f.ref)}`)).toContain(
        `fill.refused.faultedMonth ${list.qBl}`,
      );
      // the other facilities are filled as before
      expect(after(faulty, writes, ...split(listCells(faulty, 1).emT))).toBe(PUBLISHED_TONNES[1]);
    },
  );

  it("two tables for one facility: fill links 3.1 to neither (once the last, +2,094 t)", () => {
    const { grid, places } = clean();
    const name = readSubmission(grid).monitoring[2].facilityName;
    if (!name) throw new Error("no name");
    const raw = String(name.raw);
    const renamed = raw.includes("：") ? `${raw.split("：")[0]}：${FACILITIES[1].name}` : FACILITIES[1].name;
    const twice = withCell(grid, name.ref.sheet, formatRef(name.ref).split("!")[1], renamed);
    const list = listCells(twice, 1);
    const { writes, skipped } = planFill(twice);
    expect(writes.map(at)).not.toContain(list.qBl);
    expect(after(twice, writes, ...split(list.emT))).toBe(PUBLISHED_TONNES[1]);
    expect(skipped.map((f) => f.rule)).toContain("fill.refused.duplicateTable");
    expect(places).toHaveLength(3);
  });
});

describe("the 年度 of a table's title", () => {
  it.each([
    ["熱実績管理表（令和2年度）", 2020],
    ["熱実績管理表（令和元年度）", 2019],
    ["熱実績管理表 R2年度", 2020],
    ["熱実績管理表（平成31年度）", 2019],
    ["熱実績管理表（２０２０年度）", 2020],
  ])("%s → %d: months typed 4月 … 3月 are read in it", (title, year) => {
    const { grid, places } = monitoredGrid();
    const t = places[0];
    let g = withCell(grid, t.sheet, `A${t.firstMonth - 3}`, title);
    const months = ["4月", "5月", "6月", "7月", "8月", "9月", "10月", "11月", "12月", "1月", "2月", "3月"];
    months.forEach((m, i) => (g = withCell(g, t.sheet, cellOf(t, "month", i), m)));
    const table = readSubmission(g).monitoring[0];
    expect(table.fiscalYear).toBe(year);
    expect(
      table.months.map((m) =>
        m.month.reading.kind === "date" ? `${m.month.reading.year}-${m.month.reading.month}` : "",
      ),
    ).toEqual(months.map((m, i) => `${i < 9 ? year : year + 1}-${parseInt(m, 10)}`));
    // 令和2年度 once gave 13 false month errors
    if (year === 2020) expect(errors(g).filter((e) => e.startsWith("monitoring.month"))).toEqual([]);
  });
});

describe("the layout `gec template H002-2 --monitoring` writes, typed with セイホク's inputs", () => {
  /** Published セイホク 3.1 and 3.2 (reference/003). */
  const QBL = 192857523;
  const EPS = 3751134;
  const seihoku = tableValues({ ...FACILITIES[2], fB: null, fT: null }).months;
  const sum = (key: string, from: number, to: number) =>
    seihoku
      .slice(from, to)
      .reduce((a, m) => a.add(Decimal.from(m[key])), Decimal.zero)
      .toNumber();

  it("合計 relabelled 年度計 and a 上期計 row inserted: 3.1 and 3.2 as published, the subtotal left out of the SUM", () => {
    const grid = typedTemplate();
    const table = readSubmission(grid).monitoring[0];
    const total = table.total;
    if (!total) throw new Error("no 合計");
    let g = withCell(grid, table.sheet, formatRef(total.ref).split("!")[1], "年度計");
    const cells: Record<number, CellValue> = { [table.columns.month]: "上期計" };
    for (const key of ["operatingDays", "fSteam", "fFeed", "ePsMonth"])
      cells[table.columns[key]] = sum(key, 0, 6);
    g = insertRow(g, table.sheet, table.months[6].row, cells);
    const read = readSubmission(g).monitoring[0];
    expect(read.months).toHaveLength(12);
    expect(read.totals.map((t) => `${t.kind} ${t.label}`)).toEqual(["subtotal 上期計", "total 年度計"]);
    const { writes } = planFill(g, { formulas: true });
    const byCell = new Map(writes.map((w) => [at(w), w]));
    expect(byCell.get("別紙1!L4")?.value).toBe(QBL);
    expect(byCell.get("別紙1!M4")?.value).toBe(EPS);
    // the SUM of 蒸気流量 in 年度計 skips the 上期計 row (once it counted April–September twice)
    const col = formatRef({ ...read.months[0].cells.fSteam.ref })
      .split("!")[1]
      .replace(/\d+$/, "");
    const first = read.months[0].row + 1;
    expect(
      byCell.get(`${table.sheet}!${col}${read.total?.row !== undefined ? read.total.row + 1 : 0}`)?.formula,
    ).toBe(`=SUM(${col}${first}:${col}${first + 5},${col}${first + 7}:${col}${first + 12})`);
  });

  it("a second year appended below the 合計: errors at its months, and fill refuses 3.1", () => {
    const grid = typedTemplate();
    const table = readSubmission(grid).monitoring[0];
    const below = (table.total?.row ?? 0) + 1;
    let g = grid;
    for (let i = 0; i < 2; i++) {
      const cells: Record<number, CellValue> = { [table.columns.month]: `2021年${i + 4}月` };
      cells[table.columns.fSteam] = seihoku[i].fSteam;
      g = insertRow(g, table.sheet, below + i, cells);
    }
    const found = errors(g);
    expect(found).toContain(`monitoring.month.outOfYear ${table.sheet}!A${below + 1}`);
    expect(found).toContain(`monitoring.month.outOfYear ${table.sheet}!A${below + 2}`);
    const { writes, skipped } = planFill(g);
    expect(writes.map(at)).not.toContain("別紙1!L4");
    expect(skipped.map((f) => `${f.rule} ${formatRef(f.ref)}`)).toContain(
      "fill.refused.rejectedMonth 別紙1!L4",
    );
  });
});

describe("messages stay bounded", () => {
  it("a 5.1–5.2 of 1900–9999: the missing months are counted, 12 listed", () => {
    const { grid } = monitoredGrid();
    const row = readSubmission(grid).projectList?.rows[0];
    const start = row?.dates.startDate?.ref;
    const end = row?.dates.endDate?.ref;
    if (!start || !end) throw new Error("no 5.1/5.2");
    let g = withCell(grid, start.sheet, formatRef(start).split("!")[1], "1900年4月1日");
    g = withCell(g, end.sheet, formatRef(end).split("!")[1], "9999年3月31日");
    const missing = validateGrid(g).findings.find(
      (f) => f.rule === "monitoring.month.missing" && f.message.ja.includes("1900年4月"),
    );
    // (9999 − 1900) × 12 = 97,188 months; 12 are in the table, 12 of the other 97,176 are listed
    expect(missing?.message.ja).toContain("ほか 97,164 件");
    expect(missing?.message.en).toContain("and 97,164 more");
    expect(missing?.message.ja.length).toBeLessThan(400);
  });
});

describe("a monitoring table on a hidden sheet", () => {
  /** 津別's table on its own sheet (the per-facility layout), with that sheet's visibility and 生成熱量 changed. */
  const variant = MONITORING_VARIANTS[1][1];
  const hide = (grid: Grid, sheet: string): Grid => ({
    sheets: grid.sheets.map((s) => (s.name === sheet ? { ...s, visibility: "hidden" as const } : s)),
  });

  it("a hidden old copy before the visible table: warned, never matched, 3.1 and the tonnes from the visible one", () => {
    const { grid, places } = monitoredGrid(variant);
    const t = places[0];
    const visible = grid.sheets.find((s) => s.name === t.sheet);
    if (!visible) throw new Error("no sheet");
    // the old copy claims twice the heat of every month
    let copy = hide({ sheets: [{ ...visible, name: "熱実績_津別 (旧)" }] }, "熱実績_津別 (旧)");
    for (let i = 0; i < 12; i++) {
      const a1 = cellOf(t, "qMonth", i);
      copy = withCell(copy, "熱実績_津別 (旧)", a1, sumOf("qMonth", i, i + 1) * 2);
    }
    const withOld: Grid = { sheets: [...copy.sheets, ...grid.sheets] };
    const found = validateGrid(withOld).findings.map((f) => `${f.rule} ${formatRef(f.ref)}`);
    expect(found).toContain(
      `monitoring.table.hidden '熱実績_津別 (旧)'!${cellOf(t, "month", 0).replace(/\d+$/, "")}${t.firstMonth}`,
    );
    expect(errors(withOld)).toEqual(errors(grid));
    const list = listCells(withOld, 0);
    const typedWrong = withCell(withCell(withOld, ...split(list.qBl), 1), ...split(list.emT), 1);
    const { writes } = planFill(typedWrong);
    expect(after(typedWrong, writes, ...split(list.qBl))).toBe(TSUBETSU_QBL);
    expect(after(typedWrong, writes, ...split(list.emT))).toBe(PUBLISHED_TONNES[0]);
  });

  it("the only table of a facility on a hidden sheet: checked and warned, but fill writes no 3.1 from it", () => {
    const { grid, places } = monitoredGrid(variant);
    const t = places[0];
    const hidden = hide(grid, t.sheet);
    const list = listCells(hidden, 0);
    const typedWrong = withCell(withCell(hidden, ...split(list.qBl), 1), ...split(list.emT), 1);
    const found = validateGrid(typedWrong).findings.map((f) => f.rule);
    expect(found).toContain("monitoring.table.hidden");
    expect(found).toContain("monitoring.qBl.fromTable");
    const { writes, skipped } = planFill(typedWrong);
    expect(writes.map(at)).not.toContain(list.qBl);
    expect(writes.map(at)).not.toContain(list.emT);
    expect(skipped.map((f) => `${f.rule} ${formatRef(f.ref)}`)).toContain(
      `fill.refused.hiddenTable ${list.qBl}`,
    );
  });
});
