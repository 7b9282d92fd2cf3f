/**
 * Settings: the proxy base URL (https only, kept with the key in the settings store, used by both
 * HTTP providers) and Test connection on the form's unsaved values, saying what it asked of whom -
 * and, for files, speaking of files.
 */
import { SettingsService } from "../../src/taskpane/settings/settings-service";
import { MemoryKeyValueStore } from "../../src/taskpane/settings/settings-store";
import { parseProxyBaseUrl } from "../../src/data/http/proxy-url";
import { createProvider, MarketDataConfig } from "../../src/data/configure";
import { MarketData } from "../../src/data/market-data";
import { FmpProvider } from "../../src/data/http/fmp-provider";
import { EodhdProvider } from "../../src/data/http/eodhd-provider";
import { LazyHttpProvider } from "../../src/data/http/lazy-http-provider";
import { ProviderError } from "../../src/data/provider-error";
import { makeSeries } from "../../src/core/series";
import { dayFromIso } from "../../src/core/dates";
import { MarketDataProvider } from "../../src/data/types";

describe("proxy base URL", () => {
  it("accepts https base addresses and trims trailing slashes", () => {
    expect(parseProxyBaseUrl("  https://gw.example.com/fmp/ ")).toBe("https://gw.example.com/fmp");
    expect(parseProxyBaseUrl("https://gw.example.com")).toBe("https://gw.example.com");
    expect(parseProxyBaseUrl("")).toBeUndefined();
    expect(parseProxyBaseUrl(undefined)).toBeUndefined();
  });

  it.each([
    ["http://gw.example.com", /must start with https:\/\//],
    ["http://127.0.0.1:8080", /must start with https:\/\//],
    ["ftp://gw.example.com", /must start with https:\/\//],
    ["gw.example.com", /is not a URL/],
    ["https://user:secret@gw.example.com", /user name or password/],
    ["https://gw.example.com/?apikey=abc", /after \? or #/],
  ])("refuses %s", (text, message) => {
    expect(() => parseProxyBaseUrl(text)).toThrow(message);
  });

  it("is the base URL of both HTTP providers", async () => {
    for (const provider of ["fmp", "eodhd"] as const) {
      const lazy = createProvider({ provider, proxyBaseUrl: "https://gw.example.com/md" });
      const p = (await (lazy as LazyHttpProvider).load()) as FmpProvider | EodhdProvider;
      expect(p.lane.baseUrl).toBe("https://gw.example.com/md");
    }
  });
});

const fixedSeries = (closes: number[], firstIso: string) => {
  const d0 = dayFromIso(firstIso);
  return makeSeries({
    symbol: "^NDX",
    currency: "USD",
    dates: closes.map((_, i) => d0 + i),
    close: closes,
  });
};

function setup(answer: () => Promise<ReturnType<typeof fixedSeries>>) {
  const store = new MemoryKeyValueStore();
  const configured: MarketDataConfig[] = [];
  const probed: MarketDataConfig[] = [];
  const fake: MarketDataProvider = {
    id: "fmp",
    name: "Financial Modeling Prep",
    local: true,
    getHistory: async () => ({
      series: await answer(),
      provenance: {
        source: "Financial Modeling Prep",
        asOf: "2025-06-27",
        synthetic: false,
        delayed: false,
        stale: false,
      },
    }),
    getQuote: () => Promise.reject(new Error("unused")),
    getSymbolInfo: () => Promise.reject(new Error("unused")),
  };
  let current = new MarketData(createProvider({ provider: "demo" }));
  const service = new SettingsService({
    store,
    configure: (c) => {
      configured.push(c);
      current = new MarketData(createProvider({ provider: "demo" }));
      return current;
    },
    current: () => current,
    today: () => dayFromIso("2025-06-30"),
    recalculate: async () => "application-full",
    probe: (c) => {
      probed.push(c);
      return new MarketData(fake);
    },
  });
  return { store, configured, probed, service };
}

describe("saving the proxy URL", () => {
  it("keeps it in the settings store per provider, never in the saved settings, and applies it", async () => {
    const { store, configured, service } = setup(async () => fixedSeries([1], "2025-06-27"));
    await service.save({ provider: "fmp", proxyBaseUrl: "https://gw.example.com/fmp/" });
    expect(configured).toEqual([
      expect.objectContaining({ provider: "fmp", proxyBaseUrl: "https://gw.example.com/fmp" }),
    ]);
    expect(await store.getItem("cntech:proxyurl:fmp")).toBe("https://gw.example.com/fmp");
    expect(await store.getItem("cntech:settings:v1")).toBe('{"provider":"fmp"}');
    expect(await service.proxyUrl("fmp")).toBe("https://gw.example.com/fmp");
    expect(await service.proxyUrl("eodhd")).toBe("");
    // Emptying the field removes it.
    await service.save({ provider: "fmp", key: "k-123456789", proxyBaseUrl: "" });
    expect(await store.getItem("cntech:proxyurl:fmp")).toBeNull();
  });

  it("refuses a plain-http proxy and changes nothing", async () => {
    const { store, configured, service } = setup(async () => fixedSeries([1], "2025-06-27"));
    await expect(
      service.save({ provider: "eodhd", proxyBaseUrl: "http://gw.example.com" })
    ).rejects.toThrow(
      "The proxy URL must start with https:// (plain http would expose the data), then save."
    );
    expect(configured).toEqual([]);
    expect(await store.getItem("cntech:settings:v1")).toBeNull();
  });

  it("is re-applied at start-up with the saved key", async () => {
    const { store, configured, service } = setup(async () => fixedSeries([1], "2025-06-27"));
    await service.save({
      provider: "eodhd",
      key: "k-123456789",
      proxyBaseUrl: "https://gw.example.com",
    });
    configured.length = 0;
    expect(await service.restore()).toEqual({ provider: "eodhd" });
    expect(configured).toEqual([
      expect.objectContaining({
        provider: "eodhd",
        apiKey: "k-123456789",
        proxyBaseUrl: "https://gw.example.com",
      }),
    ]);
    expect(await store.getItem("cntech:apikey:eodhd")).toBe("k-123456789");
  });
});

describe("Test connection", () => {
  it("uses the form's unsaved values and says whom it asked for what", async () => {
    const { store, probed, configured, service } = setup(async () =>
      fixedSeries([100, 101, 102], "2025-06-25")
    );
    const r = await service.testConnection({
      provider: "fmp",
      key: "typed-not-saved",
      proxyBaseUrl: "https://gw.example.com",
    });
    expect(probed).toEqual([
      expect.objectContaining({
        provider: "fmp",
        apiKey: "typed-not-saved",
        proxyBaseUrl: "https://gw.example.com",
      }),
    ]);
    expect(r).toEqual({
      ok: true,
      message:
        "Connected: asked Financial Modeling Prep through the proxy https://gw.example.com for the daily history of ^NDX from 2025-06-16 to 2025-06-30; 3 closes came back, the last on 2025-06-27.",
    });
    // Nothing saved, nothing applied.
    expect(configured).toEqual([]);
    expect(await store.getItem("cntech:apikey:fmp")).toBeNull();
  });

  it("names the provider once when it fails, and what to check", async () => {
    const { service } = setup(() =>
      Promise.reject(new ProviderError("Financial Modeling Prep", "auth", "rejected the API key"))
    );
    const r = await service.testConnection({ provider: "fmp", key: "bad-key-0000" });
    expect(r.ok).toBe(false);
    expect(r.message).toBe(
      "Asked Financial Modeling Prep for the daily history of ^NDX from 2025-06-16 to 2025-06-30; it failed: Financial Modeling Prep: rejected the API key. Check the API key and your network, then test again."
    );
  });

  it("asks for what is missing before testing", async () => {
    const { probed, service } = setup(async () => fixedSeries([1], "2025-06-27"));
    expect(await service.testConnection({ provider: "eodhd" })).toEqual({
      ok: false,
      message: "Enter an API key for this provider (or a proxy URL that adds it), then test again.",
    });
    expect(await service.testConnection({ provider: "csv" })).toEqual({
      ok: false,
      message: "Choose one or more CSV files, then test again.",
    });
    expect(probed).toEqual([]);
  });

  it("speaks of files for CSV, once, without API keys or networks", async () => {
    const { service } = setup(async () => fixedSeries([1], "2025-06-27"));
    const ok = await service.testConnection({
      provider: "csv",
      csvFiles: [{ name: "NVDA.csv", text: "Date,Close\n2025-03-03,10\n2025-03-04,11\n" }],
    });
    expect(ok).toEqual({
      ok: true,
      message:
        "Read 1 file(s) (NVDA.csv): 1 symbol(s) (NVDA); NVDA has 2 closes from 2025-03-03 to 2025-03-04.",
    });
    const bad = await service.testConnection({
      provider: "csv",
      csvFiles: [{ name: "notes.csv", text: "Name,Colour\nkiwi,green\n" }],
    });
    expect(bad.ok).toBe(false);
    expect(bad.message).toMatch(
      /^No prices could be read from notes\.csv\. Each file needs a Date column/
    );
    for (const r of [ok, bad])
      expect(r.message).not.toMatch(/API key|network|CSV files.*CSV files/);
  });
});
