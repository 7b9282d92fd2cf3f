/** The one place that words the data source: "synthetic" exactly when the data is the demo's. */
import {
  DEMO_SOURCE_NAME,
  basketRowLabel,
  isSyntheticSource,
  paneSubtitle,
  sourceBadge,
  sourceNote,
  syntheticLine,
} from "../../src/data/source-labels";
import { createProvider } from "../../src/data/configure";

describe("source wording", () => {
  const demo = createProvider({ provider: "demo" }).name;
  const fmp = createProvider({ provider: "fmp", apiKey: "k" }).name;

  it("knows the demo provider by the name it reports", () => {
    expect(demo).toBe(DEMO_SOURCE_NAME);
    expect(isSyntheticSource(demo)).toBe(true);
    expect(isSyntheticSource(fmp)).toBe(false);
  });

  it.each([paneSubtitle, sourceNote, sourceBadge])("%p says synthetic only for demo data", (f) => {
    expect(f(demo)).toMatch(/synthetic/i);
    expect(f(fmp)).not.toMatch(/synthetic|demo/i);
    expect(f(fmp)).toContain("Financial Modeling Prep");
  });

  it("labels the header block's Synthetic line", () => {
    expect(syntheticLine(true)).toMatch(/^YES/);
    expect(syntheticLine(false)).toMatch(/^no/);
  });

  it.each([
    ["HSTECH", "HSTECH (basket)"],
    ["Trio", "Trio (basket)"],
    ["Custom basket", "Custom basket"],
    ["My Basket of chips", "My Basket of chips"],
    ["Basketball names", "Basketball names (basket)"],
  ])("a basket row for %s reads %s", (label, expected) => {
    expect(basketRowLabel(label)).toBe(expected);
  });
});
