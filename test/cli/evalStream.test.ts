// gec eval as a stream: UTF-8 across chunks, a line limit, one answer per line whatever the line holds, quiet on EPIPE;
// and results bounded in size.
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { buildCliIfStale } from "../fixtures/builtCli";
import { MAX_EVAL_CELLS, MAX_LINE, evaluateLine, run } from "../../cli/commands/eval";
import type { CliIo } from "../../cli/io";
import { MAX_RESULT_CELLS } from "../../functions/core";

const root = path.join(__dirname, "..", "..");

/** Runs gec eval over the given stdin chunks; returns the answers, one parsed object per line. */
async function evalChunks(chunks: (string | Buffer)[]): Promise<Record<string, unknown>[]> {
  const out: string[] = [];
  const io: CliIo = {
    stdout: (t) => out.push(t),
    stderr: () => undefined,
    stdin: async function* () {
      yield* chunks;
    },
    readFile: async () => new Uint8Array(),
    writeFile: async () => undefined,
    checkOutput: async () => undefined,
    fileSize: async () => 0,
  };
  expect(await run([], io)).toBe(0);
  return out
    .join("")
    .split("\n")
    .filter((l) => l !== "")
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}

describe("gec eval reads a stream", () => {
  it("decodes a character split between two chunks", async () => {
    const bytes = Buffer.from('{"id":1,"fn":"CEF_FUEL","args":["灯油"]}\n');
    const cut = bytes.indexOf(Buffer.from("灯")) + 1; // inside the three bytes of 灯
    const answers = await evalChunks([bytes.subarray(0, cut), bytes.subarray(cut)]);
    // the seed's 2.2 default (docs/domain.md §3): kerosene 0.0678 kgCO2/MJ_HHV
    expect(answers).toEqual([{ id: 1, value: 0.0678 }]);
  });

  it("answers an over-long line once with an error and every other line in order", async () => {
    const good = (id: number) => `{"id":${id},"fn":"P_ABS","args":[0.5]}\n`;
    const long = `{"id":2,"fn":"P_ABS","args":["${"9".repeat(MAX_LINE)}"]}\n`;
    const chunks = [good(1), ...long.match(/[\s\S]{1,65536}/g)!, good(3)];
    const answers = await evalChunks(chunks);
    expect(answers).toHaveLength(3);
    expect(answers[0]).toMatchObject({ id: 1 });
    expect(answers[1]).toMatchObject({ id: null, error: "#VALUE!" });
    expect(String(answers[1].message)).toContain("line too long");
    expect(answers[2]).toMatchObject({ id: 3 });
  });

  it("answers a line whose fn or id would break a naive echo with an error for that line only", async () => {
    const deep = "[".repeat(100_000) + "]".repeat(100_000);
    const answers = await evalChunks([
      '{"id":1,"fn":"P_ABS","args":[0.5]}\n',
      '{"id":2,"fn":{"toString":1},"args":[]}\n',
      `{"id":${deep},"fn":"P_ABS","args":[0.5]}\n`,
      "not json\n",
      '{"id":5,"fn":"P_ABS","args":[0.84237]}',
    ]);
    expect(answers.map((a) => a.id)).toEqual([1, 2, null, null, 5]);
    expect(answers[1]).toMatchObject({ error: "#NAME?" });
    expect(answers[2].error ?? answers[2].value).toBeDefined();
    expect(answers[3]).toMatchObject({ error: "#VALUE!" });
    // the README's example: =GEC.P_ABS(0.84237) gives 0.95 MPa abs
    expect(answers[4].value).toBe(0.95);
  });

  it("grows linearly: a 20 MB line in 4 KiB chunks is refused without holding it", async () => {
    const text = `{"id":1,"fn":"P_ABS","args":["${"1".repeat(20 * 1024 * 1024)}"]}\n`;
    const chunks: string[] = [];
    for (let i = 0; i < text.length; i += 4096) chunks.push(text.slice(i, i + 4096));
    const answers = await evalChunks(chunks);
    expect(answers).toHaveLength(1);
    expect(answers[0]).toMatchObject({ error: "#VALUE!" });
  });
});

