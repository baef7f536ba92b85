// The working paper's content on the seed's two published submissions: §1 from the workbook, the criteria, the
// 一覧表's lines, the findings log and its carry-over, 添付資料, identity. Expected values are the seed's printed facts.
import { createHash } from "crypto";
import { verificationPaper, readPreviousFindings, categoryOf } from "../../src/report";
import type { PaperInput, VerificationPaper } from "../../src/report";
import { validateGrid } from "../../src/validate";
import { sha256, sha256Text } from "../../src/sha256";
import { PLAN_NAME, seedGrid, withCell } from "../fixtures/seedSubmissions";
import type { SeedName } from "../fixtures/seedSubmissions";
import type { Grid } from "../../src/types";
import { cellAddress } from "../../src/forms/a1";

const input: PaperInput = {
  source: { fileName: "seed.xlsx", digestOf: "file", sha256: "0".repeat(64), size: 1 },
  options: { toolVersion: "test", date: "2026-12-07" },
};
const paperOf = (grid: Grid, previous: Grid | null = null): VerificationPaper =>
  verificationPaper(grid, { ...input, previous });
const field = (p: VerificationPaper, key: string) => p.overview.find((f) => f.key === key)?.values ?? [];

describe("概要書 §1 is read from the workbook", () => {
  // the seed's own text: JQA's 概要書 (lines 278–284 and 593–599) and the submissions' 1.1, 2.1 and 1.5
  it.each<[SeedName, string[], string[]]>([
    [
      "H002-2",
      ["北海道網走郡津別町字達美168番地", "岐阜県加茂郡川辺町上川辺252番1", "宮城県石巻市潮見町2番地1"],
      [
        "津別稚板協同組合バイオマスエネルギーセンター", // 別紙1 1.1 as the OCR prints it (稚): the paper follows the workbook
        "川辺木質バイオマス熱電供給設備",
        "セイホクバイオマス熱電供給設備",
      ],
    ],
    [
      "H002-1",
      ["福井県あわら市舟津43-26", "福井県あわら市舟津26-10", "福井県坂井市三国町緑が丘4丁目4-8"],
      [
        "あわら温泉1号木質バイオマス熱設備「ヴァルト」",
        "あわら温泉4・5号木質バイオマス熱設備「スンリン・ナヘル」",
        "東尋坊温泉2・3号木質バイオマス熱設備「ウータン・シルワ」",
      ],
    ],
  ])("%s: plan name, applicant, sites ①–③, projects ①–③, period, methodology", (which, sites, projects) => {
    const p = paperOf(seedGrid(which));
    expect(field(p, "planName").map((v) => v.text)).toEqual([PLAN_NAME[which]]);
    expect(field(p, "applicant").map((v) => v.text)).toEqual(["日本自然エネルギー株式会社"]);
    expect(field(p, "sites").map((v) => v.text)).toEqual(sites.map((s, i) => `${"①②③"[i]} ${s}`));
    expect(field(p, "sites").map((v) => v.cell)).toEqual(["別紙1!D4", "別紙1!D5", "別紙1!D6"]);
    expect(field(p, "projects").map((v) => v.text)).toEqual(projects.map((s, i) => `${"①②③"[i]} ${s}`));
    expect(field(p, "period").map((v) => v.text)).toEqual(["2020年4月1日～2021年3月31日"]);
    const methodology = field(p, "methodology").map((v) => v.text);
    expect(methodology[0]).toMatch(new RegExp(`^${which} バイオマス熱`));
    // the 1.4 lines as the workbook types them (seed lines 343–347)
    expect(methodology.slice(1).join("\n")).toMatch(/9\.484[\s\S]*F_?\s*_?B[\s\S]*CEF/);
    // 別紙2: one line per block, each with the block's t (32,316 / 13,687 / 11,775 and 226 / 445 / 143)
    const tonnes = which === "H002-2" ? ["32,316", "13,687", "11,775"] : ["226", "445", "143"];
    expect(field(p, "allocation").map((v) => /([\d,]+) tCO2/.exec(v.text)?.[1])).toEqual(tonnes);
  });

  it("a typed address reaches the paper as typed: the seed's 別紙1 prints 川辺 282番1, JQA's report 252番1", () => {
    const g = withCell(seedGrid("H002-2"), "別紙1", "D5", "岐阜県加茂郡川辺町上川辺282番1");
    expect(field(paperOf(g), "sites")[1]).toEqual({
      text: "② 岐阜県加茂郡川辺町上川辺282番1",
      cell: "別紙1!D5",
    });
  });
});

