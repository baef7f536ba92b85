// The messages between the pane and its engine worker: a call by method name, answered by its id.
import type { Engine } from "./api";
import type { Message, SheetGrid } from "../../src/types";

/**
 * What the worker does besides the Engine: a Grid read in the page (Excel) taken over in slices of rows, a message
 * each, so that no one copy of 10,000 rows holds the page's thread; the calls then name it `{ staged: id }`.
 */
export interface GridStaging {
  /** A new Grid: its sheets without their rows. */
  stageGrid(id: number, sheets: SheetShape[]): Promise<void>;
  /** The next rows of one sheet, appended. */
  stageRows(id: number, sheet: number, rows: SheetRows): Promise<void>;
  dropGrid(id: number): Promise<void>;
}

export type SheetShape = Omit<SheetGrid, "values" | "formulas" | "numberFormats">;
export type SheetRows = Pick<SheetGrid, "values" | "formulas" | "numberFormats">;

export type Method = keyof Engine | keyof GridStaging;

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

/** Answers calls with `service`, each reply posted with the byte buffers it hands over: the worker's whole loop. */
export function answerer(
  service: Engine & GridStaging,
  post: (reply: Reply, transfer: Transferable[]) => void,
): (call: Call) => void {
  return ({ id, method, args }) => {
    const run = service[method] as (...a: unknown[]) => Promise<unknown>;
    run(...args).then(
      (value) => post({ id, ok: true, value }, transferables(value)),
      (error: unknown) => post({ id, ok: false, error: callError(error) }, []),
    );
  };
}
