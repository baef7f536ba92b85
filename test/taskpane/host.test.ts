// detectHost: hosted in Office (the _host_Info Office adds to the URL) it waits for Office.onReady however long it
// takes; not hosted, Excel only when office.js reports it at once; standalone without office.js or elsewhere.
import { detectHost, hostedInOffice } from "../../taskpane/host";

const g = globalThis as { Office?: unknown };
const HostType = { Excel: "Excel", Word: "Word" };

afterEach(() => {
  delete g.Office;
});

describe("hostedInOffice", () => {
  it("reads Office's _host_Info parameter or office.js's remembered hostInfoValue", () => {
    const none = { getItem: () => null };
    expect(hostedInOffice({ search: "?_host_Info=Excel$Win32$16.01$en-US$$$$0", hash: "" }, none)).toBe(true);
    expect(hostedInOffice({ search: "?et=&_host_Info=Excel|Web|16.00|ja-JP|x|", hash: "" }, none)).toBe(true);
    expect(hostedInOffice({ search: "", hash: "" }, { getItem: () => "Excel|Web|16.00|ja-JP" })).toBe(true);
    expect(hostedInOffice({ search: "?file=x.xlsx", hash: "" }, none)).toBe(false);
    expect(hostedInOffice({ search: "", hash: "" }, null)).toBe(false);
  });
});

describe("detectHost", () => {
  it("is standalone when office.js did not load", async () => {
    expect((await detectHost(50, false)).mode).toBe("standalone");
    expect((await detectHost(50, true)).mode).toBe("standalone");
  });

  it("is excel with Office's display language and theme when onReady reports the Excel host", async () => {
    const officeTheme = { bodyBackgroundColor: "#1f1f1f", isDarkTheme: true };
    g.Office = {
      HostType,
      context: { displayLanguage: "en-US", officeTheme },
      onReady: async () => ({ host: "Excel", platform: "PC" }),
    };
    expect(await detectHost(1000, true)).toEqual({ mode: "excel", displayLanguage: "en-US", officeTheme });
  });

  it("is standalone in a plain browser (onReady with no host) or another host", async () => {
    g.Office = { HostType, onReady: async () => ({ host: null, platform: null }) };
    expect((await detectHost(1000, false)).mode).toBe("standalone");
    g.Office = { HostType, onReady: async () => ({ host: "Word", platform: "PC" }) };
    expect((await detectHost(1000, true)).mode).toBe("standalone");
  });

  it("hosted, waits for an onReady slower than the probe; not hosted, stops waiting", async () => {
    const slow = () =>
      new Promise((resolve) => setTimeout(() => resolve({ host: "Excel", platform: "PC" }), 200));
    g.Office = { HostType, onReady: slow };
    expect((await detectHost(20, true)).mode).toBe("excel");
    expect((await detectHost(20, false)).mode).toBe("standalone");
  });
});
