// The optional pressure unit of the steam functions: the gauge-vs-absolute slip cannot happen silently.
import { customFunctions } from "../../functions/registry";
import { CellError } from "../../functions/core";

const call = (id: string, ...args: unknown[]): unknown => {
  const fn = customFunctions.get(id);
  if (!fn) throw new Error(id);
  return (fn(...args.map((a) => [[a]])) as unknown[][])[0][0];
};

describe("steam functions take a pressure unit", () => {
  // IF97 Table 5: h(3 MPa, 300 K = 26.85 °C) = 115.331273 kJ/kg; the same state in every unit
  it.each<[unknown, string | null]>([
    [3, null],
    [3, "MPa"],
    [3000, "kPa"],
    [30, "bar"],
    // 3 MPa abs − 0.101325 atmosphere = 2.898675 MPa gauge; 30 bar abs − 1.01325 = 28.98675 bar gauge
    [2.898675, "MPaG"],
    [28.98675, "barG"],
    [2.898675, "ＭＰａＧ"],
  ])("STEAM_H(%p, 26.85, %p) = 115.331273", (p, unit) => {
    expect((call("STEAM_H", p, 26.85, unit) as number).toFixed(6)).toBe("115.331273");
  });

  it('STEAM_TSAT(1, "bar") is Tsat at 0.1 MPa, 99.605919 °C (IF97 Table 35)', () => {
    expect((call("STEAM_TSAT", 1, "bar") as number).toFixed(6)).toBe("99.605919");
  });

  it("an unknown unit is #VALUE! naming the units it takes", () => {
    const cell = call("STEAM_H", 3, 26.85, "psi");
    expect(cell).toBeInstanceOf(CellError);
    expect((cell as CellError).message).toMatch(/MPaG.*barG/);
  });

  it("functions of temperature alone take no unit", () => {
    expect(customFunctions.get("STEAM_HF")?.length).toBe(1);
    expect(customFunctions.get("STEAM_H")?.length).toBe(3);
  });
});
