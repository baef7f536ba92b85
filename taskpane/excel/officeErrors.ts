// What Office.js errors mean to the person at the keyboard: a module of its own, so that the pane's error text
// does not pull the Excel adapter (and what it imports) into the page before Excel is used.
import type { Message } from "../../src/types";

/** Office error codes → what the person should do. */
export function describeOfficeError(error: unknown): Message {
  const code = (error as { code?: unknown } | null)?.code;
  const text = error instanceof Error ? error.message : String(error);
  switch (code) {
    case "InvalidOperationInCellEditMode":
      return {
        ja: "セルを編集中です。Enter または Esc で編集を終えてから、もう一度押してください。",
        en: "A cell is being edited. Press Enter or Esc to finish editing, then try again.",
      };
    case "AccessDenied":
    case "InsertDeleteConflict":
      return {
        ja: "シートまたはブックが保護されています。［校閲］→［シート保護の解除］の後で、もう一度押してください。",
        en: "The sheet or workbook is protected. Unprotect it (Review → Unprotect Sheet) and try again.",
      };
    case "ItemNotFound":
      return {
        ja: "シートが見つかりません（名前が変わったか削除されました）。もう一度検証してください。",
        en: "A sheet was not found (renamed or deleted). Validate again.",
      };
    default:
      return { ja: `Excel でエラーが起きました: ${text}`, en: `Excel reported an error: ${text}` };
  }
}
