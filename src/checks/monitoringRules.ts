// Rule family 9: the monitoring records (熱実績管理表, DOMAIN.md §5.1) behind 別紙1 3.1, 3.2, 3.6 and 3.7.
import type { RuleMeta } from "./registry";

/** The month's derived cells a rule recomputes, and where they stand in the procedure. */
const MONTH_DERIVED: { id: string; where: string }[] = [
  { id: "monitoring.pAbs.recompute", where: "蒸気圧力（絶対） p_abs" },
  { id: "monitoring.tSteam.recompute", where: "蒸気温度 t_s" },
  { id: "monitoring.hSteam.recompute", where: "蒸気比エンタルピー h_s" },
  { id: "monitoring.tFeed.recompute", where: "給水温度 t_fw" },
  { id: "monitoring.hFeed.recompute", where: "給水比エンタルピー h_fw" },
  { id: "monitoring.qMonth.recompute", where: "生成熱量 Q_m" },
];

/** The 別紙1 columns the 合計 gives. */
const TARGETS: { id: string; where: string }[] = [
  { id: "monitoring.qBl.fromTable", where: "3.1 Q_BL" },
  { id: "monitoring.ePs.fromTable", where: "3.2 E_PS" },
  { id: "monitoring.fB.fromTable", where: "3.6 F_B" },
  { id: "monitoring.fT.fromTable", where: "3.7 F_T" },
];

const rule = (
  id: string,
  severity: RuleMeta["severity"],
  fixable: boolean,
  ja: string,
  en: string,
  instances?: RuleMeta["instances"],
): RuleMeta => ({
  id,
  family: 9,
  severity,
  fixable,
  description: { ja, en },
  ...(instances ? { instances } : {}),
});

