import { calendarPeriods, CalendarPeriod } from "../core/periods";
import { excelSerialFromDay } from "../core/dates";
import { windowReturn } from "../core/returns";
import { parseCurrency, parseEnum } from "./args";
import { excelCall, finiteOrThrow } from "./excel-errors";
import { loadLevels } from "./levels";
import { parseBasketWindow } from "./window-args";

export const PERIODS: readonly CalendarPeriod[] = ["year", "quarter", "month"];

/**
 * Calendar-year, quarter or month total returns of a symbol or basket, as a table: each period measured like RETURN from the previous period's last day to its own (the first and last clipped to the window), so the rows chain into the window's return.
 * @customfunction PERIODS
 * @helpurl https://localhost:3000/README.md#cntechperiods
 * @cancelable
 * @param symbols A symbol, a preset basket ("HSTECH") or a range of symbols (and weights).
 * @param start Start date: an Excel date, DATE(), or "YYYY-MM-DD" (for whole calendar periods, the last day of the previous period, e.g. "2023-12-31").
 * @param [end] End date (default: the latest available close).
 * @param [currency] Reporting currency: "USD" (default), "HKD" or "CNY".
 * @param [period] "year" (default), "quarter" or "month".
 * @param invocation Cancellation handle supplied by Excel.
 * @returns A table: Period, Start, End (Excel dates), Return; one row per period.
 */
export function cntechPeriods(
  symbols: unknown[][],
  start: unknown,
  end: unknown,
  currency: unknown,
  period: unknown,
  invocation: CustomFunctions.CancelableInvocation
): Promise<unknown[][]> {
  return excelCall(async () => {
    const call = parseBasketWindow({ symbols, start, end }, invocation);
    const ccy = parseCurrency(currency);
    const p = parseEnum(period, "period", PERIODS, "year");
    const spans = calendarPeriods(call.w.start, call.w.end, p);
    const { series } = await loadLevels(call.spec, call.w, ccy, "total", call.signal);
    const rows = spans.map((s) => [
      s.label,
      excelSerialFromDay(s.from),
      excelSerialFromDay(s.to),
      finiteOrThrow(windowReturn(series, s.from, s.to, "price"), "return"),
    ]);
    return [["Period", "Start", "End", call.spec.label], ...rows];
  });
}
