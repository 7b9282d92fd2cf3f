import { DayNumber } from "./dates";
import { invalidValue } from "./errors";
import { PriceSeries, requireIndexOnOrBefore } from "./series";

export type ReturnKind = "price" | "total";

/**
 * Simple return over a window: from the last close on or before `start` to the last close on or before `end`.
 * R = P_end / P_start − 1. Total return uses adjusted closes when present.
 * Example: closes 100 → 110 gives 0.10.
 */
export function windowReturn(
  series: PriceSeries,
  start: DayNumber,
  end: DayNumber,
  kind: ReturnKind = "total"
): number {
  if (start > end) throw invalidValue("start date is after end date");
  const i0 = requireIndexOnOrBefore(series, start, "start");
  const i1 = requireIndexOnOrBefore(series, end, "end");
  const prices = kind === "total" && series.adjClose ? series.adjClose : series.close;
  return prices[i1] / prices[i0] - 1;
}
