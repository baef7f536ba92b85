// Rule family 11 on the plan's statements: 1.5's fiscal years, 1.6's changes, 2.1/2.2's monitoring against the rows.
import { planTextRule, NONE_TEXTS, YES_TEXTS, word, filled, partOf, numberOf, percent } from "./text";
import { Decimal, fiscalYearOfDate, normalizeText } from "../../../numbers";
import { DEFAULT_BOILER_EFFICIENCY_LHV, findFuel, fuelFactorsOfValue } from "../../../methodology";
import type { MethodologyDeclaration } from "../../../methodology";
import type { CellRef, Finding } from "../../../types";
import type { PlanText, ProjectRow, Submission, TextField } from "../../../forms/submission";
import { at, reporter } from "../../finding";
import { shortened } from "../../../text";
import type { RuleMeta } from "../../rule";
import { quantityOf } from "./formulas";

export const STATEMENT_RULES: RuleMeta[] = [
  planTextRule(
    "plan.period.fiscalYears",
    "warning",
    "1.5 認証申請期間が 2 つの年度（4 月〜翌 3 月）にまたがる。",
    "The 1.5 certification period spans two fiscal years (April to March).",
  ),
  planTextRule(
    "plan.changes.unstated",
    "error",
    "1.6 で変更が有ると記載しながら、変更の内容が書かれていない。",
    "1.6 declares changes (有り) but says nothing of what changed.",
  ),
  planTextRule(
    "plan.changes.declared",
    "warning",
    "1.6 に認定計画からの変更が記載されている: 検証機関は認定計画（様式1-2）と照合すること。",
    "1.6 declares changes from the approved plan: the verifier must compare them with the approved plan (様式1-2).",
  ),
  planTextRule(
    "plan.monitoring.noneButMeasured",
    "error",
    "2.2 でモニタリング方法を「なし」とした量（E_PS など）が、別紙1 のいずれかの行で 0 より大きい。",
    "2.2 gives a quantity's monitoring method as なし (E_PS, …) while a 別紙1 row gives it above 0.",
  ),
  planTextRule(
    "plan.monitoring.auxiliaryFuel",
    "error",
    "2.2 で助燃剤を使用しない（バイオマス比率 100%）と記載しながら、別紙1 の行の S_B が 100% 未満、または F_B と F_T が異なる。",
    "2.2 states that no auxiliary fuel is used (biomass share 100 %) while a 別紙1 row has S_B below 100 % or F_B ≠ F_T.",
  ),
  planTextRule(
    "plan.monitoring.boilerEfficiency",
    "error",
    "2.2 に記載したボイラの設備効率（低位発熱量ベース）× その燃料の LHV/HHV が、別紙1 の 3.5 ε_BL と一致しない。",
    "The boiler efficiency stated in 2.2 (LHV basis) × the fuel's LHV/HHV differs from 別紙1's 3.5 ε_BL.",
  ),
  planTextRule(
    "plan.monitoring.cityGasNote",
    "warning",
    "2.2 が石油系の燃料（灯油・重油）をベースラインとしながら、都市ガスの供給区域外であることを記載していない。",
    "2.2 takes an oil fuel (kerosene, heavy oil) as the baseline without stating that the site is outside the city-gas supply area.",
  ),
];

const { finding } = reporter(STATEMENT_RULES);

/** plan.period.fiscalYears: 1.5 lies within one fiscal year. */
export function checkFiscalYears(s: Submission): Finding[] {
  const { start, end } = s.period;
  if (!start || !end || start.reading.kind !== "date" || end.reading.kind !== "date") return [];
  if (start.reading.serial > end.reading.serial) return []; // period.order
  const a = fiscalYearOfDate(start.reading.year, start.reading.month);
  const b = fiscalYearOfDate(end.reading.year, end.reading.month);
  if (a === b) return [];
  return [
    finding(
      "plan.period.fiscalYears",
      end.ref,
      {
        ja: `1.5 認証申請期間が ${a}年度と ${b}年度にまたがっています（終了日 ${at(end.ref)}）。申請期間は 1 つの年度（4 月 1 日〜翌年 3 月 31 日）に収めてください。`,
        en: `The 1.5 period spans fiscal ${a} and fiscal ${b} (end date ${at(end.ref)}); a period lies within one fiscal year (1 April to 31 March).`,
      },
      { expected: `${a}年度`, actual: `${a}〜${b}年度` },
    ),
  ];
}

