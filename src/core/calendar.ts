import { invalidValue, notAvailable } from "./errors";
import { PriceSeries } from "./series";
import { priceField, ReturnKind } from "./total-return";

/**
 * "intersection": only dates on which every series has a close (pairwise statistics: beta,
 * correlation, tracking error, information ratio).
 * "union": every date on which any series has a close, each series forward-filled with its last
 * close (basket indices and relative performance across markets with different holidays). Union
 * rows before the latest first date are dropped, since there is nothing to fill from.
 */
export type AlignMode = "intersection" | "union";

/** One dated column of levels; dates strictly ascending. */
export interface DatedValues {
  readonly dates: Int32Array;
  readonly values: Float64Array;
}

/** Several columns on one calendar: columns[k][t] is input k's level on dates[t]. */
export interface AlignedPanel {
  readonly dates: Int32Array;
  readonly symbols: readonly string[];
  readonly columns: readonly Float64Array[];
}

/**
 * Aligns dated columns to a common calendar (see AlignMode).
 * Example: A on days [1,2,4] = [10,11,12], B on [1,3,4] = [5,6,7]:
 *   intersection → days [1,4], A [10,12], B [5,7];
 *   union        → days [1,2,3,4], A [10,11,11,12], B [5,5,6,7].
 * @throws FinanceError "value" with no inputs or an unknown mode, "na" when the result is empty.
 */
export function alignColumns(
  inputs: readonly DatedValues[],
  mode: AlignMode
): { dates: Int32Array; columns: Float64Array[] } {
  if (inputs.length === 0) throw invalidValue("nothing to align");
  if (mode !== "intersection" && mode !== "union")
    throw invalidValue(`alignment "${String(mode)}" is not "intersection" or "union"`);
  for (const c of inputs) {
    if (c.dates.length === 0) throw notAvailable("cannot align an empty series");
    if (c.dates.length !== c.values.length) throw invalidValue("dates and values differ in length");
  }
  const dates = mode === "intersection" ? intersectDates(inputs) : unionDates(inputs);
  if (dates.length === 0) throw notAvailable("the series have no dates in common");
  const columns = inputs.map((c) => sampleOnOrBefore(c, dates));
  return { dates, columns };
}

/**
 * Aligns price series on their `kind` levels (closes or total-return index).
 * Example: alignSeries([hk, us], "intersection", "price").columns[1] holds the US closes on the
 * days both markets traded.
 */
export function alignSeries(
  series: readonly PriceSeries[],
  mode: AlignMode,
  kind: ReturnKind = "price"
): AlignedPanel {
  const { dates, columns } = alignColumns(
    series.map((s) => ({ dates: s.dates, values: priceField(s, kind) })),
    mode
  );
  return { dates, symbols: series.map((s) => s.symbol), columns };
}

/**
 * Levels of `col` on each of `days` under the window rule (last value on or before the day);
 * every day must be on or after col's first date. Linear merge, O(n + m).
 * Example: col days [1, 4] = [10, 12], days [1, 2, 5] → [10, 10, 12].
 */
export function sampleOnOrBefore(col: DatedValues, days: Int32Array): Float64Array {
  const out = new Float64Array(days.length);
  let j = 0;
  const n = col.dates.length;
  for (let t = 0; t < days.length; t++) {
    while (j + 1 < n && col.dates[j + 1] <= days[t]) j++;
    if (col.dates[j] > days[t]) throw notAvailable("a date precedes the series' first observation");
    out[t] = col.values[j];
  }
  return out;
}

function intersectDates(inputs: readonly DatedValues[]): Int32Array {
  let acc = inputs[0].dates;
  for (let k = 1; k < inputs.length; k++) {
    const b = inputs[k].dates;
    const out = new Int32Array(Math.min(acc.length, b.length));
    let i = 0;
    let j = 0;
    let m = 0;
    while (i < acc.length && j < b.length) {
      if (acc[i] === b[j]) {
        out[m++] = acc[i];
        i++;
        j++;
      } else if (acc[i] < b[j]) i++;
      else j++;
    }
    acc = out.subarray(0, m);
  }
  return Int32Array.from(acc);
}

function unionDates(inputs: readonly DatedValues[]): Int32Array {
  let firstCommon = -Infinity;
  let total = 0;
  for (const c of inputs) {
    firstCommon = Math.max(firstCommon, c.dates[0]);
    total += c.dates.length;
  }
  const all = new Int32Array(total);
  let m = 0;
  for (const c of inputs)
    for (let i = 0; i < c.dates.length; i++) if (c.dates[i] >= firstCommon) all[m++] = c.dates[i];
  const sorted = all.subarray(0, m).sort();
  let u = 0;
  for (let i = 0; i < sorted.length; i++)
    if (u === 0 || sorted[i] !== sorted[u - 1]) sorted[u++] = sorted[i];
  return Int32Array.from(sorted.subarray(0, u));
}
