// The `gec` command: dispatches a subcommand to its module. Each subcommand reads and writes through CliIo.
import type { CliIo } from "./io";
import { nodeIo } from "./io";
import { UsageError } from "./args";
import { FileError } from "./io";
import { isGecError } from "../src/errors";

type Command = (args: string[], io: CliIo) => Promise<number>;

/** Subcommands load lazily: each pays only for what it uses. */
const commands: Record<string, () => Promise<Command>> = {
  eval: async () => (await import("./commands/eval")).run,
  check: async () => (await import("./commands/check")).run,
  fill: async () => (await import("./commands/fill")).run,
  template: async () => (await import("./commands/template")).run,
  explain: async () => (await import("./commands/explain")).run,
  report: async () => (await import("./commands/report")).run,
  rules: async () => (await import("./commands/rules")).run,
  finalize: async () => (await import("./commands/finalize")).run,
};

const usage = `gec — グリーンエネルギーCO2削減相当量認証制度 様式3-2 tool / form tool

usage:
  gec check FILE.xlsx [--json] [--lang ja|en]
        検証: 指摘をシートごとに表示 / validate: findings grouped by sheet
        exit 0 = no errors, 1 = errors found, 2 = unreadable file or bad usage
  gec check FILE|DIR ... [--summary SUMMARY.xlsx [--force]] [--json] [--jobs N] [--previous DIR|FILE] [--plan FILE]
        複数のブック: 1 ブック 1 行の表、ブック間の重複、前年度・認定計画との比較 / many workbooks: a table, one row
        each, with duplicates across workbooks and the comparison with the previous year and the registered plan;
        --json は 1 行 1 JSON / --json streams JSON lines; exit = the worst over the files (2 if any is unreadable)
  gec fill FILE.xlsx -o OUT.xlsx [--force] [--formulas] [--json]
        派生セル（3.3, 3.8–3.11, 合計, 別紙2）を書く。入力セルは変更しない
        write the derived cells (values, or native Excel formulas with --formulas); inputs are never changed
  gec template CODE -o OUT.xlsx [--force] [-n FACILITIES (1–1000)] [--monitoring]
        空の様式3-2（例: H002-2）/ a blank Form 3-2 workbook for a methodology (e.g. H002-2)
  gec explain FILE.xlsx CELL [--json] [--lang ja|en]
        セル（例: 別紙1!U6）のあるべき値と計算根拠 / the derivation of the value a cell should hold
        exit 0 = explained, 2 = not a derived cell (the message lists the derived columns)
  gec report FILE.xlsx -o REPORT.xlsx [--force] [--lang ja|en]
        検証結果一覧表（申請値・再計算値・差・判定・計算根拠、別紙2 照合）/ the verifier's table
  gec finalize FILE.xlsx -o OUT.xlsx [--force] [--json] [--lang ja|en]
        提出用に確定: GEC. 関数の数式を値に置き換えた複製 / a copy with every GEC. formula replaced by its value
        exit 0 = all replaced, 1 = some have no computed value (listed), 2 = unusable file or bad usage
  gec rules [--json] [--lang ja|en]
        検証ルールの一覧 / every rule the checks apply, by family
  gec eval
        JSON lines on stdin -> one JSON result per line (custom functions)

-o は既存のファイルを置き換えません（置き換えるには --force）。入力ファイルには --force でも書きません。
-o never replaces an existing file unless --force, and never writes over the input, --force or not.
`;

export async function main(argv: string[], io: CliIo = nodeIo()): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === "-h" || name === "--help" || name === "help") {
    io.stdout(usage);
    return name ? 0 : 2;
  }
  const load = commands[name];
  if (!load) {
    io.stderr(`gec: 不明なコマンドです / unknown command: ${name}\n\n${usage}`);
    return 2;
  }
  const command = await load();
  try {
    return await command(rest, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(`gec ${name}: ${e.message}\n`);
      return 2;
    }
    if (e instanceof FileError) {
      io.stderr(`gec ${name}: ${e.text.ja}\ngec ${name}: ${e.text.en}\n`);
      return 2;
    }
    if (isGecError(e)) {
      io.stderr(`gec ${name}: ${e.text.ja}\ngec ${name}: ${e.text.en}\n`);
      return 2;
    }
    // A library's message or a stack trace means nothing to the user: say what to do; GEC_DEBUG=1 shows it.
    io.stderr(
      `gec ${name}: 内部エラーで中断しました。入力を確認し、直らなければ開発者に知らせてください（GEC_DEBUG=1 で詳細）。\n` +
        `gec ${name}: stopped by an internal error. Check the input; if it persists, tell the developers (GEC_DEBUG=1 shows details).\n`,
    );
    if (process.env.GEC_DEBUG === "1")
      io.stderr(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    return 2;
  }
}
