// The add-in's version (package.json), stamped on what the pane writes (the working paper's identity block).
// the default import: webpack warns that a JSON module's named exports are going away
import packageJson from "../package.json";

export const TOOL_VERSION: string = packageJson.version;

/** Today as YYYY-MM-DD in the person's local time. */
export function localDate(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
