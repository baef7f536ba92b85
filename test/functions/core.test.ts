import { CellError, asMatrix, lift } from "../../functions/core";
import { customFunctions } from "../../functions/registry";
import { readQuantity } from "../../src/methodology";

const P = { symbol: "p", label: { ja: "圧力", en: "Pressure" } };
const numberArg = (raw: unknown) => readQuantity(raw, P).toNumber();
const EPS = {
  symbol: "ε_BL",
  label: { ja: "代替される熱源設備の効率", en: "Efficiency" },
  domain: "ratio" as const,
};

describe("one coercion layer (cells, custom-function arguments, gec eval)", () => {
  it.each([
    [0.95, 0.95],
    ["0.95", 0.95],
    ["494,794,207", 494794207],
    ["４９４，７９４，２０７", 494794207],
    [" 12.5 ", 12.5],
  ])("reads %p as %p", (raw, expected) => {
    expect(numberArg(raw)).toBe(expected);
  });

  it.each([[true], [false], ["abc"], [Number.NaN], [Number.POSITIVE_INFINITY], [{}]])(
    "rejects %p with a bilingual message naming the argument",
    (raw) => {
      expect(() => numberArg(raw)).toThrow(/圧力 p.*Pressure p/);
    },
  );

  it("calls a blank cell missing, not zero", () => {
    expect(() => numberArg(null)).toThrow(/入力されていません.*missing/);
    expect(() => numberArg("")).toThrow(/入力されていません.*missing/);
  });

  it('reads a share as 0.92022, 92.022 or "92.022%"', () => {
    for (const raw of [0.92022, 92.022, "92.022%"]) expect(readQuantity(raw, EPS).toString()).toBe("0.92022");
  });

  it('names ε_BL the same way whichever function takes it (issue 9: not "eps" in one and ε_BL in another)', () => {
    const ef = customFunctions.get("EF_WB");
    const em = customFunctions.get("EM_WB");
    if (!ef || !em) throw new Error("missing function");
    const a = (ef([[0.0678]], [["x"]]) as CellError[][])[0][0];
    const b = (em([[100]], [[1]], [[0.0678]], [["x"]]) as CellError[][])[0][0];
    expect(a.message).toMatch(/ε_BL/);
    expect(b.message).toMatch(/ε_BL/);
    expect(a.message).toBe(b.message);
  });

  it("=GEC.Q_WB(100, 100) is an error, as the row check says, not −848 (issue 9)", () => {
    // 100 − ROUNDDOWN(100 × 9.484, 0) = 100 − 948 = −848 < 0: Q_WB is an amount of heat
    const q = customFunctions.get("Q_WB");
    if (!q) throw new Error("missing Q_WB");
    const cell = (q([[100]], [[100]]) as unknown[][])[0][0];
    expect(cell).toBeInstanceOf(CellError);
    expect((cell as CellError).message).toMatch(/Q_WB.*-848/);
  });
});

describe("lift: Excel-style broadcasting over ranges", () => {
  const add = (a: unknown, b: unknown) => numberArg(a) + numberArg(b);

  it("treats scalars as 1×1", () => {
    expect(asMatrix(3)).toEqual([[3]]);
    expect(lift([1, 2], add)).toEqual([[3]]);
  });

  it("pairs two columns element by element", () => {
    expect(
      lift(
        [
          [[1], [2], [3]],
          [[10], [20], [30]],
        ],
        add,
      ),
    ).toEqual([[11], [22], [33]]);
  });

  it("repeats a scalar along a column and a row along a column", () => {
    expect(lift([[[1], [2]], 100], add)).toEqual([[101], [102]]);
    expect(lift([[[1], [2]], [[10, 20]]], add)).toEqual([
      [11, 21],
      [12, 22],
    ]);
  });

  it("gives #N/A outside the smaller of two mismatched ranges", () => {
    const out = lift(
      [
        [[1], [2], [3]],
        [[10], [20]],
      ],
      add,
    );
    expect(out[0][0]).toBe(11);
    expect(out[1][0]).toBe(22);
    expect(out[2][0]).toBeInstanceOf(CellError);
    expect((out[2][0] as CellError).error).toBe("#N/A");
  });

  it("keeps a bad cell's error in its own cell and computes the others", () => {
    const out = lift([[[1], ["x"], [3]], 1], add);
    expect(out[0][0]).toBe(2);
    expect((out[1][0] as CellError).error).toBe("#VALUE!");
    expect((out[1][0] as CellError).message).toMatch(/圧力 p.*Pressure p/);
    expect(out[2][0]).toBe(4);
  });

  it("never returns NaN or lets an exception escape", () => {
    const out = lift([1], () => Number.NaN);
    expect(out[0][0]).toBeInstanceOf(CellError);
    const thrown = lift([1], () => {
      throw new Error("boom");
    });
    expect((thrown[0][0] as CellError).error).toBe("#VALUE!");
  });
});
