// Helpers for the browser tests: build dist/ when stale, serve it on 127.0.0.1, run the CLI, save screenshots.
import { execSync, spawnSync } from "child_process";
import * as fs from "fs";
import * as http from "http";
import type { AddressInfo } from "net";
import * as path from "path";
import type { Page } from "playwright-core";
import { buildCliIfStale } from "../fixtures/builtCli";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json",
  ".xml": "application/xml",
  ".png": "image/png",
  ".css": "text/css",
};

function newestMtime(dir: string): number {
  if (!fs.existsSync(dir)) return 0;
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : fs.statSync(p).mtimeMs);
  }
  return newest;
}

/**
 * Runs `build` under a lock in dist/: jest runs the browser suites in parallel workers, and two webpack builds
 * cleaning dist/web at once would serve one of them a half-written page. A lock older than 10 min is stale.
 */
function withBuildLock(root: string, build: () => void): void {
  const lock = path.join(root, "dist/.e2e-build-lock");
  fs.mkdirSync(path.dirname(lock), { recursive: true });
  const deadline = Date.now() + 10 * 60_000;
  for (;;) {
    try {
      fs.mkdirSync(lock);
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
      if (Date.now() - fs.statSync(lock).mtimeMs > 10 * 60_000)
        fs.rmSync(lock, { recursive: true, force: true });
      if (Date.now() > deadline) throw new Error(`${lock} held for 10 minutes`);
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 250);
    }
  }
  try {
    build();
  } finally {
    fs.rmSync(lock, { recursive: true, force: true });
  }
}

/** Runs the production build when dist/web/taskpane.html is missing or older than the sources. */
export function buildIfStale(root: string): void {
  const out = path.join(root, "dist/web/taskpane.html");
  // webpack leaves an unchanged asset's file (and mtime) alone, so the newest file of dist/web dates the build.
  const stale = () => {
    const built = fs.existsSync(out) ? newestMtime(path.dirname(out)) : 0;
    const sources = Math.max(
      ...["taskpane", "src", "io", "functions", "scripts"].map((d) => newestMtime(path.join(root, d))),
      ...["webpack.config.js", "manifest.xml"].map((f) => fs.statSync(path.join(root, f)).mtimeMs),
    );
    return built < sources;
  };
  if (!stale()) return;
  withBuildLock(root, () => {
    if (!stale()) return; // another worker built it while this one waited
    execSync("npx webpack --mode production --env cache", {
      cwd: root,
      stdio: "pipe",
      env: { ...process.env, GEC_BASE_URL: "" }, // the development manifest, whatever the shell has set
    });
    const now = new Date();
    fs.utimesSync(out, now, now); // built now, even where no output changed (a comment-only edit)
  });
}

/** Builds the CLI (tsc's dist/ and the bundle bin/gec.js runs) when it is missing or older than its sources. */
export function buildNodeIfStale(root: string): void {
  buildCliIfStale(root);
}

/** `node bin/gec.js ARGS` as a user runs it: exit code and output. */
export function gecCli(root: string, args: string[]): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [path.join(root, "bin/gec.js"), ...args], {
    cwd: root,
    encoding: "utf8",
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

export interface StaticServer {
  url: string;
  close(): Promise<void>;
}

/** A static file server for `dir` on 127.0.0.1 at a random port. */
export function serveDir(dir: string): Promise<StaticServer> {
  const server = http.createServer((req, res) => {
    const urlPath = decodeURIComponent((req.url ?? "/").split("?")[0]);
    const file = path.join(dir, path.normalize(urlPath).replace(/^([/\\])+/, ""));
    if (!file.startsWith(dir) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { "content-type": TYPES[path.extname(file)] ?? "application/octet-stream" });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        url: `http://127.0.0.1:${port}`,
        close: () => new Promise<void>((done) => server.close(() => done())),
      });
    }),
  );
}

/** Saves a full-page screenshot under test/e2e/screenshots/ (git-ignored). */
export async function shot(page: Page, root: string, name: string): Promise<void> {
  const dir = path.join(root, "test/e2e/screenshots");
  fs.mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: path.join(dir, name), fullPage: true });
}
