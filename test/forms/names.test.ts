// One facility-name matcher for the engine (src/forms/names.ts): the seed's spellings, and the 熱実績管理表 matcher
// that once missed a 別紙1 name with a full-width year.
import {
  editDistance,
  facilityKey,
  fiscalYearInName,
  isNearMiss,
  matchName,
  withoutFiscalYear,
} from "../../src/forms/names";
import { validateGrid } from "../../src/engine";
import { cellAddress } from "../../src/forms/a1";
import { withCell } from "../fixtures/seedSubmissions";
import { cellOf, monitoredGrid } from "../fixtures/monitoring";

const TSUBETSU = "津別単板協同組合バイオマスエネルギーセンター";

describe("facilityKey", () => {
  it("folds the (yyyy年度) suffix in every spelling", () => {
    for (const typed of [
      `${TSUBETSU} (2020年度)`,
      `${TSUBETSU}(2020年度)`,
      `${TSUBETSU}（２０２０年度）`,
      `${TSUBETSU}\u3000（2020年度）`,
      `${TSUBETSU}（令和2年度）`,
      `${TSUBETSU} 2020年度`,
      `${TSUBETSU}【R2年度】`,
    ])
      expect(facilityKey(typed)).toBe(facilityKey(TSUBETSU));
  });

  it("folds spaces and width: the seed's 'あわら温泉 4・5 号' is 'あわら温泉4・5号'", () => {
    expect(facilityKey("あわら温泉 4・5 号木質バイオマス熱設備")).toBe(
      facilityKey("あわら温泉4・5号木質バイオマス熱設備"),
    );
    expect(facilityKey("あわら温泉４・５号木質バイオマス熱設備")).toBe(
      facilityKey("あわら温泉4・5号木質バイオマス熱設備"),
    );
  });

  it("keeps the rest of the name: 1号 is not 4・5号", () => {
    expect(facilityKey("あわら温泉1号木質バイオマス熱設備")).not.toBe(
      facilityKey("あわら温泉4・5号木質バイオマス熱設備"),
    );
  });

  it("withoutFiscalYear gives the name as typed", () => {
    expect(withoutFiscalYear(`${TSUBETSU}（２０２０年度）`)).toBe(TSUBETSU);
    expect(withoutFiscalYear("東尋坊温泉2・3号木質バイオマス熱設備「ウータン・シルワ」(2020年度)")).toBe(
      "東尋坊温泉2・3号木質バイオマス熱設備「ウータン・シルワ」",
    );
  });
});

describe("fiscalYearInName", () => {
  it("reads 2020 from (2020年度), （２０２０年度） and (令和2年度) (令和元年 = 2019, so 令和2 = 2020)", () => {
    expect(fiscalYearInName(`${TSUBETSU} (2020年度)`)?.year).toBe(2020);
    expect(fiscalYearInName(`${TSUBETSU}（２０２０年度）`)?.year).toBe(2020);
    expect(fiscalYearInName(`${TSUBETSU}(令和2年度)`)?.year).toBe(2020);
    expect(fiscalYearInName(`${TSUBETSU}(令和元年度)`)?.year).toBe(2019);
    expect(fiscalYearInName(TSUBETSU)).toBeNull();
  });
});

describe("near misses", () => {
  it("the seed's 稚板/単板 is one character off: matched, as a near miss", () => {
    const slip = "津別稚板協同組合バイオマスエネルギーセンター (2020年度)";
    expect(editDistance(facilityKey(slip), facilityKey(TSUBETSU))).toBe(1);
    expect(isNearMiss(facilityKey(slip), facilityKey(TSUBETSU))).toBe(true);
    const rows = [TSUBETSU, "川辺木質バイオマス熱電供給設備", "セイホクバイオマス熱電供給設備"];
    expect(matchName(slip, rows, facilityKey)).toEqual({ item: TSUBETSU, nearMiss: true });
    expect(matchName(`${TSUBETSU}（２０２０年度）`, rows, facilityKey)).toEqual({
      item: TSUBETSU,
      nearMiss: false,
    });
  });

  it("two characters off (施設 for 設備) or a short name one off is no match", () => {
    const rows = ["セイホクバイオマス熱電供給設備", "A棟"];
    expect(editDistance("セイホクバイオマス熱電供給施設", "セイホクバイオマス熱電供給設備")).toBe(2);
    expect(matchName("セイホクバイオマス熱電供給施設", rows, facilityKey)).toBeNull();
    expect(matchName("B棟", rows, facilityKey)).toBeNull();
  });

  it("a slip one character from two names names neither", () => {
    const rows = ["あわら温泉1号木質バイオマス熱設備", "あわら温泉2号木質バイオマス熱設備"];
    expect(matchName("あわら温泉3号木質バイオマス熱設備", rows, facilityKey)).toBeNull();
  });
});

describe("the 熱実績管理表 matcher and a full-width year", () => {
  it("a 別紙1 name typed （２０２０年度） still finds its table, so its 3.1 is checked", () => {
    const { grid, places } = monitoredGrid();
    const kawabe = places[1];
    // 川辺's April 控除熱量 3,001,856 → 3,002,856 and its 合計 38,038,299 → 38,039,299 (as monitoringCases'
    // "控除熱量 changed after 3.1 was written"): Σ − 控除 = 257,572,286 − 1,000 = 257,571,286, short of 3.1
    let faulty = withCell(grid, "別紙1", "C5", "川辺木質バイオマス熱電供給設備（２０２０年度）");
    faulty = withCell(faulty, kawabe.sheet, cellOf(kawabe, "deduction", 0), 3002856);
    faulty = withCell(faulty, kawabe.sheet, cellOf(kawabe, "deduction", "total"), 38039299);
    const findings = validateGrid(faulty).findings;
    const hits = findings.filter((f) => f.rule === "monitoring.qBl.fromTable");
    expect(hits.map((f) => `${f.ref.sheet}!${cellAddress(f.ref)}`)).toEqual(["別紙1!L5"]);
    expect(hits[0].expected).toBe("257571286");
    expect(findings.filter((f) => f.rule.startsWith("monitoring.facility."))).toEqual([]);
  });
});
