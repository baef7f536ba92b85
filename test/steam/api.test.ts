// The user-facing steam API: published values, input validation, unit relations, region continuity, inverses.
import { GecError } from "../../src/errors";
import {
  propertiesPT,
  regionPT,
  saturatedLiquidEnthalpy,
  saturatedLiquidEnthalpyP,
  saturatedVapourEnthalpy,
  saturatedVapourEnthalpyP,
  saturationPressureMPa,
  saturationTemperatureC,
  steamCp,
  steamEnthalpy,
  steamEntropy,
  steamVolume,
  temperaturePH,
} from "../../src/steam";

function rel(got: number, want: number): number {
  return Math.abs(got - want) / Math.abs(want);
}

/** Deterministic pseudo-random numbers (LCG) so the dense checks are reproducible. */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 4294967296;
  };
}

describe("published values", () => {
  it("IF97 Table 5: h(3 MPa, 300 K) = 115.331273 kJ/kg", () => {
    expect(rel(steamEnthalpy(3, 26.85), 115.331273)).toBeLessThan(1e-8);
  });
  it("docs/domain.md §5 worked example: h(0.95 MPa, 185.4 °C) = 2795.30217, h'(104.3 °C) = 437.255055", () => {
    expect(rel(steamEnthalpy(0.95, 185.4), 2795.30217)).toBeLessThan(1e-9);
    expect(rel(saturatedLiquidEnthalpy(104.3), 437.255055)).toBeLessThan(1e-9);
  });
  it("IF97 Table 15: region 2 at (30 MPa, 700 K): h = 2631.49474, s = 5.17540298, cp = 10.3505092, v = 0.00542946619", () => {
    expect(rel(steamEnthalpy(30, 426.85), 2631.49474)).toBeLessThan(1e-8);
    expect(rel(steamEntropy(30, 426.85), 5.17540298)).toBeLessThan(1e-8);
    expect(rel(steamCp(30, 426.85), 10.3505092)).toBeLessThan(1e-8);
    expect(rel(steamVolume(30, 426.85), 0.00542946619)).toBeLessThan(1e-8);
  });
  it("IF97 Table 33: region 3 at ρ = 500 kg/m³, T = 750 K: p = 78.3095639 MPa, h = 2258.68845 kJ/kg", () => {
    // p is tabulated to 9 digits; ∂h/∂p|T there is ~ -1 kJ/kg/MPa, so the 1e-7 MPa rounding moves h < 1e-9 rel.
    expect(rel(steamEnthalpy(78.3095639, 476.85), 2258.68845)).toBeLessThan(1e-8);
    expect(rel(steamVolume(78.3095639, 476.85), 1 / 500)).toBeLessThan(1e-8);
  });
  it("IF97 Table 42: region 5 at (30 MPa, 1500 K): h = 5167.23514 (2007), 1997 edition differs", () => {
    expect(rel(steamEnthalpy(30, 1226.85), 5167.23514)).toBeLessThan(1e-8);
    expect(steamEnthalpy(30, 1226.85, { edition: "1997" })).not.toBeCloseTo(5167.23514, 3);
  });
  it("IF97 Tables 35, 36: ps(300 K) = 0.00353658941 MPa, Ts(0.1 MPa) = 372.755919 K", () => {
    expect(rel(saturationPressureMPa(26.85), 0.00353658941)).toBeLessThan(1e-8);
    expect(rel(saturationTemperatureC(0.1) + 273.15, 372.755919)).toBeLessThan(1e-8);
  });
  it("saturation enthalpies: h'' by t and by p agree, h' < h'' below the critical point, equal at it", () => {
    expect(
      rel(saturatedVapourEnthalpyP(saturationPressureMPa(150)), saturatedVapourEnthalpy(150)),
    ).toBeLessThan(1e-9);
    expect(
      rel(saturatedLiquidEnthalpyP(saturationPressureMPa(150)), saturatedLiquidEnthalpy(150)),
    ).toBeLessThan(1e-9);
    for (const t of [0.01, 100, 200, 349.9, 350.1, 370, 373.9]) {
      expect(saturatedLiquidEnthalpy(t)).toBeLessThan(saturatedVapourEnthalpy(t));
    }
    // region 3 side: p above ps(623.15 K)
    expect(
      rel(saturatedLiquidEnthalpyP(saturationPressureMPa(360)), saturatedLiquidEnthalpy(360)),
    ).toBeLessThan(1e-7);
    expect(Math.abs(saturatedLiquidEnthalpy(373.946) - saturatedVapourEnthalpy(373.946))).toBeLessThan(1e-6);
  });
});

