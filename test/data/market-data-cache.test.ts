import { DayNumber, dayFromIso, isoFromDay } from "../../src/core/dates";
import { indexOnOrBefore, makeSeries } from "../../src/core/series";
import { MemoryStore } from "../../src/data/cache/persistent-store";
import { decodeEntry } from "../../src/data/cache/series-codec";
import { getMarketData, MarketData, setMarketData } from "../../src/data/market-data";
import { ProviderError } from "../../src/data/provider-error";
import {
  HistoryResult,
  MarketDataProvider,
  Quote,
  RequestOptions,
  SymbolInfo,
} from "../../src/data/types";

/** An in-memory provider that records every fetch and answers with weekday closes = 100 + day offset. */
class CountingProvider implements MarketDataProvider {
  readonly id = "counting";
  readonly name = "Counting Provider";
  fetches: Array<{ symbol: string; from: DayNumber; to: DayNumber; signal?: AbortSignal }> = [];
  failWith?: ProviderError;
  delayMs = 5;
  quotePrice = 10;

  async getHistory(
    symbol: string,
    from: DayNumber,
    to: DayNumber,
    options?: RequestOptions
  ): Promise<HistoryResult> {
    this.fetches.push({ symbol, from, to, signal: options?.signal });
    await new Promise<void>((resolve, reject) => {
      const t = setTimeout(resolve, this.delayMs);
      options?.signal?.addEventListener("abort", () => {
        clearTimeout(t);
        reject(new ProviderError(this.name, "cancelled", "aborted"));
      });
    });
    if (this.failWith) throw this.failWith;
    const dates: number[] = [];
    for (let d = from; d <= to; d++) if (((d + 4) % 7) % 6 !== 0) dates.push(d);
    return {
      series: makeSeries({
        symbol,
        currency: "HKD",
        dates,
        close: dates.map((d) => 100 + (d % 50)),
      }),
      provenance: {
        source: this.name,
        asOf: isoFromDay(to),
        synthetic: false,
        delayed: false,
        stale: false,
      },
    };
  }
  async getQuote(symbol: string): Promise<Quote> {
    if (this.failWith) throw this.failWith;
    return {
      symbol,
      price: this.quotePrice,
      currency: "HKD",
      provenance: { source: this.name, asOf: "x", synthetic: false, delayed: true, stale: false },
    };
  }
  async getSymbolInfo(symbol: string): Promise<SymbolInfo> {
    this.fetches.push({ symbol, from: 0, to: 0 });
    return { symbol, name: "X", exchange: "HKEX", currency: "HKD" };
  }
}

const NOW = Date.parse("2026-01-10T08:00:00Z");
const TODAY = Math.floor(NOW / 86400000);
const d = dayFromIso;

function setup(extra: { ttlMs?: number; store?: MemoryStore } = {}) {
  const provider = new CountingProvider();
  const clock = { t: NOW };
  const md = new MarketData(provider, { now: () => clock.t, widenYears: 5, ...extra });
  return { provider, clock, md };
}

