import { DayNumber, dayFromIso } from "../../core/dates";
import { normals, seedOf } from "../../core/random";
import { makeSeries, PriceSeries } from "../../core/series";
import { currencyOfMarket, Market, marketOf } from "../symbols";
import { isFxDay, isTradingDay, weekday } from "./calendars";
import { DemoSpec } from "./universe";

/**
 * Synthetic daily prices from a seeded factor model, generated on the weekday grid of
 * [first, last] so every symbol's path is the same whatever order symbols are requested in:
 *   r_stock = (μ − σ²/2)·dt + β·f_market + c·f_chip + ε,  ε ~ N(0, σ_idio²·dt)
 *   f_US = σ_US·√dt·(0.7·G + 0.71·e),  f_HK = σ_HK·√dt·(0.35·G + 0.6·C + 0.72·e),
 *   f_CN = σ_CN·√dt·(0.2·G + 0.6·C + 0.77·e)   (G global tech, C China, e market-own shocks)
 * Returns on holidays accumulate into the next trading day's return, as they do in real markets.
 */
const DT = 1 / 261; // weekdays per year
const MARKET_VOL: Record<"US" | "HK" | "CN", number> = { US: 0.22, HK: 0.28, CN: 0.24 };
const CHIP_VOL = 0.25;

export interface Grid {
  readonly days: Int32Array;
  readonly factors: Record<"US" | "HK" | "CN" | "CHIP", Float64Array>;
}

/** Weekday grid and the common factor shocks (per weekday, already scaled to daily vol). */
export function buildGrid(first: DayNumber, last: DayNumber): Grid {
  const list: number[] = [];
  for (let d = first; d <= last; d++) if (weekday(d) % 6 !== 0) list.push(d);
  const n = list.length;
  const g = normals(seedOf("factor:global"), n);
  const c = normals(seedOf("factor:china"), n);
  const eUs = normals(seedOf("factor:us"), n);
  const eHk = normals(seedOf("factor:hk"), n);
  const eCn = normals(seedOf("factor:cn"), n);
  const chip = normals(seedOf("factor:chip"), n);
  const sq = Math.sqrt(DT);
  const mk = (f: (i: number) => number): Float64Array =>
    Float64Array.from({ length: n }, (_, i) => f(i));
  return {
    days: Int32Array.from(list),
    factors: {
      US: mk((i) => MARKET_VOL.US * sq * (0.7 * g[i] + 0.714 * eUs[i])),
      HK: mk((i) => MARKET_VOL.HK * sq * (0.35 * g[i] + 0.6 * c[i] + 0.7194 * eHk[i])),
      CN: mk((i) => MARKET_VOL.CN * sq * (0.2 * g[i] + 0.6 * c[i] + 0.7746 * eCn[i])),
      CHIP: mk((i) => CHIP_VOL * sq * chip[i]),
    },
  };
}

function roundPrice(p: number): number {
  const f = p >= 1 ? 100 : 1000;
  return Math.round(p * f) / f;
}

/** Ex-dividend days: `perYear` payments, each on the first trading day on or after the 15th of its month. */
function isExDividendMonthStart(
  spec: DemoSpec,
  day: DayNumber,
  market: Market,
  prevDay: number
): boolean {
  if (spec.divPerYear <= 0) return false;
  const date = new Date(day * 86400000);
  const month = date.getUTCMonth() + 1;
  const step = 12 / spec.divPerYear;
  // One company's lines (an ADS and its Hong Kong shares) go ex-dividend in the same months.
  const firstMonth = 3 + (seedOf(spec.company ?? spec.symbol) % Math.min(step, 4));
  if ((month - firstMonth + 12) % step !== 0) return false;
  const fifteenth = Date.UTC(date.getUTCFullYear(), month - 1, 15) / 86400000;
  return day >= fifteenth && prevDay < fifteenth && isTradingDay(market, day);
}

/**
 * One symbol's synthetic series, with dividends and back-adjusted closes on the core's convention
 * (dividend reinvested at the ex-date close: adj_t / adj_{t−1} = (P_t + D_t) / P_{t−1}).
 */