it("a 概要書 field lists 100 facilities and counts the rest (a cell holds at most 32,767 characters)", async () => {
  const { generatedGrid } = await import("../fixtures/generated");
  const p = paperOf(generatedGrid(250));
  const sites = field(p, "sites");
  expect(sites).toHaveLength(101);
  expect(sites[100]).toEqual({ text: "ほか 150 件（検証結果一覧表を参照）", cell: null });
});

describe("the criteria and the opinion", () => {
  it("H002-2 published: 2 (recomputation) 不備あり for N5 and U6, 4 不明 for the 稚/単 and 稼働日 warnings", () => {
    const p = paperOf(seedGrid("H002-2"));
    expect(p.criteria.map((c) => [c.number, c.status])).toEqual([
      [1, "conforms"],
      [2, "deficient"],
      [3, "conforms"],
      [4, "unknown"],
      [5, "conforms"],
    ]);
    expect(p.criteria[1].rules.map((r) => r.id).sort()).toEqual([
      "projectList.emKg.recompute",
      "projectList.qWb.recompute",
    ]);
    expect(p.opinion.ja).toContain("判断基準 2・4");
  });

  it("H002-2 corrected: every criterion 適合 and JQA's opinion, 全ての点において適正", () => {
    const p = paperOf(seedGrid("H002-2", { corrected: true }));
    expect(p.criteria.every((c) => c.status === "conforms")).toBe(true);
    expect(p.opinion.ja).toContain("日本自然エネルギー株式会社が作成した");
    expect(p.opinion.ja).toContain("全ての点において適正であると認めます");
  });
});

describe("the 一覧表", () => {
  it("one line per facility × 3.1–3.11, then 合計 and one per 別紙2 block: 3 × 11 + 1 + 3", () => {
    const p = paperOf(seedGrid("H002-2"));
    expect(p.lines.filter((l) => l.facilityIndex === 0).map((l) => l.column)).toEqual([
      "3.1",
      "3.2",
      "3.3",
      "3.4",
      "3.5",
      "3.6",
      "3.7",
      "3.8",
      "3.9",
      "3.10",
      "3.11",
    ]);
    expect(p.lines.length + p.allocation.length).toBe(3 * 11 + 1 + 3);
  });

  it("the three published anomalies differ and change no tonne: H002-2 N5 (3.3), U6 (3.10); H002-1 T4–T6 (3.9)", () => {
    const h2 = paperOf(seedGrid("H002-2"));
    const h1 = paperOf(seedGrid("H002-1"));
    const differing = [...h2.lines, ...h1.lines].filter((l) => l.verdict === "differs");
    expect(differing.map((l) => l.cell)).toEqual([
      "別紙1!N5",
      "別紙1!U6",
      "別紙1!T4",
      "別紙1!T5",
      "別紙1!T6",
    ]);
    // printed 186,081,857, recomputed 257,572,286 − ROUNDDOWN(7,538,025 × 9.484, 0) = 257,572,286 − 71,490,629
    expect(differing[0].recomputed?.toString()).toBe(String(257572286 - 71490629));
    // 0.0678 ÷ 0.92022 = 0.07367… → ROUNDDOWN 4 = 0.0736; printed 0.0738
    expect(differing[2].recomputed?.toString()).toBe("0.0736");
    for (const l of differing) expect(l.materiality).toMatchObject({ tonnes: 0, reaches: [] });
    // 3.11 and the 合計 agree: 57,778 t and 814 t
    expect(h2.lines.find((l) => l.column === "合計")?.recomputed?.toNumber()).toBe(57778);
    expect(h1.lines.find((l) => l.column === "合計")?.recomputed?.toNumber()).toBe(814);
  });

  it("a planted 3.1 + 1,000,000 MJ on H002-1's facility 2 reaches 3.11, 合計 and 別紙2, and is a 是正要求", () => {
    // 6,057,000 → 7,057,000 MJ: 7,057,000 × 1 × 0.0736 = 519,395 kg → 519 t, against 445 t: +74 t
    const g = withCell(seedGrid("H002-1", { corrected: true }), "別紙1", "L5", 7057000);
    const p = paperOf(g);
    const t = p.lines.find((l) => l.cell === "別紙1!V5");
    expect(t?.recomputed?.toNumber()).toBe(Math.floor(Math.floor(7057000 * 0.0736) / 1000));
    const f = p.findings.find((x) => x.cell === "別紙1!V5");
    expect(f?.materiality?.reaches).toEqual(expect.arrayContaining(["3.11"]));
    expect(f?.category).toBe("corrective");
  });

  it("根拠資料 from 別紙1添付's 提出書類: 川辺's Q_BL 発電所月報, S_B's F_B and F_T its S_B documents; 3.4 the 2.2 default", () => {
    const p = paperOf(seedGrid("H002-2"));
    const kawabe = (column: string) => p.lines.find((l) => l.facilityIndex === 1 && l.column === column);
    expect(kawabe("3.1")?.evidence).toEqual(["発電所月報"]);
    // the S_B row's documents as the cell holds them (one text: "発電所月報 分析結果報告書 FIT請求書の 計算書")
    expect(kawabe("3.6")?.evidence.join()).toContain("分析結果報告書");
    expect(kawabe("3.7")?.evidence).toEqual(kawabe("3.6")?.evidence);
    expect(kawabe("3.4")?.evidence).toEqual(["デフォルト値（様式3-2 2.2）"]);
    expect(kawabe("3.3")).toMatchObject({ evidence: [], means: "再計算" });
    expect(kawabe("3.1")).toMatchObject({ verdict: "input", means: "" });
  });
});

