import * as http from "http";
import { AddressInfo } from "net";
import { mulberry32, seedOf } from "../../src/core/random";

/**
 * A local stand-in for Financial Modeling Prep (stable API) and EODHD, reproducing their documented
 * response shapes and error conventions, with fault injection and added latency. Listens on
 * 127.0.0.1 on a random port; tests and the recalc-storm bench never touch the internet.
 */
export type FaultKind =
  | "timeout"
  | "429"
  | "500"
  | "502"
  | "503"
  | "html"
  | "malformed"
  | "truncated"
  | "empty"
  | "unsorted"
  | "duplicate"
  | "duplicate-conflict"
  | "null-price"
  | "nan-price"
  | "unknown"
  | "limit-body"
  | "object-body"
  | "row-null"
  | "date-number";

export interface Fault {
  readonly kind: FaultKind;
  /** How many matching requests get the fault before normal service resumes (default: all). */
  times?: number;
  /** Retry-After seconds for "429" (default 1). */
  readonly retryAfterSec?: number;
}

export interface FakeServerOptions {
  /** Added latency per response, uniform in [min, max] ms. */
  readonly latencyMs?: readonly [number, number];
  /** The one valid key (default "test-key"). */
  readonly validKey?: string;
  /** How long a "timeout" fault stalls before answering (default 5 s). */
  readonly stallMs?: number;
}

export interface FakeServer {
  readonly url: string;
  /** Data requests received (history, quote, profile), by provider path. */
  readonly requests: string[];
  /** Every request's full path and query as received (keys included: for gateway tests). */
  readonly rawUrls: string[];
  /** Faults by symbol as the provider spells it (e.g. "0700.HK", "600519.SHG"), or "*" for all. */
  readonly faults: Map<string, Fault>;
  /** Most requests open at once so far (to check client-side concurrency limits). */
  readonly maxInFlight: number;
  close(): Promise<void>;
}

const FIRST_DAY = 16071; // 2014-01-01: every series' path starts here, so answers agree across ranges

/** Deterministic prices per (symbol, weekday): a seeded random walk from FIRST_DAY. */
export function fakeClose(symbol: string, day: number): number {
  let memo = closeMemo.get(symbol);
  if (!memo || memo.to < day)
    closeMemo.set(
      symbol,
      (memo = {
        to: Math.max(day, 20454) + 400,
        path: fakePath(symbol, Math.max(day, 20454) + 400),
      })
    );
  return memo.path.get(day) ?? NaN;
}
const closeMemo = new Map<string, { to: number; path: Map<number, number> }>();

function fakePath(symbol: string, to: number): Map<number, number> {
  const rand = mulberry32(seedOf(symbol));
  const out = new Map<number, number>();
  let p = 20 + (seedOf(symbol) % 200);
  for (let d = FIRST_DAY; d <= to; d++) {
    const w = (((d + 4) % 7) + 7) % 7;
    if (w === 0 || w === 6) continue;
    p *= Math.exp(0.02 * (rand() - 0.5));
    out.set(d, Math.round(p * 100) / 100);
  }
  return out;
}

/** Adjusted close: a deterministic factor below 1 that grows to 1 by 2026 (as if dividends were paid). */
export function fakeAdjClose(symbol: string, day: number): number {
  return adjFromClose(fakeClose(symbol, day), day);
}

function adjFromClose(close: number, day: number): number {
  return Math.round(close * Math.exp(-0.01 * ((20454 - day) / 365)) * 1e6) / 1e6;
}

const iso = (d: number): string => new Date(d * 86400000).toISOString().slice(0, 10);
const dayOf = (s: string | null, fallback: number): number =>
  s && /^\d{4}-\d{2}-\d{2}$/.test(s) ? Math.round(Date.parse(s) / 86400000) : fallback;

interface Row {
  date: string;
  close: number | null | string;
  adj: number | null | string;
}

function rowsFor(symbol: string, from: number, to: number): Row[] {
  fakeClose(symbol, to); // fills the memo far enough
  const path = closeMemo.get(symbol)!.path;
  const out: Row[] = [];
  for (const [d, c] of path) {
    if (d > to) break;
    if (d >= from) out.push({ date: iso(d), close: c, adj: adjFromClose(c, d) });
  }
  return out;
}

function applyRowFault(rows: Row[], kind: FaultKind | undefined): Row[] {
  if (!kind || rows.length < 3) return rows;
  const r = rows.map((x) => ({ ...x }));
  const mid = Math.floor(r.length / 2);
  switch (kind) {
    case "unsorted":
      return [...r.slice(mid), ...r.slice(0, mid)];
    case "duplicate":
      return [...r.slice(0, mid + 1), { ...r[mid] }, ...r.slice(mid + 1)];
    case "duplicate-conflict":
      return [
        ...r.slice(0, mid + 1),
        { ...r[mid], close: (r[mid].close as number) * 1.1 },
        ...r.slice(mid + 1),
      ];
    case "null-price":
      r[mid].close = null;
      return r;
    case "nan-price":
      r[mid].close = "NaN";
      return r;
    case "date-number":
      (r[mid] as { date: unknown }).date = 20000;
      return r;
    default:
      return rows;
  }
}

/** A JSON array body with its middle row replaced by null (a row that is not an object). */
function withMiddleRowNull(body: string): string {
  const rows = JSON.parse(body) as unknown[];
  if (Array.isArray(rows) && rows.length >= 3) rows[Math.floor(rows.length / 2)] = null;
  return JSON.stringify(rows);
}

