import {
  seriesBeta,
  seriesCorrelation,
  seriesInformationRatio,
  seriesMaxDrawdown,
  seriesSharpe,
  seriesTrackingError,
  seriesVolatility,
} from "../core/risk";
import { parseOptionalNumber } from "./args";
import { benchmarkRisk, LEVELS, singleRisk } from "./risk-inputs";

/**
 * Annualised volatility of daily total returns over the window (sample standard deviation × √252).
 * @customfunction VOL
 * @helpurl https://localhost:3000/README.md#cntechvol
 * @cancelable
 * @param symbols A symbol, a preset basket ("HSTECH") or a range of symbols (and weights).
 * @param start Start date: an Excel date, DATE(), or "YYYY-MM-DD".
 * @param [end] End date (default: the latest available close).
 * @param [currency] Currency the returns are measured in: "USD" (default), "HKD" or "CNY".
 * @param invocation Cancellation handle supplied by Excel.
 * @returns Annualised volatility as a decimal (0.25 = 25 %).
 */
export function cntechVol(
  symbols: unknown[][],
  start: unknown,
  end: unknown,
  currency: unknown,
  invocation: CustomFunctions.CancelableInvocation
): Promise<number> {
  return singleRisk("volatility", { symbols, start, end, currency }, invocation, (s, w) =>
    seriesVolatility(s, w.start, w.end, LEVELS)
  );
}

/**
 * Beta of daily total returns against a benchmark (default the Nasdaq-100 Total Return index, ^XNDX), on the days both traded.
 * @customfunction BETA
 * @helpurl https://localhost:3000/README.md#cntechbeta
 * @cancelable
 * @param symbols A symbol, a preset basket ("HSTECH") or a range of symbols (and weights).
 * @param start Start date: an Excel date, DATE(), or "YYYY-MM-DD".
 * @param [end] End date (default: the latest available close).
 * @param [currency] Currency both series are measured in: "USD" (default), "HKD" or "CNY".
 * @param [benchmark] Benchmark symbol or preset (default "^XNDX", the Nasdaq-100 Total Return index).
 * @param invocation Cancellation handle supplied by Excel.
 * @returns Beta: covariance with the benchmark over the benchmark's variance.
 */
export function cntechBeta(
  symbols: unknown[][],
  start: unknown,
  end: unknown,
  currency: unknown,
  benchmark: unknown,
  invocation: CustomFunctions.CancelableInvocation
): Promise<number> {
  return benchmarkRisk(
    "beta",
    { symbols, start, end, benchmark, currency },
    invocation,
    seriesBeta
  );
}

/**
 * Correlation of daily total returns with a benchmark (default the Nasdaq-100 Total Return index, ^XNDX), on the days both traded.
 * @customfunction CORR
 * @helpurl https://localhost:3000/README.md#cntechcorr
 * @cancelable
 * @param symbols A symbol, a preset basket ("HSTECH") or a range of symbols (and weights).
 * @param start Start date: an Excel date, DATE(), or "YYYY-MM-DD".
 * @param [end] End date (default: the latest available close).
 * @param [currency] Currency both series are measured in: "USD" (default), "HKD" or "CNY".
 * @param [benchmark] Benchmark symbol or preset (default "^XNDX", the Nasdaq-100 Total Return index).
 * @param invocation Cancellation handle supplied by Excel.
 * @returns Pearson correlation, between -1 and 1.
 */
export function cntechCorr(
  symbols: unknown[][],
  start: unknown,
  end: unknown,
  currency: unknown,
  benchmark: unknown,
  invocation: CustomFunctions.CancelableInvocation
): Promise<number> {
  return benchmarkRisk(
    "correlation",
    { symbols, start, end, benchmark, currency },
    invocation,
    seriesCorrelation
  );
}

/**
 * Annualised tracking error against a benchmark (default ^XNDX, the Nasdaq-100 Total Return index): standard deviation of daily active returns × √252.
 * @customfunction TE
 * @helpurl https://localhost:3000/README.md#cntechte
 * @cancelable
 * @param symbols A symbol, a preset basket ("HSTECH") or a range of symbols (and weights).
 * @param start Start date: an Excel date, DATE(), or "YYYY-MM-DD".
 * @param [end] End date (default: the latest available close).
 * @param [currency] Currency both series are measured in: "USD" (default), "HKD" or "CNY".
 * @param [benchmark] Benchmark symbol or preset (default "^XNDX", the Nasdaq-100 Total Return index).
 * @param invocation Cancellation handle supplied by Excel.
 * @returns Tracking error as a decimal.
 */
