import { sampleOnOrBefore } from "../core/calendar";
import { excelSerialFromDay, isoFromDay } from "../core/dates";
import { notAvailable } from "../core/errors";
import { indexOnOrBefore } from "../core/series";
import { parseCurrency } from "./args";
import { excelCall } from "./excel-errors";
import { parseBenchmarkArg } from "./market-lookup";
import { loadWithBenchmark, parseBasketWindow } from "./window-args";

/**
 * A basket (or symbol) and its benchmark as total-return levels rebased to 100 on the start close, one row per date the basket has a level: the chart series of "China tech vs the Nasdaq".
 * @customfunction REBASED
 * @helpurl https://localhost:3000/README.md#cntechrebased
 * @cancelable
 * @param symbols A symbol, a preset basket ("HSTECH") or a range of symbols (and weights).
 * @param start Start date: an Excel date, DATE(), or "YYYY-MM-DD".
 * @param [end] End date (default: the latest available close).
 * @param [currency] Currency both sides are measured in: "USD" (default), "HKD" or "CNY".
 * @param [benchmark] Benchmark symbol or preset (default "^XNDX", the Nasdaq-100 Total Return index).
 * @param invocation Cancellation handle supplied by Excel.
 * @returns A table: Date (Excel dates), the basket, the benchmark; 100 on the start close.
 */
export function cntechRebased(
  symbols: unknown[][],
  start: unknown,
  end: unknown,
  currency: unknown,
  benchmark: unknown,
  invocation: CustomFunctions.CancelableInvocation
): Promise<unknown[][]> {
  return excelCall(async () => {
    const call = parseBasketWindow({ symbols, start, end }, invocation);
    const ccy = parseCurrency(currency);
    const bench = parseBenchmarkArg(benchmark);
    const [a, b] = await loadWithBenchmark(call, bench, ccy);
    const i0 = indexOnOrBefore(a, call.w.start);
    const i1 = indexOnOrBefore(a, call.w.end);
    if (i0 < 0 || i1 < i0)
      throw notAvailable(`${call.spec.label}: no level on or before ${isoFromDay(call.w.start)}`);
    const dates = a.dates.slice(i0, i1 + 1);
    if (b.dates.length === 0 || b.dates[0] > dates[0])
      throw notAvailable(`${bench.label}: no level on or before ${isoFromDay(dates[0])}`);
    const benchOn = sampleOnOrBefore({ dates: b.dates, values: b.close }, dates);
    const rows = Array.from(dates, (d, t) => [
      excelSerialFromDay(d),
      100 * (a.close[i0 + t] / a.close[i0]),
      100 * (benchOn[t] / benchOn[0]),
    ]);
    return [["Date", call.spec.label, bench.label], ...rows];
  });
}