describe("添付資料", () => {
  it("H002-1 names no E_PS document (its 別紙1添付 says なし): the seed report's 「EPS：熱稼働記録」 cannot happen", () => {
    const operator = paperOf(seedGrid("H002-1")).attachments.operator;
    expect(operator.map((o) => o.symbol)).toEqual(["QBL"]);
    expect(operator[0].documents).toEqual(["グリーン熱受け入れ実績報告書"]);
  });

  it("H002-2 lists Q_BL, E_PS and S_B with the documents of all three blocks", () => {
    const operator = paperOf(seedGrid("H002-2")).attachments.operator;
    expect(operator.map((o) => o.symbol)).toEqual(["QBL", "EPS", "S_B"]);
    expect(operator[0].documents).toEqual(["ボイラ運転管理報", "発電所月報", "DCS運転記録"]);
    expect(operator[1].documents).toEqual(["発電機盤稼働時間写真", "発電所月報", "DCS運転記録"]);
  });
});

describe("the findings log", () => {
  it("holds every finding of the check, with its facility, numbered F-001 …", () => {
    const g = seedGrid("H002-2");
    const checked = validateGrid(g).findings;
    const log = paperOf(g).findings;
    expect(log.map((f) => [f.rule, f.cell])).toEqual(
      checked.map((f) => [f.rule, `${f.ref.sheet}!${a1(f.ref)}`]),
    );
    expect(log.map((f) => f.number)).toEqual(log.map((_, i) => `F-${String(i + 1).padStart(3, "0")}`));
    // the 稚/単 near miss, named at 別紙1添付 and on 津別
    const nearMiss = log.find((f) => f.rule === "identity.facilityName.attachment");
    expect(nearMiss).toMatchObject({ severity: "warning", category: "clarification" });
    expect(nearMiss?.facility).toContain("津別");
    expect(log.find((f) => f.cell === "別紙1!N5")?.facility).toBe("川辺木質バイオマス熱電供給設備");
  });

  it("categories: a note is 次回確認, an error that changes no t 明確化要求, an error without a number 是正要求", () => {
    expect(categoryOf({ severity: "info" })).toBe("forward");
    expect(categoryOf({ severity: "error", materiality: { tonnes: 0, reaches: [], message: m } })).toBe(
      "clarification",
    );
    expect(
      categoryOf({ severity: "error", materiality: { tonnes: 74, reaches: ["3.11"], message: m } }),
    ).toBe("corrective");
    expect(categoryOf({ severity: "error" })).toBe("corrective");
    expect(categoryOf({ severity: "warning" })).toBe("clarification");
  });

  it("--previous: an answer carries over by rule + cell + facility; a fixed finding is 解消 and keeps its answer", () => {
    const previous: Grid = {
      sheets: [
        {
          name: "指摘事項一覧",
          origin: { row: 0, col: 0 },
          values: [
            ["指摘事項一覧"],
            [],
            [],
            [
              "番号",
              "区分",
              "重大度",
              "ルール",
              "セル",
              "設備",
              "指摘内容",
              "期待値／実際",
              "重要性（t への影響）",
              "事業者回答",
              "検証機関の判断",
              "日付",
              "状態",
            ],
            [
              "F-001",
              "明確化要求",
              "エラー",
              "projectList.qWb.recompute",
              "別紙1!N5",
              "川辺木質バイオマス熱電供給設備",
              "…",
              "",
              "",
              "転記誤り。186,081,657 に直します。",
              "",
              EXCEL_2026_01_27,
              "回答済",
            ],
            [
              "F-002",
              "明確化要求",
              "エラー",
              "projectList.emKg.recompute",
              "別紙1!U6",
              "セイホクバイオマス熱電供給設備",
              "…",
              "",
              "",
              "3.10 は 11,775,692 kg が正。",
              "了解",
              "2026年1月27日",
              "回答済",
            ],
          ],
        },
      ],
    };
    // N5 corrected, U6 not
    const g = withCell(seedGrid("H002-2"), "別紙1", "N5", 186081657);
    const log = paperOf(g, previous).findings;
    const n5 = log.find((f) => f.cell === "別紙1!N5");
    expect(n5).toMatchObject({
      number: "F-001",
      state: "resolved",
      answer: "転記誤り。186,081,657 に直します。",
    });
    expect(n5?.date).toBe("2026-01-27"); // typed as a date: an Excel serial
    const u6 = log.find((f) => f.cell === "別紙1!U6");
    expect(u6).toMatchObject({ number: "F-002", state: "open", stateText: "回答済", judgement: "了解" });
    expect(u6?.date).toBe("2026-01-27");
    // new findings are numbered after the previous ones
    const others = log.filter((f) => f.state === "new").map((f) => Number(f.number.slice(2)));
    expect(Math.min(...others)).toBe(3);
  });

  it("reads a previous log with English headings", () => {
    const rows = readPreviousFindings({
      sheets: [
        {
          name: "Findings",
          origin: { row: 0, col: 0 },
          values: [
            ["No.", "Rule", "Cell", "Facility", "Issuer's answer", "State"],
            ["F-009", "a.b", "別紙1!A1", "X", "ok", "Open"],
          ],
        },
      ],
    });
    expect(rows).toEqual([
      expect.objectContaining({ number: "F-009", rule: "a.b", answer: "ok", state: "Open" }),
    ]);
  });
});

