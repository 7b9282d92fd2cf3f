/**
 * Team gateway: N analysts open the same model at once (a storm of window returns over 50 symbols,
 * each analyst with a fresh add-in cache), once straight against the fake EODHD server with their
 * own keys and once through the gateway (the real nginx with the rendered config, no client key).
 * Baselines measured in the same run: the requests the provider receives when analysts go direct,
 * and, for a cached answer, a direct provider request and a local server that only sends the bytes.
 */
import * as http from "http";
import { AddressInfo } from "net";
import { isoFromDay } from "../src/core/dates";
import { windowReturn } from "../src/core/returns";
import { createProvider, MarketDataConfig } from "../src/data/configure";
import { MarketData } from "../src/data/market-data";
import { toEodhdSymbol } from "../src/data/symbols";
import { startFakeServerWorker, WorkerServer } from "../test/fake-server/fake-server-worker";
import { request, startGateway } from "../test/gateway/gateway-harness";
import type { BenchResult } from "./run";
import { KEY, lcg, median, NOW, symbols50, WIDEN_YEARS } from "./storm-support";

const ANALYSTS = 10;
const CALLS_PER_ANALYST = 2000;
const LATENCY_SAMPLES = 300;
const TODAY = Math.floor(NOW / 86400000);

/** One analyst's model: deterministic windows over the 50 symbols (the same for every analyst). */
function model(symbols: string[]): Array<{ symbol: string; from: number; to: number }> {
  const rand = lcg(777);
  return Array.from({ length: CALLS_PER_ANALYST }, (_, i) => {
    const from = TODAY - 3000 + Math.floor(rand() * 2600);
    return { symbol: symbols[i % symbols.length], from, to: from + 5 + Math.floor(rand() * 380) };
  });
}

/** All analysts recalculate the model at once; returns the provider's new requests and the time. */
async function teamOpens(
  server: WorkerServer,
  config: MarketDataConfig,
  work: ReturnType<typeof model>
): Promise<{ requests: number; ms: number }> {
  const before = await server.requestCount();
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: ANALYSTS }, async () => {
      const md = new MarketData(createProvider(config), {
        now: () => NOW,
        widenYears: WIDEN_YEARS,
      });
      const values = await Promise.all(
        work.map(async (c) =>
          windowReturn((await md.getHistory(c.symbol, c.from, c.to)).series, c.from, c.to)
        )
      );
      if (values.some((v) => !Number.isFinite(v))) throw new Error("a model cell is not a number");
    })
  );
  return { requests: (await server.requestCount()) - before, ms: performance.now() - t0 };
}

/** Median milliseconds of sequential GETs of one URL. */
async function medianGet(url: string): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < LATENCY_SAMPLES; i++) {
    const t = performance.now();
    const a = await request(url);
    if (a.status !== 200) throw new Error(`HTTP ${a.status} for ${url}`);
    times.push(performance.now() - t);
  }
  return median(times);
}

/** A local server that only sends fixed bytes: the floor for one hop on this machine. */
async function staticServer(body: string): Promise<{ url: string; close: () => Promise<void> }> {
  const srv = http.createServer((_req, res) => {
    res.writeHead(200, { "content-type": "application/json" });
    res.end(body);
  });
  await new Promise<void>((r) => srv.listen(0, "127.0.0.1", r));
  return {
    url: `http://127.0.0.1:${(srv.address() as AddressInfo).port}`,
    close: () => new Promise((r) => srv.close(() => r())),
  };
}

export async function run(): Promise<BenchResult[]> {
  const syms = symbols50();
  const codes = syms.map(toEodhdSymbol);
  const server = await startFakeServerWorker({ validKey: KEY, latencyMs: [20, 50] }, codes);
  const gw = await startGateway(KEY, {
    provider: "eodhd",
    upstreamUrl: server.url,
    today: isoFromDay(TODAY),
    clientRatePerMinute: 100000,
    clientBurst: 100000,
  });
  let floor: { url: string; close: () => Promise<void> } | undefined;
  try {
    const work = model(syms);
    const direct = await teamOpens(
      server,
      { provider: "eodhd", apiKey: KEY, http: { retries: 0, baseUrl: server.url } },
      work
    );
    const viaGateway = await teamOpens(
      server,
      { provider: "eodhd", proxyBaseUrl: gw.url, http: { retries: 0 } },
      work
    );

    // A cached answer (one of the model's series, cached by the storm above) three ways: from the
    // gateway, straight from the provider (20-50 ms simulated), and the same bytes from a server that
    // does nothing else (the cost of one local hop). Added latency = gateway hit - that floor.
    const path = `/api/eod/${codes[0]}?from=${isoFromDay(TODAY - Math.round(WIDEN_YEARS * 365.25))}&to=${isoFromDay(TODAY)}&period=d&fmt=json`;
    const first = await request(`${gw.url}${path}`);
    if (first.headers["x-cache-status"] !== "HIT") {
      throw new Error(
        `expected the storm to have cached ${path}, got ${first.headers["x-cache-status"]}`
      );
    }
    floor = await staticServer(first.body);
    const cachedMs = await medianGet(`${gw.url}${path}`);
    const providerMs = await medianGet(`${server.url}${path}&api_token=${KEY}`);
    const floorMs = await medianGet(`${floor.url}${path}`);
    const ratio = direct.requests / viaGateway.requests;
    console.log(
      `  ${ANALYSTS} analysts x ${CALLS_PER_ANALYST} calls: direct ${direct.requests} provider requests ` +
        `in ${direct.ms.toFixed(0)} ms; via gateway ${viaGateway.requests} in ${viaGateway.ms.toFixed(0)} ms. ` +
        `Cached GET (${first.body.length} bytes): gateway ${cachedMs.toFixed(2)} ms, static floor ` +
        `${floorMs.toFixed(2)} ms, provider ${providerMs.toFixed(2)} ms (medians of ${LATENCY_SAMPLES})`
    );
    return [
      {
        name: `gateway: provider requests, ${ANALYSTS} analysts direct / through the gateway`,
        value: ratio,
        unit: "x",
        goal: `>= ${ANALYSTS}x (one team cache)`,
        met: ratio >= ANALYSTS,
      },
      {
        name: "gateway: added latency per cached request (gateway hit - static local server)",
        value: cachedMs - floorMs,
        unit: "ms",
        goal: "<= 5 ms on one machine (informational)",
        met: cachedMs - floorMs <= 5,
      },
      {
        name: "gateway: cached request time / direct provider request time",
        value: cachedMs / providerMs,
        unit: "x",
        goal: "< 1x",
        met: cachedMs < providerMs,
      },
    ];
  } finally {
    await gw.stop();
    await server.close();
    await floor?.close();
  }
}
