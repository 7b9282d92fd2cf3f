import { z } from "zod";
import { DayNumber, isoFromDay } from "../../core/dates";
import { getSecret, ProviderError, setSecret } from "../provider-error";
import { currencyOfMarket, marketOf, toFmpSymbol } from "../symbols";
import { PriceSeries } from "../../core/series";
import {
  HistoryOptions,
  HistoryResult,
  MarketDataProvider,
  Quote,
  RequestOptions,
  SymbolInfo,
} from "../types";
import { withAdjustedCloses, withoutTotal } from "./adjusted-closes";
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

export const FMP_NAME = "Financial Modeling Prep";
export const FMP_BASE_URL = "https://financialmodelingprep.com";
const ADJUSTED_PATH = "/stable/historical-price-eod/dividend-adjusted";
const ADJUSTED = "dividend-adjusted prices";

const QuoteRow = z.object({ symbol: z.string(), price: price, name: z.string().nullish() });
const ProfileRow = z.object({
  symbol: z.string(),
  companyName: z.string().nullish(),
  currency: z.string().nullish(),
  exchange: z.string().nullish(),
  exchangeFullName: z.string().nullish(),
});
/** FMP reports many failures as HTTP 200 with {"Error Message": "..."}. */
const ErrorBody = z.object({ "Error Message": z.string() });
const ERROR_RULES: readonly BodyErrorRule[] = [
  {
    needles: ["invalid api key", "apikey"],
    kind: "auth",
    message: () => "rejected the API key; check Settings",
  },
  { needles: ["limit reach"], kind: "rate-limited", message: () => "plan request limit reached" },
  {
    // "Premium Query Parameter: 'Special Endpoint : This value set for 'symbol' is not available
    // under your current subscription…" (a symbol) and "Restricted Endpoint: …" (an endpoint).
    needles: [
      "premium",
      "restricted",
      "exclusive",
      "special endpoint",
      "legacy endpoint",
      "subscription",
    ],
    kind: "plan-limit",
  },
];

/** FMP's 4xx bodies: JSON {"Error Message": …}, or plain text for 402 plan refusals. */
const readRefusal: RefusalReader = (status, body, what) =>
  matchBodyRule(FMP_NAME, errorBodyText(body, ["Error Message"]), what, ERROR_RULES, status);

/**
 * Financial Modeling Prep (stable API). Sends CORS headers, so it works directly from the add-in.
 * History = /stable/historical-price-eod/full (close), plus /dividend-adjusted (adjClose) only when a
 * total return or adjusted close needs it.
 */
export class FmpProvider implements MarketDataProvider {
  readonly id = "fmp";
  readonly name = FMP_NAME;
  readonly adjustedSeparately = true;
  readonly lane: HttpLane;

  constructor(options: HttpProviderOptions) {
    setSecret(this, options.apiKey);
    this.lane = new HttpLane(FMP_NAME, FMP_BASE_URL, options, readRefusal);
  }

