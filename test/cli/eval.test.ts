// gec eval: the custom functions answered from a shell, through the same wrappers Excel calls.
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { buildCliIfStale } from "../fixtures/builtCli";
import { evaluateLine, run } from "../../cli/commands/eval";
import type { CliIo } from "../../cli/io";

const root = path.join(__dirname, "..", "..");

function ask(fn: string, args: unknown[]): { value?: unknown; error?: string; message?: string } {
  return JSON.parse(evaluateLine(JSON.stringify({ id: 1, fn, args }))) as {
    value?: unknown;
    error?: string;
    message?: string;
  };
}

function value(fn: string, args: unknown[]): number {
  const answer = ask(fn, args);
  expect(answer.error).toBeUndefined();
  return answer.value as number;
}

describe("gec eval answers every function", () => {
  // Expected values: IAPWS R7-97(2012) Tables 5, 35, 36; docs/domain.md §5 worked example; hand calculations.
  it.each([
    ["STEAM_H", [3, 26.85], 115.331273, 1e-8], // IF97 Table 5: 3 MPa, 300 K
    ["STEAM_H", [0.95, 185.4], 2795.30217, 1e-9], // docs/domain.md §5 example (JSME 1999 = IF97)
    ["STEAM_S", [3, 26.85], 0.392294792, 1e-8], // Table 5
    ["STEAM_V", [3, 26.85], 0.00100215168, 1e-8], // Table 5
    ["STEAM_CP", [3, 26.85], 4.17301218, 1e-8], // Table 5
    ["STEAM_TSAT", [0.1], 372.755919 - 273.15, 1e-8], // Table 36
    ["STEAM_PSAT", [26.85], 0.00353658941, 1e-8], // Table 35
    ["STEAM_HF", [104.3], 437.255055, 1e-9], // docs/domain.md §5 example h'
    ["STEAM_T_PH", [3, 115.331273], 26.85, 1e-8], // inverse of Table 5
  ])("%s(%p) = %p", (fn, args, expected, relTol) => {
    const got = value(fn as string, args as unknown[]);
    expect(Math.abs(got / (expected as number) - 1)).toBeLessThan(relTol as number);
  });

  it("STEAM_HG is above STEAM_HF, and the _P forms agree with Tsat", () => {
    const tSat = value("STEAM_TSAT", [1]);
    expect(value("STEAM_HG", [tSat])).toBeGreaterThan(value("STEAM_HF", [tSat]));
    expect(Math.abs(value("STEAM_HF_P", [1]) / value("STEAM_HF", [tSat]) - 1)).toBeLessThan(1e-9);
    expect(Math.abs(value("STEAM_HG_P", [1]) / value("STEAM_HG", [tSat]) - 1)).toBeLessThan(1e-9);
  });

  it.each([
    // Q_WB = 257,572,286 − ROUNDDOWN(7,538,025 × 9.484) = 257,572,286 − 71,490,629 (seed H002-2 row 2, 3.3)
    ["Q_WB", [257572286, 7538025], 186081657],
    ["S_B", [910178720, 910724806], 0.9994], // 0.99940039… truncated to 4 places
    ["EF_WB", [0.0678, 0.92022], 0.0736], // 0.073678… truncated
    // 186,081,657 × 0.9994 × 0.0736 = 13,687,392.58… (seed H002-2 row 2, 3.10)
    ["EM_WB", [186081657, 0.9994, 0.0678, 0.92022], 13687392],
    ["EM_WB", [186081657, "99.94%", 0.0678, 92.022], 13687392],
    ["EM_T", [445795], 445], // R5, seed H002-1 row 2
    ["CEF_FUEL", ["灯油"], 0.0678],
    ["EPS_BL", ["灯油"], 0.92022], // 0.98 × 0.939
    ["EPC", [1000, 600, 50], 350],
    ["EM_P", [600, 350, 0.5], 475],
    ["P_ABS", [0.84237], 0.95], // 0.84237 → 0.843 → 0.944325 → 0.95
  ])("%s(%p) = %p", (fn, args, expected) => {
    expect(value(fn as string, args as unknown[])).toBe(expected);
  });

  it("Q_STEAM reproduces the §5 month: 2795.30217 × 1234.5 − 437.255055 × 1250 = 2,904,231.71 MJ", () => {
    expect(value("Q_STEAM", [0.84237, 185.468, 1234.5, 104.37, 1250])).toBeCloseTo(2904231.71, 1);
  });

  it("METHODOLOGY gives the official name", () => {
    expect(ask("METHODOLOGY", ["H002-2"]).value).toBe(
      "バイオマス熱（木質バイオマス蒸気供給施設（熱電供給システム））",
    );
  });

  it("CEF_ELEC answers #N/A with a message where the table has no value", () => {
    const answer = ask("CEF_ELEC", [2015]);
    expect(answer.error).toBe("#N/A");
    expect(answer.message).toMatch(/[\u3040-\u30ff\u4e00-\u9fff].* \/ [A-Za-z]/);
  });
});