/** What 1.6 says of changes from the approved plan, as the plan.changes rules and the comparison with it read it. */
export interface PlanChanges {
  /** "none": 無し (or the part left blank); "yes": 有り and nothing more; "stated": the changes are written. */
  state: "none" | "yes" | "stated";
  /** The texts that say 有り or state a change, in sheet order. */
  texts: TextField[];
  /** The part's heading, or null where the plan has no 1.6. */
  heading: CellRef | null;
}

/** 1.6 read once: 無し, 有り with nothing said, or the changes stated. */
export function planChanges(plan: PlanText | null): PlanChanges {
  const part = plan ? partOf(plan, "plan:changes") : null;
  const texts = (part?.texts ?? []).filter(filled).filter((t) => !NONE_TEXTS.has(word(t.value)));
  const heading = part?.heading ?? null;
  if (texts.length === 0) return { state: "none", texts, heading };
  const said = texts.filter((t) => !YES_TEXTS.has(word(t.value)));
  return said.length === 0 ? { state: "yes", texts, heading } : { state: "stated", texts: said, heading };
}

/** plan.changes.*: 1.6 says 無し, or says what changed; what it says must be compared with the approved plan. */
export function checkChanges(plan: PlanText): Finding[] {
  const changes = planChanges(plan);
  if (changes.state === "none") return [];
  const texts = changes.texts;
  const said = changes.state === "stated" ? changes.texts : [];
  if (said.length === 0)
    return [
      finding(
        "plan.changes.unstated",
        texts[0].ref,
        {
          ja: `1.6 ${at(texts[0].ref)} は認定計画からの変更を「${shortened(texts[0].value)}」としていますが、変更の内容が書かれていません。変更項目と内容を記載してください。`,
          en: `1.6 ${at(texts[0].ref)} declares changes from the approved plan ("${shortened(texts[0].value)}") but says nothing of what changed: state each change.`,
        },
        { expected: "変更項目と内容", actual: shortened(texts[0].value) },
      ),
    ];
  return [
    finding(
      "plan.changes.declared",
      said[0].ref,
      {
        ja: `1.6 ${at(said[0].ref)} に認定計画からの変更「${shortened(said[0].value)}」が記載されています。検証機関は認定計画（様式1-2）と照合してください。`,
        en: `1.6 ${at(said[0].ref)} declares a change from the approved plan ("${shortened(said[0].value)}"): the verifier must compare it with the approved plan (様式1-2).`,
      },
      { expected: "無し", actual: shortened(said[0].value) },
    ),
  ];
}

