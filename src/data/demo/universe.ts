import { ADR_LINES } from "../adr-lines";
import { PRESET_BASKETS } from "../baskets";

/**
 * The demo universe: every preset-basket constituent plus US benchmarks, each with made-up but
 * plausible parameters for the synthetic generator. Nothing here is market data.
 */
export interface DemoSpec {
  readonly symbol: string;
  readonly name: string;
  readonly exchange: string;
  /** Annualised volatility of daily log returns. */
  readonly vol: number;
  /** Loading on the home-market factor. */
  readonly beta: number;
  /** Loading on the global semiconductor factor (0 for non-chip names). */
  readonly chip: number;
  /** Annualised drift of log prices. */
  readonly drift: number;
  /** Close on the first generated day. */
  readonly start: number;
  /** First trading day (ISO) for names listed after 2015-01-02. */
  readonly listed?: string;
  /** Annual cash dividend yield (0 = none) and payments per year. */
  readonly divYield: number;
  readonly divPerYear: number;
  /** Shared by dual listings of one company (their idiosyncratic shocks are the same). */
  readonly company?: string;
  /** Market whose factor drives the price when it differs from the listing's (an ADS: "HK"). */
  readonly homeMarket?: "HK";
  /** An ADS: its Hong Kong line and shares per ADS; its level is linked to that line's first close. */
  readonly adsOf?: { readonly hongKong: string; readonly sharesPerAds: number };
}

type Row = [string, number, number, number, number, number, string?, number?, number?, string?];

// symbol, vol, beta, chip, drift, start price, listed, dividend yield, payments per year, exchange override
const ROWS: Row[] = [
  ["0700.HK", 0.32, 1.0, 0, 0.1, 140, undefined, 0.008, 1],
  ["9988.HK", 0.38, 1.1, 0, 0.02, 190, "2019-11-26"],
  ["3690.HK", 0.48, 1.3, 0, 0.08, 72, "2018-09-20"],
  ["9618.HK", 0.4, 1.1, 0, 0.0, 230, "2020-06-18", 0.02, 1],
  ["9888.HK", 0.38, 1.0, 0.1, -0.02, 250, "2021-03-23"],
  ["1024.HK", 0.5, 1.3, 0, -0.08, 300, "2021-02-05"],
  ["9999.HK", 0.33, 0.9, 0, 0.08, 120, "2020-06-11", 0.02, 4],
  ["9961.HK", 0.4, 1.0, 0, 0.06, 260, "2021-04-19"],
  ["9626.HK", 0.55, 1.4, 0, -0.1, 800, "2021-03-29"],
  ["0020.HK", 0.6, 1.3, 0.2, -0.15, 3.8, "2021-12-30"],
  ["0241.HK", 0.5, 1.2, 0, 0.0, 4.5],
  ["0268.HK", 0.45, 1.2, 0, 0.1, 2.6],
  ["0285.HK", 0.45, 1.1, 0.3, 0.1, 10.5, undefined, 0.015, 1],
  ["0772.HK", 0.42, 1.0, 0, -0.02, 55, "2017-11-08"],
  ["0780.HK", 0.42, 1.0, 0, 0.02, 12, "2018-11-26"],
  ["0981.HK", 0.5, 1.0, 0.6, 0.14, 7.0],
  ["0992.HK", 0.36, 0.9, 0.2, 0.06, 10, undefined, 0.04, 2],
  ["1347.HK", 0.5, 1.0, 0.6, 0.12, 12.5, undefined, 0.01, 1],
  ["1810.HK", 0.45, 1.2, 0.1, 0.12, 17, "2018-07-09"],
  ["2015.HK", 0.55, 1.3, 0, 0.05, 120, "2021-08-12"],
  ["2382.HK", 0.45, 1.1, 0.2, 0.08, 11, undefined, 0.01, 1],
  ["3888.HK", 0.45, 1.2, 0, 0.06, 17, undefined, 0.005, 1],
  ["6060.HK", 0.55, 1.2, 0, -0.05, 59, "2017-09-28"],
  ["6618.HK", 0.5, 1.2, 0, -0.12, 70, "2020-12-08"],
  ["6690.HK", 0.33, 0.8, 0, 0.06, 24, "2020-12-23", 0.025, 1],
  ["9660.HK", 0.65, 1.3, 0.4, 0.3, 3.99, "2024-10-24"],
  ["9698.HK", 0.6, 1.3, 0.2, 0.02, 70, "2020-11-02"],
  ["9863.HK", 0.65, 1.3, 0, 0.08, 30, "2022-09-29"],
  ["9866.HK", 0.7, 1.5, 0, -0.25, 160, "2022-03-10"],
  ["9868.HK", 0.7, 1.5, 0, -0.05, 85, "2021-07-07"],
  ["688981.SS", 0.5, 1.0, 0.6, 0.1, 60, "2020-07-16"],
  ["688256.SS", 0.7, 1.2, 0.7, 0.2, 160, "2020-07-20"],
  ["688041.SS", 0.55, 1.1, 0.6, 0.25, 45, "2022-08-12", 0.005, 1],
  ["002371.SZ", 0.45, 1.0, 0.6, 0.3, 12, undefined, 0.005, 1],
  ["688012.SS", 0.55, 1.1, 0.6, 0.2, 80, "2019-07-22", 0.003, 1],
  ["688008.SS", 0.5, 1.0, 0.6, 0.12, 55, "2019-07-22", 0.005, 1],
  ["603501.SS", 0.45, 1.0, 0.6, 0.2, 30, undefined, 0.005, 1],
  ["000977.SZ", 0.5, 1.1, 0.3, 0.15, 12, undefined, 0.008, 1],
  ["002230.SZ", 0.42, 1.0, 0.1, 0.08, 28, undefined, 0.004, 1],
  ["PDD", 0.5, 1.2, 0, 0.15, 19, "2018-07-26"],
  ["QQQ", 0.22, 1.0, 0, 0.13, 102, undefined, 0.006, 4],
  ["^NDX", 0.22, 1.0, 0, 0.13, 4230],
  // The total-return index: ^NDX's path plus reinvested dividends (a 0.75 % yield, an assumption).
  ["^XNDX", 0.22, 1.0, 0, 0.1375, 5300],
  // Hang Seng TECH: a price index (base 3000 on 2014-12-31), HKD levels, Hong Kong trading days.
  ["^HSTECH", 0.38, 1.25, 0.15, 0.0, 3000],
  ["^IXIC", 0.21, 0.95, 0, 0.12, 4726],
  ["^GSPC", 0.17, 0.75, 0, 0.1, 2058],
  ["NVDA", 0.5, 1.6, 0.6, 0.55, 0.5, undefined, 0.001, 4],
  ["MSFT", 0.26, 1.0, 0, 0.2, 46, undefined, 0.01, 4],
  ["GOOGL", 0.28, 1.0, 0, 0.17, 53, undefined, 0.003, 4],
  ["META", 0.38, 1.2, 0, 0.18, 78],
  ["AMZN", 0.32, 1.2, 0, 0.2, 15],
  ["AAPL", 0.28, 1.0, 0.1, 0.2, 27, undefined, 0.007, 4],
  ["AVGO", 0.35, 1.2, 0.5, 0.3, 10, undefined, 0.02, 4],
  ["AMD", 0.55, 1.5, 0.6, 0.3, 2.7],
  ["TSM", 0.32, 1.1, 0.6, 0.2, 22, undefined, 0.015, 4, "NYSE"],
  ["ORCL", 0.3, 0.9, 0, 0.14, 45, undefined, 0.013, 4, "NYSE"],
  ["TSLA", 0.6, 1.5, 0, 0.25, 14.6],
];

