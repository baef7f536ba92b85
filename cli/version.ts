// The version of the installed package, read from its package.json (the CLI runs from cli/ in tests, dist/cli/ built),
// and today's date, for what the CLI stamps on its output.
import { readFileSync } from "fs";
import * as path from "path";

const PACKAGE_NAME = "gec-addin";

/** package.json's version, found by walking up from this file; "unknown" where no such package.json is found. */
export function packageVersion(): string {
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    const file = path.join(dir, "package.json");
    try {
      const pkg = JSON.parse(readFileSync(file, "utf8")) as { name?: unknown; version?: unknown };
      if (pkg.name === PACKAGE_NAME && typeof pkg.version === "string") return pkg.version;
    } catch {
      // no package.json here (or not ours): look further up
    }
    if (path.dirname(dir) === dir) return "unknown";
  }
}

/**
 * The time the CLI stamps on what it writes (the entries of a workbook it makes): now, or the instant
 * SOURCE_DATE_EPOCH (seconds) names, as reproducible builds fix it, so that two runs write the same bytes.
 */
export function stampTime(now: Date = new Date()): Date {
  const epoch = process.env.SOURCE_DATE_EPOCH;
  return epoch && /^\d+$/.test(epoch) ? new Date(Number(epoch) * 1000) : now;
}

/** Today as YYYY-MM-DD in local time; SOURCE_DATE_EPOCH (seconds) fixes it, as reproducible builds do. */
export function today(now: Date = new Date()): string {
  const d = stampTime(now);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}