describe("identity", () => {
  it("SHA-256 agrees with node's crypto on lengths around every padding boundary", () => {
    for (const n of [0, 1, 55, 56, 57, 63, 64, 65, 119, 120, 127, 128, 1000, 70000]) {
      const bytes = Uint8Array.from({ length: n }, (_, i) => (i * 131 + n) & 255);
      expect(sha256(bytes)).toBe(createHash("sha256").update(bytes).digest("hex"));
    }
    expect(sha256Text("検証 ✓ 𠮷")).toBe(createHash("sha256").update("検証 ✓ 𠮷", "utf8").digest("hex"));
  });

  it("names the sheets, the rule set's digest (stable), the parameters used with their source, and each methodology", () => {
    const p = paperOf(seedGrid("H002-2"));
    expect(p.identity.sheets).toEqual(["様式3-2", "別紙1", "別紙1添付", "別紙2"]);
    expect(p.identity.rulesDigest).toMatch(/^[0-9a-f]{64}$/);
    expect(paperOf(seedGrid("H002-1")).identity.rulesDigest).toBe(p.identity.rulesDigest);
    const values = p.identity.parameters.map((x) => x.value);
    // 9.484 (Q_WB), and the two fuel factors the rows use: 灯油 0.0678, A重油 0.0693
    expect(values).toEqual(expect.arrayContaining(["9.484", "0.0678", "0.0693"]));
    for (const x of p.identity.parameters) expect(x.source).not.toBe("");
    expect(p.identity.methodologies.find((m) => m.code === "H002-2")?.status).toBe("confirmed");
    expect(p.identity.methodologies.find((m) => m.code === "P002")?.status).toBe("provisional");
    expect(p.identity.methodologies).toHaveLength(14);
  });
});

const m = { ja: "", en: "" };
/** 2026-01-27 as Excel stores it: days since 1899-12-30. */
const EXCEL_2026_01_27 = (Date.UTC(2026, 0, 27) - Date.UTC(1899, 11, 30)) / 86_400_000;
const a1 = cellAddress;
