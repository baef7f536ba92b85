// Pressure units a staff member types next to a steam function ("MPaG", "barG"…), converted to MPa absolute.
import { Decimal } from "../numbers";
import { GecError } from "../errors";

/** The units STEAM_H and friends accept; "MPa" is absolute, a trailing "G" means gauge (above the atmosphere). */
export type PressureUnit = "MPa" | "MPaG" | "kPa" | "bar" | "barG";

export const PRESSURE_UNITS: readonly PressureUnit[] = ["MPa", "MPaG", "kPa", "bar", "barG"];

const SCALE: Record<PressureUnit, { factor: Decimal; gauge: boolean }> = {
  MPa: { factor: Decimal.from(1), gauge: false },
  MPaG: { factor: Decimal.from(1), gauge: true },
  kPa: { factor: Decimal.from("0.001"), gauge: false },
  bar: { factor: Decimal.from("0.1"), gauge: false },
  barG: { factor: Decimal.from("0.1"), gauge: true },
};

/** Folded spellings: "MPa(G)", "MPa G", "ＭＰａＧ", "mpa(abs)", "bar(g)", "kPa(abs)". */
const SPELLINGS = new Map<string, PressureUnit>([
  ["mpa", "MPa"],
  ["mpaa", "MPa"],
  ["mpa(a)", "MPa"],
  ["mpa(abs)", "MPa"],
  ["mpaabs", "MPa"],
  ["mpag", "MPaG"],
  ["mpa(g)", "MPaG"],
  ["mpa(gauge)", "MPaG"],
  ["kpa", "kPa"],
  ["kpa(a)", "kPa"],
  ["kpa(abs)", "kPa"],
  ["bar", "bar"],
  ["bara", "bar"],
  ["bar(a)", "bar"],
  ["barg", "barG"],
  ["bar(g)", "barG"],
]);

/** The unit a text names; null for a blank (the default, MPa absolute); a GecError listing the known units otherwise. */
export function parsePressureUnit(text: string | null | undefined): PressureUnit | null {
  if (text === null || text === undefined || text.trim() === "") return null;
  // not normalizeText: it drops a trailing "(g)", which is the whole point here
  const unit = SPELLINGS.get(
    text
      .normalize("NFKC")
      .replace(/[\s\u3000]+/g, "")
      .toLowerCase(),
  );
  if (unit) return unit;
  throw new GecError(
    "#VALUE!",
    {
      ja: `圧力の単位「${text}」は使えません。${PRESSURE_UNITS.join(" / ")} のいずれかを指定してください（MPa は絶対圧、G 付きはゲージ圧）。`,
      en: `Unknown pressure unit "${text}": use one of ${PRESSURE_UNITS.join(" / ")} (MPa is absolute; a trailing G means gauge).`,
    },
    "unit",
  );
}

function isPressureUnit(unit: string | null): unit is PressureUnit {
  return PRESSURE_UNITS.some((u) => u === unit);
}

/**
 * p in `unit` as MPa absolute, exactly, a gauge reading plus `atmosphere` (MPa; the scheme's standard atmosphere is
 * declared with the methodologies' parameters): with 0.101325, 0.84237 MPaG → 0.943695; 8.4 barG → 0.941325.
 */
export function toAbsoluteMPa(
  p: Decimal | number | string,
  unit: PressureUnit | string | null,
  atmosphere: Decimal | number | string,
): Decimal {
  const u = isPressureUnit(unit) ? unit : (parsePressureUnit(unit) ?? "MPa");
  const { factor, gauge } = SCALE[u];
  const scaled = Decimal.from(p).mul(factor);
  return gauge ? scaled.add(Decimal.from(atmosphere)) : scaled;
}

/** Whether a unit is a gauge reading (the scheme's p_abs procedure starts from gauge pressure). */
export function isGaugeUnit(unit: PressureUnit): boolean {
  return SCALE[unit].gauge;
}
