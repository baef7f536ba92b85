// The reader finds each 熱実績管理表 by its labels in every layout variant of the 別紙1 fixtures.
import { readSubmission } from "../../src/forms/read";
import { monitoringColumnOf } from "../../src/forms/monitoring";
import { normalizeText } from "../../src/numbers";
import { seedGrid } from "../fixtures/seedSubmissions";
import { FACILITIES, MONITORING_VARIANTS, monitoredGrid, tableColumns } from "../fixtures/monitoring";

import type { NumberField } from "../../src/forms/submission";

const num = (f: NumberField | undefined) => (f && f.reading.kind === "number" ? f.reading.value : null);

describe("readSubmission: monitoring tables", () => {
  it.each(MONITORING_VARIANTS)(
    "%s: three tables, 12 months each, a 合計 row, every column",
    (_name, variant) => {
      const { grid, places } = monitoredGrid(variant);
      const tables = readSubmission(grid).monitoring;
      expect(tables).toHaveLength(3);
      tables.forEach((t, i) => {
        const f = FACILITIES[i];
        expect(t.facilityName?.value).toBe(f.name);
        expect(t.sheet).toBe(places[i].sheet);
        expect(Object.keys(t.columns).sort()).toEqual([...tableColumns(f)].sort());
        expect(t.columns).toEqual(places[i].columns);
        expect(t.months).toHaveLength(12);
        expect(t.months[0].row).toBe(places[i].firstMonth);
        expect(t.total?.ref.row).toBe(places[i].totalRow);
        const first = t.months[0].month.reading;
        const last = t.months[11].month.reading;
        expect(first.kind === "date" && [first.year, first.month]).toEqual([2020, 4]);
        expect(last.kind === "date" && [last.year, last.month]).toEqual([2021, 3]);
      });
      // docs/domain.md §5's example month, whatever the layout
      expect(num(tables[0].months[0].cells.pGauge)).toBe(0.84237);
      expect(num(tables[0].months[0].cells.hSteam)).toBe(2795.3);
      expect(num(tables[1].total?.cells.deduction)).toBe(38038299);
    },
  );

  it("年月 merged down over a two-row header and repeated in the lower cell (as some exports write it)", () => {
    const { grid, places } = monitoredGrid({ ocrHeaders: true, sheets: "perFacility" });
    const t = places[0];
    const sheet = grid.sheets.find((s) => s.name === t.sheet);
    if (!sheet) throw new Error("no sheet");
    sheet.values[t.firstMonth - 1][t.columns.month] = "年月";
    const table = readSubmission(grid).monitoring.find((x) => x.sheet === t.sheet);
    expect(table?.months).toHaveLength(12);
    expect(table?.columns.pAbs).toBe(t.columns.pAbs);
  });

  it("months typed as 4月 … 3月 under a title with its 年度 (熱実績管理表（2020年度）)", () => {
    const { grid, places } = monitoredGrid();
    const t = places[1];
    const sheet = grid.sheets.find((s) => s.name === t.sheet);
    if (!sheet) throw new Error("no sheet");
    for (let m = 0; m < 12; m++) sheet.values[t.firstMonth + m][t.columns.month] = `${((m + 3) % 12) + 1}月`;
    const table = readSubmission(grid).monitoring[1];
    const months = table.months.map((m) =>
      m.month.reading.kind === "date" ? [m.month.reading.year, m.month.reading.month] : null,
    );
    expect(months[0]).toEqual([2020, 4]);
    expect(months[8]).toEqual([2020, 12]);
    expect(months[9]).toEqual([2021, 1]);
    expect(months[11]).toEqual([2021, 3]);
  });

  it("a workbook without monitoring tables reads none", () => {
    expect(readSubmission(seedGrid("H002-2")).monitoring).toEqual([]);
  });

  it.each([
    ["年月", "month"],
    ["蒸気圧力 月平均（ゲージ） (MPa)", "pGauge"],
    ["蒸気圧力（絶対）", "pAbs"],
    ["蒸気温度月平均", "tSteamMean"],
    ["蒸気温度", "tSteam"],
    ["蒸気比エンタルピー", "hSteam"],
    ["抽気蒸気流量", "fSteam"],
    ["送気流量", "fSteam"],
    ["給水温度 月平均", "tFeedMean"],
    ["給水温度", "tFeed"],
    ["給水比エンタルピー", "hFeed"],
    ["給水流量", "fFeed"],
    ["控除熱量", "deduction"],
    ["生成熱量", "qMonth"],
    ["補機消費電力量", "ePsMonth"],
    ["補機定格出力 (kW)", "ratedPower"],
    ["稼働時間", "operatingHours"],
    ["稼働日数", "operatingDays"],
    ["バイオマス投入量", "biomassMass"],
    ["低位発熱量(dry)", "lhvDry"],
    ["水分率", "moisture"],
    ["助燃料（A重油）使用量 (kL)", "auxFuelVolume"],
    ["ｂ ａ ｉ ｏ", null],
  ])("the label %s names %s", (label, key) => {
    expect(monitoringColumnOf(normalizeText(label))).toBe(key);
  });
});
