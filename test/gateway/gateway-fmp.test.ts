import * as fs from "fs";
import { isoFromDay } from "../../src/core/dates";
import { createProvider } from "../../src/data/configure";
import { MarketData } from "../../src/data/market-data";
import { ProviderError } from "../../src/data/provider-error";
import { MarketDataProvider } from "../../src/data/types";
import {
  fakeClose,
  FakeServer,
  startFakeProviderServer,
} from "../fake-server/fake-provider-server";
import { Gateway, request, startGateway } from "./gateway-harness";

/**
 * The rendered gateway in the real nginx, in front of the fake FMP server, driven by the add-in's
 * own FMP provider configured with the gateway as its proxy base URL and no key.
 */
jest.setTimeout(30000);

const TEAM_KEY = "team-KEY-4f9a2c71";
const CLIENT_KEY = "client-KEY-0b3e";
const ORIGIN = "https://addin.example.com";
const TODAY = Math.floor(Date.now() / 86400000);
const FROM = TODAY - 60;

let fake: FakeServer;
let gw: Gateway;
beforeAll(async () => {
  fake = await startFakeProviderServer({ validKey: TEAM_KEY, latencyMs: [150, 150] });
  gw = await startGateway(TEAM_KEY, {
    provider: "fmp",
    upstreamUrl: fake.url,
    origins: [ORIGIN],
    clientRatePerMinute: 6000,
    clientBurst: 1000,
    lifetimes: { today: "1s" },
    today: isoFromDay(TODAY),
  });
});
afterAll(async () => {
  await gw?.stop();
  await fake?.close();
});
beforeEach(() => fake.faults.clear());

/** The add-in's provider in proxy mode: the gateway's URL, no key on the desktop. */
const keyless = (): MarketDataProvider =>
  createProvider({ provider: "fmp", proxyBaseUrl: gw.url, http: { retries: 0 } });

/** Upstream requests for one symbol on one FMP endpoint ("full", "dividend-adjusted", ...). */
const upstream = (symbol: string, endpoint = "full"): string[] =>
  fake.rawUrls.filter((u) => u.includes(`/${endpoint}?`) && u.includes(`symbol=${symbol}&`));

const historyUrl = (symbol: string, to: number, extra = ""): string =>
  `${gw.url}/stable/historical-price-eod/full?symbol=${symbol}&from=${isoFromDay(FROM)}&to=${isoFromDay(to)}${extra}`;

test("the gateway adds the team key upstream; the desktop sends none and gets correct prices", async () => {
  const r = await keyless().getHistory("0700.HK", FROM, TODAY - 1);
  const last = r.series.dates[r.series.dates.length - 1];
  expect(r.series.close[r.series.dates.length - 1]).toBe(fakeClose("0700.HK", last));
  expect(r.provenance.stale).toBe(false);
  const sent = [...upstream("0700.HK"), ...upstream("0700.HK", "dividend-adjusted")];
  expect(sent).toHaveLength(2);
  for (const u of sent) {
    expect(u.split(`apikey=${TEAM_KEY}`)).toHaveLength(2); // exactly once
    expect(new URL(u, fake.url).searchParams.getAll("apikey")).toEqual([TEAM_KEY]);
  }
  console.log(
    `gateway fmp: upstream got the team key on ${sent.length}/2 requests, the client sent none`
  );
});

test("a key the client sends (apikey or api_token) is discarded, and no answer contains the team key", async () => {
  const before = fake.rawUrls.length;
  const a = await request(
    historyUrl("0968.HK", TODAY - 2, `&apikey=${CLIENT_KEY}&api_token=${CLIENT_KEY}`),
    {
      Origin: ORIGIN,
    }
  );
  expect(a.status).toBe(200);
  expect(JSON.parse(a.body).length).toBeGreaterThan(10);
  const sent = fake.rawUrls.slice(before);
  expect(sent).toHaveLength(1);
  expect(sent[0]).not.toContain(CLIENT_KEY);
  expect(new URL(sent[0], fake.url).searchParams.getAll("apikey")).toEqual([TEAM_KEY]);
  expect(new URL(sent[0], fake.url).searchParams.has("api_token")).toBe(false);
  expect(a.body + JSON.stringify(a.headers)).not.toContain(TEAM_KEY);
  // An upstream failure's error body is the gateway's own.
  fake.faults.set("1810.HK", { kind: "500" });
  const e = await request(historyUrl("1810.HK", TODAY - 2));
  expect(e.status).toBe(500);
  expect(e.body).toBe('{"message":"Financial Modeling Prep request failed (500)"}\n');
  console.log(
    `gateway fmp: client apikey/api_token discarded (upstream saw ${sent.length} request, team key only)`
  );
});

