import { DayNumber } from "../core/dates";
import { PriceSeries } from "../core/series";

/** Where a number came from. Every answer the data layer gives carries one. */
export interface Provenance {
  /** Human-readable source name, e.g. "demo (synthetic)" or "Financial Modeling Prep". */
  readonly source: string;
  /** ISO timestamp (or date) the data is as of. */
  readonly asOf: string;
  readonly synthetic: boolean;
  readonly delayed: boolean;
  /** Served from cache after a failed refresh. */
  readonly stale: boolean;
  /** ISO timestamp when the data was fetched from the source (absent for embedded / user data). */
  readonly fetchedAt?: string;
  /** Anything else the user should know, e.g. malformed rows left out of user-supplied data. */
  readonly notes?: string;
}

export interface HistoryResult {
  readonly series: PriceSeries;
  readonly provenance: Provenance;
}

export interface SymbolInfo {
  readonly symbol: string;
  readonly name: string;
  readonly exchange: string;
  readonly currency: string;
}

export interface Quote {
  readonly symbol: string;
  readonly price: number;
  readonly currency: string;
  readonly provenance: Provenance;
}

export interface RequestOptions {
  /** Cancels this caller's wait (a shared in-flight request is aborted only when every waiter cancelled). */
  readonly signal?: AbortSignal;
}

/**
 * What a history request is for: "close" when only traded closes are needed (prices, price
 * returns), "adjusted" when a total return or an adjusted close is (the default). A source that
 * fetches adjusted prices separately (FMP) then asks for them only when they are needed.
 */
export type HistoryNeed = "close" | "adjusted";

export interface HistoryOptions extends RequestOptions {
  /** Default "adjusted". */
  readonly need?: HistoryNeed;
}

/** One market-data source. Symbols passed in are canonical (see symbols.ts). */
export interface MarketDataProvider {
  readonly id: string;
  readonly name: string;
  getHistory(
    symbol: string,
    from: DayNumber,
    to: DayNumber,
    options?: HistoryOptions
  ): Promise<HistoryResult>;
  /**
   * True when adjusted closes cost a request of their own (FMP): a "close" history is then a
   * different, cheaper series, cached apart. Otherwise every history carries both.
   */
  readonly adjustedSeparately?: boolean;
  getQuote(symbol: string, options?: RequestOptions): Promise<Quote>;
  getSymbolInfo(symbol: string, options?: RequestOptions): Promise<SymbolInfo>;
  /**
   * Daily FX history as units of `quote` per 1 USD (e.g. HKD → about 7.8). Providers without FX omit it;
   * MarketData then reports #N/A for conversions.
   */
  getUsdFxHistory?(
    quote: "HKD" | "CNY",
    from: DayNumber,
    to: DayNumber,
    options?: RequestOptions
  ): Promise<HistoryResult>;
  /**
   * Embedded / in-memory sources (demo, CSV) answer instantly from memory: the cache layer skips
   * rate limiting, persistence and expiry for them.
   */
  readonly local?: boolean;
}
