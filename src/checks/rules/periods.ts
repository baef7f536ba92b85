// Rule family 2: the 1.5 period and each 別紙1 row's 5.1・5.2 dates, and the fiscal year a facility name states.
import { fiscalYearOfDate } from "../../numbers";
import type { Finding } from "../../types";
import type { DateField, Submission } from "../../forms/submission";
import { at, reporter } from "../finding";
import { fiscalYearInName } from "../../forms/names";
import { shortened } from "../../text";
import { rule } from "../rule";
import type { RuleMeta, RuleModule } from "../rule";

export const PERIOD_RULES: RuleMeta[] = [
  rule(
    "period.unreadable",
    2,
    "error",
    false,
    "1.5 の開始日・終了日が日付として読めない。",
    "A 1.5 start or end date cannot be read as a date.",
  ),
  rule(
    "period.order",
    2,
    "error",
    false,
    "1.5 の終了日が開始日より前。",
    "The 1.5 end date is before the start date.",
  ),
  rule(
    "period.row.unreadable",
    2,
    "error",
    false,
    "別紙1 の 5.1・5.2 が日付として読めない。",
    "A 別紙1 5.1 or 5.2 date cannot be read as a date.",
  ),
  rule(
    "period.row.outside",
    2,
    "error",
    false,
    "別紙1 の 5.1・5.2 が 1.5 の認証申請期間の外。",
    "A 別紙1 5.1 or 5.2 date lies outside the 1.5 period.",
  ),
  rule(
    "period.fiscalYearInName",
    2,
    "warning",
    false,
    "設備名称の (yyyy年度) が認証申請期間の年度と一致しない。",
    "The facility name's (yyyy年度) is not the fiscal year of the period.",
  ),
];

const { finding } = reporter(PERIOD_RULES);

function isoDate(d: DateField): string {
  if (d.reading.kind !== "date") return shortened(d.raw);
  const { year, month, day } = d.reading;
  return `${year}-${String(month).padStart(2, "0")}${day === null ? "" : "-" + String(day).padStart(2, "0")}`;
}

export function checkPeriods(s: Submission): Finding[] {
  const out: Finding[] = [];
  const { start, end } = s.period;
  for (const field of [start, end]) {
    if (field && field.reading.kind === "invalid") {
      out.push(
        finding("period.unreadable", field.ref, {
          ja: `${at(field.ref)} を日付として読めません。`,
          en: `${at(field.ref)} is not a date.`,
        }),
      );
    }
  }
  const startSerial = start?.reading.kind === "date" ? start.reading.serial : null;
  const endSerial = end?.reading.kind === "date" ? end.reading.serial : null;
  if (start && end && startSerial !== null && endSerial !== null && startSerial > endSerial) {
    out.push(
      finding("period.order", end.ref, {
        ja: `1.5 終了日 (${isoDate(end)}) が開始日 (${isoDate(start)}) より前です。`,
        en: `1.5 end date (${isoDate(end)}) is before the start date (${isoDate(start)}).`,
      }),
    );
  }
  const list = s.projectList;
  if (!list) return out;
  for (const row of list.rows) {
    for (const key of ["startDate", "endDate"]) {
      const d = row.dates[key];
      if (!d) continue;
      if (d.reading.kind === "invalid") {
        out.push(
          finding("period.row.unreadable", d.ref, {
            ja: `${at(d.ref)} を日付として読めません。`,
            en: `${at(d.ref)} is not a date.`,
          }),
        );
        continue;
      }
      if (d.reading.kind !== "date" || startSerial === null || endSerial === null) continue;
      if (d.reading.serial < startSerial || d.reading.serial > endSerial) {
        out.push(
          finding(
            "period.row.outside",
            d.ref,
            {
              ja: `${at(d.ref)} (${isoDate(d)}) が 1.5 認証申請期間 ${isoDate(start as DateField)}〜${isoDate(end as DateField)} の外です。`,
              en: `${at(d.ref)} (${isoDate(d)}) lies outside the 1.5 period ${isoDate(start as DateField)} to ${isoDate(end as DateField)}.`,
            },
            { expected: `${isoDate(start as DateField)}〜${isoDate(end as DateField)}`, actual: isoDate(d) },
          ),
        );
      }
    }
    // the facility name's (yyyy年度) must be the fiscal year of the period (April to March)
    const name = row.text.facilityName;
    const fy = name?.value ? fiscalYearInName(name.value) : null;
    if (name && fy && start?.reading.kind === "date") {
      const { year, month } = start.reading;
      const fiscal = fiscalYearOfDate(year, month);
      if (fy.year !== fiscal) {
        out.push(
          finding(
            "period.fiscalYearInName",
            name.ref,
            {
              ja: `${at(name.ref)} の設備名称の「${fy.suffix}」（${fy.year}年度）が認証申請期間の年度 ${fiscal} と一致しません。`,
              en: `${at(name.ref)}: the facility name's "${fy.suffix}" (fiscal ${fy.year}) differs from the period's fiscal year ${fiscal}.`,
            },
            { expected: `${fiscal}年度`, actual: `${fy.year}年度` },
          ),
        );
      }
    }
  }
  return out;
}

export const periodsModule: RuleModule = {
  metas: PERIOD_RULES,
  check: ({ submission }) => checkPeriods(submission),
};
