import { dayFromIso, isoFromDay } from "../../src/core/dates";
import { FinanceError } from "../../src/core/errors";
import { holidaySet, isTradingDay } from "../../src/data/demo/calendars";
import {
  DEMO_FIRST_DAY,
  DEMO_LAST_DAY,
  DEMO_SOURCE_NAME,
  DEMO_SYMBOLS,
  DemoSource,
} from "../../src/data/demo/demo-source";
import { MarketData } from "../../src/data/market-data";
import { getPresetBasket } from "../../src/data/baskets";
import { Market } from "../../src/data/symbols";

const demo = new DemoSource();
const d = dayFromIso;

function tradingDaysIn(market: Market, year: number): number {
  let n = 0;
  for (let day = d(`${year}-01-01`); day <= d(`${year}-12-31`); day++)
    if (isTradingDay(market, day)) n++;
  return n;
}

function logReturns(close: Float64Array): number[] {
  const r: number[] = [];
  for (let i = 1; i < close.length; i++) r.push(Math.log(close[i] / close[i - 1]));
  return r;
}

function corr(a: number[], b: number[]): number {
  const n = a.length;
  const ma = a.reduce((s, x) => s + x, 0) / n;
  const mb = b.reduce((s, x) => s + x, 0) / n;
  let sab = 0;
  let saa = 0;
  let sbb = 0;
  for (let i = 0; i < n; i++) {
    sab += (a[i] - ma) * (b[i] - mb);
    saa += (a[i] - ma) ** 2;
    sbb += (b[i] - mb) ** 2;
  }
  return sab / Math.sqrt(saa * sbb);
}

/** Daily log returns of two series on their common dates. */
function commonReturns(x: string, y: string): [number[], number[]] {
  const sx = demo.series(x);
  const sy = demo.series(y);
  const py = new Map<number, number>();
  sy.dates.forEach((day, i) => py.set(day, sy.close[i]));
  const a: number[] = [];
  const b: number[] = [];
  let prev: [number, number] | undefined;
  sx.dates.forEach((day, i) => {
    const yv = py.get(day);
    if (yv === undefined) return;
    if (prev) {
      a.push(Math.log(sx.close[i] / prev[0]));
      b.push(Math.log(yv / prev[1]));
    }
    prev = [sx.close[i], yv];
  });
  return [a, b];
}

describe("trading calendars", () => {
  test("NYSE trading-day counts match the published calendar (2023: 250, 2024: 252, 2025: 250)", () => {
    expect(tradingDaysIn("US", 2023)).toBe(250);
    expect(tradingDaysIn("US", 2024)).toBe(252);
    expect(tradingDaysIn("US", 2025)).toBe(250);
  });

  test("Shanghai trading-day counts match the exchange's published totals for 2016–2025", () => {
    const published = [244, 244, 243, 244, 243, 243, 242, 242, 242, 243];
    expect(published.map((_, i) => tradingDaysIn("SS", 2016 + i))).toEqual(published);
  });

  test.each([
    ["US", "2024-07-04"],
    ["US", "2024-11-28"],
    ["US", "2024-03-29"],
    ["US", "2025-01-09"],
    ["US", "2022-06-20"],
    ["HK", "2024-02-12"],
    ["HK", "2024-02-13"],
    ["HK", "2024-03-29"],
    ["HK", "2024-04-01"],
    ["HK", "2024-04-04"],
    ["HK", "2024-05-15"],
    ["HK", "2024-06-10"],
    ["HK", "2024-07-01"],
    ["HK", "2024-09-18"],
    ["HK", "2024-10-11"],
    ["HK", "2024-12-25"],
    ["HK", "2024-12-26"],
    ["HK", "2025-01-29"],
    ["SS", "2024-02-09"],
    ["SS", "2024-02-16"],
    ["SS", "2024-10-01"],
    ["SS", "2024-10-07"],
    ["SZ", "2024-05-03"],
    ["SS", "2025-01-28"],
    ["SS", "2025-02-04"],
    // One-off closures (exchange records): victory-anniversary holiday, typhoon signal No. 8 days.
    ["HK", "2015-09-03"],
    ["HK", "2016-08-02"],
    ["HK", "2017-08-23"],
    ["HK", "2023-07-17"],
    ["HK", "2024-09-06"],
  ] as Array<[Market, string]>)("%s is closed on %s", (market, iso) => {
    expect(isTradingDay(market, d(iso))).toBe(false);
  });

  test.each([
    ["US", "2024-07-05"],
    ["HK", "2024-02-14"],
    ["HK", "2024-07-04"],
    ["SS", "2024-02-19"],
    ["SS", "2024-10-08"],
    ["SS", "2025-02-05"],
    ["US", "2024-02-12"],
    ["SS", "2015-09-28"], // Mid-Autumn 2015 fell on a Sunday and was not bridged
    ["HK", "2024-09-23"], // trading through severe weather from this day
  ] as Array<[Market, string]>)("%s is open on %s", (market, iso) => {
    expect(isTradingDay(market, d(iso))).toBe(true);
  });

  test("each year has 5–20 weekday holidays per market", () => {
    for (const m of ["US", "HK", "SS"] as Market[]) {
      for (let y = 2015; y <= 2026; y++) {
        const weekdays = [...holidaySet(m)].filter(
          (x) => isoFromDay(x).startsWith(`${y}`) && ((x + 4) % 7) % 6 !== 0
        );
        expect(weekdays.length).toBeGreaterThanOrEqual(5);
        expect(weekdays.length).toBeLessThanOrEqual(20);
      }
    }
  });
});

