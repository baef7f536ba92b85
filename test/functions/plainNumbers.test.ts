// The steam functions' shortcut for plain numbers (no Decimal) against their Decimal path: the same result, value or
// error, for every steam function, on any argument a sheet or gec eval can hand over.
import fc from "fast-check";
import { CellError, liftRanges } from "../../functions/core";
import type { CellResult } from "../../functions/core";
import { FUNCTIONS } from "../../functions/catalog";
import { customFunctions } from "../../functions/registry";
import { spreadsheetDecimal, spreadsheetNumber } from "../../src/numbers";

/** Runs per property: the Decimal path costs microseconds a call, and this suite is in the 30-second unit loop. */
const RUNS = { numRuns: 400 };

/** The double `ulps` steps from x (x > 0): its bits as an integer, moved. */
function ulpsAway(x: number, ulps: number): number {
  const bits = new BigInt64Array(new Float64Array([x]).buffer);
  bits[0] += BigInt(ulps);
  return new Float64Array(bits.buffer)[0];
}

/** Doubles as sheets hold them: typed (few decimals), computed (any double), edges of the 15-digit window. */
const plainDouble = fc.oneof(
  fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e15, max: 1e15 }),
  fc.double({ noNaN: true, min: -1e3, max: 1e3 }),
  fc
    .tuple(fc.integer({ min: -1e9, max: 1e9 }), fc.integer({ min: 0, max: 9 }))
    .map(([n, places]) => n / 10 ** places),
  // a decimal of 16 digits ending in 5: half-way between two of 15 digits (before the double's own rounding)
  fc
    .tuple(
      fc.integer({ min: 1e8, max: 999999999 }),
      fc.integer({ min: 0, max: 999999 }),
      fc.integer({ min: 1, max: 20 }),
    )
    .map(([high, low, shift]) => Number(`${high}${String(low).padStart(6, "0")}5e-${shift}`)),
  // the doubles a few ulps either side of such a half-way decimal: fl(x × 10^k) falls on half-way, the exact
  // product does not, and only its exact error says which way it rounds
  fc
    .tuple(
      fc.integer({ min: 1e8, max: 999999999 }),
      fc.integer({ min: 0, max: 999999 }),
      fc.integer({ min: 1, max: 20 }),
      fc.integer({ min: -3, max: 3 }),
    )
    .map(([high, low, shift, ulps]) =>
      ulpsAway(Number(`${high}${String(low).padStart(6, "0")}5e-${shift}`), ulps),
    ),
  fc.constantFrom(0, -0, 1e15, -1e15, 1e-8, 9.99999999999999e14, 0.8780000000000001, 2795.3, 0.1 + 0.2),
);

describe("spreadsheetNumber", () => {
  it("is spreadsheetDecimal(x).toNumber() for every double in range (-0 included, as 0)", () => {
    fc.assert(
      fc.property(plainDouble, (x) => {
        expect(Object.is(spreadsheetNumber(x), spreadsheetDecimal(x).toNumber())).toBe(true);
      }),
      { numRuns: 5000 },
    );
  });

  it("gives nothing where parseNumberCell refuses: NaN, ±∞, beyond 10^15", () => {
    for (const x of [NaN, Infinity, -Infinity, 1e15 + 1, -2e15, Number.MAX_VALUE])
      expect(spreadsheetNumber(x)).toBeUndefined();
  });

  it("rounds a computed double to the 15 digits a spreadsheet keeps (hand-checked cases)", () => {
    // 0.878 + 1e-16 is the double 0.8780000000000001: a spreadsheet shows and keeps 0.878
    expect(spreadsheetNumber(0.8780000000000001)).toBe(0.878);
    expect(spreadsheetNumber(0.1 + 0.2)).toBe(0.3);
    // 7.999999999999999 (16 digits) → 8.00000000000000 at 15
    expect(spreadsheetNumber(7.999999999999999)).toBe(8);
    // 15 digits already: unchanged
    expect(spreadsheetNumber(123456789.012345)).toBe(123456789.012345);
    expect(spreadsheetNumber(-0)).toBe(0);
    expect(Object.is(spreadsheetNumber(-0), 0)).toBe(true);
  });
});

const steam = FUNCTIONS.filter((f) => f.group === "steam");

/** Any cell content: plain numbers most, then text, blanks, booleans, non-finite numbers. */
const cellValue = fc.oneof(
  { weight: 6, arbitrary: plainDouble },
  { weight: 1, arbitrary: fc.constantFrom(NaN, Infinity, -Infinity, 2e15, -1e300) },
  { weight: 1, arbitrary: fc.constantFrom("0.5", "1,000", "abc", "", " ", "99%", "1e3", "—") },
  { weight: 1, arbitrary: fc.constantFrom(null, undefined, true, false) },
);
/** A pressure unit as typed: none most often, then the known ones and some nobody knows. */
const unitValue = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(null, undefined, "") },
  { weight: 2, arbitrary: fc.constantFrom("MPa", "MPaG", "kPa", "bar", "barG", "MPa(G)", "ＭＰａ") },
  { weight: 1, arbitrary: fc.constantFrom("psi", "x", 3, true) },
);

describe("every steam function: the shortcut answers as the Decimal path", () => {
  it("covers every steam function, and only those", () => {
    expect(steam.map((f) => f.id)).toEqual([
      "STEAM_H",
      "STEAM_S",
      "STEAM_V",
      "STEAM_CP",
      "STEAM_TSAT",
      "STEAM_PSAT",
      "STEAM_HF",
      "STEAM_HG",
      "STEAM_HF_P",
      "STEAM_HG_P",
      "STEAM_T_PH",
    ]);
    for (const f of FUNCTIONS) expect(f.decimalCell !== undefined).toBe(f.group === "steam");
  });

  it.each(steam.map((f) => [f.id, f] as const))("%s: value or error, cell by cell", (_, f) => {
    const takesUnit = f.parameters[f.parameters.length - 1].name === "unit";
    const quantities = f.parameters.length - (takesUnit ? 1 : 0);
    const args = fc.tuple(
      fc.array(cellValue, { minLength: quantities, maxLength: quantities }),
      takesUnit ? unitValue : fc.constant(undefined),
    );
    const excel = customFunctions.get(f.id)!;
    fc.assert(
      fc.property(args, ([values, unit]) => {
        const cells = takesUnit ? [...values, unit] : values;
        // the Decimal path, lifted over the same cells the general way
        const expected = liftRanges(
          cells.map((v) => [[v]]),
          f.decimalCell!,
        );
        // as Excel calls it: every argument [[x]]
        expect(excel(...cells.map((v) => [[v]]))).toEqual(expected);
        // bare scalars, an omitted unit left out (what lift reads as a blank)
        const bare = takesUnit && (unit === undefined || unit === null) ? values : cells;
        expect(excel(...bare)).toEqual(
          liftRanges(
            cells.map((v) => [[v ?? null]]),
            f.decimalCell!,
          ),
        );
      }),
      RUNS,
    );
  });

  it("STEAM_H over a range with a bad cell: each cell as the Decimal path has it", () => {
    const f = FUNCTIONS.find((x) => x.id === "STEAM_H")!;
    const p = [[0.1], [1], ["x"], [0.8780000000000001], [-0]];
    const t = [[200, 26.85, 1e300]];
    const got = customFunctions.get("STEAM_H")!(p, t) as CellResult[][];
    expect(got).toEqual(liftRanges([p, t, null], f.decimalCell!));
    expect(got).toHaveLength(5);
    expect(got[2].every((c) => c instanceof CellError)).toBe(true);
  });
});
