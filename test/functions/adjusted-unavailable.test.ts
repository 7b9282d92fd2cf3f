/**
 * Through the built bundle, against FMP's recorded /full answer for AAPL (test/fixtures/recorded)
 * with the /dividend-adjusted endpoint refused by the plan (HTTP 402, a body written here: no
 * public recording was found): price answers are the recorded closes, a total return is #N/A
 * saying why (never the price return presented as total), and PRICE asks for closes only.
 */
import { createProvider } from "../../src/data/configure";
import { MarketData } from "../../src/data/market-data";
import { json, recordedJson, ReplayServer, startReplayServer } from "../fake-server/replay-server";
import { LoadedBundle, loadFunctionsBundle } from "../support/functions-bundle";
import { callLikeExcel } from "./helpers";

const FULL = "/stable/historical-price-eod/full";
const ADJUSTED = "/stable/historical-price-eod/dividend-adjusted";

let server: ReplayServer;
beforeAll(async () => {
  server = await startReplayServer((p) =>
    p === FULL
      ? json("fmp-historical-price-eod-full-AAPL.json")
      : p === ADJUSTED
        ? {
            status: 402,
            body: "Premium Query Parameter: 'Special Endpoint : This value set for 'symbol' is not available under your current subscription",
            contentType: "text/plain",
          }
        : undefined
  );
});
afterAll(() => server.close());

function useFmp(bundle: LoadedBundle): void {
  bundle.context.__cntechMarketData = new MarketData(
    createProvider({ provider: "fmp", apiKey: "test-key", http: { baseUrl: server.url } })
  );
}

/** Arguments placed by parameter name (the order is the bundle's, read from functions.json). */
function call(bundle: LoadedBundle, id: string, named: Record<string, unknown>): Promise<unknown> {
  const meta = bundle.metadata.functions.find((f) => f.id === id)!;
  return callLikeExcel(
    bundle,
    id,
    meta.parameters.map((p) => named[p.name] ?? null)
  );
}

const closes = recordedJson<{ date: string; close: number }[]>(
  "fmp-historical-price-eod-full-AAPL.json"
);
const closeOn = (date: string) => closes.find((r) => r.date === date)!.close;

test("PRICE is the recorded close and asks for closes only", async () => {
  const bundle = loadFunctionsBundle();
  useFmp(bundle);
  server.requests.length = 0;
  expect(await call(bundle, "PRICE", { symbol: "AAPL", date: "2023-01-06" })).toBe(
    closeOn("2023-01-06")
  );
  expect(server.requests.map((r) => r.split("?")[0])).toEqual([FULL]);
});

test("RETURN kind price works; the default total return is #N/A naming the plan refusal", async () => {
  const bundle = loadFunctionsBundle();
  useFmp(bundle);
  const window = { symbols: "AAPL", start: "2023-01-03", end: "2023-01-10" };
  expect(await call(bundle, "RETURN", { ...window, kind: "price" })).toBeCloseTo(
    closeOn("2023-01-10") / closeOn("2023-01-03") - 1,
    12
  );
  const total = (await call(bundle, "RETURN", window).catch((e: unknown) => e)) as Error & {
    code: string;
  };
  expect(total.name).toBe("CustomFunctions.Error");
  expect(total.code).toBe("#N/A");
  expect(total.message).toBe(
    "Financial Modeling Prep: your plan does not cover dividend-adjusted prices for AAPL (HTTP 402), so total returns are not available; price answers are"
  );
});
