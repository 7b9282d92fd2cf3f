/**
 * The TypeScript rule every webpack build here uses (add-in, CLI, workbench): ts-loader with the
 * project's tsconfig, compiling only the files the bundle reaches. The output is ES modules whatever
 * tsconfig says (jest keeps CommonJS through ts-jest): webpack can only tree-shake import/export, so a
 * CommonJS hand-off would pull all of Fluent UI into the pane bundle.
 * @param {{ tsx?: boolean, transpileOnly?: boolean }} options tsx: also .tsx files; transpileOnly:
 *   skip type checking (the workbench; `npm run typecheck` checks the whole tree)
 */
function tsLoaderRule({ tsx = false, transpileOnly = false } = {}) {
  const compilerOptions = { module: "esnext" };
  return {
    test: tsx ? /\.tsx?$/ : /\.ts$/,
    exclude: /node_modules/,
    use: {
      loader: "ts-loader",
      options: transpileOnly
        ? { configFile: "tsconfig.json", transpileOnly: true, compilerOptions }
        : { configFile: "tsconfig.json", onlyCompileBundledFiles: true, compilerOptions },
    },
  };
}

module.exports = { tsLoaderRule };
