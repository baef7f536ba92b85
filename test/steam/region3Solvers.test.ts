// Dense checks of the region 3 solvers: ρ(p,T) on the basic equation, saturation densities, and (p,h) round trips.
import { GecError } from "../../src/errors";
import {
  boundaryB23Pressure,
  boundaryB23Temperature,
  region3DensityPT,
  region3Enthalpy,
  region3Pressure,
  region3Properties,
  region3Saturation,
  region3SaturationMaxwell,
  region3StatePH,
} from "../../src/steam/region3";
import {
  region3SaturatedVolumeBackward,
  region3Subregion,
  region3VolumeBackward,
} from "../../src/steam/region3Backward";
import { saturationPressure, saturationTemperature } from "../../src/steam/region4";

const T_C = 647.096;

/**
 * Largest |v_backward/v − 1| allowed per subregion. SR5-05 requires |Δv/v| ≤ 0.001 % for 3a–3t and 0.1 % for
 * the auxiliary near-critical 3u–3x. 3y and 3z straddle the critical point, where v(p,T) is nearly singular; the
 * 2 % here is this project's bound (see report), not a figure quoted from the release.
 */
function permissible(sub: string): number {
  if ("uvwx".includes(sub)) return 1e-3;
  if ("yz".includes(sub)) return 2e-2;
  return 1e-5;
}

/** (p, T) points across region 3: a coarse grid to the B23 line plus a fine net around the critical point. */
function gridPoints(): [number, number][] {
  const pts: [number, number][] = [];
  const add = (p: number, T: number): void => {
    if (T >= 623.15 && p <= 100 && p >= boundaryB23Pressure(T)) pts.push([p, T]);
  };
  for (let i = 0; i <= 160; i++) {
    const p = 16.53 + ((100 - 16.53) * i) / 160;
    const tMax = boundaryB23Temperature(p);
    for (let j = 0; j <= 30; j++) add(p, 623.15 + ((tMax - 623.15) * j) / 30);
  }
  for (let i = 0; i <= 100; i++) {
    const p = 20.5 + (3 * i) / 100;
    for (let j = 0; j <= 50; j++) add(p, T_C - 3 + (7 * j) / 50);
  }
  return pts;
}

describe("fast p3 and h3 (terms grouped by power of δ) against the term-by-term sum of region3Properties", () => {
  // Both sum the same 39 terms in a different order; δφ_δ cancels to ~1/100 of its largest terms in the
  // liquid, so rounding alone reaches a few 1e-13. Any wrong coefficient or exponent shows at 1e-3 or worse.
  it("agree to 1e-11 over ρ = 100…760 kg/m³, T = 623…863 K", () => {
    for (let rho = 100; rho <= 760; rho += 33) {
      for (let T = 623.15; T <= 863.15; T += 12) {
        const q = region3Properties(rho, T);
        expect(Math.abs(region3Pressure(rho, T) / q.p - 1)).toBeLessThan(1e-11);
        expect(Math.abs(region3Enthalpy(rho, T) / q.h - 1)).toBeLessThan(1e-11);
      }
    }
  });
});