describe("coalescing and range widening", () => {
  test("1,000 concurrent calls in every symbol form make one request", async () => {
    const { provider, md } = setup();
    const forms = ["0700.HK", "700.HK", "HKG:0700", "xhkg:0700", "700 HK Equity"];
    const results = await Promise.all(
      Array.from({ length: 1000 }, (_, i) =>
        md.getHistory(forms[i % forms.length], d("2024-01-02") + (i % 300), d("2025-06-30"))
      )
    );
    expect(provider.fetches).toHaveLength(1);
    expect(provider.fetches[0].symbol).toBe("0700.HK");
    expect(new Set(results.map((r) => r.series)).size).toBe(1);
  });

  test("the first fetch is widened so later windows need no request", async () => {
    const { provider, md } = setup();
    await md.getHistory("0700.HK", d("2025-03-03"), d("2025-03-10"));
    const f = provider.fetches[0];
    expect(f.to).toBe(TODAY);
    expect(f.from).toBeLessThanOrEqual(TODAY - 5 * 365);
    for (const [a, b] of [
      ["2021-06-01", "2022-01-01"],
      ["2023-01-02", "2026-01-09"],
      ["2025-12-31", "2026-01-10"],
    ]) {
      await md.getHistory("0700.HK", d(a), d(b));
    }
    expect(provider.fetches).toHaveLength(1);
  });

  test("a window before the widened range makes one more request reaching back far enough", async () => {
    const { provider, md } = setup();
    await md.getHistory("0700.HK", d("2025-03-03"), d("2025-03-10"));
    await Promise.all([
      md.getHistory("0700.HK", d("2015-06-01"), d("2016-01-01")),
      md.getHistory("0700.HK", d("2015-07-01"), d("2015-08-01")),
    ]);
    expect(provider.fetches).toHaveLength(2);
    expect(provider.fetches[1].from).toBeLessThanOrEqual(d("2015-06-01") - 7);
    await md.getHistory("0700.HK", d("2020-01-01"), d("2020-02-01"));
    expect(provider.fetches).toHaveLength(2);
  });

  test("the answer includes the last close on or before the start (a Monday after a long weekend)", async () => {
    const { md } = setup();
    const from = d("2025-01-06"); // Monday; the fake has a close on Friday 2025-01-03
    const { series } = await md.getHistory("0700.HK", from, d("2025-02-01"));
    const i = indexOnOrBefore(series, from - 1);
    expect(isoFromDay(series.dates[i])).toBe("2025-01-03");
  });

  test("distinct symbols are fetched independently", async () => {
    const { provider, md } = setup();
    await Promise.all(
      ["0700.HK", "9988.HK", "QQQ"].map((s) => md.getHistory(s, d("2025-01-02"), d("2025-02-01")))
    );
    expect(provider.fetches.map((f) => f.symbol).sort()).toEqual(["0700.HK", "9988.HK", "QQQ"]);
  });
});

describe("expiry, stale answers and failures", () => {
  test("clearCache makes the next call refetch", async () => {
    const { provider, md } = setup();
    await md.getHistory("0700.HK", d("2025-01-02"), d("2025-02-01"));
    await md.clearCache();
    await md.getHistory("0700.HK", d("2025-01-02"), d("2025-02-01"));
    expect(provider.fetches).toHaveLength(2);
  });

  test("after the TTL the series is refetched; within it, not", async () => {
    const { provider, clock, md } = setup({ ttlMs: 60000 });
    await md.getHistory("0700.HK", d("2025-01-02"), d("2025-02-01"));
    clock.t += 30000;
    await md.getHistory("0700.HK", d("2025-01-02"), d("2025-02-01"));
    expect(provider.fetches).toHaveLength(1);
    clock.t += 60000;
    await md.getHistory("0700.HK", d("2025-01-02"), d("2025-02-01"));
    expect(provider.fetches).toHaveLength(2);
  });

  test("a failed refresh serves the old series marked stale; a definite unknown symbol does not", async () => {
    const { provider, clock, md } = setup({ ttlMs: 1000 });
    const fresh = await md.getHistory("0700.HK", d("2025-01-02"), d("2025-02-01"));
    clock.t += 5000;
    provider.failWith = new ProviderError(
      "Counting Provider",
      "network",
      "could not reach the server"
    );
    const stale = await md.getHistory("0700.HK", d("2025-01-02"), d("2025-02-01"));
    expect(stale.series).toBe(fresh.series);
    expect(stale.provenance.stale).toBe(true);
    expect(fresh.provenance.stale).toBe(false);
    provider.failWith = new ProviderError("Counting Provider", "unknown-symbol", "delisted");
    await expect(md.getHistory("0700.HK", d("2025-01-02"), d("2025-02-01"))).rejects.toMatchObject({
      reason: "unknown-symbol",
    });
  });

  test("nothing cached: the failure propagates as #N/A kind and the next success is fresh", async () => {
    const { provider, md } = setup();
    provider.failWith = new ProviderError("Counting Provider", "timeout", "timed out after 15 s");
    await expect(md.getHistory("0700.HK", d("2025-01-02"), d("2025-02-01"))).rejects.toMatchObject({
      kind: "na",
      message: "Counting Provider: timed out after 15 s",
    });
    provider.failWith = undefined;
    const ok = await md.getHistory("0700.HK", d("2025-01-02"), d("2025-02-01"));
    expect(ok.provenance.stale).toBe(false);
    expect(provider.fetches).toHaveLength(2);
  });

  test("bad arguments are #VALUE! before any request", async () => {
    const { provider, md } = setup();
    await expect(
      md.getHistory("not a ticker", d("2025-01-02"), d("2025-02-01"))
    ).rejects.toMatchObject({ kind: "value" });
    await expect(md.getHistory("0700.HK", d("2025-02-02"), d("2025-01-01"))).rejects.toMatchObject({
      kind: "value",
    });
    expect(provider.fetches).toHaveLength(0);
  });
});

