// The web build's chunks (test/build/globalSetup.js's production build): the core both entries use is emitted once,
// in functions.js, which the pane's page loads before taskpane.js (one webpack runtime, one copy of each registry).
import * as fs from "fs";
import * as path from "path";
import { sharedBuild } from "./sharedBuild";

interface Chunk {
  id: string | number;
  names: string[];
  files: string[];
  initial: boolean;
  runtime: string[];
  modules: string[];
}

let chunks: Chunk[] = [];
let web = "";

beforeAll(() => {
  const build = sharedBuild();
  web = build.web;
  // the page's chunks, all under the functions entry's runtime; a Web Worker has a runtime (and a core) of its own
  chunks = (JSON.parse(fs.readFileSync(build.chunks, "utf8")) as { chunks: Chunk[] }).chunks.filter((c) =>
    c.runtime.includes("functions"),
  );
});

const holding = (module: string) => chunks.filter((c) => c.modules.includes(module));

describe("the core of src/", () => {
  it("is in exactly one chunk of the page, each of its modules", () => {
    const src = new Set(chunks.flatMap((c) => c.modules.filter((m) => m.startsWith("src/"))));
    expect(src.size).toBeGreaterThan(30);
    const twice = [...src].filter((m) => holding(m).length !== 1);
    expect(twice).toEqual([]);
  });

  it("used by both entries (functions/catalog.ts and the pane's engine import these) is in the functions chunk", () => {
    // functions/catalog.ts imports src/methodology and src/steam; taskpane/engineApi.ts imports src/engine and
    // src/methodology lazily, and the engine reads numbers through src/numbers
    for (const shared of [
      "src/methodology/index.ts",
      "src/steam/index.ts",
      "src/numbers/decimal.ts",
      "src/errors.ts",
    ]) {
      expect(holding(shared).map((c) => c.names)).toEqual([["functions"]]);
    }
  });

  it("is loaded by the page before the pane: functions.js, then taskpane.js", () => {
    const html = fs.readFileSync(path.join(web, "taskpane.html"), "utf8");
    const scripts = [...html.matchAll(/<script[^>]*\ssrc="?([^"\s>]+)"?/g)]
      .map((m) => m[1])
      .filter((s) => !/^https?:/.test(s));
    expect(scripts).toEqual(["functions.js", "taskpane.js"]);
  });
});
