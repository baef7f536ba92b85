// 別紙1添付 read as each facility's monitoring plan (roles, documents, the rules it states).
import { Decimal } from "../../numbers";
import { SEED_STEAM_DIGITS, STANDARD_ATMOSPHERE_MPA } from "../../methodology";
import type { RoundingStep, SteamDigits } from "../../methodology";
import { formPart } from "../../forms/parts";
import { attachmentFor } from "../../forms/attachment";
import type { AttachmentBlock, OperatingDayRule, Submission } from "../../forms/submission";
import type { Finding, Grid } from "../../types";
import { at, reporter } from "../finding";
import { matchTables } from "../../domain/monitoring";
import { shortened } from "../../text";
import type { RuleMeta, RuleModule } from "../rule";

const attachmentRule = (id: string, severity: RuleMeta["severity"], ja: string, en: string): RuleMeta => ({
  id,
  family: 12,
  severity,
  fixable: false,
  description: { ja, en },
});

export const ATTACHMENT_RULES: RuleMeta[] = [
  attachmentRule(
    "attachment.role.blank",
    "error",
    "別紙1添付 1. 計量体制の各役割（計量器維持・管理とデータの測定の責任者・実施者、報告書作成者・最終承認者・受領者）に氏名がある（[REDACTED] などの伏せ字も記入とみなす）。",
    "Each role of a 別紙1添付 block's 1. 計量体制 (responsible person and operator of meter upkeep and of measurement; report author, final approver and recipient) names a person (a redaction such as [REDACTED] counts).",
  ),
  attachmentRule(
    "attachment.method.blank",
    "error",
    "別紙1添付 2. の記号ごとにモニタリング方法が記入されている（「なし」も記入）。",
    "Each symbol of a 別紙1添付 block's 2. has a monitoring method (なし counts).",
  ),
  attachmentRule(
    "attachment.documents.blank",
    "error",
    "別紙1添付 2. の記号ごとに提出書類が記入されている（「—」「なし」も記入）。",
    "Each symbol of a 別紙1添付 block's 2. names its documents (— and なし count).",
  ),
  attachmentRule(
    "attachment.operatingDays.inconsistent",
    "warning",
    "1 つのブロックで蒸気（①）と給水（③）の稼働日の定義が同じ（セイホクの公開版は主蒸気圧力とプロセス蒸気圧力で食い違う）。",
    "Within one block the operating days of the steam (①) and of the feedwater (③) are defined alike (the published セイホク block says 主蒸気圧力 for one and プロセス蒸気圧力 for the other).",
  ),
  attachmentRule(
    "attachment.digits.stated",
    "info",
    "ブロックが方法論の手順と異なる端数処理（圧力 月平均 ROUNDUP 3 桁、絶対圧 ROUNDUP 2 桁、温度 ROUNDDOWN 1 桁）または標準大気圧を定めるとき、その施設の熱実績管理表はブロックの桁で照合する。",
    "Where a block states roundings (pressure mean ROUNDUP 3, absolute ROUNDUP 2, temperatures ROUNDDOWN 1) or a standard atmosphere other than the procedure's, that facility's monitoring table is checked with the block's.",
  ),
  attachmentRule(
    "attachment.ratedPower.mismatch",
    "warning",
    "熱実績管理表の補機定格出力（kW）が、その施設の別紙1添付 E_PS 欄に記載の補機定格出力と同じ。",
    "A monitoring table's rated auxiliary power (kW) is the one its facility's 別紙1添付 E_PS row states.",
  ),
];

const { finding } = reporter(ATTACHMENT_RULES);

const blank = (value: string | null | undefined): boolean =>
  value === null || value === undefined || value.trim() === "";

function facilityOf(block: AttachmentBlock): { ja: string; en: string } {
  const name = block.facilityName?.value;
  return name ? { ja: `「${shortened(name)}」の`, en: ` of "${shortened(name)}"` } : { ja: "", en: "" };
}

/** attachment.role.blank: each declared role of each 計量体制 part names a person. */
function checkRoles(block: AttachmentBlock, out: Finding[]): void {
  const of = facilityOf(block);
  for (const role of block.roles) {
    if (role.values.some((v) => !blank(v.value))) continue;
    const part = formPart(role.part).what;
    const where = role.label ? "" : "（この役割の欄がありません）";
    const whereEn = role.label ? "" : " (the role has no row)";
    out.push(
      finding("attachment.role.blank", role.at, {
        ja: `別紙1添付${of.ja} ${part.ja}: ${role.role}の氏名が ${at(role.at)} にありません${where}。氏名を記入してください（非公開なら [REDACTED] 等）。`,
        en: `別紙1添付${of.en}, ${part.en}: no name for ${role.role} at ${at(role.at)}${whereEn}. Enter the person (or a redaction such as [REDACTED]).`,
      }),
    );
  }
}

