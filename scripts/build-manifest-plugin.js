/**
 * Writes dist/build-manifest.json: which JavaScript files each page entry runs at start-up (in load
 * order) and which are lazy chunks fetched later. Bundle names carry content hashes, so anything that
 * loads or measures the bundles (the size check, the cold-start bench) reads the names from here.
 */
const { Compilation, sources } = require("webpack");

const isScript = (file) => file.endsWith(".js");

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
          const lazy = [];
          for (const chunk of compilation.chunks)
            for (const file of chunk.files)
              if (isScript(file) && !startup.has(file)) lazy.push(file);
          const manifest = { entries, lazy: [...new Set(lazy)].sort() };
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
