// The pane's language and theme: Office's display language and theme (or the browser's), and a remembered choice.
// the theme package alone: the components package costs a test 2 s to load
import { teamsHighContrastTheme, webDarkTheme, webLightTheme } from "@fluentui/react-theme";
import type { Theme } from "@fluentui/react-theme";
import type { Lang } from "./i18n";

const LANG_KEY = "gec.lang";

/** en-* → English, ja-* → Japanese, anything else (or nothing) → Japanese, the users' language. */
export function languageOf(displayLanguage: string | undefined | null): Lang {
  return /^en(-|$)/i.test(displayLanguage ?? "") ? "en" : "ja";
}

function storage(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null; // storage blocked (a locked-down browser): nothing is remembered
  }
}

/** The language the user chose with the pane's button, if any. */
export function rememberedLanguage(): Lang | null {
  const v = storage()?.getItem(LANG_KEY);
  return v === "ja" || v === "en" ? v : null;
}

export function rememberLanguage(lang: Lang): void {
  try {
    storage()?.setItem(LANG_KEY, lang);
  } catch {
    // quota or privacy mode: the choice lasts this session only
  }
}

/** An explicit choice wins; else Office's display language; else Japanese. */
export function initialLanguage(displayLanguage?: string | null): Lang {
  return rememberedLanguage() ?? languageOf(displayLanguage);
}

export type ThemeName = "light" | "dark" | "highContrast";

export const THEMES: Record<ThemeName, Theme> = {
  light: webLightTheme,
  dark: webDarkTheme,
  highContrast: teamsHighContrastTheme,
};

/** Relative luminance of "#rrggbb" (0 black … 1 white); null when it is no such colour. */
export function luminance(color: string | undefined | null): number | null {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec((color ?? "").trim());
  if (!m) return null;
  const [r, g, b] = m.slice(1).map((h) => {
    const c = parseInt(h, 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

export interface ThemeSignals {
  /** Office.context.officeTheme, in Excel. */
  officeTheme?: { bodyBackgroundColor?: string; isDarkTheme?: boolean } | null;
  /** (prefers-color-scheme: dark), outside Office. */
  prefersDark?: boolean;
  /** (forced-colors: active): Windows high contrast, in Office's WebView or a browser. */
  forcedColors?: boolean;
}

/** High contrast when colours are forced; in Excel, Office's theme (dark by its flag or a dark background); else the browser's. */
export function themeFor({ officeTheme, prefersDark, forcedColors }: ThemeSignals): ThemeName {
  if (forcedColors) return "highContrast";
  if (officeTheme) {
    if (typeof officeTheme.isDarkTheme === "boolean") return officeTheme.isDarkTheme ? "dark" : "light";
    const l = luminance(officeTheme.bodyBackgroundColor);
    if (l !== null) return l < 0.2 ? "dark" : "light";
  }
  return prefersDark ? "dark" : "light";
}
