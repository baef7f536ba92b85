// 概要書 §1 (グリーンエネルギーCO2削減計画の概要) read from the workbook itself, so that nothing is transcribed by hand
// (JQA's report of the seed prints 川辺's 252番1 as 282番1, and a 緑が丘 for a 森が丘).
import { formatRef } from "../forms/a1";
import { withoutFiscalYear } from "../forms/names";
import { isFormNote } from "../forms/plan";
import { isRedaction } from "../forms/parts";
import { matchBlocks } from "../domain/blocks";
import type { DateField, Submission, TextField } from "../forms/submission";
import { grouped } from "../formula";
import { Decimal } from "../numbers";
import type { Message } from "../types";
import type { OverviewField } from "./model";

/** ① … ⑳, then (21), (22) …: how the 概要書 numbers facilities. */
export function circled(i: number): string {
  return i < 20 ? String.fromCodePoint(0x2460 + i) : `(${i + 1})`;
}

const LABELS: Record<OverviewField["key"], Message> = {
  planName: { ja: "グリーンエネルギーCO2削減計画名", en: "Name of the plan" },
  applicant: { ja: "グリーンエネルギーCO2削減計画申請者名", en: "Applicant" },
  sites: { ja: "事業実施場所", en: "Sites" },
  projects: { ja: "事業の概要", en: "Projects" },
  allocation: { ja: "グリーンエネルギーCO2削減相当量の計画", en: "Allocation" },
  period: { ja: "事業期間", en: "Period" },
  methodology: { ja: "方法論", en: "Methodology" },
};

const at = (f: { ref: Parameters<typeof formatRef>[0] } | null | undefined): string | null =>
  f ? formatRef(f.ref) : null;

/** The texts of a plan part that the applicant wrote (not the form's 注 lines). */
function partTexts(s: Submission, part: string): TextField[] {
  const found = s.plan?.parts.find((p) => p.part === part);
  return (found?.texts ?? []).filter((t) => t.value !== null && !isFormNote(t.value));
}

/** 申請者: the 証書発行事業者 2.1 names as 運営・管理者 (seed: 「運営・管理者（証書発行事業者：日本自然エネルギー株式会社）」). */
function applicant(s: Submission): { text: string; cell: string | null }[] {
  for (const t of partTexts(s, "plan:monitoringStructure")) {
    const m = /証書発行事業者\s*[：:]\s*([^）)\n]+)/.exec(t.value ?? "");
    if (m && m[1].trim() !== "" && !isRedaction(m[1])) return [{ text: m[1].trim(), cell: at(t) }];
  }
  return [];
}

/** "2020年4月1日" from a date cell, its text where it is no date. */
export function dateText(f: DateField | null): string | null {
  if (!f) return null;
  const r = f.reading;
  if (r.kind === "date") return `${r.year}年${r.month}月${r.day === null ? "" : `${r.day}日`}`;
  return f.raw === null || f.raw === "" ? null : String(f.raw);
}

function allocationText(s: Submission): { text: string; cell: string | null }[] {
  const rows = s.projectList?.rows ?? [];
  const matches = matchBlocks(s.allocationPlan, rows);
  return s.allocationPlan.map((b, i) => {
    const m = matches[i];
    const row = m ? rows[m.row] : undefined;
    const name = row?.text.facilityName?.value ?? b.facilityName?.value ?? null;
    const tonnes = b.tonnes.reading.kind === "number" ? `${grouped(b.tonnes.reading.decimal)} tCO2` : "—";
    const holders = b.holders ?? [];
    const unallocated =
      b.unallocated && b.unallocated.reading.kind === "number"
        ? `、配分予定なし ${grouped(b.unallocated.reading.decimal)} tCO2`
        : "";
    const who = holders.length > 0 ? `、保有予定者 ${holders.length} 者` : "";
    const label = name ? `${circled(m?.row ?? i)} ${withoutFiscalYear(name)}: ` : `${circled(i)} `;
    return { text: `${label}${tonnes}${who}${unallocated}（様式3-2別紙2 のとおり）`, cell: at(b.tonnes) };
  });
}

/** How many facilities a 概要書 field lists one by one; the rest are counted (the 一覧表 has them all). */
export const OVERVIEW_FACILITIES = 100;

/** A field's values, the first OVERVIEW_FACILITIES of them and a count of the rest. */
function capped(values: OverviewField["values"]): OverviewField["values"] {
  if (values.length <= OVERVIEW_FACILITIES) return values;
  const more = values.length - OVERVIEW_FACILITIES;
  return [
    ...values.slice(0, OVERVIEW_FACILITIES),
    { text: `ほか ${grouped(Decimal.from(more))} 件（検証結果一覧表を参照）`, cell: null },
  ];
}

/** §1 of the 概要書, each field with the cells it was read from. */
export function overviewOf(s: Submission): OverviewField[] {
  const rows = s.projectList?.rows ?? [];
  const field = (key: OverviewField["key"], values: OverviewField["values"]): OverviewField => ({
    key,
    label: LABELS[key],
    values: capped(values),
  });
  const start = dateText(s.period.start);
  const end = dateText(s.period.end);
  const code = s.methodology.resolved.code;
  const name = s.methodology.resolved.declaration.name.ja;
  return [
    field(
      "planName",
      partTexts(s, "plan:name")
        .slice(0, 1)
        .map((t) => ({ text: t.value ?? "", cell: at(t) })),
    ),
    field("applicant", applicant(s)),
    field(
      "sites",
      rows.map((r, i) => ({
        text: `${circled(i)} ${r.text.address?.value ?? ""}`.trim(),
        cell: at(r.text.address),
      })),
    ),
    field(
      "projects",
      rows.map((r, i) => ({
        text: `${circled(i)} ${withoutFiscalYear(r.text.facilityName?.value ?? "")}`.trim(),
        cell: at(r.text.facilityName),
      })),
    ),
    field("allocation", allocationText(s)),
    field(
      "period",
      start || end
        ? [{ text: `${start ?? "—"}～${end ?? "—"}`, cell: at(s.period.start) ?? at(s.period.end) }]
        : [],
    ),
    field("methodology", [
      ...(code
        ? [
            {
              text: `${code} ${name}`,
              cell: s.methodology.checked[0] ? formatRef(s.methodology.checked[0].ref) : null,
            },
          ]
        : []),
      ...(s.plan?.formulaLines ?? []).map((t) => ({ text: t.value ?? "", cell: at(t) })),
    ]),
  ];
}
