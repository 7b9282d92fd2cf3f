/**
 * CNTECH.SCENARIO.REESTIMATE on a local data source. First on real closes: the source serves the
 * real-data event table's closes (public price files, see docs/scenarios.md) and the fitted levels
 * must equal a least-squares solution worked independently here (normal equations by Cramer's rule).
 * Then on prices built from known levels, which the function must recover.
 * The function module is imported directly (with the CustomFunctions shim) so the data source can
 * be swapped; the bundle test covers registration and the synthetic-data refusal.
 */
import { installCustomFunctionsShim } from "../../src/shim/custom-functions-host";
import { MarketData, getMarketData, setMarketData } from "../../src/data/market-data";
import { MarketDataProvider } from "../../src/data/types";
import { dayFromIso } from "../../src/core/dates";
import { makeSeries } from "../../src/core/series";
import {
  defaultExposure,
  EVENT_ROWS,
  findPreset,
  neutralScenario,
  scenarioReturn,
} from "../../src/core/scenario";
import { scenarioReestimateFn } from "../../src/functions/scenario";
import { expectExcelError } from "../support/functions-bundle";

installCustomFunctionsShim();

// "True" shocks for the 2022-10-07 → 2022-10-10 window, different from the preset's (EC +2, CAP +0.5).
const TRUTH = { ...neutralScenario(), EXPORT_CONTROLS: 1.4, CAPITAL_FLOWS: 1.2 };

/** Closes at the window's start and end for a symbol: real (event table) or built from TRUTH. */
type Closes = (symbol: string) => [number, number];
const fromTruth: Closes = (symbol) => [
  100,
  100 * (1 + scenarioReturn(defaultExposure(symbol)!, TRUTH)),
];
const fromEventTable: Closes = (symbol) => {
  const row = EVENT_ROWS.find((r) => r[0] === "EXPORT_CONTROLS_2022" && r[1] === symbol)!;
  return [row[2], row[3]];
};

function fakeProvider(synthetic: boolean, closes: Closes = fromTruth): MarketDataProvider {
  const d0 = dayFromIso("2022-10-07");
  const d1 = dayFromIso("2022-10-10");
  const provenance = {
    source: "fake",
    asOf: "2022-10-10",
    synthetic,
    delayed: false,
    stale: false,
  };
  return {
    id: synthetic ? "fake-demo" : "fake-real",
    name: "fake",
    local: true,
    async getHistory(symbol) {
      const [start, end] = closes(symbol);
      const series = makeSeries({
        symbol,
        currency: "USD",
        dates: [d0 - 1, d0, d1],
        close: [start * 1.01, start, end],
      });
      return { series, provenance };
    },
    async getQuote() {
      throw new Error("not used");
    },
    async getSymbolInfo() {
      throw new Error("not used");
    },
  };
}

const original = getMarketData();
afterAll(() => setMarketData(original));

test("on the real Oct-2022 closes it returns the least-squares levels, worked by hand", async () => {
  setMarketData(new MarketData(fakeProvider(false, fromEventTable)));
  const out = (await scenarioReestimateFn("EXPORT_CONTROLS_2022")) as [string, number][];
  const get = (id: string) => out.find((r) => r[0] === id)![1];
  // Two-factor normal equations (G + ρI) s = Bᵀr with ρ = 10⁻⁴ × mean diag G, by Cramer's rule.
  const symbols = findPreset("EXPORT_CONTROLS_2022")!.figures!.map((f) => f.symbol);
  const x = symbols.map((s) => defaultExposure(s)!.EXPORT_CONTROLS);
  const y = symbols.map((s) => defaultExposure(s)!.CAPITAL_FLOWS);
  const r = symbols.map((s) => fromEventTable(s)[1] / fromEventTable(s)[0] - 1);
  const dot = (a: number[], b: number[]) => a.reduce((t, v, i) => t + v * b[i], 0);
  const rho = (1e-4 * (dot(x, x) + dot(y, y))) / 2;
  const [a, b, d] = [dot(x, x) + rho, dot(x, y), dot(y, y) + rho];
  const [u, v] = [dot(x, r), dot(y, r)];
  const det = a * d - b * b;
  expect(get("EXPORT_CONTROLS")).toBeCloseTo((u * d - b * v) / det, 6);
  expect(get("CAPITAL_FLOWS")).toBeCloseTo((a * v - b * u) / det, 6);
  // The real falls (SMIC −4.0 %, KWEB −5.3 %, QQQ −1.0 %) read as tighter controls.
  expect(get("EXPORT_CONTROLS")).toBeGreaterThan(0);
  expect(get("TARIFFS")).toBe(0); // not one of the preset's factors: left at 0
});

test("recovers known levels from prices built with them", async () => {
  setMarketData(new MarketData(fakeProvider(false)));
  const out = (await scenarioReestimateFn("EXPORT_CONTROLS_2022")) as [string, number][];
  const get = (id: string) => out.find((r) => r[0] === id)![1];
  // The small ridge (10⁻⁴ × mean diag) biases nearly collinear exposures by ~0.1 %.
  expect(get("EXPORT_CONTROLS")).toBeCloseTo(1.4, 2);
  expect(get("CAPITAL_FLOWS")).toBeCloseTo(1.2, 2);
  expect(get("TARIFFS")).toBe(0); // not one of the preset's factors: left at 0
});

test("refuses synthetic data with #N/A", async () => {
  setMarketData(new MarketData(fakeProvider(true)));
  const e = await expectExcelError(scenarioReestimateFn("EXPORT_CONTROLS_2022"));
  expect(e.code).toBe("#N/A");
  expect(e.message).toMatch(/synthetic/);
});

test("an illustrative preset has no event window: #VALUE!", async () => {
  const e = await expectExcelError(scenarioReestimateFn("TAIWAN_BLOCKADE"));
  expect(e.code).toBe("#VALUE!");
});
