// A rule is one module (its metas next to its check) and its severity comes from its meta: a module's reporter reads
// it, and a rule reports another one only where its meta declares it (alsoReportsAs); over the seed workbooks, their
// variants and every rule fixture, each finding keeps to that, and each module reports only its own rules.
import * as fs from "fs";
import * as path from "path";
import { buildTemplate, readSubmission, templateToGrid, validateGrid } from "../../src/engine";
import { cellAddress, formatRef, parseA1 } from "../../src/forms/a1";
import { METHODOLOGIES } from "../../src/methodology";
import { RULE_MODULES, listRules, ruleMeta } from "../../src/checks/registry";
import { metasById, reporter, severityOf } from "../../src/checks/finding";
import { metasOf } from "../../src/checks/rule";
import { portfolioFinding } from "../../src/portfolio/finding";
import type { CellRef, Finding, Grid, Severity } from "../../src/types";
import { seedGrid, withCell } from "../fixtures/seedSubmissions";
import type { SeedName, SeedVariant } from "../fixtures/seedSubmissions";
import { MONITORING_VARIANTS, monitoredGrid, typedTemplate } from "../fixtures/monitoring";
import { generatedGrid } from "../fixtures/generated";
import { P } from "./ruleCase";
import { MONITORING_CASES, applyEdits } from "./monitoringCases";
import { RULE_CASE_FILES } from "./ruleCases";

const SEVERITIES: Severity[] = ["error", "warning", "info"];
const REF: CellRef = { sheet: "別紙1", row: 3, col: 1 };
const MESSAGE = { ja: "テスト", en: "test" };

/** Every id a finding may carry: a fixed rule's, or an instance of a per-quantity rule. */
const REPORTABLE = listRules().flatMap((r) => (r.instances ? r.instances.map((i) => i.id) : [r.id]));

/** The workbooks the checks run over: both seeds as published and corrected, in each layout, and every rule fixture. */
function corpus(): [string, Grid][] {
  const out: [string, Grid][] = [];
  const variants: [string, SeedVariant][] = [
    ["plain", {}],
    ["shifted", { shiftRows: 3, shiftCols: 2 }],
    ["text numbers", { textNumbers: true }],
    ["OCR headers", { ocrHeaders: true }],
    ["blank rows", { blankRows: 2 }],
    ["long sheet names", { longSheetNames: true }],
  ];
  for (const which of ["H002-1", "H002-2"] as SeedName[]) {
    for (const corrected of [false, true]) {
      for (const [name, v] of variants)
        out.push([
          `${which} ${corrected ? "corrected" : "published"} ${name}`,
          seedGrid(which, { ...v, corrected }),
        ]);
    }
  }
  for (const c of RULE_CASE_FILES) {
    let grid = seedGrid(c.which, { corrected: true });
    if (c.dropSheets) grid = { sheets: grid.sheets.filter((s) => !c.dropSheets?.includes(s.name)) };
    for (const [sheet, a1, value, formula] of c.edits) {
      const at = parseA1(a1) as { row: number; col: number };
      grid = withCell(grid, sheet, cellAddress(at), value, formula);
    }
    out.push([`case ${c.rule}: ${c.name}`, grid]);
  }
  for (const [name, v] of MONITORING_VARIANTS) out.push([`monitored ${name}`, monitoredGrid(v).grid]);
  for (const c of MONITORING_CASES) {
    const { grid, places } = monitoredGrid();
    out.push([`monitoring case ${c.rule}: ${c.name}`, applyEdits(grid, places, c.edits)]);
  }
  out.push(["typed template", typedTemplate()]);
  out.push(["generated 40 rows", generatedGrid(40, 7)]);
  for (const m of METHODOLOGIES)
    out.push([`blank template ${m.code}`, templateToGrid(buildTemplate(m.code, 2))]);
  return out;
}

const CORPUS = corpus();
/** A reporter of every declared rule, as a module's is of its own. */
const { finding, reportedAs } = reporter(listRules);
const FINDINGS: [string, Finding][] = CORPUS.flatMap(([name, grid]) =>
  validateGrid(grid).findings.map((f): [string, Finding] => [name, f]),
);

