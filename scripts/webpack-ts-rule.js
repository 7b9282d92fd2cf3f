/**
 * The TypeScript rule every webpack build here uses (add-in, CLI, workbench): ts-loader with the
 * project's tsconfig, compiling only the files the bundle reaches.
 * @param {{ tsx?: boolean, transpileOnly?: boolean }} options tsx: also .tsx files; transpileOnly:
 *   skip type checking (the workbench; `npm run typecheck` checks the whole tree)
 */
function tsLoaderRule({ tsx = false, transpileOnly = false } = {}) {
  return {
    test: tsx ? /\.tsx?$/ : /\.ts$/,
    exclude: /node_modules/,
    use: {
      loader: "ts-loader",
      options: transpileOnly
        ? { configFile: "tsconfig.json", transpileOnly: true }
        : { configFile: "tsconfig.json", onlyCompileBundledFiles: true },
    },
  };
}

module.exports = { tsLoaderRule };
