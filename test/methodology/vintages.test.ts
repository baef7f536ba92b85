// Reference data by vintage: fuel factors of each 算定省令 revision, electricity factors by year, the constants, and
// the period that chooses the vintage. Every value is set against its cited source and a hand calculation.
import * as fs from "fs";
import * as path from "path";
import { Decimal } from "../../src/numbers";
import {
  FUEL_FACTORS,
  FUEL_REVISIONS,
  PRIMARY_ENERGY_FACTOR,
  REFERENCE_PARAMETERS,
  STANDARD_ATMOSPHERE_MPA,
  cefElectricity,
  electricityVintage,
  emissionFactor,
  epsBl,
  cefFuel,
  fuelFactor,
  fuelRevisionOfFiscalYear,
  matchFuelFactor,
} from "../../src/methodology";
import { referenceValuesUsed, submissionPeriod } from "../../src/domain/referenceValues";
import { readSubmission } from "../../src/forms/read";
import { seedGrid, withCell } from "../fixtures/seedSubmissions";
import { monitoredGrid } from "../fixtures/monitoring";
import { isGecError } from "../../src/errors";

/** tC/GJ × 44/12 to 4 decimals, half up (how the forms print 0.0678): the hand calculation, done on decimals. */
const tco2PerGj = (tcPerGj: string) =>
  Decimal.from(tcPerGj).mul(44).div(12, 12, "halfUp").roundHalfUp(4).toString();

