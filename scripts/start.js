// `npm start`: serves the add-in on localhost (https where a trusted development certificate exists or can be
// installed without sudo, http otherwise — and says which), sideloads it into desktop Excel where there is one, and
// records itself for `npm stop`.
"use strict";
const fs = require("fs");
const net = require("net");
const path = require("path");
const { spawnSync } = require("child_process");
const { renderManifest } = require("./manifest");
const { OFFICE_ADDIN_DEBUGGING, STATE_FILE, readState, removeState } = require("./dev-state");

const root = path.resolve(__dirname, "..");
const desktop = process.platform === "win32" || process.platform === "darwin";
const noSideload = process.argv.includes("--no-sideload") || process.env.CI === "true";
const mode = process.env.GEC_MODE === "development" ? "development" : "production";
const DEFAULT_PORT = 3000;
const started = Date.now();

const say = (text) => process.stdout.write(`[gec] ${text}\n`);

/** Whether nothing listens on localhost:port, IPv4 or IPv6 ("localhost" may resolve to either). */
async function portFree(port) {
  const tryListen = (host) =>
    new Promise((resolve) => {
      const probe = net.createServer();
      probe.once("error", (e) => resolve(e.code === "EADDRNOTAVAIL" || e.code === "EAFNOSUPPORT"));
      probe.once("listening", () => probe.close(() => resolve(true)));
      probe.listen(port, host);
    });
  return (await tryListen("127.0.0.1")) && (await tryListen("::1"));
}

/** GEC_PORT when given (an error when taken: a sideloaded manifest names that port); else 3000 or the next free. */
async function choosePort() {
  const given = process.env.GEC_PORT;
  if (given) {
    const port = Number(given);
    if (!Number.isInteger(port) || port < 1 || port > 65535)
      throw new Error(`GEC_PORT=${given} はポート番号ではありません / is not a port number`);
    if (!(await portFree(port)))
      throw new Error(
        `ポート ${port} は使用中です。別の番号を GEC_PORT に指定するか、使用中のプログラム（npm stop）を止めてください。\n` +
          `      Port ${port} is in use: set GEC_PORT to another port, or stop what uses it (npm stop).`,
      );
    return port;
  }
  for (let port = DEFAULT_PORT; port < DEFAULT_PORT + 20; port++) {
    if (await portFree(port)) {
      if (port !== DEFAULT_PORT)
        say(
          `ポート ${DEFAULT_PORT} は使用中のため ${port} を使います / port ${DEFAULT_PORT} is in use, using ${port} ` +
            `(GEC_PORT=${DEFAULT_PORT} npm start で固定 / to insist on a port)`,
        );
      return port;
    }
  }
  throw new Error(
    `ポート ${DEFAULT_PORT}〜${DEFAULT_PORT + 19} がすべて使用中です / ports ${DEFAULT_PORT}–${DEFAULT_PORT + 19} are all in use: set GEC_PORT`,
  );
}

/**
 * https when the Office development certificate is installed and trusted, or can be installed without sudo (the
 * user's own store on Windows and macOS). On Linux installing it needs sudo: never done here; http, and said so.
 */
async function chooseServer() {
  if (process.env.GEC_HTTP === "1") return { scheme: "http", why: "GEC_HTTP=1" };
  let devCerts;
  try {
    devCerts = require("office-addin-dev-certs");
  } catch (e) {
    return { scheme: "http", why: `office-addin-dev-certs: ${e.message}` };
  }
  // the files office-addin-dev-certs keeps in ~/.office-addin-dev-certs
  const files = () => ({
    cert: fs.readFileSync(certPath("localhost.crt")),
    key: fs.readFileSync(certPath("localhost.key")),
    ca: fs.readFileSync(certPath("ca.crt")),
  });
  if (process.env.GEC_HTTP === "0") {
    // https with the certificate files as they are (made when missing, never installed): accept it in the browser
    if (!["localhost.crt", "localhost.key", "ca.crt"].every((f) => fs.existsSync(certPath(f))))
      await devCerts.generateCertificates(
        certPath("ca.crt"),
        certPath("localhost.crt"),
        certPath("localhost.key"),
      );
    return { scheme: "https", options: files(), why: "GEC_HTTP=0 (the certificate may not be trusted)" };
  }
  try {
    if (devCerts.verifyCertificates(certPath("localhost.crt"), certPath("localhost.key")))
      return { scheme: "https", options: files() };
    if (desktop) {
      say(
        "開発用証明書をユーザーの証明書ストアに導入します / installing the development certificate for this user…",
      );
      await devCerts.ensureCertificatesAreInstalled();
      return { scheme: "https", options: files() };
    }
  } catch (e) {
    return { scheme: "http", why: e.message.split("\n")[0] };
  }
  return {
    scheme: "http",
    why:
      "信頼された開発用証明書がありません（Linux での導入には sudo が必要なため自動では行いません）。" +
      "`npx office-addin-dev-certs install` を自分で実行すると次回から https になります。\n" +
      "      no trusted development certificate (installing one on Linux needs sudo, which npm start never runs): " +
      "run `npx office-addin-dev-certs install` yourself and the next npm start serves https",
  };
}

/** office-addin-dev-certs' files (~/.office-addin-dev-certs; GEC_CERT_DIR for the tests). */
function certPath(name) {
  return path.join(
    process.env.GEC_CERT_DIR || path.join(require("os").homedir(), ".office-addin-dev-certs"),
    name,
  );
}