describe("region boundaries (R7-97 Fig. 1: regions 1 and 2 include T = 623.15 K, region 2 includes B23 and 1073.15 K)", () => {
  it("623.15 K belongs to region 1 (liquid) or 2, just above it is region 3 or 2", () => {
    expect(regionPT(20, 623.15)).toBe(1);
    expect(regionPT(20, 623.15 + 1e-9)).toBe(3);
    expect(regionPT(10, 623.15)).toBe(2);
    expect(regionPT(10, 623.15 + 1e-9)).toBe(2);
  });
  it("B23: p = p_B23(T) is region 2, above it region 3", () => {
    // eq. 5 at T = 700 K: 348.05185628969 − 1.1671859879975·700 + 0.0010192970039326·700² = 348.05186 − 817.03019 + 499.45553 = 30.47720 MPa
    const pb = 0.34805185628969e3 - 0.11671859879975e1 * 700 + 0.10192970039326e-2 * 700 * 700;
    expect(pb).toBeCloseTo(30.4772, 3);
    expect(regionPT(pb, 700)).toBe(2);
    expect(regionPT(pb * (1 + 1e-14), 700)).toBe(3);
  });
  it("1073.15 K is region 2, above it region 5", () => {
    expect(regionPT(10, 1073.15)).toBe(2);
    expect(regionPT(10, 1073.15 + 1e-9)).toBe(5);
  });
});

