/**
 * What a symbol's returns include, for users comparing a basket with a benchmark: stocks and ETFs
 * are measured from adjusted closes (dividends reinvested); an index is whatever its level is —
 * most published index levels (^NDX, ^HSTECH) leave dividends out, total-return indices keep them.
 */
const TOTAL_RETURN_INDICES: Readonly<Record<string, string>> = {
  "^XNDX": "Nasdaq-100 Total Return",
  "^SP500TR": "S&P 500 Total Return",
};

const PRICE_INDICES: Readonly<Record<string, string>> = {
  "^NDX": "Nasdaq-100 price index",
  "^IXIC": "Nasdaq Composite price index",
  "^GSPC": "S&P 500 price index",
  "^HSTECH": "Hang Seng TECH price index",
  "^HSI": "Hang Seng price index",
};

export type ReturnKind = "total return" | "price index";

/** How a stock's or ETF's returns are measured: from adjusted closes, or (asked for) from closes. */
export const FROM_ADJUSTED_CLOSES = "total return: adjusted closes, dividends reinvested";
export const FROM_CLOSES = "price return: closes, dividends not included";

/** Whether a symbol's return includes dividends. */
export function returnKindOf(symbol: string): ReturnKind {
  return symbol.startsWith("^") && !TOTAL_RETURN_INDICES[symbol] ? "price index" : "total return";
}

/** The CNTECH.SOURCE "Measured as" text of a symbol. */
export function measuredAs(symbol: string): string {
  if (TOTAL_RETURN_INDICES[symbol]) return "total-return index: dividends reinvested";
  if (returnKindOf(symbol) === "price index") return "price index: dividends not included";
  return FROM_ADJUSTED_CLOSES;
}

/** "Nasdaq-100 Total Return (^XNDX)" for a benchmark caption; other symbols as they are. */
export function benchmarkLabel(symbol: string): string {
  const name = TOTAL_RETURN_INDICES[symbol] ?? PRICE_INDICES[symbol];
  return name ? `${name} (${symbol})` : symbol;
}
