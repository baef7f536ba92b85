// Region 3 against the official IAPWS verification values (R7-97 Table 33, SR5-05, SR3-03), row by row.
import * as fs from "fs";
import * as path from "path";
import { GecError } from "../../src/errors";
import { region3Properties, region3StatePH } from "../../src/steam/region3";
import {
  boundaryH3ab,
  region3SaturationPressureH,
  region3SaturationPressureS,
  region3TemperaturePH,
  region3TemperaturePS,
  region3VolumeBackward,
  region3VolumePH,
  region3VolumePS,
  T3ab,
  T3cd,
  T3ef,
  T3gh,
  T3ij,
  T3jk,
  T3mn,
  T3op,
  T3qu,
  T3rx,
  T3uv,
  T3wx,
} from "../../src/steam/region3Backward";
import type { SteamProps } from "../../src/steam/types";

interface VerificationRow {
  source: string;
  region: string;
  quantity: string;
  p_MPa: number | null;
  T_K: number | null;
  expected: number;
  rel_tol: number;
  rho_kg_m3?: number;
  h_kJ_kg?: number;
  s_kJ_kgK?: number;
  input?: string;
}

const rows = JSON.parse(
  fs.readFileSync(path.join(__dirname, "../fixtures/if97_verification.json"), "utf8"),
) as VerificationRow[];

const boundaries: Record<string, (p: number) => number> = {
  "T_3ab(p)": T3ab,
  "T_3cd(p)": T3cd,
  "T_3ef(p)": T3ef,
  "T_3gh(p)": T3gh,
  "T_3ij(p)": T3ij,
  "T_3jk(p)": T3jk,
  "T_3mn(p)": T3mn,
  "T_3op(p)": T3op,
  "T_3qu(p)": T3qu,
  "T_3rx(p)": T3rx,
  "T_3uv(p)": T3uv,
  "T_3wx(p)": T3wx,
};

function num(x: number | null | undefined, what: string): number {
  if (typeof x !== "number") throw new Error(`verification row lacks ${what}`);
  return x;
}

/** What our code gives for one verification row; throws on a row it does not know, so none is skipped silently. */
function evaluate(r: VerificationRow): number {
  const q = r.quantity;
  if (r.input === "rho,T")
    return region3Properties(num(r.rho_kg_m3, "rho"), num(r.T_K, "T"))[q as keyof SteamProps];
  if (q === "v_backward(p,T)") return region3VolumeBackward(num(r.p_MPa, "p"), num(r.T_K, "T"));
  if (q === "T(p,h)") return region3TemperaturePH(num(r.p_MPa, "p"), num(r.h_kJ_kg, "h"));
  if (q === "v(p,h)") return region3VolumePH(num(r.p_MPa, "p"), num(r.h_kJ_kg, "h"));
  if (q === "T(p,s)") return region3TemperaturePS(num(r.p_MPa, "p"), num(r.s_kJ_kgK, "s"));
  if (q === "v(p,s)") return region3VolumePS(num(r.p_MPa, "p"), num(r.s_kJ_kgK, "s"));
  if (q === "h_3ab(p)") return boundaryH3ab(num(r.p_MPa, "p"));
  if (q === "psat(h)") return region3SaturationPressureH(num(r.h_kJ_kg, "h"));
  if (q === "psat(s)") return region3SaturationPressureS(num(r.s_kJ_kgK, "s"));
  const boundary = boundaries[q];
  if (boundary !== undefined) return boundary(num(r.p_MPa, "p"));
  throw new Error(`unhandled region 3 verification quantity ${q}`);
}

const region3Rows = rows.filter((r) => r.region === "3");
const psatRows = rows.filter(
  (r) => r.region === "4" && (r.quantity === "psat(h)" || r.quantity === "psat(s)"),
);
const label = (r: VerificationRow): string =>
  `${r.quantity} p=${r.p_MPa} T=${r.T_K} rho=${r.rho_kg_m3 ?? ""} h=${r.h_kJ_kg ?? ""} s=${r.s_kJ_kgK ?? ""}`;

describe("IAPWS verification values, region 3", () => {
  it("has every kind of row the brief lists", () => {
    const kinds = new Set(region3Rows.map((r) => r.quantity));
    for (const k of [
      "p",
      "h",
      "u",
      "s",
      "cp",
      "w",
      "v_backward(p,T)",
      "T(p,h)",
      "v(p,h)",
      "T(p,s)",
      "v(p,s)",
    ]) {
      expect(kinds.has(k)).toBe(true);
    }
    expect(region3Rows.length).toBeGreaterThanOrEqual(100);
    expect(psatRows.length).toBe(6);
  });

  it.each(region3Rows.map((r) => [label(r), r] as const))("%s", (_name, r) => {
    const got = evaluate(r);
    expect(Math.abs(got / r.expected - 1)).toBeLessThanOrEqual(r.rel_tol);
  });

  it.each(psatRows.map((r) => [label(r), r] as const))("region 4 %s", (_name, r) => {
    const got = evaluate(r);
    expect(Math.abs(got / r.expected - 1)).toBeLessThanOrEqual(r.rel_tol);
  });
});

describe("R7-97 Table 33 by hand at ρ = 500 kg/m³, T = 650 K", () => {
  it("u = h − p·v (kJ/kg, p in MPa ×1000)", () => {
    // Table 33, ρ = 500 kg/m³, T = 650 K: h = 1863.43019, u = 1812.26279, p = 25.5837018 MPa.
    const q = region3Properties(500, 650);
    expect(q.h - q.p * 1000 * q.v).toBeCloseTo(q.u, 9);
    expect(1863.43019 - 25.5837018 * 1000 * (1 / 500)).toBeCloseTo(1812.26279, 5);
  });
});

describe("bad input", () => {
  it.each([
    [NaN, 650],
    [500, -1],
    [0, 650],
    [500, Infinity],
  ])("region3Properties(%p, %p) throws GecError", (rho, T) => {
    expect(() => region3Properties(rho, T)).toThrow(GecError);
  });

  it.each([
    ["region3VolumeBackward(101, 700)", (): number => region3VolumeBackward(101, 700)],
    ["region3VolumeBackward(25, 900) beyond B23", (): number => region3VolumeBackward(25, 900)],
    ["region3VolumeBackward(25, 600)", (): number => region3VolumeBackward(25, 600)],
    ["region3TemperaturePH(10, 2000)", (): number => region3TemperaturePH(10, 2000)],
    ["region3VolumePH(25, NaN)", (): number => region3VolumePH(25, NaN)],
    ["region3TemperaturePS(25, -1)", (): number => region3TemperaturePS(25, -1)],
    ["region3VolumePS(Infinity, 4)", (): number => region3VolumePS(Infinity, 4)],
    // h'(623.15 K) = 1670.858218 kJ/kg and s''(623.15 K) = 5.210887825 kJ/(kg·K) bound psat3 (SR3-03).
    ["region3SaturationPressureH(1600)", (): number => region3SaturationPressureH(1600)],
    ["region3SaturationPressureS(5.3)", (): number => region3SaturationPressureS(5.3)],
  ])("%s throws GecError", (_name, f) => {
    expect(f).toThrow(GecError);
  });

  it("region3StatePH rejects p outside (0, 100] MPa and non-finite h", () => {
    expect(() => region3StatePH(120, 2000)).toThrow(GecError);
    expect(() => region3StatePH(25, NaN)).toThrow(GecError);
  });
});