/** The manifest for this port: manifest.xml itself on 3000, else a copy under dist/dev/ with the port's URLs. */
function devManifest(port) {
  if (port === DEFAULT_PORT) return path.join(root, "manifest.xml");
  const file = path.join(root, "dist/dev/manifest.xml");
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const xml = fs.readFileSync(path.join(root, "manifest.xml"), "utf8");
  fs.writeFileSync(
    file,
    renderManifest(xml, { base: `https://localhost:${port}/`, version: require("../package.json").version }),
  );
  return file;
}

function banner({ scheme, why }, port, manifest) {
  const url = `${scheme}://localhost:${port}/`;
  const lines = [
    "────────────────────────────────────────────────────────────────────────",
    ` GEC 様式3-2 ツール / GEC Form 3-2 tool — ${scheme} で配信中 / serving over ${scheme} (${mode} build, ${((Date.now() - started) / 1000).toFixed(1)} s)`,
    ` スタンドアロン (Excel なし) / standalone, no Excel:  ${url}`,
  ];
  if (scheme === "https") {
    lines.push(
      " Excel on the web へのサイドロード / sideload into Excel on the web:",
      "   ホーム > アドイン > 個人用アドイン > マイアドインのアップロード",
      "   Home > Add-ins > More add-ins > My add-ins > Upload My Add-in",
      `   マニフェスト / manifest: ${manifest}`,
    );
    if (why) lines.push(`   ${why}`);
  } else {
    lines.push(
      " http のため Excel には読み込めません（Office は https のみ）。スタンドアロンでは使えます。",
      " Excel cannot load the add-in over http (Office requires https); the standalone page works.",
      `   理由 / why: ${why}`,
    );
  }
  lines.push(
    " 停止 / stop: npm stop (or Ctrl+C)",
    "────────────────────────────────────────────────────────────────────────",
  );
  process.stdout.write(`\n${lines.join("\n")}\n`);
}

function sideload(manifest, port) {
  const result = spawnSync(
    "npx",
    [
      "--yes",
      OFFICE_ADDIN_DEBUGGING,
      "start",
      manifest,
      "desktop",
      "--no-debug",
      "--dev-server-port",
      String(port),
    ],
    { cwd: root, stdio: "inherit", shell: process.platform === "win32" },
  );
  if (result.status === 0) return true;
  say(
    "デスクトップ Excel へのサイドロードに失敗しました / sideloading into desktop Excel failed; see README.",
  );
  return false;
}

async function main() {
  const previous = readState();
  if (previous && isAlive(previous.pid))
    throw new Error(
      `npm start はすでに動いています（pid ${previous.pid}、${previous.url}）。npm stop で止めてください。\n` +
        `      npm start is already running (pid ${previous.pid}, ${previous.url}): npm stop first.`,
    );
  const port = await choosePort();
  const server = await chooseServer();
  const webpack = require("webpack");
  const WebpackDevServer = require("webpack-dev-server");
  process.env.GEC_PORT = String(port); // the manifest the build serves names this port
  const config = require("../webpack.config.js")({ cache: true, devServer: true }, { mode });
  const compiler = webpack(config);
  const dev = new WebpackDevServer(
    {
      port,
      host: "localhost",
      hot: false,
      liveReload: false,
      client: false,
      static: false,
      headers: { "Access-Control-Allow-Origin": "*" },
      server: server.scheme === "https" ? { type: "https", options: server.options } : { type: "http" },
      setupMiddlewares: (middlewares) => {
        // "/" is the pane, as the banner's address promises
        middlewares.unshift({
          name: "gec-root",
          path: "/",
          middleware: (req, res, next) => {
            if (req.url !== "/" && !req.url.startsWith("/?")) return next();
            res.writeHead(302, { Location: `/taskpane.html${req.url.slice(1)}` });
            res.end();
          },
        });
        return middlewares;
      },
    },
    compiler,
  );
  const manifest = devManifest(port);
  const url = `${server.scheme}://localhost:${port}/`;
  let sideloaded = false;
  const writeState = () =>
    fs.writeFileSync(
      STATE_FILE,
      JSON.stringify({ pid: process.pid, port, url, manifest, sideloaded }, null, 2),
    );
  fs.mkdirSync(path.dirname(STATE_FILE), { recursive: true });
  writeState();

  let stopping = false;
  const stop = async (code) => {
    if (stopping) return;
    stopping = true;
    removeState(process.pid);
    await dev.stop().catch(() => undefined);
    // closing the compiler stores its cache (node_modules/.cache/webpack), so the next npm start is quick
    await new Promise((resolve) => compiler.close(resolve));
    process.exit(code);
  };
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) process.on(signal, () => void stop(0));

  let first = true;
  compiler.hooks.done.tap("gec-start", (stats) => {
    if (!first) return;
    first = false;
    if (stats.hasErrors()) {
      process.stdout.write(stats.toString({ all: false, errors: true }) + "\n");
      say("ビルドに失敗しました / the build failed");
      return;
    }
    banner(server, port, manifest);
    if (desktop && !noSideload && server.scheme === "https") {
      sideloaded = sideload(manifest, port);
      writeState();
    }
  });
  await dev.start();
}

function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return e.code === "EPERM";
  }
}

main().catch((e) => {
  process.stderr.write(`[gec] ${e.message}\n`);
  process.exit(1);
});