describe("bad input gives a bilingual GecError naming the argument", () => {
  const cases: [string, () => number, string][] = [
    ["p NaN", () => steamEnthalpy(NaN, 100), "p"],
    ["p Infinity", () => steamEntropy(Infinity, 100), "p"],
    ["p zero", () => steamVolume(0, 100), "p"],
    ["p negative", () => steamCp(-1, 100), "p"],
    ["p above 100", () => steamEnthalpy(120, 100), "p"],
    ["t NaN", () => steamEnthalpy(1, NaN), "t"],
    ["t -Infinity", () => steamEnthalpy(1, -Infinity), "t"],
    ["t below 0", () => steamEnthalpy(1, -0.1), "t"],
    ["t above 2000", () => steamEnthalpy(1, 2000.5), "t"],
    ["p above 50 at t above 800", () => steamEnthalpy(60, 900), "p"],
    ["on the saturation line (p = ps(t))", () => steamEnthalpy(saturationPressureMPa(100), 100), "t"],
    ["on the saturation line (t = Ts(p))", () => steamEntropy(1, saturationTemperatureC(1)), "t"],
    ["Tsat p too low", () => saturationTemperatureC(0.0006), "p"],
    ["Tsat p above critical", () => saturationTemperatureC(22.1), "p"],
    ["psat t negative", () => saturationPressureMPa(-1), "t"],
    ["psat t above critical", () => saturationPressureMPa(374), "t"],
    ["h' t above critical", () => saturatedLiquidEnthalpy(400), "t"],
    ["h'' t NaN", () => saturatedVapourEnthalpy(NaN), "t"],
    ["h'(p) p above critical", () => saturatedLiquidEnthalpyP(23), "p"],
    ["h''(p) p zero", () => saturatedVapourEnthalpyP(0), "p"],
    ["T(p,h) p above 100", () => temperaturePH(101, 1000), "p"],
    ["T(p,h) h NaN", () => temperaturePH(1, NaN), "h"],
    ["T(p,h) h below h(p, 0 °C)", () => temperaturePH(1, -10), "h"],
    ["T(p,h) h above h(p, 2000 °C)", () => temperaturePH(1, 8000), "h"],
    ["T(p,h) h above h(p, 800 °C) at p > 50", () => temperaturePH(60, 4500), "h"],
    ["edition garbage", () => steamEnthalpy(1, 900, { edition: "1999" as "2007" }), "edition"],
    [
      "edition garbage (saturation)",
      () => saturatedLiquidEnthalpy(100, { edition: "x" as "1997" }),
      "edition",
    ],
  ];
  it.each(cases)("%s", (_name, call, argument) => {
    let caught: unknown;
    try {
      call();
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(GecError);
    const err = caught as GecError;
    expect(err.code).toBe("#VALUE!");
    expect(err.argument).toBe(argument);
    expect(err.text.ja).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
    expect(err.text.en).toMatch(/[a-z]/);
    expect(err.text.ja).toContain(argument);
    expect(err.text.en).toContain(argument);
  });
});

describe("dense checks", () => {
  const next = lcg(97);

  it("h = u + p·v·1000 (kJ/kg = kJ/kg + MPa·m³/kg·1000) in every region", () => {
    for (let k = 0; k < 2000; k++) {
      const t = next() * 2000;
      const p = t > 800 ? 0.001 + next() * 49.999 : 0.001 + next() * 99.999;
      const s = propertiesPT(p, t + 273.15);
      expect(Math.abs(s.h - (s.u + p * s.v * 1000))).toBeLessThan(1e-9 * Math.abs(s.h) + 1e-9);
    }
  });

  it("h is continuous across 623.15 K (regions 1/3), B23 (2/3) and 1073.15 K (2/5) within IF97's consistency", () => {
    const eps = 1e-9;
    for (let p = 17; p <= 100; p += 1) {
      expect(Math.abs(steamEnthalpy(p, 350) - steamEnthalpy(p, 350 + eps))).toBeLessThan(0.2);
    }
    // B23: p_B23(T) = 0.34805185628969e3 − 0.11671859879975e1·T + 0.10192970039326e-2·T² (eq. 5)
    for (let T = 624; T <= 863; T += 3) {
      const pb = 0.34805185628969e3 - 0.11671859879975e1 * T + 0.10192970039326e-2 * T * T;
      const below = steamEnthalpy(pb * (1 - 1e-12), T - 273.15);
      const above = steamEnthalpy(pb * (1 + 1e-12), T - 273.15);
      expect(Math.abs(below - above)).toBeLessThan(0.2);
    }
    for (let p = 0.5; p <= 50; p += 0.5) {
      expect(Math.abs(steamEnthalpy(p, 800) - steamEnthalpy(p, 800 + eps))).toBeLessThan(0.2);
    }
  });

  it("temperaturePH inverts steamEnthalpy over thousands of (p, t)", () => {
    const rand = lcg(2024);
    // T_B23(p) = 0.57254459862746e3 + √((p − 0.1391883977887e2)/0.10192970039326e-2) K (eq. 6)
    const tB23 = (p: number): number =>
      0.57254459862746e3 + Math.sqrt((p - 0.1391883977887e2) / 0.10192970039326e-2) - 273.15;
    let checked = 0;
    for (let k = 0; k < 5000; k++) {
      const t = rand() * 2000;
      const p = t > 800 ? 0.0001 + rand() * 49.9999 : 0.0001 + rand() * 99.9999;
      // Within 0.5 K of a region boundary the neighbouring equations differ by up to ~0.1 kJ/kg (IF97's permitted
      // inconsistency), so an h there can belong to either side: not a round-trip point.
      const nearBoundary =
        Math.abs(t - 800) < 0.5 ||
        (p > 16.53 && Math.abs(t - 350) < 0.5) ||
        (p > 16.53 && Math.abs(t - tB23(p)) < 0.5);
      if (nearBoundary) continue;
      const h = steamEnthalpy(p, t);
      const back = temperaturePH(p, h);
      if (Math.abs(back - t) >= 1e-5) throw new Error(`p=${p} t=${t} h=${h} back=${back}`);
      checked++;
    }
    expect(checked).toBeGreaterThan(4900);
  });

  it("temperaturePH gives the saturation temperature for wet steam", () => {
    for (const p of [0.001, 0.1, 1, 10, 16, 18, 21]) {
      const h = 0.5 * (saturatedLiquidEnthalpyP(p) + saturatedVapourEnthalpyP(p));
      expect(Math.abs(temperaturePH(p, h) - saturationTemperatureC(p))).toBeLessThan(1e-9);
    }
  });

  it("ps(Ts(p)) == p from the triple point to the critical point", () => {
    for (let k = 0; k <= 2000; k++) {
      const p = 0.000611213 * Math.pow(22.064 / 0.000611213, k / 2000);
      expect(rel(saturationPressureMPa(saturationTemperatureC(p)), p)).toBeLessThan(1e-12);
    }
  });
});
