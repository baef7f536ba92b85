// Text cells of any length read in linear time; nothing non-finite or beyond 10^15 is read as a number.
import {
  MAX_MAGNITUDE,
  MAX_NUMBER_TEXT,
  echo,
  normalizeText,
  parseDateCell,
  parseNumberCell,
} from "../../src/numbers/parse";

describe("numbers out of range", () => {
  it.each(["1e400", "-1e400", "1e16", "2,000,000,000,000,000", "1e999999999", "1e-999999999", "１e４００"])(
    "%p is invalid: out of range",
    (text) => {
      const r = parseNumberCell(text);
      expect(r.kind).toBe("invalid");
      if (r.kind === "invalid") {
        expect(r.text.ja).toContain("範囲外");
        expect(r.text.en).toContain("out of range");
      }
    },
  );

  it("refuses non-finite and huge numbers typed as numbers", () => {
    for (const v of [Infinity, -Infinity, 1e16, -2e15]) expect(parseNumberCell(v).kind).toBe("invalid");
    expect(parseNumberCell(Number.NaN).kind).toBe("invalid");
  });

  it("keeps 10^15 itself and what the forms hold", () => {
    expect(MAX_MAGNITUDE).toBe(1_000_000_000_000_000);
    expect(parseNumberCell("1,000,000,000,000,000")).toMatchObject({ kind: "number", value: 1e15 });
    expect(parseNumberCell("1e3")).toMatchObject({ kind: "number", value: 1000 });
    expect(parseNumberCell("494,794,207")).toMatchObject({ kind: "number", value: 494794207 });
  });
});

describe("long text", () => {
  it("a number text over the cap is invalid, echoed shortened", () => {
    const text = "9".repeat(MAX_NUMBER_TEXT + 1);
    const r = parseNumberCell(text);
    expect(r.kind).toBe("invalid");
    if (r.kind === "invalid") {
      expect(r.text.en).toContain(`longer than ${MAX_NUMBER_TEXT}`);
      expect(r.text.en.length).toBeLessThan(200);
    }
  });

  it("echoes at most 40 characters and the length", () => {
    expect(echo("短い")).toBe('"短い"');
    // 41 characters: the first 40, an ellipsis, the count
    expect(echo("a".repeat(41))).toBe(`"${"a".repeat(40)}…"（41 文字 / chars）`);
  });

  // Each of these took seconds to minutes with backtracking patterns; linear readings take milliseconds. The bound
  // here is generous (no timing assertion beyond "does not hang"): 100,000 characters, each reader once.
  it.each([
    ["digits", "9".repeat(100_000)],
    ["commas", "1,".repeat(50_000)],
    ["full-width digits", "１２３，".repeat(25_000)],
    ["parentheses", "(".repeat(50_000) + ")".repeat(50_000)],
    ["和暦", "令和2年4月".repeat(16_667)],
    ["digits then a parenthesis", "1".repeat(99_999) + ")"],
  ])("100,000 characters of %s give an invalid reading", (_, text) => {
    expect(parseNumberCell(text).kind).toBe("invalid");
    expect(parseDateCell(text).kind).toBe("invalid");
    const label = normalizeText(text);
    expect(label.length).toBeLessThan(300);
  });

  it("still drops a trailing note from a date", () => {
    expect(parseDateCell("2020年4月1日(水)")).toMatchObject({ kind: "date", year: 2020, month: 4, day: 1 });
    expect(parseDateCell("令和2年4月1日（水）")).toMatchObject({
      kind: "date",
      year: 2020,
      month: 4,
      day: 1,
    });
  });
});
