/**
 * requireCoverage: a series that stops well before the window's end (e.g. a delisted symbol on a
 * live provider) must not let its last close stand in for a later date; an end after the data's
 * as-of date means "to date".
 */
import { dayFromIso } from "../../src/core/dates";
import { makeSeries } from "../../src/core/series";
import { requireCoverage } from "../../src/functions/window-data";

const d = dayFromIso;
const series = makeSeries({
  symbol: "GONE",
  currency: "USD",
  dates: [d("2023-03-01"), d("2023-03-02")],
  close: [10, 11],
});
const sourced = (asOf: string) => ({
  series,
  provenance: { source: "test", asOf, synthetic: false, delayed: false, stale: false },
});

test("a live source as of today: a window past the last close is #N/A naming the gap", () => {
  expect(() => requireCoverage(sourced("2024-07-01T10:00:00Z"), d("2024-06-28"))).toThrow(
    "GONE: no prices after 2023-03-02 (the window runs to 2024-06-28)"
  );
});

test("within a long market closure (10 days) the last close still counts", () => {
  expect(() => requireCoverage(sourced("2024-07-01"), d("2023-03-12"))).not.toThrow();
  expect(() => requireCoverage(sourced("2024-07-01"), d("2023-03-13"))).toThrow(/no prices after/);
});

test("data as of its last close answers any later end 'to date'", () => {
  expect(() => requireCoverage(sourced("2023-03-02"), d("2030-01-01"))).not.toThrow();
});