describe("cancellation", () => {
  test("one caller cancelling does not cancel the shared request for the others", async () => {
    const { provider, md } = setup();
    provider.delayMs = 50;
    const controller = new AbortController();
    const a = md.getHistory("0700.HK", d("2025-01-02"), d("2025-02-01"), {
      signal: controller.signal,
    });
    const b = md.getHistory("0700.HK", d("2025-01-02"), d("2025-02-01"));
    controller.abort();
    await expect(a).rejects.toMatchObject({ reason: "cancelled" });
    await expect(b).resolves.toHaveProperty("series");
    expect(provider.fetches[0].signal!.aborted).toBe(false);
  });

  test("when every caller cancels, the request itself is aborted and nothing is cached", async () => {
    const { provider, md } = setup();
    provider.delayMs = 50;
    const c1 = new AbortController();
    const c2 = new AbortController();
    const a = md.getHistory("0700.HK", d("2025-01-02"), d("2025-02-01"), { signal: c1.signal });
    const b = md.getHistory("0700.HK", d("2025-01-02"), d("2025-02-01"), { signal: c2.signal });
    c1.abort();
    c2.abort();
    await expect(a).rejects.toMatchObject({ reason: "cancelled" });
    await expect(b).rejects.toMatchObject({ reason: "cancelled" });
    expect(provider.fetches[0].signal!.aborted).toBe(true);
    provider.delayMs = 1;
    await md.getHistory("0700.HK", d("2025-01-02"), d("2025-02-01"));
    expect(provider.fetches).toHaveLength(2);
  });
});

describe("persistent tier", () => {
  test("a second service (a restart) answers from the store without a request", async () => {
    const store = new MemoryStore();
    const first = setup({ store });
    const r1 = await first.md.getHistory("0700.HK", d("2025-01-02"), d("2025-02-01"));
    await new Promise((r) => setTimeout(r, 0));
    const second = setup({ store });
    const r2 = await second.md.getHistory("0700.HK", d("2025-01-02"), d("2025-02-01"));
    expect(second.provider.fetches).toHaveLength(0);
    expect(Array.from(r2.series.dates)).toEqual(Array.from(r1.series.dates));
    expect(Array.from(r2.series.close)).toEqual(Array.from(r1.series.close));
  });

  test("clearCache removes the saved copies too: a restart refetches; other keys in the store stay", async () => {
    const store = new MemoryStore();
    await store.set("cntech:apikey:eodhd", "the-user's-key");
    const first = setup({ store });
    await first.md.getHistory("0700.HK", d("2025-01-02"), d("2025-02-01"));
    await first.md.getHistory("9988.HK", d("2025-01-02"), d("2025-02-01"));
    await new Promise((r) => setTimeout(r, 0)); // saves are fire-and-forget
    expect(await first.md.clearCache()).toBe(2);
    expect(first.md.cachedSeriesCount).toBe(0);
    const second = setup({ store });
    await second.md.getHistory("0700.HK", d("2025-01-02"), d("2025-02-01"));
    expect(second.provider.fetches).toHaveLength(1);
    expect(await store.get("cntech:apikey:eodhd")).toBe("the-user's-key");
  });

  test("a corrupt stored entry is a miss, not a crash", async () => {
    expect(decodeEntry("{not json")).toBeUndefined();
    expect(
      decodeEntry(
        JSON.stringify({
          v: 1,
          dates: [5, -1],
          close: [1, 2],
          coverFrom: 0,
          coverTo: 1,
          fetchedAtMs: 0,
        })
      )
    ).toBeUndefined();
    const store = new MemoryStore();
    await store.set("cntech:v1:counting:0700.HK", "garbage");
    const { provider, md } = setup({ store });
    await md.getHistory("0700.HK", d("2025-01-02"), d("2025-02-01"));
    expect(provider.fetches).toHaveLength(1);
  });

  test("keys are never persisted: stored entries hold data and provenance only", async () => {
    const store = new MemoryStore();
    const { md } = setup({ store });
    await md.getHistory("0700.HK", d("2025-01-02"), d("2025-02-01"));
    await new Promise((r) => setTimeout(r, 0));
    const text = (await store.get("cntech:v1:counting:0700.HK"))!;
    const allowed = [
      "v",
      "symbol",
      "currency",
      "dates",
      "close",
      "adjClose",
      "dividends",
      "coverFrom",
      "coverTo",
      "fetchedAtMs",
      "provenance",
    ];
    for (const k of Object.keys(JSON.parse(text))) expect(allowed).toContain(k);
    expect(text).not.toMatch(/apikey|api_token/i);
  });
});

