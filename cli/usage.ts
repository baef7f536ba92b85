// What each gec command takes and answers (synopsis, options, exit codes): the one text for `gec help CMD`,
// `gec CMD --help`, the general usage and a usage error. Kept apart from the commands so that help loads none of them.

export type CommandName =
  "check" | "fill" | "template" | "explain" | "report" | "finalize" | "rules" | "eval";

interface Bilingual {
  ja: string;
  en: string;
}

export interface CommandUsage {
  synopsis: string;
  summary: Bilingual;
  /** Every option the command's parseArgs accepts, as typed ("-o, --output OUT.xlsx"). */
  options: { name: string; text: Bilingual }[];
  /** Exit codes and what each means. */
  exit: [number, Bilingual][];
}

const LANG = {
  name: "--lang ja|en",
  text: { ja: "表示言語（既定 ja）", en: "language of the text (default ja)" },
};
const JSON_OUT = (what: Bilingual) => ({ name: "--json", text: what });
const FORCE = {
  name: "--force",
  text: {
    ja: "既存の出力ファイルを置き換える（入力ファイルには書かない）",
    en: "replace an existing output file (never the input)",
  },
};
const OUTPUT = (file: string) => ({
  name: `-o, --output ${file}`,
  text: { ja: "出力ファイル（必須）", en: "the file to write (required)" },
});
const UNUSABLE: [number, Bilingual] = [
  2,
  {
    ja: "読めない・使えないファイル、または使い方の誤り",
    en: "unreadable or unusable file, or bad usage",
  },
];
const BAD_USAGE: [number, Bilingual] = [2, { ja: "使い方の誤り", en: "bad usage" }];

