/**
 * Recalc storm: 10,000 formula-like calls over 50 symbols and mixed windows, all at once (as Excel
 * fires them when a workbook opens), against the local fake EODHD server with 20–50 ms latency.
 * Baselines measured in the same run:
 *  - naive client: one HTTP request per call (the window it needs);
 *  - network floor: exactly the distinct widened requests our layer needs, sent directly through a
 *    plain limiter with the same concurrency (what the network costs with no cache logic at all).
 */
import { dayFromIso } from "../src/core/dates";
import { windowReturn } from "../src/core/returns";
import { EodhdProvider } from "../src/data/http/eodhd-provider";
import { MarketData } from "../src/data/market-data";
import { toEodhdSymbol } from "../src/data/symbols";
import { startFakeServerWorker } from "../test/fake-server/fake-server-worker";
import type { BenchResult } from "./run";
import {
  alternateRounds,
  CALLS,
  CONCURRENCY,
  fetchEod,
  KEY,
  lcg,
  networkFloor,
  NOW,
  rawClient,
  stormResults,
  symbols50,
  warmRate,
  WIDEN_YEARS,
} from "./storm-support";

/** Deterministic mixed windows: starts 2018–2025, lengths 5 days to 13 months; some typed in other forms. */
function calls(
  symbols: string[]
): Array<{ typed: string; symbol: string; from: number; to: number }> {
  const rand = lcg(12345);
  const first = dayFromIso("2018-01-02");
  const last = dayFromIso("2025-12-31");
  return Array.from({ length: CALLS }, (_, i) => {
    const symbol = symbols[i % symbols.length];
    const from = first + Math.floor(rand() * (last - first - 10));
    const to = Math.min(last, from + 5 + Math.floor(rand() * 400));
    const typed =
      i % 3 === 0 && symbol.endsWith(".HK") ? `HKG:${symbol.slice(0, 4)}` : symbol.toLowerCase();
    return { typed, symbol, from, to };
  });
}

export async function run(): Promise<BenchResult[]> {
  const syms = symbols50();
  const server = await startFakeServerWorker(
    { validKey: KEY, latencyMs: [20, 50] },
    syms.map(toEodhdSymbol)
  );
  try {
    const work = calls(syms);

    // Warm-up, not measured: a small storm over 8 other symbols through a throwaway service opens
    // the keep-alive sockets both measured clients share and lets the JIT compile every code path
    // once, so neither ours nor the floor pays one-off start-up costs.
    const warmUp = new MarketData(
      new EodhdProvider({ apiKey: KEY, baseUrl: server.url, maxConcurrent: CONCURRENCY }),
      { now: () => NOW, widenYears: WIDEN_YEARS }
    );
    await Promise.all(
      work.slice(0, 2000).map(async (c, i) => {
        const sym = `${8000 + (i % CONCURRENCY)}.HK`;
        return windowReturn((await warmUp.getHistory(sym, c.from, c.to)).series, c.from, c.to);
      })
    );

    // Ours (cold cache, every call at once) and the network floor (the same distinct widened
    // requests sent straight through a limiter), alternated so machine load hits both alike; each
    // round of ours starts from a fresh service. Medians are reported.
    const floorHttp = rawClient().http;
    let md: MarketData | undefined;
    const ours = async (): Promise<{ ms: number; requests: number }> => {
      const provider = new EodhdProvider({
        apiKey: KEY,
        baseUrl: server.url,
        maxConcurrent: CONCURRENCY,
        retries: 0,
      });
      md = new MarketData(provider, { now: () => NOW, widenYears: WIDEN_YEARS });
      const service = md;
      const t0 = performance.now();
      const values = await Promise.all(
        work.map(async (c) =>
          windowReturn((await service.getHistory(c.typed, c.from, c.to)).series, c.from, c.to)
        )
      );
      const ms = performance.now() - t0;
      if (values.some((v) => !Number.isFinite(v)))
        throw new Error("a storm call returned a non-number");
      return { ms, requests: provider.lane.requestCount };
    };
    const codes = syms.map(toEodhdSymbol);
    const { oursMs, floorMs, oursRequests, detail } = await alternateRounds(ours, () =>
      networkFloor(floorHttp, server.url, codes)
    );

    // Naive: one request per call for exactly its window, through a plain pool of 128 workers
    // (Bottleneck is slow with 10,000 queued jobs; the baseline should not be handicapped).
    const naive = rawClient();
    let next = 0;
    const t0 = performance.now();
    await Promise.all(
      Array.from({ length: 128 }, async () => {
        while (next < work.length) {
          const c = work[next++];
          await fetchEod(naive.http, server.url, toEodhdSymbol(c.symbol), c.from - 10, c.to);
        }
      })
    );
    const naiveMs = performance.now() - t0;
    const naiveRequests = naive.requests();

    // Warm cache: the same calls again, many times over, awaited one by one like sequential recalcs.
    const warmService = md!;
    const rate = await warmRate(200000, async (i) => {
      const c = work[i % work.length];
      return windowReturn(
        (await warmService.getHistory(c.typed, c.from, c.to)).series,
        c.from,
        c.to
      );
    });

    console.log(
      `  ours: ${oursRequests} requests in ${oursMs.toFixed(0)} ms, floor ${floorMs.toFixed(0)} ms ` +
        `(medians; ${detail}); naive: ${naiveRequests} requests in ${naiveMs.toFixed(0)} ms`
    );
    const rows = stormResults(
      "recalc storm",
      { oursRequests, distinctSeries: syms.length, naiveRequests, oursMs, floorMs, warmRate: rate },
      { perSeries: "50 series, 10,000 calls", warm: "getHistory + window return" }
    );
    return [
      rows.perSeries,
      rows.ratio,
      rows.floor,
      {
        name: "recalc storm: wall time naive / ours (cold cache)",
        value: naiveMs / oursMs,
        unit: "x",
        goal: "> 1x (informational)",
        met: naiveMs > oursMs,
        informational: true,
      },
      rows.warm,
    ];
  } finally {
    await server.close();
  }
}
