// `webpack --mode production --env base=https://example.org/gec/` (what `npm run build -- --env base=…` runs for
// the web): the manifest for that host, helpUrls into the built help pages, and the pages in offline Chromium.
// The build is test/build/globalSetup.js's, shared with the other build suites.
import { execFileSync, spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import type { BrowserContext } from "playwright-core";
import { CHROMIUM, launchOffline } from "../../scripts/chromium";
import { serveDir } from "../e2e/harness";
import type { StaticServer } from "../e2e/harness";
import { listRules } from "../../src/checks/registry";
import { BASE, sharedBuild } from "./sharedBuild";

const root = path.resolve(__dirname, "../..");
const pkg = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8")) as { version: string };
const sourceManifest = fs.readFileSync(path.join(root, "manifest.xml"), "utf8");

interface FunctionMeta {
  id: string;
  name: string;
  helpUrl?: string;
}

let out = "";
let xml = "";
const readJson = (name: string) =>
  JSON.parse(fs.readFileSync(path.join(out, name), "utf8")) as { functions: FunctionMeta[] };

/** The file under `out` a URL under BASE names. */
const fileOf = (url: string) => path.join(out, decodeURI(url.slice(BASE.length)));

beforeAll(() => {
  out = sharedBuild().web;
  xml = fs.readFileSync(path.join(out, "manifest.xml"), "utf8");
});

describe("the production manifest for https://example.org/gec/", () => {
  it("has no localhost and every URL under the base, each naming a built file", () => {
    expect(xml).not.toMatch(/localhost/i);
    const urls = [...xml.matchAll(/(?:DefaultValue|Value)="(https?:[^"]+)"/g)].map((m) => m[1]);
    expect(urls.length).toBeGreaterThan(10);
    for (const url of urls) {
      expect(url.startsWith(BASE)).toBe(true);
      expect(fs.existsSync(fileOf(url))).toBe(true);
    }
    expect([...xml.matchAll(/<AppDomain>([^<]*)<\/AppDomain>/g)].map((m) => m[1])).toEqual([
      "https://example.org",
    ]);
  });

  it("keeps the add-in's id, takes its version from package.json, and points SupportUrl at the support page", () => {
    const id = (s: string) => /<Id>([^<]+)<\/Id>/.exec(s)?.[1];
    expect(id(xml)).toBe(id(sourceManifest));
    const [major, minor, patch] = pkg.version.split(".");
    expect(/<Version>([^<]+)<\/Version>/.exec(xml)?.[1]).toBe(`${major}.${minor}.${patch}.0`);
    expect(/<SupportUrl DefaultValue="([^"]+)"/.exec(xml)?.[1]).toBe(`${BASE}help/support.html`);
  });

  it("keeps the GEC namespace, the shared runtime and the Japanese/English metadata", () => {
    expect(xml).toMatch(/<bt:String id="Functions.Namespace" DefaultValue="GEC"\/>/);
    expect(xml).toMatch(/<Runtime resid="Taskpane.Url" lifetime="long"\/>/);
    expect(xml).toMatch(/<Set Name="SharedRuntime" MinVersion="1.1"\/>/);
    expect(xml).toContain(
      `<bt:Url id="Functions.Metadata.Url" DefaultValue="${BASE}functions-ja.json">\n          <bt:Override Locale="en-US" Value="${BASE}functions.json"/>`,
    );
    expect(xml).toMatch(/<DefaultLocale>ja-JP<\/DefaultLocale>/);
    expect(xml).toMatch(/<DisplayName DefaultValue="[^"]*様式3-2[^"]*">\s*<Override Locale="en-US"/);
  });
});

