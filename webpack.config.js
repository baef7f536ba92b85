// webpack: the taskpane (React) and the custom functions bundle, served together as one shared runtime, plus the
// manifest and help pages for the URL it is hosted at (`--env base=https://host/path/` or GEC_BASE_URL).
// The taskpane depends on the functions entry: one webpack runtime, and the core both use (src/) is emitted once, in
// functions.js, which stays whole on its own.
const path = require("path");
const fs = require("fs");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const { buildHelpPages, withHelpUrls } = require("./scripts/help-pages");
const { checkBase, renderManifest } = require("./scripts/manifest");
const { installTsRequire } = require("./scripts/require-ts");
const pkg = require("./package.json");

/**
 * The shipped assets made from the project's declarations: functions.json and its Japanese override
 * functions-ja.json from the one function catalog (functions/catalog.ts), each function's helpUrl, the help pages
 * (functions and the rule registry) and manifest.xml for `base`.
 */
class ShipAssetsPlugin {
  constructor(base) {
    this.base = base;
  }
  apply(compiler) {
    const { RawSource } = compiler.webpack.sources;
    compiler.hooks.thisCompilation.tap("ShipAssetsPlugin", (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: "ShipAssetsPlugin", stage: compiler.webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL },
        () => {
          const emit = (name, text) => {
            if (compilation.getAsset(name)) compilation.updateAsset(name, new RawSource(text));
            else compilation.emitAsset(name, new RawSource(text));
          };
          try {
            const read = (file) => fs.readFileSync(path.resolve(__dirname, file), "utf8");
            // The catalog and the rule registry are TypeScript: transpiled on require (no ts-node, no prior tsc).
            installTsRequire();
            const catalog = require("./functions/catalog.ts");
            const metadata = withHelpUrls(catalog.functionsMetadata("en"), this.base);
            const metadataJa = withHelpUrls(catalog.functionsMetadata("ja"), this.base);
            emit("functions.json", JSON.stringify(metadata, null, 2));
            emit("functions-ja.json", JSON.stringify(metadataJa, null, 2));
            const registry = require("./src/checks/registry.ts");
            const pages = buildHelpPages({
              metadata,
              metadataJa,
              rules: registry.listRules(),
              families: registry.RULE_FAMILIES,
              version: pkg.version,
              contact: process.env.GEC_SUPPORT_CONTACT,
            });
            for (const [name, html] of Object.entries(pages)) emit(name, html);
            emit(
              "manifest.xml",
              renderManifest(read("manifest.xml"), { base: this.base, version: pkg.version }),
            );
          } catch (e) {
            compilation.errors.push(new compiler.webpack.WebpackError(String(e.message)));
          }
        },
      );
    });
  }
}

/**
 * The URL dist/web is served from: --env base=…, else GEC_BASE_URL, else the development server
 * (https://localhost:GEC_PORT/). Checked: https, ending in "/". A production build without a base (`npm run build`
 * alone) says loudly that its manifest points at localhost; `npm start` (env.devServer) serves that build itself.
 */
function baseUrl(env, production) {
  const given = env.base || process.env.GEC_BASE_URL;
  if (given) {
    try {
      return checkBase(String(given));
    } catch (e) {
      console.error(`[gec] ${e.message}`); // a message, not webpack-cli's stack trace
      process.exit(2);
    }
  }
  const local = `https://localhost:${Number(process.env.GEC_PORT || 3000)}/`;
  if (production && !env.devServer) {
    const urls = (
      fs.readFileSync(path.resolve(__dirname, "manifest.xml"), "utf8").match(/https:\/\/localhost:3000/g) ??
      []
    ).length;
    console.error(
      [
        "────────────────────────────────────────────────────────────────────────",
        `[gec] 注意: ベース URL の指定がないため、${env.out || "dist/web"}/manifest.xml の URL（${urls} 個）は開発用の ${local} を指します。`,
        "[gec]   配布するビルドには: npm run build -- --env base=https://ホスト/パス/（または GEC_BASE_URL）",
        `[gec] NOTE: no base URL given: ${env.out || "dist/web"}/manifest.xml points its ${urls} URLs at ${local}, for development only.`,
        "[gec]   To build for a host: npm run build -- --env base=https://host/path/ (or GEC_BASE_URL)",
        "────────────────────────────────────────────────────────────────────────",
      ].join("\n"),
    );
  }
  return local;
}

module.exports = (env = {}, options = {}) => {
  const dev = options.mode !== "production";
  const base = baseUrl(env, !dev);
  return {
    mode: dev ? "development" : "production",
    devtool: dev ? "source-map" : false,
    // `npm start`, `npm run build` and the build tests keep their modules in node_modules/.cache/webpack (`--env
    // cache`), so a rebuild compiles only what changed; a fresh clone (npm ci) starts without one
    cache: env.cache
      ? {
          type: "filesystem",
          buildDependencies: { config: [__filename, path.resolve(__dirname, "tsconfig.json")] },
        }
      : false,
    entry: {
      functions: "./functions/index.ts",
      // the pane's modules, its lazy chunks included, reuse what functions.js already holds
      taskpane: { import: "./taskpane/index.tsx", dependOn: "functions" },
    },
    // a module of src/ that two lazily loaded parts of the pane share (the paper and the templates share the sheet
    // looks) goes to a chunk of its own however small, so that the page never holds two copies of it
    optimization: {
      splitChunks: {
        cacheGroups: {
          core: {
            test: /[\\/]src[\\/]/,
            chunks: "async",
            minChunks: 2,
            minSize: 0,
            reuseExistingChunk: true,
          },
        },
      },
    },
    output: {
      path: path.resolve(__dirname, env.out || "dist/web"),
      filename: "[name].js",
      clean: true,
    },
    resolve: {
      extensions: [".ts", ".tsx", ".js"],
      fallback: { fs: false, path: false, stream: false, crypto: false },
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            options: { transpileOnly: true, compilerOptions: { module: "esnext" } },
          },
        },
      ],
    },
    performance: { hints: false },
    plugins: [
      new ShipAssetsPlugin(base),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./taskpane/taskpane.html",
        chunks: ["functions", "taskpane"],
        chunksSortMode: "manual",
      }),
      new CopyWebpackPlugin({ patterns: [{ from: "assets", to: "assets", noErrorOnMissing: true }] }),
    ],
  };
};
