import { invalidValue, notAvailable } from "./errors";
import { PriceSeries } from "./series";

/** "price": traded closes only. "total": dividends reinvested (adjusted closes, or closes plus dividends). */
export type ReturnKind = "price" | "total";

/**
 * Total-return index on the series' own dates, starting at the first close.
 * When the source gives adjusted closes they are used as they are (they already embed dividends
 * and splits). Otherwise each cash dividend D_t is reinvested at the ex-date close:
 *   TR_0 = P_0,   TR_t = TR_{t−1} × (P_t + D_t) / P_{t−1}.
 * Without dividends the index equals the closes, unless the series says no total-return basis
 * exists (`totalUnavailable`): then this fails as #N/A with that reason.
 * Example: closes [100, 98, 99], dividends [0, 2, 0] → [100, 100, 101.0204…] (98+2 = 100, ×99/98).
 */
export function totalReturnIndex(series: PriceSeries): Float64Array {
  if (series.adjClose) return series.adjClose;
  // Never a price index presented as total: a source that could not give one says why.
  if (series.totalUnavailable !== undefined) throw notAvailable(series.totalUnavailable);
  const p = series.close;
  const d = series.dividends;
  if (!d) return p;
  const out = new Float64Array(p.length);
  if (p.length === 0) return out;
  out[0] = p[0];
  for (let t = 1; t < p.length; t++) out[t] = (out[t - 1] * (p[t] + d[t])) / p[t - 1];
  return out;
}

/**
 * The level series a return of `kind` is measured on: closes for "price", the total-return index
 * for "total". Example: priceField(s, "price") === s.close.
 */
export function priceField(series: PriceSeries, kind: ReturnKind): Float64Array {
  if (kind === "price") return series.close;
  if (kind === "total") return totalReturnIndex(series);
  throw invalidValue(`return kind "${String(kind)}" is not "price" or "total"`);
}