describe("fuel factors by 算定省令 revision", () => {
  // 算定省令（特定排出者の事業活動に伴う温室効果ガスの排出量の算定に関する省令）別表第1, H22 改正: the values the
  // seed's 2.2 prints (灯油 0.0678, 重油 0.0693 tCO2/GJ) and its table's tC/GJ.
  // 算定省令 別表第1, 改正（告示 施行 2024-04-01, used from the SHK reporting system's 令和6年度報告).
  // 都市ガス (2024): 代替値 2.05 t-CO2/千m3 = 40.0 GJ/千m3 × 0.0140 tC/GJ × 44/12 (also 東京ガス FAQ 8954).
  it.each<[string, string, string, string, string, string]>([
    // fuel, revision, GJ/unit, tC/GJ, hand calculation, printed
    ["灯油", "shk-h22", "36.7", "0.0185", "0.0185 × 44 = 0.814; ÷ 12 = 0.067833…", "0.0678"],
    ["A重油", "shk-h22", "39.1", "0.0189", "0.0189 × 44 = 0.8316; ÷ 12 = 0.0693", "0.0693"],
    ["B・C重油", "shk-h22", "41.7", "0.0195", "0.0195 × 44 = 0.858; ÷ 12 = 0.0715", "0.0715"],
    ["LPG", "shk-h22", "50.2", "0.0163", "0.0163 × 44 = 0.7172; ÷ 12 = 0.059766…", "0.0598"],
    ["灯油", "shk-2024", "36.5", "0.0187", "0.0187 × 44 = 0.8228; ÷ 12 = 0.068566…", "0.0686"],
    ["A重油", "shk-2024", "38.9", "0.0193", "0.0193 × 44 = 0.8492; ÷ 12 = 0.070766…", "0.0708"],
    ["B・C重油", "shk-2024", "41.8", "0.0202", "0.0202 × 44 = 0.8888; ÷ 12 = 0.074066…", "0.0741"],
    ["LPG", "shk-2024", "50.1", "0.0163", "0.0163 × 44 = 0.7172; ÷ 12 = 0.059766…", "0.0598"],
    ["都市ガス", "shk-2024", "40.0", "0.0140", "0.0140 × 44 = 0.616; ÷ 12 = 0.051333…", "0.0513"],
  ])("%s (%s): %s GJ, %s tC/GJ → %s → %s", (fuel, revision, heat, carbon, _hand, printed) => {
    const f = fuelFactor(fuel, revision as "shk-h22" | "shk-2024");
    expect(f?.heatContent?.value).toBe(heat);
    expect(f?.carbonContent).toBe(carbon);
    expect(tco2PerGj(carbon)).toBe(printed);
    expect(f?.cef).toBe(printed);
    // each value keeps its source beside it
    expect(f?.source).toMatch(/算定省令/);
  });

  it("the new revision's 灯油 and A重油 differ from the seed's, and its B・C重油 / 都市ガス six-decimal forms are its own", () => {
    // 0.0187 × 44/12 = 0.068566 7 → 0.068567 (the unrounded form a row may print)
    expect(matchFuelFactor(Decimal.from("0.068567"), 2024)?.factor).toBe(fuelFactor("灯油", "shk-2024"));
    expect(matchFuelFactor(Decimal.from("0.074067"), 2024)?.factor.fuel).toBe("B・C重油");
    expect(matchFuelFactor(Decimal.from("0.051333"), 2024)?.factor.fuel).toBe("都市ガス");
    expect(cefFuel("灯油")).toBe(0.0678);
    expect(cefFuel("重油")).toBe(0.0693);
  });

  it("ε_BL = 0.98 × LHV/HHV: 0.98 × 0.939 = 0.92022 (灯油), 0.98 × 0.944 = 0.92512 (A重油), as the seed prints", () => {
    expect(epsBl("灯油")).toBe(0.92022);
    expect(epsBl("A重油")).toBe(0.92512);
    // the ratio is the fuel's: the new revision keeps the seed's (no source gives another)
    expect(fuelFactor("灯油", "shk-2024")?.lhvPerHhv).toBe("0.939");
    expect(fuelFactor("A重油", "shk-2024")?.lhvPerHhv).toBe("0.944");
    expect(fuelFactor("灯油", "shk-2024")?.lhvPerHhvSource).toMatch(/unconfirmed/);
  });

  it("CEF/ε (3.9) with the new factors: ROUNDDOWN(0.0686 ÷ 0.92022, 4) = 0.0745, ROUNDDOWN(0.0708 ÷ 0.92512, 4) = 0.0765", () => {
    // 0.92022 × 0.0745 = 0.06855639 ≤ 0.0686 < 0.92022 × 0.0746 = 0.06864841
    expect(emissionFactor(0.0686, 0.92022)).toBe(0.0745);
    // 0.92512 × 0.0765 = 0.0707716 8 ≤ 0.0708 < 0.92512 × 0.0766 = 0.0708641 9
    expect(emissionFactor(0.0708, 0.92512)).toBe(0.0765);
    // the seed's: 0.0678 ÷ 0.92022 → 0.0736, 0.0693 ÷ 0.92512 → 0.0749
    expect(emissionFactor(0.0678, 0.92022)).toBe(0.0736);
    expect(emissionFactor(0.0693, 0.92512)).toBe(0.0749);
  });

  it("the revision of a period: before fiscal 2024 the H22 revision, from fiscal 2024 (2024-04-01 on) the new one", () => {
    expect([2010, 2020, 2023, 2024, 2030].map((y) => fuelRevisionOfFiscalYear(y).id)).toEqual([
      "shk-h22",
      "shk-h22",
      "shk-h22",
      "shk-2024",
      "shk-2024",
    ]);
    const [old, now] = FUEL_REVISIONS;
    expect([old.inForceUntil, now.inForceFrom]).toEqual(["2024-03-31", "2024-04-01"]);
    // the scheme's own adoption of the new values is not known: said in the data
    expect([old.schemeAdoption, now.schemeAdoption]).toEqual(["seed", "unconfirmed"]);
  });

  it("a factor against its period: its own vintage, another one, and LPG (the same in both)", () => {
    const newOn2024 = matchFuelFactor(Decimal.from("0.0686"), 2024);
    expect([newOn2024?.ofPeriod, newOn2024?.unconfirmed]).toEqual([true, true]);
    const newOn2020 = matchFuelFactor(Decimal.from("0.0686"), 2020);
    expect([newOn2020?.ofPeriod, newOn2020?.periodRevision?.id]).toEqual([false, "shk-h22"]);
    const oldOn2020 = matchFuelFactor(Decimal.from("0.0678"), 2020);
    expect([oldOn2020?.ofPeriod, oldOn2020?.unconfirmed]).toEqual([true, false]);
    // 0.0163 tC/GJ in both revisions: the new period's LPG is also a value the old revision has
    const lpg = matchFuelFactor(Decimal.from("0.0598"), 2024);
    expect([lpg?.ofPeriod, lpg?.unconfirmed, lpg?.all.length]).toEqual([true, false, 2]);
    expect(matchFuelFactor(Decimal.from("0.07"), 2020)).toBeNull();
  });

  it("every factor has a source and every revision a name, and no fuel appears twice in a revision", () => {
    for (const f of FUEL_FACTORS) expect(f.source.length).toBeGreaterThan(10);
    const keys = FUEL_FACTORS.map((f) => `${f.fuel}|${f.revision}`);
    expect(new Set(keys).size).toBe(keys.length);
  });
});