/** plan.monitoring.*: what 2.2 states, against the rows of 別紙1. */
export function checkMonitoringStatements(
  s: Submission,
  plan: PlanText,
  m: MethodologyDeclaration,
): Finding[] {
  const table = plan.monitoringTable;
  const rows = s.projectList?.rows ?? [];
  const texts = (partOf(plan, "plan:monitoringTargets")?.texts ?? []).filter(filled);
  const out: Finding[] = [];
  // a quantity whose method is なし while a row gives it
  for (const row of table?.rows ?? []) {
    if (!row.method || !NONE_TEXTS.has(word(row.method.value))) continue;
    const q = quantityOf(m, row.symbol.value);
    if (!q) continue;
    const given = rows.filter((r) => (numberOf(r, q)?.cmp(0) ?? 0) > 0);
    if (given.length === 0) continue;
    const cells = given.map((r) => `${at(r.numbers[q.key].ref)} = ${numberOf(r, q)?.toString()}`);
    out.push(
      finding(
        "plan.monitoring.noneButMeasured",
        row.method.ref,
        {
          ja: `2.2 ${at(row.method.ref)} は ${q.symbol} のモニタリング方法を「なし」としていますが、別紙1 の ${q.column ?? q.symbol} は 0 より大きい値です（${cells.join("、")}）。`,
          en: `2.2 ${at(row.method.ref)} gives ${q.symbol}'s monitoring method as none, but 別紙1's ${q.column ?? q.symbol} is above 0 (${cells.join(", ")}).`,
        },
        { expected: "0", actual: numberOf(given[0], q)?.toString() ?? "" },
      ),
    );
  }
  const sB = quantityOf(m, "S_B");
  const fB = quantityOf(m, "F_B");
  const fT = quantityOf(m, "F_T");
  // 「助燃剤は使用されていない…100%」
  const noAux = texts.find((t) => {
    const f = normalizeText(t.value ?? "");
    return f.includes("助燃剤") && /(ない|なし|無し|不使用)/.test(f);
  });
  if (noAux && sB) {
    for (const row of rows) {
      const share = numberOf(row, sB);
      const b = numberOf(row, fB);
      const t = numberOf(row, fT);
      let ref: CellRef | null = null;
      let actual = "";
      if (share !== null && share.cmp(1) < 0) {
        ref = row.numbers[sB.key].ref;
        actual = percent(share);
      } else if (fB && fT && b !== null && t !== null && !b.eq(t)) {
        ref = row.numbers[fB.key].ref;
        actual = `F_B ${b.toString()} ≠ F_T ${t.toString()}`;
      }
      if (!ref) continue;
      out.push(
        finding(
          "plan.monitoring.auxiliaryFuel",
          ref,
          {
            ja: `2.2 (${at(noAux.ref)}) は助燃剤を使用しない（バイオマス比率 100%）としていますが、${at(ref)} は ${actual} です。`,
            en: `2.2 (${at(noAux.ref)}) states that no auxiliary fuel is used (biomass share 100 %), but ${at(ref)} gives ${actual}.`,
          },
          { expected: "100%", actual },
        ),
      );
    }
  }
  if (m.form.fuelDefaults)
    out.push(...checkBoilerEfficiency(texts, rows, m), ...checkCityGas(s, plan, texts));
  return out;
}

