/**
 * The history cache's memory tier holds at most maxEntries series and drops the least recently
 * read one first (reads through get() count as use; peek() does not).
 */
import { dayFromIso, isoFromDay } from "../../src/core/dates";
import { makeSeries } from "../../src/core/series";
import { HistoryCache, SeriesFetcher } from "../../src/data/cache/history-cache";

const NOW = Date.UTC(2025, 5, 30);
const FROM = dayFromIso("2025-01-02");
const TO = dayFromIso("2025-06-27");

function fetcherFor(symbol: string, log: string[]): SeriesFetcher {
  return async (from, to) => {
    log.push(symbol);
    const dates = [from, to];
    return {
      series: makeSeries({ symbol, currency: "USD", dates, close: [100, 110] }),
      provenance: {
        source: "test",
        asOf: isoFromDay(to),
        synthetic: false,
        delayed: false,
        stale: false,
      },
    };
  };
}

test("the least recently read series leaves memory first; peek does not count as a read", async () => {
  const cache = new HistoryCache({
    providerName: "test",
    namespace: "t",
    now: () => NOW,
    maxEntries: 2,
  });
  const fetched: string[] = [];
  const get = (s: string) => cache.get(s, FROM, TO, fetcherFor(s, fetched));
  await get("A");
  await get("B");
  await get("A"); // A is now the most recently read; B the least
  expect(fetched).toEqual(["A", "B"]);
  cache.peek("B");
  await get("C"); // evicts B
  expect(cache.size).toBe(2);
  expect(cache.peek("B")).toBeUndefined();
  expect(cache.peek("A")).toBeDefined();
  await get("B"); // fetched again; evicts A (read before C)
  expect(fetched).toEqual(["A", "B", "C", "B"]);
  expect(cache.peek("A")).toBeUndefined();
  expect(cache.peek("C")).toBeDefined();
});
