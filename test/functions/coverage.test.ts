/**
 * requireCoverage: a series whose last close lags a window end the formula gave by more than
 * STALE_AFTER_TRADING_DAYS trading days on the symbol's calendar is #N/A (stale), never a number
 * silently measured to an earlier date; a window without an end runs to the latest close.
 */
import { STALE_AFTER_TRADING_DAYS, tradingDaysAfter } from "../../src/core/coverage";
import { dayFromIso } from "../../src/core/dates";
import { makeSeries } from "../../src/core/series";
import { requireCoverage } from "../../src/functions/window-data";

const d = dayFromIso;
const sourced = (symbol: string, dates: string[]) => ({
  series: makeSeries({
    symbol,
    currency: "USD",
    dates: dates.map(d),
    close: dates.map((_, i) => 10 + i),
  }),
  provenance: {
    source: "test",
    asOf: dates[dates.length - 1],
    synthetic: false,
    delayed: false,
    stale: false,
  },
});
const win = (end: string, toDate = false) => ({ start: d("2023-01-03"), end: d(end), toDate });

test("the rule's constant is what the docs state", () => {
  expect(STALE_AFTER_TRADING_DAYS).toBe(3);
});

test("trading days after a last close: weekdays by default (counted by hand on a calendar)", () => {
  // Fri 2023-12-22 → Fri 2023-12-29: Mon 25, Tue 26, Wed 27, Thu 28, Fri 29.
  expect(tradingDaysAfter(d("2023-12-22"), d("2023-12-29"))).toBe(5);
  expect(tradingDaysAfter(d("2023-12-29"), d("2023-12-31"))).toBe(0); // a weekend
  expect(tradingDaysAfter(d("2023-12-29"), d("2023-12-29"))).toBe(0);
});

test("a file that ends early: the window end after it is #N/A naming both dates (US calendar)", () => {
  // 2023-11-08 → 2023-12-29 on the NYSE calendar: 37 weekdays (9-10 Nov, then 7 full weeks) less Thanksgiving (11-23) and Christmas (12-25) = 35.
  expect(() =>
    requireCoverage(sourced("KWEB", ["2023-11-07", "2023-11-08"]), win("2023-12-29"))
  ).toThrow("KWEB: data ends 2023-11-08, 35 trading days before the window end 2023-12-29 (stale)");
});

test("on the Hong Kong calendar its holidays do not count as missing closes", () => {
  // HK: 2023-12-22 (Fri) → 2023-12-28 (Thu): 25 and 26 are Christmas holidays, so 27 and 28 only = 2.
  const hk = sourced("0700.HK", ["2023-12-21", "2023-12-22"]);
  expect(() => requireCoverage(hk, win("2023-12-28"))).not.toThrow();
  // → 2024-01-02: 27, 28, 29 and 2 January (1 January a holiday) = 4 > 3.
  expect(() => requireCoverage(hk, win("2024-01-02"))).toThrow(/4 trading days before/);
});

test("up to three trading days behind is a close not yet published: answered", () => {
  const s = sourced("QQQ", ["2024-06-27", "2024-06-28"]); // Friday
  expect(() => requireCoverage(s, win("2024-07-03"))).not.toThrow(); // Mon, Tue, Wed = 3
  expect(() => requireCoverage(s, win("2024-07-05"))).toThrow(/stale/); // + Fri (4 July a holiday) = 4
});

test("a window without an end runs to the latest close, however old", () => {
  expect(() =>
    requireCoverage(sourced("KWEB", ["2023-11-08"]), win("2030-01-01", true))
  ).not.toThrow();
});
