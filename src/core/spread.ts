import { alignColumns, DatedValues } from "./calendar";
import { DayNumber } from "./dates";
import { invalidValue } from "./errors";
import { windowReturn } from "./returns";
import { PriceSeries } from "./series";
import { ReturnKind } from "./total-return";

/** "pct": decimal difference (0.01 = 1 %); "bps": ×10 000; "log": ln(1+R_a) − ln(1+R_b). */
export type SpreadUnits = "pct" | "bps" | "log";

/**
 * Spread of a return over a benchmark return.
 *   pct: R_a − R_b;  bps: (R_a − R_b) × 10 000;  log: ln(1 + R_a) − ln(1 + R_b).
 * Example: R_a = 0.12, R_b = 0.05 → pct 0.07, bps 700, log ln(1.12/1.05) ≈ 0.0645385.
 * @throws "value" for unknown units or a return ≤ −1 in log units.
 */
export function spread(ret: number, benchmarkRet: number, units: SpreadUnits = "pct"): number {
  switch (units) {
    case "pct":
      return ret - benchmarkRet;
    case "bps":
      return (ret - benchmarkRet) * 10000;
    case "log":
      if (!(ret > -1) || !(benchmarkRet > -1))
        throw invalidValue("log spread needs returns above −100 %");
      return Math.log1p(ret) - Math.log1p(benchmarkRet);
    default:
      throw invalidValue(`units "${String(units)}" is not pct, bps or log`);
  }
}

/**
 * Spread of one series over a benchmark over a window, each return on its own calendar with the
 * window rule (last close on or before start / end), both in the series' own currency.
 * Example: series 100 → 112, benchmark 200 → 210, units "bps" → 700.
 */
export function seriesSpread(
  series: PriceSeries,
  benchmark: PriceSeries,
  start: DayNumber,
  end: DayNumber,
  units: SpreadUnits = "pct",
  kind: ReturnKind = "total"
): number {
  if (series.currency.toUpperCase() !== benchmark.currency.toUpperCase())
    throw invalidValue(
      `${series.symbol} is in ${series.currency}, ${benchmark.symbol} in ${benchmark.currency}: convert first`
    );
  return spread(
    windowReturn(series, start, end, kind),
    windowReturn(benchmark, start, end, kind),
    units
  );
}

/**
 * Relative performance index: RP_t = base × (A_t / A_0) / (B_t / B_0) on the union calendar with
 * forward-fill. It rises when A outperforms B. RP_T / base − 1 = (1 + R_A)/(1 + R_B) − 1.
 * Example: A 100 → 110, B 50 → 52.5 → [100, 104.7619…].
 */
export function relativePerformance(
  a: DatedValues,
  b: DatedValues,
  base = 100
): { dates: Int32Array; values: Float64Array } {
  const { dates, columns } = alignColumns([a, b], "union");
  const [x, y] = columns;
  const values = new Float64Array(dates.length);
  for (let t = 0; t < dates.length; t++) values[t] = (base * (x[t] / x[0])) / (y[t] / y[0]);
  return { dates, values };
}
