import {
  METHODOLOGIES,
  absolutePressure,
  biomassShare,
  cefElectricity,
  cefFuel,
  emP,
  emWb,
  emissionFactor,
  epc,
  epsBl,
  getMethodology,
  methodologyName,
  qWb,
  renderRowFormula,
  setElectricityFactor,
  steamMonthHeat,
} from "../../src/methodology";
import { GecError } from "../../src/errors";

function gecError(fn: () => unknown): GecError {
  try {
    fn();
  } catch (e) {
    if (e instanceof GecError) return e;
    throw e;
  }
  throw new Error("no error");
}

describe("rounding boundaries are exact", () => {
  it("R1 truncates E_PS × 9.484 even where the double product falls just below an integer", () => {
    // 250 × 9.484 = 2371 exactly; in doubles 250 * 9.484 = 2371.0000000000005, harmless;
    // 0.29 kWh × 100 style cases: 2.9 × 9.484 = 27.5036 exactly
    expect(qWb(10000, 250)).toBe(10000 - 2371);
    // a factor override: 3 × 1.1 = 3.3 exactly, though 3 * 1.1 = 3.3000000000000003 → ROUNDDOWN must be 3 either way;
    // 10 × 0.29 = 2.9 exactly, though 10 * 0.29 = 2.9000000000000004
    expect(qWb(100, 3, 1.1)).toBe(97);
    // 100 × 4.35 = 435 exactly, though 100 * 4.35 = 434.99999999999994: a float ROUNDDOWN would give 434
    expect(qWb(1000, 100, 4.35)).toBe(1000 - 435);
  });

  it("R2/R3 truncate a quotient that is exact at 4 places without losing the last digit", () => {
    // 0.0736 × 0.92022 / 0.92022 = 0.0736: CEF = 0.067728192 gives exactly 0.0736
    expect(emissionFactor(0.067728192, 0.92022)).toBe(0.0736);
    // S_B exactly 0.5 and exactly 0.9999
    expect(biomassShare(1, 2)).toBe(0.5);
    expect(biomassShare(9999, 10000)).toBe(0.9999);
    // 0.57 = 57/100, whose double 0.57 is 0.56999999999999995…: Math.floor(0.57 * 10000) / 10000 gives 0.5699
    expect(Math.floor((57 / 100) * 10000) / 10000).toBe(0.5699);
    expect(biomassShare(57, 100)).toBe(0.57);
  });

  it("R4 keeps a product that is mathematically a whole number", () => {
    // 50,000 × 0.0749 = 3,745 exactly, but 50000 * 0.0749 = 3744.9999999999995 in doubles
    expect(Math.floor(50000 * 0.0749)).toBe(3744);
    expect(emWb(50000, 1, 0.0693, 0.92512)).toBe(3745);
    // 187,500 × 0.57 × 0.0736 = 7,866 exactly, but the double product is 7865.999999999999
    expect(Math.floor(187500 * 0.57 * 0.0736)).toBe(7865);
    expect(emWb(187500, 0.57, 0.0678, 0.92022)).toBe(7866);
  });

  it('accepts S_B and ε as 0.9994, 99.94 and "99.94%"', () => {
    const expected = 13687392; // seed 川辺 row, hand-computed in seed.test.ts
    expect(emWb(186081657, 0.9994, 0.0678, 0.92022)).toBe(expected);
    expect(emWb(186081657, 99.94, 0.0678, 92.022)).toBe(expected);
    expect(emWb(186081657, "99.94%", "0.0678", "92.022%")).toBe(expected);
    expect(emWb("186,081,657", "９９．９４％", 0.0678, 0.92022)).toBe(expected);
  });
});

describe("power (provisional)", () => {
  it("EPC = EPG − EPS − EPA and EMP = ROUNDDOWN((EPS + EPC) × CEF, 0)", () => {
    expect(epc(1000, 600, 50)).toBe(350);
    // (600 + 350) × 0.5 = 475
    expect(emP(600, 350, 0.5)).toBe(475);
    // (1 + 2) × 0.453 = 1.359 → 1
    expect(emP(1, 2, 0.453)).toBe(1);
  });
});

describe("electricity factor table", () => {
  it("answers #N/A with a message where it has no value, and serves a registered one", () => {
    const e = gecError(() => cefElectricity(1990 + 30, "全国平均"));
    expect(e.code).toBe("#N/A");
    expect(e.text.ja).toMatch(/2020/);
    setElectricityFactor({ fiscalYear: 2020, kind: "全国平均", value: 0.5, provenance: "test entry" });
    expect(cefElectricity(2020, "全国平均").value).toBe(0.5);
  });
});