describe("results are bounded", () => {
  it(`a broadcast past ${MAX_RESULT_CELLS} cells is one #VALUE! with a message`, () => {
    // a column of 2,000 pressures against a row of 1,000 temperatures would be 2,000,000 cells
    const p = Array.from({ length: 2000 }, () => [1]);
    const t = [Array.from({ length: 1000 }, () => 100)];
    const answer = JSON.parse(evaluateLine(JSON.stringify({ id: 1, fn: "STEAM_H", args: [p, t] })));
    expect(answer).toMatchObject({ id: 1, error: "#VALUE!" });
    expect(answer.message).toContain("too large");
    expect(answer.message).toContain("大きすぎます");
  });

  it("past Excel's 16,384 columns likewise", () => {
    const t = [Array.from({ length: 16_385 }, () => 100)];
    const answer = JSON.parse(evaluateLine(JSON.stringify({ id: 1, fn: "STEAM_H", args: [1, t] })));
    expect(answer).toMatchObject({ error: "#VALUE!" });
  });
});

const bash = process.platform === "win32" ? it.skip : it;
bash("is quiet when its reader goes away (gec eval | head -1)", () => {
  const r = spawnSync(
    "bash",
    [
      "-c",
      `for i in $(seq 1 20000); do echo '{"id":'$i',"fn":"P_ABS","args":[0.5]}'; done | node bin/gec.js eval | head -1; echo "status \${PIPESTATUS[1]}" >&2`,
    ],
    { cwd: root, encoding: "utf8" },
  );
  expect(r.stdout.trim().split("\n")).toHaveLength(1);
  expect(r.stderr).not.toMatch(/EPIPE|Error|at /);
  expect(r.stderr).toMatch(/status 0/);
});

describe("a 1 MB line that asks for a huge result is refused before it is computed (issue 16)", () => {
  const built = fs.existsSync(path.join(root, "dist", "cli", "commands", "eval.js"));
  (built && process.platform !== "win32" ? it : it.skip)(
    "the built gec eval answers every line within 300 MiB peak RSS",
    () => {
      // dist/ must hold the source under test (npm ci builds it; rebuilt when a source is newer)
      buildCliIfStale();
      const text = "x".repeat(480);
      // a row of 1,000 texts against a column of 1,000: 1,000,000 error cells from a 968 KB line, under MAX_LINE
      const huge = JSON.stringify({
        id: 2,
        fn: "STEAM_H",
        args: [Array(1000).fill(text), Array(1000).fill([text])],
      });
      // a row of 50 against a column of 1,000: 50,000 error cells, the most one line may have
      const atCap = JSON.stringify({
        id: 3,
        fn: "STEAM_H",
        args: [Array(50).fill(text), Array(1000).fill([text])],
      });
      expect(huge.length).toBeLessThan(MAX_LINE);
      expect(50 * 1000).toBe(MAX_EVAL_CELLS);
      const input = [
        '{"id":1,"fn":"P_ABS","args":[0.84237]}',
        huge,
        atCap,
        '{"id":4,"fn":"P_ABS","args":[0.84237]}',
      ].join("\n");
      const wrapper =
        "process.on('exit',()=>require('fs').writeSync(2,'\\n@maxrss='+process.resourceUsage().maxRSS+'\\n'));" +
        "process.argv.splice(1,0,'gec');require('./bin/gec.js')";
      const r = spawnSync(process.execPath, ["--max-old-space-size=256", "-e", wrapper, "eval"], {
        cwd: root,
        input,
        encoding: "utf8",
        maxBuffer: 256 * 1024 * 1024,
      });
      const rss = /@maxrss=(\d+)/.exec(r.stderr);
      expect(r.stderr.replace(/\n@maxrss=\d+\n/, "")).toBe("");
      expect(r.status).toBe(0);
      expect(rss && Number(rss[1]) / 1024).toBeLessThan(300);
      const answers = r.stdout
        .split("\n")
        .filter((l) => l !== "")
        .map((l) => JSON.parse(l) as { id: unknown; value?: unknown[][]; error?: string; message?: string });
      expect(answers.map((a) => a.id)).toEqual([1, 2, 3, 4]);
      // =GEC.P_ABS(0.84237) gives 0.95 MPa abs (the README's example)
      expect([answers[0].value, answers[3].value]).toEqual([0.95, 0.95]);
      expect(answers[1]).toMatchObject({ error: "#VALUE!" });
      expect(answers[1].message).toContain("1000 rows × 1000 columns");
      expect(answers[1].message).toContain("大きすぎます");
      const grid = answers[2].value as { error: string }[][];
      expect([grid.length, grid[0].length, grid[999][49].error]).toEqual([1000, 50, "#VALUE!"]);
    },
  );
});