describe("electricity factors by fiscal year of the electricity", () => {
  // 「電気事業者別排出係数（特定排出者の温室効果ガス排出量算定用）－R6年度実績－」（環境省・経済産業省 公表）:
  // 代替値 0.000416 t-CO2/kWh, 全国平均係数 0.000423 t-CO2/kWh. R5年度実績 代替値 0.000429 (a secondary source).
  it("R6年度実績 (fiscal 2024): 代替値 0.000416 t = 0.416 kg/kWh, 全国平均係数 0.000423 t = 0.423 kg/kWh", () => {
    const alt = cefElectricity(2024, "代替値");
    expect([alt.published, alt.value, alt.secondary ?? false]).toEqual(["0.000416", 0.416, false]);
    expect(alt.provenance).toMatch(/R6年度実績/);
    expect(cefElectricity(2024, "全国平均係数").value).toBe(0.423);
    // the list's 全国平均係数 is also found as 全国平均
    expect(cefElectricity(2024, "全国平均").value).toBe(0.423);
    expect(electricityVintage(alt)).toBe("R6年度実績 代替値");
  });

  it("R5年度実績 代替値 0.000429 is marked as read from a secondary source", () => {
    const r5 = cefElectricity(2023);
    expect([r5.value, r5.secondary]).toEqual([0.429, true]);
    expect(r5.provenance).toMatch(/secondary/);
  });

  it.each<[number, string]>([
    [2022, "代替値"],
    [2023, "全国平均係数"],
    [2020, "代替値"],
  ])("fiscal %i %s: not in the table (#N/A), never a guess", (year, kind) => {
    let error: unknown;
    try {
      cefElectricity(year, kind);
    } catch (e) {
      error = e;
    }
    expect(isGecError(error) && error.code).toBe("#N/A");
  });
});

describe("the period that chooses the vintage", () => {
  const seed = () => seedGrid("H002-1", { corrected: true });

  it("1.5 開始日 2020-04-01 → fiscal 2020", () => {
    const p = submissionPeriod(readSubmission(seed()));
    expect([p?.fiscalYear, p?.date, p?.source]).toEqual([2020, "2020-04-01", "1.5 開始日"]);
  });

  it("without 1.5 開始日: its 終了日 2025-03-31 → fiscal 2024", () => {
    let g = withCell(seed(), "様式3-2", "B37", null);
    g = withCell(g, "様式3-2", "B38", "2025年3月31日");
    const p = submissionPeriod(readSubmission(g));
    expect([p?.fiscalYear, p?.source]).toEqual([2024, "1.5 終了日"]);
  });

  it("without 1.5: the rows' earliest 5.1 (a 2024-05-01 and a 2024-04-01 → 2024-04-01, fiscal 2024)", () => {
    let g = withCell(seed(), "様式3-2", "B37", null);
    g = withCell(g, "様式3-2", "B38", null);
    g = withCell(g, "別紙1", "Y4", "2024年5月1日");
    g = withCell(g, "別紙1", "Y5", "2024年4月1日");
    g = withCell(g, "別紙1", "Y6", "2024年6月1日");
    const p = submissionPeriod(readSubmission(g));
    expect([p?.fiscalYear, p?.date, p?.source]).toEqual([2024, "2024-04-01", "5.1"]);
  });

  it("a period from 2024-03-31 lies in fiscal 2023, under the H22 revision", () => {
    const g = withCell(seed(), "様式3-2", "B37", "2024年3月31日");
    const p = submissionPeriod(readSubmission(g));
    expect(p?.fiscalYear).toBe(2023);
    expect(fuelRevisionOfFiscalYear(2023).id).toBe("shk-h22");
  });
});

