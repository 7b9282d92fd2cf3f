import { dayFromIso } from "../../src/core/dates";
import { windowReturn } from "../../src/core/returns";
import { EodhdProvider } from "../../src/data/http/eodhd-provider";
import { FmpProvider } from "../../src/data/http/fmp-provider";
import { MarketData } from "../../src/data/market-data";
import {
  FakeServer,
  fakeAdjClose,
  fakeClose,
  startFakeProviderServer,
} from "../fake-server/fake-provider-server";

const KEY = "sk-TEST-777";
const NOW = Date.parse("2026-01-10T08:00:00Z");
let server: FakeServer;
beforeAll(async () => {
  server = await startFakeProviderServer({ validKey: KEY });
});
afterAll(() => server.close());
beforeEach(() => {
  server.faults.clear();
  server.requests.length = 0;
});

/** Independent oracle: the fake server's own closes, last on or before each date. */
function oracle(symbol: string, from: number, to: number, adjusted: boolean): number {
  const at = (day: number): number => {
    for (let x = day; x > day - 10; x--) {
      const c = fakeClose(symbol, x);
      if (Number.isFinite(c)) return adjusted ? fakeAdjClose(symbol, x) : c;
    }
    return NaN;
  };
  return at(to) / at(from) - 1;
}

test("a storm of 2,000 calls over 20 symbols makes one request per series and returns the right numbers", async () => {
  const provider = new EodhdProvider({ apiKey: KEY, baseUrl: server.url, maxConcurrent: 4 });
  const md = new MarketData(provider, { now: () => NOW });
  const symbols = Array.from(
    { length: 20 },
    (_, i) => `${String(100 + i * 37).padStart(4, "0")}.HK`
  );
  const calls = Array.from({ length: 2000 }, (_, i) => {
    const from = dayFromIso("2019-01-02") + ((i * 7919) % 2000);
    return { symbol: symbols[i % 20], from, to: from + 1 + ((i * 104729) % 600) };
  });
  const got = await Promise.all(
    calls.map(async (c) =>
      windowReturn((await md.getHistory(c.symbol, c.from, c.to)).series, c.from, c.to, "total")
    )
  );
  expect(server.requests).toHaveLength(20);
  expect(provider.lane.requestCount).toBe(20);
  calls.forEach((c, i) => expect(got[i]).toBeCloseTo(oracle(c.symbol, c.from, c.to, true), 12));
});

test("FMP merges close and adjusted close by date; price and total returns differ", async () => {
  const md = new MarketData(new FmpProvider({ apiKey: KEY, baseUrl: server.url }), {
    now: () => NOW,
  });
  const from = dayFromIso("2024-01-02");
  const to = dayFromIso("2025-01-02");
  const { series } = await md.getHistory("XSHG:600519", from, to);
  expect(server.requests.map((r) => r.split("?")[0]).sort()).toEqual([
    "/stable/historical-price-eod/dividend-adjusted",
    "/stable/historical-price-eod/full",
  ]);
  expect(server.requests[0]).toContain("symbol=600519.SS");
  expect(windowReturn(series, from, to, "price")).toBeCloseTo(
    oracle("600519.SS", from, to, false),
    12
  );
  expect(windowReturn(series, from, to, "total")).toBeCloseTo(
    oracle("600519.SS", from, to, true),
    12
  );
  expect(series.currency).toBe("CNY");
});

test("EODHD is asked in its own symbol forms", async () => {
  const md = new MarketData(new EodhdProvider({ apiKey: KEY, baseUrl: server.url }), {
    now: () => NOW,
  });
  await md.getHistory("600519.SS", dayFromIso("2024-01-02"), dayFromIso("2024-02-01"));
  await md.getHistory("XSHE:000001", dayFromIso("2024-01-02"), dayFromIso("2024-02-01"));
  await md.getHistory("^NDX", dayFromIso("2024-01-02"), dayFromIso("2024-02-01"));
  await md.getHistory("nvda", dayFromIso("2024-01-02"), dayFromIso("2024-02-01"));
  expect(server.requests).toEqual([
    "/api/eod/600519.SHG",
    "/api/eod/000001.SHE",
    "/api/eod/NDX.INDX",
    "/api/eod/NVDA.US",
  ]);
});

test.each([
  ["FMP", "USDHKD", () => new FmpProvider({ apiKey: KEY, baseUrl: server.url })],
  ["EODHD", "USDHKD.FOREX", () => new EodhdProvider({ apiKey: KEY, baseUrl: server.url })],
])(
  "%s: quotes are marked delayed; symbol info; FX through USD (%s)",
  async (_name, wirePair, make) => {
    const md = new MarketData(make(), { now: () => NOW });
    const q = await md.getQuote("0700.HK");
    expect(q.price).toBeGreaterThan(0);
    expect(q.provenance).toMatchObject({ delayed: true, synthetic: false, stale: false });
    const info = await md.getSymbolInfo("0700.HK");
    expect(info).toMatchObject({ symbol: "0700.HK", name: "Fake 0700.HK", currency: "HKD" });
    const day = dayFromIso("2024-06-14");
    const usdHkd = (await md.getFx("USD", "HKD", day, day)).series;
    const hkdUsd = (await md.getFx("HKD", "USD", day, day)).series;
    const i = usdHkd.dates.indexOf(day);
    expect(i).toBeGreaterThan(0);
    expect(usdHkd.close[i]).toBe(fakeClose(wirePair, day));
    expect(hkdUsd.close[i] * usdHkd.close[i]).toBeCloseTo(1, 12);
  }
);

test("the per-provider limiter caps concurrent requests", async () => {
  const slow = await startFakeProviderServer({ validKey: KEY, latencyMs: [30, 40] });
  try {
    const md = new MarketData(
      new EodhdProvider({ apiKey: KEY, baseUrl: slow.url, maxConcurrent: 2 }),
      { now: () => NOW }
    );
    const symbols = Array.from({ length: 10 }, (_, i) => `${1000 + i}.HK`);
    await Promise.all(
      symbols.map((s) => md.getHistory(s, dayFromIso("2025-01-02"), dayFromIso("2025-02-01")))
    );
    expect(slow.requests).toHaveLength(10);
    expect(slow.maxInFlight).toBe(2);
  } finally {
    await slow.close();
  }
});

test("a per-minute budget holds further requests until the window refreshes", async () => {
  const md = new MarketData(
    new EodhdProvider({
      apiKey: KEY,
      baseUrl: server.url,
      requestsPerMinute: 2,
      rateWindowMs: 400,
    }),
    { now: () => NOW }
  );
  const started = Date.now();
  const done: number[] = [];
  await Promise.all(
    ["1001.HK", "1002.HK", "1003.HK"].map((s) =>
      md
        .getHistory(s, dayFromIso("2025-01-02"), dayFromIso("2025-02-01"))
        .then(() => done.push(Date.now() - started))
    )
  );
  done.sort((a, b) => a - b);
  expect(server.requests).toHaveLength(3);
  expect(done[2]).toBeGreaterThanOrEqual(350); // the third waited for the next window
});
