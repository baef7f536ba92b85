// The tool's version (package.json) and today's date, for what the CLI stamps on its output.
import * as fs from "fs";
import * as path from "path";

let version: string | null = null;

/** package.json's version, found upwards from this file (cli/ in the sources, dist/cli/ once built). */
export function toolVersion(): string {
  if (version !== null) return version;
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    const file = path.join(dir, "package.json");
    if (fs.existsSync(file)) {
      const pkg = JSON.parse(fs.readFileSync(file, "utf8")) as { name?: unknown; version?: unknown };
      if (pkg.name === "gec-addin" && typeof pkg.version === "string") return (version = pkg.version);
    }
    if (path.dirname(dir) === dir) return (version = "unknown");
  }
}

/** Today as YYYY-MM-DD in local time; SOURCE_DATE_EPOCH (seconds) fixes it, as reproducible builds do. */
export function today(now: Date = new Date()): string {
  const epoch = process.env.SOURCE_DATE_EPOCH;
  const d = epoch && /^\d+$/.test(epoch) ? new Date(Number(epoch) * 1000) : now;
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}
