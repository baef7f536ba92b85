// Any failure of a pane action → a message that says what to do (Office codes, engine errors, no file).
import type { Message } from "../src/types";
import { describeOfficeError } from "./excel/officeErrors";
import { strings } from "./i18n";

export function describeError(error: unknown): Message {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === "NoWorkbook") return strings.noFile;
  const text = (error as { text?: unknown } | null)?.text as Message | undefined;
  if (text && typeof text.ja === "string" && typeof text.en === "string") return text; // GecError
  if (typeof code === "string") return describeOfficeError(error);
  const msg = error instanceof Error ? error.message : String(error);
  return { ja: `エラーが起きました: ${msg}`, en: `Something went wrong: ${msg}` };
}
