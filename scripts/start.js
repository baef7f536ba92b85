// `npm start`: builds the add-in, serves it on localhost:3000, sideloads into desktop Excel where it exists,
// and otherwise (Linux, CI) prints how to sideload into Excel on the web and the standalone page's URL.
"use strict";
const { spawn, spawnSync } = require("child_process");
const path = require("path");

const root = path.resolve(__dirname, "..");
const port = Number(process.env.GEC_PORT || 3000);
const desktop = process.platform === "win32" || process.platform === "darwin";
const noSideload = process.argv.includes("--no-sideload") || process.env.CI === "true";

function run(cmd, args, opts = {}) {
  return spawn(cmd, args, { cwd: root, stdio: "inherit", shell: process.platform === "win32", ...opts });
}

/** https with the Office development certificate where it can be installed; plain http otherwise (Linux CI). */
async function chooseScheme() {
  if (process.env.GEC_HTTP === "1") return "http";
  try {
    await require("office-addin-dev-certs").getHttpsServerOptions();
    return "https";
  } catch (e) {
    process.stdout.write(
      `[gec] 開発用証明書を導入できません / no dev certificate (${e.message}): serving over http.\n`,
    );
    return "http";
  }
}

let server;
chooseScheme().then((scheme) => {
  server = run(
    process.execPath,
    [require.resolve("webpack-cli/bin/cli.js"), "serve", "--mode", process.env.GEC_MODE || "development"],
    {
      env: { ...process.env, GEC_HTTP: scheme === "http" ? "1" : "0" },
    },
  );
  server.on("exit", (code) => process.exit(code ?? 0));
  setTimeout(() => announce(scheme), 4000);
});

const banner = (scheme) => `
────────────────────────────────────────────────────────────────────────
 GEC 様式3-2 ツール / GEC Form 3-2 tool
 スタンドアロン (Excel なし) / standalone, no Excel:
   ${scheme}://localhost:${port}/taskpane.html
 Excel on the web へのサイドロード / sideload into Excel on the web:
   1. Excel (https://www.office.com) でブックを開く / open a workbook
   2. ホーム > アドイン > 個人用アドイン > マイアドインのアップロード
      Home > Add-ins > More add-ins > My add-ins > Upload My Add-in
   3. ${path.join(root, "manifest.xml")} を選択 / choose this manifest
   (ブラウザーが https://localhost:${port} の証明書を信頼している必要があります /
    the browser must trust the https://localhost:${port} certificate: npx office-addin-dev-certs install)
────────────────────────────────────────────────────────────────────────
`;

function announce(scheme) {
  process.stdout.write(banner(scheme));
  if (desktop && !noSideload) {
    // office-addin-debugging is fetched on demand: it needs native modules that do not build on Linux.
    const result = spawnSync(
      "npx",
      [
        "--yes",
        "office-addin-debugging",
        "start",
        "manifest.xml",
        "desktop",
        "--no-debug",
        "--dev-server-port",
        String(port),
      ],
      {
        cwd: root,
        stdio: "inherit",
        shell: process.platform === "win32",
      },
    );
    if (result.status !== 0)
      process.stdout.write(
        "デスクトップ Excel へのサイドロードに失敗しました / sideloading into desktop Excel failed; see README.\n",
      );
  }
}

for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server && server.kill(signal));
