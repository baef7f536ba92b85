// Where the pane runs: inside Excel (Office.onReady reports the Excel host) or standalone in a browser.
import type { HostMode } from "./App";

/** Office.onReady resolves with no host outside Office; office.js may be missing (offline) or never ready. */
export async function detectHost(timeoutMs = 3000): Promise<HostMode> {
  const office = (globalThis as { Office?: typeof Office }).Office;
  if (!office || typeof office.onReady !== "function") return "standalone";
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<HostMode>((resolve) => {
    timer = setTimeout(() => resolve("standalone"), timeoutMs);
  });
  const ready = office
    .onReady()
    .then((info) => (info && info.host === office.HostType?.Excel ? "excel" : "standalone") as HostMode)
    .catch(() => "standalone" as HostMode);
  try {
    return await Promise.race([ready, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
