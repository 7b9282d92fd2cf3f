/* eslint-disable no-undef */
/**
 * The workbench host bundle (issue 9): the grid, the calculation engine (fast-formula-parser), the
 * CustomFunctions shim and the in-memory Excel. The add-in itself is NOT rebuilt here: the workbench
 * page loads the same dist/functions.js and dist/taskpane.js that webpack.config.js builds for Excel.
 * Output goes to dist-workbench/ because the add-in build cleans dist/.
 */
const path = require("path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const { tsLoaderRule } = require("./scripts/webpack-ts-rule");

module.exports = {
  name: "workbench",
  mode: "development",
  devtool: "source-map",
  target: "web",
  entry: { workbench: "./src/workbench/boot.ts" },
  // Always written, so its date tells scripts/workbench.js when it was last built.
  output: {
    path: path.resolve(__dirname, "dist-workbench"),
    filename: "[name].js",
    clean: true,
    compareBeforeEmit: false,
  },
  resolve: { extensions: [".ts", ".tsx", ".js"] },
  module: {
    rules: [tsLoaderRule({ tsx: true, transpileOnly: true })],
  },
  plugins: [
    new CopyWebpackPlugin({
      patterns: [
        { from: "src/workbench/page/workbench.html", to: "index.html" },
        { from: "src/workbench/page/workbench.css", to: "workbench.css" },
      ],
    }),
  ],
  performance: { hints: false },
};
