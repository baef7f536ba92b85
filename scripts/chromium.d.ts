// Types of scripts/chromium.js for the TypeScript tests.
import type { BrowserContext, LaunchOptions } from "playwright-core";

export declare const CHROMIUM: string;
export declare const CHROMIUM_ARGS: string[];
export declare function launchOffline(
  profileDir: string,
  options?: Omit<LaunchOptions, "executablePath" | "args"> & {
    viewport?: { width: number; height: number };
    acceptDownloads?: boolean;
  },
): Promise<BrowserContext>;
