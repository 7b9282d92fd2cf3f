/**
 * The Settings tab's logic: choose a provider, keep its API key in the settings store (never shown
 * back in full), apply it to the page's market data service (configureMarketData, so formulas use it
 * too), test the connection, and clear / size the cache.
 */
import { dayFromYmd } from "../../core/dates";
import { configureMarketData, MarketDataConfig, ProviderId } from "../../data/configure";
import { getMarketData, MarketData } from "../../data/market-data";
import { KeyValueStore, maskKey } from "./settings-store";

const SETTINGS_KEY = "cntech:settings:v1";
const keyName = (provider: ProviderId): string => `cntech:apikey:${provider}`;

export const PROVIDERS: readonly { id: ProviderId; label: string; needsKey: boolean }[] = [
  { id: "demo", label: "Demo (synthetic, built in)", needsKey: false },
  { id: "fmp", label: "Financial Modeling Prep", needsKey: true },
  { id: "eodhd", label: "EODHD", needsKey: true },
  { id: "csv", label: "CSV files", needsKey: false },
];

export interface SavedSettings {
  readonly provider: ProviderId;
  readonly proxyBaseUrl?: string;
}

export interface SettingsDeps {
  readonly store: KeyValueStore;
  /** Installs a provider for the page (default configureMarketData). */
  readonly configure?: (config: MarketDataConfig) => MarketData;
  /** The service in force (default getMarketData). */
  readonly current?: () => MarketData;
  /** Today's date as a day number (the connection test asks for the last fortnight). */
  readonly today?: () => number;
}

export class SettingsService {
  private readonly configure: (config: MarketDataConfig) => MarketData;
  private readonly current: () => MarketData;
  private readonly today: () => number;

  constructor(private readonly deps: SettingsDeps) {
    this.configure = deps.configure ?? configureMarketData;
    this.current = deps.current ?? getMarketData;
    this.today =
      deps.today ??
      (() => {
        const d = new Date();
        return dayFromYmd(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
      });
  }

  async load(): Promise<SavedSettings> {
    const text = await this.deps.store.getItem(SETTINGS_KEY);
    try {
      const parsed = text ? (JSON.parse(text) as SavedSettings) : undefined;
      if (parsed && PROVIDERS.some((p) => p.id === parsed.provider)) return parsed;
    } catch {
      // A corrupt entry falls back to the demo.
    }
    return { provider: "demo" };
  }

  /** "••••••••abcd" when a key is saved for the provider, else undefined. */
  async keyHint(provider: ProviderId): Promise<string | undefined> {
    const key = await this.deps.store.getItem(keyName(provider));
    return key ? maskKey(key) : undefined;
  }

  /**
   * Saves the choice (and a new key when given), then applies it. A provider that needs a key and has
   * none fails with a plain message and nothing is changed.
   */
  async save(
    settings: SavedSettings,
    newKey?: string,
    csvFiles?: ReadonlyArray<{ name: string; text: string }>
  ): Promise<MarketData> {
    const key =
      newKey?.trim() || (await this.deps.store.getItem(keyName(settings.provider))) || undefined;
    const needsKey = PROVIDERS.find((p) => p.id === settings.provider)?.needsKey;
    if (needsKey && !key && !settings.proxyBaseUrl)
      throw new Error(
        "Enter an API key for this provider (or a proxy URL that adds it), then save."
      );
    if (settings.provider === "csv" && !csvFiles?.length)
      throw new Error("Choose one or more CSV files, then save.");
    const service = this.configure({
      provider: settings.provider,
      apiKey: needsKey ? key : undefined,
      proxyBaseUrl: settings.proxyBaseUrl,
      csvFiles,
    });
    if (newKey?.trim()) await this.deps.store.setItem(keyName(settings.provider), newKey.trim());
    await this.deps.store.setItem(SETTINGS_KEY, JSON.stringify(settings));
    return service;
  }

  /** The saved key, for building a provider (the Import tab's source choice); never for display. */
  async apiKeyFor(provider: ProviderId): Promise<string | undefined> {
    return (await this.deps.store.getItem(keyName(provider))) ?? undefined;
  }

  async removeKey(provider: ProviderId): Promise<void> {
    await this.deps.store.removeItem(keyName(provider));
  }

  /** Re-applies saved settings at start-up (CSV needs its files again, so it falls back to the demo). */
  async restore(): Promise<SavedSettings> {
    const saved = await this.load();
    if (saved.provider === "demo" || saved.provider === "csv") return { provider: "demo" };
    try {
      await this.save(saved);
      return saved;
    } catch {
      return { provider: "demo" };
    }
  }

  /** Asks the current provider for two weeks of the Nasdaq-100; a plain sentence either way. */
  async testConnection(symbol = "^NDX"): Promise<{ ok: boolean; message: string }> {
    const md = this.current();
    const today = this.today();
    try {
      const h = await md.getHistory(symbol, today - 14, today);
      const n = h.series.dates.length;
      return {
        ok: true,
        message: `Connected to ${md.providerName}: ${n} closes of ${symbol} received (data as of ${h.provenance.asOf}${h.provenance.synthetic ? ", synthetic" : ""}).`,
      };
    } catch (e) {
      return {
        ok: false,
        message: `Could not get data from ${md.providerName}: ${(e as Error).message}. Check the API key and your network, then test again.`,
      };
    }
  }

  cacheSize(): number {
    return this.current().cachedSeriesCount;
  }

  /** Clears the data cache (memory and saved copies); resolves to the number of saved series removed. */
  clearCache(): Promise<number> {
    return this.current().clearCache();
  }
}
