import { excelSerialFromDay } from "../core/dates";
import { invalidValue } from "../core/errors";
import {
  minRollingWindow,
  pairedReturns,
  ROLLING_STATISTICS,
  rollingStatistic,
  seriesReturns,
} from "../core/risk";
import { parseCurrency, parseEnum, parseOptionalNumber } from "./args";
import { excelCall, finiteOrThrow } from "./excel-errors";
import { loadLevels } from "./levels";
import { parseBenchmarkArg } from "./market-lookup";
import { LEVELS } from "./risk-inputs";
import { FormulaWindow, loadWithBenchmark, parseBasketWindow } from "./window-args";

/**
 * Rolling volatility, beta, correlation or tracking error as a table: one row per date, each value the matching VOL, BETA, CORR or TE over the window's daily total returns ending that date (a basket held from each window's start, as those do).
 * @customfunction ROLLING
 * @helpurl https://localhost:3000/README.md#cntechrolling
 * @cancelable
 * @param stat "vol", "beta", "corr" or "te".
 * @param symbols A symbol, a preset basket ("HSTECH") or a range of symbols (and weights).
 * @param start Start date: an Excel date, DATE(), or "YYYY-MM-DD".
 * @param [end] End date (default: the latest available close).
 * @param [currency] Currency the returns are measured in: "USD" (default), "HKD" or "CNY".
 * @param [window] Daily returns per window (default 63; at least 2 for "vol", 3 otherwise).
 * @param [benchmark] Benchmark symbol or preset for beta, corr and te (default "^XNDX", the Nasdaq-100 Total Return index).
 * @param invocation Cancellation handle supplied by Excel.
 * @returns A table: Date (Excel dates) and the statistic; one row per window end.
 */
export function cntechRolling(
  stat: unknown,
  symbols: unknown[][],
  start: unknown,
  end: unknown,
  currency: unknown,
  window: unknown,
  benchmark: unknown,
  invocation: CustomFunctions.CancelableInvocation
): Promise<unknown[][]> {
  return excelCall(async () => {
    const s = parseEnum(stat, "stat", ROLLING_STATISTICS, "vol");
    const call = parseBasketWindow({ symbols, start, end }, invocation);
    const ccy = parseCurrency(currency);
    const n = parseOptionalNumber(window, "window", 63);
    if (!Number.isInteger(n) || n < minRollingWindow(s))
      throw invalidValue(`window: ${n} is not a whole number of returns ≥ ${minRollingWindow(s)}`);
    const bench = parseBenchmarkArg(benchmark);
    const returnsOver = async (w: FormulaWindow) => {
      if (s === "vol") {
        const { series } = await loadLevels(call.spec, w, ccy, "total", call.signal);
        const r = seriesReturns(series, w.start, w.end, LEVELS);
        return { dates: r.dates, a: r.values };
      }
      const [a, b] = await loadWithBenchmark({ ...call, w }, bench, ccy);
      return pairedReturns(a, b, w.start, w.end, LEVELS);
    };
    const all = await returnsOver(call.w);
    const out = rollingStatistic(s, all, n);
    // A basket is held from its window's start close, as in VOL, BETA, CORR and TE: each row's
    // window is formed again from the close before its first return.
    const baskets = [call.spec, ...(s === "vol" ? [] : [bench])];
    if (baskets.some((b) => b.members.length > 1))
      for (let k = 0; k < out.dates.length; k++) {
        const from = k === 0 ? call.w.start : all.dates[k - 1];
        const r = await returnsOver({ start: from, end: out.dates[k] });
        out.values[k] = rollingStatistic(s, r, r.a.length).values[0];
      }
    const rows = Array.from(out.dates, (d, k) => [
      excelSerialFromDay(d),
      finiteOrThrow(out.values[k], s),
    ]);
    return [["Date", s], ...rows];
  });
}
