// The pane's engine across a message boundary: calls and replies by id, errors as data, bytes handed over, and a
// large Grid sent in slices of rows — with the real engine service on the other side of a structured-clone channel.
import * as fs from "fs";
import * as path from "path";
import { SLICE_ROWS, workerEngine } from "../../../taskpane/engine/client";
import type { WorkerLike } from "../../../taskpane/engine/client";
import { answerer } from "../../../taskpane/engine/protocol";
import type { Call, Reply } from "../../../taskpane/engine/protocol";
import { engineService } from "../../../taskpane/engine/service";
import { describeError } from "../../../taskpane/errors";
import { validateGrid } from "../../../src/engine";
import { formatRef } from "../../../src/forms/a1";
import { seedGrid } from "../../fixtures/seedSubmissions";
import { generatedGrid } from "../../fixtures/generated";

const published = fs.readFileSync(
  path.join(__dirname, "..", "..", "fixtures", "xlsx", "H002-2-published.xlsx"),
);

/**
 * A worker in this thread: each message is structured-cloned (its transfer list detached) and answered in a later
 * task by the same answerer the worker runs, the replies cloned back. `calls` logs what the page posted.
 */
function channel() {
  const calls: Call[] = [];
  const listeners: ((e: MessageEvent<Reply>) => void)[] = [];
  const answer = answerer(engineService(), (reply, transfer) => {
    const copy = structuredClone(reply, { transfer });
    setTimeout(() => listeners.forEach((l) => l({ data: copy } as MessageEvent<Reply>)), 0);
  });
  const worker: WorkerLike = {
    postMessage(message, transfer) {
      calls.push(message);
      const copy = structuredClone(message, { transfer });
      setTimeout(() => answer(copy), 0);
    },
    addEventListener(type: string, listener: (e: never) => void) {
      if (type === "message") listeners.push(listener as (e: MessageEvent<Reply>) => void);
    },
  };
  return { engine: workerEngine(worker), calls };
}

describe("workerEngine", () => {
  it("validates the published H002-2 across the channel as the engine does in place", async () => {
    const { engine, calls } = channel();
    const grid = seedGrid("H002-2");
    const report = await engine.validate({ grid });
    expect(report).toEqual(validateGrid(grid));
    expect(calls.map((c) => c.method)).toEqual(["validate"]);
  });

  it("hands a file's bytes over (the page's copy is detached) and keeps the document on the other side", async () => {
    const { engine } = channel();
    const bytes = Uint8Array.from(published);
    await engine.openDocument(bytes);
    expect(bytes.byteLength).toBe(0);
    const report = await engine.validate({ document: true });
    expect(report.findings.filter((f) => f.severity === "error").map((f) => formatRef(f.ref))).toEqual([
      "別紙1!N5",
      "別紙1!U6",
    ]);
  });

  it("a failure crosses as its code and bilingual text, which the pane shows", async () => {
    const { engine } = channel();
    const refused = await engine.openDocument(new TextEncoder().encode("this is a text file")).then(
      () => null,
      (e: unknown) => e,
    );
    expect(describeError(refused).en).toMatch(/ZIP|xlsx/i);
    const none = await engine.validate({ document: true }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(describeError(none).ja).toBe("先に .xlsx ファイルを開いてください。");
  });

  it("a worker whose script does not load: its calls, and every later one, go to the engine in the page", async () => {
    const posted: string[] = [];
    let fail: (e: ErrorEvent) => void = () => undefined;
    const dead: WorkerLike = {
      postMessage: (message) => void posted.push(message.method),
      addEventListener(type: string, listener: (e: never) => void) {
        if (type === "error") fail = listener as (e: ErrorEvent) => void;
      },
    };
    const engine = workerEngine(dead, engineService());
    const waiting = engine.validate({ grid: seedGrid("H002-2") });
    fail({ message: "engine-worker.js: 404" } as ErrorEvent);
    const report = await waiting;
    expect(report.summary.errors).toBe(2); // N5 and U6 of the published H002-2
    await engine.info();
    expect(posted).toEqual(["validate"]);
  });

  it(`a Grid of 2,500 facilities goes in slices of ${SLICE_ROWS} rows, once for two calls at the same time`, async () => {
    const { engine, calls } = channel();
    const grid = generatedGrid(2500, 5);
    const [report, explained] = await Promise.all([
      engine.validate({ grid }),
      engine.explain({ grid }, { sheet: "別紙1", row: 3, col: 13 }),
    ]);
    expect(report).toEqual(validateGrid(grid));
    expect(explained.kind).toBe("explained");
    const list = grid.sheets[1];
    const slices = calls.filter((c) => c.method === "stageRows" && c.args[1] === 1);
    // 別紙1 is the 3 header rows, 2,500 facilities, 合計 and its notes: ⌈rows / 1,000⌉ slices
    expect(slices.length).toBe(Math.ceil(list.values.length / SLICE_ROWS));
    expect(slices.every((c) => (c.args[2] as { values: unknown[] }).values.length <= SLICE_ROWS)).toBe(true);
    expect(calls.filter((c) => c.method === "stageGrid")).toHaveLength(1);
    const used = calls.filter((c) => c.method === "validate" || c.method === "explain");
    expect(used.map((c) => c.args[0])).toEqual([{ staged: 1 }, { staged: 1 }]);
    // let go once both are answered
    expect(calls[calls.length - 1]).toMatchObject({ method: "dropGrid", args: [1] });
  });
});
