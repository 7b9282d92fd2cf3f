/**
 * CNTECH.SCENARIO.REESTIMATE on a fake real-data source: event-window prices are built from known
 * factor levels through the default exposures, and the function must recover those levels.
 * The function module is imported directly (with the CustomFunctions shim) so the data source can
 * be swapped; the bundle test covers registration and the synthetic-data refusal.
 */
import { installCustomFunctionsShim } from "../../src/shim/custom-functions-host";
import { MarketData, getMarketData, setMarketData } from "../../src/data/market-data";
import { MarketDataProvider } from "../../src/data/types";
import { dayFromIso } from "../../src/core/dates";
import { makeSeries } from "../../src/core/series";
import { defaultExposure, neutralScenario, scenarioReturn } from "../../src/core/scenario";
import { scenarioReestimateFn } from "../../src/functions/scenario";
import { expectExcelError } from "../support/functions-bundle";

installCustomFunctionsShim();

// "True" shocks for the 2022-10-07 → 2022-10-10 window, different from the preset's (EC +2, CAP +0.5).
const TRUTH = { ...neutralScenario(), EXPORT_CONTROLS: 1.4, CAPITAL_FLOWS: 1.2 };

function fakeProvider(synthetic: boolean): MarketDataProvider {
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
      const r = scenarioReturn(defaultExposure(symbol)!, TRUTH);
      const series = makeSeries({
        symbol,
        currency: "USD",
        dates: [d0 - 1, d0, d1],
        close: [101, 100, 100 * (1 + r)],
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

test("recovers the event-window levels from real-data returns", async () => {
  setMarketData(new MarketData(fakeProvider(false)));
  const out = (await scenarioReestimateFn("EXPORT_CONTROLS_2022")) as [string, number][];
  const get = (id: string) => out.find((r) => r[0] === id)![1];
  expect(get("EXPORT_CONTROLS")).toBeCloseTo(1.4, 3);
  expect(get("CAPITAL_FLOWS")).toBeCloseTo(1.2, 3);
  expect(get("TARIFFS")).toBe(0); // not one of the preset's factors: left at 0
});

test("refuses synthetic data with #N/A", async () => {
  setMarketData(new MarketData(fakeProvider(true)));
  const e = await expectExcelError(scenarioReestimateFn("EXPORT_CONTROLS_2022"));
  expect(e.code).toBe("#N/A");
  expect(e.message).toMatch(/synthetic/);
});

test("a hypothetical preset has no event window: #VALUE!", async () => {
  const e = await expectExcelError(scenarioReestimateFn("TAIWAN_BLOCKADE"));
  expect(e.code).toBe("#VALUE!");
});