/** Lines that share one company's shocks; ^XNDX takes ^NDX's own shocks (its seed name). */
const DUAL_LISTINGS: Record<string, string> = {
  "0981.HK": "SMIC",
  "688981.SS": "SMIC",
  "^XNDX": "^NDX",
};

function exchangeOf(symbol: string, override?: string): string {
  if (override) return override;
  if (symbol.endsWith(".HK")) return "HKEX";
  if (symbol.endsWith(".SS")) return "SSE";
  if (symbol.endsWith(".SZ")) return "SZSE";
  return symbol.startsWith("^") ? "INDEX" : "NASDAQ";
}

const INDEX_NAMES: Record<string, string> = {
  "^NDX": "Nasdaq-100 Index",
  "^XNDX": "Nasdaq-100 Total Return Index",
  "^HSTECH": "Hang Seng TECH Index",
  "^IXIC": "Nasdaq Composite Index",
  "^GSPC": "S&P 500 Index",
  QQQ: "Invesco QQQ Trust",
  NVDA: "NVIDIA",
  TSLA: "Tesla",
};

function nameOf(symbol: string): string {
  for (const basket of Object.values(PRESET_BASKETS)) {
    const hit = basket.constituents.find((c) => c.symbol === symbol);
    if (hit && !INDEX_NAMES[symbol]) return hit.name;
  }
  return INDEX_NAMES[symbol] ?? symbol;
}

const LISTED_SPECS: DemoSpec[] = ROWS.map(
  ([symbol, vol, beta, chip, drift, start, listed, divYield, divPerYear, exch]) => ({
    symbol,
    name: nameOf(symbol),
    exchange: exchangeOf(symbol, exch),
    vol,
    beta,
    chip,
    drift,
    start,
    listed,
    divYield: divYield ?? 0,
    divPerYear: divPerYear ?? 0,
    company: DUAL_LISTINGS[symbol],
  })
);

/**
 * ADSs of companies listed in Hong Kong: the Hong Kong line's parameters and shocks, on US trading
 * days, linked to its level through the shares-per-ADS ratio (see demoAdsSeries).
 */
const ADS_SPECS: DemoSpec[] = ADR_LINES.map((line) => {
  const hk = LISTED_SPECS.find((s) => s.symbol === line.hongKong);
  if (!hk) throw new Error(`demo universe lacks ${line.hongKong}`);
  return {
    ...hk,
    symbol: line.ads,
    name: `${line.company} (ADS)`,
    exchange: line.ads === "BABA" ? "NYSE" : "NASDAQ",
    listed: undefined,
    company: line.hongKong,
    homeMarket: "HK",
    adsOf: { hongKong: line.hongKong, sharesPerAds: line.sharesPerAds },
  };
});

/** Demo specs keyed by canonical symbol. */
export const DEMO_UNIVERSE: ReadonlyMap<string, DemoSpec> = new Map(
  [...LISTED_SPECS, ...ADS_SPECS].map((spec) => [spec.symbol, spec])
);
