// webpack: the taskpane (React) and the custom functions bundle, served together as one shared runtime.
const path = require("path");
const fs = require("fs");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const { execFileSync } = require("child_process");

const port = Number(process.env.GEC_PORT || 3000);

/**
 * The custom functions' metadata, functions.json and its Japanese override functions-ja.json, from the one declared
 * list (functions/catalog.ts) as tsc compiles it to dist/; compiled here first when dist/ is missing or older.
 */
function loadCatalog() {
  const compiled = path.resolve(__dirname, "dist/functions/catalog.js");
  // the catalog's texts come from functions/ and from the quantities declared in src/
  const newest = ["functions", "src/methodology", "src/formula"]
    .flatMap((dir) =>
      fs.readdirSync(path.resolve(__dirname, dir)).map((f) => path.resolve(__dirname, dir, f)),
    )
    .reduce((t, f) => Math.max(t, fs.statSync(f).mtimeMs), 0);
  const stale = !fs.existsSync(compiled) || fs.statSync(compiled).mtimeMs < newest;
  if (stale)
    execFileSync(process.execPath, [require.resolve("typescript/bin/tsc"), "-p", "tsconfig.build.json"]);
  return require(compiled);
}

class FunctionsMetadataPlugin {
  apply(compiler) {
    compiler.hooks.thisCompilation.tap("FunctionsMetadataPlugin", (compilation) => {
      compilation.hooks.processAssets.tap(
        {
          name: "FunctionsMetadataPlugin",
          stage: compiler.webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL,
        },
        () => {
          const { functionsMetadata } = loadCatalog();
          for (const [file, lang] of [
            ["functions.json", "en"],
            ["functions-ja.json", "ja"],
          ]) {
            const json = JSON.stringify(functionsMetadata(lang), null, 2);
            compilation.emitAsset(file, new compiler.webpack.sources.RawSource(json));
          }
        },
      );
    });
  }
}

module.exports = async (env, options) => {
  const dev = options.mode !== "production";
  const config = {
    devtool: dev ? "source-map" : false,
    entry: {
      functions: "./functions/index.ts",
      taskpane: "./taskpane/index.tsx",
    },
    output: {
      path: path.resolve(__dirname, "dist/web"),
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
      new FunctionsMetadataPlugin(),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./taskpane/taskpane.html",
        chunks: ["functions", "taskpane"],
        chunksSortMode: "manual",
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets", to: "assets", noErrorOnMissing: true },
          { from: "manifest.xml", to: "manifest.xml" },
        ],
      }),
    ],
    devServer: {
      static: { directory: path.resolve(__dirname, "dist/web") },
      headers: { "Access-Control-Allow-Origin": "*" },
      port,
      host: "localhost",
      hot: false,
      liveReload: false,
      client: false,
      server: await serverOptions(),
    },
  };
  return config;
};

/** HTTPS with the Office dev certificates where they can be had (Excel needs https); plain http otherwise. */
async function serverOptions() {
  if (process.env.GEC_HTTP === "1") return { type: "http" };
  if (process.env.GEC_HTTP === "0")
    return { type: "https", options: await require("office-addin-dev-certs").getHttpsServerOptions() };
  try {
    const devCerts = require("office-addin-dev-certs");
    return { type: "https", options: await devCerts.getHttpsServerOptions() };
  } catch (e) {
    console.warn(`[gec] HTTPS certificates unavailable (${e.message}); serving over http.`);
    return { type: "http" };
  }
}