/** Starts the fake server. */
export async function startFakeProviderServer(
  options: FakeServerOptions = {}
): Promise<FakeServer> {
  const validKey = options.validKey ?? "test-key";
  const requests: string[] = [];
  const rawUrls: string[] = [];
  const faults = new Map<string, Fault>();
  const timers = new Set<NodeJS.Timeout>();
  let inFlight = 0;
  let maxInFlight = 0;

  const takeFault = (symbol: string): Fault | undefined => {
    const f = faults.get(symbol) ?? faults.get("*");
    if (!f) return undefined;
    if (f.times !== undefined) {
      if (f.times <= 0) return undefined;
      f.times--;
    }
    return f;
  };

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    rawUrls.push(req.url ?? "/");
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    res.on("close", () => inFlight--);
    const send = (
      status: number,
      body: string,
      type = "application/json",
      headers: Record<string, string> = {}
    ): void => {
      const [lo, hi] = options.latencyMs ?? [0, 0];
      const delay = lo + Math.random() * (hi - lo);
      const t = setTimeout(() => {
        timers.delete(t);
        res.writeHead(status, {
          "content-type": type,
          "access-control-allow-origin": "*",
          ...headers,
        });
        res.end(body);
      }, delay);
      timers.add(t);
    };
    const isFmp = url.pathname.startsWith("/stable/");
    const isEod = url.pathname.startsWith("/api/");
    if (!isFmp && !isEod) return send(404, "not found", "text/plain");
    const key = isFmp ? url.searchParams.get("apikey") : url.searchParams.get("api_token");
    const symbol = isFmp
      ? (url.searchParams.get("symbol") ?? "")
      : decodeURIComponent(url.pathname.split("/").pop() ?? "");
    requests.push(url.pathname + (isFmp ? `?symbol=${symbol}` : ""));
    if (key !== validKey) {
      return isFmp
        ? send(
            401,
            JSON.stringify({
              "Error Message": "Invalid API KEY. Feel free to create a Free API Key.",
            })
          )
        : send(401, JSON.stringify({ message: "Unauthenticated." }));
    }
    const fault = takeFault(symbol);
    switch (fault?.kind) {
      case "timeout": {
        const t = setTimeout(() => send(200, "[]"), options.stallMs ?? 5000);
        timers.add(t);
        return;
      }
      case "429":
        return send(429, JSON.stringify({ message: "Too Many Requests" }), "application/json", {
          "retry-after": String(fault.retryAfterSec ?? 1),
        });
      case "500":
      case "502":
      case "503":
        return send(Number(fault.kind), JSON.stringify({ message: "upstream error" }));
      case "html":
        return send(
          200,
          "<!DOCTYPE html><html><body><h1>502 Bad Gateway</h1></body></html>",
          "text/html"
        );
      case "malformed":
        return send(200, '[{"date": "2024-01-02", "close": 12.3,, }');
      case "limit-body":
        return isFmp
          ? send(
              200,
              JSON.stringify({ "Error Message": "Limit Reach . Please upgrade your plan." })
            )
          : send(200, JSON.stringify({ error: "You exceeded your daily API requests limit." }));
      case "unknown":
        return isFmp ? send(200, "[]") : send(404, "Ticker Not Found.", "text/plain");
      default:
        break;
    }
    const to = dayOf(url.searchParams.get("to"), 20454);
    const from = dayOf(url.searchParams.get("from"), FIRST_DAY);
    const rows =
      fault?.kind === "empty" ? [] : applyRowFault(rowsFor(symbol, from, to), fault?.kind);
    let body: string;
    if (isFmp && url.pathname.endsWith("/full")) {
      body = JSON.stringify(
        [...rows].reverse().map((r) => ({
          symbol,
          date: r.date,
          open: r.close,
          high: r.close,
          low: r.close,
          close: r.close,
          volume: 1000,
        }))
      );
    } else if (isFmp && url.pathname.endsWith("/dividend-adjusted")) {
      body = JSON.stringify(
        [...rows].reverse().map((r) => ({ symbol, date: r.date, adjClose: r.adj, volume: 1000 }))
      );
    } else if (isFmp && url.pathname === "/stable/quote") {
      body = JSON.stringify([{ symbol, name: `Fake ${symbol}`, price: 123.45, exchange: "FAKE" }]);
    } else if (isFmp && url.pathname === "/stable/profile") {
      body = JSON.stringify([
        { symbol, companyName: `Fake ${symbol}`, currency: "HKD", exchange: "HKSE" },
      ]);
    } else if (url.pathname.startsWith("/api/eod/")) {
      body = JSON.stringify(
        rows.map((r) => ({
          date: r.date,
          open: r.close,
          high: r.close,
          low: r.close,
          close: r.close,
          adjusted_close: r.adj,
          volume: 1000,
        }))
      );
    } else if (url.pathname.startsWith("/api/real-time/")) {
      body = JSON.stringify({
        code: symbol,
        timestamp: 1700000000,
        close: 99.5,
        previousClose: 98,
      });
    } else if (url.pathname.startsWith("/api/fundamentals/")) {
      body = JSON.stringify({
        Code: symbol,
        Name: `Fake ${symbol}`,
        Exchange: "HK",
        CurrencyCode: "HKD",
      });
    } else {
      return send(404, "not found", "text/plain");
    }
    if (fault?.kind === "truncated") body = body.slice(0, Math.floor(body.length / 2));
    if (fault?.kind === "object-body") body = JSON.stringify({ data: JSON.parse(body) });
    if (fault?.kind === "row-null") body = withMiddleRowNull(body);
    send(200, body);
  });
  server.keepAliveTimeout = 1000;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    rawUrls,
    faults,
    get maxInFlight() {
      return maxInFlight;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const t of timers) clearTimeout(t);
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
