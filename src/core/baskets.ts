import { alignSeries, AlignedPanel } from "./calendar";
import { DayNumber, periodKey } from "./dates";
import { invalidNumber, invalidValue, notAvailable } from "./errors";
import { indexOnOrBefore, makeSeries, PriceSeries } from "./series";
import { ReturnKind } from "./total-return";
import { normaliseWeights } from "./weights";

/** "none" = buy-and-hold; otherwise weights are reset at the last aligned date of each month/quarter. */
export type Rebalance = "none" | "monthly" | "quarterly";

export interface BasketOptions {
  /** One weight per column; equal weights when omitted. Normalised to sum to 1. */
  weights?: readonly number[];
  /** Permit negative (short) weights. */
  allowShort?: boolean;
  rebalance?: Rebalance;
  /** Index level on the first date (default 100). */
  base?: number;
}

/** A basket's index on the aligned calendar, plus each constituent's additive contribution. */
export interface BasketResult {
  readonly dates: Int32Array;
  /** Index level on each date, values[0] = base. */
  readonly values: Float64Array;
  /** Basket return over the whole span: values[last] / values[0] − 1. */
  readonly totalReturn: number;
  /**
   * Contribution of each constituent: its P&L in index points over the span divided by the start
   * level. Σ contributions = totalReturn (up to rounding), with or without rebalancing.
   */
  readonly contributions: Float64Array;
  /** Normalised weights actually used. */
  readonly weights: Float64Array;
}

/**
 * Basket index over panel rows [from, to] (inclusive; default the whole panel).
 * At the start and at each rebalance date t the holdings are u_i = w_i × V_t / P_i(t); between
 * rebalances V_t = Σ u_i P_i(t) (buy-and-hold drift). Contribution_i = Σ_t u_i (P_i(t) − P_i(t−1)) / V_0.
 * Example: two assets at 100, equal weights, buy-and-hold; A → 120, B → 90 gives V = 50×1.2 + 50×0.9 = 105,
 * return 0.05, contributions [0.10, −0.05].
 * @throws "value" for bad weights or options, "num" for zero-sum weights or a basket value ≤ 0.
 */
export function basketIndex(
  panel: Pick<AlignedPanel, "dates" | "columns">,
  options: BasketOptions = {},
  from = 0,
  to = panel.dates.length - 1
): BasketResult {
  const cols = panel.columns;
  const w = normaliseWeights(options.weights, cols.length, options.allowShort ?? false);
  const rebalance = options.rebalance ?? "none";
  if (rebalance !== "none" && rebalance !== "monthly" && rebalance !== "quarterly")
    throw invalidValue(`rebalance "${String(rebalance)}" is not none, monthly or quarterly`);
  const base = options.base ?? 100;
  if (!(base > 0)) throw invalidValue("basket base level must be positive");
  if (from < 0 || to >= panel.dates.length || from > to)
    throw notAvailable("no basket dates in the window");
  const k = cols.length;
  const units = new Float64Array(k);
  const pnl = new Float64Array(k);
  for (let i = 0; i < k; i++) units[i] = (w[i] * base) / cols[i][from];
  const len = to - from + 1;
  const values = new Float64Array(len);
  values[0] = base;
  for (let t = from + 1; t <= to; t++) {
    let v = 0;
    for (let i = 0; i < k; i++) {
      const p = cols[i][t];
      pnl[i] += units[i] * (p - cols[i][t - 1]);
      v += units[i] * p;
    }
    if (!(v > 0)) throw invalidNumber("basket value fell to zero or below (long/short basket)");
    values[t - from] = v;
    if (t < to && rebalance !== "none" && isPeriodEnd(panel.dates, t, rebalance)) {
      for (let i = 0; i < k; i++) units[i] = (w[i] * v) / cols[i][t];
    }
  }
  const contributions = pnl.map((x) => x / base);
  return {
    dates: panel.dates.slice(from, to + 1),
    values,
    totalReturn: values[len - 1] / base - 1,
    contributions,
    weights: w,
  };
}

function isPeriodEnd(dates: Int32Array, t: number, rebalance: "monthly" | "quarterly"): boolean {
  return periodKey(dates[t], rebalance) !== periodKey(dates[t + 1], rebalance);
}

/**
 * Basket return over a window on an aligned panel, with the window rule on the panel's calendar:
 * from the last aligned date on or before start to the last on or before end.
 * Example: panel dates [1,2,3], window (1, 3) → basketIndex over rows 0..2.
 * @throws "value" start after end; "na" start outside the panel.
 */
export function basketReturn(
  panel: Pick<AlignedPanel, "dates" | "columns">,
  start: DayNumber,
  end: DayNumber,
  options: BasketOptions = {}
): BasketResult {
  if (start > end) throw invalidValue("start date is after end date");
  const n = panel.dates.length;
  if (n === 0 || start > panel.dates[n - 1]) throw notAvailable("no basket prices in the window");
  const i0 = indexOnOrBefore(panel, start);
  if (i0 < 0) throw notAvailable("no basket price on or before the start date (before the data)");
  return basketIndex(panel, options, i0, indexOnOrBefore(panel, end));
}

/**
 * Basket of price series as one series: constituents aligned by union with forward-fill (so a
 * Hong Kong holiday does not drop US trading days), levels per `kind`, indexed at `base`.
 * All constituents must share a currency (convert first with convertSeries).
 * Example: basketSeries([a, b], {symbol: "MY"}).close is the basket index on the union calendar.
 */
export function basketSeries(
  constituents: readonly PriceSeries[],
  options: BasketOptions & {
    symbol?: string;
    kind?: ReturnKind;
    start?: DayNumber;
    end?: DayNumber;
  } = {}
): PriceSeries {
  if (constituents.length === 0) throw invalidValue("a basket needs at least one constituent");
  const currency = constituents[0].currency;
  for (const s of constituents)
    if (s.currency.toUpperCase() !== currency.toUpperCase())
      throw invalidValue(
        `basket mixes ${currency} and ${s.currency}: convert to one currency first`
      );
  const panel = alignSeries(constituents, "union", options.kind ?? "total");
  const n = panel.dates.length;
  const r =
    options.start === undefined && options.end === undefined
      ? basketIndex(panel, options)
      : basketReturn(
          panel,
          options.start ?? panel.dates[0],
          options.end ?? panel.dates[n - 1],
          options
        );
  return makeSeries({
    symbol: options.symbol ?? "BASKET",
    currency,
    dates: r.dates,
    close: r.values,
  });
}
