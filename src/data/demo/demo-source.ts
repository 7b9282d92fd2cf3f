import { DayNumber, dayFromIso, isoFromDay } from "../../core/dates";
import { notAvailable } from "../../core/errors";
import { makeSeries, PriceSeries } from "../../core/series";
import { HistoryResult, MarketDataProvider, Provenance, Quote, SymbolInfo } from "../types";

/** Label shown wherever demo numbers surface: they are synthetic, not market data. */
export const DEMO_SOURCE_NAME = "demo (synthetic)";
export const DEMO_FIRST_DAY = dayFromIso("2015-01-02");
export const DEMO_LAST_DAY = dayFromIso("2026-11-25");

const UNIVERSE: Record<string, SymbolInfo & { vol: number; drift: number; start: number }> = {
  "0700.HK": {
    symbol: "0700.HK",
    name: "Tencent Holdings",
    exchange: "HKEX",
    currency: "HKD",
    vol: 0.32,
    drift: 0.08,
    start: 140,
  },
  "9988.HK": {
    symbol: "9988.HK",
    name: "Alibaba Group",
    exchange: "HKEX",
    currency: "HKD",
    vol: 0.38,
    drift: 0.05,
    start: 190,
  },
  QQQ: {
    symbol: "QQQ",
    name: "Invesco QQQ Trust",
    exchange: "NASDAQ",
    currency: "USD",
    vol: 0.22,
    drift: 0.12,
    start: 102,
  },
};

/** mulberry32: a tiny, well-known seeded PRNG so every run yields the same demo prices. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function seedOf(symbol: string): number {
  let h = 2166136261;
  for (let i = 0; i < symbol.length; i++) h = Math.imul(h ^ symbol.charCodeAt(i), 16777619);
  return h >>> 0;
}

/** Weekdays only; a placeholder calendar until market holidays are modelled. */
function generate(symbol: string): PriceSeries {
  const spec = UNIVERSE[symbol];
  const rand = mulberry32(seedOf(symbol));
  const dates: number[] = [];
  const close: number[] = [];
  let price = spec.start;
  const dt = 1 / 252;
  for (let day = DEMO_FIRST_DAY; day <= DEMO_LAST_DAY; day++) {
    const weekday = (day + 4) % 7; // 1970-01-01 was a Thursday (4)
    if (weekday === 0 || weekday === 6) continue;
    // Box–Muller normal draw for a geometric random walk.
    const z = Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());
    price *= Math.exp((spec.drift - 0.5 * spec.vol * spec.vol) * dt + spec.vol * Math.sqrt(dt) * z);
    dates.push(day);
    close.push(Math.round(price * 100) / 100);
  }
  return makeSeries({ symbol, currency: spec.currency, dates, close });
}

export class DemoSource implements MarketDataProvider {
  readonly id = "demo";
  readonly name = DEMO_SOURCE_NAME;
  private readonly cache = new Map<string, PriceSeries>();

  private provenance(): Provenance {
    return {
      source: DEMO_SOURCE_NAME,
      asOf: isoFromDay(DEMO_LAST_DAY),
      synthetic: true,
      delayed: false,
      stale: false,
    };
  }

  private series(symbol: string): PriceSeries {
    if (!UNIVERSE[symbol]) throw notAvailable(`${symbol} is not in the demo universe`);
    let s = this.cache.get(symbol);
    if (!s) {
      s = generate(symbol);
      this.cache.set(symbol, s);
    }
    return s;
  }

  async getHistory(symbol: string, _from: DayNumber, _to: DayNumber): Promise<HistoryResult> {
    return { series: this.series(symbol), provenance: this.provenance() };
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

  async getUsdFxHistory(quote: "HKD" | "CNY"): Promise<HistoryResult> {
    const rate = quote === "HKD" ? 7.8 : 7.1;
    const dates: number[] = [];
    for (let d = DEMO_FIRST_DAY; d <= DEMO_LAST_DAY; d++)
      if (((d + 4) % 7) % 6 !== 0) dates.push(d);
    const series = makeSeries({
      symbol: `USD${quote}`,
      currency: quote,
      dates,
      close: dates.map(() => rate),
    });
    return { series, provenance: this.provenance() };
  }

  async getSymbolInfo(symbol: string): Promise<SymbolInfo> {
    const spec = UNIVERSE[symbol];
    if (!spec) throw notAvailable(`${symbol} is not in the demo universe`);
    return {
      symbol: spec.symbol,
      name: spec.name,
      exchange: spec.exchange,
      currency: spec.currency,
    };
  }
}