describe("finding() reads the severity from the rule's meta", () => {
  it("every reportable id gets its meta's severity when none is asked", () => {
    for (const id of REPORTABLE)
      expect([id, finding(id, REF, MESSAGE).severity]).toEqual([id, ruleMeta(id).severity]);
  });

  it("another severity only where the meta declares it; any other is refused (a programming error)", () => {
    let declared = 0;
    for (const id of REPORTABLE) {
      const meta = ruleMeta(id);
      for (const s of SEVERITIES) {
        const allowed = s === meta.severity || (meta.alsoReportsAs ?? []).includes(s);
        if (allowed) {
          expect(finding(id, REF, MESSAGE, { severity: s }).severity).toBe(s);
          if (s !== meta.severity) declared++;
        } else {
          expect(() => finding(id, REF, MESSAGE, { severity: s })).toThrow(/alsoReportsAs/);
          expect(() => reportedAs(finding(id, REF, MESSAGE), s)).toThrow(/alsoReportsAs/);
        }
      }
    }
    // plan.methodologyTable.name (error on the checked row) and the five provisional 1.4 rules (warning)
    expect(declared).toBe(6);
  });

  it("a declared alternative is another severity than the meta's, and the description says when", () => {
    for (const r of listRules()) {
      for (const s of r.alsoReportsAs ?? []) {
        expect([r.id, s]).not.toEqual([r.id, r.severity]);
        // the description names the case: （チェックされた行ならエラー） / （暫定の方法論では警告）
        expect([r.id, /エラー|警告/.test(r.description.ja)]).toEqual([r.id, true]);
      }
    }
  });

  it("an undeclared id is refused", () => {
    expect(() => finding("no.such.rule", REF, MESSAGE)).toThrow(/not declared/);
    expect(() => ruleMeta("no.such.rule")).toThrow(/not declared/);
    expect(() => severityOf(ruleMeta("hygiene.numberAsText"), "error")).toThrow(/alsoReportsAs/);
  });

  it("the portfolio's findings read it the same way", () => {
    const place = { file: "a.xlsx", ref: null };
    expect(portfolioFinding("portfolio.priorYear.appeared", place, null, MESSAGE).severity).toBe("info");
    expect(portfolioFinding("portfolio.facility.duplicate", place, null, MESSAGE).severity).toBe("error");
    expect(() =>
      portfolioFinding("portfolio.facility.duplicate", place, null, MESSAGE, { severity: "warning" }),
    ).toThrow(/alsoReportsAs/);
  });
});

describe("over the fixtures", () => {
  it(`the corpus is broad: ${CORPUS.length} workbooks`, () => {
    expect(CORPUS.length).toBeGreaterThanOrEqual(130);
    expect(new Set(FINDINGS.map(([, f]) => f.rule)).size).toBeGreaterThanOrEqual(80);
  });

  it("every finding (the reader's notes too) has its meta's severity or one the meta declares", () => {
    const off = FINDINGS.filter(([, f]) => {
      const meta = ruleMeta(f.rule);
      return f.severity !== meta.severity && !(meta.alsoReportsAs ?? []).includes(f.severity);
    }).map(([name, f]) => `${name}: ${f.rule} ${f.severity} ${formatRef(f.ref)}`);
    expect(off).toEqual([]);
  });

  it("the declared alternatives are reached: the checked 1.3 row's name (error), a provisional 1.4 line (warning)", () => {
    // H002-2 is the 13th row of 1.3 (row 17), checked in the seed; H002-1's official name put on it
    const checked = withCell(
      seedGrid("H002-2", { corrected: true }),
      P,
      "C17",
      "バイオマス熱（木質バイオマス熱利用システム）",
    );
    expect(
      validateGrid(checked)
        .findings.filter((f) => f.rule === "plan.methodologyTable.name")
        .map((f) => f.severity),
    ).toEqual(["error"]);
    // P002 is provisional: its first 1.4 line changed is a warning, where a confirmed methodology's is an error
    const grid = templateToGrid(buildTemplate("P002", 1));
    const line = readSubmission(grid).plan?.formulaLines[0];
    const a1 = formatRef(line?.ref ?? REF).split("!")[1];
    const changed = validateGrid(withCell(grid, P, a1, "EPC = EPG − EPS")).findings;
    expect(changed.filter((f) => f.rule === "plan.formula.changed").map((f) => f.severity)).toEqual([
      "warning",
    ]);
    expect(ruleMeta("plan.formula.changed").severity).toBe("error");
  });
});

