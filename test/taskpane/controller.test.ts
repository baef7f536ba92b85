// The pane's controller with the real engine (in the test's own thread), standalone on the published H002-2 and in
// Excel over office-addin-mock, counting syncs: what each action shows, announces, writes and reads.
import { createHash } from "crypto";
import { openFileInExcel, workbookName } from "../../taskpane/excel/newWorkbook";
import { gridToXlsx } from "../fixtures/xlsxBuilder";
jest.mock("office-addin-manifest", () => ({
  OfficeApp: {
    Excel: "excel",
    OneNote: "onenote",
    Outlook: "outlook",
    PowerPoint: "powerpoint",
    Project: "project",
    Word: "word",
  },
}));
import * as fs from "fs";
import * as path from "path";
import { PaneController } from "../../taskpane/controller";
import { facetsOf, filteredFindings, pageOf } from "../../taskpane/findings";
import type { FileToSave, PaneDeps } from "../../taskpane/controller";
import { excelBackend } from "../../taskpane/backend";
import { engineService } from "../../taskpane/engine/service";
import { readGrid } from "../../io/read";
import { formatRef } from "../../src/forms/a1";
import { HEAT_PROJECT_COLUMNS } from "../../src/forms/layout";
import type { Grid } from "../../src/types";
import { seedGrid, withCell } from "../fixtures/seedSubmissions";
import { generatedGrid } from "../fixtures/generated";
import { excelWorkbook } from "./excelWorkbook";
import { PAPER_SHEETS } from "../fixtures/paper";

const published = fs.readFileSync(path.join(__dirname, "..", "fixtures", "xlsx", "H002-2-published.xlsx"));

/** The file as the page's file input gives it. */
function chosen(name: string, bytes: Uint8Array) {
  return { name, size: bytes.length, arrayBuffer: async () => Uint8Array.from(bytes).buffer };
}

/** Standalone: the real engine; a download is recorded (the browser's part is the e2e test's). */
function standalone(deps: Partial<PaneDeps> = {}) {
  const saved: FileToSave[] = [];
  const pane = new PaneController({
    mode: "standalone",
    engine: engineService(() => new Date(2021, 5, 30)),
    saveFile: async (file) => {
      saved.push(file);
      return { ja: `${file.name} をダウンロードしました。`, en: `Downloaded ${file.name}.` };
    },
    ...deps,
  });
  return { pane, saved };
}

const cells = (pane: PaneController) => (pane.state.report?.findings ?? []).map((f) => formatRef(f.ref));
const errorCells = (pane: PaneController) =>
  (pane.state.report?.findings ?? []).filter((f) => f.severity === "error").map((f) => formatRef(f.ref));

