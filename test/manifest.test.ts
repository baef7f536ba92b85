// Offline invariants of manifest.xml, the development manifest (test/build/production.test.ts: a host's manifest).
import * as fs from "fs";
import * as path from "path";

const xml = fs.readFileSync(path.join(__dirname, "..", "manifest.xml"), "utf8");
const pkg = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "package.json"), "utf8")) as {
  version: string;
};

describe("manifest.xml", () => {
  it("is a task pane add-in for Excel with a GUID id and a 4-part version matching package.json", () => {
    expect(xml).toMatch(/xsi:type="TaskPaneApp"/);
    expect(xml).toMatch(/<Host Name="Workbook"\/>/);
    expect(xml).toMatch(/<Id>[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}<\/Id>/);
    const version = /<Version>(\d+\.\d+\.\d+\.\d+)<\/Version>/.exec(xml)?.[1];
    expect(version).toBe(`${pkg.version}.0`);
  });

  it("uses a long-lived shared runtime for the taskpane and the functions", () => {
    expect(xml).toMatch(/<Runtime resid="Taskpane.Url" lifetime="long"\/>/);
    expect(xml).toMatch(/<Set Name="SharedRuntime" MinVersion="1.1"\/>/);
    const page =
      /<ExtensionPoint xsi:type="CustomFunctions">[\s\S]*?<Page>\s*<SourceLocation resid="([^"]+)"/.exec(xml);
    expect(page?.[1]).toBe("Taskpane.Url");
  });

  it("declares the GEC namespace and Japanese/English function metadata", () => {
    expect(xml).toMatch(/<bt:String id="Functions.Namespace" DefaultValue="GEC"\/>/);
    expect(xml).toMatch(
      /id="Functions.Metadata.Url" DefaultValue="https:\/\/localhost:3000\/functions-ja.json"/,
    );
    expect(xml).toMatch(/<bt:Override Locale="en-US" Value="https:\/\/localhost:3000\/functions.json"\/>/);
  });

  it("is Japanese by default with English overrides", () => {
    expect(xml).toMatch(/<DefaultLocale>ja-JP<\/DefaultLocale>/);
    expect(xml).toMatch(/<DisplayName DefaultValue="[^"]*様式3-2[^"]*">\s*<Override Locale="en-US"/);
  });

  it("points every resource id it uses at a defined https://localhost:3000 URL", () => {
    const defined = new Set([...xml.matchAll(/<bt:(?:Url|Image|String) id="([^"]+)"/g)].map((m) => m[1]));
    const used = [...xml.matchAll(/resid="([^"]+)"/g)].map((m) => m[1]);
    for (const id of used) expect(defined).toContain(id);
    for (const m of xml.matchAll(/(?:DefaultValue|Value)="(https?:[^"]+)"/g)) {
      expect(m[1]).toMatch(/^https:\/\/localhost:3000\//);
    }
  });

  it("points SupportUrl at the support page the build writes, not at the pane", () => {
    expect(/<SupportUrl DefaultValue="([^"]+)"/.exec(xml)?.[1]).toBe(
      "https://localhost:3000/help/support.html",
    );
  });

  it("references only assets that exist", () => {
    for (const m of xml.matchAll(/https:\/\/localhost:3000\/assets\/([^"]+)"/g)) {
      expect(fs.existsSync(path.join(__dirname, "..", "assets", m[1]))).toBe(true);
    }
  });
});
