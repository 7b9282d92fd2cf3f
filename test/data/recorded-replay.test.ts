/**
 * The real providers against responses recorded from the live FMP and EODHD APIs by public projects
 * (test/fixtures/recorded/README.md names each source), served over HTTP on 127.0.0.1. Expected
 * values are read from the fixture files by the tests themselves (JSON.parse), never from provider
 * output. Error bodies no public recording was found for are written here and say so.
 */
import { dayFromIso, isoFromDay } from "../../src/core/dates";
import { EodhdProvider } from "../../src/data/http/eodhd-provider";
import { FmpProvider } from "../../src/data/http/fmp-provider";
import { MarketData } from "../../src/data/market-data";
import { ProviderError } from "../../src/data/provider-error";
import {
  Answer,
  json,
  recorded,
  recordedJson,
  ReplayServer,
  replayServerForTests,
} from "../fake-server/replay-server";

const KEY = "sk-REPLAY-4242";
const replay = replayServerForTests();
let server: ReplayServer;
beforeEach(() => {
  server = replay();
});

/** Fast retries, so a test would see a retry (and count its request) if one happened. */
const fmp = () => new FmpProvider({ apiKey: KEY, baseUrl: server.url, retryBaseDelayMs: 1 });
const eodhd = () => new EodhdProvider({ apiKey: KEY, baseUrl: server.url, retryBaseDelayMs: 1 });

/** Expects a ProviderError and returns it. */
async function failure(p: Promise<unknown>): Promise<ProviderError> {
  const e = await p.then(
    () => undefined,
    (x: unknown) => x
  );
  expect(e).toBeInstanceOf(ProviderError);
  return e as ProviderError;
}

interface FmpRow {
  date: string;
  close: number;
}
interface EodRow {
  date: string;
  close: number;
  adjusted_close: number;
}

const plainText = (status: number, body: string): Answer => ({
  status,
  body,
  contentType: "text/plain; charset=utf-8",
});

describe("Financial Modeling Prep, recorded answers", () => {
  test("/stable/quote: the price is the recorded one", async () => {
    server.route = (p) => (p === "/stable/quote" ? json("fmp-quote-AAPL.json") : undefined);
    const [row] = recordedJson<{ symbol: string; price: number }[]>("fmp-quote-AAPL.json");
    const q = await fmp().getQuote("AAPL");
    expect(q.price).toBe(row.price);
    expect(q.currency).toBe("USD");
    expect(server.requests).toEqual(["/stable/quote?symbol=AAPL"]);
  });

  test("/stable/profile: name, exchange and currency are the recorded ones", async () => {
    server.route = (p) => (p === "/stable/profile" ? json("fmp-profile-AAPL.json") : undefined);
    const [row] =
      recordedJson<{ companyName: string; exchange: string; currency: string }[]>(
        "fmp-profile-AAPL.json"
      );
    const info = await fmp().getSymbolInfo("AAPL");
    expect(info).toEqual({
      symbol: "AAPL",
      name: row.companyName,
      exchange: row.exchange,
      currency: row.currency,
    });
  });

  test("/stable/historical-price-eod/full for an FX pair: every recorded close, oldest first", async () => {
    // The recorded pair is EURUSD; it is replayed for the USD/HKD request: the body's shape is under test.
    server.route = (p) =>
      p === "/stable/historical-price-eod/full"
        ? json("fmp-historical-price-eod-full-EURUSD.json")
        : undefined;
    const rows = recordedJson<FmpRow[]>("fmp-historical-price-eod-full-EURUSD.json");
    const { series } = await fmp().getUsdFxHistory(
      "HKD",
      dayFromIso("2023-01-01"),
      dayFromIso("2023-01-10")
    );
    const expected = [...rows].sort((a, b) => a.date.localeCompare(b.date));
    expect(Array.from(series.dates, isoFromDay)).toEqual(expected.map((r) => r.date));
    expect(Array.from(series.close)).toEqual(expected.map((r) => r.close));
    expect(server.requests).toEqual([
      "/stable/historical-price-eod/full?symbol=USDHKD&from=2023-01-01&to=2023-01-10",
    ]);
  });
});