export function generateStock(spec: DemoSpec, grid: Grid): PriceSeries {
  const market = marketOf(spec.symbol);
  // The listing's calendar, but the home market's factor: an ADS moves with Hong Kong.
  const home = spec.homeMarket ?? market;
  const fkey = home === "US" ? "US" : home === "HK" ? "HK" : "CN";
  const mVol = MARKET_VOL[fkey];
  const idioVol = Math.sqrt(
    Math.max(
      spec.vol ** 2 - (spec.beta * mVol) ** 2 - (spec.chip * CHIP_VOL) ** 2,
      (0.3 * spec.vol) ** 2
    )
  );
  const mu = (spec.drift - 0.5 * spec.vol * spec.vol) * DT;
  // Dual listings (SMIC H and A) share the company's own shocks; the rest is per listing.
  const eps = normals(seedOf(`idio:${spec.company ?? spec.symbol}`), grid.days.length);
  const fm = grid.factors[fkey];
  const fc = grid.factors.CHIP;
  const idioScale = idioVol * Math.sqrt(DT);
  const listed = spec.listed ? dayFromIso(spec.listed) : -Infinity;

  const dates: number[] = [];
  const close: number[] = [];
  const dividends: number[] = [];
  let price = spec.start;
  let pending = 0;
  let prevTrading = -Infinity;
  for (let i = 0; i < grid.days.length; i++) {
    const day = grid.days[i];
    if (day < listed) continue;
    pending += mu + spec.beta * fm[i] + spec.chip * fc[i] + idioScale * eps[i];
    if (!isTradingDay(market, day)) continue;
    let div = 0;
    if (dates.length === 0) {
      pending = 0; // the first close is the stated start price
    } else {
      price *= Math.exp(pending);
      pending = 0;
      if (isExDividendMonthStart(spec, day, market, prevTrading)) {
        const prevClose = close[close.length - 1];
        div = Math.round(((prevClose * spec.divYield) / spec.divPerYear) * 1000) / 1000;
        price -= div;
      }
    }
    prevTrading = day;
    dates.push(day);
    close.push(roundPrice(price));
    dividends.push(div);
  }
  const adjClose = new Float64Array(close.length);
  let factor = 1;
  for (let i = close.length - 1; i >= 0; i--) {
    adjClose[i] = close[i] * factor;
    if (dividends[i] > 0 && i > 0) factor *= close[i] / (close[i] + dividends[i]);
  }
  return makeSeries({
    symbol: spec.symbol,
    currency: currencyOfMarket(spec.symbol),
    dates,
    close,
    adjClose,
    dividends,
  });
}

/** USD→HKD inside the 7.75–7.85 peg band; USD→CNY along yearly anchors with bridged noise. */
export function generateUsdFx(quote: "HKD" | "CNY", grid: Grid): PriceSeries {
  const days = grid.days;
  const z = normals(seedOf(`fx:${quote}`), days.length);
  const rates = new Float64Array(days.length);
  if (quote === "HKD") {
    let y = 0;
    for (let i = 0; i < days.length; i++) {
      y = 0.995 * y + 0.08 * z[i]; // mean-reverting state
      rates[i] = 7.8 + 0.049 * Math.tanh(y);
    }
  } else {
    const anchors: Array<[string, number]> = [
      ["2015-01-01", 6.21], ["2016-01-01", 6.49], ["2017-01-01", 6.95], ["2018-01-01", 6.51],
      ["2019-01-01", 6.87], ["2020-01-01", 6.96], ["2021-01-01", 6.53], ["2022-01-01", 6.37],
      ["2023-01-01", 6.9], ["2024-01-01", 7.1], ["2025-01-01", 7.3], ["2026-01-01", 7.08],
      ["2027-01-01", 7.02],
    ]; // prettier-ignore
    let a = 0;
    let walk = 0;
    let segStart = 0;
    const vol = 0.03 * Math.sqrt(DT);
    for (let i = 0; i < days.length; i++) {
      while (dayFromIso(anchors[a + 1][0]) <= days[i]) {
        a++;
        segStart = i;
        walk = 0;
      }
      const d0 = dayFromIso(anchors[a][0]);
      const d1 = dayFromIso(anchors[a + 1][0]);
      const t = (days[i] - d0) / (d1 - d0);
      walk += vol * z[i];
      const bridge = walk * (1 - t) * Math.min(1, (i - segStart + 1) / 5); // pinned near both anchors
      rates[i] = Math.exp(
        Math.log(anchors[a][1]) * (1 - t) + Math.log(anchors[a + 1][1]) * t + bridge
      );
    }
  }
  const dates: number[] = [];
  const close: number[] = [];
  for (let i = 0; i < days.length; i++) {
    if (!isFxDay(days[i])) continue;
    dates.push(days[i]);
    close.push(Math.round(rates[i] * 10000) / 10000);
  }
  return makeSeries({ symbol: `USD${quote}`, currency: quote, dates, close });
}
