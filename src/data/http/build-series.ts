import { dayFromIso, isoFromDay } from "../../core/dates";
import { makeSeries, PriceSeries } from "../../core/series";
import { ProviderError } from "../provider-error";

/** One daily row as a provider reports it, before checking: a date and price fields. */
export type ProviderRow = { readonly date: string } & Readonly<Record<string, unknown>>;

/** The failure for a body that is not the documented shape (not rows, a row that is not an object). */
export function shapeError(provider: string, what: string): ProviderError {
  return new ProviderError(
    provider,
    "bad-response",
    `returned an unexpected data shape for ${what}`
  );
}

/**
 * A history body as rows: it must be an array; each row is checked in buildProviderSeries. Not a
 * zod array schema: zod copies every row object, and a recalculation storm reads 130,000 rows.
 */
export function historyRows(provider: string, body: unknown, what: string): readonly ProviderRow[] {
  if (!Array.isArray(body)) throw shapeError(provider, what);
  return body as ProviderRow[];
}

/** Which row fields hold the close and (when the provider has one) the adjusted close. */
export interface RowFields {
  readonly close: string;
  readonly adjClose?: string;
}

/**
 * Turns provider rows into a PriceSeries, refusing anything that could yield a wrong number:
 * - rows are sorted ascending (FMP and others send newest first);
 * - exact duplicates are merged; duplicates with different prices reject the response;
 * - a missing, NaN, zero or negative price rejects the response (dropping the row would silently
 *   move a window's start or end to another day); numeric strings are read as numbers;
 * - a row that is not an object with a text date is an "unexpected data shape";
 * - no rows at all is an "empty" failure.
 * All failures are ProviderErrors, so a cached series is never replaced by a bad one.
 * Works on parallel typed arrays (no per-row objects): ten-year series arrive by the dozen in a storm.
 */
export function buildProviderSeries(
  provider: string,
  symbol: string,
  currency: string,
  rows: readonly ProviderRow[],
  fields: RowFields
): PriceSeries {
  const n = rows.length;
  if (n === 0) {
    throw new ProviderError(
      provider,
      "empty",
      `returned no prices for ${symbol} in the requested range`
    );
  }
  const withAdj = fields.adjClose !== undefined;
  const days = new Float64Array(n);
  const close = new Float64Array(n);
  const adj = new Float64Array(withAdj ? n : 0);
  let badCount = 0;
  let firstBad = Infinity;
  for (let i = 0; i < n; i++) {
    const r = rows[i] as ProviderRow | null;
    if (typeof r !== "object" || r === null || typeof r.date !== "string") {
      throw shapeError(provider, symbol);
    }
    const day = safeDay(r.date.slice(0, 10));
    if (!Number.isFinite(day)) {
      throw new ProviderError(
        provider,
        "bad-response",
        `returned an invalid date "${String(r.date).slice(0, 20)}" for ${symbol}`
      );
    }
    days[i] = day;
    close[i] = toPrice(r[fields.close]);
    if (withAdj) adj[i] = toPrice(r[fields.adjClose!]);
    if (!(close[i] > 0) || (withAdj && !(adj[i] > 0))) {
      badCount++;
      firstBad = Math.min(firstBad, day);
    }
  }
  if (badCount > 0) {
    throw new ProviderError(
      provider,
      "bad-response",
      `returned ${badCount} row(s) with a missing or non-positive price for ${symbol} (first on ${isoFromDay(firstBad)})`
    );
  }
  const order = ascendingOrder(days);
  const outDates = new Float64Array(n);
  const outClose = new Float64Array(n);
  const outAdj = new Float64Array(withAdj ? n : 0);
  let m = 0;
  for (const i of order) {
    if (m > 0 && outDates[m - 1] === days[i]) {
      if (outClose[m - 1] !== close[i] || (withAdj && outAdj[m - 1] !== adj[i])) {
        throw new ProviderError(
          provider,
          "bad-response",
          `returned conflicting prices for ${symbol} on ${isoFromDay(days[i])}`
        );
      }
      continue;
    }
    outDates[m] = days[i];
    outClose[m] = close[i];
    if (withAdj) outAdj[m] = adj[i];
    m++;
  }
  return makeSeries({
    symbol,
    currency,
    dates: outDates.subarray(0, m),
    close: outClose.subarray(0, m),
    adjClose: withAdj ? outAdj.subarray(0, m) : undefined,
  });
}

/** Numbers as they are; numeric strings read; anything else (null, "NaN", missing) is NaN. */
function toPrice(v: unknown): number {
  if (typeof v === "number") return v;
  if (typeof v === "string" && v.trim() !== "") return Number(v);
  return NaN;
}

/** Row indices in ascending date order (stable; the identity when already ascending). */
function ascendingOrder(days: Float64Array): Int32Array {
  const order = new Int32Array(days.length);
  for (let i = 0; i < order.length; i++) order[i] = i;
  for (let i = 1; i < days.length; i++) {
    if (days[i] < days[i - 1]) return order.sort((a, b) => days[a] - days[b] || a - b);
  }
  return order;
}

/* Series of one provider share their dates: memoising the parse makes 50 ten-year series cost one. */
const dayMemo = new Map<string, number>();

function safeDay(iso: string): number {
  let day = dayMemo.get(iso);
  if (day === undefined) {
    try {
      day = /^\d{4}-\d{2}-\d{2}$/.test(iso) ? dayFromIso(iso) : NaN;
    } catch {
      day = NaN;
    }
    if (dayMemo.size > 50000) dayMemo.clear();
    dayMemo.set(iso, day);
  }
  return day;
}
