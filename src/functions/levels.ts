/**
 * The level series every window statistic is measured on: a symbol's closes (price) or total-return
 * index (total) in the reporting currency, or for several constituents the core's basket index.
 */
import { makeSeries, PriceSeries } from "../core/series";
import { priceField, ReturnKind } from "../core/total-return";
import { BasketSpec, hasMembershipDates } from "./basket-args";
import { loadBasketLevels } from "./basket-levels";
import {
  FormulaWindow,
  needFor,
  requireCoverage,
  SourcedSeries,
  whenInCurrency,
} from "./window-data";
import { Currency } from "../core/currency";

/** Level series memoised on the cached series they come from (see in-currency.ts on conversions). */
const levelSeries = new WeakMap<PriceSeries, Map<ReturnKind, PriceSeries>>();

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
 * The level series of a basket spec over a window, in `currency`, handed to `use` (see
 * whenInCurrency: failures reject with `fail(error)`): a single symbol's closes (price) or
 * total-return index (total); for several constituents the basket index (union calendar with
 * forward-fill, weights set at the window's start, buy-and-hold; a constituent joins on its first
 * close and leaves on its last, see basket-levels.ts), indexed at 100 on the start date.
 */
export function whenLevels<T>(
  spec: BasketSpec,
  window: FormulaWindow,
  currency: Currency,
  kind: ReturnKind,
  signal: AbortSignal | undefined,
  use: (levels: SourcedSeries) => T,
  fail: (error: unknown) => unknown = (e) => e
): Promise<T> {
  if (spec.members.length === 1 && spec.members[0].weight > 0 && !hasMembershipDates(spec)) {
    // The common case (one symbol per formula), without the basket machinery's allocations.
    const { symbol } = spec.members[0];
    // NOINLINE: inlined by the minifier, the closure would keep the caller's whole scope alive.
    const then = /*#__NOINLINE__*/ singleLevelsThen(window, kind, use);
    const need = needFor(kind);
    return whenInCurrency(symbol, window.start, window.end, currency, signal, then, fail, need);
  }
  return loadBasketLevels(spec, window, currency, kind, signal)
    .then(use)
    .catch((e) => {
      throw fail(e);
    });
}

/**
 * One symbol's levels, then `use`. A module-level factory, so the closure a waiting formula keeps
 * holds these three values only, not the caller's whole scope.
 */
function singleLevelsThen<T>(
  window: FormulaWindow,
  kind: ReturnKind,
  use: (levels: SourcedSeries) => T
): (one: SourcedSeries) => T {
  return (one) => {
    requireCoverage(one, window);
    return use({ series: levelsOf(one, kind), provenance: one.provenance });
  };
}

/** The level series of a basket spec over a window (whenLevels, the levels themselves). */
export function loadLevels(
  ...[spec, window, currency, kind, signal]: Parameters<typeof loadBasketLevels>
): Promise<SourcedSeries> {
  return whenLevels(spec, window, currency, kind, signal, (levels) => levels);
}