export const COMMAND_USAGE: Record<CommandName, CommandUsage> = {
  check: {
    synopsis:
      "gec check FILE.xlsx|DIR ... [--json] [--lang ja|en] [--summary SUMMARY.xlsx [--force]] [--jobs N] [--previous DIR|FILE] [--plan FILE]",
    summary: {
      ja: "検証: 指摘をシートごとに表示。複数のブック（フォルダ）なら 1 ブック 1 行の表と、ブック間の重複、前年度・認定計画との比較",
      en: "validate: findings grouped by sheet; for many workbooks (a folder), a table with one row each, duplicates across workbooks, and the comparison with the previous year and the registered plan",
    },
    options: [
      JSON_OUT({
        ja: "指摘を JSON で出力（セル、期待値、計算根拠、重要性）。複数のブックでは 1 行 1 JSON（file / portfolio / total）",
        en: "print the findings as JSON (cell, expected value, derivation, materiality); for many workbooks JSON lines (file / portfolio / total)",
      }),
      LANG,
      {
        name: "--summary SUMMARY.xlsx",
        text: {
          ja: "一覧のブックを書く（1 ブック 1 行、ブック間の指摘、ブックごとの指摘へのリンク）",
          en: "write a summary workbook (one row per workbook, the findings across workbooks, each file's findings behind a link)",
        },
      },
      {
        name: "--force",
        text: { ja: "既存の --summary ファイルを置き換える", en: "replace an existing --summary file" },
      },
      {
        name: "-j, --jobs N",
        text: {
          ja: "同時に読むブックの数（既定: CPU コア数）",
          en: "workbooks read at once (default: the CPU cores)",
        },
      },
      {
        name: "--previous DIR|FILE",
        text: {
          ja: "前年度の実績: 施設ごとに Q_BL、E_PS/Q_BL、S_B、ε、CEF、t を比べる",
          en: "the previous year's 実績: each facility's Q_BL, E_PS/Q_BL, S_B, ε, CEF and t compared",
        },
      },
      {
        name: "--plan FILE",
        text: {
          ja: "認定計画（様式1-2）: 方法論、施設、CEF/ε、方法1/方法2、1.6 を実績と比べる",
          en: "the registered plan (様式1-2): methodology, facilities, CEF/ε, 方法1/方法2 and 1.6 against the 実績",
        },
      },
    ],
    exit: [
      [0, { ja: "エラーなし（警告・情報はあってもよい）", en: "no errors (warnings and infos allowed)" }],
      [
        1,
        {
          ja: "エラーあり（複数のブックでは、どれかにエラー）",
          en: "errors found (of many workbooks: in any)",
        },
      ],
      [
        2,
        {
          ja: "読めない・使えないファイル（複数のブックでは、どれかが読めない）、または使い方の誤り",
          en: "an unreadable or unusable file (of many: any), or bad usage",
        },
      ],
    ],
  },
  fill: {
    synopsis: "gec fill FILE.xlsx -o OUT.xlsx [--force] [--formulas] [--json] [--lang ja|en]",
    summary: {
      ja: "派生セル（3.3, 3.8–3.11, 合計, 別紙2）を書いた複製を作る。入力セルは変更しない",
      en: "write a copy with the derived cells filled (values, or native Excel formulas); inputs are never changed",
    },
    options: [
      OUTPUT("OUT.xlsx"),
      FORCE,
      {
        name: "--formulas",
        text: {
          ja: "値でなく Excel の数式（ROUNDDOWN など）を書く",
          en: "write native Excel formulas (ROUNDDOWN, …)",
        },
      },
      JSON_OUT({ ja: "書いたセルを JSON で出力", en: "print the cells written as JSON" }),
      LANG,
    ],
    exit: [[0, { ja: "書いた", en: "written" }], UNUSABLE],
  },
  template: {
    synopsis:
      "gec template CODE -o OUT.xlsx [--force] [-n FACILITIES] [--monitoring [--fiscal-year YYYY]] [--lang ja|en]",
    summary: {
      ja: "空の様式3-2（例: H002-2）を作る",
      en: "write a blank Form 3-2 workbook for a methodology (e.g. H002-2)",
    },
    options: [
      OUTPUT("OUT.xlsx"),
      FORCE,
      {
        name: "-n, --facilities FACILITIES",
        text: { ja: "施設の行数 1–1000（既定 3）", en: "number of facility rows, 1–1000 (default 3)" },
      },
      {
        name: "--monitoring",
        text: {
          ja: "熱実績管理表のシートを加える（熱の方法論）",
          en: "add the monitoring sheet 熱実績管理表 (heat methodologies)",
        },
      },
      {
        name: "--fiscal-year YYYY",
        text: {
          ja: "熱実績管理表の年度 2000–2100（既定: 直近に終わった年度）",
          en: "fiscal year of the monitoring sheet, 2000–2100 (default: the last one ended)",
        },
      },
      LANG,
    ],
    exit: [
      [0, { ja: "書いた", en: "written" }],
      [
        2,
        {
          ja: "不明な方法論コード、書けない出力、または使い方の誤り",
          en: "unknown code, unwritable output, or bad usage",
        },
      ],
    ],
  },
  explain: {
    synopsis: "gec explain FILE.xlsx CELL [--json] [--lang ja|en]   (CELL like 別紙1!U6)",
    summary: {
      ja: "セルのあるべき値と計算根拠（使った参照値とその版・出典も）",
      en: "the derivation of the value a cell should hold, with the reference values used, their vintage and source",
    },
    options: [JSON_OUT({ ja: "計算根拠を JSON で出力", en: "print the derivation as JSON" }), LANG],
    exit: [
      [0, { ja: "説明した", en: "explained" }],
      [
        2,
        {
          ja: "派生値のセルでない（派生値の列を表示）、読めないファイル、または使い方の誤り",
          en: "not a derived cell (the derived columns are listed), unreadable file, or bad usage",
        },
      ],
    ],
  },
  report: {
    synopsis:
      "gec report FILE.xlsx -o REPORT.xlsx [--previous OLD_REPORT.xlsx] [--force] [--json] [--lang ja|en]",
    summary: {
      ja: "検証の作業用紙を書く: 表紙（意見・識別情報）、概要書、検証結果一覧表、計算根拠、指摘事項一覧",
      en: "write the verifier's working paper: cover (opinion, identity), summary, verification table, derivations, findings log",
    },
    options: [
      {
        name: "-o, --output REPORT.xlsx",
        text: { ja: "出力ファイル（--json のときは省略可）", en: "the file to write (optional with --json)" },
      },
      {
        name: "--previous OLD_REPORT.xlsx",
        text: {
          ja: "前回の作業用紙: 指摘事項一覧の回答・判断・日付・状態を引き継ぎ、出なくなった指摘を「解消」とする（再検証）",
          en: "the previous paper: its findings log's answers, judgements, dates and states carry over; findings that no longer fire are marked 解消 (re-verification)",
        },
      },
      FORCE,
      JSON_OUT({
        ja: "作業用紙の内容を JSON で出力（識別情報を含む）",
        en: "print the paper's content as JSON (with its identity block)",
      }),
      LANG,
    ],
    exit: [
      [
        0,
        {
          ja: "書いた（一致しない項目や指摘があっても 0）",
          en: "written (0 also when items disagree or findings remain)",
        },
      ],
      UNUSABLE,
    ],
  },
  finalize: {
    synopsis: "gec finalize FILE.xlsx -o OUT.xlsx [--force] [--json] [--lang ja|en]",
    summary: {
      ja: "提出用に確定: GEC. 関数の数式を値に置き換えた複製を作る。置き換えるものがなければ何も書かない（--force なら複製を書く）",
      en: "a copy for submission with every GEC. formula replaced by its value; with none to replace, nothing is written (unless --force)",
    },
    options: [
      OUTPUT("OUT.xlsx"),
      {
        name: "--force",
        text: {
          ja: "既存の出力ファイルを置き換える。置き換える数式がなくても複製を書く",
          en: "replace an existing output file; write the copy even when there is no formula to replace",
        },
      },
      JSON_OUT({ ja: "置き換えたセルを JSON で出力", en: "print the cells replaced as JSON" }),
      LANG,
    ],
    exit: [
      [0, { ja: "すべて置き換えた、または置き換えるものがない", en: "all replaced, or nothing to replace" }],
      [1, { ja: "値のない数式が残った（一覧を表示）", en: "some have no computed value (listed)" }],
      UNUSABLE,
    ],
  },
  rules: {
    synopsis: "gec rules [--json] [--lang ja|en]",
    summary: { ja: "検証ルールの一覧（系統ごと）", en: "every rule the checks apply, by family" },
    options: [JSON_OUT({ ja: "ルールを JSON で出力", en: "print the rules as JSON" }), LANG],
    exit: [[0, { ja: "表示した", en: "listed" }], BAD_USAGE],
  },
  eval: {
    synopsis: "gec eval   (JSON lines on stdin)",
    summary: {
      ja: '標準入力の JSON 行（{"id": 1, "fn": "STEAM_H", "args": [3, 26.85]}）に 1 行ずつ答える（カスタム関数）',
      en: 'answer each JSON line on stdin ({"id": 1, "fn": "STEAM_H", "args": [3, 26.85]}) with one line (the custom functions)',
    },
    options: [],
    exit: [
      [
        0,
        {
          ja: "入力を読み終えた（行ごとのエラーは行で答える）",
          en: "input read to its end (errors are answered per line)",
        },
      ],
      BAD_USAGE,
    ],
  },
};

