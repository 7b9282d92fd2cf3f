/**
 * Writes dist/build-manifest.json: which JavaScript files each page entry runs at start-up (in load
 * order), which chunks the pane's entry fetches after the page's load for its first paint (the chunk
 * group named "pane": start-up code all the same), and which are lazy chunks fetched on demand.
 * Bundle names carry content hashes, so anything that loads or measures the bundles (the size check,
 * the cold-start bench) reads the names from here.
 */
const { Compilation, WebpackError, sources } = require("webpack");

const isScript = (file) => file.endsWith(".js");

/** The dynamic import() the pane's entry makes for its first paint (webpackChunkName "pane"). */
const FIRST_PAINT_GROUP = "pane";

class BuildManifestPlugin {
  apply(compiler) {
    compiler.hooks.thisCompilation.tap("BuildManifest", (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: "BuildManifest", stage: Compilation.PROCESS_ASSETS_STAGE_REPORT },
        () => {
          const entries = {};
          const startup = new Set();
          for (const [name, entrypoint] of compilation.entrypoints) {
            entries[name] = entrypoint.getFiles().filter(isScript);
            entries[name].forEach((f) => startup.add(f));
          }
          const group = compilation.namedChunkGroups.get(FIRST_PAINT_GROUP);
          // Without it the size check would count the pane's first paint as lazy: fail instead.
          if (!group)
            compilation.errors.push(
              new WebpackError(`BuildManifest: no chunk group named "${FIRST_PAINT_GROUP}"`)
            );
          const paneFirstPaint = group ? group.getFiles().filter(isScript) : [];
          paneFirstPaint.forEach((f) => startup.add(f));
          const lazy = [];
          for (const chunk of compilation.chunks)
            for (const file of chunk.files)
              if (isScript(file) && !startup.has(file)) lazy.push(file);
          const manifest = { entries, paneFirstPaint, lazy: [...new Set(lazy)].sort() };
          compilation.emitAsset(
            "build-manifest.json",
            new sources.RawSource(JSON.stringify(manifest, null, 2) + "\n")
          );
        }
      );
    });
  }
}

module.exports = { BuildManifestPlugin };
