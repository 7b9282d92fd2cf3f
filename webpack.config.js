/* eslint-disable no-undef */
const fs = require("fs");
const path = require("path");
const devCerts = require("office-addin-dev-certs");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const { Compilation, sources, optimize } = require("webpack");
const { parseSiteUrl, toProductionFunctionsJson } = require("./scripts/make-prod-manifest");
const { tsLoaderRule } = require("./scripts/webpack-ts-rule");
const { BuildManifestPlugin } = require("./scripts/build-manifest-plugin");

const urlDev = "https://localhost:3000/";
// Site the production build's dist/manifest.xml points at (as in the yo office template); for a real
// deployment set CNTECH_PROD_URL, or write one with `npm run manifest:prod -- <url>` after the build.
const urlProd = process.env.CNTECH_PROD_URL || "https://www.contoso.com/";
const officeJsCdn = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";

/** Every module under src/functions that declares @customfunction feeds functions.json. */
function functionSources() {
  const dir = path.resolve(__dirname, "src/functions");
  return fs
    .readdirSync(dir)
    .filter(
      (f) =>
        f.endsWith(".ts") && fs.readFileSync(path.join(dir, f), "utf8").includes("@customfunction")
    )
    .map((f) => path.join("src/functions", f))
    .sort();
}

/** The `cntech` command-line build: the same function modules, bundled for Node (see src/cli/main.ts). */
function cliConfig(dev) {
  return {
    name: "cli",
    dependencies: ["addin"], // runs after the add-in build, whose output.clean empties dist/
    target: "node20",
    mode: dev ? "development" : "production",
    devtool: false,
    entry: { cli: "./src/cli/main.ts" },
    output: { path: path.resolve(__dirname, "dist"), filename: "[name].js", clean: false },
    node: { __dirname: false, __filename: false },
    resolve: { extensions: [".ts", ".js"] },
    module: {
      rules: [tsLoaderRule()],
    },
    // Appends the same CustomFunctions.associate calls as in the add-in bundle (and writes the same
    // dist/functions.json, which the CLI reads for its help).
    plugins: [
      new CustomFunctionsMetadataPlugin({ output: "functions.json", input: functionSources() }),
      ...(dev ? [] : [new ProductionHelpUrlsPlugin()]),
      // One file for bin/cntech.js: the add-in's lazy chunks (HTTP providers) are inlined here.
      new optimize.LimitChunkCountPlugin({ maxChunks: 1 }),
    ],
    performance: { hints: false },
  };
}

/** In a production build, functions.json's helpUrl links go to the production site, as the manifest's URLs do. */
class ProductionHelpUrlsPlugin {
  apply(compiler) {
    compiler.hooks.thisCompilation.tap("ProductionHelpUrls", (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: "ProductionHelpUrls", stage: Compilation.PROCESS_ASSETS_STAGE_OPTIMIZE },
        () => {
          const asset = compilation.getAsset("functions.json");
          if (!asset) return;
          const text = toProductionFunctionsJson(
            asset.source.source().toString(),
            parseSiteUrl(urlProd)
          );
          compilation.updateAsset("functions.json", new sources.RawSource(text));
        }
      );
    });
  }
}

async function getHttpsOptions() {
  const httpsOptions = await devCerts.getHttpsServerOptions();
  return { ca: httpsOptions.ca, key: httpsOptions.key, cert: httpsOptions.cert };
}

const hashed = "[name].[contenthash:8].js";

module.exports = async (env, options) => {
  const dev = options.mode === "development";
  const serving = process.argv.includes("serve");
  const addin = {
    name: "addin",
    // Production maps are written for debugging but not referenced from the bundles, so users never
    // download them (docs/architecture.md).
    devtool: dev ? "source-map" : "hidden-source-map",
    entry: {
      // The pane builds on functions.js (loaded first on the same page): modules both use ship once.
      taskpane: { import: "./src/taskpane/index.ts", dependOn: "functions" },
      functions: "./src/functions/index.ts",
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      clean: true,
      // Content-hashed names can be cached for good. functions.js keeps its name: the manifest's
      // CustomFunctions <Script> URL names it, and a manifest is redeployed far less often.
      filename: (data) => (dev || data.chunk.name === "functions" ? "[name].js" : hashed),
      chunkFilename: dev ? "[name].js" : hashed,
      // Lazy chunks load relative to the page (taskpane.html sits beside them). Not "auto": that
      // looks for a document when functions.js starts, and the functions must also run without one.
      publicPath: "",
      // The chunk registry hangs off globalThis, not self: functions.js carries the runtime and also
      // runs where there is no self (Node realms in the benches and tests).
      globalObject: "globalThis",
    },
    resolve: { extensions: [".ts", ".tsx", ".js", ".jsx"] },
    module: {
      rules: [
        tsLoaderRule({ tsx: true }),
        {
          test: /\.(png|jpg|jpeg|gif|ico)$/,
          type: "asset/resource",
          generator: { filename: "assets/[name][ext][query]" },
        },
      ],
    },
    plugins: [
      new CustomFunctionsMetadataPlugin({ output: "functions.json", input: functionSources() }),
      ...(dev ? [] : [new ProductionHelpUrlsPlugin()]),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        // Shared runtime: one page hosts the pane and the custom functions. Functions first, so
        // formulas register before the pane's code is parsed (both scripts are deferred: in order).
        chunks: ["functions", "taskpane"],
        chunksSortMode: "manual",
        officeJs: officeJsCdn,
      }),
      new BuildManifestPlugin(),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*", to: "assets/[name][ext][query]" },
          // The functions' helpUrl links point into the README's function reference.
          { from: "README.md", to: "README.md" },
          {
            from: "manifest*.xml",
            to: "[name]" + "[ext]",
            transform(content) {
              if (dev) return content;
              // URLs take the site's path; the AppDomain (an origin, no trailing slash) its origin.
              return content
                .toString()
                .replace(new RegExp(urlDev, "g"), urlProd)
                .replace(new RegExp(urlDev.slice(0, -1), "g"), new URL(urlProd).origin);
            },
          },
        ],
      }),
    ],
    performance: { hints: false },
    devServer: serving
      ? {
          static: { directory: path.join(__dirname, "dist"), publicPath: "/public" },
          headers: { "Access-Control-Allow-Origin": "*" },
          server: {
            type: "https",
            options:
              env.WEBPACK_BUILD || options.https !== undefined
                ? options.https
                : await getHttpsOptions(),
          },
          port: process.env.npm_package_config_dev_server_port || 3000,
        }
      : undefined,
  };
  return serving ? addin : [addin, cliConfig(dev)];
};