describe("quotes, symbol info, provenance, the shared slot", () => {
  test("quotes are cached briefly and served stale after a failure", async () => {
    const { provider, clock, md } = setup();
    expect((await md.getQuote("700.hk")).price).toBe(10);
    provider.quotePrice = 11;
    expect((await md.getQuote("0700.HK")).price).toBe(10);
    clock.t += 20000;
    expect((await md.getQuote("0700.HK")).price).toBe(11);
    clock.t += 20000;
    provider.failWith = new ProviderError("Counting Provider", "network", "down");
    const q = await md.getQuote("0700.HK");
    expect(q.price).toBe(11);
    expect(q.provenance.stale).toBe(true);
  });

  test("symbol info is fetched once per symbol", async () => {
    const { provider, md } = setup();
    await md.getSymbolInfo("700.HK");
    await md.getSymbolInfo("HKG:0700");
    expect(provider.fetches).toHaveLength(1);
  });

  test("getProvenance reports the cached series' source and flags", async () => {
    const { md } = setup();
    await md.getHistory("0700.HK", d("2025-01-02"), d("2025-02-01"));
    const p = await md.getProvenance("700.HK");
    expect(p).toMatchObject({ source: "Counting Provider", synthetic: false, stale: false });
    expect(p.fetchedAt).toBe(new Date(NOW).toISOString());
  });

  test("the service lives in a globalThis slot shared by separately loaded module copies", () => {
    const { md } = setup();
    setMarketData(md);
    expect((globalThis as Record<string, unknown>).__cntechMarketData).toBe(md);
    jest.isolateModules(() => {
      const copy =
        require("../../src/data/market-data") as typeof import("../../src/data/market-data");
      expect(copy.getMarketData()).toBe(md);
    });
    expect(getMarketData()).toBe(md);
    delete (globalThis as Record<string, unknown>).__cntechMarketData;
    expect(getMarketData().providerName).toBe("demo (synthetic)");
  });
});

test("a narrower fetch finishing after a wider one does not shrink the cached range", async () => {
  const { provider, md } = setup();
  provider.delayMs = 60;
  const narrow = md.getHistory("0700.HK", d("2025-01-02"), d("2025-02-01"));
  await new Promise((r) => setTimeout(r, 5));
  provider.delayMs = 5;
  const wide = md.getHistory("0700.HK", d("2012-01-02"), d("2012-02-01"));
  await Promise.all([narrow, wide]);
  expect(provider.fetches).toHaveLength(2);
  await md.getHistory("0700.HK", d("2012-03-01"), d("2012-04-01"));
  expect(provider.fetches).toHaveLength(2);
});
