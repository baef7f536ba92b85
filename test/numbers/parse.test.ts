import {
  parseDateCell,
  parseNumberCell,
  parseRatioCell,
  normalizeText,
  excelSerialFromDate,
  dateFromExcelSerial,
} from "../../src/numbers";
import type { CellValue } from "../../src/types";

describe("parseNumberCell: one table of what people type", () => {
  it.each<[CellValue, number, boolean]>([
    [494794207, 494794207, false],
    ["494,794,207", 494794207, true],
    ["４９４，７９４，２０７", 494794207, true],
    [" 1 234 ", 1234, true],
    ["0.0693", 0.0693, true],
    ["０．０６９３", 0.0693, true],
    ["99.94%", 0.9994, true],
    ["99.94％", 0.9994, true],
    ["100%", 1, true],
    ["▲123", -123, true],
    ["△1,000", -1000, true],
    ["(45)", -45, true],
    ["−12.5", -12.5, true],
    ["1e3", 1000, true],
  ])("%p reads as %p", (raw, value, fromText) => {
    const r = parseNumberCell(raw);
    expect(r).toMatchObject({ kind: "number", value, fromText });
  });

  it.each<[CellValue]>([[null], [""], ["—"], ["-"], ["―"], ["－"], ["なし"], ["  "]])(
    "%p is empty",
    (raw) => {
      expect(parseNumberCell(raw).kind).toBe("empty");
    },
  );

  it.each<[CellValue]>([["abc"], [true], ["12,34"], ["1.2.3"], ["#VALUE!"], [Number.NaN], ["12kg"]])(
    "%p is invalid, with a reason in both languages",
    (raw) => {
      const r = parseNumberCell(raw);
      expect(r.kind).toBe("invalid");
      if (r.kind === "invalid") {
        expect(r.text.ja).toMatch(/数値/);
        expect(r.text.en).toMatch(/number/);
      }
    },
  );

  it("keeps the exact decimal of a percentage", () => {
    const r = parseNumberCell("99.94%");
    expect(r.kind === "number" && r.decimal.toString()).toBe("0.9994");
  });
});

describe("parseRatioCell: S_B and ε as a fraction", () => {
  it.each<[CellValue, string]>([
    [0.9994, "0.9994"],
    [99.94, "0.9994"],
    ["99.94%", "0.9994"],
    [0.92022, "0.92022"],
    [92.022, "0.92022"],
    ["92.022%", "0.92022"],
    [1, "1"],
    [100, "1"],
  ])("%p → %p", (raw, decimal) => {
    const r = parseRatioCell(raw);
    expect(r.kind === "number" && r.decimal.toString()).toBe(decimal);
  });
});

describe("dates", () => {
  it("computes Excel serials (1900 system) as Excel does", () => {
    // Excel: 2020-04-01 = 43922, 2021-03-31 = 44286, 1900-03-01 = 61 (after the fictitious 1900-02-29 = 60)
    expect(excelSerialFromDate(2020, 4, 1)).toBe(43922);
    expect(excelSerialFromDate(2021, 3, 31)).toBe(44286);
    expect(excelSerialFromDate(1900, 1, 1)).toBe(1);
    expect(excelSerialFromDate(1900, 3, 1)).toBe(61);
    expect(dateFromExcelSerial(43922)).toEqual({ year: 2020, month: 4, day: 1 });
    expect(dateFromExcelSerial(61)).toEqual({ year: 1900, month: 3, day: 1 });
  });

  it.each<[CellValue, number, number, number | null]>([
    ["2020年4月1日", 2020, 4, 1],
    ["２０２０年４月１日", 2020, 4, 1],
    ["2020/4/1", 2020, 4, 1],
    ["2020-04-01", 2020, 4, 1],
    ["R2.4.1", 2020, 4, 1],
    ["令和2年4月1日", 2020, 4, 1],
    ["令和元年5月1日", 2019, 5, 1],
    ["平成29年1月", 2017, 1, null],
    ["平成19年11月", 2007, 11, null],
    ["H29.1", 2017, 1, null],
    ["昭和64年1月7日", 1989, 1, 7],
    [43922, 2020, 4, 1],
  ])("%p is %p-%p-%p", (raw, year, month, day) => {
    expect(parseDateCell(raw)).toMatchObject({ kind: "date", year, month, day });
  });

  it.each<[CellValue]>([["2020年13月1日"], ["2021/2/29"], ["tomorrow"], [true], [-5]])(
    "%p is not a date",
    (raw) => {
      expect(parseDateCell(raw).kind).toBe("invalid");
    },
  );
});

describe("normalizeText", () => {
  it("folds the ways a symbol is written", () => {
    const forms = ["Q_BL", "QBL", "Q BL", "Q_{BL}", "Ｑ＿ＢＬ", "q\nbl", "QBL(MJHHV)", "Q_{BL} (MJ_{HHV})"];
    for (const f of forms) expect(normalizeText(f)).toBe("qbl");
    expect(normalizeText("EPs(kWh)")).toBe("eps");
    expect(normalizeText("SB(%)")).toBe("sb");
  });

  it("keeps a parenthesis that carries meaning, and a bare unit", () => {
    expect(normalizeText("川辺木質バイオマス熱電供給設備 (2020年度)")).toBe(
      "川辺木質バイオマス熱電供給設備(2020年度)",
    );
    expect(normalizeText("(kWh)")).toBe("(kwh)");
    expect(normalizeText("排出削減量 (tCO2)")).toBe("排出削減量(tco2)");
  });
});
