// The six facility rows of the published seed (reference/003): what reproduces and, exactly, what does not.
import {
  biomassShare,
  cefFuel,
  deriveHeatRow,
  emTonnes,
  emWb,
  emissionFactor,
  epsBl,
  qWb,
  totalTonnes,
} from "../../src/methodology";
import { Decimal } from "../../src/numbers";

// Row data as printed in 別紙1 of the seed (OCR "0,0693" read as 0.0693 in the decimal-factor columns 3.4, 3.5, 3.9).
interface SeedRow {
  name: string;
  qBl: number; // 3.1
  ePs: number; // 3.2
  qWb: number; // 3.3 as published
  cef: number; // 3.4
  eps: number; // 3.5
  fB: number | null; // 3.6 ("—" = null)
  fT: number | null; // 3.7
  sB: string; // 3.8 as printed
  factor: number; // 3.9 as published
  emKg: number; // 3.10
  emT: number; // 3.11
}

const h0022: SeedRow[] = [
  // 津別: the OCR row shows ※1 and 3.1 both 494,794,207, F_B/F_T "—", S_B 100%; "57,778" at its end is the 合計.
  {
    name: "津別単板協同組合バイオマスエネルギーセンター",
    qBl: 494794207,
    ePs: 6678005,
    qWb: 431460008,
    cef: 0.0693,
    eps: 0.92512,
    fB: null,
    fT: null,
    sB: "100%",
    factor: 0.0749,
    emKg: 32316354,
    emT: 32316,
  },
  // 川辺: 3.3 is printed 186,081,857 by the OCR (docs/domain.md §6's example gives 186,081,657).
  {
    name: "川辺木質バイオマス熱電供給設備",
    qBl: 257572286,
    ePs: 7538025,
    qWb: 186081857,
    cef: 0.0678,
    eps: 0.92022,
    fB: 910178720,
    fT: 910724806,
    sB: "99.94%",
    factor: 0.0736,
    emKg: 13687392,
    emT: 13687,
  },
  {
    name: "セイホクバイオマス熱電供給設備",
    qBl: 192857523,
    ePs: 3751134,
    qWb: 157281769,
    cef: 0.0693,
    eps: 0.92512,
    fB: 418605672,
    fT: 418747572,
    sB: "99.96%",
    factor: 0.0749,
    emKg: 11775927,
    emT: 11775,
  },
];
const h0022Total = 57778;

// H002-1 rows: E_PS 0 (なし), F_B/F_T "—", S_B 100%; 3.9 printed 0.0738 in all three rows.
// OCR: after 3.10 the text repeats the kg figure (226,172 …) over 3.11 and the empty columns; 3.11 is read as the
// 別紙2 amount of the same facility (226, 445, 143 t), which is also 合計 814's share.
const h0021: SeedRow[] = [
  {
    name: "あわら温泉1号木質バイオマス熱設備「ヴァルト」",
    qBl: 3073000,
    ePs: 0,
    qWb: 3073000,
    cef: 0.0678,
    eps: 0.92022,
    fB: null,
    fT: null,
    sB: "100%",
    factor: 0.0738,
    emKg: 226172,
    emT: 226,
  },
  {
    name: "あわら温泉4・5号木質バイオマス熱設備「スンリン・ナヘル」",
    qBl: 6057000,
    ePs: 0,
    qWb: 6057000,
    cef: 0.0678,
    eps: 0.92022,
    fB: null,
    fT: null,
    sB: "100%",
    factor: 0.0738,
    emKg: 445795,
    emT: 445,
  },
  {
    name: "東尋坊温泉2・3号木質バイオマス熱設備「ウータン・シルワ」",
    qBl: 1946000,
    ePs: 0,
    qWb: 1946000,
    cef: 0.0678,
    eps: 0.92022,
    fB: null,
    fT: null,
    sB: "100%",
    factor: 0.0738,
    emKg: 143225,
    emT: 143,
  },
];
const h0021Total = 814;

function derive(row: SeedRow) {
  const d = deriveHeatRow({
    qBl: Decimal.from(row.qBl),
    ePs: Decimal.from(row.ePs),
    cefFuel: Decimal.from(row.cef),
    epsBl: Decimal.from(row.eps),
    fB: row.fB === null ? null : Decimal.from(row.fB),
    fT: row.fT === null ? null : Decimal.from(row.fT),
  });
  return {
    qWb: d.qWb.toNumber(),
    sB: d.sB.toNumber(),
    factor: d.emissionFactor.toNumber(),
    emKg: d.emKg.toNumber(),
    emT: d.emT.toNumber(),
  };
}

