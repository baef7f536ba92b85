// The core's one error type: what went wrong with which input, in words for a person, and the Excel error it maps to.
import type { Message } from "./types";

/** The Excel error a failure shows as. Only #VALUE! and #N/A carry a message into Excel's error menu. */
export type ErrorCode = "#VALUE!" | "#NUM!" | "#N/A";

export class GecError extends Error {
  readonly code: ErrorCode;
  readonly text: Message;
  /** The argument or field at fault, as the user knows it ("p", "S_B"). */
  readonly argument?: string;

  constructor(code: ErrorCode, text: Message, argument?: string) {
    super(`${text.ja} / ${text.en}`);
    this.name = "GecError";
    this.code = code;
    this.text = text;
    this.argument = argument;
  }
}

/** The usual case: an argument out of its valid range or of the wrong kind. */
export function invalidArgument(argument: string, text: Message): GecError {
  return new GecError("#VALUE!", text, argument);
}

export function isGecError(e: unknown): e is GecError {
  return e instanceof GecError;
}
