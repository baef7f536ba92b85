import { Decimal } from "../../src/numbers";

describe("Decimal", () => {
  it("reads a double as the decimal it prints as", () => {
    expect(Decimal.from(0.92022).toString()).toBe("0.92022");
    expect(Decimal.from(1e-7).toString()).toBe("0.0000001");
    expect(Decimal.from(1.5e21).toString()).toBe("1500000000000000000000");
    expect(Decimal.from("-012.3400").toString()).toBe("-12.34");
  });

  it("multiplies exactly where binary floating point does not", () => {
    // 1.1 × 3 = 3.3 exactly, but 1.1 * 3 = 3.3000000000000003 in doubles
    expect(1.1 * 3).not.toBe(3.3);
    expect(Decimal.from(1.1).mul(3).eq(3.3)).toBe(true);
    // 4.35 × 100 = 435, but 4.35 * 100 = 434.99999999999994: a float ROUNDDOWN would give 434
    expect(Math.floor(4.35 * 100)).toBe(434);
    expect(Decimal.from(4.35).mul(100).roundDown(0).toNumber()).toBe(435);
    // 0.07 × 100 = 7: doubles give 7.000000000000001, harmless upward; 0.29 × 100 = 28.999999999999996 is not
    expect(Math.floor(0.29 * 100)).toBe(28);
    expect(Decimal.from(0.29).mul(100).roundDown(0).toNumber()).toBe(29);
  });

  it("truncates a quotient at 4 places as ROUNDDOWN(CEF/ε, 4) (R2)", () => {
    // 0.0678 / 0.92022 = 0.07367803… → 0.0736; 0.0693 / 0.92512 = 0.07490920… → 0.0749
    expect(Decimal.from(0.0678).div(0.92022, 4, "down").toString()).toBe("0.0736");
    expect(Decimal.from(0.0693).div(0.92512, 4, "down").toString()).toBe("0.0749");
    // 910,178,720 / 910,724,806 = 0.99940038… → 0.9994 (R3)
    expect(Decimal.from(910178720).div(910724806, 4, "down").toString()).toBe("0.9994");
    // an exact quotient stays exact: 1 / 4 = 0.25
    expect(Decimal.from(1).div(4, 4, "down").toString()).toBe("0.25");
  });

  it("rounds as Excel does: down toward zero, up away from zero, half away from zero", () => {
    expect(Decimal.from(2.5).roundHalfUp(0).toNumber()).toBe(3);
    expect(Decimal.from(-2.5).roundHalfUp(0).toNumber()).toBe(-3);
    expect(Decimal.from(2.4999).roundHalfUp(0).toNumber()).toBe(2);
    expect(Decimal.from(-1.99).roundDown(0).toNumber()).toBe(-1);
    expect(Decimal.from(-1.01).roundUp(0).toNumber()).toBe(-2);
    expect(Decimal.from(0.84237).roundUp(3).toString()).toBe("0.843");
    expect(Decimal.from(0.944325).roundUp(2).toString()).toBe("0.95");
    expect(Decimal.from(1234.5).roundDown(-2).toNumber()).toBe(1200);
    // 1.005 is 1.00499999999999989… in binary; ROUND(1.005, 2) in Excel shows 1.01, as the decimal reading does
    expect(Decimal.from(1.005).roundHalfUp(2).toNumber()).toBe(1.01);
  });

  it("adds, subtracts, compares and formats", () => {
    expect(Decimal.from(0.1).add(0.2).toString()).toBe("0.3");
    expect(Decimal.from(257572286).sub(71490629).toNumber()).toBe(186081657);
    expect(Decimal.from(0.1).cmp(0.1)).toBe(0);
    expect(Decimal.from(-3).isNegative()).toBe(true);
    expect(Decimal.from(0).isZero()).toBe(true);
    expect(Decimal.from(0.0736).toFixed(6)).toBe("0.073600");
    expect(Decimal.from(99.945).toFixed(2)).toBe("99.95");
  });

  it("refuses what is not a number", () => {
    expect(() => Decimal.from(Number.NaN)).toThrow(RangeError);
    expect(() => Decimal.parse("1.2.3")).toThrow(SyntaxError);
    expect(() => Decimal.from(1).div(0, 2, "down")).toThrow(RangeError);
  });
});

describe("zero prints as 0 whatever its scale (issue 9)", () => {
  it.each<[string, () => Decimal]>([
    ["0 ÷ 3 to 4 places", () => Decimal.from(0).div(3, 4, "down")],
    ['"0.0000"', () => Decimal.parse("0.0000")],
    ['"-0.0000"', () => Decimal.parse("-0.0000")],
    ["0.00001 truncated to 4 places", () => Decimal.from("0.00001").roundDown(4)],
    ["12.5 − 12.5", () => Decimal.from("12.5").sub("12.5")],
  ])("%s", (_, make) => {
    const zero = make();
    expect(zero.toString()).toBe("0");
    expect(zero.isZero()).toBe(true);
  });
});