describe("each rule module reports only the rules it declares", () => {
  const SUBMISSIONS = CORPUS.map(([name, grid]) => ({ name, grid, submission: readSubmission(grid) }));

  it("each finding a module reports, run alone over the corpus, has an id among that module's own metas", () => {
    const seen = new Set<string>();
    const off: string[] = [];
    for (const m of RULE_MODULES) {
      const own = metasById(metasOf(m));
      for (const { name, grid, submission } of SUBMISSIONS) {
        // runChecks runs the modules on a recognized form only
        if (!submission.recognized) continue;
        for (const f of m.check({ submission, grid })) {
          seen.add(f.rule);
          if (!own.has(f.rule)) off.push(`${name}: ${f.rule} ${formatRef(f.ref)}`);
        }
      }
    }
    expect(off).toEqual([]);
    // the modules alone report what validateGrid reports (the reader's notes of an unrecognized form aside)
    expect(seen.size).toBeGreaterThanOrEqual(80);
  });

  it("each module declares rules (the portfolio's too, which src/portfolio reports), and no id twice", () => {
    const declared = RULE_MODULES.flatMap((m) => metasOf(m).map((r) => r.id));
    expect(RULE_MODULES.every((m) => metasOf(m).length > 0)).toBe(true);
    expect(new Set(declared).size).toBe(declared.length);
    expect([...declared].sort()).toEqual(
      listRules()
        .map((r) => r.id)
        .sort(),
    );
  });

  it("a module's reporter refuses an id of another module", () => {
    const [first, second] = RULE_MODULES.filter((m) => metasOf(m).length > 0 && !metasOf(m)[0].instances);
    const otherId = metasOf(second)[0].id;
    expect(() => reporter(first.metas).finding(otherId, REF, MESSAGE)).toThrow(/not declared/);
    expect(reporter(second.metas).finding(otherId, REF, MESSAGE).rule).toBe(otherId);
  });
});

describe("every rule is reported somewhere", () => {
  const SRC = path.join(__dirname, "..", "..", "src");
  const sources = (dir: string): string[] =>
    fs
      .readdirSync(path.join(SRC, dir), { withFileTypes: true })
      .flatMap((e) =>
        e.isDirectory()
          ? sources(path.join(dir, e.name))
          : e.name.endsWith(".ts")
            ? [path.join(SRC, dir, e.name)]
            : [],
      );
  /** A module's code without its metas' arrays (`…: RuleMeta[] = [ … ];`), which declare the ids and do not report them. */
  const withoutMetas = (text: string): string =>
    text.replace(/: (?:RuleMeta|{ id: string; where: string })\[\] = \[[\s\S]*?\n\];/g, "");
  /** The rule ids a file can report: its string literals and templates (`${…}` standing for a key) of rule shape. */
  const idPatterns = (file: string): RegExp[] =>
    [
      ...withoutMetas(fs.readFileSync(file, "utf8")).matchAll(
        /["`]([a-z][A-Za-z]*(?:\.[A-Za-z${}.]+)+)["`]/g,
      ),
    ].map((m) => new RegExp(`^${m[1].replace(/\./g, "\\.").replace(/\$\{[^}]+\}/g, "[A-Za-z]+")}$`));
  const reporters: [string, RegExp[]][] = [
    // the rule modules' checks (their metas' arrays declare, they do not report)
    ["checks", sources(path.join("checks", "rules")).flatMap(idPatterns)],
    // what the reader notes as it reads (a hidden or second 別紙1, a layout that does not fit 1.3, no form at all)
    ["reader", idPatterns(path.join(SRC, "forms", "read.ts"))],
    ["portfolio", sources("portfolio").flatMap(idPatterns)],
  ];
  const ranges = fs.readFileSync(path.join(SRC, "checks", "rules", "projectList", "ranges.ts"), "utf8");

  it("each reportable id has a check, the reader or the portfolio that reports it", () => {
    const unreported = REPORTABLE.filter((id) => {
      // a declared bound between two quantities: its module reports it under rangeRuleId(key, side, other)
      if (/^range\.[A-Za-z]+\.(above|below)[A-Z][A-Za-z]*$/.test(id))
        return !/finding\(\s*rangeRuleId\(/.test(ranges);
      return !reporters.some(([, patterns]) => patterns.some((p) => p.test(id)));
    });
    expect(unreported).toEqual([]);
  });

  it("the reader reports only the form.* and methodology.layout rules, the portfolio only portfolio.*", () => {
    const of = (name: string) =>
      REPORTABLE.filter((id) => reporters.find(([n]) => n === name)?.[1].some((p) => p.test(id)));
    expect(of("reader").sort()).toEqual(
      [
        "form.notRecognized",
        "form.projectList.hidden",
        "form.projectList.second",
        "methodology.layout.mismatch",
      ].sort(),
    );
    expect(of("portfolio").every((id) => id.startsWith("portfolio."))).toBe(true);
    expect(
      REPORTABLE.filter((id) => id.startsWith("portfolio.")).every((id) => of("portfolio").includes(id)),
    ).toBe(true);
  });
});
