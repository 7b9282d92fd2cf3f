/**
 * The staleness rule for a window's end (docs/data.md, "Coverage"): a series whose last close lags
 * the end by more than STALE_AFTER_TRADING_DAYS trading days on its own calendar cannot answer for
 * that end - its last close would silently stand in for later dates. A lag up to that many days is a
 * close not yet published (today's session, a late file) and is answered with the last close.
 */
import { DayNumber, isoFromDay } from "./dates";
import { notAvailable } from "./errors";

/** Trading days a series may lag a window's end before its answer counts as stale. */
export const STALE_AFTER_TRADING_DAYS = 3;

/** Monday to Friday: the calendar used when a market's own is not known. */
export function isWeekday(day: DayNumber): boolean {
  const w = (((day + 4) % 7) + 7) % 7; // day 0 = 1970-01-01, a Thursday; 0 = Sunday
  return w !== 0 && w !== 6;
}

/**
 * Trading days strictly after `lastClose` up to and including `end`, by `isTradingDay`.
 * Example: last close Friday 2023-12-22, end Friday 2023-12-29 on the weekday calendar → 5.
 */
export function tradingDaysAfter(
  lastClose: DayNumber,
  end: DayNumber,
  isTradingDay: (day: DayNumber) => boolean = isWeekday
): number {
  let n = 0;
  for (let d = lastClose + 1; d <= end; d++) if (isTradingDay(d)) n++;
  return n;
}

/**
 * #N/A when the last close lags `end` by more than the allowed trading days, naming both dates.
 * Example: data ends 2023-11-08, window end 2023-12-29 (US calendar) → "X: data ends 2023-11-08,
 * 35 trading days before the window end 2023-12-29 (stale)...".
 */
export function requireFreshEnd(
  symbol: string,
  lastClose: DayNumber,
  end: DayNumber,
  isTradingDay: (day: DayNumber) => boolean = isWeekday,
  what = "the window end"
): void {
  if (end <= lastClose) return;
  const lag = tradingDaysAfter(lastClose, end, isTradingDay);
  if (lag > STALE_AFTER_TRADING_DAYS)
    throw notAvailable(
      `${symbol}: data ends ${isoFromDay(lastClose)}, ${lag} trading days before ${what} ${isoFromDay(end)} (stale): give an earlier ${what === "the window end" ? "end" : "date"}, or leave it empty for the latest close`
    );
}
