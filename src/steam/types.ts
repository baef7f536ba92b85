// Property sets returned by the IAPWS-IF97 region equations (IF97 units: MPa, K, kJ/kg, kJ/(kg·K), m³/kg, m/s).

export interface SteamProps {
  /** pressure, MPa */
  p: number;
  /** temperature, K */
  T: number;
  /** specific volume, m³/kg */
  v: number;
  /** specific enthalpy, kJ/kg */
  h: number;
  /** specific internal energy, kJ/kg */
  u: number;
  /** specific entropy, kJ/(kg·K) */
  s: number;
  /** specific isobaric heat capacity, kJ/(kg·K) */
  cp: number;
  /** speed of sound, m/s */
  w: number;
}

/** Region 5 edition: the 2007 revision (IAPWS R7-97(2012)) or the original 1997 release used by the 1999 JSME tables. */
export type Region5Edition = "2007" | "1997";
