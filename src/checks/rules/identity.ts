// Rule family 7: approval numbers well formed and unique; 別紙1添付 and 別紙2 name 別紙1's facilities.
import type { Finding } from "../../types";
import type { Submission, ProjectRow, TextField } from "../../forms/submission";
import { at, reporter } from "../finding";
import { NameIndex, facilityKey, withoutFiscalYear } from "../../forms/names";
import { shortened, LISTED, listed as listedText } from "../../text";
import { rule } from "../rule";
import type { RuleMeta, RuleModule } from "../rule";

export const IDENTITY_RULES: RuleMeta[] = [
  rule(
    "identity.approvalNumber.format",
    7,
    "error",
    false,
    "承認番号が NN-XX-NNN の形式でない。",
    "An approval number is not of the form NN-XX-NNN.",
  ),
  rule(
    "identity.approvalNumber.duplicate",
    7,
    "error",
    false,
    "承認番号が重複している。",
    "An approval number appears twice.",
  ),
  rule(
    "identity.facilityName.attachment",
    7,
    "warning",
    false,
    "別紙1添付の設備名称が別紙1 の設備名称と一致しない。",
    "A 別紙1添付 facility name differs from 別紙1's.",
  ),
  rule(
    "identity.facilityName.allocation",
    7,
    "warning",
    false,
    "別紙2 の設備名称が別紙1 の設備名称と一致しない。",
    "A 別紙2 facility name differs from 別紙1's.",
  ),
];

const { finding } = reporter(IDENTITY_RULES);

export function checkIdentity(s: Submission): Finding[] {
  const out: Finding[] = [];
  const seen = new Map<string, string>();
  for (const row of s.projectList?.rows ?? []) {
    const field = row.text.approvalNumber;
    if (!field || field.value === null) continue;
    const id = field.value.normalize("NFKC").trim();
    if (!/^\d{2}-[A-Z]{2}-\d{3}$/.test(id)) {
      out.push(
        finding("identity.approvalNumber.format", field.ref, {
          ja: `承認番号 "${shortened(field.value)}" の形式が NN-XX-NNN（例 14-BB-001）ではありません。`,
          en: `Approval number "${shortened(field.value)}" is not of the form NN-XX-NNN (e.g. 14-BB-001).`,
        }),
      );
    } else if (seen.has(id)) {
      out.push(
        finding("identity.approvalNumber.duplicate", field.ref, {
          ja: `承認番号 ${id} が重複しています（${seen.get(id)} と同じ）。`,
          en: `Approval number ${id} appears twice (also at ${seen.get(id)}).`,
        }),
      );
    } else {
      seen.set(id, at(field.ref));
    }
  }
  return out;
}

interface Listed {
  row: ProjectRow;
  name: string;
  folded: string;
}

function compareName(
  rule: string,
  place: { ja: string; en: string },
  field: TextField,
  listed: Listed[],
  index: NameIndex<Listed>,
): Finding | null {
  if (field.value === null) return null;
  if (facilityKey(field.value) === "") return null;
  const match = index.match(field.value);
  if (match && !match.nearMiss) return null;
  const shown = shortened(field.value);
  if (match) {
    const ref = match.item.row.text.facilityName.ref;
    const expected = withoutFiscalYear(match.item.name);
    return finding(
      rule,
      field.ref,
      {
        ja: `${at(field.ref)} の設備名称が別紙1 (${at(ref)}) と 1 文字異なります: 「${shown}」と「${expected}」。`,
        en: `${at(field.ref)}: names differ by one character: "${shown}" vs 別紙1 (${at(ref)}) "${expected}".`,
      },
      { expected, actual: shown },
    );
  }
  const names = listedText(
    listed.slice(0, LISTED).map((l) => shortened(l.name)),
    listed.length,
  );
  return finding(
    rule,
    field.ref,
    {
      ja: `${place.ja} ${at(field.ref)} の設備名称「${shown}」が別紙1 のどの設備名称とも一致しません（${names.ja}）。`,
      en: `${place.en} ${at(field.ref)}: facility "${shown}" matches no facility of 別紙1 (${names.en}).`,
    },
    { expected: names.en, actual: shown },
  );
}

/** identity.facilityName.*: 別紙1添付 and 別紙2 name the facilities of 別紙1 exactly (after folding width and spaces). */
export function checkFacilityNames(s: Submission): Finding[] {
  const listed: Listed[] = [];
  for (const row of s.projectList?.rows ?? []) {
    const name = row.text.facilityName?.value;
    if (name) listed.push({ row, name, folded: facilityKey(name) });
  }
  if (listed.length === 0) return [];
  // one index for every name compared: a name per block against 10,000 rows is a lookup, not a scan
  const index = new NameIndex(listed, (l) => l.folded);
  const out: Finding[] = [];
  for (const a of s.attachments) {
    if (!a.facilityName) continue;
    const f = compareName(
      "identity.facilityName.attachment",
      { ja: "別紙1添付", en: "別紙1添付" },
      a.facilityName,
      listed,
      index,
    );
    if (f) out.push(f);
  }
  for (const b of s.allocationPlan) {
    if (!b.facilityName) continue;
    const f = compareName(
      "identity.facilityName.allocation",
      { ja: "別紙2", en: "別紙2" },
      b.facilityName,
      listed,
      index,
    );
    if (f) out.push(f);
  }
  return out;
}

export const identityModule: RuleModule = {
  metas: IDENTITY_RULES,
  check: ({ submission }) => [...checkIdentity(submission), ...checkFacilityNames(submission)],
};