describe("region3DensityPT", () => {
  const pts = gridPoints();

  it("covers thousands of points and every subregion 3a–3z", () => {
    expect(pts.length).toBeGreaterThan(8000);
    const subs = new Set(pts.map(([p, T]) => region3Subregion(p, T)));
    expect([...subs].sort().join("")).toBe("abcdefghijklmnopqrstuvwxyz");
  });

  it("reproduces p through the basic equation to 1e-12 and stays within SR5-05 deviations of the backward v", () => {
    const failures: string[] = [];
    for (const [p, T] of pts) {
      const rho = region3DensityPT(p, T);
      const dp = Math.abs(region3Pressure(rho, T) / p - 1);
      const sub = region3Subregion(p, T);
      const dv = Math.abs(region3VolumeBackward(p, T) * rho - 1);
      if (!(dp < 1e-12) || !(dv <= permissible(sub)))
        failures.push(`p=${p} T=${T} 3${sub} dp=${dp} dv=${dv}`);
    }
    expect(failures.slice(0, 10)).toEqual([]);
  });

  it("picks the liquid root just above ps(T) and the vapour root just below it", () => {
    for (let T = 624; T < 647.09; T += 0.25) {
      const sat = region3Saturation(T);
      const liquid = region3DensityPT(sat.p * (1 + 1e-7), T);
      const vapour = region3DensityPT(sat.p * (1 - 1e-7), T);
      expect(liquid).toBeGreaterThanOrEqual(sat.rhoLiquid);
      expect(vapour).toBeLessThanOrEqual(sat.rhoVapour);
    }
  });

  it("agrees with ρ = 500 kg/m³ at R7-97 Table 33 (p = 25.5837018 MPa, T = 650 K)", () => {
    expect(region3DensityPT(25.5837018, 650)).toBeCloseTo(500, 5);
    expect(region3DensityPT(78.3095639, 750)).toBeCloseTo(500, 5);
    expect(region3DensityPT(22.2930643, 650)).toBeCloseTo(200, 5);
  });

  it.each([
    [101, 700],
    [25, 620],
    [25, 900],
    [NaN, 650],
    [25, NaN],
    [-1, 650],
  ])("rejects (p, T) = (%p, %p) outside region 3 with a GecError", (p, T) => {
    expect(() => region3DensityPT(p, T)).toThrow(GecError);
  });
});

describe("region3Saturation", () => {
  const temps: number[] = [];
  for (let T = 623.15; T < 647.09; T += 0.1) temps.push(T);
  temps.push(647.09, 647.095);

  it("solves p3(ρ',T) = p3(ρ'',T) = ps(T) with ρ'' < ρ_c < ρ'", () => {
    for (const T of temps) {
      const s = region3Saturation(T);
      expect(s.p).toBe(saturationPressure(T));
      expect(Math.abs(region3Pressure(s.rhoLiquid, T) / s.p - 1)).toBeLessThan(1e-12);
      expect(Math.abs(region3Pressure(s.rhoVapour, T) / s.p - 1)).toBeLessThan(1e-12);
      expect(s.rhoLiquid).toBeGreaterThan(322);
      expect(s.rhoVapour).toBeLessThan(322);
    }
  });

  it("gives the two phases equal Gibbs energy up to the eq. 30 / eq. 28 pressure mismatch", () => {
    // g' − g'' = ∫ v dp around the isotherm = (v'' − v')·(p_Maxwell − ps). Eq. 30 and the Maxwell pressure of
    // eq. 28 are two fits of the same data; they agree to ~0.005 %, so |g' − g''| ≤ 5e-5·ps·(v'' − v').
    // A root on the wrong branch (or a spinodal) gives a Δg hundreds of times larger.
    for (const T of temps) {
      const s = region3Saturation(T);
      const L = region3Properties(s.rhoLiquid, T);
      const V = region3Properties(s.rhoVapour, T);
      const dg = L.h - T * L.s - (V.h - T * V.s);
      expect(Math.abs(dg)).toBeLessThanOrEqual(5e-5 * s.p * 1000 * (V.v - L.v));
    }
  });

  it("matches the SR5-05 saturation-side subregions (3c, 3s, 3u, 3y liquid; 3t, 3r, 3x, 3z vapour)", () => {
    for (const T of temps) {
      const s = region3Saturation(T);
      const p = s.p;
      const vl = region3SaturatedVolumeBackward(p, T, "liquid");
      const vv = region3SaturatedVolumeBackward(p, T, "vapour");
      const subL = p <= 19.00881189173929 ? "c" : p <= 21.04336732 ? "s" : p <= 21.93161551 ? "u" : "y";
      const subV = p <= 20.5 ? "t" : p <= 21.04336732 ? "r" : p <= 21.90096265 ? "x" : "z";
      expect(Math.abs(vl * s.rhoLiquid - 1)).toBeLessThanOrEqual(permissible(subL));
      expect(Math.abs(vv * s.rhoVapour - 1)).toBeLessThanOrEqual(permissible(subV));
    }
  });

  it("returns ρ_c = 322 kg/m³ for both phases at the critical point", () => {
    expect(region3Saturation(T_C)).toEqual({ p: saturationPressure(T_C), rhoLiquid: 322, rhoVapour: 322 });
    // 1999 JSME / IAPWS: p_c = 22.064 MPa.
    expect(region3Saturation(T_C).p).toBeCloseTo(22.064, 6);
  });

  it("reproduces the saturated densities at 350 °C of the IAPWS-IF97 tables (ρ' ≈ 574.7, ρ'' ≈ 113.6 kg/m³)", () => {
    // v' = 0.001740 m³/kg and v'' = 0.008802 m³/kg at 623.15 K (IF97 saturation table, 4 figures).
    const s = region3Saturation(623.15);
    expect(1 / s.rhoLiquid).toBeCloseTo(0.00174, 6);
    expect(1 / s.rhoVapour).toBeCloseTo(0.008802, 6);
  });

  it.each([600, 650, NaN])("rejects T = %p with a GecError", (T) => {
    expect(() => region3Saturation(T)).toThrow(GecError);
  });
});