describe("standalone, the published H002-2", () => {
  it("opens, validates and announces the summary; each finding names its facility", async () => {
    const { pane } = standalone();
    expect(pane.state.ready).toBe(false);
    await pane.openFile(chosen("H002-2-published.xlsx", published));
    expect(pane.state).toMatchObject({
      ready: true,
      file: { name: "H002-2-published.xlsx", unsaved: false },
    });
    await pane.validate();
    const summary = pane.state.report?.summary.text.ja ?? "";
    expect(summary).toContain("様式3-2 H002-2、3 施設、2020-04-01〜2021-03-31：エラー 2 件");
    expect(pane.state.announcement?.text.ja).toBe(summary);
    // the published figures that do not reproduce: 川辺's 3.3 at N5, セイホク's 3.10 at U6
    expect(errorCells(pane)).toEqual(["別紙1!N5", "別紙1!U6"]);
    const n5 = pane.state.report?.findings.find((f) => formatRef(f.ref) === "別紙1!N5");
    expect(n5?.facility).toBe("川辺木質バイオマス熱電供給設備");
    expect(pane.state.busy).toBe(false);
  });

  it("fixes N5, writes it, and the findings are read again from the written workbook; 元に戻す restores it", async () => {
    const { pane } = standalone();
    await pane.openFile(chosen("H002-2-published.xlsx", published));
    await pane.validate();
    const n5 = pane.state.report!.findings.find((f) => formatRef(f.ref) === "別紙1!N5")!;
    pane.fix(n5);
    // 257,572,286 − ROUNDDOWN(7,538,025 × 9.484, 0) = 186,081,657 replaces the printed 186,081,857
    expect(pane.state.preview).toMatchObject({
      kind: "fix",
      writes: [{ value: 186081657, previous: 186081857 }],
    });
    expect(pane.state.announcement?.text.ja).toBe("1 件の書き込みを確認してください。");
    await pane.commit();
    expect(pane.state.preview).toBeNull();
    expect(pane.state.notices[0]).toEqual({
      intent: "success",
      text: expect.objectContaining({ ja: "1 件を書き込みました。" }),
    });
    expect(errorCells(pane)).toEqual(["別紙1!U6"]);
    expect(pane.state.file?.unsaved).toBe(true);
    await pane.revert();
    expect(pane.state.notices[0].text.ja).toBe("1 件を元に戻しました。");
    expect(errorCells(pane)).toEqual(["別紙1!N5", "別紙1!U6"]);
    expect(pane.state.applied).toEqual([]);
  });

  it("このセルの計算根拠 is refreshed after 書き込む (it was stale), and cleared by a cell entry it cannot read", async () => {
    const { pane } = standalone();
    await pane.openFile(chosen("H002-2-published.xlsx", published));
    pane.setCellText("別紙1!U6");
    await pane.explain();
    // 157,281,769 × 0.9996 × 0.0749 = 11,775,692.3… → 11,775,692; the seed prints 11,775,927
    expect(pane.state.explained).toMatchObject({ expected: "11775692", actual: 11775927, agrees: false });
    expect(pane.state.announcement?.text.ja).toBe("別紙1!U6 EM_WB: あるべき値 11,775,692、不一致");
    await pane.fill();
    expect(pane.state.preview?.writes.map((w) => formatRef(w.ref))).toEqual(["別紙1!N5", "別紙1!U6"]);
    await pane.commit();
    expect(pane.state.explained).toMatchObject({ expected: "11775692", actual: 11775692, agrees: true });
    pane.setCellText("U6"); // no sheet
    await pane.explain();
    expect(pane.state.explained).toBeNull();
    expect(pane.state.notices).toEqual([
      {
        intent: "warning",
        text: expect.objectContaining({ ja: "セルは 別紙1!U6 の形で指定してください。" }),
      },
    ]);
  });

  it("downloads the written workbook under -gec.xlsx and confirms it in the live region", async () => {
    const { pane, saved } = standalone();
    await pane.openFile(chosen("H002-2-published.xlsx", published));
    await pane.fill();
    await pane.commit();
    expect(pane.state.file?.unsaved).toBe(true);
    await pane.download();
    expect(saved.map((f) => f.name)).toEqual(["H002-2-published-gec.xlsx"]);
    const list = readGrid(saved[0].bytes).sheets.find((s) => s.name === "別紙1")!;
    const value = (row: number, col: number) => list.values[row - list.origin.row][col - list.origin.col];
    expect([value(4, 13), value(5, 20)]).toEqual([186081657, 11775692]); // N5, U6 as recomputed
    expect(pane.state.file?.unsaved).toBe(false);
    expect(pane.state.announcement?.text).toEqual({
      ja: "H002-2-published-gec.xlsx をダウンロードしました。",
      en: "Downloaded H002-2-published-gec.xlsx.",
    });
  });

  it("検証結果一覧表 is a file action too: made by the engine, saved and confirmed", async () => {
    const { pane, saved } = standalone();
    await pane.openFile(chosen("H002-2-published.xlsx", published));
    await pane.downloadReport();
    expect(saved.map((f) => f.name)).toEqual(["H002-2-published-report.xlsx"]);
    const paper = readGrid(saved[0].bytes);
    expect(paper.sheets.map((s) => s.name)).toEqual(PAPER_SHEETS);
    const table = paper.sheets.find((s) => s.name === "検証結果一覧表")!;
    // printed 186,081,857 against 186,081,657 recomputed: 200 apart
    const n5 = table.values.find((line) => line.includes("別紙1!N5"));
    expect(n5).toEqual(expect.arrayContaining([186081857, 186081657, 200, "不一致"]));
    // the paper names the bytes it checked: SHA-256 of the document as the download would give it
    const cover = paper.sheets.find((s) => s.name === "表紙")!;
    const digest = cover.values.find((line) => line[0] === "SHA-256")?.[1];
    expect(digest).toBe(createHash("sha256").update(published).digest("hex"));
    expect(pane.state.announcement?.text.ja).toBe("H002-2-published-report.xlsx をダウンロードしました。");
  });

  it("前年度と比較: 川辺's Q_BL 190,000,000 the year before → 257,572,286 (+35.6 %, beyond ±30 %) is found at L5", async () => {
    const { pane } = standalone();
    await pane.openFile(chosen("H002-2-published.xlsx", published));
    const before = await gridToXlsx(
      withCell(seedGrid("H002-2", { corrected: true }), "別紙1", "L5", 190000000),
    );
    await pane.comparePrevious(chosen("H002-2-2019.xlsx", before));
    const found = pane.state.comparison!.findings;
    // (257,572,286 − 190,000,000) ÷ 190,000,000 = 0.3556…
    const change = found.filter((f) => f.rule === "portfolio.priorYear.change");
    expect(change.map((f) => f.at.ref && formatRef(f.at.ref))).toEqual(["別紙1!L5"]);
    expect(change[0].message.ja).toContain("+35.6%");
    expect(pane.state.announcement?.text.ja).toMatch(/^前年度（H002-2-2019\.xlsx）との比較: \d+ 件/);
  });

  it("前年度と比較 of a file that is no workbook says what is wrong and keeps the open one", async () => {
    const { pane } = standalone();
    await pane.openFile(chosen("H002-2-published.xlsx", published));
    await pane.comparePrevious(chosen("notes.xlsx", new TextEncoder().encode("not a zip")));
    expect(pane.state.comparison).toBeNull();
    expect(pane.state.notices[0]).toMatchObject({ intent: "error" });
    expect(pane.state.file?.name).toBe("H002-2-published.xlsx");
  });

  it("refuses a 1.9 GB file by its size before reading any of it, and says so in the file bar", async () => {
    const { pane } = standalone();
    let read = 0;
    await pane.openFile({
      name: "huge.xlsx",
      size: 1.9 * 1024 * 1024 * 1024,
      arrayBuffer: async () => {
        read++;
        return new ArrayBuffer(0);
      },
    });
    expect(read).toBe(0);
    // 1.9 GiB = 1945.6 MiB; the documented limit is 50 MiB
    expect(pane.state.fileError?.ja).toContain("1945.6 MB");
    expect(pane.state.fileError?.ja).toContain("上限 50.0 MB");
    expect(pane.state.ready).toBe(false);
  });

  it("a file that is no .xlsx: the file bar says what is wrong; the open workbook stays", async () => {
    const { pane } = standalone();
    await pane.openFile(chosen("H002-2-published.xlsx", published));
    await pane.openFile(chosen("notes.xlsx", new TextEncoder().encode("this is a text file")));
    expect(pane.state.fileError?.en).toMatch(/ZIP|xlsx/i);
    expect(pane.state.file?.name).toBe("H002-2-published.xlsx");
    await pane.validate();
    expect(errorCells(pane)).toEqual(["別紙1!N5", "別紙1!U6"]);
  });

  it("テンプレート挿入 with no file open makes a new workbook named for the template", async () => {
    const { pane } = standalone();
    pane.setTemplate({ facilities: 2 });
    await pane.insertTemplate();
    expect(pane.state.file).toEqual({ name: "H002-2-2-template.xlsx", unsaved: true });
    expect(pane.state.notices[0].text.ja).toMatch(/^次のシートを追加しました：/);
    await pane.validate();
    // a blank template: recognised, its one error that no facility row is filled in yet
    expect(pane.state.report?.summary.text.ja).toContain("様式3-2 H002-2、0 施設");
    expect(pane.state.report?.findings.filter((f) => f.severity === "error").map((f) => f.rule)).toEqual([
      "form.noFacilities",
    ]);
  });

  it("no file open: an action says to open one first", async () => {
    const { pane } = standalone();
    await pane.validate();
    expect(pane.state.notices).toEqual([
      { intent: "error", text: expect.objectContaining({ ja: "先に .xlsx ファイルを開いてください。" }) },
    ]);
  });

  it("the language switch is remembered", () => {
    const remembered: string[] = [];
    const { pane } = standalone({ rememberLanguage: (l) => remembered.push(l) });
    pane.setLang("en");
    expect(pane.state.lang).toBe("en");
    expect(remembered).toEqual(["en"]);
  });
});

