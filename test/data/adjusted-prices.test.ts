/**
 * FMP's dividend-adjusted prices are asked for only when a total return needs them; when they are
 * unavailable (a plan refusal, an empty or short answer) price answers still work and total
 * returns fail saying why. The /full bodies are recorded from the live API (test/fixtures/recorded);
 * no public recording of the /dividend-adjusted endpoint was found, so its answers here are made
 * in the tests from the recorded closes and say so. Expected values are computed by the tests
 * from the fixture files.
 */
import { dayFromIso, isoFromDay } from "../../src/core/dates";
import { FinanceError } from "../../src/core/errors";
import { windowReturn } from "../../src/core/returns";
import { makeSeries } from "../../src/core/series";
import { withAdjustedCloses } from "../../src/data/http/adjusted-closes";
import { FmpProvider } from "../../src/data/http/fmp-provider";
import { MarketData } from "../../src/data/market-data";
import { ProviderError } from "../../src/data/provider-error";
import {
  Answer,
  json,
  recordedJson,
  ReplayServer,
  replayServerForTests,
} from "../fake-server/replay-server";

const FULL = "/stable/historical-price-eod/full";
const ADJUSTED = "/stable/historical-price-eod/dividend-adjusted";
const AAPL_FULL = "fmp-historical-price-eod-full-AAPL.json";
const NOW = Date.parse("2023-01-11T08:00:00Z");
const FROM = dayFromIso("2023-01-03");
const TO = dayFromIso("2023-01-10");

interface Row {
  date: string;
  close: number;
}
/** The recorded AAPL closes, oldest first, read here. */
const rows = (): Row[] =>
  recordedJson<Row[]>(AAPL_FULL).sort((a, b) => a.date.localeCompare(b.date));
const closeOn = (date: string): number => rows().find((r) => r.date === date)!.close;

const replay = replayServerForTests();
let server: ReplayServer;
beforeEach(() => {
  server = replay();
});

/** /full answers the recording; /dividend-adjusted answers `adjusted`. */
function serve(adjusted: Answer): void {
  server.route = (p) => (p === FULL ? json(AAPL_FULL) : p === ADJUSTED ? adjusted : undefined);
}
const made = (body: unknown): Answer => ({ status: 200, body: JSON.stringify(body) });
const paths = (): string[] => server.requests.map((r) => r.split("?")[0]).sort();

function market(): MarketData {
  return new MarketData(new FmpProvider({ apiKey: "k-123456", baseUrl: server.url }), {
    now: () => NOW,
  });
}

function totalFailure(f: () => unknown): FinanceError {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(FinanceError);
    expect((e as FinanceError).kind).toBe("na");
    return e as FinanceError;
  }
  throw new Error("the total return did not fail");
}

const priceReturn = (): number => closeOn("2023-01-10") / closeOn("2023-01-03") - 1;

test("a price question asks FMP for closes only: one request, the recorded closes", async () => {
  serve(made([]));
  const { series } = await market().getHistory("AAPL", FROM, TO, { need: "close" });
  expect(paths()).toEqual([FULL]);
  expect(Array.from(series.dates, isoFromDay)).toEqual(rows().map((r) => r.date));
  expect(Array.from(series.close)).toEqual(rows().map((r) => r.close));
  expect(windowReturn(series, FROM, TO, "price")).toBeCloseTo(priceReturn(), 14);
});

test("a total question asks for both; a later price question is answered from that series", async () => {
  const factor = 0.98; // made here: every adjusted close 2 % below the recorded close
  serve(made(rows().map((r) => ({ symbol: "AAPL", date: r.date, adjClose: r.close * factor }))));
  const md = market();
  const total = await md.getHistory("AAPL", FROM, TO);
  expect(paths()).toEqual([ADJUSTED, FULL]);
  expect(Array.from(total.series.adjClose!)).toEqual(rows().map((r) => r.close * factor));
  expect(windowReturn(total.series, FROM, TO, "total")).toBeCloseTo(priceReturn(), 14);
  const price = await md.getHistory("AAPL", FROM, TO, { need: "close" });
  expect(price.series).toBe(total.series);
  expect(server.requests).toHaveLength(2);
});

test("a price question while the total one is loading waits for it instead of asking again", async () => {
  serve(made(rows().map((r) => ({ date: r.date, adjClose: r.close }))));
  const md = market();
  const [total, price] = await Promise.all([
    md.getHistory("AAPL", FROM, TO),
    md.getHistory("AAPL", FROM, TO, { need: "close" }),
  ]);
  expect(price.series).toBe(total.series);
  expect(paths()).toEqual([ADJUSTED, FULL]);
});

test("adjusted prices refused by the plan (402): prices work, total returns fail saying why", async () => {
  serve({
    status: 402,
    body: "Premium Query Parameter: 'Special Endpoint : This value set for 'symbol' is not available under your current subscription",
    contentType: "text/plain",
  });
  const { series, provenance } = await market().getHistory("AAPL", FROM, TO);
  expect(Array.from(series.close)).toEqual(rows().map((r) => r.close));
  expect(windowReturn(series, FROM, TO, "price")).toBeCloseTo(priceReturn(), 14);
  const e = totalFailure(() => windowReturn(series, FROM, TO, "total"));
  expect(e.message).toBe(
    "Financial Modeling Prep: your plan does not cover dividend-adjusted prices for AAPL (HTTP 402), so total returns are not available; price answers are"
  );
  expect(provenance.notes).toBe(e.message);
  expect(paths()).toEqual([ADJUSTED, FULL]); // the refusal was not retried
});

