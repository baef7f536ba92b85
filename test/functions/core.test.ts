import { CellError, asMatrix, lift, numberArg, optionalNumberArg, textArg } from "../../functions/core";

const P = { name: "p", ja: "圧力", en: "Pressure" };

describe("argument coercion", () => {
  it.each([
    [0.95, 0.95],
    ["0.95", 0.95],
    ["494,794,207", 494794207],
    ["４９４，７９４，２０７", 494794207],
    [" 12.5 ", 12.5],
  ])("reads %p as %p", (raw, expected) => {
    expect(numberArg(raw, P)).toBe(expected);
  });

  it.each([[true], [false], ["abc"], [Number.NaN], [Number.POSITIVE_INFINITY], [{}]])(
    "rejects %p with a bilingual message naming the argument",
    (raw) => {
      expect(() => numberArg(raw, P)).toThrow(/圧力 p.*Pressure p/);
    },
  );

  it("calls a blank cell empty, not zero", () => {
    expect(() => numberArg(null, P)).toThrow(/空です.*empty/);
    expect(() => numberArg("", P)).toThrow(/空です.*empty/);
  });

  it("gives the default for an omitted optional argument", () => {
    expect(optionalNumberArg(null, P, 9.484)).toBe(9.484);
    expect(optionalNumberArg(undefined, P, 9.484)).toBe(9.484);
    expect(optionalNumberArg(2, P, 9.484)).toBe(2);
  });

  it("reads text arguments", () => {
    expect(textArg(" 灯油 ", P)).toBe("灯油");
    expect(() => textArg(true, P)).toThrow(/文字列.*text/);
  });
});

describe("lift: Excel-style broadcasting over ranges", () => {
  const add = (a: unknown, b: unknown) => numberArg(a, P) + numberArg(b, P);

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
