// `gec report` on the published H002-2 and H002-1 workbooks, read back with ExcelJS: the sheets, §1 against the input's
// own cells, the findings log against `gec check --json`, the 一覧表's N5 line, identity and the --previous loop.
import { createHash } from "crypto";
import * as fs from "fs";
import * as path from "path";
import * as ExcelJS from "exceljs";
import { runGec, tempDir } from "../fixtures/runGec";
import { gridToXlsx } from "../fixtures/xlsxBuilder";
import { seedGrid, withCell } from "../fixtures/seedSubmissions";
import { PAPER_SHEETS } from "../fixtures/paper";

const fixture = (name: string) => path.join(__dirname, "..", "fixtures", "xlsx", name);
const published = { "H002-2": fixture("H002-2-published.xlsx"), "H002-1": fixture("H002-1-published.xlsx") };
const dir = tempDir("report");

async function read(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

/** A cell's text as a reader sees it: a formula's cached result, rich text joined. */
function text(cell: ExcelJS.Cell): string {
  const v = cell.value;
  if (v === null || v === undefined) return "";
  if (typeof v === "object" && "result" in v) return String(v.result ?? "");
  if (typeof v === "object" && "richText" in v) return v.richText.map((r) => r.text).join("");
  return String(v);
}

/** The rows under the header row whose first cell is `first`, as objects keyed by the header's labels. */
function table(ws: ExcelJS.Worksheet, first: string): Record<string, ExcelJS.Cell>[] {
  let header = 0;
  ws.eachRow((row, n) => {
    if (header === 0 && text(row.getCell(1)) === first) header = n;
  });
  const labels: string[] = [];
  ws.getRow(header).eachCell((c, col) => (labels[col] = text(c)));
  const out: Record<string, ExcelJS.Cell>[] = [];
  for (let r = header + 1; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    if (text(row.getCell(1)) === "") continue;
    const entry: Record<string, ExcelJS.Cell> = {};
    labels.forEach((label, col) => label && (entry[label] = row.getCell(col)));
    out.push(entry);
  }
  return out;
}

/** Label → value rows of a two-column block (the cover's identity, the 概要書's §1). */
function pairs(ws: ExcelJS.Worksheet): Map<string, string> {
  const out = new Map<string, string>();
  ws.eachRow((row) => {
    const label = text(row.getCell(1));
    if (label && !out.has(label)) out.set(label, text(row.getCell(2)));
  });
  return out;
}

describe.each(["H002-2", "H002-1"] as const)("gec report on the published %s", (which) => {
  const out = path.join(dir, `${which}.xlsx`);
  let wb: ExcelJS.Workbook;
  let input: ExcelJS.Workbook;

  beforeAll(async () => {
    const run = await runGec(["report", published[which], "-o", out]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    wb = await read(out);
    input = await read(published[which]);
  });

  it("has the five sheets, core properties and the input's SHA-256, size and sheets on the cover", () => {
    expect(wb.worksheets.map((w) => w.name)).toEqual(PAPER_SHEETS);
    expect(wb.creator).toBe("GEC 様式3-2 ツール");
    expect(wb.title).toContain(path.basename(published[which]));
    const bytes = fs.readFileSync(published[which]);
    const cover = pairs(wb.getWorksheet("表紙")!);
    expect(cover.get("SHA-256")).toBe(createHash("sha256").update(bytes).digest("hex"));
    expect(Number(cover.get("サイズ（バイト）"))).toBe(bytes.length);
    expect(cover.get("ファイル名")).toBe(path.basename(published[which]));
    expect(cover.get("シート")).toBe(input.worksheets.map((w) => w.name).join("、"));
    expect(cover.get("ルールセット（SHA-256）")).toMatch(/^[0-9a-f]{64}$/);
  });

  it("§1 equals the workbook's own cells: 1.1, 2.1's 証書発行事業者, 別紙1 1.1/1.2, 1.5", () => {
    const s1 = pairs(wb.getWorksheet("概要書")!);
    const list = input.getWorksheet("別紙1")!;
    const planSheet = input.getWorksheet("様式3-2")!;
    // the workbook's cells, read here without the engine
    const addresses = [4, 5, 6].map((r) => text(list.getCell(`D${r}`)));
    const names = [4, 5, 6].map((r) => text(list.getCell(`C${r}`)).replace(/\s*[(（]\d{4}年度[)）]\s*$/, ""));
    expect(s1.get("事業実施場所")).toBe(addresses.map((a, i) => `${"①②③"[i]} ${a}`).join("\n"));
    expect(s1.get("事業の概要")).toBe(names.map((a, i) => `${"①②③"[i]} ${a}`).join("\n"));
    let planName = "";
    let issuer = "";
    planSheet.eachRow((row) =>
      row.eachCell((c) => {
        const t = text(c);
        if (text(row.getCell(1)).includes("計画の名称") && Number(c.col) === 2) planName = t;
        const m = /証書発行事業者：([^）]+)/.exec(t);
        if (m) issuer = m[1];
      }),
    );
    expect(s1.get("グリーンエネルギーCO2削減計画名")).toBe(planName);
    expect(s1.get("グリーンエネルギーCO2削減計画申請者名")).toBe(issuer);
    expect(s1.get("事業期間")).toBe("2020年4月1日～2021年3月31日");
  });

  it("the findings log holds every finding `gec check --json` gives, each with a category and open answer cells", async () => {
    const check = JSON.parse((await runGec(["check", published[which], "--json"])).stdout) as {
      findings: { rule: string; sheet: string; cell: string }[];
    };
    const sheet = wb.getWorksheet("指摘事項一覧")!;
    const rows = table(sheet, "番号");
    const quote = (s: string) => (/^[^A-Za-z_]|[^\w.]/.test(s) ? `'${s}'` : s);
    expect(rows.map((r) => [text(r["ルール"]), text(r["セル"])])).toEqual(
      check.findings.map((f) => [f.rule, `${quote(f.sheet)}!${f.cell}`.replace(/^'(別紙[^']*)'/, "$1")]),
    );
    for (const r of rows) {
      expect(["是正要求", "明確化要求", "次回確認"]).toContain(text(r["区分"]));
      expect(text(r["状態"])).toBe("新規");
      expect(r["事業者回答"].protection?.locked).toBe(false);
      expect(r["ルール"].protection?.locked).not.toBe(false);
    }
    if (which === "H002-2")
      expect(rows.map((r) => text(r["ルール"]))).toContain("identity.facilityName.attachment"); // 稚/単
    // ExcelJS reads the protection into a model its typings leave out
    const protection = (sheet as unknown as { sheetProtection?: { sheet?: boolean } }).sheetProtection;
    expect(protection?.sheet).toBe(true);
  });

  it("the published anomalies: declared, recomputed, difference, 不一致 and 「t への影響なし」", () => {
    const rows = table(wb.getWorksheet("検証結果一覧表")!, "No.");
    const cells =
      which === "H002-2"
        ? { "別紙1!N5": [186081857, 186081657], "別紙1!U6": [11775927, 11775692] }
        : { "別紙1!T4": [0.0738, 0.0736], "別紙1!T5": [0.0738, 0.0736], "別紙1!T6": [0.0738, 0.0736] };
    for (const [cell, [declared, recomputed]] of Object.entries(cells)) {
      const r = rows.find((x) => text(x["セル"]) === cell)!;
      expect(r["申請値"].value).toBe(declared);
      expect(r["再計算値"].value).toBe(recomputed);
      expect(Number(r["差"].value)).toBeCloseTo(declared - recomputed, 8);
      expect(text(r["判定"])).toBe("不一致");
      expect(text(r["重要性（t への影響）"])).toBe("t への影響なし");
      expect(text(r["指摘"])).toMatch(/^F-\d{3}/);
    }
    // every line names its facility in full (no cut name), and the 計算根拠 column links into 計算根拠
    const facilities = rows.filter((r) => /^3\./.test(text(r["欄"]))).map((r) => text(r["設備名称"]));
    const list = input.getWorksheet("別紙1")!;
    const names = [4, 5, 6].map((r) => text(list.getCell(`C${r}`)).replace(/\s*[(（]\d{4}年度[)）]\s*$/, ""));
    expect([...new Set(facilities)]).toEqual(names);
    const linked = rows.find((r) => text(r["セル"]) === Object.keys(cells)[0])!["計算根拠（最終段）"];
    const formula = (linked.value as ExcelJS.CellFormulaValue).formula;
    const [, target] = /HYPERLINK\("#'計算根拠'!A(\d+)"/.exec(formula) ?? [];
    const block = text(wb.getWorksheet("計算根拠")!.getCell(`A${target}`));
    expect(block).toContain(`(${Object.keys(cells)[0]})`);
  });

  it("prints: A4 landscape one page wide, print titles, frozen header, filter, the hash in the footer", () => {
    const ws = wb.getWorksheet("検証結果一覧表")!;
    expect(ws.pageSetup).toMatchObject({
      paperSize: 9,
      orientation: "landscape",
      fitToPage: true,
      fitToWidth: 1,
    });
    expect(ws.pageSetup.printTitlesRow?.replace(/\$/g, "")).toBe("4:4");
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 4 });
    expect(ws.autoFilter).toMatch(/^A4:P\d+$/);
    const hash = createHash("sha256").update(fs.readFileSync(published[which])).digest("hex").slice(0, 12);
    expect(ws.headerFooter.oddFooter).toContain("&P / &N");
    expect(ws.headerFooter.oddFooter).toContain(hash);
    // 確認 is a drop-down box and unlocked, as are 確認手段
    const first = table(ws, "No.")[0];
    expect(first["確認"].dataValidation).toMatchObject({ type: "list" });
    expect(first["確認"].protection?.locked).toBe(false);
    expect(first["確認手段"].protection?.locked).toBe(false);
  });
});

describe("gec report --previous", () => {
  it("carries an answer over to the finding that still fires and marks the fixed one 解消", async () => {
    const first = path.join(dir, "round1.xlsx");
    expect((await runGec(["report", published["H002-2"], "-o", first])).code).toBe(0);
    // the issuer answers in the paper, as a person would in Excel
    const wb = await read(first);
    const ws = wb.getWorksheet("指摘事項一覧")!;
    const rows = table(ws, "番号");
    const u6 = rows.find((r) => text(r["セル"]) === "別紙1!U6")!;
    const n5 = rows.find((r) => text(r["セル"]) === "別紙1!N5")!;
    u6["事業者回答"].value = "3.10 は 11,775,692 kg が正しい。t は変わらない。";
    u6["状態"].value = "回答済";
    n5["事業者回答"].value = "3.3 を 186,081,657 に修正した。";
    const answered = path.join(dir, "round1-answered.xlsx");
    await wb.xlsx.writeFile(answered);
    // the issuer fixes N5 only
    const fixed = path.join(dir, "H002-2-n5-fixed.xlsx");
    fs.writeFileSync(fixed, await gridToXlsx(withCell(seedGrid("H002-2"), "別紙1", "N5", 186081657)));
    const second = path.join(dir, "round2.xlsx");
    const run = await runGec(["report", fixed, "-o", second, "--previous", answered]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("解消 1");
    const log = table((await read(second)).getWorksheet("指摘事項一覧")!, "番号");
    const again = log.find((r) => text(r["セル"]) === "別紙1!U6")!;
    expect(text(again["番号"])).toBe(text(u6["番号"]));
    expect(text(again["事業者回答"])).toBe("3.10 は 11,775,692 kg が正しい。t は変わらない。");
    expect(text(again["状態"])).toBe("回答済");
    const resolved = log.find((r) => text(r["セル"]) === "別紙1!N5")!;
    expect(text(resolved["状態"])).toBe("解消");
    expect(text(resolved["事業者回答"])).toBe("3.3 を 186,081,657 に修正した。");
  });
});

describe("gec report --json and --lang en", () => {
  it("--json prints the paper with its identity block; -o is then optional", async () => {
    const run = await runGec(["report", published["H002-1"], "--json"]);
    expect(run.code).toBe(0);
    const paper = JSON.parse(run.stdout) as {
      identity: { sha256: string; fileName: string };
      lines: { cell: string; declared: string; recomputed: string | null }[];
      findings: unknown[];
    };
    expect(paper.identity.sha256).toBe(
      createHash("sha256").update(fs.readFileSync(published["H002-1"])).digest("hex"),
    );
    // decimals as strings: no digit lost
    expect(paper.lines.find((l) => l.cell === "別紙1!T4")).toMatchObject({
      declared: "0.0738",
      recomputed: "0.0736",
    });
  });

  it("--lang en names the sheets in English", async () => {
    const out = path.join(dir, "en.xlsx");
    expect((await runGec(["report", published["H002-1"], "-o", out, "--lang", "en"])).code).toBe(0);
    expect((await read(out)).worksheets.map((w) => w.name)).toEqual([
      "Cover",
      "Summary",
      "Verification",
      "Derivations",
      "Findings",
    ]);
  });

  it("--previous that is no paper (the submission itself): exit 2, saying what to give, nothing written", async () => {
    const out = path.join(dir, "not-written.xlsx");
    const run = await runGec(["report", published["H002-1"], "-o", out, "--previous", published["H002-2"]]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("指摘事項一覧");
    expect(run.stderr).toContain("findings log");
    expect(fs.existsSync(out)).toBe(false);
  });

  it("without -o or --json: exit 2 with the usage", async () => {
    const run = await runGec(["report", published["H002-1"]]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("--previous");
  });
});

describe("SOURCE_DATE_EPOCH fixes the time the CLI stamps on the workbooks it writes", () => {
  const saved = process.env.SOURCE_DATE_EPOCH;
  afterEach(() => {
    if (saved === undefined) delete process.env.SOURCE_DATE_EPOCH;
    else process.env.SOURCE_DATE_EPOCH = saved;
  });

  it.each([
    ["report", (out: string) => ["report", published["H002-2"], "-o", out]],
    ["template", (out: string) => ["template", "H002-2", "-o", out]],
  ])("gec %s run twice, a second apart, writes the same bytes", async (name, args) => {
    process.env.SOURCE_DATE_EPOCH = "1600000000"; // 2020-09-13
    const first = path.join(dir, `${name}-epoch-1.xlsx`);
    const second = path.join(dir, `${name}-epoch-2.xlsx`);
    expect((await runGec(args(first))).code).toBe(0);
    await new Promise((resolve) => setTimeout(resolve, 1100)); // a ZIP stamps times to 2 s: cross a second
    expect((await runGec(args(second))).code).toBe(0);
    expect(fs.readFileSync(second).equals(fs.readFileSync(first))).toBe(true);
    // the stamp is the epoch's, not the clock's: 2020 in the ZIP's DOS date of the first entry (bytes 12–13)
    const dosDate = fs.readFileSync(first).readUInt16LE(12);
    expect((dosDate >> 9) + 1980).toBe(2020);
  });
});
