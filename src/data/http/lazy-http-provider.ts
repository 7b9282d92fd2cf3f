import type { DayNumber } from "../../core/dates";
import { setSecret, getSecret } from "../provider-error";
import type {
  HistoryResult,
  MarketDataProvider,
  Quote,
  RequestOptions,
  SymbolInfo,
} from "../types";
import type { HttpProviderOptions } from "./http-client";
import { requireSafeBaseUrl } from "./safe-base-url";

export type HttpProviderId = "fmp" | "eodhd";

/** What callers read before the provider's code loads (a test checks each matches the real provider). */
export const HTTP_PROVIDER_TRAITS: Record<
  HttpProviderId,
  { readonly name: string; readonly adjustedSeparately?: boolean }
> = {
  fmp: { name: "Financial Modeling Prep", adjustedSeparately: true },
  eodhd: { name: "EODHD" },
};

/** Loads the real provider's module: a separate chunk in the add-in (axios, axios-retry, Bottleneck, zod). */
async function loadProvider(id: HttpProviderId, options: HttpProviderOptions) {
  if (id === "fmp") {
    const { FmpProvider } = await import(/* webpackChunkName: "http-providers" */ "./fmp-provider");
    return new FmpProvider(options);
  }
  const { EodhdProvider } = await import(
    /* webpackChunkName: "http-providers" */ "./eodhd-provider"
  );
  return new EodhdProvider(options);
}

/**
 * A keyed HTTP provider whose code is fetched on its first request, so the pane's first paint does
 * not carry the HTTP stack. The base URL is checked at once, as the real provider does.
 */
export class LazyHttpProvider implements MarketDataProvider {
  readonly name: string;
  readonly adjustedSeparately?: boolean;
  private loading?: Promise<MarketDataProvider>;
  private readonly options: HttpProviderOptions;

  constructor(
    readonly id: HttpProviderId,
    options: HttpProviderOptions
  ) {
    this.name = HTTP_PROVIDER_TRAITS[id].name;
    this.adjustedSeparately = HTTP_PROVIDER_TRAITS[id].adjustedSeparately;
    if (options.proxyBaseUrl ?? options.baseUrl)
      requireSafeBaseUrl((options.proxyBaseUrl ?? options.baseUrl)!, this.name);
    setSecret(this, options.apiKey);
    this.options = { ...options, apiKey: undefined };
  }

  /** The real provider (created once). */
  load(): Promise<MarketDataProvider> {
    this.loading ??= loadProvider(this.id, { ...this.options, apiKey: getSecret(this) });
    return this.loading;
  }

  async getHistory(
    symbol: string,
    from: DayNumber,
    to: DayNumber,
    options?: RequestOptions
  ): Promise<HistoryResult> {
    return (await this.load()).getHistory(symbol, from, to, options);
  }

  async getQuote(symbol: string, options?: RequestOptions): Promise<Quote> {
    return (await this.load()).getQuote(symbol, options);
  }

  async getSymbolInfo(symbol: string, options?: RequestOptions): Promise<SymbolInfo> {
    return (await this.load()).getSymbolInfo(symbol, options);
  }

  async getUsdFxHistory(
    quote: "HKD" | "CNY",
    from: DayNumber,
    to: DayNumber,
    options?: RequestOptions
  ): Promise<HistoryResult> {
    return (await this.load()).getUsdFxHistory!(quote, from, to, options);
  }
}
