// Standalone: a file the pane made saved through a temporary link, and what to say once it is.
import type { Message } from "../../src/types";
import type { FileToSave } from "../controller";

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** Starts the download of `file`; returns the confirmation for the live region. */
export async function downloadFile(file: FileToSave): Promise<Message> {
  const url = URL.createObjectURL(new Blob([file.bytes as BlobPart], { type: XLSX }));
  const a = document.createElement("a");
  a.href = url;
  a.download = file.name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
  return { ja: `${file.name} をダウンロードしました。`, en: `Downloaded ${file.name}.` };
}
