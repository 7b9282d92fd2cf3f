/**
 * Saving a new source drops what the previous one cached - in memory and its own keys in the
 * persistent store, nothing else - and asks Excel to recalculate every formula; "Refresh data" does
 * the same for the source in force. A failed recalculation is reported, not thrown.
 */
import { SettingsService } from "../../src/taskpane/settings/settings-service";
import { MemoryKeyValueStore } from "../../src/taskpane/settings/settings-store";
import { MarketData } from "../../src/data/market-data";
import { MemoryStore } from "../../src/data/cache/persistent-store";
import { createProvider, MarketDataConfig } from "../../src/data/configure";
import { MarketDataProvider } from "../../src/data/types";

const unused = (): Promise<never> => Promise.reject(new Error("not used"));
const keyedProvider = (id: string): MarketDataProvider => ({
  id,
  name: id.toUpperCase(),
  getHistory: unused,
  getQuote: unused,
  getSymbolInfo: unused,
});

async function setup(recalculate: () => Promise<"application-full">) {
  const persistent = new MemoryStore();
  for (const key of [
    "cntech:v1:fmp:AAPL",
    "cntech:v1:fmp:FX:USDHKD",
    "cntech:v1:eodhd:AAPL",
    "cntech:apikey:fmp",
  ])
    await persistent.set(key, "x");
  let current = new MarketData(keyedProvider("fmp"), { store: persistent });
  const configured: MarketDataConfig[] = [];
  const service = new SettingsService({
    store: new MemoryKeyValueStore(),
    configure: (config) => {
      configured.push(config);
      current = new MarketData(createProvider({ provider: "demo" }), { store: persistent });
      return current;
    },
    current: () => current,
    recalculate,
  });
  return { service, configured, persistent, current: () => current };
}

describe("switching source and refreshing", () => {
  it("drops only the previous provider's saved series and recalculates once", async () => {
    let recalcs = 0;
    const { service, persistent } = await setup(async () => {
      recalcs++;
      return "application-full";
    });
    const { refresh } = await service.save({ provider: "demo" });
    expect(refresh).toEqual({ removedSaved: 2, clearError: undefined, method: "application-full" });
    expect(recalcs).toBe(1);
    expect(await persistent.get("cntech:v1:fmp:AAPL")).toBeUndefined();
    expect(await persistent.get("cntech:v1:fmp:FX:USDHKD")).toBeUndefined();
    expect(await persistent.get("cntech:v1:eodhd:AAPL")).toBe("x");
    expect(await persistent.get("cntech:apikey:fmp")).toBe("x");
  });

  it("does not recalculate or clear anything when the new settings are refused", async () => {
    let recalcs = 0;
    const { service, persistent } = await setup(async () => {
      recalcs++;
      return "application-full";
    });
    await expect(service.save({ provider: "eodhd" })).rejects.toThrow(/API key/);
    expect(recalcs).toBe(0);
    expect(await persistent.get("cntech:v1:fmp:AAPL")).toBe("x");
  });

  it("Refresh drops the current source's saved series and reports a failed recalculation", async () => {
    const { service, persistent } = await setup(() =>
      Promise.reject(new Error("Excel is not available"))
    );
    const report = await service.refresh();
    expect(report).toEqual({
      removedSaved: 2,
      clearError: undefined,
      error: "Excel is not available",
    });
    expect(await persistent.get("cntech:v1:eodhd:AAPL")).toBe("x");
  });
});
