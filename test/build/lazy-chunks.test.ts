/**
 * The scenario model is not in functions.js: the built bundle fetches it as a chunk on the first
 * CNTECH.SCENARIO.* call (functions.js registers every formula without it). Needs `npm run build`.
 */
import * as fs from "fs";
import * as path from "path";
import { DIST, loadFunctionsBundle } from "../support/functions-bundle";

const manifest = () =>
  JSON.parse(fs.readFileSync(path.join(DIST, "build-manifest.json"), "utf8")) as {
    lazy: string[];
  };

test("functions.js carries no scenario preset; a lazy chunk does", () => {
  const functionsJs = fs.readFileSync(path.join(DIST, "functions.js"), "utf8");
  // A preset id from the scenario model's tables (src/core/scenario).
  expect(functionsJs).not.toContain("LIBERATION_DAY_2025");
  const lazyWithPresets = manifest().lazy.filter((f) =>
    fs.readFileSync(path.join(DIST, f), "utf8").includes("LIBERATION_DAY_2025")
  );
  expect(lazyWithPresets.length).toBeGreaterThan(0);
});

test("the first SCENARIO call fetches the scenario chunks, once; other formulas fetch nothing", async () => {
  const bundle = loadFunctionsBundle();
  expect(bundle.shim.registry.has("SCENARIO.PRESET")).toBe(true);
  expect(typeof (await bundle.call("RETURN", "0700.HK", "2025-01-02", "2025-06-30"))).toBe(
    "number"
  );
  expect(bundle.loadedChunks).toEqual([]);

  const presets = (await bundle.call("SCENARIO.PRESET")) as string[][];
  expect(presets.map((p) => p[0])).toContain("LIBERATION_DAY_2025");
  const loaded = [...bundle.loadedChunks];
  expect(loaded.some((f) => /^scenario-formulas\.[0-9a-f]{8}\.js$/.test(f))).toBe(true);
  expect(loaded.every((f) => manifest().lazy.includes(f))).toBe(true);

  await bundle.call("SCENARIO.PRESET", "LIBERATION_DAY_2025");
  expect(bundle.loadedChunks).toEqual(loaded);
});
