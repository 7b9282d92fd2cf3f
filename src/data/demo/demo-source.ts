import { DayNumber, dayFromIso, isoFromDay } from "../../core/dates";
import { PriceSeries } from "../../core/series";
import { ProviderError } from "../provider-error";
import { HistoryResult, MarketDataProvider, Provenance, Quote, SymbolInfo } from "../types";
import { currencyOfMarket } from "../symbols";
import { linkedAdsSeries } from "./ads-link";
import { buildGrid, generateStock, generateUsdFx, Grid } from "./generator";
import { DEMO_UNIVERSE } from "./universe";

import { DEMO_SOURCE_NAME } from "../source-labels";

export { DEMO_SOURCE_NAME };
export const DEMO_FIRST_DAY = dayFromIso("2015-01-02");
export const DEMO_LAST_DAY = dayFromIso("2026-11-25");

/** Canonical symbols the demo source knows (every preset-basket constituent, the benchmarks and indices, and the large China ADSs). */
export const DEMO_SYMBOLS: readonly string[] = [...DEMO_UNIVERSE.keys()];

/*
 * Generated series are module-level (shared by every DemoSource): they are deterministic, and the
 * whole universe takes a few tens of milliseconds to build once.
 */
let grid: Grid | undefined;
const generated = new Map<string, PriceSeries>();

function theGrid(): Grid {
  if (!grid) grid = buildGrid(DEMO_FIRST_DAY, DEMO_LAST_DAY);
  return grid;
}

/**
 * The embedded default source: deterministic synthetic histories from a seeded factor model, on each
 * market's trading calendar, with dividends and FX. Every answer is marked synthetic.
 */
export class DemoSource implements MarketDataProvider {
  readonly id = "demo";
  readonly name = DEMO_SOURCE_NAME;
  readonly local = true;

  private provenance(): Provenance {
    return {
      source: DEMO_SOURCE_NAME,
      asOf: isoFromDay(DEMO_LAST_DAY),
      synthetic: true,
      delayed: false,
      stale: false,
    };
  }

  private unknown(symbol: string): ProviderError {
    return new ProviderError(
      DEMO_SOURCE_NAME,
      "unknown-symbol",
      `${symbol} is not in the demo universe (see docs/data.md for its symbols)`
    );
  }

  /** The full synthetic series of a canonical symbol. */
  series(symbol: string): PriceSeries {
    let s = generated.get(symbol);
    if (!s) {
      const spec = DEMO_UNIVERSE.get(symbol);
      if (!spec) throw this.unknown(symbol);
      s = spec.adsOf
        ? linkedAdsSeries(spec, this.series(spec.adsOf.hongKong), this.usdFx("HKD"), theGrid())
        : generateStock(spec, theGrid());
      generated.set(symbol, s);
    }
    return s;
  }

  async getHistory(symbol: string, _from?: DayNumber, _to?: DayNumber): Promise<HistoryResult> {
    return { series: this.series(symbol), provenance: this.provenance() };
  }

  private usdFx(quote: "HKD" | "CNY"): PriceSeries {
    const key = `FX:USD${quote}`;
    let s = generated.get(key);
    if (!s) {
      s = generateUsdFx(quote, theGrid());
      generated.set(key, s);
    }
    return s;
  }

  async getUsdFxHistory(quote: "HKD" | "CNY"): Promise<HistoryResult> {
    return { series: this.usdFx(quote), provenance: this.provenance() };
  }

  async getQuote(symbol: string): Promise<Quote> {
    const s = this.series(symbol);
    return {
      symbol,
      price: s.close[s.close.length - 1],
      currency: s.currency,
      provenance: this.provenance(),
    };
  }

  async getSymbolInfo(symbol: string): Promise<SymbolInfo> {
    const spec = DEMO_UNIVERSE.get(symbol);
    if (!spec) throw this.unknown(symbol);
    return {
      symbol: spec.symbol,
      // The company's name, as a preset basket gives it; "synthetic" belongs to the data's source
      // line (provenance), not to the name, so names match whichever import path produced them.
      name: spec.name,
      exchange: spec.exchange,
      currency: currencyOfMarket(symbol),
    };
  }
}