describe("gec eval protocol", () => {
  it("spills a column of p and t as a column of results", () => {
    const answer = ask("STEAM_H", [
      [[3], [0.95]],
      [[26.85], [185.4]],
    ]);
    const column = answer.value as number[][];
    expect(column).toHaveLength(2);
    expect(Math.abs(column[0][0] / 115.331273 - 1)).toBeLessThan(1e-8);
    expect(Math.abs(column[1][0] / 2795.30217 - 1)).toBeLessThan(1e-9);
  });

  it.each([
    [[120, 100], /100/],
    [[0, 100], /p/],
    [[-1, 100], /p/],
    [[60, 900], /50/],
    [["abc", 100], /p/],
    [[true, 100], /p/],
    [[null, 100], /p/],
    [[1, 2001], /t/],
  ])("STEAM_H%p is a #VALUE! naming the argument, in Japanese and English", (args, pattern) => {
    const answer = ask("STEAM_H", args);
    expect(answer.error).toBe("#VALUE!");
    expect(answer.message).toMatch(pattern);
    expect(answer.message).toMatch(/[\u3040-\u30ff\u4e00-\u9fff].* \/ [A-Za-z]/);
  });

  it("answers a bad line, an unknown function and too many arguments without stopping", () => {
    expect(JSON.parse(evaluateLine("not json"))).toMatchObject({ id: null, error: "#VALUE!" });
    expect(JSON.parse(evaluateLine('{"id":7,"fn":"NOPE","args":[]}'))).toMatchObject({
      id: 7,
      error: "#NAME?",
    });
    expect(JSON.parse(evaluateLine('{"id":8,"fn":"STEAM_TSAT","args":[1,2,3]}'))).toMatchObject({
      id: 8,
      error: "#VALUE!",
    });
  });

  it("keeps ids and order over many lines", async () => {
    const lines = Array.from({ length: 500 }, (_, i) =>
      JSON.stringify({ id: i, fn: "STEAM_H", args: [1, 100 + i / 10] }),
    );
    const out: string[] = [];
    const io: CliIo = {
      stdout: (t) => out.push(t),
      stderr: () => undefined,
      stdin: async function* () {
        // chunks that split lines in the middle
        const text = lines.join("\n");
        for (let i = 0; i < text.length; i += 997) yield text.slice(i, i + 997);
      },
      readFile: async () => new Uint8Array(),
      writeFile: async () => undefined,
      checkOutput: async () => undefined,
      fileSize: async () => 0,
    };
    expect(await run([], io)).toBe(0);
    const answers = out
      .join("")
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as { id: number; value: number });
    expect(answers.map((a) => a.id)).toEqual(lines.map((_, i) => i));
    for (const a of answers) expect(typeof a.value).toBe("number");
  });

  const built = fs.existsSync(path.join(root, "dist", "cli", "main.js"));
  (built ? it : it.skip)("runs as `npm run -s gec -- eval` over 10,000 lines", () => {
    buildCliIfStale(); // bin/gec.js runs the bundle: rebuilt when a source is newer
    const input = Array.from({ length: 10000 }, (_, i) =>
      JSON.stringify({ id: i, fn: "STEAM_H", args: [3, 26.85] }),
    ).join("\n");
    const result = spawnSync(process.execPath, [path.join(root, "bin", "gec.js"), "eval"], {
      input,
      encoding: "utf8",
    });
    expect(result.status).toBe(0);
    const lines = result.stdout.trim().split("\n");
    expect(lines).toHaveLength(10000);
    const first = JSON.parse(lines[0]) as { id: number; value: number };
    expect(first.id).toBe(0);
    expect(Math.abs(first.value / 115.331273 - 1)).toBeLessThan(1e-8);
  });
});
