/**
 * Market data for one formula: fetches the series a basket spec needs, converts each constituent into
 * the reporting currency with the data layer's FX (core's convertSeries), and builds the level series
 * (a symbol's closes or total-return index, or a basket index) that every statistic is measured on.
 */
import { basketSeries } from "../core/baskets";
import { convertSeries } from "../core/currency";
import { dayFromIso, DayNumber, isoFromDay } from "../core/dates";
import { notAvailable } from "../core/errors";
import { makeSeries, PriceSeries } from "../core/series";
import { priceField, ReturnKind } from "../core/total-return";
import { combineProvenance } from "../data/fx";
import { getMarketData } from "../data/market-data";
import { currencyOfMarket, normalizeCurrency } from "../data/symbols";
import { Provenance } from "../data/types";
import { BasketSpec } from "./args";

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
 * the last fixing on or before each close).
 */
export async function loadInCurrency(
  symbol: string,
  from: DayNumber,
  to: DayNumber,
  currency: string,
  signal?: AbortSignal
): Promise<SourcedSeries> {
  const asked = Date.now();
  const result = await fetchInCurrency(symbol, from, to, currency, signal);
  // Data that had to be fetched wakes hundreds of waiting formulas at once: let the data layer send
  // its next queued requests before they compute (a macrotask), so computing overlaps the network.
  if (Date.now() - asked >= 2) await new Promise((resolve) => setTimeout(resolve, 0));
  return result;
}

async function fetchInCurrency(
  symbol: string,
  from: DayNumber,
  to: DayNumber,
  currency: string,
  signal?: AbortSignal
): Promise<SourcedSeries> {
  const md = getMarketData();
  const target = normalizeCurrency(currency);
  const historyP = md.getHistory(symbol, from - LOOKBACK_DAYS, to, { signal });
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
 * Derived series are memoised on the cached series objects they come from (WeakMaps: they go when the
 * data layer's cache lets the source go). A recalculation storm then costs a binary search per
 * formula, not an O(n) conversion; a refreshed series is a new object, so nothing goes stale.
 */
const conversions = new WeakMap<PriceSeries, WeakMap<PriceSeries, PriceSeries>>();
const levelSeries = new WeakMap<PriceSeries, Map<ReturnKind, PriceSeries>>();

function converted(series: PriceSeries, fx: PriceSeries, target: string): PriceSeries {
  let byFx = conversions.get(series);
  if (!byFx) conversions.set(series, (byFx = new WeakMap()));
  let out = byFx.get(fx);
  if (!out) byFx.set(fx, (out = convertSeries(series, fx, target)));
  return out;
}

/** Levels of `kind` as a series whose closes are those levels (so later steps need no `kind`). */
function levelsOf(sourced: SourcedSeries, kind: ReturnKind): PriceSeries {
  const s = sourced.series;
  if (kind === "price" && !s.adjClose && !s.dividends) return s;
  let byKind = levelSeries.get(s);
  if (!byKind) levelSeries.set(s, (byKind = new Map()));
  let out = byKind.get(kind);
  if (!out) {
    out = makeSeries({
      symbol: s.symbol,
      currency: s.currency,
      dates: s.dates,
      close: priceField(s, kind),
    });
    byKind.set(kind, out);
  }
  return out;
}

/**
 * The level series of a basket spec over a window, in `currency`: a single symbol's closes (price) or
 * total-return index (total); for several constituents the core's basket index (union calendar with
 * forward-fill, weights set at the window's start, buy-and-hold), indexed at 100 on the start date.
 */
export async function loadLevels(
  spec: BasketSpec,
  window: { start: DayNumber; end: DayNumber },
  currency: string,
  kind: ReturnKind,
  signal?: AbortSignal
): Promise<SourcedSeries> {
  if (spec.members.length === 1 && spec.members[0].weight > 0) {
    // The common case (one symbol per formula) without the basket machinery's allocations.
    const one = await loadInCurrency(
      spec.members[0].symbol,
      window.start,
      window.end,
      currency,
      signal
    );
    requireCoverage(one, window.end);
    return { series: levelsOf(one, kind), provenance: one.provenance };
  }
  const loaded = await Promise.all(
    spec.members.map((m) => loadInCurrency(m.symbol, window.start, window.end, currency, signal))
  );
  loaded.forEach((l) => requireCoverage(l, window.end));
  const provenance = loaded.map((l) => l.provenance).reduce(combineProvenance);
  // A basket needs every constituent priced at the start (no silent re-weighting for late listings).
  loaded.forEach(({ series }, i) => {
    if (series.dates.length === 0 || series.dates[0] > window.start) {
      const since = series.dates.length ? ` (its data starts ${isoFromDay(series.dates[0])})` : "";
      throw notAvailable(
        `${spec.label}: ${spec.members[i].symbol} has no price on or before ${isoFromDay(window.start)}${since}`
      );
    }
  });
  const weights = spec.members.map((m) => m.weight);
  const series = basketSeries(
    loaded.map((l) => l.series),
    {
      symbol: spec.label,
      kind,
      weights,
      allowShort: weights.some((w) => w < 0),
      start: window.start,
      end: window.end,
    }
  );
  return { series, provenance };
}
