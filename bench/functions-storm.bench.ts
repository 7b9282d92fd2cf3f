/**
 * Recalc storm through the FUNCTION ENTRY POINTS: 10,000 CNTECH formula calls (RETURN, VOL, PRICE,
 * MAXDD; some in USD, so FX legs are fetched too) over 50 symbols and mixed windows, all at once, as
 * Excel fires them when a workbook opens. The built functions bundle (dist/functions.js) is loaded
 * with a fake CustomFunctions global and called by id with Excel's argument shapes and invocation
 * objects, against the local fake EODHD server (20-50 ms latency, in a worker thread), cold cache.
 * After one unmeasured warm-up storm, cold storms and floors alternate, median of ROUNDS each (the
 * machine is shared). Baselines in the same run:
 *  - naive per-call client: one HTTP request per formula for the window it needs;
 *  - network floor: exactly the distinct widened requests the formulas need, sent straight through a
 *    plain limiter with the same concurrency (the network cost with no function or cache code).
 * Needs `npm run build` first.
 */
import * as fs from "fs";
import * as path from "path";
import * as vm from "vm";
import Bottleneck from "bottleneck";
import { dayFromIso, isoFromDay } from "../src/core/dates";
import { EodhdProvider } from "../src/data/http/eodhd-provider";
import { MarketData } from "../src/data/market-data";
import { currencyOfMarket, toEodhdSymbol } from "../src/data/symbols";
import { startFakeServerWorker } from "../test/fake-server/fake-server-worker";
import { AnyFunction, installCustomFunctionsShim } from "../src/shim/custom-functions-host";
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

type Registry = Map<string, AnyFunction>;

interface Formula {
  readonly id: string;
  readonly args: unknown[];
  readonly symbol: string;
  readonly from: number;
  readonly to: number;
}

/** Deterministic mixed formulas: windows start 2018-2025 and last 5 days to 3 years; dates as serials or ISO. */
function formulas(symbols: string[]): Formula[] {
  const rand = lcg(424242);
  const first = dayFromIso("2018-01-02");
  const last = dayFromIso("2025-12-31");
  const serial = (d: number) => d + 25569;
  return Array.from({ length: CALLS }, (_, i) => {
    const symbol = symbols[i % symbols.length];
    const from = first + Math.floor(rand() * (last - first - 10));
    const to = Math.min(last, from + 5 + Math.floor(rand() * 1100));
    const start = i % 2 ? isoFromDay(from) : serial(from);
    const end = i % 2 ? serial(to) : isoFromDay(to);
    const local = currencyOfMarket(symbol);
    const ccy = i % 5 === 0 ? "USD" : local;
    const typed = [[i % 3 ? symbol.toLowerCase() : symbol]];
    switch (i % 4) {
      case 0:
      case 1:
        return { id: "RETURN", args: [typed, start, end, ccy, null], symbol, from, to };
      case 2:
        return { id: "VOL", args: [typed, start, end, ccy], symbol, from, to };
      default:
        return i % 8 === 3
          ? { id: "PRICE", args: [symbol, end, null, null], symbol, from, to }
          : { id: "MAXDD", args: [typed, start, end, ccy], symbol, from, to };
    }
  });
}

/**
 * Runs the built dist/functions.js in this realm with the CustomFunctions shim as its global, as
 * Excel's JavaScript runtime runs it (a vm context would tax every global access), and returns the
 * registry its associate calls filled.
 */
function loadBundleInThisRealm(): Registry {
  const file = path.resolve(__dirname, "..", "dist", "functions.js");
  if (!fs.existsSync(file))
    throw new Error("dist/functions.js is missing: run npm run build first");
  const shim = installCustomFunctionsShim();
  vm.runInThisContext(fs.readFileSync(file, "utf8"), { filename: file });
  return shim.registry;
}

function call(registry: Registry, f: Formula): Promise<unknown> {
  const fn = registry.get(f.id)!;
  return Promise.resolve(fn(...f.args, { onCanceled: undefined }));
}

export async function run(): Promise<BenchResult[]> {
  const syms = symbols50();
  const fxPairs = ["USDHKD", "USDCNY"];
  const series = [...syms.map(toEodhdSymbol), ...fxPairs.map((p) => `${p}.FOREX`)];
  const server = await startFakeServerWorker({ validKey: KEY, latencyMs: [20, 50] }, series);
  try {
    const work = formulas(syms);
    const distinctSeries = series.length;
    const floorHttp = rawClient().http;

    /** One cold storm: a fresh bundle (empty memos) and a fresh provider and cache. */
    const coldStorm = async (): Promise<{ ms: number; requests: number; registry: Registry }> => {
      const registry = loadBundleInThisRealm();
      const provider = new EodhdProvider({
        apiKey: KEY,
        baseUrl: server.url,
        maxConcurrent: CONCURRENCY,
        retries: 0,
      });
      (globalThis as Record<string, unknown>).__cntechMarketData = new MarketData(provider, {
        now: () => NOW,
        widenYears: WIDEN_YEARS,
      });
      const t = performance.now();
      const values = await Promise.all(work.map((f) => call(registry, f)));
      const ms = performance.now() - t;
      const bad = values.findIndex((v) => typeof v !== "number" || !Number.isFinite(v));
      if (bad >= 0) throw new Error(`${work[bad].id} returned ${String(values[bad])}`);
      return { ms, requests: provider.lane.requestCount, registry };
    };

    // Warm-up, not measured (as in the recalc-storm bench): one cold storm opens the keep-alive
    // sockets both measured clients share and compiles the data layer's paths once. Every measured
    // storm still loads a fresh bundle, so the functions' own code starts cold each time.
    await coldStorm();

    // Ours vs the floor, alternated, median of ROUNDS (the machine is shared: single runs are noisy).
    let bundle: Registry | undefined;
    const { oursMs, floorMs, oursRequests, detail } = await alternateRounds(
      async () => {
        const storm = await coldStorm();
        bundle = storm.registry;
        return storm;
      },
      () => networkFloor(floorHttp, server.url, series)
    );

    // Naive per-call client: one request per formula for its window (FX legs not even counted).
    const naive = rawClient();
    const naiveLimiter = new Bottleneck({ maxConcurrent: 128 });
    const t0 = performance.now();
    await Promise.all(
      work.map((f) =>
        naiveLimiter.schedule(() =>
          fetchEod(naive.http, server.url, toEodhdSymbol(f.symbol), f.from - 14, f.to)
        )
      )
    );
    const naiveMs = performance.now() - t0;
    const naiveRequests = naive.requests();

    // Warm cache: RETURN formulas re-evaluated one after another, like repeated recalculations.
    const returns = work.filter((f) => f.id === "RETURN");
    const warmBundle = bundle!;
    const rate = await warmRate(
      200000,
      async (i) => (await call(warmBundle, returns[i % returns.length])) as number
    );

    console.log(
      `  functions: ${oursRequests} requests for ${distinctSeries} series in ${oursMs.toFixed(0)} ms, ` +
        `floor ${floorMs.toFixed(0)} ms (medians; ${detail}); ` +
        `naive: ${naiveRequests} requests in ${naiveMs.toFixed(0)} ms`
    );
    const rows = stormResults(
      "functions storm",
      { oursRequests, distinctSeries, naiveRequests, oursMs, floorMs, warmRate: rate },
      { perSeries: "52 series, 10,000 formulas", warm: "CNTECH.RETURN through the bundle" }
    );
    return [rows.perSeries, rows.ratio, rows.floor, rows.warm];
  } finally {
    await server.close();
  }
}