/** The stated 「ボイラの設備効率98%（低位発熱量ベース）」 × LHV/HHV of each row's fuel is its 3.5 ε_BL. */
function checkBoilerEfficiency(texts: TextField[], rows: ProjectRow[], m: MethodologyDeclaration): Finding[] {
  let stated: { field: TextField; efficiency: Decimal; shown: string } | null = null;
  for (const t of texts) {
    const hit = /設備効率[^0-9]{0,6}([0-9]+(?:\.[0-9]+)?)%/.exec(normalizeText(t.value ?? ""));
    if (hit) {
      stated = { field: t, efficiency: Decimal.from(hit[1]).div(100, 10, "halfUp"), shown: `${hit[1]}%` };
      break;
    }
  }
  const cef = quantityOf(m, "CEF_fuel,BL");
  const eps = quantityOf(m, "ε_BL");
  // the default 98 % itself: a row that departs from it is defaults.epsBl.mismatch's
  if (!stated || !cef || !eps || stated.efficiency.eq(Decimal.from(DEFAULT_BOILER_EFFICIENCY_LHV))) return [];
  const checked: { row: ProjectRow; want: Decimal; got: Decimal; lhv: Decimal; fuel: string }[] = [];
  for (const row of rows) {
    const c = numberOf(row, cef);
    const got = numberOf(row, eps);
    // the fuel of 3.4 in whichever 算定省令 revision it is (LHV/HHV is the fuel's, not the revision's)
    const fuel = c ? fuelFactorsOfValue(c).find((f) => f.lhvPerHhv !== null) : undefined;
    if (!fuel || got === null) continue;
    const lhv = Decimal.from(fuel.lhvPerHhv as string);
    checked.push({ row, want: stated.efficiency.mul(lhv), got, lhv, fuel: fuel.fuel });
  }
  const wrong = checked.filter((x) => !x.want.eq(x.got));
  if (wrong.length === 0) return [];
  if (wrong.length === checked.length) {
    // every row disagrees: the statement is what to look at; the efficiency the rows imply, where they agree
    const implied = [...new Set(checked.map((x) => percent(x.got.div(x.lhv, 6, "halfUp"))))];
    const rowsText = checked.map((x) => `${at(x.row.numbers[eps.key].ref)} ${x.got.toString()}（${x.fuel}）`);
    return [
      finding(
        "plan.monitoring.boilerEfficiency",
        stated.field.ref,
        {
          ja: `2.2 ${at(stated.field.ref)} のボイラの設備効率 ${stated.shown}（低位発熱量ベース）は、別紙1 の 3.5 ε_BL（${rowsText.join("、")}）が使う ${implied.join("、")} と異なります（ε_BL = 効率 × LHV/HHV）。`,
          en: `2.2 ${at(stated.field.ref)}: the stated boiler efficiency ${stated.shown} (LHV basis) differs from the ${implied.join(", ")} that 別紙1's 3.5 ε_BL use (${rowsText.join(", ")}; ε_BL = efficiency × LHV/HHV).`,
        },
        { expected: implied.join(", "), actual: stated.shown },
      ),
    ];
  }
  return wrong.map((x) => {
    const ref = x.row.numbers[eps.key].ref;
    return finding(
      "plan.monitoring.boilerEfficiency",
      ref,
      {
        ja: `${at(ref)} の 3.5 ε_BL ${x.got.toString()} は、2.2 (${at(stated.field.ref)}) のボイラの設備効率 ${stated.shown} × ${x.fuel} の LHV/HHV ${x.lhv.toString()} = ${x.want.toString()} と異なります。`,
        en: `${at(ref)}: 3.5 ε_BL ${x.got.toString()} differs from 2.2's (${at(stated.field.ref)}) boiler efficiency ${stated.shown} × the LHV/HHV ${x.lhv.toString()} of ${x.fuel} = ${x.want.toString()}.`,
      },
      { expected: x.want.toString(), actual: x.got.toString() },
    );
  });
}

/** An oil baseline (灯油, 重油) is stated with the note that the site lies outside the city-gas supply area. */
function checkCityGas(s: Submission, plan: PlanText, texts: TextField[]): Finding[] {
  // the applicant's statement sits in a row's モニタリング方法 (a template's note listing every default is none)
  const methods = (plan.monitoringTable?.rows ?? []).flatMap((r) => (r.method ? [r.method.ref] : []));
  const inMethod = (ref: CellRef) =>
    methods.some((m) => m.sheet === ref.sheet && m.row === ref.row && m.col === ref.col);
  const oil = s.fuelStatements.find((st) => {
    if (!inMethod(st.ref)) return false;
    const name = findFuel(st.fuel)?.name;
    return name === "灯油" || name === "A重油";
  });
  if (!oil) return [];
  const noted = texts.some((t) => {
    const f = normalizeText(t.value ?? "");
    return (
      f.includes("都市ガス") && /(含まれていない|含まれない|区域外|エリア外|供給されていない|対象外)/.test(f)
    );
  });
  if (noted) return [];
  return [
    finding(
      "plan.monitoring.cityGasNote",
      oil.ref,
      {
        ja: `2.2 ${at(oil.ref)} は ${oil.fuel} をベースラインの燃料としていますが、事業所が都市ガスの供給区域外であることの記載がありません（例:「都市ガス供給エリアに含まれていないことを確認」）。`,
        en: `2.2 ${at(oil.ref)} takes ${findFuel(oil.fuel)?.label.en ?? oil.fuel} (${oil.fuel}) as the baseline fuel without stating that the site lies outside the city-gas supply area (e.g. 「都市ガス供給エリアに含まれていないことを確認」).`,
      },
      { expected: "都市ガス供給区域外の記載", actual: "" },
    ),
  ];
}