export function cntechTe(
  symbols: unknown[][],
  start: unknown,
  end: unknown,
  currency: unknown,
  benchmark: unknown,
  invocation: CustomFunctions.CancelableInvocation
): Promise<number> {
  return benchmarkRisk(
    "tracking error",
    { symbols, start, end, benchmark, currency },
    invocation,
    seriesTrackingError
  );
}

/**
 * Information ratio against a benchmark (default ^XNDX, the Nasdaq-100 Total Return index): annualised mean active return over tracking error.
 * @customfunction IR
 * @helpurl https://localhost:3000/README.md#cntechir
 * @cancelable
 * @param symbols A symbol, a preset basket ("HSTECH") or a range of symbols (and weights).
 * @param start Start date: an Excel date, DATE(), or "YYYY-MM-DD".
 * @param [end] End date (default: the latest available close).
 * @param [currency] Currency both series are measured in: "USD" (default), "HKD" or "CNY".
 * @param [benchmark] Benchmark symbol or preset (default "^XNDX", the Nasdaq-100 Total Return index).
 * @param invocation Cancellation handle supplied by Excel.
 * @returns Information ratio.
 */
export function cntechIr(
  symbols: unknown[][],
  start: unknown,
  end: unknown,
  currency: unknown,
  benchmark: unknown,
  invocation: CustomFunctions.CancelableInvocation
): Promise<number> {
  return benchmarkRisk(
    "information ratio",
    { symbols, start, end, benchmark, currency },
    invocation,
    seriesInformationRatio
  );
}

/**
 * Maximum drawdown of the total-return level over the window: the worst fall from a running peak.
 * @customfunction MAXDD
 * @helpurl https://localhost:3000/README.md#cntechmaxdd
 * @cancelable
 * @param symbols A symbol, a preset basket ("HSTECH") or a range of symbols (and weights).
 * @param start Start date: an Excel date, DATE(), or "YYYY-MM-DD".
 * @param [end] End date (default: the latest available close).
 * @param [currency] Currency the levels are measured in: "USD" (default), "HKD" or "CNY".
 * @param invocation Cancellation handle supplied by Excel.
 * @returns The drawdown as a negative decimal (-0.25 = a 25 % fall), 0 if it never fell.
 */
export function cntechMaxdd(
  symbols: unknown[][],
  start: unknown,
  end: unknown,
  currency: unknown,
  invocation: CustomFunctions.CancelableInvocation
): Promise<number> {
  return singleRisk(
    "maximum drawdown",
    { symbols, start, end, currency },
    invocation,
    (s, w) => seriesMaxDrawdown(s, w.start, w.end, "price").maxDrawdown
  );
}

/**
 * Annualised Sharpe ratio of daily total returns in excess of a risk-free rate (rate / 252 per day).
 * @customfunction SHARPE
 * @helpurl https://localhost:3000/README.md#cntechsharpe
 * @cancelable
 * @param symbols A symbol, a preset basket ("HSTECH") or a range of symbols (and weights).
 * @param start Start date: an Excel date, DATE(), or "YYYY-MM-DD".
 * @param [end] End date (default: the latest available close).
 * @param [currency] Currency the returns are measured in: "USD" (default), "HKD" or "CNY".
 * @param [risk_free] Annual risk-free rate as a decimal (default 0; 0.04 = 4 %).
 * @param invocation Cancellation handle supplied by Excel.
 * @returns Sharpe ratio.
 */
export function cntechSharpe(
  symbols: unknown[][],
  start: unknown,
  end: unknown,
  currency: unknown,
  risk_free: unknown,
  invocation: CustomFunctions.CancelableInvocation
): Promise<number> {
  let rf = 0;
  return singleRisk(
    "Sharpe ratio",
    { symbols, start, end, currency },
    invocation,
    (s, w) => seriesSharpe(s, w.start, w.end, rf, LEVELS),
    () => {
      rf = parseOptionalNumber(risk_free, "risk_free", 0, { min: -1, max: 1 });
    }
  );
}