test("ten analysts asking for the same series at once cause one upstream request per endpoint", async () => {
  const clients = Array.from({ length: 10 }, keyless);
  const results = await Promise.all(clients.map((p) => p.getHistory("9988.HK", FROM, TODAY - 1)));
  for (const r of results)
    expect(Array.from(r.series.close)).toEqual(Array.from(results[0].series.close));
  expect(upstream("9988.HK")).toHaveLength(1);
  expect(upstream("9988.HK", "dividend-adjusted")).toHaveLength(1);
  console.log(
    `gateway fmp: 10 clients x 2 endpoints = 20 requests -> ${upstream("9988.HK").length + upstream("9988.HK", "dividend-adjusted").length} upstream`
  );
});

test("a window ending before today is served from cache the next day; today's window is refetched once", async () => {
  const p = keyless();
  await p.getHistory("0005.HK", FROM, TODAY - 3);
  await p.getHistory("0005.HK", FROM, TODAY);
  const closedUrls = (): number =>
    upstream("0005.HK").filter((u) => u.includes(`to=${isoFromDay(TODAY - 3)}`)).length;
  const todayUrls = (): number =>
    upstream("0005.HK").filter((u) => u.includes(`to=${isoFromDay(TODAY)}`)).length;
  expect([closedUrls(), todayUrls()]).toEqual([1, 1]);
  // The next morning: the gateway's date moves on; today's short lifetime (1 s here) has passed.
  await gw.reload({ today: isoFromDay(TODAY + 1) });
  await new Promise((r) => setTimeout(r, 2100));
  const closed = await request(historyUrl("0005.HK", TODAY - 3));
  expect(closed.headers["x-cache-status"]).toBe("HIT");
  expect(closedUrls()).toBe(1);
  const yesterday = await request(historyUrl("0005.HK", TODAY));
  expect(yesterday.headers["x-cache-status"]).toBe("EXPIRED");
  expect(todayUrls()).toBe(2);
  // Fetched again after its day closed, it now keeps the long lifetime.
  await new Promise((r) => setTimeout(r, 2100));
  expect((await request(historyUrl("0005.HK", TODAY))).headers["x-cache-status"]).toBe("HIT");
  expect(todayUrls()).toBe(2);
  await gw.reload({ today: isoFromDay(TODAY) });
  console.log(
    "gateway fmp: second day: closed window HIT (1 upstream), yesterday's open window refetched once"
  );
});

test("an upstream 5xx or 429 after expiry is answered stale and the add-in marks the series stale", async () => {
  const first = new MarketData(keyless());
  const fresh = await first.getHistory("0001.HK", FROM, TODAY);
  expect(fresh.provenance.stale).toBe(false);
  // The same request as the add-in's (it widens the window), without the key the gateway added.
  const asked = new URL(upstream("0001.HK")[0], gw.url);
  asked.searchParams.delete("apikey");
  await new Promise((r) => setTimeout(r, 2100)); // past today's 1 s lifetime (whole seconds: up to 2 s)
  fake.faults.set("0001.HK", { kind: "503" });
  const raw = await request(asked.toString());
  expect([raw.status, raw.headers["x-cache-status"], raw.headers["x-cntech-stale"]]).toEqual([
    200,
    "STALE",
    "1",
  ]);
  fake.faults.set("0001.HK", { kind: "429", retryAfterSec: 30 });
  const limited = await request(asked.toString());
  expect([limited.status, limited.headers["x-cntech-stale"]]).toEqual([200, "1"]);
  const second = new MarketData(keyless()); // another analyst, nothing cached on the desktop
  const stale = await second.getHistory("0001.HK", FROM, TODAY);
  expect(stale.provenance.stale).toBe(true);
  expect(Array.from(stale.series.close)).toEqual(Array.from(fresh.series.close));
  console.log(
    "gateway fmp: upstream 503 or 429 -> STALE answer, X-CNTech-Stale: 1, provenance.stale = true"
  );
});

