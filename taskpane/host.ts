// Where the pane runs: inside Excel (hosted by Office: wait for Office.onReady however long it takes) or standalone.
import type { HostMode } from "./controller";

export interface HostInfo {
  mode: HostMode;
  /** Office.context.displayLanguage in Excel ("ja-JP", "en-US", …). */
  displayLanguage?: string;
  /** Office.context.officeTheme in Excel. */
  officeTheme?: { bodyBackgroundColor?: string; isDarkTheme?: boolean } | null;
}

/**
 * Whether Office hosts this page: Office opens an add-in's page with a `_host_Info` parameter ("Excel|Web|…",
 * "Excel$Win32$…"), which office.js keeps in sessionStorage (hostInfoValue) when the page navigates on.
 */
export function hostedInOffice(
  location: { search: string; hash: string } | undefined = globalThis.location,
  session: Pick<Storage, "getItem"> | null = safeSession(),
): boolean {
  if (location && /[?&#]_host_Info=/i.test(`${location.search}${location.hash}`)) return true;
  try {
    return Boolean(session?.getItem("hostInfoValue"));
  } catch {
    return false;
  }
}

function safeSession(): Storage | null {
  try {
    return globalThis.sessionStorage ?? null;
  } catch {
    return null;
  }
}

/**
 * Hosted in Office: waits for Office.onReady without a time limit (Excel may take many seconds to start the runtime).
 * Not hosted: standalone, unless office.js (loaded in a plain browser) reports Excel within `probeMs` anyway.
 */
export async function detectHost(probeMs = 3000, hosted: boolean = hostedInOffice()): Promise<HostInfo> {
  const office = (globalThis as { Office?: typeof Office }).Office;
  if (!office || typeof office.onReady !== "function") return { mode: "standalone" };
  const ready = office
    .onReady()
    .then((info): HostInfo => {
      if (!info || info.host !== office.HostType?.Excel) return { mode: "standalone" };
      const context = office.context as Partial<Office.Context> | undefined;
      return {
        mode: "excel",
        displayLanguage: context?.displayLanguage,
        officeTheme: context?.officeTheme as HostInfo["officeTheme"],
      };
    })
    .catch((): HostInfo => ({ mode: "standalone" }));
  if (hosted) return ready;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const probe = new Promise<HostInfo>((resolve) => {
    timer = setTimeout(() => resolve({ mode: "standalone" }), probeMs);
  });
  try {
    return await Promise.race([ready, probe]);
  } finally {
    clearTimeout(timer);
  }
}