describe("steam procedure", () => {
  it("P_ABS: 0.84237 → 0.843 → 0.944325 → 0.95 (docs/domain.md §5)", () => {
    expect(absolutePressure(0.84237)).toBe(0.95);
    // 0.8 → 0.8 → 0.901325 → 0.91
    expect(absolutePressure(0.8)).toBe(0.91);
    // 0.899 → 0.899 → 1.000325 → 1.01 (a sum just above a boundary rounds up, exactly)
    expect(absolutePressure(0.899)).toBe(1.01);
    // 0 → 0 → 0.101325 → 0.11
    expect(absolutePressure(0)).toBe(0.11);
  });

  it("Q_m of the docs/domain.md §5 example: 2,904,231.71 MJ", () => {
    // p 0.84237 → 0.95 MPa; t_s 185.468 → 185.4 °C, h = 2795.30217 kJ/kg; t_fw 104.37 → 104.3 °C, h' = 437.255055;
    // 2795.30217 × 1234.5 − 437.255055 × 1250.0 = 3,450,800.528865 − 546,568.81875 = 2,904,231.710115 MJ
    const month = {
      gaugePressureMean: 0.84237,
      steamTemperatureMean: 185.468,
      steamFlow: 1234.5,
      feedwaterTemperatureMean: 104.37,
      feedwaterFlow: 1250.0,
    };
    expect(steamMonthHeat(month)).toBeCloseTo(2904231.71, 1);
    expect(steamMonthHeat(month, { roundToPlaces: 0 })).toBe(2904232);
  });

  it("refuses negative flows, naming them", () => {
    const e = gecError(() =>
      steamMonthHeat({
        gaugePressureMean: 0.84237,
        steamTemperatureMean: 185.468,
        steamFlow: -1,
        feedwaterTemperatureMean: 104.37,
        feedwaterFlow: 1250,
      }),
    );
    expect(e.argument).toBe("F_s");
  });
});

describe("Excel formulas from the declared expressions", () => {
  const heat = getMethodology("H002-2").quantities;
  const qWbDecl = heat.find((q) => q.key === "qWb");
  it("puts cell addresses and the 9.484 parameter into R1", () => {
    if (!qWbDecl) throw new Error("no qWb");
    expect(renderRowFormula(qWbDecl, heat, { qBl: "S12", ePs: "T12" }, {}, false)).toBe(
      "=S12-ROUNDDOWN(T12*9.484,0)",
    );
    expect(
      renderRowFormula(qWbDecl, heat, { qBl: "S12", ePs: "T12" }, { primaryEnergyFactor: 9.76 }, false),
    ).toBe("=S12-ROUNDDOWN(T12*9.76,0)");
  });

  it("gives no formula where the layout lacks a cell it needs (the value is written instead)", () => {
    const emT = heat.find((q) => q.key === "emT");
    if (!emT) throw new Error("no emT");
    // emKg has no address and is derived: inlined down to inputs that have none either
    expect(renderRowFormula(emT, heat, {}, {}, false)).toBeNull();
  });
});

describe("methodology declarations", () => {
  it("declares all 14 methodologies of the 1.3 table, heat and power, with the official names", () => {
    expect(METHODOLOGIES).toHaveLength(14);
    expect(methodologyName("H002-2").ja).toBe(
      "バイオマス熱（木質バイオマス蒸気供給施設（熱電供給システム））",
    );
    expect(methodologyName("h2-1").ja).toBe("バイオマス熱（木質バイオマス熱利用システム）");
    expect(getMethodology("P002").kind).toBe("power");
    expect(getMethodology("H002-2").provisional).toBe(false);
    expect(getMethodology("H003").provisional).toBe(true);
  });

  it("gives each derived column an expression with its rounding and a native Excel formula (never GEC.)", () => {
    for (const m of METHODOLOGIES) {
      const refs = Object.fromEntries(
        m.quantities.filter((q) => q.column).map((q, i) => [q.key, `${String.fromCharCode(65 + i)}5`]),
      );
      for (const q of m.quantities.filter((x) => x.role === "derived" && x.column)) {
        const formula = renderRowFormula(q, m.quantities, refs, {}, false);
        expect(formula).toMatch(/ROUNDDOWN\(/);
        expect(formula).not.toMatch(/GEC\./i);
      }
    }
  });
});

describe("bad input names the argument in Japanese and English", () => {
  it.each<[string, () => unknown, string]>([
    ["negative heat", () => qWb(-1, 0), "Q_BL"],
    ["negative power", () => qWb(1, -5), "E_PS"],
    ["F_B > F_T", () => biomassShare(11, 10), "F_B"],
    ["F_T = 0", () => biomassShare(0, 0), "F_T"],
    ["ε = 0", () => emissionFactor(0.0678, 0), "ε_BL"],
    ["ε > 100 %", () => emissionFactor(0.0678, 101), "ε_BL"],
    ['ε "120%"', () => emissionFactor(0.0678, "120%"), "ε_BL"],
    ["unknown fuel", () => cefFuel("石炭"), "fuel"],
    ["text", () => qWb("abc", 1), "Q_BL"],
    ["unknown methodology", () => getMethodology("X999"), "code"],
  ])("%s", (_, fn, argument) => {
    const e = gecError(fn);
    expect(e.code).toBe("#VALUE!");
    expect(e.argument).toBe(argument);
    expect(e.text.ja).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
    expect(e.text.en).toMatch(/[a-z]/);
  });

  it("LPG's ε_BL is #N/A: its LHV/HHV is not settled", () => {
    expect(gecError(() => epsBl("LPG")).code).toBe("#N/A");
  });
});
