import { dayFromIso } from "../../src/core/dates";
import { FinanceError } from "../../src/core/errors";
import { EodhdProvider } from "../../src/data/http/eodhd-provider";
import { FmpProvider } from "../../src/data/http/fmp-provider";
import { HttpProviderOptions } from "../../src/data/http/http-client";
import { MarketData } from "../../src/data/market-data";
import { ProviderError } from "../../src/data/provider-error";
import { HistoryResult, MarketDataProvider } from "../../src/data/types";
import {
  FakeServer,
  FaultKind,
  fakeClose,
  startFakeProviderServer,
} from "../fake-server/fake-provider-server";

const KEY = "sk-SECRET-4242";
const FROM = dayFromIso("2024-01-02");
const TO = dayFromIso("2024-03-28");

let server: FakeServer;
beforeAll(async () => {
  server = await startFakeProviderServer({ validKey: KEY, stallMs: 1500 });
});
afterAll(() => server.close());
beforeEach(() => {
  server.faults.clear();
  server.requests.length = 0;
});

function options(extra: Partial<HttpProviderOptions> = {}): HttpProviderOptions {
  return {
    apiKey: KEY,
    baseUrl: server.url,
    timeoutMs: 300,
    retries: 1,
    retryBaseDelayMs: 5,
    ...extra,
  };
}

const providers: Array<[string, (o?: Partial<HttpProviderOptions>) => MarketDataProvider, string]> =
  [
    ["FMP", (o) => new FmpProvider(options(o)), "0700.HK"],
    ["EODHD", (o) => new EodhdProvider(options(o)), "0700.HK"],
  ];

async function failure(p: Promise<unknown>): Promise<ProviderError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(ProviderError);
    expect(e).toBeInstanceOf(FinanceError);
    const err = e as ProviderError;
    expect(err.message).not.toContain(KEY);
    expect(err.message).not.toContain("127.0.0.1");
    return err;
  }
  throw new Error("expected the call to fail");
}

/** The independent expectation: the fake server's own price function, day by day. */
function expectSeriesMatchesServer(result: HistoryResult, symbol: string): void {
  const { dates, close } = result.series;
  expect(dates.length).toBeGreaterThan(50);
  for (let i = 0; i < dates.length; i++) {
    if (i > 0) expect(dates[i]).toBeGreaterThan(dates[i - 1]);
    expect(close[i]).toBe(fakeClose(symbol, dates[i]));
  }
}