describe("EODHD, recorded answers", () => {
  test("/api/eod: closes and adjusted closes are the recorded ones, total and price returns differ", async () => {
    // Recorded for BHP.AU; replayed for the request made here (the body does not name the symbol).
    server.route = (p) => (p.startsWith("/api/eod/") ? json("eodhd-eod-BHP.AU.json") : undefined);
    const rows = recordedJson<EodRow[]>("eodhd-eod-BHP.AU.json");
    const from = dayFromIso(rows[0].date);
    const to = dayFromIso(rows[rows.length - 1].date);
    const { series } = await eodhd().getHistory("AAPL", from, to);
    expect(Array.from(series.dates, isoFromDay)).toEqual(rows.map((r) => r.date));
    expect(Array.from(series.close)).toEqual(rows.map((r) => r.close));
    expect(Array.from(series.adjClose!)).toEqual(rows.map((r) => r.adjusted_close));
    // The recording spans an ex-dividend date: adjusted closes before it sit below the closes.
    expect(rows[0].adjusted_close).toBeLessThan(rows[0].close);
    expect(server.requests[0]).toBe(
      `/api/eod/AAPL.US?from=${rows[0].date}&to=${rows[rows.length - 1].date}&period=d&fmt=json`
    );
  });

  test("/api/real-time: the price is the recorded close", async () => {
    server.route = (p) =>
      p.startsWith("/api/real-time/") ? json("eodhd-real-time-CEZ.PR.json") : undefined;
    const row = recordedJson<{ close: number }>("eodhd-real-time-CEZ.PR.json");
    expect((await eodhd().getQuote("AAPL")).price).toBe(row.close);
  });

  test('/api/real-time for an unknown code ("NA" fields, HTTP 200) is an unknown symbol', async () => {
    server.route = (p) =>
      p.startsWith("/api/real-time/")
        ? json("eodhd-real-time-unknown-XXXXNOPE.PR.json")
        : undefined;
    const e = await failure(eodhd().getQuote("AAPL"));
    expect(e.reason).toBe("unknown-symbol");
    expect(e.message).toBe("EODHD: does not know AAPL (no live price)");
  });

  test("/api/fundamentals?filter=General: name, exchange and currency are the recorded ones", async () => {
    server.route = (p) =>
      p === "/api/fundamentals/AAPL.US"
        ? json("eodhd-fundamentals-AAPL.US-General.json")
        : undefined;
    const g = recordedJson<{ Name: string; Exchange: string; CurrencyCode: string }>(
      "eodhd-fundamentals-AAPL.US-General.json"
    );
    const info = await eodhd().getSymbolInfo("AAPL");
    expect(info).toEqual({
      symbol: "AAPL",
      name: g.Name,
      exchange: g.Exchange,
      currency: g.CurrencyCode,
    });
    expect(server.requests).toEqual(["/api/fundamentals/AAPL.US?filter=General&fmt=json"]);
  });

  test("a wrong key (recorded: HTTP 401, text/html body) blames the key, once", async () => {
    server.route = () => ({
      status: 401,
      body: recorded("eodhd-401-invalid-key.txt"),
      contentType: "text/html; charset=UTF-8",
    });
    const e = await failure(
      eodhd().getHistory("AAPL", dayFromIso("2025-01-02"), dayFromIso("2025-02-03"))
    );
    expect(e.reason).toBe("auth");
    expect(e.message).toBe("EODHD: rejected the API key; check Settings");
    expect(server.requests).toHaveLength(1);
  });
});

describe("plan limits are their own error (bodies written here: no public recording found)", () => {
  // FMP's wording as public projects quote it: plain text with HTTP 402.
  const PREMIUM_SYMBOL =
    "Premium Query Parameter: 'Special Endpoint : This value set for 'symbol' is not available under your current subscription please visit our subscription page to upgrade your plan at https://financialmodelingprep.com/";
  const RESTRICTED =
    "Restricted Endpoint: This endpoint is not available under your current subscription please visit our subscription page to upgrade your plan at https://financialmodelingprep.com/";
  const INVALID_KEY = JSON.stringify({
    "Error Message":
      "Invalid API KEY. Feel free to create a Free API Key or visit https://site.financialmodelingprep.com/faqs?search=why-is-my-api-key-invalid for more information.",
  });

  test("FMP 402 for a symbol: #N/A naming the plan and the symbol, never retried", async () => {
    server.route = () => plainText(402, PREMIUM_SYMBOL);
    const e = await failure(fmp().getQuote("0700.HK"));
    expect(e.reason).toBe("plan-limit");
    expect(e.kind).toBe("na");
    expect(e.message).toBe("Financial Modeling Prep: your plan does not cover 0700.HK (HTTP 402)");
    expect(server.requests).toHaveLength(1);
  });

  test("FMP 402 for an endpoint, and the same refusal sent with HTTP 200, are plan limits too", async () => {
    server.route = () => plainText(402, RESTRICTED);
    expect((await failure(fmp().getSymbolInfo("0700.HK"))).reason).toBe("plan-limit");
    server.route = () => plainText(200, PREMIUM_SYMBOL);
    const e = await failure(fmp().getQuote("0700.HK"));
    expect(e.message).toBe("Financial Modeling Prep: your plan does not cover 0700.HK");
  });

  test("FMP blames the key only when the body says the key is invalid", async () => {
    server.route = () => ({ status: 401, body: INVALID_KEY, contentType: "application/json" });
    const e = await failure(fmp().getQuote("AAPL"));
    expect(e.reason).toBe("auth");
    expect(e.message).toBe("Financial Modeling Prep: rejected the API key; check Settings");
    server.route = () => plainText(403, "Forbidden");
    expect((await failure(fmp().getQuote("AAPL"))).reason).toBe("plan-limit");
  });

  test("EODHD 403 on a symbol: a plan limit, never retried and never served from a stale copy", async () => {
    let now = Date.parse("2025-10-04T08:00:00Z");
    const md = new MarketData(eodhd(), { now: () => now, ttlMs: 1000 });
    const from = dayFromIso("2025-08-25");
    const to = dayFromIso("2025-10-03");
    server.route = () => json("eodhd-eod-BHP.AU.json");
    await md.getHistory("0700.HK", from, to);
    now += 2000; // the cached series has expired: the next formula asks again
    server.route = () => plainText(403, "Forbidden");
    server.requests.length = 0;
    const e = await failure(md.getHistory("0700.HK", from, to));
    expect(e.reason).toBe("plan-limit");
    expect(e.message).toBe("EODHD: your plan does not cover 0700.HK (HTTP 403)");
    expect(server.requests).toHaveLength(1);
  });

  test("a transient failure still falls back to the stale copy (control for the test above)", async () => {
    let now = Date.parse("2025-10-04T08:00:00Z");
    const md = new MarketData(eodhd(), { now: () => now, ttlMs: 1000 });
    const from = dayFromIso("2025-08-25");
    const to = dayFromIso("2025-10-03");
    server.route = () => json("eodhd-eod-BHP.AU.json");
    await md.getHistory("0700.HK", from, to);
    now += 2000;
    server.route = () => plainText(503, "busy");
    const { provenance } = await md.getHistory("0700.HK", from, to);
    expect(provenance.stale).toBe(true);
  });
});
