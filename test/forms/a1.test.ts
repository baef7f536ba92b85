// A1 addresses, the one module every layer and adapter uses: letters ↔ column, and the bounds of Excel's grid.
import {
  EXCEL_MAX_COLS,
  EXCEL_MAX_ROWS,
  cellAddress,
  columnIndex,
  columnLetters,
  parseA1,
  parseAddress,
} from "../../src/forms/a1";

describe("A1 addresses", () => {
  it.each([
    // column index, letters (by hand: AA = 26 + 1 → 27th column; XFD = 24·676 + 6·26 + 4 = 16,384th)
    [0, "A"],
    [25, "Z"],
    [26, "AA"],
    [701, "ZZ"],
    [702, "AAA"],
    [16383, "XFD"],
  ])("column %d is %s, and back", (col, letters) => {
    expect(columnLetters(col)).toBe(letters);
    expect(columnIndex(letters)).toBe(col);
    expect(columnIndex(letters.toLowerCase())).toBe(col);
  });

  it("a package's cell address: inside Excel's grid only, no $ and no sheet", () => {
    expect([EXCEL_MAX_ROWS, EXCEL_MAX_COLS]).toEqual([1_048_576, 16_384]);
    expect(parseAddress("K12")).toEqual({ row: 11, col: 10 });
    expect(parseAddress("XFD1048576")).toEqual({ row: 1_048_575, col: 16_383 });
    expect(parseAddress("XFE1")).toBeNull();
    expect(parseAddress("A1048577")).toBeNull();
    expect(parseAddress("A0")).toBeNull();
    expect(parseAddress("$A$1")).toBeNull();
    expect(parseAddress("12")).toBeNull();
  });

  it("a typed address: $ allowed, spaces trimmed; cellAddress reverses it", () => {
    expect(parseA1(" $U$6 ")).toEqual({ row: 5, col: 20 });
    expect(cellAddress({ row: 5, col: 20 })).toBe("U6");
    expect(parseA1("別紙1!U6")).toBeNull();
  });
});