test("an empty adjusted answer ([]): prices work, total returns fail without blaming the closes", async () => {
  serve(made([]));
  const { series } = await market().getHistory("AAPL", FROM, TO);
  expect(windowReturn(series, FROM, TO, "price")).toBeCloseTo(priceReturn(), 14);
  expect(totalFailure(() => windowReturn(series, FROM, TO, "total")).message).toBe(
    "Financial Modeling Prep: no dividend-adjusted prices for AAPL (the answer had none), so total returns are not available; price answers are"
  );
});

test("a short adjusted answer missing the first days: total returns fail naming the days", async () => {
  serve(
    made(
      rows()
        .slice(2)
        .map((r) => ({ date: r.date, adjClose: r.close }))
    )
  );
  const { series } = await market().getHistory("AAPL", FROM, TO);
  expect(windowReturn(series, FROM, TO, "price")).toBeCloseTo(priceReturn(), 14);
  const [first, second] = rows();
  expect(totalFailure(() => windowReturn(series, FROM, TO, "total")).message).toBe(
    `Financial Modeling Prep: no dividend-adjusted prices for AAPL (missing on 2 trading day(s), ${first.date} to ${second.date}), so total returns are not available; price answers are`
  );
});

test("a day missing inside the adjusted answer takes the adjustment of the day before it", async () => {
  // Made here: a 1 % dividend adjustment before 2023-01-06, none from it on; 2023-01-09 missing.
  const adjOf = (r: Row): number => (r.date < "2023-01-06" ? r.close * 0.99 : r.close);
  serve(
    made(
      rows()
        .filter((r) => r.date !== "2023-01-09")
        .map((r) => ({ date: r.date, adjClose: adjOf(r) }))
    )
  );
  const { series } = await market().getHistory("AAPL", FROM, TO);
  const jan9 = dayFromIso("2023-01-09");
  // Independent: the factor on 2023-01-06 is 1, so 2023-01-09's adjusted close is its close.
  const want = closeOn("2023-01-09") / (closeOn("2023-01-03") * 0.99) - 1;
  expect(windowReturn(series, FROM, jan9, "total")).toBeCloseTo(want, 14);
  expect(windowReturn(series, FROM, jan9, "price")).toBeCloseTo(
    closeOn("2023-01-09") / closeOn("2023-01-03") - 1,
    14
  );
});

test("an index with ^ (recorded ^DJI): closes only, the recorded values, the symbol sent as ^DJI", async () => {
  server.route = (p) => (p === FULL ? json("fmp-historical-price-eod-full-DJI.json") : undefined);
  const dji = recordedJson<Row[]>("fmp-historical-price-eod-full-DJI.json").sort((a, b) =>
    a.date.localeCompare(b.date)
  );
  const { series } = await market().getHistory("^DJI", FROM, TO, { need: "close" });
  expect(Array.from(series.close)).toEqual(dji.map((r) => r.close));
  expect(server.requests).toHaveLength(1);
  expect(server.requests[0]).toMatch(/^\/stable\/historical-price-eod\/full\?symbol=%5EDJI&from=/);
});

test("a plan refusal of the closes themselves is #N/A and never served from a stale copy", async () => {
  let now = NOW;
  const md = new MarketData(new FmpProvider({ apiKey: "k-123456", baseUrl: server.url }), {
    now: () => now,
    ttlMs: 1000,
  });
  serve(made([]));
  await md.getHistory("AAPL", FROM, TO, { need: "close" });
  now += 2000;
  server.route = () => ({ status: 402, body: "Restricted Endpoint: …", contentType: "text/plain" });
  const e = await md.getHistory("AAPL", FROM, TO, { need: "close" }).catch((x: unknown) => x);
  expect(e).toBeInstanceOf(ProviderError);
  expect((e as ProviderError).reason).toBe("plan-limit");
});

describe("withAdjustedCloses: the missing-day rule", () => {
  const days = Array.from({ length: 12 }, (_, i) => 19000 + i);
  const closes = makeSeries({
    symbol: "X",
    currency: "USD",
    dates: days,
    close: days.map((_, i) => 100 + i),
  });
  const adjRow = (i: number) => ({ date: isoFromDay(days[i]), adjClose: (100 + i) * 0.5 });
  const why = (w: string) => `no adjusted prices (${w})`;

  test("a run of 5 missing days borrows the factor before it; 6 do not", () => {
    const five = withAdjustedCloses(closes, [0, 6, 7, 8, 9, 10, 11].map(adjRow), "adjClose", why);
    expect(Array.from(five.adjClose!)).toEqual(days.map((_, i) => (100 + i) * 0.5));
    const six = withAdjustedCloses(closes, [0, 7, 8, 9, 10, 11].map(adjRow), "adjClose", why);
    expect(six.adjClose).toBeUndefined();
    expect(six.totalUnavailable).toBe(
      `no adjusted prices (missing on 6 trading day(s), ${isoFromDay(days[1])} to ${isoFromDay(days[6])})`
    );
  });

  test("null or non-positive adjusted values count as missing; rows on other days are ignored", () => {
    const rows = [...[0, 1, 2].map(adjRow), { date: isoFromDay(days[3]), adjClose: null }];
    rows.push({ date: "1999-01-01", adjClose: 5 }, ...[4, 5, 6, 7, 8, 9, 10, 11].map(adjRow));
    const s = withAdjustedCloses(closes, rows, "adjClose", why);
    expect(s.adjClose![3]).toBe(103 * 0.5);
    expect(s.dates.length).toBe(12);
  });
});
