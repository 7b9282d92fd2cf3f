/**
 * Market data for one formula: fetches one symbol's series and converts it into the reporting
 * currency with the data layer's FX (core's convertSeries); formulas waiting for the same series
 * share one load. The level series built from them are in levels.ts.
 */
import { convertSeries } from "../core/currency";
import { dayFromIso, DayNumber, isoFromDay } from "../core/dates";
import { notAvailable } from "../core/errors";
import { PriceSeries } from "../core/series";
import { combineProvenance } from "../data/fx";
import { getMarketData, MarketData } from "../data/market-data";
import { ProviderError } from "../data/provider-error";
import { currencyOfMarket, normalizeCurrency } from "../data/symbols";
import { Provenance } from "../data/types";

/** Days of history fetched before a window's start, so the last close on or before it exists. */
const LOOKBACK_DAYS = 14;

/** The currency a canonical symbol's market trades in, or undefined when that cannot be told. */
function expectedCurrency(canonical: string): string | undefined {
  try {
    return normalizeCurrency(currencyOfMarket(canonical));
  } catch {
    return undefined;
  }
}

/** Longest market closure (e.g. Golden Week) over which a last close still counts as "on or before". */
export const MAX_GAP_DAYS = 10;

/**
 * A window's end must be covered: when a series stops well before the end (a delisting, a stale
 * source, a CSV that ends early) the last close would silently stand in for a later date - a
 * plausible wrong number - so it is #N/A instead. An end after the data's as-of date means "to date".
 */
export function requireCoverage(sourced: SourcedSeries, end: DayNumber): void {
  const { series, provenance } = sourced;
  const n = series.dates.length;
  const asOf = /^\d{4}-\d{2}-\d{2}/.test(provenance.asOf)
    ? dayFromIso(provenance.asOf.slice(0, 10))
    : today();
  const needed = Math.min(end, asOf);
  if (n > 0 && needed > series.dates[n - 1] + MAX_GAP_DAYS) {
    throw notAvailable(
      `${series.symbol}: no prices after ${isoFromDay(series.dates[n - 1])} (the window runs to ${isoFromDay(needed)})`
    );
  }
}

/** A series plus where it came from. */
export interface SourcedSeries {
  readonly series: PriceSeries;
  readonly provenance: Provenance;
}

/** Today as a day number: the default end of a window ("the latest available close"). */
export function today(): DayNumber {
  return Math.floor(Date.now() / 86400000);
}

/**
 * One symbol's history covering [from, to], in `currency` (local prices × FX local→currency,
 * the last fixing on or before each close), or in its own currency when `currency` is undefined.
 *
 * Cached data is answered with no await. On a miss the formula joins ONE shared load per
 * (symbol, currency) and awaits it once, then reads the cache: a storm of 10,000 waiting formulas
 * keeps 10,000 small waits alive, not 10,000 deep async chains each with its own abort wiring.
 */
export function loadInCurrency(
  symbol: string,
  from: DayNumber,
  to: DayNumber,
  currency: string | undefined,
  signal?: AbortSignal
): Promise<SourcedSeries> {
  const md = getMarketData();
  let hit: SourcedSeries | undefined;
  try {
    hit = peekInCurrency(md, symbol, from, to, currency, false);
  } catch (e) {
    return Promise.reject(e);
  }
  return hit ? Promise.resolve(hit) : loadOnMiss(md, symbol, from, to, currency, signal);
}