export const MONITORING_RULES: RuleMeta[] = [
  rule(
    "monitoring.<key>.recompute",
    "error",
    true,
    "熱実績管理表の月の派生セル（p_abs、t、h、t_fw、h'、生成熱量）が手順どおりに再計算した値と一致しない（h と h' はセルの桁数で比較）。",
    "A derived cell of a month of the monitoring table (p_abs, t, h, t_fw, h', heat) does not reproduce by the procedure (h and h' compared to the digits the cell holds).",
    MONTH_DERIVED,
  ),
  rule(
    "monitoring.cell.unreadable",
    "error",
    false,
    "熱実績管理表のセルが数値として読めない。",
    "A cell of the monitoring table cannot be read as a number.",
  ),
  rule(
    "monitoring.month.unreadable",
    "error",
    false,
    "熱実績管理表の年月が年月として読めない。",
    "A 年月 of the monitoring table cannot be read as a month.",
  ),
  rule(
    "monitoring.month.missing",
    "error",
    false,
    "熱実績管理表に、別紙1 の 5.1〜5.2 の期間の月が欠けている。",
    "A month of the facility's 5.1–5.2 period is missing from its monitoring table.",
  ),
  rule(
    "monitoring.month.duplicate",
    "error",
    false,
    "熱実績管理表に同じ月が 2 回以上ある。",
    "A month appears more than once in the monitoring table.",
  ),
  rule(
    "monitoring.month.outOfPeriod",
    "error",
    false,
    "熱実績管理表の月が別紙1 の 5.1〜5.2 の期間外。",
    "A month of the monitoring table lies outside the facility's 5.1–5.2 period.",
  ),
  rule(
    "monitoring.total.recompute",
    "error",
    true,
    "熱実績管理表の合計行が各月の和と一致しない。",
    "A cell of the monitoring table's 合計 row is not the sum of its months.",
  ),
  rule(
    "monitoring.<key>.fromTable",
    "error",
    true,
    "別紙1 の 3.1・3.2・3.6・3.7 が熱実績管理表の合計（3.1 は控除熱量を除く）から、どの端数処理でも得られない。",
    "別紙1 3.1, 3.2, 3.6 or 3.7 does not follow from the monitoring table's 合計 (3.1 net of 控除熱量) under any rounding convention.",
    TARGETS,
  ),
  rule(
    "monitoring.convention",
    "info",
    false,
    "別紙1 の 3.1 などが熱実績管理表のどの端数処理（各月切捨・合計切捨など）に従っているか。",
    "Which rounding convention (each month truncated, the sum truncated, …) 別紙1 3.1 etc. follow from the monitoring table.",
  ),
  rule(
    "monitoring.facility.unmatched",
    "warning",
    false,
    "熱実績管理表の熱設備名称が別紙1 のどの施設とも一致しない（または名称がない）。",
    "A monitoring table's 熱設備名称 matches no facility of 別紙1 (or it has none).",
  ),
  rule(
    "monitoring.facility.nearMiss",
    "warning",
    false,
    "熱実績管理表の熱設備名称が別紙1 の施設名と 1 文字だけ違う（稚板/単板 のような誤記。照合はする）。",
    "A monitoring table's 熱設備名称 is one character apart from a 別紙1 facility (a slip such as 稚板/単板; matched all the same).",
  ),
  rule(
    "monitoring.facility.noTable",
    "info",
    false,
    "熱実績管理表のあるブックで、別紙1 の施設に熱実績管理表がない。",
    "In a workbook with monitoring tables, a facility of 別紙1 has none.",
  ),
  rule(
    "monitoring.pressure.looksAbsolute",
    "warning",
    false,
    "ゲージ圧の月平均が絶対圧のように見える（ゲージ圧として扱うと蒸気温度が飽和温度を下回るが、絶対圧としてなら上回る）。",
    "A mean gauge pressure looks absolute (as gauge, the steam temperature is below saturation; as absolute, above).",
  ),
  rule(
    "monitoring.pressure.looksBar",
    "warning",
    false,
    "ゲージ圧の月平均が bar 単位のように見える（MPa では蒸気温度が飽和温度を下回り、1/10 にすると上回る）。",
    "A mean gauge pressure looks like bar (in MPa the steam temperature is below saturation; a tenth of it is not).",
  ),
  rule(
    "monitoring.pressure.looksKpa",
    "error",
    false,
    "ゲージ圧の月平均が kPa 単位のように見える（100 MPa 以上: 蒸気表にもボイラーにもない圧力。1/1000 の MPa 値を示し、その月の p_abs と h は照合しない）。",
    "A mean gauge pressure looks like kPa (100 MPa or more: beyond the steam tables and any boiler; the MPa value is given, and the month's p_abs and h are not checked on it).",
  ),
  rule(
    "monitoring.pressure.belowVacuum",
    "error",
    false,
    "ゲージ圧の月平均では絶対圧が 0 以下になる（ゲージ圧は −0.101325 MPa を下回らない）。",
    "A mean gauge pressure gives an absolute pressure of 0 or less (a gauge cannot read below −0.101325 MPa).",
  ),
  rule(
    "monitoring.pressure.notPressure",
    "error",
    false,
    '圧力のセル（ゲージ圧、p_abs）に百分率（"99.94%"）が入っている。',
    'A pressure cell (gauge, p_abs) holds a percentage ("99.94%").',
  ),
  rule(
    "monitoring.steam.wetCell",
    "warning",
    false,
    "飽和温度以下の月の蒸気温度・蒸気比エンタルピーのセル（その h は供給蒸気のものではない）。",
    "The steam temperature and enthalpy cells of a month at or below saturation (its h is not the steam's).",
  ),
  rule(
    "monitoring.steam.belowSaturation",
    "warning",
    false,
    "蒸気温度がその圧力の飽和温度以下（湿り蒸気: h(p, t) は供給蒸気のエンタルピーではない）。",
    "The steam temperature is at or below saturation at its pressure (wet steam: h(p, t) is not the enthalpy supplied).",
  ),
  rule(
    "monitoring.days.zeroWithFlow",
    "warning",
    false,
    "稼働日数が 0 の月に蒸気流量または生成熱量がある。",
    "A month with zero operating days has steam flow or heat.",
  ),
  rule(
    "monitoring.feedwater.excess",
    "warning",
    false,
    "給水流量が蒸気流量をブロー分（10 %）を超えて上回る。",
    "Feedwater flow exceeds steam flow by more than blowdown explains (10 %).",
  ),
];
