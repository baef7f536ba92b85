// gec check on a provisional methodology says 暫定 and what is guessed; on the seed, what each finding does to the t.
import * as fs from "fs";
import * as path from "path";
import * as ExcelJS from "exceljs";
import { runGec, tempDir } from "../fixtures/runGec";
import { seedGrid } from "../fixtures/seedSubmissions";
import { gridToXlsx } from "../fixtures/xlsxBuilder";

const dir = tempDir("provisional");

let made = 0;
async function template(code: string): Promise<string> {
  const file = path.join(dir, `${code}-${++made}.xlsx`);
  expect((await runGec(["template", code, "-n", "1", "-o", file])).code).toBe(0);
  return file;
}

describe("a P002 workbook (formulas 暫定)", () => {
  it("text: the summary and a notice say 暫定, naming the guessed formulas and 3.x layout", async () => {
    const run = await runGec(["check", await template("P002")]);
    const [summary, notice] = run.stdout.split("\n");
    expect(summary).toContain("P002（暫定）");
    expect(notice).toMatch(/^暫定: P002 の算定は暫定です/);
    // the power formulas as the declaration prints them, and its 3.x columns
    expect(notice).toContain("EPC = EPG − EPS − EPA");
    expect(notice).toContain("3.6 EM");
  });

  it("--json: provisional: true with the guessed parts", async () => {
    const run = await runGec(["check", await template("P002"), "--json"]);
    const { summary } = JSON.parse(run.stdout) as {
      summary: { provisional: boolean; provisionalParts: { ja: string; en: string }[]; notice: unknown };
    };
    expect(summary.provisional).toBe(true);
    expect(summary.provisionalParts.map((p) => p.en)).toEqual([
      expect.stringMatching(
        /^the formulas \(EPC = EPG − EPS − EPA; EMP = \(EPS \+ EPC\) × CEF_electricity,t\)/,
      ),
      expect.stringMatching(
        /^the 別紙1 column layout \(3\.1 EPS, 3\.2 EPG, 3\.3 EPA, 3\.4 CEF_electricity,t, 3\.5 EMP, 3\.6 EM\)/,
      ),
    ]);
    expect(summary.notice).not.toBeNull();
  });

  it("H003 is flagged as probably the wrong structure", async () => {
    const run = await runGec(["check", await template("H003"), "--lang", "en"]);
    expect(run.stdout).toContain("(provisional)");
    expect(run.stdout).toMatch(/snow\/ice facility displaces cooling/);
  });

  it("the confirmed H002-2 has no notice and provisional: false", async () => {
    const file = path.join(dir, "seed.xlsx");
    fs.writeFileSync(file, await gridToXlsx(seedGrid("H002-2", { corrected: true })));
    const json = JSON.parse((await runGec(["check", file, "--json"])).stdout) as {
      summary: { provisional: boolean; provisionalParts: unknown[]; notice: unknown };
    };
    expect(json.summary).toMatchObject({ provisional: false, provisionalParts: [], notice: null });
    expect((await runGec(["check", file])).stdout).not.toContain("暫定");
  });
});

describe("gec report on a P002 workbook", () => {
  it("the table's notice says 暫定 and what is guessed", async () => {
    const out = path.join(dir, "p002-report.xlsx");
    expect((await runGec(["report", await template("P002"), "-o", out])).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const texts: string[] = [];
    wb.getWorksheet("検証結果一覧表")?.eachRow((row) =>
      texts.push(String((row.values as unknown[])[1] ?? "")),
    );
    expect(texts[1]).toContain("P002（暫定）");
    expect(texts.find((t) => t.startsWith("暫定: P002"))).toContain("別紙1 の列構成");
  });
});

describe("materiality in gec check", () => {
  it("the published H002-2's 3.3 and 3.10 differences change no tonne (text and --json)", async () => {
    const file = path.join(dir, "published.xlsx");
    fs.writeFileSync(file, await gridToXlsx(seedGrid("H002-2")));
    const text = (await runGec(["check", file])).stdout;
    expect(text.split("\n").filter((l) => /N5|U6/.test(l) && l.includes("〔t への影響なし〕"))).toHaveLength(
      2,
    );
    const json = JSON.parse((await runGec(["check", file, "--json"])).stdout) as {
      findings: { cell: string; materiality: { tonnes: number; reaches: string[] } | null }[];
    };
    expect(json.findings.filter((f) => f.cell === "N5" || f.cell === "U6").map((f) => f.materiality)).toEqual(
      [
        expect.objectContaining({ tonnes: 0, reaches: [] }),
        expect.objectContaining({ tonnes: 0, reaches: [] }),
      ],
    );
  });
});
