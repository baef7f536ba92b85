// Language and theme: Office's display language and theme, the remembered choice, the browser's scheme outside Office.
import { initialLanguage, languageOf, luminance, rememberLanguage, themeFor } from "../../taskpane/prefs";

class MemoryStorage {
  private items = new Map<string, string>();
  getItem(k: string) {
    return this.items.get(k) ?? null;
  }
  setItem(k: string, v: string) {
    this.items.set(k, v);
  }
}

const g = globalThis as { localStorage?: unknown };
afterEach(() => delete g.localStorage);

describe("language", () => {
  it("en-* is English, ja-* and every other language or none is Japanese", () => {
    expect(
      ["en-US", "en-GB", "EN", "ja-JP", "ja", "fr-FR", "zh-CN", "", undefined, null].map(languageOf),
    ).toEqual(["en", "en", "en", "ja", "ja", "ja", "ja", "ja", "ja", "ja"]);
  });

  it("an explicit choice is remembered and wins over Office's display language", () => {
    g.localStorage = new MemoryStorage();
    expect(initialLanguage("en-US")).toBe("en");
    rememberLanguage("ja");
    expect(initialLanguage("en-US")).toBe("ja");
    rememberLanguage("en");
    expect(initialLanguage("ja-JP")).toBe("en");
  });

  it("works with no storage at all (nothing remembered)", () => {
    expect(() => rememberLanguage("en")).not.toThrow();
    expect(initialLanguage("ja-JP")).toBe("ja");
  });
});

describe("theme", () => {
  it("relative luminance by WCAG 2 (black 0, white 1)", () => {
    expect(luminance("#000000")).toBe(0);
    expect(luminance("#ffffff")).toBeCloseTo(1, 10);
    expect(luminance("not a colour")).toBeNull();
  });

  it("Office's theme: its dark flag, else a dark background (Excel's Dark Gray #262626 and Black #000000)", () => {
    expect(themeFor({ officeTheme: { isDarkTheme: true, bodyBackgroundColor: "#ffffff" } })).toBe("dark");
    expect(themeFor({ officeTheme: { bodyBackgroundColor: "#262626" } })).toBe("dark");
    expect(themeFor({ officeTheme: { bodyBackgroundColor: "#000000" } })).toBe("dark");
    expect(themeFor({ officeTheme: { bodyBackgroundColor: "#FFFFFF" } })).toBe("light");
    expect(themeFor({ officeTheme: { bodyBackgroundColor: "#E6E6E6" } })).toBe("light");
  });

  it("forced colours are high contrast everywhere; outside Office the browser's scheme", () => {
    expect(themeFor({ forcedColors: true, officeTheme: { bodyBackgroundColor: "#ffffff" } })).toBe(
      "highContrast",
    );
    expect(themeFor({ prefersDark: true })).toBe("dark");
    expect(themeFor({})).toBe("light");
  });
});
