// The declared parts of a submission: headings found in the spellings the seed and the template print.
import { normalizeText } from "../../src/numbers";
import { FORM_PARTS, PLAN_PARTS, isRedaction, labelNamesPart } from "../../src/forms/parts";

const planPartOf = (text: string) =>
  PLAN_PARTS.filter((p) => labelNamesPart(normalizeText(text), p)).map((p) => p.id);

describe("form parts", () => {
  it("finds each plan heading as the seed's OCR prints it (seed lines 3, 9, 11, 27, 64, 66, 74, 100, 110, 114)", () => {
    expect(planPartOf("1. 1 グリーンエネルギーCO₂削減計画の名称")).toEqual(["plan:name"]);
    expect(planPartOf("1. 2 グリーンエネルギーCO₂削減計画に関わる設備（詳細）")).toEqual(["plan:facilities"]);
    expect(planPartOf("1. 3 グリーンエネルギーCO₂削減計画に適用される方法論")).toEqual(["plan:methodology"]);
    expect(planPartOf("1. 4 グリーンエネルギーCO₂削減相当量の算定")).toEqual(["plan:formula"]);
    expect(planPartOf("1. 5 グリーンエネルギーCO₂削減計画の認証申請期間")).toEqual(["plan:period"]);
    expect(planPartOf("1. 6 認定グリーンエネルギーCO₂削減計画からの変更項目")).toEqual(["plan:changes"]);
    expect(
      planPartOf("2. 1 各グリーンエネルギーCO₂削減事業の実施者によるモニタリング方法及び報告方法"),
    ).toEqual(["plan:monitoringStructure"]);
    expect(planPartOf("2. 2 モニタリングの対象及び方法")).toEqual(["plan:monitoringTargets"]);
    expect(planPartOf("3. 1 グリーンエネルギーCO₂削減相当量保有予定者に関する情報")).toEqual([
      "plan:holders",
    ]);
    expect(planPartOf("3. 2 環境価値が除かれた電気価値・熱価値の帰属先に関する情報")).toEqual([
      "plan:attribution",
    ]);
  });

  it("a note that mentions a part's words under another number is not its heading", () => {
    // 1.5's note names 別紙1 5., not the period heading; 1.4's 注1 names the methodology's section 4.
    expect(
      planPartOf("注) 各グリーンエネルギーCO₂削減事業の実施期間については、別紙1 5. に記載すること。"),
    ).toEqual([]);
  });

  it("has unique ids, each with a Japanese and an English name", () => {
    expect(new Set(FORM_PARTS.map((p) => p.id)).size).toBe(FORM_PARTS.length);
    for (const p of FORM_PARTS) expect([p.what.ja, p.what.en].every((t) => t.length > 0)).toBe(true);
  });

  it("counts the seed's [REDACTED] as an entry, not as a blank", () => {
    expect(isRedaction("[REDACTED]")).toBe(true);
    expect(isRedaction("非公開")).toBe(true);
    expect(isRedaction("日本自然エネルギー株式会社")).toBe(false);
  });
});
