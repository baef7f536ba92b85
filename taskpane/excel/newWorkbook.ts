// Opens .xlsx bytes as a new Excel workbook beside the open one (Excel.createWorkbook, ExcelApi 1.8), and names the
// open workbook: how the working paper reaches a verifier working in Excel.
import { GecError } from "../../src/errors";
import type { Message } from "../../src/types";

/** Base64 of bytes, in pieces (String.fromCharCode of a whole paper would overflow the call stack). */
export function toBase64(bytes: Uint8Array): string {
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** Creates the workbook in one call; an Excel without ExcelApi 1.8 gets a message that says what to do instead. */
export async function openAsNewWorkbook(bytes: Uint8Array): Promise<void> {
  if (!Office.context.requirements.isSetSupported("ExcelApi", "1.8"))
    throw new GecError("#N/A", {
      ja: "この Excel では新しいブックを開けません（ExcelApi 1.8 が必要です）。スタンドアロン版の「検証結果一覧表」でダウンロードしてください。",
      en: "This Excel cannot open a new workbook (ExcelApi 1.8 is needed). Download the paper from the standalone page instead.",
    });
  await Excel.createWorkbook(toBase64(bytes));
}

/** The open workbook's name ("申請.xlsx"), or "ブック" where Excel does not give one. */
export async function workbookName(): Promise<string> {
  try {
    return await Excel.run(async (context) => {
      const wb = context.workbook;
      wb.load("name");
      await context.sync();
      return wb.name || "ブック";
    });
  } catch {
    return "ブック";
  }
}

/** The pane's saveFile in Excel: the file opened as a new workbook, and what the live region says. */
export async function openFileInExcel(file: { name: string; bytes: Uint8Array }): Promise<Message> {
  await openAsNewWorkbook(file.bytes);
  return {
    ja: `${file.name} を新しいブックとして開きました（保存するときに名前を付けてください）。`,
    en: `Opened ${file.name} as a new workbook (name it when you save it).`,
  };
}