describe("demo series", () => {
  test("the whole universe generates, on each market's own calendar, within the demo range", () => {
    expect(DEMO_SYMBOLS.length).toBeGreaterThanOrEqual(50);
    for (const s of DEMO_SYMBOLS) {
      const series = demo.series(s);
      // The Hang Seng TECH index trades on Hong Kong days.
      const market: Market =
        s.endsWith(".HK") || s === "^HSTECH"
          ? "HK"
          : s.endsWith(".SS")
            ? "SS"
            : s.endsWith(".SZ")
              ? "SZ"
              : "US";
      expect(series.dates[0]).toBeGreaterThanOrEqual(DEMO_FIRST_DAY);
      expect(series.dates[series.dates.length - 1]).toBeLessThanOrEqual(DEMO_LAST_DAY);
      for (const day of series.dates) expect(isTradingDay(market, day)).toBe(true);
    }
  });

  test("is deterministic: a fresh module copy yields identical prices", () => {
    jest.isolateModules(() => {
      const fresh = new (require("../../src/data/demo/demo-source").DemoSource)() as DemoSource;
      for (const s of ["0700.HK", "688981.SS", "NVDA"]) {
        expect(Array.from(fresh.series(s).close)).toEqual(Array.from(demo.series(s).close));
      }
    });
  });

  test("realistic volatility: annualised 10%–90% for every name", () => {
    for (const s of DEMO_SYMBOLS) {
      const r = logReturns(demo.series(s).close);
      const m = r.reduce((a, b) => a + b, 0) / r.length;
      const vol = Math.sqrt((r.reduce((a, b) => a + (b - m) ** 2, 0) / (r.length - 1)) * 252);
      expect(vol).toBeGreaterThan(0.1);
      expect(vol).toBeLessThan(0.9);
    }
  });

  test("correlation: HK platforms co-move, chips co-move across listings, QQQ tracks ^NDX", () => {
    expect(corr(...commonReturns("0700.HK", "9988.HK"))).toBeGreaterThan(0.3);
    expect(corr(...commonReturns("0981.HK", "688981.SS"))).toBeGreaterThan(0.3);
    expect(corr(...commonReturns("QQQ", "^NDX"))).toBeGreaterThan(0.9);
    const [a, b] = commonReturns("0700.HK", "NVDA");
    expect(Math.abs(corr(a, b))).toBeLessThan(0.5);
  });

  test("dividends: adjusted-close return equals reinvesting each dividend at the prior close", () => {
    const s = demo.series("0700.HK");
    const i0 = s.dates.findIndex((x) => x >= d("2020-01-02"));
    const i1 = s.dates.findIndex((x) => x >= d("2024-12-31"));
    let growth = 1;
    let paid = 0;
    for (let i = i0 + 1; i <= i1; i++) {
      growth *= (s.close[i] + s.dividends![i]) / s.close[i - 1];
      if (s.dividends![i] > 0) paid++;
    }
    expect(paid).toBeGreaterThanOrEqual(4);
    const fromAdj = s.adjClose![i1] / s.adjClose![i0];
    expect(fromAdj).toBeCloseTo(growth, 10);
    expect(fromAdj).toBeGreaterThan(s.close[i1] / s.close[i0]);
  });

  test("price indices carry no dividends; recent listings start at their listing date", () => {
    expect(demo.series("^NDX").dividends!.every((x) => x === 0)).toBe(true);
    expect(isoFromDay(demo.series("9660.HK").dates[0])).toBe("2024-10-24");
  });

  test("every answer is labelled synthetic", async () => {
    const h = await demo.getHistory("QQQ");
    expect(h.provenance).toMatchObject({ source: DEMO_SOURCE_NAME, synthetic: true, stale: false });
    expect(DEMO_SOURCE_NAME).toBe("demo (synthetic)");
    // The synthetic flag travels with the data (provenance); the name is the company's, as a preset gives it.
    expect((await demo.getSymbolInfo("0700.HK")).name).toBe(
      getPresetBasket("HSTECH")!.constituents.find((c) => c.symbol === "0700.HK")!.name
    );
    expect((await demo.getQuote("NVDA")).provenance.synthetic).toBe(true);
  });

  test("an unknown symbol is #N/A naming it", async () => {
    await expect(demo.getHistory("1234.HK")).rejects.toThrow(
      /1234\.HK is not in the demo universe/
    );
    await expect(demo.getHistory("1234.HK")).rejects.toMatchObject({ kind: "na" });
    await expect(demo.getHistory("1234.HK")).rejects.toBeInstanceOf(FinanceError);
  });
});

