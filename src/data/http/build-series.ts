import { dayFromIso, isoFromDay } from "../../core/dates";
import { makeSeries, PriceSeries } from "../../core/series";
import { ProviderError } from "../provider-error";

/** One daily row as a provider reports it, before checking. */
export interface ProviderRow {
  readonly date: string;
  readonly close: number | null | undefined;
  readonly adjClose?: number | null;
}

/**
 * Turns provider rows into a PriceSeries, refusing anything that could yield a wrong number:
 * - rows are sorted ascending (FMP and others send newest first);
 * - exact duplicates are merged; duplicates with different prices reject the response;
 * - a missing, NaN, zero or negative price rejects the response (dropping the row would silently
 *   move a window's start or end to another day);
 * - no rows at all is an "empty" failure.
 * All failures are ProviderErrors, so a cached series is never replaced by a bad one.
 */
export function buildProviderSeries(
  provider: string,
  symbol: string,
  currency: string,
  rows: readonly ProviderRow[],
  withAdjusted: boolean
): PriceSeries {
  if (rows.length === 0) {
    throw new ProviderError(
      provider,
      "empty",
      `returned no prices for ${symbol} in the requested range`
    );
  }
  const parsed = rows.map((r) => {
    const day = /^\d{4}-\d{2}-\d{2}/.test(r.date) ? safeDay(r.date.slice(0, 10)) : NaN;
    if (!Number.isFinite(day)) {
      throw new ProviderError(
        provider,
        "bad-response",
        `returned an invalid date "${String(r.date).slice(0, 20)}" for ${symbol}`
      );
    }
    return { day, close: r.close, adj: r.adjClose };
  });
  const bad = parsed.filter((r) => !isPositive(r.close) || (withAdjusted && !isPositive(r.adj)));
  if (bad.length > 0) {
    const first = bad.reduce((a, b) => (b.day < a.day ? b : a));
    throw new ProviderError(
      provider,
      "bad-response",
      `returned ${bad.length} row(s) with a missing or non-positive price for ${symbol} (first on ${isoFromDay(first.day)})`
    );
  }
  parsed.sort((a, b) => a.day - b.day);
  const dates: number[] = [];
  const close: number[] = [];
  const adj: number[] = [];
  for (const r of parsed) {
    const last = dates.length - 1;
    if (last >= 0 && dates[last] === r.day) {
      if (close[last] !== r.close || (withAdjusted && adj[last] !== r.adj)) {
        throw new ProviderError(
          provider,
          "bad-response",
          `returned conflicting prices for ${symbol} on ${isoFromDay(r.day)}`
        );
      }
      continue;
    }
    dates.push(r.day);
    close.push(r.close as number);
    if (withAdjusted) adj.push(r.adj as number);
  }
  return makeSeries({ symbol, currency, dates, close, adjClose: withAdjusted ? adj : undefined });
}

function isPositive(v: unknown): v is number {
  return typeof v === "number" && Number.isFinite(v) && v > 0;
}

function safeDay(iso: string): number {
  try {
    return dayFromIso(iso);
  } catch {
    return NaN;
  }
}
