// Binary noise (docs/numbers.md): number cells at the 15 significant digits a spreadsheet keeps, and which rounding
// arguments lie within a double's noise of their boundary.
import {
  Decimal,
  nearRoundingBoundary,
  parseNumberCell,
  spreadsheetDecimal,
  withinSpreadsheetNoise,
  atSpreadsheetPrecision,
} from "../../src/numbers";

describe("a number cell is read at 15 significant digits", () => {
  it.each<[number, string]>([
    // (0.1 + 0.7) × 10 and an AVERAGE's tail: Excel shows 8 and 0.878
    [(0.1 + 0.7) * 10, "8"],
    [0.8780000000000001, "0.878"],
    [0.1 + 0.2, "0.3"],
    // a double's 17 digits (IF97's h in a cell) → the 15 LibreOffice writes back: 2808.30196152357
    [2808.301961523567, "2808.30196152357"],
    [2795.3, "2795.3"],
    [494794207, "494794207"],
    [-0.2, "-0.2"],
    [1e15, "1000000000000000"],
  ])("%p reads as %s", (raw, text) => {
    expect(spreadsheetDecimal(raw).toString()).toBe(text);
    const r = parseNumberCell(raw);
    expect(r.kind === "number" && r.decimal.toString()).toBe(text);
    // and the number it gives is that decimal's double, not the noisy one
    expect(r.kind === "number" && r.value).toBe(Number(text));
  });

  it("text is read as typed: no spreadsheet computed it", () => {
    const r = parseNumberCell("0.8780000000000001");
    expect(r.kind === "number" && r.decimal.toString()).toBe("0.8780000000000001");
  });
});

describe("rounding boundaries within a spreadsheet's noise", () => {
  it.each<[string, number, "down" | "up" | "halfUp", boolean]>([
    // 2.6 × 10^-6 below 10,349,000: 2.5 × 10^-13 of it (LibreOffice snaps it up)
    ["10348999.9999974", 0, "down", true],
    // 0.001 below: 10^-10 of it, far outside
    ["10348999.999", 0, "down", false],
    // exactly on the boundary: both spreadsheets snap to it
    ["10349000", 0, "down", false],
    ["0.9996", 4, "down", false],
    // ROUNDUP(0.878000000000001, 3): 10^-15 above 0.878
    ["0.878000000000001", 3, "up", true],
    ["0.84237", 3, "up", false],
    // ROUND: the boundary is the half-way point 2.675
    ["2.67499999999999", 2, "halfUp", true],
    ["2.675", 2, "halfUp", false],
    ["2.67", 2, "halfUp", false],
    ["-1.99999999999999", 0, "down", true],
  ])("%s to %p places (%s): %p", (arg, places, mode, near) => {
    expect(nearRoundingBoundary(Decimal.parse(arg), places, mode)).toBe(near);
  });
});

describe("a 15-digit cell against the exact value of its inputs", () => {
  it("agrees within 10^-14 of the terms, not beyond", () => {
    // 2808.30196152357 × 3990.8 − 421.631013913104 × 4013.5 by hand: 11,207,371.46 − 1,692,216.07 ≈ 9,515,155.39
    const h = Decimal.parse("2808.30196152357");
    const hf = Decimal.parse("421.631013913104");
    const exact = h.mul("3990.8").sub(hf.mul("4013.5"));
    const scale = h.mul("3990.8").add(hf.mul("4013.5"));
    expect(exact.toString()).toBe("9515155.393708020252");
    expect(atSpreadsheetPrecision(Decimal.parse("9515155.39370801"))).toBe(true);
    expect(withinSpreadsheetNoise(Decimal.parse("9515155.39370801"), exact, scale)).toBe(true);
    expect(withinSpreadsheetNoise(Decimal.parse("9515155.39371"), exact, scale)).toBe(false);
  });
});
