/**
 * Streaming, cancellation and a real HTTP provider, through the built bundle:
 * - QUOTE pushes a value at once and every 15 s, and stops when Excel cancels it;
 * - a cancelable formula's onCanceled aborts its provider request;
 * - against the local fake provider server, values match the server's prices, a storm of formulas
 *   costs one request set per series, and an unreachable provider is #N/A naming it.
 */
import { dayFromIso } from "../../src/core/dates";
import { createProvider } from "../../src/data/configure";
import { MarketData } from "../../src/data/market-data";
import {
  FakeServer,
  fakeAdjClose,
  fakeClose,
  startFakeProviderServer,
} from "../fake-server/fake-provider-server";
import { LoadedBundle, loadFunctionsBundle } from "../support/functions-bundle";
import { callLikeExcel, demoSeries } from "./helpers";

/** Installs a market data service in the bundle's global slot (as the task pane's Settings would). */
function useProvider(bundle: LoadedBundle, baseUrl: string, extra: object = {}): MarketData {
  const md = new MarketData(
    createProvider({
      provider: "fmp",
      apiKey: "test-key",
      http: { baseUrl, retries: 0, timeoutMs: 2000, ...extra },
    })
  );
  bundle.context.__cntechMarketData = md;
  return md;
}

/** The fake server's last close on or before a day (it trades on weekdays). */
function fakeLevelOnOrBefore(symbol: string, iso: string, adjusted: boolean): number {
  for (let d = dayFromIso(iso); d > dayFromIso(iso) - 10; d--) {
    const v = adjusted ? fakeAdjClose(symbol, d) : fakeClose(symbol, d);
    if (Number.isFinite(v)) return v;
  }
  throw new Error("no fake close");
}

describe("QUOTE streams and stops on cancel", () => {
  afterEach(() => jest.useRealTimers());

  test("first value at once, another after the 15 s refresh, none after cancellation", async () => {
    jest.useFakeTimers();
    const bundle = loadFunctionsBundle(); // captures the fake timers
    const results: unknown[] = [];
    const invocation = {
      setResult: (v: unknown) => results.push(v),
      onCanceled: undefined as undefined | (() => void),
    };
    bundle.shim.registry.get("QUOTE")!("0700.hk", invocation);
    await jest.advanceTimersByTimeAsync(0);
    const s = demoSeries("0700.HK");
    expect(results).toEqual([s.close[s.close.length - 1]]);
    await jest.advanceTimersByTimeAsync(15000);
    expect(results.length).toBe(2);
    expect(typeof invocation.onCanceled).toBe("function");
    invocation.onCanceled!();
    await jest.advanceTimersByTimeAsync(120000);
    expect(results.length).toBe(2);
  });

  test("an unknown symbol streams a #N/A error value naming it", async () => {
    const bundle = loadFunctionsBundle();
    const got = await new Promise<Error & { code: string }>((resolve) => {
      const invocation = {
        setResult: resolve as (v: unknown) => void,
        onCanceled: undefined as undefined | (() => void),
      };
      bundle.shim.registry.get("QUOTE")!("0005.HK", invocation);
      setTimeout(() => invocation.onCanceled?.(), 1000);
    });
    expect(got.code).toBe("#N/A");
    expect(got.message).toMatch(/0005\.HK/);
  });
});

describe("against the local fake provider server", () => {
  let server: FakeServer;
  beforeEach(async () => {
    server = await startFakeProviderServer({ latencyMs: [20, 40] });
  });
  afterEach(() => server.close());

  test("RETURN and PRICE match the server's own prices", async () => {
    const bundle = loadFunctionsBundle();
    useProvider(bundle, server.url);
    const want =
      fakeLevelOnOrBefore("NVDA", "2024-12-31", true) /
        fakeLevelOnOrBefore("NVDA", "2024-01-02", true) -
      1;
    expect(await callLikeExcel(bundle, "RETURN", ["NVDA", "2024-01-02", "2024-12-31"])).toBeCloseTo(
      want,
      12
    );
    expect(await callLikeExcel(bundle, "PRICE", ["NVDA", "2024-06-30"])).toBe(
      fakeLevelOnOrBefore("NVDA", "2024-06-30", false)
    );
  });

  test("400 formulas over 8 symbols and mixed windows fetch each series once", async () => {
    const bundle = loadFunctionsBundle();
    useProvider(bundle, server.url);
    const symbols = ["NVDA", "MSFT", "AAPL", "AMZN", "META", "GOOGL", "AMD", "TSLA"];
    const calls: Promise<unknown>[] = [];
    for (let i = 0; i < 400; i++) {
      const sym = symbols[i % symbols.length];
      const start = `2024-0${1 + (i % 6)}-0${2 + (i % 7)}`;
      calls.push(callLikeExcel(bundle, i % 2 ? "RETURN" : "VOL", [sym, start, "2024-12-31"]));
    }
    const values = await Promise.all(calls);
    expect(values.every((v) => typeof v === "number" && Number.isFinite(v))).toBe(true);
    const requested = new Set(server.requests.map((r) => r.split("symbol=")[1]));
    expect([...requested].sort()).toEqual([...symbols].sort());
    expect(server.requests.length).toBe(new Set(server.requests).size); // no request repeated
  });

  test("cancelling a formula aborts its request: #N/A saying it was cancelled", async () => {
    await server.close();
    server = await startFakeProviderServer({ latencyMs: [400, 500] });
    const bundle = loadFunctionsBundle();
    useProvider(bundle, server.url);
    const invocation: { onCanceled?: () => void } = {};
    const pending = callLikeExcel(
      bundle,
      "RETURN",
      ["NVDA", "2024-01-02", "2024-12-31"],
      invocation
    );
    expect(typeof invocation.onCanceled).toBe("function");
    invocation.onCanceled!();
    const err = (await pending.catch((e) => e)) as Error & { code: string };
    expect(err.code).toBe("#N/A");
    expect(err.message).toMatch(/Financial Modeling Prep: request cancelled/);
  });

  test("an unreachable provider with nothing cached is #N/A naming the provider and the failure", async () => {
    const bundle = loadFunctionsBundle();
    useProvider(bundle, "http://127.0.0.1:9"); // discard port: nothing listens
    const err = (await callLikeExcel(bundle, "RETURN", ["NVDA", "2024-01-02"]).catch(
      (e) => e
    )) as Error & {
      code: string;
    };
    expect(err.code).toBe("#N/A");
    expect(err.message).toMatch(/^Financial Modeling Prep: /);
    expect(err.message).toMatch(/network|connect|reach|refused/i);
    expect(err.message).not.toMatch(/test-key/);
  });
});
