// A small argument parser for the gec subcommands: positionals, boolean flags and flags with a value.
export interface ParsedArgs {
  positionals: string[];
  flags: Set<string>;
  options: Map<string, string>;
}

/** The options a command accepts: boolean flags, and options with a value (their aliases mapped to one name). */
export interface ArgSpec {
  flags: string[];
  valued: Record<string, string>;
}

export class UsageError extends Error {}

/** -h / --help anywhere among a command's arguments: main prints the command's usage. Carries what it accepts. */
export class HelpRequest extends Error {
  constructor(readonly spec: ArgSpec) {
    super("help");
  }
}

const HELP = ["-h", "--help"];

/** `valued` lists the options that take a value (with their aliases mapped to one name, e.g. -o → output). */
export function parseArgs(args: string[], spec: ArgSpec): ParsedArgs {
  // help wins over any other mistake on the line (not where it is the value of an option: -o --help)
  for (let i = 0; i < args.length; i++) {
    if (args[i] in spec.valued) i++;
    else if (HELP.includes(args[i])) throw new HelpRequest(spec);
  }
  const out: ParsedArgs = { positionals: [], flags: new Set(), options: new Map() };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const [name, inline] =
      arg.startsWith("--") && arg.includes("=") ? arg.split(/=(.*)/s, 2) : [arg, undefined];
    if (name in spec.valued) {
      const value = inline ?? args[++i];
      if (value === undefined) throw new UsageError(`${name} には値が必要です / ${name} needs a value`);
      out.options.set(spec.valued[name], value);
    } else if (spec.flags.includes(name)) {
      out.flags.add(name.replace(/^-+/, ""));
    } else if (name.startsWith("-") && name !== "-") {
      throw new UsageError(`不明なオプションです / unknown option: ${name}`);
    } else {
      out.positionals.push(arg);
    }
  }
  return out;
}
