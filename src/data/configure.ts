import { invalidValue } from "../core/errors";
import { detectPersistentStore } from "./cache/persistent-store";
import { createCsvSource } from "./csv/csv-source";
import { FilesMissingSource } from "./csv/files-missing-source";
import { DemoSource } from "./demo/demo-source";
import type { HttpProviderOptions } from "./http/http-client";
import { LazyHttpProvider } from "./http/lazy-http-provider";
import { MarketData, setMarketData } from "./market-data";
import { MarketDataProvider } from "./types";

/** Provider ids the Settings tab offers. */
export type ProviderId = "demo" | "fmp" | "eodhd" | "csv";

export interface MarketDataConfig {
  readonly provider: ProviderId;
  /** Kept in memory inside the provider only; never logged, never in errors or provenance. */
  readonly apiKey?: string;
  /** An organisation's gateway that forwards to the provider (adds CORS headers, may hold the key). */
  readonly proxyBaseUrl?: string;
  /** For provider "csv": the files' names and text. */
  readonly csvFiles?: ReadonlyArray<{ name: string; text: string }>;
  /** For provider "csv" without files: the names of the files that must be chosen again. */
  readonly csvFileNames?: readonly string[];
  /** Advanced HTTP settings (timeouts, retries, rate limits, a test base URL). */
  readonly http?: Omit<HttpProviderOptions, "apiKey" | "proxyBaseUrl">;
}

/**
 * Builds the provider and its cache service from the Settings and installs it for every bundle on
 * the page (formulas recalculate against it). Returns the installed service.
 */
export function configureMarketData(config: MarketDataConfig): MarketData {
  const provider = createProvider(config);
  const service = new MarketData(provider, { store: detectPersistentStore() });
  setMarketData(service);
  return service;
}

/** The provider for a config (exported for the CLI). */
export function createProvider(config: MarketDataConfig): MarketDataProvider {
  switch (config.provider) {
    case "demo":
      return new DemoSource();
    case "fmp":
    case "eodhd": {
      const apiKey = config.apiKey?.trim() || undefined;
      const proxyBaseUrl = config.proxyBaseUrl?.trim() || undefined;
      if (!apiKey && !proxyBaseUrl) {
        throw invalidValue(
          "an API key (or a proxy URL that adds it) is required for this provider"
        );
      }
      const options: HttpProviderOptions = { ...config.http, apiKey, proxyBaseUrl };
      return new LazyHttpProvider(config.provider, options);
    }
    case "csv":
      return config.csvFiles?.length
        ? createCsvSource(config.csvFiles)
        : new FilesMissingSource(config.csvFileNames ?? []);
    default:
      throw invalidValue(`unknown data provider "${String(config.provider)}"`);
  }
}