  private async call(
    path: string,
    params: Record<string, string>,
    what: string,
    signal?: AbortSignal
  ): Promise<unknown> {
    const key = getSecret(this);
    const query = key ? { ...params, apikey: key } : params;
    const raw = await this.lane.get(path, query, what, signal);
    // A plan refusal sent as plain text with HTTP 200 is read like the 402 it stands for.
    const plain = /^[^[{<]/.test(raw.text.trim())
      ? matchBodyRule(FMP_NAME, raw.text.trim(), what, ERROR_RULES)
      : undefined;
    if (plain) throw plain;
    const body = parseJsonBody(raw, FMP_NAME, what);
    const err = ErrorBody.safeParse(body);
    if (err.success) {
      throw bodyError(FMP_NAME, err.data["Error Message"], what, getSecret(this), ERROR_RULES);
    }
    return body;
  }

  private rows<T>(schema: z.ZodType<T>, body: unknown, what: string): T[] {
    return parseShape(FMP_NAME, z.array(schema), body, what);
  }

  /**
   * Closes from /full; with need "adjusted" (the default) also /dividend-adjusted, in parallel,
   * matched to the closes by date (withAdjustedCloses). When the plan does not cover the adjusted
   * prices, or they are empty or missing too many days, the closes are still answered, marked so
   * that total returns fail saying why (provenance notes say it too).
   */
  async getHistory(
    symbol: string,
    from: DayNumber,
    to: DayNumber,
    options?: HistoryOptions
  ): Promise<HistoryResult> {
    const params = { symbol: toFmpSymbol(symbol), from: isoFromDay(from), to: isoFromDay(to) };
    const signal = options?.signal;
    const fullP = this.call("/stable/historical-price-eod/full", params, symbol, signal);
    if (options?.need === "close") {
      const full = await fullP;
      const why = `${FMP_NAME}: ${ADJUSTED} for ${symbol} were not asked for`;
      const closes = withoutTotal(this.closeSeries(symbol, full), why);
      return historyResult(FMP_NAME, closes, servedStale(full));
    }
    const what = `${ADJUSTED} for ${symbol}`;
    const adjustedP = this.call(ADJUSTED_PATH, params, what, signal).catch((e: unknown) => {
      if (e instanceof ProviderError && e.reason === "plan-limit") return e;
      throw e;
    });
    const [full, adjusted] = await Promise.all([fullP, adjustedP]);
    const closes = this.closeSeries(symbol, full);
    const noTotal = (why: string): string =>
      `${FMP_NAME}: no ${what} (${why}), so total returns are not available; price answers are`;
    const series =
      adjusted instanceof ProviderError
        ? withoutTotal(
            closes,
            `${adjusted.message}, so total returns are not available; price answers are`
          )
        : withAdjustedCloses(closes, historyRows(FMP_NAME, adjusted, what), "adjClose", noTotal);
    const result = historyResult(FMP_NAME, series, servedStale(full, adjusted));
    const notes = series.totalUnavailable;
    return notes ? { ...result, provenance: { ...result.provenance, notes } } : result;
  }

  /** The /full rows as a close series; no rows at all means FMP does not know the symbol. */
  private closeSeries(symbol: string, body: unknown): PriceSeries {
    const rows = historyRows(FMP_NAME, body, symbol);
    if (rows.length === 0) {
      throw new ProviderError(
        FMP_NAME,
        "unknown-symbol",
        `has no prices for ${symbol} (unknown symbol?)`
      );
    }
    return buildProviderSeries(FMP_NAME, symbol, currencyOfMarket(symbol), rows, {
      close: "close",
    });
  }

  async getUsdFxHistory(
    quote: "HKD" | "CNY",
    from: DayNumber,
    to: DayNumber,
    options?: RequestOptions
  ): Promise<HistoryResult> {
    const pair = `USD${quote}`;
    const body = await this.call(
      "/stable/historical-price-eod/full",
      { symbol: pair, from: isoFromDay(from), to: isoFromDay(to) },
      pair,
      options?.signal
    );
    const rows = historyRows(FMP_NAME, body, pair);
    return historyResult(
      FMP_NAME,
      buildProviderSeries(FMP_NAME, pair, quote, rows, { close: "close" }),
      servedStale(body)
    );
  }

  async getQuote(symbol: string, options?: RequestOptions): Promise<Quote> {
    const body = await this.call(
      "/stable/quote",
      { symbol: toFmpSymbol(symbol) },
      symbol,
      options?.signal
    );
    const rows = this.rows(QuoteRow, body, symbol);
    if (rows.length === 0)
      throw new ProviderError(
        FMP_NAME,
        "unknown-symbol",
        `has no quote for ${symbol} (unknown symbol?)`
      );
    return {
      symbol,
      price: quotePrice(FMP_NAME, rows[0].price, symbol),
      currency: currencyOfMarket(symbol),
      provenance: liveProvenance(FMP_NAME, new Date().toISOString(), true, servedStale(body)),
    };
  }

  async getSymbolInfo(symbol: string, options?: RequestOptions): Promise<SymbolInfo> {
    const body = await this.call(
      "/stable/profile",
      { symbol: toFmpSymbol(symbol) },
      symbol,
      options?.signal
    );
    const row = this.rows(ProfileRow, body, symbol)[0];
    if (!row)
      throw new ProviderError(
        FMP_NAME,
        "unknown-symbol",
        `has no profile for ${symbol} (unknown symbol?)`
      );
    return {
      symbol,
      name: row.companyName ?? symbol,
      exchange: row.exchange ?? marketOf(symbol),
      currency: (row.currency ?? currencyOfMarket(symbol)).toUpperCase(),
    };
  }
}
