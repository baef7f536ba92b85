// Pressure units: gauge vs absolute, bar and kPa, converted exactly (hand arithmetic in each case).
import { parsePressureUnit, toAbsoluteMPa, isGaugeUnit } from "../../src/steam/units";
import { isGecError } from "../../src/errors";

/** The scheme's standard atmosphere (seed 別紙1添付: ゲージ圧 + 0.101325 MPa). */
const ATMOSPHERE = "0.101325";

describe("toAbsoluteMPa", () => {
  it.each([
    // value, unit, MPa absolute (hand arithmetic)
    [0.95, "MPa", "0.95"],
    [0.84237, "MPaG", "0.943695"], // 0.84237 + 0.101325
    [950, "kPa", "0.95"], // 950 × 0.001
    [9.5, "bar", "0.95"], // 9.5 × 0.1
    [8.4, "barG", "0.941325"], // 0.84 + 0.101325
    [1, "MPa(G)", "1.101325"],
    ["0.5", "ＭＰａＧ", "0.601325"],
    [2, "bar(a)", "0.2"],
    [0.95, null, "0.95"],
    [0.95, "", "0.95"],
  ])("%s %s → %s MPa abs", (p, unit, expected) => {
    expect(toAbsoluteMPa(p, unit, ATMOSPHERE).toString()).toBe(expected);
  });

  it("an unknown unit is a #VALUE! naming the known ones, in both languages", () => {
    let error: unknown;
    try {
      toAbsoluteMPa(1, "psi", ATMOSPHERE);
    } catch (e) {
      error = e;
    }
    expect(isGecError(error)).toBe(true);
    if (!isGecError(error)) return;
    expect(error.code).toBe("#VALUE!");
    expect(error.text.ja).toContain("MPaG");
    expect(error.text.en).toContain("barG");
  });

  it("parsePressureUnit: blank is the default, gauge units are told apart", () => {
    expect(parsePressureUnit(" ")).toBeNull();
    expect(parsePressureUnit("barg")).toBe("barG");
    expect(isGaugeUnit("MPaG")).toBe(true);
    expect(isGaugeUnit("kPa")).toBe(false);
  });
});
