// Numbers shown in the pane: grouped digits, decimals exactly as given, English counts in singular and plural.
import { countMessage, groupDigits, showExpected, showValue } from "../../taskpane/format";

describe("groupDigits", () => {
  it("groups the integer part in thousands and keeps every decimal as given", () => {
    expect(groupDigits("186081657", "ja")).toBe("186,081,657");
    expect(groupDigits("186081657", "en")).toBe("186,081,657");
    expect(groupDigits("-13687392", "en")).toBe("-13,687,392");
    expect(groupDigits("0.07360", "en")).toBe("0.07360");
    expect(groupDigits("2904231.71", "ja")).toBe("2,904,231.71");
    expect(groupDigits("999", "en")).toBe("999");
  });

  it("is exact beyond 2^53 (no binary float in between)", () => {
    expect(groupDigits("12345678901234567890", "en")).toBe("12,345,678,901,234,567,890");
  });

  it("leaves anything that is not a plain decimal alone: cell addresses, text, formulas", () => {
    for (const s of ["別紙1!N5", "N5", "=ROUNDDOWN(N4*9.484,0)", "99.94%", "1e21", ""])
      expect(groupDigits(s, "en")).toBe(s);
  });
});

describe("showValue / showExpected", () => {
  it("groups numbers, keeps text as typed", () => {
    expect(showValue(186081657, "ja")).toBe("186,081,657");
    expect(showValue(0.0736, "en")).toBe("0.0736");
    expect(showValue("494794207", "ja")).toBe("494794207");
    expect(showValue(null, "ja")).toBe("");
    expect(showExpected("186081657", "en")).toBe("186,081,657");
    expect(showExpected(0.9994, "en")).toBe("0.9994");
  });
});

describe("countMessage", () => {
  it("says cell for one and cells otherwise in English; 件 in Japanese", () => {
    expect(countMessage(1, "written")).toEqual({ ja: "1 件を書き込みました。", en: "1 cell written." });
    expect(countMessage(2, "written")).toEqual({ ja: "2 件を書き込みました。", en: "2 cells written." });
    expect(countMessage(0, "restored").en).toBe("0 cells restored.");
    expect(countMessage(1, "restored").en).toBe("1 cell restored.");
    expect(countMessage(1234, "written").en).toBe("1,234 cells written.");
  });
});
