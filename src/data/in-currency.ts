/**
 * One symbol's series in a reporting currency: read from the market data's memory (peek) or
 * fetched, with FX asked for alongside the history. Conversions are memoised on the series.
 * The reporting currency arrives parsed (core Currency): it is not normalised again here.
 */
import { convertSeries } from "../core/currency";
import { DayNumber } from "../core/dates";
import { PriceSeries } from "../core/series";
import { Currency } from "../core/currency";
import { combineProvenance } from "./fx";
import { MarketData } from "./market-data";
import { currencyOfMarket, normalizeCurrency } from "./symbols";
import { HistoryNeed, Provenance } from "./types";

/** Days of history fetched before a window's start, so the last close on or before it exists. */
const LOOKBACK_DAYS = 14;

/** The currency a canonical symbol's market trades in, or undefined when that cannot be told. */
function expectedCurrency(canonical: string): Currency | undefined {
  try {
    return normalizeCurrency(currencyOfMarket(canonical));
  } catch {
    return undefined;
  }
}

/** A series plus where it came from. */
export interface SourcedSeries {
  readonly series: PriceSeries;
  readonly provenance: Provenance;
}

/** The series in `target` from the market data's memory alone, or undefined (something to fetch). */
export function peekInCurrency(
  md: MarketData,
  symbol: string,
  from: DayNumber,
  to: DayNumber,
  target: Currency | undefined,
  staleOk: boolean,
  need?: HistoryNeed
): SourcedSeries | undefined {
  const history = md.peekHistory(symbol, from - LOOKBACK_DAYS, to, staleOk, need);
  if (!history || target === undefined) return history;
  const local = normalizeCurrency(history.series.currency);
  if (local === target) return history;
  const fx = md.peekFx(local, target, from - 2 * LOOKBACK_DAYS, to, staleOk);
  if (!fx) return undefined;
  return {
    series: converted(history.series, fx.series, target),
    provenance: combineProvenance(history.provenance, fx.provenance),
  };
}

export async function fetchInCurrency(
  md: MarketData,
  symbol: string,
  from: DayNumber,
  to: DayNumber,
  target: Currency | undefined,
  signal?: AbortSignal,
  need?: HistoryNeed
): Promise<SourcedSeries> {
  const historyP = md.getHistory(symbol, from - LOOKBACK_DAYS, to, { signal, need });
  if (target === undefined) return historyP;
  // The listing's market tells its currency: ask for FX alongside the history, not after it.
  const expected = expectedCurrency(md.normalize(symbol));
  const fxP =
    expected && expected !== target
      ? md.getFx(expected, target, from - 2 * LOOKBACK_DAYS, to, { signal })
      : undefined;
  fxP?.catch(() => undefined); // awaited below; avoid an unhandled rejection if history fails first
  const history = await historyP;
  const local = normalizeCurrency(history.series.currency);
  if (local === target) return history;
  const fx =
    fxP && local === expected
      ? await fxP
      : await md.getFx(local, target, from - 2 * LOOKBACK_DAYS, to, { signal });
  return {
    series: converted(history.series, fx.series, target),
    provenance: combineProvenance(history.provenance, fx.provenance),
  };
}

/*
 * Converted series are memoised on the cached series objects they come from (WeakMaps: they go when
 * the data layer's cache lets the source go). A recalculation storm then costs a binary search per
 * formula, not an O(n) conversion; a refreshed series is a new object, so nothing goes stale.
 */
const conversions = new WeakMap<PriceSeries, WeakMap<PriceSeries, PriceSeries>>();

function converted(series: PriceSeries, fx: PriceSeries, target: Currency): PriceSeries {
  let byFx = conversions.get(series);
  if (!byFx) conversions.set(series, (byFx = new WeakMap()));
  let out = byFx.get(fx);
  if (!out) byFx.set(fx, (out = convertSeries(series, fx, target)));
  return out;
}