describe("demo FX through MarketData", () => {
  const md = new MarketData(new DemoSource());
  const day = d("2024-06-14");
  const at = (series: { dates: Int32Array; close: Float64Array }, x: number): number => {
    let v = NaN;
    series.dates.forEach((dd, i) => {
      if (dd <= x) v = series.close[i];
    });
    return v;
  };

  test("HKD→USD ≈ 0.128 and inside the peg band; USD→HKD is its inverse", async () => {
    const hkdUsd = await md.getFx("HKD", "USD", day, day);
    const usdHkd = await md.getFx("usd", "hkd", day, day);
    const r = at(hkdUsd.series, day);
    expect(r).toBeGreaterThan(1 / 7.85);
    expect(r).toBeLessThan(1 / 7.75);
    expect(r * at(usdHkd.series, day)).toBeCloseTo(1, 12);
    expect(hkdUsd.provenance.synthetic).toBe(true);
  });

  test("HKD→CNY is USD→CNY divided by USD→HKD; CNH is CNY", async () => {
    const cross = at((await md.getFx("HKD", "CNY", day, day)).series, day);
    const usdCny = at((await md.getFx("USD", "CNH", day, day)).series, day);
    const usdHkd = at((await md.getFx("USD", "HKD", day, day)).series, day);
    expect(cross).toBeCloseTo(usdCny / usdHkd, 12);
    expect(usdCny).toBeGreaterThan(6);
    expect(usdCny).toBeLessThan(8);
  });

  test("same currency is a constant 1 series covering the window and the days before it", async () => {
    const one = await md.getFx("CNY", "cnh", day - 30, day);
    expect(Array.from(one.series.close).every((x) => x === 1)).toBe(true);
    expect(one.series.dates[0]).toBeLessThan(day - 30);
    expect(at(one.series, day)).toBe(1);
  });

  test("unknown currencies are #VALUE!", async () => {
    await expect(md.getFx("EUR", "USD", day, day)).rejects.toMatchObject({ kind: "value" });
  });
});
