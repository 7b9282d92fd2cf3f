import { getPresetBasket } from "../../src/data/baskets";
import { findPreset, presetLevels } from "../../src/core/scenario";
import {
  computeScenarioView,
  formatLevel,
  formatLoss,
  formatPct,
  PANE_MC,
} from "../../src/taskpane/scenario/view-model";

describe("Scenario tab view model", () => {
  const levels = presetLevels(findPreset("LIBERATION_DAY_2025")!);
  const view = computeScenarioView("HSTECH", levels);

  test("one bar per constituent; the basket is their equal-weighted mean; spread = basket − ^XNDX", () => {
    expect(view.rows.map((r) => r.symbol)).toEqual(
      getPresetBasket("HSTECH")!.constituents.map((c) => c.symbol)
    );
    const mean = view.rows.reduce((s, r) => s + r.ret, 0) / view.rows.length;
    expect(view.basket).toBeCloseTo(mean, 12);
    expect(view.spread).toBeCloseTo(view.basket - view.benchmarkReturn, 12);
    expect(view.benchmark).toBe("^XNDX");
  });

  test("histogram holds every path; percentiles bracket the mean; VaR is the loss at the 5th pct", () => {
    expect(view.histogram.counts.reduce((a, b) => a + b, 0)).toBe(PANE_MC.paths);
    expect(view.mc.p05).toBeLessThan(view.mc.mean);
    expect(view.mc.mean).toBeLessThan(view.mc.p95);
    expect(view.mc.valueAtRisk).toBeCloseTo(-view.mc.p05, 12);
    expect(view.mc.expectedShortfall).toBeGreaterThan(view.mc.valueAtRisk);
  });

  test("idiosyncratic vols from history widen or narrow the spread distribution", () => {
    const symbols = getPresetBasket("HSTECH")!.constituents.map((c) => c.symbol);
    const calm = new Map([...symbols, "^XNDX"].map((s) => [s, 0.05]));
    const wild = new Map([...symbols, "^XNDX"].map((s) => [s, 0.9]));
    const a = computeScenarioView("HSTECH", levels, undefined, calm);
    const b = computeScenarioView("HSTECH", levels, undefined, wild);
    expect(b.mc.p95 - b.mc.p05).toBeGreaterThan(a.mc.p95 - a.mc.p05);
    expect(a.spread).toBe(b.spread); // the linear scenario does not depend on noise
  });

  test("an override table missing the basket's symbols is an error, not zeros", () => {
    const table = new Map([["^XNDX", { ...levels }]]);
    expect(() => computeScenarioView("HSTECH", levels, table)).toThrow(
      /not in the exposures table/
    );
  });

  test("formatting: true minus signs, unsigned losses", () => {
    expect(formatPct(-0.0398)).toBe("−3.98 %");
    expect(formatPct(0.25, 1)).toBe("+25.0 %");
    expect(formatPct(0)).toBe("0.00 %");
    expect(formatLoss(0.085)).toBe("8.50 %");
    expect(formatLoss(-0.01)).toBe("1.00 % gain");
    expect(formatLevel(2)).toBe("+2");
    expect(formatLevel(-0.25)).toBe("−0.25");
    expect(formatLevel(0)).toBe("0");
  });
});
