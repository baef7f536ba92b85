// `npm start` and `npm stop` as a user runs them: the banner says the scheme it serves, "/" is the pane, a taken
// GEC_PORT is a clear error, and `npm stop` ends the server it recorded.
import { spawn, spawnSync } from "child_process";
import type { ChildProcess } from "child_process";
import * as fs from "fs";
import * as http from "http";
import * as https from "https";
import * as net from "net";
import * as os from "os";
import * as path from "path";

const root = path.resolve(__dirname, "../..");
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "gec-start-"));
const env = { ...process.env, GEC_HTTP: "1", CI: "true", GEC_STATE_FILE: path.join(dir, "start.json") };

/** A port nothing listens on, found by the OS. */
function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

function get(url: string): Promise<{ status: number; location?: string }> {
  const client = url.startsWith("https:") ? https : http;
  return new Promise((resolve, reject) =>
    client
      .get(url, { rejectUnauthorized: false }, (res) => {
        res.resume();
        resolve({ status: res.statusCode ?? 0, location: res.headers.location });
      })
      .on("error", reject),
  );
}

/**
 * `npm stop`, without blocking this process: while this process sat in spawnSync, the server it had fetched from
 * did not finish closing, and npm stop waited its full 60 s before SIGKILL (twice per run).
 */
function npmStop(): Promise<{ status: number | null; stdout: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["scripts/stop.js"], { cwd: root, env });
    let stdout = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.on("close", (status) => resolve({ status, stdout }));
  });
}

function exited(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) =>
    child.exitCode !== null ? resolve(child.exitCode) : child.once("exit", (code) => resolve(code)),
  );
}

describe("npm start / npm stop", () => {
  let child: ChildProcess | undefined;
  afterAll(() => {
    if (child && child.exitCode === null) child.kill("SIGKILL");
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("serves over http saying http, redirects / to the pane, and stops by its pid file", async () => {
    const port = await freePort();
    child = spawn(process.execPath, ["scripts/start.js"], {
      cwd: root,
      env: { ...env, GEC_PORT: String(port) },
    });
    let out = "";
    child.stdout!.on("data", (d: Buffer) => (out += d.toString()));
    child.stderr!.on("data", (d: Buffer) => (out += d.toString()));
    await new Promise<void>((resolve, reject) => {
      child!.stdout!.on("data", () => out.includes("npm stop") && resolve());
      child!.once("exit", () => reject(new Error(`npm start exited:\n${out}`)));
    });
    expect(out).toContain(`http://localhost:${port}/`);
    expect(out).toContain("serving over http");
    expect(out).not.toContain("serving over https");
    expect(out).not.toContain(`https://localhost:${port}`);

    const root_ = await get(`http://localhost:${port}/`);
    expect(root_.status).toBe(302);
    expect(root_.location).toBe("/taskpane.html");
    expect((await get(`http://localhost:${port}/taskpane.html`)).status).toBe(200);
    expect((await get(`http://localhost:${port}/help/support.html`)).status).toBe(200);

    // a second npm start says so instead of fighting for the port
    const again = spawnSync(process.execPath, ["scripts/start.js"], { cwd: root, env, encoding: "utf8" });
    expect(again.status).toBe(1);
    expect(again.stderr).toContain("already running");

    const stop = await npmStop();
    expect(stop.status).toBe(0);
    expect(stop.stdout).toContain("stopped");
    await exited(child);
    expect(fs.existsSync(env.GEC_STATE_FILE)).toBe(false);
    await expect(get(`http://localhost:${port}/`)).rejects.toThrow();
  }, 300000);

  it("serves https and says https when told to use the certificate files (GEC_HTTP=0)", async () => {
    const port = await freePort();
    const https_ = spawn(process.execPath, ["scripts/start.js"], {
      cwd: root,
      env: { ...env, GEC_HTTP: "0", GEC_PORT: String(port), GEC_CERT_DIR: path.join(dir, "certs") },
    });
    child = https_;
    let out = "";
    https_.stderr!.on("data", (d: Buffer) => (out += d.toString()));
    await new Promise<void>((resolve, reject) => {
      https_.stdout!.on("data", (d: Buffer) => {
        out += d.toString();
        if (out.includes("npm stop")) resolve();
      });
      https_.once("exit", () => reject(new Error(`npm start exited:\n${out}`)));
    });
    expect(out).toContain("serving over https");
    expect(out).toContain(`https://localhost:${port}/`);
    expect(await get(`https://localhost:${port}/`)).toEqual({ status: 302, location: "/taskpane.html" });
    const stop = await npmStop();
    expect(stop.status).toBe(0);
    await exited(https_);
  }, 300000);

  it("is a clear error, not a stack trace, when GEC_PORT is taken", async () => {
    const port = await freePort();
    const busy = net.createServer().listen(port, "127.0.0.1");
    await new Promise((r) => busy.once("listening", r));
    try {
      const r = spawnSync(process.execPath, ["scripts/start.js"], {
        cwd: root,
        env: { ...env, GEC_PORT: String(port) },
        encoding: "utf8",
      });
      expect(r.status).toBe(1);
      expect(r.stderr).toContain(`Port ${port} is in use`);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    } finally {
      busy.close();
    }
  });
});
