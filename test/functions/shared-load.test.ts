/**
 * Formulas waiting for the same series share one load (window-data.ts): cancelling some of them leaves
 * the others' values intact, and only cancelling every one of them aborts the shared request.
 */
import { createProvider } from "../../src/data/configure";
import { MarketData } from "../../src/data/market-data";
import { FakeServer, startFakeProviderServer } from "../fake-server/fake-provider-server";
import { loadFunctionsBundle } from "../support/functions-bundle";
import { callLikeExcel } from "./helpers";

type Invocation = { onCanceled?: () => void };
type ExcelError = Error & { code: string };

describe("formulas waiting for one series", () => {
  let server: FakeServer;
  beforeEach(async () => {
    server = await startFakeProviderServer({ latencyMs: [150, 200] });
  });
  afterEach(() => server.close());

  function bundleOnServer(): ReturnType<typeof loadFunctionsBundle> {
    const bundle = loadFunctionsBundle();
    bundle.context.__cntechMarketData = new MarketData(
      createProvider({
        provider: "fmp",
        apiKey: "test-key",
        http: { baseUrl: server.url, retries: 0, timeoutMs: 2000 },
      })
    );
    return bundle;
  }

  test("one cancelled waiter is #N/A cancelled; the others get the same values as alone", async () => {
    const bundle = bundleOnServer();
    const cancelledCall: Invocation = {};
    const windows = [
      ["NVDA", "2024-01-02", "2024-12-31"],
      ["NVDA", "2022-03-01", "2023-03-01"],
      ["NVDA", "2020-06-30", "2021-06-30"],
    ];
    const cancelledP = callLikeExcel(bundle, "RETURN", windows[0], cancelledCall);
    const others = windows.map((w) => callLikeExcel(bundle, "RETURN", w));
    cancelledCall.onCanceled!();
    const err = (await cancelledP.catch((e) => e)) as ExcelError;
    expect(err.code).toBe("#N/A");
    expect(err.message).toMatch(/request cancelled/);
    const values = await Promise.all(others);
    // Recomputed one at a time on a fresh bundle: sharing must not change any value.
    const alone = bundleOnServer();
    for (let i = 0; i < windows.length; i++) {
      expect(values[i]).toBe(await callLikeExcel(alone, "RETURN", windows[i]));
    }
  });

  test("cancelling every waiter aborts the shared load: all #N/A cancelled, none resolves", async () => {
    const bundle = bundleOnServer();
    const calls = [0, 1, 2].map(() => {
      const invocation: Invocation = {};
      const p = callLikeExcel(bundle, "RETURN", ["AAPL", "2023-01-03", "2023-12-29"], invocation);
      return { invocation, p };
    });
    // Let the request set reach the server (FMP: prices and adjusted prices; it answers after
    // 150-200 ms), then cancel every waiter. Polled, not a fixed pause: a loaded machine is slow.
    for (let i = 0; i < 25 && server.requests.length < 2; i++) {
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    const sent = server.requests.length;
    expect(sent).toBe(2);
    calls.forEach((c) => c.invocation.onCanceled!());
    const errs = (await Promise.all(calls.map((c) => c.p.catch((e) => e)))) as ExcelError[];
    for (const e of errs) {
      expect(e.code).toBe("#N/A");
      expect(e.message).toMatch(/request cancelled/);
    }
    // A later formula on the same series starts afresh rather than joining the aborted load.
    const again = await callLikeExcel(bundle, "RETURN", ["AAPL", "2023-01-03", "2023-12-29"]);
    expect(typeof again).toBe("number");
    // Had the shared load not been aborted, this formula would have joined it and sent nothing.
    expect(server.requests.length).toBe(2 * sent);
  });
});