describe("H002-2 (three steam facilities) — published figures reproduced by R1–R6", () => {
  it("津別: every derived column reproduces", () => {
    const r = h0022[0];
    // 6,678,005 × 9.484 = 63,334,199.42 → 63,334,199; 494,794,207 − 63,334,199 = 431,460,008
    expect(qWb(r.qBl, r.ePs)).toBe(r.qWb);
    // 0.0693 / 0.92512 = 0.074909… → 0.0749; 431,460,008 × 1 × 0.0749 = 32,316,354.59… → 32,316,354
    expect(emissionFactor(r.cef, r.eps)).toBe(r.factor);
    expect(derive(r)).toEqual({ qWb: 431460008, sB: 1, factor: 0.0749, emKg: r.emKg, emT: r.emT });
  });

  it("川辺: 3.8–3.11 reproduce; the published 3.3 is 200 MJ above what its inputs give", () => {
    const r = h0022[1];
    // 7,538,025 × 9.484 = 71,490,629.1 → 71,490,629; 257,572,286 − 71,490,629 = 186,081,657 (printed …857)
    expect(qWb(r.qBl, r.ePs)).toBe(186081657);
    expect(qWb(r.qBl, r.ePs) - r.qWb).toBe(-200);
    // 910,178,720 / 910,724,806 = 0.999400… → 0.9994
    expect(biomassShare(r.fB as number, r.fT as number)).toBe(0.9994);
    // 186,081,657 × 0.9994 × 0.0736 = 13,687,392.59… → 13,687,392 (the published 3.10 follows from …657, not …857:
    // 186,081,857 × 0.9994 × 0.0736 = 13,687,407.3…)
    expect(emWb(186081657, 0.9994, r.cef, r.eps)).toBe(r.emKg);
    expect(emWb(r.qWb, 0.9994, r.cef, r.eps)).toBe(13687407);
    expect(derive(r)).toEqual({ qWb: 186081657, sB: 0.9994, factor: 0.0736, emKg: r.emKg, emT: r.emT });
  });

  it("セイホク: 3.3, 3.8, 3.9 and 3.11 reproduce; the published 3.10 is 235 kg above the formula", () => {
    const r = h0022[2];
    // 3,751,134 × 9.484 = 35,575,754.856 → 35,575,754; 192,857,523 − 35,575,754 = 157,281,769
    expect(qWb(r.qBl, r.ePs)).toBe(r.qWb);
    // 418,605,672 / 418,747,572 = 0.999661… → 0.9996 (printed 99.96%)
    expect(biomassShare(r.fB as number, r.fT as number)).toBe(0.9996);
    // 157,281,769 × 0.9996 × 0.0749 = 11,775,692.6… → 11,775,692; printed 11,775,927 (+235)
    const computed = derive(r);
    expect(computed.emKg).toBe(11775692);
    expect(r.emKg - computed.emKg).toBe(235);
    // both truncate to the published 11,775 t
    expect(computed.emT).toBe(r.emT);
    expect(emTonnes(r.emKg)).toBe(r.emT);
  });

  it("合計 57,778 t = 32,316 + 13,687 + 11,775 (R6: sum of truncated tonnes)", () => {
    expect(totalTonnes([32316354, 13687392, 11775692])).toBe(h0022Total);
    // the truncated sum of kg would differ: (32,316,354 + 13,687,392 + 11,775,692) / 1000 = 57,779.4 → 57,779
    expect(emTonnes(32316354 + 13687392 + 11775692)).toBe(57779);
  });
});

describe("H002-1 (three chip boilers) — kerosene defaults", () => {
  it("the defaults are the seed's 灯油 values", () => {
    expect(cefFuel("灯油")).toBe(0.0678);
    // 0.98 × 0.939 = 0.92022
    expect(epsBl("灯油")).toBe(0.92022);
    expect(epsBl("A重油")).toBe(0.92512);
  });

  it.each(h0021.map((r) => [r.name, r] as const))(
    "%s: 3.10 and 3.11 reproduce with CEF/ε = 0.0736",
    (_, r) => {
      const computed = derive(r);
      expect(computed.qWb).toBe(r.qWb);
      expect(computed.emKg).toBe(r.emKg);
      expect(computed.emT).toBe(r.emT);
    },
  );

  it("the printed 3.9 of 0.0738 does not: 0.0678 / 0.92022 = 0.073678… → 0.0736 (0.0002 apart)", () => {
    for (const r of h0021) {
      const computed = derive(r);
      expect(computed.factor).toBe(0.0736);
      expect(Decimal.from(r.factor).sub(computed.factor).toNumber()).toBe(0.0002);
      // and 0.0738 would not give the published kg: 3,073,000 × 0.0738 = 226,787.4
    }
    expect(emWb(3073000, 1, 0.0678, 0.92022)).toBe(226172); // 3,073,000 × 0.0736 = 226,172.8 → 226,172
  });

  it("合計 814 t = 226 + 445 + 143", () => {
    expect(totalTonnes(h0021.map((r) => r.emKg))).toBe(h0021Total);
  });
});
