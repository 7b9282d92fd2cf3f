/**
 * Shared plumbing of the risk formulas (VOL, BETA, CORR, TE, IR, MAXDD, SHARPE): parse the common
 * arguments, load the basket's (and benchmark's) level series in one currency, then hand them to a
 * core statistic. Levels are total-return levels; statistics use daily returns (252 per year).
 */
import { DayNumber } from "../core/dates";
import { FinanceError } from "../core/errors";
import { PriceSeries } from "../core/series";
import { parseCurrency } from "./args";
import { excelCall, excelFormula, finiteOrThrow } from "./excel-errors";
import { parseBenchmarkArg } from "./market-lookup";
import { FormulaWindow, loadWithBenchmark, parseBasketWindow } from "./window-args";
import { whenLevels } from "./levels";
import { SourcedSeries } from "./window-data";

/** Risk options passed to core: levels are already total-return levels, daily returns. */
export const LEVELS = { kind: "price" as const, frequency: "daily" as const };

/** A core statistic of a series against a benchmark over [start, end] (seriesBeta, seriesCorrelation, ...). */
export type PairedStatistic = (
  levels: PriceSeries,
  bench: PriceSeries,
  start: DayNumber,
  end: DayNumber,
  options: typeof LEVELS
) => number;

/** Runs a core statistic, prefixing its failure with the statistic's name ("volatility: ..."). */
function named(what: string, body: () => number): number {
  try {
    return body();
  } catch (e) {
    if (e instanceof FinanceError && !e.message.startsWith(what))
      throw new FinanceError(e.kind, `${what}: ${e.message}`);
    throw e;
  }
}

/** A statistic of a level series over `w` (a module-level factory: the waiting closure keeps its arguments only). */
function statisticOver(
  what: string,
  w: FormulaWindow,
  compute: (levels: PriceSeries, w: FormulaWindow) => number
): (levels: SourcedSeries) => number {
  return (levels) =>
    finiteOrThrow(
      named(what, () => compute(levels.series, w)),
      what
    );
}

/** A single-series statistic: VOL, MAXDD, SHARPE. */
export function singleRisk(
  what: string,
  args: { symbols: unknown; start: unknown; end: unknown; currency: unknown },
  invocation: CustomFunctions.CancelableInvocation | undefined,
  compute: (levels: PriceSeries, w: FormulaWindow) => number,
  parseExtra: () => void = () => undefined
): Promise<number> {
  // Not an async body: a waiting formula is one small record, not a suspended frame.
  return excelFormula((fail) => {
    const { signal, spec, w } = parseBasketWindow(args, invocation);
    const ccy = parseCurrency(args.currency);
    parseExtra();
    return whenLevels(
      spec,
      w,
      ccy,
      "total",
      signal,
      /*#__NOINLINE__*/ statisticOver(what, w, compute),
      fail
    );
  });
}

/** A statistic against a benchmark: BETA, CORR, TE, IR (intersection calendar, in one currency). */
export function benchmarkRisk(
  what: string,
  args: { symbols: unknown; start: unknown; end: unknown; benchmark: unknown; currency: unknown },
  invocation: CustomFunctions.CancelableInvocation | undefined,
  statistic: PairedStatistic
): Promise<number> {
  return excelCall(async () => {
    const call = parseBasketWindow(args, invocation);
    const bench = parseBenchmarkArg(args.benchmark);
    const ccy = parseCurrency(args.currency);
    const [a, b] = await loadWithBenchmark(call, bench, ccy);
    return finiteOrThrow(
      named(what, () => statistic(a, b, call.w.start, call.w.end, LEVELS)),
      what
    );
  });
}
