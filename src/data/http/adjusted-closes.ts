import { isoFromDay } from "../../core/dates";
import { makeSeries, PriceSeries } from "../../core/series";

/** Longest run of trading days without an adjusted row that may borrow the adjustment before it. */
export const MAX_ADJUSTED_GAP_DAYS = 5;

/**
 * Adds adjusted closes from a separate answer (FMP's /dividend-adjusted) to a close series, matched
 * by date (the first 10 characters, YYYY-MM-DD). The rule for missing days (docs/data.md):
 * - a close day without a usable adjusted row (none, null, not a positive number) takes the
 *   adjustment factor (adjusted / close) of the nearest earlier day that has one, for runs of at
 *   most MAX_ADJUSTED_GAP_DAYS such days: the factor only changes on ex-dividend and split days;
 * - a longer run, or one that opens the series, leaves the series without a total-return basis
 *   (`totalUnavailable`, naming the missing days): price answers work, total returns fail;
 * - adjusted rows on days without a close are ignored.
 * `unavailable(why)` words the reason for the user.
 */
export function withAdjustedCloses(
  series: PriceSeries,
  rows: readonly unknown[],
  field: string,
  unavailable: (why: string) => string
): PriceSeries {
  const byDate = new Map<string, number>();
  for (const r of rows) {
    const row = r as Record<string, unknown> | null;
    const v = typeof row?.[field] === "string" ? Number(row[field]) : row?.[field];
    if (typeof row?.date === "string" && typeof v === "number" && v > 0 && Number.isFinite(v)) {
      byDate.set(row.date.slice(0, 10), v);
    }
  }
  const n = series.dates.length;
  const adj = new Float64Array(n);
  let factor = NaN;
  for (let i = 0; i < n; i++) {
    const v = byDate.get(isoFromDay(series.dates[i]));
    if (v !== undefined) {
      factor = v / series.close[i];
      adj[i] = v;
      continue;
    }
    let end = i;
    while (end + 1 < n && !byDate.has(isoFromDay(series.dates[end + 1]))) end++;
    const days = end - i + 1;
    if (Number.isNaN(factor) || days > MAX_ADJUSTED_GAP_DAYS) {
      const span = `${isoFromDay(series.dates[i])} to ${isoFromDay(series.dates[end])}`;
      const why =
        byDate.size === 0 ? "the answer had none" : `missing on ${days} trading day(s), ${span}`;
      return withoutTotal(series, unavailable(why));
    }
    for (let k = i; k <= end; k++) adj[k] = series.close[k] * factor;
    i = end;
  }
  return makeSeries({ ...series, adjClose: adj });
}

/** The series with no total-return basis, saying why. */
export function withoutTotal(series: PriceSeries, why: string): PriceSeries {
  return makeSeries({
    symbol: series.symbol,
    currency: series.currency,
    dates: series.dates,
    close: series.close,
    totalUnavailable: why,
  });
}