/** The series in `currency` from the data layer's memory alone, or undefined (something to fetch). */
function peekInCurrency(
  md: MarketData,
  symbol: string,
  from: DayNumber,
  to: DayNumber,
  currency: string | undefined,
  staleOk: boolean
): SourcedSeries | undefined {
  const target = currency === undefined ? undefined : normalizeCurrency(currency);
  const history = md.peekHistory(symbol, from - LOOKBACK_DAYS, to, staleOk);
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

/** One in-flight load of a symbol in a currency, shared by every formula waiting for it. */
interface SharedLoad {
  readonly key: string;
  readonly promise: Promise<SourcedSeries>;
  readonly controller: AbortController;
  waiters: number;
  settled: boolean;
}

/** Shared loads per market data service (tests and the pane may install a new one). */
const sharedLoads = new WeakMap<MarketData, Map<string, SharedLoad>>();

function sharedLoad(
  md: MarketData,
  symbol: string,
  from: DayNumber,
  to: DayNumber,
  target: string | undefined
): SharedLoad {
  let loads = sharedLoads.get(md);
  if (!loads) sharedLoads.set(md, (loads = new Map()));
  const key = `${md.normalize(symbol)} ${target ?? ""}`;
  const existing = loads.get(key);
  if (existing) return existing;
  const controller = new AbortController();
  const asked = Date.now();
  const promise = fetchInCurrency(md, symbol, from, to, target, controller.signal).then((r) =>
    // Data that had to be fetched wakes hundreds of waiting formulas at once: let the data layer send
    // its next queued requests before they compute (a macrotask), so computing overlaps the network.
    Date.now() - asked >= 2 ? new Promise<SourcedSeries>((ok) => setTimeout(ok, 0, r)) : r
  );
  const load: SharedLoad = { key, promise, controller, waiters: 0, settled: false };
  const done = (): void => {
    load.settled = true;
    if (loads!.get(key) === load) loads!.delete(key);
  };
  promise.then(done, done);
  loads.set(key, load);
  return load;
}

function cancelled(md: MarketData): ProviderError {
  return new ProviderError(md.providerName, "cancelled", "request cancelled");
}

/**
 * Joins the shared load of (symbol, currency) and, once it settles, reads the cache. Callbacks, not
 * an async body: a waiting formula keeps one small closure alive, not a suspended frame.
 */
function loadOnMiss(
  md: MarketData,
  symbol: string,
  from: DayNumber,
  to: DayNumber,
  currency: string | undefined,
  signal: AbortSignal | undefined
): Promise<SourcedSeries> {
  if (signal?.aborted) return Promise.reject(cancelled(md));
  const target = currency === undefined ? undefined : normalizeCurrency(currency);
  const load = sharedLoad(md, symbol, from, to, target);
  load.waiters++;
  // The shared request is aborted only when every formula waiting for it has been cancelled.
  const leave = (): void => {
    if (--load.waiters === 0 && !load.settled) {
      load.settled = true;
      const loads = sharedLoads.get(md);
      if (loads?.get(load.key) === load) loads.delete(load.key);
      load.controller.abort();
    }
  };
  signal?.addEventListener("abort", leave);
  const stopWaiting = (): void => {
    if (signal?.aborted) return; // `leave` has already counted this formula out
    signal?.removeEventListener("abort", leave);
    load.waiters--;
  };
  return load.promise.then(
    (first) => {
      stopWaiting();
      if (signal?.aborted) throw cancelled(md);
      // The shared load fetched for the first formula's window; widening usually covers this one too.
      return (
        peekInCurrency(md, symbol, from, to, currency, first.provenance.stale === true) ??
        fetchInCurrency(md, symbol, from, to, currency, signal)
      );
    },
    (e) => {
      stopWaiting();
      throw signal?.aborted ? cancelled(md) : e;
    }
  );
}

async function fetchInCurrency(
  md: MarketData,
  symbol: string,
  from: DayNumber,
  to: DayNumber,
  currency: string | undefined,
  signal?: AbortSignal
): Promise<SourcedSeries> {
  const target = currency === undefined ? undefined : normalizeCurrency(currency);
  const historyP = md.getHistory(symbol, from - LOOKBACK_DAYS, to, { signal });
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

function converted(series: PriceSeries, fx: PriceSeries, target: string): PriceSeries {
  let byFx = conversions.get(series);
  if (!byFx) conversions.set(series, (byFx = new WeakMap()));
  let out = byFx.get(fx);
  if (!out) byFx.set(fx, (out = convertSeries(series, fx, target)));
  return out;
}
