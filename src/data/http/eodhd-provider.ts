import { z } from "zod";
import { DayNumber, isoFromDay } from "../../core/dates";
import { getSecret, ProviderError, setSecret } from "../provider-error";
import { currencyOfMarket, marketOf, toEodhdSymbol } from "../symbols";
import { HistoryResult, MarketDataProvider, Quote, RequestOptions, SymbolInfo } from "../types";
import { buildProviderSeries, historyRows } from "./build-series";
import {
  HttpLane,
  HttpProviderOptions,
  parseJsonBody,
  RefusalReader,
  servedStale,
} from "./http-client";
import {
  bodyError,
  BodyErrorRule,
  errorBodyText,
  matchBodyRule,
  historyResult,
  liveProvenance,
  parseShape,
  PriceField as price,
  quotePrice,
} from "./provider-responses";

export const EODHD_NAME = "EODHD";
export const EODHD_BASE_URL = "https://eodhd.com";

const RealTime = z.object({ code: z.string().optional(), close: price });
const General = z.object({
  Code: z.string().nullish(),
  Name: z.string().nullish(),
  Exchange: z.string().nullish(),
  CurrencyCode: z.string().nullish(),
});
/** EODHD sometimes answers HTTP 200 with {"error": "..."} or {"message": "..."}. */
const ErrorBody = z.union([z.object({ error: z.string() }), z.object({ message: z.string() })]);
const ERROR_RULES: readonly BodyErrorRule[] = [
  {
    // A wrong key is HTTP 401 with the plain-text body "Unauthenticated".
    needles: ["unauthenticated", "invalid api", "token"],
    kind: "auth",
    message: () => "rejected the API key; check Settings",
  },
  { needles: ["limit"], kind: "rate-limited", message: () => "plan request limit reached" },
  { needles: ["not found"], kind: "unknown-symbol", message: (what) => `does not know ${what}` },
];

/** EODHD's 4xx bodies, read before the status decides (a 403 alone means the plan, not the key). */
const readRefusal: RefusalReader = (status, body, what) =>
  matchBodyRule(EODHD_NAME, errorBodyText(body, ["error", "message"]), what, ERROR_RULES, status);

/**
 * EODHD end-of-day API: one request per series returns close and adjusted_close together.
 * Its symbols: 0700.HK, 600519.SHG, 000001.SHE, NVDA.US, NDX.INDX, USDHKD.FOREX. Not documented to
 * send CORS headers: from the add-in use a proxy base URL (docs/data.md).
 */
export class EodhdProvider implements MarketDataProvider {
  readonly id = "eodhd";
  readonly name = EODHD_NAME;
  readonly lane: HttpLane;

  constructor(options: HttpProviderOptions) {
    setSecret(this, options.apiKey);
    this.lane = new HttpLane(EODHD_NAME, EODHD_BASE_URL, options, readRefusal);
  }

  private async call(
    path: string,
    params: Record<string, string>,
    what: string,
    signal?: AbortSignal
  ): Promise<unknown> {
    const query = {
      ...params,
      fmt: "json",
      ...(getSecret(this) ? { api_token: getSecret(this) } : {}),
    };
    // 404 is EODHD's "Ticker Not Found."; read it here instead of as a generic HTTP failure.
    const raw = await this.lane.get(
      path,
      query,
      what,
      signal,
      (s) => (s >= 200 && s < 300) || s === 404
    );
    if (raw.status === 404) {
      throw new ProviderError(
        EODHD_NAME,
        "unknown-symbol",
        `does not know ${what} (ticker not found)`,
        404
      );
    }
    const body = parseJsonBody(raw, EODHD_NAME, what);
    const err = ErrorBody.safeParse(body);
    if (err.success && !Array.isArray(body)) {
      const message = "error" in err.data ? err.data.error : err.data.message;
      throw bodyError(EODHD_NAME, message, what, getSecret(this), ERROR_RULES);
    }
    return body;
  }

  private async eod(
    code: string,
    what: string,
    from: DayNumber,
    to: DayNumber,
    signal?: AbortSignal
  ) {
    const body = await this.call(
      `/api/eod/${encodeURIComponent(code)}`,
      { from: isoFromDay(from), to: isoFromDay(to), period: "d" },
      what,
      signal
    );
    return historyRows(EODHD_NAME, body, what);
  }

  async getHistory(
    symbol: string,
    from: DayNumber,
    to: DayNumber,
    options?: RequestOptions
  ): Promise<HistoryResult> {
    const rows = await this.eod(toEodhdSymbol(symbol), symbol, from, to, options?.signal);
    const series = buildProviderSeries(EODHD_NAME, symbol, currencyOfMarket(symbol), rows, {
      close: "close",
      adjClose: "adjusted_close",
    });
    return historyResult(EODHD_NAME, series, servedStale(rows));
  }

  async getUsdFxHistory(
    quote: "HKD" | "CNY",
    from: DayNumber,
    to: DayNumber,
    options?: RequestOptions
  ): Promise<HistoryResult> {
    const pair = `USD${quote}`;
    const rows = await this.eod(`${pair}.FOREX`, pair, from, to, options?.signal);
    return historyResult(
      EODHD_NAME,
      buildProviderSeries(EODHD_NAME, pair, quote, rows, { close: "close" }),
      servedStale(rows)
    );
  }

  async getQuote(symbol: string, options?: RequestOptions): Promise<Quote> {
    const body = await this.call(
      `/api/real-time/${encodeURIComponent(toEodhdSymbol(symbol))}`,
      {},
      symbol,
      options?.signal
    );
    const parsed = RealTime.safeParse(body);
    // An unknown code answers HTTP 200 with every field "NA".
    if (parsed.success && parsed.data.close === "NA") {
      throw new ProviderError(
        EODHD_NAME,
        "unknown-symbol",
        `does not know ${symbol} (no live price)`
      );
    }
    const p = quotePrice(EODHD_NAME, parsed.success ? parsed.data.close : undefined, symbol);
    // EODHD's "live" prices are delayed 15–20 minutes for most exchanges.
    return {
      symbol,
      price: p,
      currency: currencyOfMarket(symbol),
      provenance: liveProvenance(EODHD_NAME, new Date().toISOString(), true, servedStale(body)),
    };
  }

  async getSymbolInfo(symbol: string, options?: RequestOptions): Promise<SymbolInfo> {
    const body = await this.call(
      `/api/fundamentals/${encodeURIComponent(toEodhdSymbol(symbol))}`,
      { filter: "General" },
      symbol,
      options?.signal
    );
    const g = parseShape(EODHD_NAME, General, body, symbol);
    return {
      symbol,
      name: g.Name ?? symbol,
      exchange: g.Exchange ?? marketOf(symbol),
      currency: (g.CurrencyCode ?? currencyOfMarket(symbol)).toUpperCase(),
    };
  }
}
