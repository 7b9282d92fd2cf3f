/**
 * Builds HISTORY's spilled table: a header row ("Date", symbols...), the start close, and one row
 * per trading date (Excel serials) after it in the window, each symbol's value on that date. A symbol that failed to load keeps
 * its column, every cell holding its error; a symbol that did not trade on a date shows "" there
 * (daily), or its last close in the period (weekly / monthly).
 */
import { DayNumber, excelSerialFromDay, Frequency, periodKey } from "../core/dates";
import { notAvailable } from "../core/errors";
import { indexOnOrBefore, PriceSeries } from "../core/series";
import { totalReturnIndex } from "../core/total-return";

export type HistoryField = "close" | "adjclose";

/** One column's outcome: its values by date, or the error that stopped it. */
export type ColumnSource =
  | { readonly symbol: string; readonly series: PriceSeries }
  | { readonly symbol: string; readonly error: CustomFunctions.Error };

/**
 * Adjusted closes: the source's own when given, else the total-return index rescaled so the last
 * value equals the last close (the usual "Adj Close" convention: past prices adjusted down).
 */
export function adjustedCloses(s: PriceSeries): Float64Array {
  if (s.adjClose) return s.adjClose;
  const tr = totalReturnIndex(s);
  const n = s.close.length;
  if (n === 0) return tr;
  const scale = s.close[n - 1] / tr[n - 1];
  return tr.map((v) => v * scale);
}

function windowDates(columns: readonly ColumnSource[], start: DayNumber, end: DayNumber): number[] {
  const days = new Set<number>();
  for (const c of columns) {
    if (!("series" in c)) continue;
    for (const d of c.series.dates) if (d >= start && d <= end) days.add(d);
  }
  return [...days].sort((a, b) => a - b);
}

/** Keeps the last date of each period (all dates for daily). */
function periodEnds(dates: number[], frequency: Frequency): number[] {
  if (frequency === "daily") return dates;
  return dates.filter(
    (d, i) =>
      i === dates.length - 1 || periodKey(d, frequency) !== periodKey(dates[i + 1], frequency)
  );
}

/** How far before start a start close may lie (a long market closure); older means no data. */
export const START_LOOKBACK_DAYS = 14;

/** The start close's day: the latest "last close on or before start" across the columns. */
function startCloseDay(columns: readonly ColumnSource[], start: DayNumber): DayNumber | undefined {
  let base: number | undefined;
  for (const c of columns) {
    if (!("series" in c)) continue;
    const i = indexOnOrBefore(c.series, start);
    if (i >= 0 && c.series.dates[i] >= start - START_LOOKBACK_DAYS)
      base = Math.max(base ?? -Infinity, c.series.dates[i]);
  }
  return base;
}

/**
 * The spilled table; throws #N/A when no column has any date in the window. The first row is the
 * start close (each symbol's last close on or before start, as RETURN uses), then the closes after
 * it: every trading date (daily) or each week's / month's last close (weekly / monthly), so
 * last / first − 1 down a column is the window's price return.
 */
export function historyTable(
  columns: readonly ColumnSource[],
  window: { start: DayNumber; end: DayNumber },
  frequency: Frequency,
  field: HistoryField
): unknown[][] {
  const base = startCloseDay(columns, window.start);
  const after = windowDates(columns, window.start, window.end).filter(
    (d) => base === undefined || d > base
  );
  const dates = [...(base === undefined ? [] : [base]), ...periodEnds(after, frequency)];
  if (dates.length === 0) {
    const failed = columns.find((c) => "error" in c);
    if (failed && "error" in failed) throw failed.error;
    throw notAvailable("no prices in the window");
  }
  const header: unknown[] = ["Date", ...columns.map((c) => c.symbol)];
  const values = columns.map((c) =>
    "series" in c ? (field === "close" ? c.series.close : adjustedCloses(c.series)) : undefined
  );
  const rows = dates.map((day, t) => {
    const row: unknown[] = [excelSerialFromDay(day)];
    columns.forEach((c, k) => {
      if (!("series" in c)) {
        row.push(c.error);
        return;
      }
      const i = indexOnOrBefore(c.series, day);
      const isStart = t === 0 && day === base;
      const tradedThatDay = i >= 0 && c.series.dates[i] === day;
      const inPeriod =
        i >= 0 && periodKey(c.series.dates[i], frequency) === periodKey(day, frequency);
      const show = isStart ? i >= 0 : tradedThatDay || (frequency !== "daily" && inPeriod);
      row.push(show ? values[k]![i] : "");
    });
    return row;
  });
  return [header, ...rows];
}
