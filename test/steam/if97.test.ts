// Region 3 through the integrated IF97 layer: propertiesPT and temperaturePHK against the IAPWS region-3 rows of
// test/fixtures/if97_verification.json (copied from the project's shared data) (Table 33 forward values; SR3-03 backward T(p,h) values).
import * as fs from "fs";
import * as path from "path";
import { pB23 } from "../../src/steam/boundaries";
import { propertiesPT, regionPT, temperaturePHK } from "../../src/steam/if97";
import { propertiesRegion1 } from "../../src/steam/region1";
import { propertiesRegion2 } from "../../src/steam/region2";
import { region3DensityPT, region3Properties } from "../../src/steam/region3";
import { propertiesRegion5 } from "../../src/steam/region5";
import type { SteamProps } from "../../src/steam/types";

interface Row {
  region: string;
  quantity: string;
  p_MPa: number | null;
  T_K: number | null;
  h_kJ_kg?: number;
  rho_kg_m3?: number;
  expected: number;
}

const rows = JSON.parse(
  fs.readFileSync(path.join(__dirname, "../fixtures/if97_verification.json"), "utf8"),
) as Row[];

// Table 33 gives p to 9 digits only, so (p, T) → ρ → h carries that rounding: near the critical point
// (650 K, 200 kg/m³) dh/dp is large, hence the looser 1e-5 rather than the table's 1e-8.
const forward3 = rows.filter((r) => r.region === "3" && r.rho_kg_m3 !== undefined && r.T_K !== null);

describe("propertiesPT in region 3 (IF97 Table 33 at the tabulated p)", () => {
  it.each(forward3.filter((r) => ["h", "s", "u"].includes(r.quantity)))(
    "$quantity at p=$p_MPa MPa, T=$T_K K",
    (r) => {
      const p = r.p_MPa as number;
      const T = r.T_K as number;
      expect(regionPT(p, T)).toBe(3);
      const props = propertiesPT(p, T);
      const got = props[r.quantity as "h" | "s" | "u"];
      expect(Math.abs(got / r.expected - 1)).toBeLessThan(1e-5);
      expect(Math.abs(1 / props.v / (r.rho_kg_m3 as number) - 1)).toBeLessThan(1e-5);
    },
  );
});

// The tabulated T₃(p,h) are outputs of the backward equations, whose permitted deviation from the forward
// equation is 25 mK (IAPWS SR3-03 Table 3); temperaturePHK inverts the forward equation, so it must land within it.
const backward3 = rows.filter((r) => r.region === "3" && r.quantity === "T(p,h)");

describe("temperaturePHK in region 3 against SR3-03 Table 5", () => {
  it.each(backward3)("p=$p_MPa MPa, h=$h_kJ_kg kJ/kg → $expected K", (r) => {
    const T = temperaturePHK(r.p_MPa as number, r.h_kJ_kg as number);
    expect(Math.abs(T - r.expected)).toBeLessThan(0.025);
    expect(Math.abs(propertiesPT(r.p_MPa as number, T).h / (r.h_kJ_kg as number) - 1)).toBeLessThan(1e-8);
  });
});

// R7-97(2012) §5 Table 3 permitted inconsistencies at region boundaries: |Δv/v| ≤ 0.05 %, |Δh| ≤ 0.2 kJ/kg,
// |Δs| ≤ 0.2 J/(kg·K).
function expectConsistent(a: SteamProps, b: SteamProps): void {
  expect(Math.abs(a.v / b.v - 1)).toBeLessThanOrEqual(5e-4);
  expect(Math.abs(a.h - b.h)).toBeLessThanOrEqual(0.2);
  expect(Math.abs(a.s - b.s)).toBeLessThanOrEqual(2e-4);
}
const region3PT = (p: number, T: number): SteamProps => region3Properties(region3DensityPT(p, T), T);

describe("h, s, v continuous across region boundaries within IF97's consistency", () => {
  const T13 = 623.15;
  it("623.15 K: region 1 vs 3 on the liquid side, 16.6–100 MPa", () => {
    for (let i = 0; i < 120; i++) {
      const p = 16.6 + 0.7 * i;
      expectConsistent(propertiesRegion1(p, T13), region3PT(p, T13));
    }
  });
  // Starts above 623.15 K: there p_B23 = ps(623.15 K), a saturation point where region 3 is two-valued.
  it("B23: region 2 vs 3 from 625.15 K to 861.15 K (p_B23 up to ~100 MPa)", () => {
    for (let i = 1; i < 120; i++) {
      const T = T13 + 2 * i;
      const p = pB23(T);
      expectConsistent(propertiesRegion2(p, T), region3PT(p, T));
    }
  });
  it("623.15 K: region 2 vs 3 on the vapour side just above ps(623.15 K)", () => {
    for (let i = 1; i <= 10; i++) {
      const T = T13 + 1e-3 * i;
      const p = pB23(T);
      expectConsistent(propertiesRegion2(p, T), region3PT(p, T));
    }
  });
  // The 1997 release's region 5 covered p ≤ 10 MPa only; the 2007 revision extended it to 50 MPa.
  it("1073.15 K: region 2 vs 5 (2007 edition to 50 MPa, 1997 edition to 10 MPa)", () => {
    for (let i = 0; i <= 135; i++) {
      const p = 0.001 + 0.37 * i;
      expectConsistent(propertiesRegion2(p, 1073.15), propertiesRegion5(p, 1073.15, "2007"));
      if (p <= 10) expectConsistent(propertiesRegion2(p, 1073.15), propertiesRegion5(p, 1073.15, "1997"));
    }
  });
});
