import { seriesVolatility } from "../risk";
import { PriceSeries } from "../series";

/** Calendar days of history behind the Monte Carlo's idiosyncratic vols. */
export const VOL_LOOKBACK_DAYS = 365;

/**
 * Annualised volatility of daily total returns over the year to the series' last close, or
 * undefined when the series is too short to say (the caller then uses the stated segment default).
 */
export function trailingYearVol(series: PriceSeries): number | undefined {
  const n = series.dates.length;
  if (n < 20) return undefined;
  const last = series.dates[n - 1];
  try {
    const v = seriesVolatility(series, last - VOL_LOOKBACK_DAYS, last, { kind: "total" });
    return Number.isFinite(v) && v > 0 ? v : undefined;
  } catch {
    return undefined;
  }
}
