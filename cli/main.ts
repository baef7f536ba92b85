// The `gec` command: dispatches a subcommand to its module. Each subcommand reads and writes through CliIo.
import type { CliIo } from "./io";
import { nodeIo } from "./io";
import { HelpRequest, UsageError } from "./args";
import { commandHelp, generalUsage, isCommandName } from "./usage";
import type { CommandName } from "./usage";
import { packageVersion } from "./version";
import { FileError } from "./io";
import { isGecError } from "../src/errors";

type Command = (args: string[], io: CliIo) => Promise<number>;

/** Subcommands load lazily: each pays only for what it uses (help and the usage load none). */
const commands: Record<CommandName, () => Promise<Command>> = {
  eval: async () => (await import("./commands/eval")).run,
  check: async () => (await import("./commands/check")).run,
  fill: async () => (await import("./commands/fill")).run,
  template: async () => (await import("./commands/template")).run,
  explain: async () => (await import("./commands/explain")).run,
  report: async () => (await import("./commands/report")).run,
  rules: async () => (await import("./commands/rules")).run,
  finalize: async () => (await import("./commands/finalize")).run,
};

export async function main(argv: string[], io: CliIo = nodeIo()): Promise<number> {
  const [name, ...rest] = argv;
  if (name === "--version" || name === "-V") {
    io.stdout(`${packageVersion()}\n`);
    return 0;
  }
  if (name === "help" && rest.length > 0) {
    const topic = rest[0];
    if (!isCommandName(topic)) {
      io.stderr(`gec help: 不明なコマンドです / unknown command: ${topic}\n\n${generalUsage()}`);
      return 2;
    }
    io.stdout(commandHelp(topic));
    return 0;
  }
  if (!name || name === "-h" || name === "--help" || name === "help") {
    io.stdout(generalUsage());
    return name ? 0 : 2;
  }
  if (!isCommandName(name)) {
    io.stderr(`gec: 不明なコマンドです / unknown command: ${name}\n\n${generalUsage()}`);
    return 2;
  }
  const command = await commands[name]();
  try {
    return await command(rest, io);
  } catch (e) {
    if (e instanceof HelpRequest) {
      io.stdout(commandHelp(name));
      return 0;
    }
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
