// The §5.1 quantities beside the steam procedure, each against hand arithmetic: E_PS from rated power, biomass heat
// (both variants of the seed's 別紙1添付), auxiliary fuel heat, and the 合計 conventions.
import { Decimal } from "../../src/numbers";
import { evaluateQuantities } from "../../src/formula";
import { monitoringMonthQuantities, monitoringTotal, monthlyRounded } from "../../src/methodology";

const value = (given: Record<string, string | number>, key: string): string =>
  evaluateQuantities(
    monitoringMonthQuantities,
    Object.fromEntries(Object.entries(given).map(([k, v]) => [k, Decimal.from(v)])),
    [key],
  ).values[key].toString();

describe("monitoring quantities (docs/domain.md §5.1)", () => {
  it("E_PS of 津別: 補機定格出力 1198.5 kW × 稼働時間 720 h = 862,920 kWh", () => {
    expect(value({ ratedPower: "1198.5", operatingHours: 720 }, "ePsRated")).toBe("862920");
  });

  it("E_PS of 川辺: 30 days × 24 h × 1049.45 kW = 755,604 kWh", () => {
    expect(value({ operatingDays: 30, ratedPower: "1049.45" }, "ePsRatedDays")).toBe("755604");
  });

  it("F_B of 川辺: LHV_dry 19,000 kJ/kg × (1 − 0.45) × 1,000 t = 10,450,000 MJ", () => {
    expect(value({ lhvDry: 19000, moisture: "0.45", biomassMass: 1000 }, "fBDryBasis")).toBe("10450000");
  });

  it("F_B of セイホク: {19,000 × (1 − 0.45) − 2,500 × 0.45} × 1,000 t = (10,450 − 1,125) × 1,000 = 9,325,000 MJ", () => {
    expect(value({ lhvDry: 19000, moisture: "0.45", biomassMass: 1000 }, "fBWetBasis")).toBe("9325000");
  });

  it("助燃料: 14.7 kL × 39,100 MJ/kL × 0.95 = 546,031.5 MJ", () => {
    expect(value({ auxFuelVolume: "14.7" }, "auxFuelHeat")).toBe("546031.5");
  });

  it("3.1 from months 100.6 and 200.7 MJ with 50 MJ deducted, under each convention", () => {
    const perMonth = monthlyRounded("qBl");
    const months = [Decimal.from("100.6"), Decimal.from("200.7")];
    const columns = {
      qMonth: { values: months, cells: [] },
      qMonthDown: { values: [Decimal.from(100), Decimal.from(200)], cells: [] },
      qMonthHalfUp: { values: [Decimal.from(101), Decimal.from(201)], cells: [] },
      deduction: { values: [Decimal.from(50), Decimal.zero], cells: [] },
    };
    const total = (c: Parameters<typeof monitoringTotal>[1]) => {
      const spec = monitoringTotal("qBl", c, { deduction: true });
      const deduction = monitoringMonthQuantities.find((q) => q.key === "deduction");
      return evaluateQuantities([...perMonth, ...(deduction ? [deduction] : []), spec], {}, [spec.key], {
        columns,
      }).values[spec.key].toString();
    };
    // Σ = 301.3; − 50 = 251.3
    expect(total("exact")).toBe("251.3");
    expect(total("sumDown")).toBe("251");
    expect(total("sumHalfUp")).toBe("251");
    // 100 + 200 − 50 and 101 + 201 − 50
    expect(total("monthDown")).toBe("250");
    expect(total("monthHalfUp")).toBe("252");
  });
});