describe.each(providers)("%s against the fake server", (name, make, symbol) => {
  const wire = name === "EODHD" ? "0700.HK" : "0700.HK";

  test("a normal answer parses into an ascending series equal to the server's prices", async () => {
    const r = await make().getHistory(symbol, FROM, TO);
    expectSeriesMatchesServer(r, wire);
    expect(r.provenance).toMatchObject({ synthetic: false, stale: false, delayed: false });
    expect(JSON.stringify(r.provenance)).not.toContain(KEY);
  });

  test.each<[FaultKind, string, RegExp]>([
    ["timeout", "timeout", /timed out after 0.3 s/],
    ["429", "rate-limited", /rate limit reached \(HTTP 429\)/],
    ["500", "server-error", /HTTP 500/],
    ["502", "server-error", /HTTP 502/],
    ["503", "server-error", /HTTP 503/],
    ["html", "bad-response", /HTML page/],
    ["malformed", "bad-response", /malformed or truncated JSON/],
    ["truncated", "bad-response", /malformed or truncated JSON/],
    ["duplicate-conflict", "bad-response", /conflicting prices/],
    ["null-price", "bad-response", /missing or non-positive price.*first on/],
    ["nan-price", "bad-response", /missing or non-positive price/],
    ["unknown", "unknown-symbol", /0700\.HK/],
    ["limit-body", "rate-limited", /limit reached/],
    ["object-body", "bad-response", /unexpected data shape for 0700\.HK/],
    ["row-null", "bad-response", /unexpected data shape for 0700\.HK/],
    ["date-number", "bad-response", /unexpected data shape for 0700\.HK/],
  ])("persistent fault %s → %s", async (kind, reason, message) => {
    server.faults.set(wire, { kind });
    const err = await failure(make().getHistory(symbol, FROM, TO));
    expect(err.reason).toBe(reason);
    expect(err.kind).toBe("na");
    expect(err.message).toMatch(
      new RegExp(`^${name === "FMP" ? "Financial Modeling Prep" : "EODHD"}: `)
    );
    expect(err.message).toMatch(message);
  });

  test("an empty series is a typed failure, not an empty answer", async () => {
    server.faults.set(wire, { kind: "empty" });
    const err = await failure(make().getHistory(symbol, FROM, TO));
    expect(["empty", "unknown-symbol"]).toContain(err.reason);
    expect(err.message).toContain("no prices");
  });

  test.each<FaultKind>(["unsorted", "duplicate"])(
    "%s rows are repaired into the true series",
    async (kind) => {
      server.faults.set(wire, { kind });
      expectSeriesMatchesServer(await make().getHistory(symbol, FROM, TO), wire);
    }
  );

  test.each<FaultKind>(["500", "502", "503", "timeout"])(
    "a transient %s is retried and then succeeds",
    async (kind) => {
      server.faults.set(wire, { kind, times: 1 });
      expectSeriesMatchesServer(await make().getHistory(symbol, FROM, TO), wire);
    }
  );

  test("429 with Retry-After: the retry waits at least the stated time", async () => {
    server.faults.set(wire, { kind: "429", times: 1, retryAfterSec: 1 });
    const started = Date.now();
    const r = await make({ retryBaseDelayMs: 1 }).getHistory(symbol, FROM, TO);
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expectSeriesMatchesServer(r, wire);
  });

  test("a Retry-After beyond the cap is not waited for: rate-limited at once, naming the wait", async () => {
    server.faults.set(wire, { kind: "429", retryAfterSec: 120 });
    const err = await failure(make({ maxRetryAfterMs: 5000 }).getHistory(symbol, FROM, TO));
    expect(err.reason).toBe("rate-limited");
    expect(err.message).toMatch(/retry after 120 s/);
  });

  test("an invalid key is an auth failure that never echoes the key", async () => {
    const bad = "sk-WRONG-9999";
    const err = await failure(make({ apiKey: bad }).getHistory(symbol, FROM, TO));
    expect(err.reason).toBe("auth");
    expect(err.message).toMatch(/API key/);
    expect(err.message).not.toContain(bad);
  });

  test("cancellation aborts the request with a typed error", async () => {
    server.faults.set(wire, { kind: "timeout" });
    const controller = new AbortController();
    const p = make({ timeoutMs: 5000 }).getHistory(symbol, FROM, TO, { signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    const err = await failure(p);
    expect(err.reason).toBe("cancelled");
  });
});

describe("MarketData over a failing provider", () => {
  function service(now: { t: number }): MarketData {
    return new MarketData(new EodhdProvider(options({ retries: 0 })), {
      now: () => now.t,
      ttlMs: 1000,
    });
  }

  test("nothing cached + unreachable → #N/A-kind error naming the provider and the failure", async () => {
    server.faults.set("0700.HK", { kind: "503" });
    const err = await failure(
      service({ t: Date.parse("2026-01-10") }).getHistory("700.hk", FROM, TO)
    );
    expect(err.kind).toBe("na");
    expect(err.message).toMatch(/^EODHD: server error \(HTTP 503\)/);
  });

  test.each<FaultKind>(["503", "timeout", "html", "null-price", "truncated", "429"])(
    "after expiry a %s failure serves the cached series marked stale, unchanged",
    async (kind) => {
      const clock = { t: Date.parse("2026-01-10") };
      const md = service(clock);
      const fresh = await md.getHistory("0700.HK", FROM, TO);
      expect(fresh.provenance.stale).toBe(false);
      clock.t += 5000; // past the 1 s TTL
      server.faults.set("0700.HK", { kind });
      const stale = await md.getHistory("HKG:0700", FROM, TO);
      expect(stale.provenance.stale).toBe(true);
      expect(stale.series).toBe(fresh.series);
      expectSeriesMatchesServer(stale, "0700.HK");
      // The failed response did not replace the cache: once the fault clears, answers are fresh and right.
      server.faults.clear();
      clock.t += 5000;
      const again = await md.getHistory("0700.HK", FROM, TO);
      expect(again.provenance.stale).toBe(false);
      expectSeriesMatchesServer(again, "0700.HK");
    }
  );

  test("an unknown symbol is not answered from stale data of another request", async () => {
    server.faults.set("9999.HK", { kind: "unknown" });
    const err = await failure(
      service({ t: Date.parse("2026-01-10") }).getHistory("9999.HK", FROM, TO)
    );
    expect(err.reason).toBe("unknown-symbol");
  });
});

test("only https base URLs (http only to 127.0.0.1 / localhost)", () => {
  expect(() => new FmpProvider({ apiKey: KEY, baseUrl: "http://example.com" })).toThrow(/https/);
  expect(() => new EodhdProvider({ apiKey: KEY, proxyBaseUrl: "http://gateway.corp" })).toThrow(
    /https/
  );
  expect(
    () => new EodhdProvider({ apiKey: KEY, proxyBaseUrl: "https://gateway.corp/eodhd" })
  ).not.toThrow();
});