test("an upstream 429 or 5xx with nothing cached reaches the add-in as rate-limited / server error", async () => {
  fake.faults.set("0002.HK", { kind: "429", retryAfterSec: 7 });
  const limited = await keyless()
    .getHistory("0002.HK", FROM, TODAY - 1)
    .catch((e: unknown) => e);
  expect(limited).toBeInstanceOf(ProviderError);
  expect((limited as ProviderError).reason).toBe("rate-limited");
  expect((limited as ProviderError).message).toBe(
    "Financial Modeling Prep: rate limit reached (HTTP 429); retry after 7 s"
  );
  fake.faults.set("0003.HK", { kind: "502" });
  const failed = await keyless()
    .getHistory("0003.HK", FROM, TODAY - 1)
    .catch((e: unknown) => e);
  expect((failed as ProviderError).reason).toBe("server-error");
  expect((failed as ProviderError).message).toBe(
    "Financial Modeling Prep: server error (HTTP 502) for 0003.HK"
  );
  console.log(
    `gateway fmp: upstream 429 -> "${(limited as Error).message}"; 502 -> "${(failed as Error).message}"`
  );
});

test("CORS headers go to the configured origin only, preflight included", async () => {
  const url = historyUrl("0700.HK", TODAY - 1);
  const ours = await request(url, { Origin: ORIGIN });
  expect(ours.headers["access-control-allow-origin"]).toBe(ORIGIN);
  expect(ours.headers["access-control-expose-headers"]).toContain("X-CNTech-Stale");
  expect(ours.headers["access-control-expose-headers"]).toContain("Retry-After");
  const other = await request(url, { Origin: "https://elsewhere.example.net" });
  expect(other.status).toBe(200);
  const corsOf = (h: object): string[] =>
    Object.keys(h).filter((k) => k.startsWith("access-control-"));
  expect(corsOf(other.headers)).toEqual([]); // the fake provider's own "*" is not passed on
  const pre = await request(
    url,
    { Origin: ORIGIN, "Access-Control-Request-Method": "GET" },
    "OPTIONS"
  );
  expect([pre.status, pre.headers["access-control-allow-origin"]]).toEqual([204, ORIGIN]);
  expect(pre.headers["access-control-allow-methods"]).toBe("GET, HEAD, OPTIONS");
  const preOther = await request(url, { Origin: "https://elsewhere.example.net" }, "OPTIONS");
  expect([preOther.status, corsOf(preOther.headers)]).toEqual([204, []]);
  console.log(
    "gateway fmp: CORS for the add-in's origin (GET + preflight); none for another origin"
  );
});

test("neither log contains a key; the access log has no query strings", () => {
  const access = fs.readFileSync(gw.accessLog, "utf8");
  const errors = fs.existsSync(gw.errorLog) ? fs.readFileSync(gw.errorLog, "utf8") : "";
  expect(access.split("\n").length).toBeGreaterThan(20);
  expect(access).not.toContain(TEAM_KEY);
  expect(access).not.toContain(CLIENT_KEY);
  expect(access).not.toContain("?");
  expect(errors).not.toContain(TEAM_KEY);
  expect(gw.config()).not.toContain(TEAM_KEY); // the key lives only in the 0600 include file
  expect(fs.statSync(`${gw.prefix}/provider-key.conf`).mode & 0o777).toBe(0o600);
  console.log(
    `gateway fmp: ${access.trim().split("\n").length} access-log lines, none with a key or a query string`
  );
});

test("the health endpoint answers without touching the provider", async () => {
  const before = fake.rawUrls.length;
  const h = await request(`${gw.url}/health`);
  expect([h.status, JSON.parse(h.body).status]).toEqual([200, "ok"]);
  expect(fake.rawUrls.length).toBe(before);
  expect((await request(`${gw.url}/somewhere/else`)).status).toBe(404);
});
