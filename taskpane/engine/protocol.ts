// The messages between the pane and its engine worker: a call by method name, answered by its id.
import type { Engine } from "./api";
import type { Message } from "../../src/types";

export type Method = keyof Engine;

export interface Call {
  id: number;
  method: Method;
  args: unknown[];
}

/** A failure as it crosses to the page: the fields describeError reads (a GecError's code and text). */
export interface CallError {
  code?: string;
  text?: Message;
  message: string;
}

export type Reply = { id: number; ok: true; value: unknown } | { id: number; ok: false; error: CallError };

/** Any thrown value as plain data (an Error's class does not survive postMessage). */
export function callError(e: unknown): CallError {
  const o = (typeof e === "object" && e !== null ? e : {}) as { code?: unknown; text?: unknown };
  const text = o.text as Message | undefined;
  return {
    ...(typeof o.code === "string" ? { code: o.code } : {}),
    ...(text && typeof text.ja === "string" && typeof text.en === "string"
      ? { text: { ja: text.ja, en: text.en } }
      : {}),
    message: e instanceof Error ? e.message : String(e),
  };
}

/** The byte buffers of a value, handed over (transferred) rather than copied. */
export function transferables(value: unknown): Transferable[] {
  if (value instanceof Uint8Array && value.byteOffset === 0 && value.byteLength === value.buffer.byteLength)
    return [value.buffer as ArrayBuffer];
  return [];
}
