import { detectPersistentStore } from "./cache/persistent-store";
import { DemoSource } from "./demo/demo-source";
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
    default:
      throw new Error(`provider ${config.provider} is not available yet`);
  }
}
