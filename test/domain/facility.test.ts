// Each finding names its facility: by its 別紙1 row, or the 別紙2 block, 別紙1添付 block or 熱実績管理表 of the facility.
import { validateGrid, formatRef } from "../../src/engine";
import { seedGrid, withCell } from "../fixtures/seedSubmissions";
import { cellOf, monitoredGrid } from "../fixtures/monitoring";

// the three facilities of the published H002-2, as its 別紙1 (rows 4–6) names them, without "(2020年度)"
const TSUBETSU = "津別稚板協同組合バイオマスエネルギーセンター";
const KAWABE = "川辺木質バイオマス熱電供給設備";
const SEIHOKU = "セイホクバイオマス熱電供給設備";

const named = (grid: Parameters<typeof validateGrid>[0]) =>
  Object.fromEntries(
    validateGrid(grid).findings.map((f) => [`${formatRef(f.ref)} ${f.rule}`, f.facility ?? null]),
  );

describe("facility on each finding", () => {
  it("the published H002-2: 別紙1 rows by their row, 別紙1添付 blocks by 別紙1's name even where the block misspells it", () => {
    expect(named(seedGrid("H002-2"))).toEqual({
      "別紙1!N5 projectList.qWb.recompute": KAWABE,
      "別紙1!U6 projectList.emKg.recompute": SEIHOKU,
      "別紙1!S4 hygiene.numberAsText": TSUBETSU,
      "別紙1!S5 hygiene.numberAsText": KAWABE,
      "別紙1!S6 hygiene.numberAsText": SEIHOKU,
      // the block says 津別単板…, 別紙1 津別稚板…: one facility, named as 別紙1 names it
      "別紙1添付!A3 identity.facilityName.attachment": TSUBETSU,
      // セイホク's block (its Q_BL method text)
      "別紙1添付!C68 attachment.operatingDays.inconsistent": SEIHOKU,
    });
  });

  it("a 別紙2 block: the facility the checks pair it with (the seed's blocks name none: by position)", () => {
    // 別紙2!C14 is the second block's tCO2 (13,687 t printed, 川辺's 3.11)
    const facilities = named(withCell(seedGrid("H002-2"), "別紙2", "C14", 13000));
    expect(facilities["別紙2!C14 allocation.facility.tonnes"]).toBe(KAWABE);
  });

  it("a 熱実績管理表: the facility its 熱設備名称 names, on a month row and on its 合計", () => {
    const { grid, places } = monitoredGrid();
    const table = places[0]; // 津別's table, its March typed as February
    const repeated = withCell(grid, table.sheet, cellOf(table, "month", 11), "2021年2月");
    const findings = validateGrid(repeated).findings.filter((f) => f.ref.sheet === table.sheet);
    expect(findings.map((f) => f.rule)).toEqual(
      expect.arrayContaining(["monitoring.month.duplicate", "monitoring.total.recompute"]),
    );
    // this fixture's 別紙1 gives 津別 as its 別紙1添付 does (単板)
    expect(new Set(findings.map((f) => f.facility))).toEqual(
      new Set(["津別単板協同組合バイオマスエネルギーセンター"]),
    );
  });

  it("a cell of no one facility (the 合計) names none", () => {
    const facilities = named(withCell(seedGrid("H002-2"), "別紙1", "V7", 57000));
    expect(facilities["別紙1!V7 projectList.total.recompute"]).toBeNull();
  });
});
