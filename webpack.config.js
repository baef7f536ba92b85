// webpack: the taskpane (React) and the custom functions bundle, served together as one shared runtime.
const path = require("path");
const fs = require("fs");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const { localizeMetadata } = require("./scripts/localize-metadata");

const functionFiles = ["./functions/steam.ts", "./functions/methodology.ts"];
const port = Number(process.env.GEC_PORT || 3000);

/** Emits functions-ja.json beside the generated functions.json (Japanese descriptions, same ids). */
class JapaneseMetadataPlugin {
  apply(compiler) {
    compiler.hooks.thisCompilation.tap("JapaneseMetadataPlugin", (compilation) => {
      compilation.hooks.processAssets.tap(
        {
          name: "JapaneseMetadataPlugin",
          stage: compiler.webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL,
        },
        () => {
          const asset = compilation.getAsset("functions.json");
          if (!asset) return;
          const ja = JSON.parse(
            fs.readFileSync(path.resolve(__dirname, "functions/descriptions.ja.json"), "utf8"),
          );
          try {
            const localized = localizeMetadata(JSON.parse(asset.source.source().toString()), ja);
            compilation.emitAsset(
              "functions-ja.json",
              new compiler.webpack.sources.RawSource(JSON.stringify(localized, null, 2)),
            );
          } catch (e) {
            compilation.errors.push(new compiler.webpack.WebpackError(String(e.message)));
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
      new CustomFunctionsMetadataPlugin({ output: "functions.json", input: functionFiles }),
      new JapaneseMetadataPlugin(),
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