describe("npm run build", () => {
  /** What webpack.config.js prints on stderr for `env` in production mode. */
  const configSays = (env: Record<string, unknown>) =>
    spawnSync(
      process.execPath,
      ["-e", `require("./webpack.config.js")(${JSON.stringify(env)}, { mode: "production" })`],
      { cwd: root, encoding: "utf8", env: { ...process.env, GEC_BASE_URL: "" } },
    ).stderr;

  it("without a base URL says loudly, in both languages, that the manifest points at localhost", () => {
    const localhost = (sourceManifest.match(/https:\/\/localhost:3000/g) ?? []).length;
    expect(localhost).toBeGreaterThan(10);
    const said = configSays({});
    expect(said).toContain(`URL（${localhost} 個）は開発用の https://localhost:3000/ を指します`);
    expect(said).toContain(`points its ${localhost} URLs at https://localhost:3000/, for development only`);
    expect(said).toContain("npm run build -- --env base=https://host/path/");
  });

  it("says nothing of it with a base URL, nor for npm start's own server", () => {
    expect(configSays({ base: BASE })).toBe("");
    expect(configSays({ devServer: true })).toBe("");
  });

  it("never loads office-addin-dev-certs (which may run sudo to install a certificate)", () => {
    const loaded = execFileSync(
      process.execPath,
      [
        "-e",
        'require("./webpack.config.js")({}, { mode: "production" });' +
          'process.stdout.write(String(Object.keys(require.cache).some((k) => k.includes("office-addin-dev-certs"))))',
      ],
      { cwd: root, encoding: "utf8" },
    );
    expect(loaded).toBe("false");
  });
});

describe("helpUrl of every function", () => {
  it("is set in functions.json and functions-ja.json alike, under base/help/, naming a built page", () => {
    const en = readJson("functions.json").functions;
    const ja = readJson("functions-ja.json").functions;
    expect(ja.map((f) => [f.id, f.helpUrl])).toEqual(en.map((f) => [f.id, f.helpUrl]));
    for (const f of en) {
      expect(f.helpUrl?.startsWith(`${BASE}help/`)).toBe(true);
      const page = fs.readFileSync(fileOf(f.helpUrl!), "utf8");
      expect(page).toContain(`GEC.${f.name}`);
    }
  });
});

const haveChromium = fs.existsSync(CHROMIUM);
if (!haveChromium && process.env.CI === "true") throw new Error(`${CHROMIUM} is required in CI`);
const maybe = haveChromium ? describe : describe.skip;

maybe("the help pages in offline Chromium", () => {
  let server: StaticServer;
  let context: BrowserContext;

  beforeAll(async () => {
    server = await serveDir(out);
    context = await launchOffline(path.join(out, ".profile"));
  }, 60000);

  afterAll(async () => {
    await context?.close();
    await server?.close();
  });

  it("index, support, every function's helpUrl and every rule's page load with nothing fetched from elsewhere", async () => {
    const page = await context.newPage();
    const failed: string[] = [];
    page.on("requestfailed", (r) => failed.push(r.url()));
    const visit = async (url: string) => {
      const response = await page.goto(url);
      expect(response?.status()).toBe(200);
      return (await page.locator("h1").textContent()) ?? "";
    };

    expect(await visit(`${server.url}/help/index.html`)).toContain("ヘルプ");
    const links = await page
      .locator("main a")
      .evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
    const rules = listRules();
    const functions = readJson("functions.json").functions;
    expect(links.length).toBe(functions.length + rules.length);

    for (const f of functions) {
      expect(await visit(f.helpUrl!.replace(BASE, `${server.url}/`))).toBe(`GEC.${f.name}`);
    }
    const ruleTitles = new Set<string>();
    for (const link of links.filter((l) => l.includes("/help/rules/"))) ruleTitles.add(await visit(link));
    expect([...ruleTitles].sort()).toEqual(rules.map((r) => r.id).sort());

    expect(await visit(`${server.url}/help/support.html`)).toContain("サポート");
    expect(await page.locator('a[href="index.html"]').count()).toBeGreaterThan(0);
    expect(failed).toEqual([]);
  }, 180000);
});
