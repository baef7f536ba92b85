// LibreOffice recalculates the monitoring table gec fill --formulas writes: every formula cell comes back as the
// engine computed it (ROUNDUP/ROUNDDOWN per month, h × F_s − h' × F_fw, SUM, 別紙1 3.1 linked to the 合計).
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import { monitoredGrid, FACILITIES } from "../fixtures/monitoring";
import { gridToXlsx } from "../fixtures/xlsxBuilder";
import { runGec, tempDir } from "../fixtures/runGec";

const soffice = ["/usr/bin/soffice", "/usr/bin/libreoffice"].find((p) => fs.existsSync(p));
const describeLo = soffice || process.env.CI === "true" ? describe : describe.skip;
const dir = tempDir("lo-mon");

function recalculate(file: string): string {
  const outDir = path.join(dir, `recalc-${path.basename(file, ".xlsx")}`);
  const profile = path.join(dir, "profile");
  const run = spawnSync(
    soffice ?? "soffice",
    [
      `-env:UserInstallation=file://${profile}`,
      "--headless",
      "--convert-to",
      "xlsx",
      "--outdir",
      outDir,
      file,
    ],
    { encoding: "utf8", timeout: 180_000 },
  );
  const out = path.join(outDir, path.basename(file));
  if (!fs.existsSync(out))
    throw new Error(`LibreOffice did not convert ${file}: ${run.stderr} ${run.stdout}`);
  return out;
}

/** Every formula cell of the workbook: sheet!A1 → [formula, cached result]. */
async function formulaCells(file: string): Promise<Map<string, [string, unknown]>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(new Uint8Array(fs.readFileSync(file)).buffer);
  const out = new Map<string, [string, unknown]>();
  wb.eachSheet((ws) => {
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        const v = cell.value as { formula?: string; result?: unknown } | null;
        if (v && typeof v === "object" && typeof v.formula === "string")
          out.set(`${ws.name}!${cell.address}`, [v.formula, v.result]);
      }),
    );
  });
  return out;
}

/**
 * Equal; a value with decimals (h × F_s − h' × F_fw and its SUM) to the 15 significant digits LibreOffice stores in
 * the file. Whole numbers (the ROUNDDOWN of 3.1, 3.2) must be equal: 1e-14 of 5e8 is far below one.
 */
function same(a: unknown, b: unknown): boolean {
  if (typeof a !== "number" || typeof b !== "number") return a === b;
  return a === b || Math.abs(a - b) <= Math.abs(b) * 1e-14;
}

describeLo("LibreOffice recalculates a filled monitoring workbook", () => {
  it("every formula cell gec fill --formulas wrote comes back as the engine computed it", async () => {
    const input = path.join(dir, "monitoring.xlsx");
    fs.writeFileSync(input, await gridToXlsx(monitoredGrid({ inputsOnly: true }).grid));
    const filled = path.join(dir, "monitoring-filled.xlsx");
    const fill = await runGec(["fill", input, "-o", filled, "--formulas"]);
    expect(fill.code).toBe(0);
    const written = await formulaCells(filled);
    // 3 tables × 12 months × (p_abs, t, t_fw, 生成熱量) + 合計 SUMs + 別紙1 links and 別紙1's own formulas
    expect(written.size).toBeGreaterThan(3 * 12 * 4);
    const recalculated = await formulaCells(recalculate(filled));
    const differing = [...written]
      .filter(([cell, [, cached]]) => !same(recalculated.get(cell)?.[1], cached))
      .map(
        ([cell, [formula, cached]]) =>
          `${cell} =${formula}: ours ${String(cached)}, LibreOffice ${String(recalculated.get(cell)?.[1])}`,
      );
    expect(differing).toEqual([]);
    // and 別紙1 3.1 follows the tables: セイホク's cells hold h to a double's precision, so its 3.1 is the published one
    const seihoku = recalculated.get("別紙1!L6");
    expect(seihoku?.[0]).toMatch(/^ROUNDDOWN\('?熱実績管理表'?!M\d+,0\)$/);
    expect(seihoku?.[1]).toBe(FACILITIES[2].qBl);
  }, 240_000);
});
