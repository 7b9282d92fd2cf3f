import { spread, SpreadUnits } from "../core/spread";
import { windowReturn } from "../core/returns";
import { ReturnKind } from "../core/total-return";
import { parseCurrency, parseEnum } from "./args";
import { excelCall, excelFormula, finiteOrThrow } from "./excel-errors";
import { parseBenchmarkArg } from "./market-lookup";
import { FormulaWindow, loadWithBenchmark, parseBasketWindow } from "./window-args";
import { whenLevels } from "./levels";
import { SourcedSeries } from "./window-data";

export const RETURN_KINDS: readonly ReturnKind[] = ["total", "price"];
export const SPREAD_UNITS: readonly SpreadUnits[] = ["pct", "bps", "log"];

/** The window return of a level series (a module-level factory: the waiting closure keeps `w` only). */
function returnOver(w: FormulaWindow): (levels: SourcedSeries) => number {
  return (levels) => finiteOrThrow(windowReturn(levels.series, w.start, w.end, "price"), "return");
}

/**
 * Return of a symbol, a preset basket or a basket range over a window, from the last close on or before start to the last close on or before end, in the reporting currency.
 * @customfunction RETURN
 * @helpurl https://localhost:3000/README.md#cntechreturn
 * @cancelable
 * @param symbols A symbol ("0700.HK"), a preset basket ("HSTECH"), or a range: one column of symbols (equal weights) or two columns (symbol, weight).
 * @param start Start date: an Excel date, DATE(), or "YYYY-MM-DD".
 * @param [end] End date (default: the latest available close).
 * @param [currency] Reporting currency: "USD" (default), "HKD" or "CNY".
 * @param [kind] "total" (default, dividends reinvested) or "price".
 * @param invocation Cancellation handle supplied by Excel.
 * @returns The return as a decimal (0.05 = 5 %).
 */
export function cntechReturn(
  symbols: unknown[][],
  start: unknown,
  end: unknown,
  currency: unknown,
  kind: unknown,
  invocation: CustomFunctions.CancelableInvocation
): Promise<number> {
  // Not an async body: a waiting formula is one small record, not a suspended frame.
  return excelFormula((fail) => {
    const { signal, spec, w } = parseBasketWindow({ symbols, start, end }, invocation);
    const ccy = parseCurrency(currency);
    const k = parseEnum(kind, "kind", RETURN_KINDS, "total");
    return whenLevels(spec, w, ccy, k, signal, /*#__NOINLINE__*/ returnOver(w), fail);
  });
}

/**
 * The basket's return minus the Nasdaq benchmark's over the same window, both converted to the same currency (default benchmark: the Nasdaq-100 Total Return index ^XNDX, so both sides include reinvested dividends; "^NDX" is the price index).
 * @customfunction SPREAD.NASDAQ
 * @helpurl https://localhost:3000/README.md#cntechspreadnasdaq
 * @cancelable
 * @param symbols A symbol, a preset basket ("HSTECH") or a range of symbols (and weights).
 * @param start Start date: an Excel date, DATE(), or "YYYY-MM-DD".
 * @param [end] End date (default: the latest available close).
 * @param [currency] Currency both returns are measured in: "USD" (default), "HKD" or "CNY".
 * @param [benchmark] Benchmark symbol or preset (default "^XNDX", the Nasdaq-100 Total Return index).
 * @param [units] "pct" (default, decimal difference), "bps" (basis points) or "log" (log-return difference).
 * @param invocation Cancellation handle supplied by Excel.
 * @returns Basket return minus benchmark return, in the units asked for.
 */
export function cntechSpreadNasdaq(
  symbols: unknown[][],
  start: unknown,
  end: unknown,
  currency: unknown,
  benchmark: unknown,
  units: unknown,
  invocation: CustomFunctions.CancelableInvocation
): Promise<number> {
  return excelCall(async () => {
    const call = parseBasketWindow({ symbols, start, end }, invocation);
    const bench = parseBenchmarkArg(benchmark);
    const u = parseEnum(units, "units", SPREAD_UNITS, "pct");
    const ccy = parseCurrency(currency);
    const [a, b] = await loadWithBenchmark(call, bench, ccy);
    const { start: d0, end: d1 } = call.w;
    const ra = windowReturn(a, d0, d1, "price");
    const rb = windowReturn(b, d0, d1, "price");
    return finiteOrThrow(spread(ra, rb, u), "spread");
  });
}
