// A template written row by row through ExcelJS's streaming writer, for workbooks too large to hold as a model
// (the verification report of 5,000 facilities: 225,000 cells, 200 MiB as a model). Node only: the CLI uses it.
import * as ExcelJS from "exceljs";
import { Writable } from "stream";
import type { TemplateCell, TemplateWorkbook } from "../src/template/types";
import {
  applyPrint,
  applyProperties,
  applySheetOptions,
  pageSetupOf,
  viewsOf,
  writeTemplateCell,
} from "./xlsx";

/** The template as .xlsx bytes; its rows are written and let go in order (merges and formulas as addTemplate). */
export async function templateToXlsxStreamed(template: TemplateWorkbook): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk);
      done();
    },
  });
  const finished = new Promise<void>((resolve, reject) => {
    sink.on("finish", resolve);
    sink.on("error", reject);
  });
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: sink,
    useStyles: true,
    useSharedStrings: false,
  });
  if (template.properties) applyProperties(wb, template.properties);
  const renames = new Map<string, string>();
  for (const sheet of template.sheets) {
    const ws = wb.addWorksheet(sheet.name, {
      views: viewsOf(sheet),
      ...(sheet.print ? { pageSetup: pageSetupOf(sheet.print) } : {}),
    });
    sheet.columnWidths?.forEach((width, col) => {
      if (width > 0) ws.getColumn(col + 1).width = width;
    });
    if (sheet.print) applyPrint(ws, sheet.print);
    applySheetOptions(ws, sheet);
    for (const m of sheet.merges) {
      if (m.bottom > m.top || m.right > m.left)
        ws.mergeCells(m.top + 1, m.left + 1, m.bottom + 1, m.right + 1);
    }
    const cells = [...sheet.cells].sort((a, b) => a.row - b.row || a.col - b.col);
    let open = -1;
    const write = (c: TemplateCell, height: number | undefined) => {
      // a row is committed (written out and dropped) once the next row begins
      if (open >= 0 && c.row > open) ws.getRow(open + 1).commit();
      open = c.row;
      if (height !== undefined) ws.getRow(c.row + 1).height = height;
      writeTemplateCell(ws, c, renames);
    };
    for (const c of cells) write(c, sheet.rowHeights?.[c.row]);
    // generated rows, made and let go one at a time
    for (const row of sheet.rows?.() ?? []) for (const c of row.cells) write(c, row.height);
    ws.commit();
  }
  await wb.commit();
  await finished;
  return new Uint8Array(Buffer.concat(chunks));
}
