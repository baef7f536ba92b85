// detectHost: Excel only when Office.onReady reports Excel; standalone without office.js, elsewhere, or on timeout.
import { detectHost } from "../../taskpane/host";

const g = globalThis as { Office?: unknown };
const HostType = { Excel: "Excel", Word: "Word" };

afterEach(() => {
  delete g.Office;
});

describe("detectHost", () => {
  it("is standalone when office.js did not load", async () => {
    expect(await detectHost(50)).toBe("standalone");
  });
  it("is excel when onReady reports the Excel host", async () => {
    g.Office = { HostType, onReady: async () => ({ host: "Excel", platform: "PC" }) };
    expect(await detectHost(1000)).toBe("excel");
  });
  it("is standalone in a plain browser (onReady with no host) or another host", async () => {
    g.Office = { HostType, onReady: async () => ({ host: null, platform: null }) };
    expect(await detectHost(1000)).toBe("standalone");
    g.Office = { HostType, onReady: async () => ({ host: "Word", platform: "PC" }) };
    expect(await detectHost(1000)).toBe("standalone");
  });
  it("is standalone when onReady never resolves", async () => {
    g.Office = { HostType, onReady: () => new Promise(() => undefined) };
    expect(await detectHost(20)).toBe("standalone");
  });
});