describe("region3SaturationMaxwell (phase equilibrium of eq. 28 alone)", () => {
  const temps: number[] = [];
  for (let T = 623.15; T < 647.09; T += 0.5) temps.push(T);
  temps.push(647.09, 647.095);

  it("gives equal Gibbs energy g = h − T·s (1e-9) and equal pressure (1e-12) in both phases", () => {
    for (const T of temps) {
      const m = region3SaturationMaxwell(T);
      const L = region3Properties(m.rhoLiquid, T);
      const V = region3Properties(m.rhoVapour, T);
      const gL = L.h - T * L.s;
      const gV = V.h - T * V.s;
      expect(Math.abs((gL - gV) / gL)).toBeLessThan(1e-9);
      expect(Math.abs(L.p / m.p - 1)).toBeLessThan(1e-12);
      expect(Math.abs(V.p / m.p - 1)).toBeLessThan(1e-12);
      expect(m.rhoLiquid).toBeGreaterThan(m.rhoVapour);
    }
  });

  it("has a pressure within 0.005 % of ps(T) of eq. 30 (the two IF97 fits agree that closely)", () => {
    for (const T of temps) {
      expect(Math.abs(region3SaturationMaxwell(T).p / saturationPressure(T) - 1)).toBeLessThan(5e-5);
    }
  });
});

describe("region3StatePH", () => {
  it("round-trips (p,T) → h → (T,ρ) across region 3", () => {
    const failures: string[] = [];
    for (let i = 0; i <= 40; i++) {
      const p = 16.6 + (83.4 * i) / 40;
      const tMax = boundaryB23Temperature(p);
      for (let j = 0; j <= 40; j++) {
        const T = 623.15 + ((tMax - 623.15) * j) / 40;
        if (p < boundaryB23Pressure(T)) continue;
        if (p < 22.064 && Math.abs(T - saturationTemperature(p)) < 0.01) continue;
        const rho = region3DensityPT(p, T);
        const h = region3Properties(rho, T).h;
        const st = region3StatePH(p, h);
        if (!(Math.abs(st.T / T - 1) < 1e-11) || !(Math.abs(st.rho / rho - 1) < 1e-10)) {
          failures.push(`p=${p} T=${T} got T=${st.T} rho=${st.rho} want ${rho}`);
        }
      }
    }
    expect(failures).toEqual([]);
  });

  it("lands on the basic equation, not on the backward values (SR3-03 Table 5 point p = 20 MPa, h = 1700 kJ/kg)", () => {
    const st = region3StatePH(20, 1700);
    const q = region3Properties(st.rho, st.T);
    expect(Math.abs(q.p / 20 - 1)).toBeLessThan(1e-12);
    expect(Math.abs(q.h / 1700 - 1)).toBeLessThan(1e-12);
    // SR3-03 Table 5: T3(20 MPa, 1700 kJ/kg) = 629.3083892 K; the backward equation is within 25 mK of eq. 28.
    expect(Math.abs(st.T - 629.3083892)).toBeLessThan(0.025);
  });
});
