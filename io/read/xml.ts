// The reader's budgets and its XML sink: a part's bytes -> XML events -> a part's handlers, bounded as it goes.
import { BUDGET, MAX_GRID_CELLS, XlsxError, corrupt, overBudget } from "../errors";
import type { EntrySink } from "../zip";
import { XmlScanError, XmlScanner } from "./xmlScan";

export interface Budgets {
  nodes: number;
  cells: number;
  merges: number;
  /** Cells of merged ranges over all sheets (each merged cell is expanded into the Grid). */
  mergedCells: number;
  validations: number;
  definedNames: number;
  strings: number;
  deadline: number;
}

/** The budgets of one read, counted down as it goes (the deadline from now). */
export function freshBudgets(): Budgets {
  return {
    nodes: BUDGET.xmlNodes,
    cells: BUDGET.cells,
    merges: BUDGET.merges,
    mergedCells: MAX_GRID_CELLS,
    validations: BUDGET.validations,
    definedNames: BUDGET.definedNames,
    strings: BUDGET.sharedStrings,
    deadline: Date.now() + BUDGET.ms,
  };
}

export function tick(b: Budgets): void {
  if (Date.now() > b.deadline) {
    throw new XlsxError("xlsx.overBudget", {
      ja: `読み込みに時間がかかりすぎます（上限 ${BUDGET.ms / 1000} 秒）。安全のため中止しました。不要なシートやセルを削除して Excel で保存し直してください。`,
      en: `Reading takes too long (limit ${BUDGET.ms / 1000} s); stopped for safety. Delete unneeded sheets or cells and re-save it in Excel.`,
    });
  }
}

/** One element counted against the node budget (every part, the reader's and the writer's locator alike). */
export function countNode(b: Budgets): void {
  if (--b.nodes < 0) throw overBudget({ ja: "XML の要素数", en: "The XML elements" }, BUDGET.xmlNodes);
}

/** A part's state machine over XML events: element names without their namespace prefix. */
export interface Handlers {
  open(name: string, attrs: Record<string, string>): void;
  text?(text: string): void;
  close?(name: string): void;
}

/** Bytes handed to the scanner at a time. */
export const SLICE = 256 * 1024;

export const local = (name: string): string => {
  const colon = name.indexOf(":");
  return colon < 0 ? name : name.slice(colon + 1);
};

/** A sink that decodes UTF-8 across chunks and feeds the scanner; counts elements against the node budget. */
export function xmlSink(part: string, budgets: Budgets, h: Handlers, done: () => void): EntrySink {
  // our own words only: the scanner's message is about its internals, not about what the user can do
  const fail = (why: { ja: string; en: string }): never => {
    throw corrupt({
      ja: `${part} の XML が正しくありません（${why.ja}）`,
      en: `${part} is not well-formed XML (${why.en})`,
    });
  };
  // the scanner holds a text or an attribute until it ends: refuse one that runs on (Excel holds 32,767 characters a cell).
  let sinceEvent = 0;
  const text = h.text;
  const close = h.close;
  const scanner = new XmlScanner({
    open(name, attributes) {
      sinceEvent = 0;
      countNode(budgets);
      h.open(local(name), attributes);
    },
    text(t) {
      sinceEvent = 0;
      if (text) text(t);
    },
    close(name) {
      sinceEvent = 0;
      if (close) close(local(name));
    },
  });
  const scan = (step: () => void): void => {
    try {
      step();
    } catch (e) {
      if (!(e instanceof XmlScanError)) throw e;
      if (e.fault === "doctype")
        fail({ ja: "DOCTYPE は使えません", en: "a DOCTYPE is not allowed (entity expansion)" });
      fail({ ja: "構文の誤り", en: "syntax error" });
    }
  };
  const decoder = new TextDecoder("utf-8", { fatal: true });
  const decode = (chunk?: Uint8Array): string => {
    try {
      return chunk ? decoder.decode(chunk, { stream: true }) : decoder.decode();
    } catch {
      return fail({ ja: "UTF-8 ではない文字", en: "not UTF-8" });
    }
  };
  return {
    data(chunk) {
      tick(budgets);
      // one push can inflate to 16 MiB: feed it in slices so that a run-on text is stopped near its limit
      for (let at = 0; at < chunk.length; at += SLICE) {
        if (sinceEvent > BUDGET.runBytes) {
          throw overBudget(
            {
              ja: `${part} の 1 つのテキストまたは属性の長さ（バイト）`,
              en: `The bytes of one text or attribute in ${part}`,
            },
            BUDGET.runBytes,
          );
        }
        const slice = chunk.subarray(at, Math.min(at + SLICE, chunk.length));
        sinceEvent += slice.length;
        const decoded = decode(slice);
        scan(() => scanner.write(decoded));
      }
    },
    end() {
      const rest = decode();
      scan(() => {
        scanner.write(rest);
        scanner.close();
      });
      done();
    },
  };
}

/** Feeds a part held whole (the writer's workbook.xml and its rels) through the same sink. */
export function feedWhole(name: string, bytes: Uint8Array, budgets: Budgets, h: Handlers): void {
  const sink = xmlSink(name, budgets, h, () => undefined);
  sink.data(bytes);
  sink.end();
}
