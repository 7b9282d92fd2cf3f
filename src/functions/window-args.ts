/**
 * The first steps every window formula (RETURN, SPREAD.NASDAQ, the risk formulas) takes, in the same
 * order so the same bad argument gives the same error everywhere: hook up cancellation, parse the
 * basket and the window (end defaulting to today), and load a basket with its benchmark.
 */
import { PriceSeries } from "../core/series";
import { parseWindow } from "./args";
import { BasketSpec } from "./basket-args";
import { cancelSignal } from "./invocation";
import { parseBasketArg } from "./market-lookup";
import { loadLevels } from "./levels";
import { FormulaWindow, today } from "./window-data";
import { Currency } from "../core/currency";

export type { FormulaWindow } from "./window-data";

/** A formula's cancellation signal, basket and window. */
export interface BasketWindow {
  readonly signal: AbortSignal | undefined;
  readonly spec: BasketSpec;
  readonly w: FormulaWindow;
}

/** Cancellation, then the basket, then the window: the arguments every window formula starts with. */
export function parseBasketWindow(
  args: { symbols: unknown; start: unknown; end: unknown },
  invocation: CustomFunctions.CancelableInvocation | undefined
): BasketWindow {
  const signal = cancelSignal(invocation);
  const spec = parseBasketArg(args.symbols);
  const window = parseWindow(args.start, args.end);
  // No end: to the latest close. A start after today then reaches the data's "starts after the last close".
  if (window.end === undefined)
    return {
      signal,
      spec,
      w: { start: window.start, end: Math.max(today(), window.start), toDate: true },
    };
  return { signal, spec, w: { start: window.start, end: window.end } };
}

/** The basket's and the benchmark's total-return levels over the window, in one currency, fetched together. */
export async function loadWithBenchmark(
  call: BasketWindow,
  benchmark: BasketSpec,
  currency: Currency
): Promise<[PriceSeries, PriceSeries]> {
  const [a, b] = await Promise.all([
    loadLevels(call.spec, call.w, currency, "total", call.signal),
    loadLevels(benchmark, call.w, currency, "total", call.signal),
  ]);
  return [a.series, b.series];
}