export const COMMAND_NAMES = Object.keys(COMMAND_USAGE) as CommandName[];

export function isCommandName(name: string): name is CommandName {
  return Object.prototype.hasOwnProperty.call(COMMAND_USAGE, name);
}

const HELP_OPTION = { name: "-h, --help", text: { ja: "この説明", en: "this help" } };

/** `gec help CMD` / `gec CMD --help`: the synopsis, every option and every exit code. */
export function commandHelp(name: CommandName): string {
  const u = COMMAND_USAGE[name];
  const options = [...u.options, HELP_OPTION];
  const width = Math.max(...options.map((o) => o.name.length));
  const lines = [`usage: ${u.synopsis}`, "", `  ${u.summary.ja}`, `  ${u.summary.en}`, "", "options:"];
  for (const o of options) lines.push(`  ${o.name.padEnd(width)}  ${o.text.ja} / ${o.text.en}`);
  lines.push("", "exit codes:");
  for (const [code, text] of u.exit) lines.push(`  ${code}  ${text.ja} / ${text.en}`);
  return lines.join("\n") + "\n";
}

/** `gec --help`: every command's synopsis, summary and exit codes. */
export function generalUsage(): string {
  const lines = ["gec — グリーンエネルギーCO2削減相当量認証制度 様式3-2 tool / form tool", "", "usage:"];
  for (const name of COMMAND_NAMES) {
    const u = COMMAND_USAGE[name];
    lines.push(`  ${u.synopsis}`, `        ${u.summary.ja} / ${u.summary.en}`);
    lines.push(`        exit ${u.exit.map(([code, text]) => `${code} = ${text.en}`).join(", ")}`);
  }
  lines.push(
    "  gec help CMD | gec CMD --help",
    "        コマンドのすべてのオプションと終了コード / a command's every option and exit code",
    "  gec --version | gec -V",
    "        バージョン / the version",
    "",
    "-o は既存のファイルを置き換えません（置き換えるには --force）。入力ファイルには --force でも書きません。",
    "-o never replaces an existing file unless --force, and never writes over the input, --force or not.",
  );
  return lines.join("\n") + "\n";
}