/** attachment.method.blank and attachment.documents.blank: each 記号 row has its method and its documents. */
function checkSymbolRows(block: AttachmentBlock, out: Finding[]): void {
  const of = facilityOf(block);
  for (const row of block.symbolRows) {
    const symbol = shortened(row.symbol.value);
    const method = row.method;
    if (!method || (blank(method.value) && blank(row.methodText))) {
      const ref = method?.ref ?? row.symbol.ref;
      out.push(
        finding("attachment.method.blank", ref, {
          ja: `別紙1添付${of.ja} 2. の ${symbol} にモニタリング方法がありません（${at(ref)}）。測定・算定の方法を記入してください（測定しない量は「なし」）。`,
          en: `別紙1添付${of.en}, 2.: ${symbol} has no monitoring method (${at(ref)}). State how it is measured or worked out (なし for a quantity not measured).`,
        }),
      );
    }
    const documents = row.documents;
    if (!documents || blank(documents.value)) {
      const ref = documents?.ref ?? row.symbol.ref;
      out.push(
        finding("attachment.documents.blank", ref, {
          ja: `別紙1添付${of.ja} 2. の ${symbol} に提出書類がありません（${at(ref)}）。検証で確認する書類を記入してください（ない場合は「—」または「なし」）。`,
          en: `別紙1添付${of.en}, 2.: ${symbol} names no documents (${at(ref)}). Name the records the verifier checks (— or なし where there are none).`,
        }),
      );
    }
  }
}

const ruleText = (r: OperatingDayRule): string =>
  r.kind === "threshold"
    ? `${r.quantity ?? ""}が${r.value ?? ""}${r.unit ?? ""}${r.comparison ?? ""}`
    : shortened(r.text);

/** attachment.operatingDays.inconsistent: ① and ③ define the operating days alike. */

function checkOperatingDays(block: AttachmentBlock, out: Finding[]): void {
  const { steam, feedwater } = block.plan.operatingDays;
  if (!steam || !feedwater || steam.kind !== "threshold" || feedwater.kind !== "threshold") return;
  const same =
    steam.quantity === feedwater.quantity &&
    steam.value !== undefined &&
    feedwater.value !== undefined &&
    Decimal.from(steam.value).eq(Decimal.from(feedwater.value)) &&
    steam.unit === feedwater.unit &&
    steam.comparison === feedwater.comparison;
  if (same) return;
  const of = facilityOf(block);
  const a = ruleText(steam);
  const b = ruleText(feedwater);
  out.push(
    finding(
      "attachment.operatingDays.inconsistent",
      feedwater.ref,
      {
        ja: `別紙1添付${of.ja}モニタリング方法（${at(feedwater.ref)}）は稼働日を、蒸気（①）では「${a}」、給水（③）では「${b}」の場合と定めており、食い違います。月平均の対象日が蒸気と給水で異なってよいのか、認定計画で確認してください。`,
        en: `別紙1添付${of.en}: the monitoring method (${at(feedwater.ref)}) defines operating days as "${a}" for the steam (①) but "${b}" for the feedwater (③). Check with the approved plan whether the monthly means may cover different days.`,
      },
      { expected: a, actual: b },
    ),
  );
}

const DIGIT_NAMES: Record<keyof SteamDigits, { ja: string; en: string }> = {
  pressureMean: { ja: "圧力 月平均", en: "mean pressure" },
  absolutePressure: { ja: "絶対圧", en: "absolute pressure" },
  steamTemperature: { ja: "蒸気温度 月平均", en: "mean steam temperature" },
  feedwaterTemperature: { ja: "給水温度 月平均", en: "mean feedwater temperature" },
};

const EXCEL: Record<RoundingStep["mode"], string> = { up: "ROUNDUP", down: "ROUNDDOWN", halfUp: "ROUND" };

const stepText = (r: RoundingStep) => `${EXCEL[r.mode]}(…, ${r.places})`;

