import { PRESET_BASKETS, DEFAULT_BENCHMARK } from "../../src/data/baskets";
import { normalizeSymbol } from "../../src/data/symbols";
import {
  blendExposures,
  defaultExposure,
  defaultIdioVol,
  SEGMENTS,
  SYMBOL_SEGMENTS,
} from "../../src/core/scenario";

describe("default exposures", () => {
  test("every preset basket constituent and the default benchmark has a default exposure", () => {
    const missing: string[] = [];
    for (const b of Object.values(PRESET_BASKETS))
      for (const c of b.constituents) if (!defaultExposure(c.symbol)) missing.push(c.symbol);
    expect(missing).toEqual([]);
    expect(defaultExposure(DEFAULT_BENCHMARK)).toBeDefined();
  });

  test("map keys are already in the data layer's canonical symbol form", () => {
    for (const key of Object.keys(SYMBOL_SEGMENTS)) expect(normalizeSymbol(key)).toBe(key);
  });

  test("a blend is the weight-normalised average of its segments (hand example)", () => {
    // 1:3 of FOUNDRY and NASDAQ on TARIFFS: 0.25×F + 0.75×N.
    const b = blendExposures({ FOUNDRY: 1, NASDAQ: 3 });
    const f = SEGMENTS.FOUNDRY.exposures.TARIFFS;
    const n = SEGMENTS.NASDAQ.exposures.TARIFFS;
    expect(b.TARIFFS).toBeCloseTo(0.25 * f + 0.75 * n, 12);
  });

  test("China tech is more tariff- and policy-sensitive than the Nasdaq (documented rationale)", () => {
    const hk = defaultExposure("HSTECH")!;
    const nq = defaultExposure("^NDX")!;
    expect(hk.TARIFFS).toBeLessThan(nq.TARIFFS);
    expect(hk.POLICY_SUPPORT).toBeGreaterThan(nq.POLICY_SUPPORT);
    expect(defaultExposure("0981.HK")!.EXPORT_CONTROLS).toBeLessThan(hk.EXPORT_CONTROLS);
  });

  test("idiosyncratic vols are positive and the unmapped fallback is 35 %", () => {
    expect(defaultIdioVol("0981.HK")).toBeGreaterThan(0);
    expect(defaultIdioVol("UNKNOWN")).toBe(0.35);
  });
});