describe("referenceValuesUsed", () => {
  it("the seed's H002-2: 9.484, then each fuel factor and ε default its rows use, with source and vintage", () => {
    const used = referenceValuesUsed(readSubmission(seedGrid("H002-2", { corrected: true })));
    expect(used.map((v) => [v.symbol, v.value, v.vintage])).toEqual([
      ["primaryEnergyFactor", "9.484", null],
      // 津別 and セイホク: A重油 0.0693 and 0.92512; 川辺: 灯油 0.0678 and 0.92022 (seed 別紙1)
      ["CEF_fuel,BL", "0.0693", "算定省令 H22改正"],
      ["ε_BL", "0.92512", "算定省令 H22改正"],
      ["CEF_fuel,BL", "0.0678", "算定省令 H22改正"],
      ["ε_BL", "0.92022", "算定省令 H22改正"],
    ]);
    expect(used[0].source).toMatch(/footnote .*missing/);
    expect(used[1].source).toMatch(/39\.1 GJ\/kL, 0\.0189 tC\/GJ/);
  });

  it("the new factor on a fiscal 2024 period names the 2024 revision", () => {
    let g = withCell(seedGrid("H002-1", { corrected: true }), "別紙1", "O4", 0.0686);
    g = withCell(g, "様式3-2", "B37", "2024年4月1日");
    const used = referenceValuesUsed(readSubmission(g));
    expect(used.filter((v) => v.symbol === "CEF_fuel,BL").map((v) => [v.value, v.vintage])).toEqual([
      ["0.0686", "算定省令 2024年4月施行改正"],
      ["0.0678", "算定省令 H22改正"],
    ]);
  });

  it("monitoring tables add the standard atmosphere 0.101325 MPa with the seed's 別紙1添付 as its source", () => {
    const used = referenceValuesUsed(readSubmission(monitoredGrid().grid));
    const atm = used.filter((v) => v.symbol === "standardAtmosphere");
    expect(atm.map((v) => [v.value, v.unit])).toEqual([["0.101325", "MPa"]]);
    expect(atm[0].source).toMatch(/0\.101325MPa/);
  });

  it("a measured 3.4 (方法1) is no reference value", () => {
    const g = withCell(seedGrid("H002-1", { corrected: true }), "別紙1", "O4", 0.0701);
    const used = referenceValuesUsed(readSubmission(g));
    expect(used.some((v) => v.value === "0.0701")).toBe(false);
  });

  it("the constants are declared once, with a source each, and every other place reads that declaration", () => {
    expect(REFERENCE_PARAMETERS.map((p) => [p.key, p.value, p.source.length > 20])).toEqual([
      ["primaryEnergyFactor", "9.484", true],
      ["standardAtmosphere", "0.101325", true],
      ["auxFuelHeatPerKl", "39100", true],
      ["auxFuelLhvFactor", "0.95", true],
    ]);
    expect([PRIMARY_ENERGY_FACTOR, STANDARD_ATMOSPHERE_MPA]).toEqual([9.484, "0.101325"]);
    // no second literal of either figure in the code (comments and messages that print the constant aside)
    const literal = /["'`](9\.484|0\.101325)["'`]/;
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const file = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(file);
        else if (file.endsWith(".ts") && !file.endsWith(path.join("methodology", "parameters.ts"))) {
          const code = fs
            .readFileSync(file, "utf8")
            .split("\n")
            .filter((l) => !/^\s*(\/\/|\*|\/\*\*)/.test(l));
          if (code.some((l) => literal.test(l))) offenders.push(path.relative(process.cwd(), file));
        }
      }
    };
    walk(path.join(__dirname, "..", "..", "src"));
    expect(offenders).toEqual([]);
  });
});
