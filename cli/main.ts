// The `gec` command: dispatches a subcommand to its module. Each subcommand reads and writes through CliIo.
import type { CliIo } from "./io";
import { nodeIo } from "./io";

type Command = (args: string[], io: CliIo) => Promise<number>;

/** Subcommands load lazily: each pays only for what it uses. */
const commands: Record<string, () => Promise<Command>> = {
  eval: async () => (await import("./commands/eval")).run,
};

const usage = `gec — グリーンエネルギーCO2削減相当量認証制度 様式3-2 tool / form tool

usage:
  gec eval                         JSON lines on stdin -> one JSON result per line (custom functions)
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
  return command(rest, io);
}
