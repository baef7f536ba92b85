// Rule family 11: the plan's text (1.1–2.2) against its methodology and its own rows; and (family 10) the plan's
// parts present and filled.
import type { RuleMeta } from "./rule";
import type { RuleFamily } from "./rule";
import type { Severity } from "../types";
import { PRIMARY_ENERGY_FACTOR_PARAMETER } from "../methodology/parameters";

const rule = (id: string, severity: Severity, ja: string, en: string, family: RuleFamily = 11): RuleMeta => ({
  id,
  family,
  severity,
  fixable: false,
  description: { ja, en },
});

/** A provisional methodology's formulas are the engine's guess: a 1.4 that differs from them is a warning, not an error. */
const provisionalWarning = (meta: RuleMeta): RuleMeta => ({ ...meta, alsoReportsAs: ["warning"] });

export const PLAN_TEXT_RULES: RuleMeta[] = [
  rule(
    "form.planPart.missing",
    "error",
    "様式3-2 の項目（1.1, 1.2, 1.4 の算定式・記号表, 1.6, 2.1, 2.2, 3.1, 3.2）がない、または空欄（計画書のシートがあるとき）。",
    "A part of the plan sheet (1.1, 1.2, 1.4's formulas and symbol table, 1.6, 2.1, 2.2, 3.1, 3.2) is missing or blank (when the plan sheet is there).",
    10,
  ),
  rule(
    "plan.name.methodology",
    "error",
    "1.1 計画の名称が、1.3 でチェックされた方法論とは別の方法論（名称または番号）を名乗っている。",
    "1.1's plan name names another methodology (by name or code) than the one checked in 1.3.",
  ),
  {
    ...rule(
      "plan.methodologyTable.name",
      "warning",
      "1.3 の表の行で、種別方法論名称が別の種別方法論番号のもの（チェックされた行ならエラー）。",
      "A row of the 1.3 table carries another code's name (an error on the checked row).",
    ),
    // on the checked row, which methodology applies is itself in doubt
    alsoReportsAs: ["error"],
  },
  rule(
    "plan.methodologyTable.missing",
    "warning",
    "1.3 の表に公式の種別方法論（番号と名称の 14 組）の行がない（番号でも名称でも見つからない）。",
    "The 1.3 table lacks an official methodology's row (of the 14 code–name pairs; found neither by code nor by name).",
  ),
  provisionalWarning(
    rule(
      "plan.formula.changed",
      "error",
      "1.4 の算定式の行が方法論の式と異なる（全角・半角、×/*、÷//、空白、下付き文字を揃えて比較）（暫定の方法論では警告）。",
      "A 1.4 formula line differs from the methodology's formula (compared with widths, ×/*, ÷//, spaces and subscripts folded) (a warning for a provisional methodology).",
    ),
  ),
  provisionalWarning(
    rule(
      "plan.formula.constant",
      "error",
      `1.4 の算定式の定数（一次エネルギー換算係数 ${PRIMARY_ENERGY_FACTOR_PARAMETER.value} など）が方法論のパラメータと異なる（暫定の方法論では警告）。`,
      `A constant of a 1.4 formula line (the primary energy factor ${PRIMARY_ENERGY_FACTOR_PARAMETER.value}, …) differs from the methodology's parameter (a warning for a provisional methodology).`,
    ),
  ),
  provisionalWarning(
    rule(
      "plan.formula.missing",
      "error",
      "1.4 に方法論の算定式の行がない（削除されている）（暫定の方法論では警告）。",
      "A formula line of the methodology is missing from 1.4 (deleted) (a warning for a provisional methodology).",
    ),
  ),
  rule(
    "plan.formula.extra",
    "warning",
    "1.4 に方法論にない算定式の行がある。",
    "1.4 holds a formula line the methodology does not have.",
  ),
  provisionalWarning(
    rule(
      "plan.symbolTable.missing",
      "error",
      "1.4 の記号表に、算定式が使う記号の行がない（暫定の方法論では警告）。",
      "1.4's symbol table lacks a row for a symbol its formulas use (a warning for a provisional methodology).",
    ),
  ),
  provisionalWarning(
    rule(
      "plan.symbolTable.unit",
      "error",
      "1.4 の記号表の単位が方法論の単位と異なる（E_PS は kWh。MJ _{HHV} = MJ_HHV, kgCO ₂ = kgCO2 として比較）（暫定の方法論では警告）。",
      "A unit in 1.4's symbol table differs from the methodology's (E_PS is kWh; MJ _{HHV} = MJ_HHV, kgCO ₂ = kgCO2) (a warning for a provisional methodology).",
    ),
  ),
  rule(
    "plan.period.fiscalYears",
    "warning",
    "1.5 認証申請期間が 2 つの年度（4 月〜翌 3 月）にまたがる。",
    "The 1.5 certification period spans two fiscal years (April to March).",
  ),
  rule(
    "plan.changes.unstated",
    "error",
    "1.6 で変更が有ると記載しながら、変更の内容が書かれていない。",
    "1.6 declares changes (有り) but says nothing of what changed.",
  ),
  rule(
    "plan.changes.declared",
    "warning",
    "1.6 に認定計画からの変更が記載されている: 検証機関は認定計画（様式1-2）と照合すること。",
    "1.6 declares changes from the approved plan: the verifier must compare them with the approved plan (様式1-2).",
  ),
  rule(
    "plan.monitoring.noneButMeasured",
    "error",
    "2.2 でモニタリング方法を「なし」とした量（E_PS など）が、別紙1 のいずれかの行で 0 より大きい。",
    "2.2 gives a quantity's monitoring method as なし (E_PS, …) while a 別紙1 row gives it above 0.",
  ),
  rule(
    "plan.monitoring.auxiliaryFuel",
    "error",
    "2.2 で助燃剤を使用しない（バイオマス比率 100%）と記載しながら、別紙1 の行の S_B が 100% 未満、または F_B と F_T が異なる。",
    "2.2 states that no auxiliary fuel is used (biomass share 100 %) while a 別紙1 row has S_B below 100 % or F_B ≠ F_T.",
  ),
  rule(
    "plan.monitoring.boilerEfficiency",
    "error",
    "2.2 に記載したボイラの設備効率（低位発熱量ベース）× その燃料の LHV/HHV が、別紙1 の 3.5 ε_BL と一致しない。",
    "The boiler efficiency stated in 2.2 (LHV basis) × the fuel's LHV/HHV differs from 別紙1's 3.5 ε_BL.",
  ),
  rule(
    "plan.monitoring.cityGasNote",
    "warning",
    "2.2 が石油系の燃料（灯油・重油）をベースラインとしながら、都市ガスの供給区域外であることを記載していない。",
    "2.2 takes an oil fuel (kerosene, heavy oil) as the baseline without stating that the site is outside the city-gas supply area.",
  ),
];
