// Every command that writes -o keeps an existing file unless --force (as `cp -n` and tar do), never writes over its
// input even with --force, and `gec template` refuses a facility count it cannot make (issue 16).
import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import { writeFileAtomic } from "../../cli/io";
import { runGec, tempDir } from "../fixtures/runGec";

const dir = tempDir("output");
const published = path.join(__dirname, "..", "fixtures", "xlsx", "H002-2-published.xlsx");

/** Japanese first, then English, and no stack trace. */
function expectBilingual(stderr: string): void {
  const lines = stderr.trim().split("\n");
  expect(lines).toHaveLength(2);
  expect(lines[0]).toMatch(/[ぁ-んァ-ン一-龥]/);
  expect(lines[1]).toMatch(/^gec \w+: [\x20-\x7e]*[A-Za-z]{4,}/);
  expect(stderr).not.toMatch(/\n\s+at |TypeError|NaN/);
}

/** A workbook with one GEC. formula and its cached value: finalize writes a copy of it (of one with none it writes nothing). */
const withGecFormula = path.join(dir, "with-gec-formula.xlsx");
beforeAll(async () => {
  const wb = new ExcelJS.Workbook();
  // IF97 Table 5: h(3 MPa, 300 K) = 115.331273 kJ/kg, as Excel with the add-in cached it
  wb.addWorksheet("S").getCell("A1").value = { formula: "GEC.STEAM_H(3,26.85)", result: 115.331273 };
  await wb.xlsx.writeFile(withGecFormula);
});

const commands: [string, (out: string) => string[]][] = [
  ["fill", (out) => ["fill", published, "-o", out]],
  ["report", (out) => ["report", published, "-o", out]],
  ["finalize", (out) => ["finalize", withGecFormula, "-o", out]],
  ["template", (out) => ["template", "H002-2", "-o", out]],
];

describe.each(commands)("gec %s -o an existing file", (name, argv) => {
  it("is refused with exit 2, naming the file and --force, and the file is left as it was", async () => {
    const out = path.join(dir, `${name}-existing.xlsx`);
    fs.writeFileSync(out, "mine");
    const r = await runGec(argv(out));
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    for (const line of r.stderr.trim().split("\n")) {
      expect(line).toContain(out);
      expect(line).toContain("--force");
    }
    expectBilingual(r.stderr);
    expect(fs.readFileSync(out, "utf8")).toBe("mine");
    expect(fs.readdirSync(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });

  it("is replaced with --force", async () => {
    const out = path.join(dir, `${name}-forced.xlsx`);
    fs.writeFileSync(out, "mine");
    const r = await runGec([...argv(out), "--force"]);
    expect(r.code).toBe(0);
    expect(fs.readFileSync(out).subarray(0, 2).toString()).toBe("PK");
  });

  it("a new file is written without --force", async () => {
    const out = path.join(dir, `${name}-new.xlsx`);
    expect((await runGec(argv(out))).code).toBe(0);
    expect(fs.readFileSync(out).subarray(0, 2).toString()).toBe("PK");
  });
});

describe("the input is never the output, --force or not", () => {
  it.each(["fill", "report", "finalize"])("gec %s IN -o IN --force", async (name) => {
    const input = path.join(dir, `${name}-input.xlsx`);
    fs.copyFileSync(published, input);
    const before = fs.readFileSync(input);
    const r = await runGec([name, input, "-o", input, "--force"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/入力|input/);
    expect(fs.readFileSync(input).equals(before)).toBe(true);
  });
});

describe("the write itself never replaces a file that appeared after the check", () => {
  it("writeFileAtomic without force refuses an existing file; with force replaces it", async () => {
    const out = path.join(dir, "late.xlsx");
    fs.writeFileSync(out, "appeared meanwhile");
    await expect(writeFileAtomic(out, new Uint8Array([80, 75]))).rejects.toMatchObject({
      text: { en: expect.stringContaining("--force") },
    });
    expect(fs.readFileSync(out, "utf8")).toBe("appeared meanwhile");
    await writeFileAtomic(out, new Uint8Array([80, 75]), undefined, true);
    expect(fs.readFileSync(out, "utf8")).toBe("PK");
    expect(fs.readdirSync(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });
});

describe("gec template -n: a count it cannot make is refused in words, never as (NaN)", () => {
  it.each([
    ["-1", "is negative", "負の数"],
    ["0", "is zero", "0 です"],
    ["1.5", "is not a whole number", "整数ではありません"],
    ["abc", "is not a number", "数ではありません"],
    ["1e3", "is not written in digits", "数字だけ"],
    ["1001", "is too large", "大きすぎます"],
    ["99999999999999999999999", "is too large", "大きすぎます"],
  ])("-n %s", async (n, en, ja) => {
    const out = path.join(dir, `n-${n}.xlsx`);
    const r = await runGec(["template", "H002-2", "-n", n, "-o", out]);
    expect(r.code).toBe(2);
    expectBilingual(r.stderr);
    const [jaLine, enLine] = r.stderr.trim().split("\n");
    expect(jaLine).toContain(ja);
    expect(jaLine).toContain(`「${n}」`);
    expect(enLine).toContain(`"${n}" ${en}`);
    expect(enLine).toContain("from 1 to 1000");
    expect(fs.existsSync(out)).toBe(false);
  });

  it("full-width digits as an IME types them are read: -n ２ makes 2 facilities", async () => {
    const out = path.join(dir, "n-fullwidth.xlsx");
    const r = await runGec(["template", "H002-2", "-n", "２", "-o", out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("2 施設");
  });

  it("--fiscal-year abc is refused in words", async () => {
    const out = path.join(dir, "fy.xlsx");
    const r = await runGec(["template", "H002-2", "--monitoring", "--fiscal-year", "abc", "-o", out]);
    expect(r.code).toBe(2);
    expectBilingual(r.stderr);
    expect(r.stderr).toContain('"abc" is not a number');
  });
});