/** attachment.digits.stated: roundings or a standard atmosphere other than the procedure's, and what is used. */
function checkDigits(block: AttachmentBlock, out: Finding[]): void {
  const plan = block.plan;
  const ref = plan.digitsRef;
  if (!ref) return;
  const ja: string[] = [];
  const en: string[] = [];
  for (const key of Object.keys(SEED_STEAM_DIGITS) as (keyof SteamDigits)[]) {
    const stated = plan.digits[key];
    const seed = SEED_STEAM_DIGITS[key];
    if (!stated || (stated.places === seed.places && stated.mode === seed.mode)) continue;
    ja.push(`${DIGIT_NAMES[key].ja} ${stepText(stated)}（${stated.text}; 手順は ${stepText(seed)}）`);
    en.push(
      `${DIGIT_NAMES[key].en} ${stepText(stated)} (${stated.text}; the procedure's: ${stepText(seed)})`,
    );
  }
  const atm = plan.standardAtmosphere;
  if (atm !== null && !Decimal.from(atm).eq(STANDARD_ATMOSPHERE_MPA)) {
    ja.push(`標準大気圧 ${atm} MPa（手順は ${STANDARD_ATMOSPHERE_MPA} MPa）`);
    en.push(`standard atmosphere ${atm} MPa (the procedure's: ${STANDARD_ATMOSPHERE_MPA} MPa)`);
  }
  if (ja.length === 0) return;
  const of = facilityOf(block);
  out.push(
    finding(
      "attachment.digits.stated",
      ref,
      {
        ja: `別紙1添付${of.ja}モニタリング方法（${at(ref)}）は方法論の手順と異なる端数処理を定めています: ${ja.join("、")}。この施設の熱実績管理表はこの桁で照合します。`,
        en: `別紙1添付${of.en}: the monitoring method (${at(ref)}) states roundings other than the methodology's procedure: ${en.join("; ")}. This facility's monitoring table is checked with these.`,
      },
      { actual: ja.join("、") },
    ),
  );
}

/** attachment.ratedPower.mismatch: a table's 補機定格出力 column holds the kW its facility's block states. */
function checkRatedPower(submission: Submission, out: Finding[]): void {
  const tables = submission.monitoring.filter((t) => t.columns.ratedPower !== undefined);
  if (tables.length === 0) return;
  const matches = matchTables(tables, submission.projectList?.rows ?? []);
  for (const table of tables) {
    const row = matches.get(table)?.row ?? null;
    const block = attachmentFor(submission.attachments, [
      table.facilityName?.value,
      row?.text.facilityName?.value,
    ]);
    const stated = block?.plan.ratedPowerKw;
    if (!block || !stated) continue;
    const kw = Decimal.from(stated.value);
    const differing = table.months.filter((m) => {
      const r = m.cells.ratedPower?.reading;
      return r !== undefined && r.kind === "number" && !r.decimal.eq(kw);
    });
    if (differing.length === 0) continue;
    const cell = differing[0].cells.ratedPower;
    const value = cell.reading.kind === "number" ? cell.reading.decimal.toString() : shortened(cell.raw);
    const count = differing.length;
    out.push(
      finding(
        "attachment.ratedPower.mismatch",
        cell.ref,
        {
          ja: `${at(cell.ref)} の補機定格出力 ${value} kW（${count} か月）は、別紙1添付${facilityOf(block).ja} E_PS 欄（${at(stated.ref)}）の補機定格出力 ${stated.value} kW と異なります。どちらが正しいか確認してください。`,
          en: `${at(cell.ref)}: the rated auxiliary power ${value} kW (${count} month${count > 1 ? "s" : ""}) differs from the ${stated.value} kW that the E_PS row of 別紙1添付${facilityOf(block).en} states (${at(stated.ref)}). Check which is right.`,
        },
        { expected: stated.value, actual: value },
      ),
    );
  }
}

/** No role named, no method and no document typed. */
function untouched(block: AttachmentBlock): boolean {
  return (
    block.roles.every((r) => r.values.every((v) => blank(v.value))) &&
    block.symbolRows.every((r) => blank(r.methodText) && blank(r.documents?.value))
  );
}

export function checkAttachment(submission: Submission, grid: Grid): Finding[] {
  void grid;
  const out: Finding[] = [];
  for (const block of submission.attachments) {
    // a block nothing is typed into (a fresh template's) is one part not filled, which form.* reports, not 12 cells
    if (untouched(block)) continue;
    checkRoles(block, out);
    checkSymbolRows(block, out);
    checkOperatingDays(block, out);
    checkDigits(block, out);
  }
  checkRatedPower(submission, out);
  return out;
}

export const attachmentModule: RuleModule = {
  metas: ATTACHMENT_RULES,
  check: ({ submission, grid }) => checkAttachment(submission, grid),
};
