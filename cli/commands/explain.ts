// `gec explain FILE.xlsx CELL`: the derivation of the value a cell should hold, and whether the cell holds it.
import type { CliIo } from "../io";
import { parseArgs, UsageError } from "../args";
import { COMMAND_USAGE } from "../usage";
import { explainCell, derivationText, parseCellReference, shownValue } from "../../src/explain";
import type { CellExplanation } from "../../src/explain";
import { formatRef } from "../../src/forms/a1";
import { shortened } from "../../src/text";
import { langOf, readInput } from "./workbook";
import type { Lang } from "./workbook";

/** The synopsis (its options and exit codes: cli/usage.ts, the one text `gec help explain` prints). */
export const usage = COMMAND_USAGE.explain.synopsis;

function shownActual(e: CellExplanation): string {
  if (e.actual === null || e.actual === "") return "—";
  return typeof e.actual === "number" ? shownValue(String(e.actual)) : shortened(e.actual);
}

export function explanationText(e: CellExplanation, lang: Lang): string {
  const what = `${e.column ? `${e.column} ` : ""}${e.symbol} ${e.label[lang]}`;
  const lines = [`${formatRef(e.ref)} — ${what}${e.facility ? ` (${e.facility})` : ""}`];
  if (lang === "ja") {
    lines.push(
      `  あるべき値: ${shownValue(e.expected)}   セルの値: ${shownActual(e)}   ${e.agrees ? "一致" : "不一致"}`,
    );
    lines.push(
      e.failure ? `  計算できません: ${e.failure.ja}` : "  計算根拠（丸めごとに 1 行、[ ] は読んだセル）:",
    );
  } else {
    lines.push(
      `  should be: ${shownValue(e.expected)}   holds: ${shownActual(e)}   ${e.agrees ? "agrees" : "differs"}`,
    );
    lines.push(
      e.failure
        ? `  cannot be computed: ${e.failure.en}`
        : "  derivation (one line per rounding; [ ] the cells read):",
    );
  }
  for (const l of derivationText(e.steps, lang)) lines.push(`    ${l}`);
  if (e.references.length > 0) {
    lines.push(lang === "ja" ? "  参照値（版・出典）:" : "  reference values (vintage, source):");
    for (const r of e.references) {
      const unit = r.unit ? ` ${r.unit}` : "";
      const vintage = r.vintage ? ` [${r.vintage}]` : "";
      lines.push(`    ${r.symbol} = ${r.value}${unit} — ${r.name[lang]}${vintage}: ${r.source}`);
    }
  }
  return lines.join("\n") + "\n";
}

export async function run(args: string[], io: CliIo): Promise<number> {
  const parsed = parseArgs(args, { flags: ["--json"], valued: { "--lang": "lang" } });
  const lang = langOf(parsed.options.get("lang"));
  if (parsed.positionals.length !== 2) throw new UsageError(`使い方 / usage: ${usage}`);
  const [file, cellText] = parsed.positionals;
  const ref = parseCellReference(cellText);
  if (!ref)
    throw new UsageError(
      `セルは 別紙1!U6 の形で指定してください / give the cell as 別紙1!U6: ${cellText.slice(0, 40)}`,
    );
  const { grid } = await readInput(io, file);
  const result = explainCell(grid, ref);
  if (result.kind === "notDerived") {
    if (parsed.flags.has("json")) {
      io.stdout(JSON.stringify({ cell: formatRef(ref), derived: false, ...result }, null, 2) + "\n");
    } else io.stderr(`gec explain: ${result.message.ja}\ngec explain: ${result.message.en}\n`);
    return 2;
  }
  const e = result.explanation;
  if (parsed.flags.has("json")) {
    io.stdout(
      JSON.stringify(
        {
          cell: formatRef(e.ref),
          derived: true,
          symbol: e.symbol,
          column: e.column,
          label: e.label,
          facility: e.facility,
          expected: e.expected,
          actual: e.actual,
          agrees: e.agrees,
          failure: e.failure,
          references: e.references,
          derivation: e.steps,
          text: { ja: derivationText(e.steps, "ja"), en: derivationText(e.steps, "en") },
        },
        null,
        2,
      ) + "\n",
    );
  } else io.stdout(explanationText(e, lang));
  return 0;
}