/** A generated H002-2 of `rows` facilities whose every 3.3 Q_WB is one more than its inputs give: one error a row. */
function offByOne(rows: number): Grid {
  const grid = generatedGrid(rows, 7);
  const list = grid.sheets[1];
  const qWb = HEAT_PROJECT_COLUMNS.findIndex((c) => c.key === "qWb");
  for (let r = 3; r < 3 + rows; r++) list.values[r][qWb] = (list.values[r][qWb] as number) + 1;
  return grid;
}

describe("Excel (office-addin-mock), counting syncs", () => {
  const excel = (grid: Grid, activeCell = "", pageSize?: number) => {
    const book = excelWorkbook(grid, activeCell);
    const pane = new PaneController({
      mode: "excel",
      engine: engineService(),
      backend: excelBackend(),
      pageSize,
    });
    return { ...book, pane };
  };

  it("validates in 2 syncs, fixes in 2 and reads once (2) for the findings and the explanation on screen", async () => {
    const { pane, log, grid } = excel(seedGrid("H002-2"), "別紙1!N5");
    await pane.validate();
    expect(log.syncs).toBe(2);
    expect(errorCells(pane)).toEqual(["別紙1!N5", "別紙1!U6"]);
    // このセルの計算根拠 of the selected N5: the active cell (1 sync) and the workbook (2)
    await pane.explain();
    expect(log.syncs).toBe(5);
    expect(pane.state.explained).toMatchObject({ expected: "186081657", actual: 186081857, agrees: false });
    pane.fix(pane.state.report!.findings.find((f) => formatRef(f.ref) === "別紙1!N5")!);
    await pane.commit();
    // 2 to write (re-read the cell, write it), 2 to read the workbook once for both the findings and the explanation
    expect(log.syncs).toBe(9);
    expect(log.writes).toEqual(["別紙1!N5 = 186081657"]);
    expect(grid.sheets[1].values[4][13]).toBe(186081657);
    expect(errorCells(pane)).toEqual(["別紙1!U6"]);
    expect(pane.state.explained).toMatchObject({ actual: 186081657, agrees: true });
    await pane.revert();
    expect(log.syncs).toBe(13);
    expect(log.writes).toEqual(["別紙1!N5 = 186081657", "別紙1!N5 = 186081857"]);
  });

  it("検証結果一覧表 opens the working paper as a new workbook: createWorkbook once, named after the cells read", async () => {
    const book = excelWorkbook(seedGrid("H002-2"));
    const pane = new PaneController({
      mode: "excel",
      engine: engineService(),
      backend: excelBackend(),
      saveFile: openFileInExcel,
      workbookName,
    });
    await pane.downloadReport();
    expect(book.log.created).toHaveLength(1);
    // 1 sync for the workbook's name, 2 to read the workbook
    expect(book.log.syncs).toBe(3);
    const paper = readGrid(Uint8Array.from(Buffer.from(book.log.created[0], "base64")));
    expect(paper.sheets.map((s) => s.name)).toEqual(PAPER_SHEETS);
    const cover = paper.sheets.find((s) => s.name === "表紙")!;
    const line = (label: string) => cover.values.find((l) => l[0] === label)?.[1];
    expect(line("ファイル名")).toBe("申請.xlsx");
    expect(line("SHA-256（読み取ったセル）")).toMatch(/^[0-9a-f]{64}$/);
    expect(pane.state.announcement?.text.ja).toBe(
      "申請-report.xlsx を新しいブックとして開きました（保存するときに名前を付けてください）。",
    );
  });

  it("a click on a finding selects its cell (1 sync)", async () => {
    const { pane, log } = excel(seedGrid("H002-2"));
    await pane.validate();
    const u6 = pane.state.report!.findings.find((f) => formatRef(f.ref) === "別紙1!U6")!;
    await pane.selectFinding(u6);
    expect(log.selected).toEqual(["別紙1!U6"]);
    expect(log.syncs).toBe(3);
    expect(pane.state.current).toBe(cells(pane).indexOf("別紙1!U6"));
  });

  it("120 findings: 50 a page; 次の指摘 walks them across pages, selecting each cell; filters narrow the list", async () => {
    const { pane, log } = excel(offByOne(120), "", 50);
    await pane.validate();
    expect(pane.state.report?.summary.text.ja).toContain("120 施設");
    let page = pageOf(pane.state);
    expect([page.findings.length, page.offset, page.total, page.pages]).toEqual([50, 0, 120, 3]);
    // row 4 of the sheet is the first facility; each 3.3 is column N
    expect(formatRef(page.findings[0].ref)).toBe("別紙1!N4");
    await pane.nextFinding();
    expect(pane.state.current).toBe(0);
    expect(log.selected).toEqual(["別紙1!N4"]);
    expect(pane.state.announcement?.text.ja).toMatch(
      /^1 \/ 120 件目 別紙1!N4: 別紙1!N4（3\.3 Q_WB）は入力から /,
    );
    await pane.previousFinding(); // stays on the first
    expect(pane.state.current).toBe(0);
    pane.setPage(2);
    expect(pageOf(pane.state).findings.length).toBe(20);
    // the 51st finding is on the second page: the page follows the current finding
    for (let i = 0; i < 50; i++) await pane.nextFinding();
    expect([pane.state.current, pane.state.page]).toEqual([50, 1]);
    expect(log.selected[log.selected.length - 1]).toBe("別紙1!N54");

    // one facility: its one finding, the page back to the first
    const facility = facetsOf(pane.state.report!).facilities[7][0];
    expect(facility).toBe("生成バイオマス熱設備 8");
    pane.setFilter({ facility });
    expect(filteredFindings(pane.state).map((f) => formatRef(f.ref))).toEqual(["別紙1!N11"]);
    expect([pane.state.page, pane.state.current]).toEqual([0, null]);
    pane.setFilter({ facility: null, severity: "warning" });
    expect(pageOf(pane.state).total).toBe(0);
  });

  it("?paging=off shows every finding on one page (the bench's baseline)", async () => {
    const { pane } = excel(offByOne(120), "", Infinity);
    await pane.validate();
    const page = pageOf(pane.state);
    expect([page.findings.length, page.pages]).toEqual([120, 1]);
  });

  it("提出用に確定 previews each GEC. formula with the value that replaces it", async () => {
    const grid: Grid = {
      sheets: [
        {
          name: "計算",
          origin: { row: 0, col: 0 },
          // IF97 Table 5: h(3 MPa, 300 K) = 115.331273 kJ/kg, as Excel with the add-in computed it
          values: [[115.331273]],
          formulas: [["=GEC.STEAM_H(3,26.85)"]],
        },
      ],
    };
    const { pane, log } = excel(grid);
    await pane.finalize();
    expect(pane.state.preview).toMatchObject({
      kind: "finalize",
      writes: [{ value: 115.331273, previousFormula: "=GEC.STEAM_H(3,26.85)" }],
    });
    await pane.commit();
    expect(log.writes).toEqual(["計算!A1 = 115.331273"]);
  });
});
