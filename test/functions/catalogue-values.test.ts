/**
 * CNTECH formulas through the BUILT bundle on the demo source, each figure checked against an
 * independent recomputation from the same demo prices with plain loops (helpers.ts).
 */
import { dayFromIso, excelSerialFromDay } from "../../src/core/dates";
import { loadFunctionsBundle } from "../support/functions-bundle";
import {
  callLikeExcel,
  commonDates,
  demoSeries,
  fxRate,
  lastIndexOnOrBefore,
  levelsIn,
  sampleStdev,
  simpleReturns,
  windowReturnOf,
  windowSlice,
} from "./helpers";

const bundle = loadFunctionsBundle();
const call = (id: string, ...args: unknown[]) => callLikeExcel(bundle, id, args);
const S = "2024-01-02";
const E = "2024-12-31";

describe("RETURN", () => {
  test("one symbol in its own currency equals the total-return level ratio", async () => {
    const want = windowReturnOf(await levelsIn("0700.HK", "HKD"), S, E);
    expect(await call("RETURN", [["0700.HK"]], S, E, "HKD")).toBeCloseTo(want, 12);
  });

  test("kind 'price' uses closes, and differs from total when dividends were paid", async () => {
    const price = windowReturnOf(await levelsIn("0700.HK", "HKD", "price"), S, E);
    const total = windowReturnOf(await levelsIn("0700.HK", "HKD", "total"), S, E);
    const got = await call("RETURN", "0700.HK", S, E, "hkd", "PRICE");
    expect(got).toBeCloseTo(price, 12);
    expect(Math.abs(price - total)).toBeGreaterThan(1e-6);
  });

  test("USD (the default) is local return compounded with the HKD→USD move at the closes used", async () => {
    const s = demoSeries("0700.HK");
    const d0 = s.dates[lastIndexOnOrBefore(s.dates, dayFromIso(S))];
    const d1 = s.dates[lastIndexOnOrBefore(s.dates, dayFromIso(E))];
    const local = windowReturnOf(await levelsIn("0700.HK", "HKD"), S, E);
    const fx = (await fxRate("HKD", "USD", d1)) / (await fxRate("HKD", "USD", d0)) - 1;
    expect(await call("RETURN", "0700.HK", S, E)).toBeCloseTo((1 + local) * (1 + fx) - 1, 12);
  });

  test("dates as Excel serials and ISO text agree; a lower-case symbol is the same symbol", async () => {
    const serial = excelSerialFromDay(dayFromIso(S));
    const a = await call("RETURN", [["0700.hk"]], serial, E);
    const b = await call("RETURN", "0700.HK", S, E);
    expect(a).toBe(b);
  });

  test("a one-column range is an equal-weight buy-and-hold basket; blank rows are ignored", async () => {
    const r1 = windowReturnOf(await levelsIn("0700.HK", "USD"), S, E);
    const r2 = windowReturnOf(await levelsIn("NVDA", "USD"), S, E);
    const got = await call("RETURN", [["0700.HK"], [""], [null], ["NVDA"]], S, E);
    expect(got).toBeCloseTo(0.5 * r1 + 0.5 * r2, 12);
  });

  test("a two-column range gives weights (normalised)", async () => {
    const r1 = windowReturnOf(await levelsIn("0700.HK", "USD"), S, E);
    const r2 = windowReturnOf(await levelsIn("688981.SS", "USD"), S, E);
    const got = await call(
      "RETURN",
      [
        ["0700.HK", 7],
        ["688981.SS", 3],
      ],
      S,
      E,
      "USD"
    );
    expect(got).toBeCloseTo(0.7 * r1 + 0.3 * r2, 12);
  });

  test("a preset basket name is its constituents at equal weight", async () => {
    const got = (await call("RETURN", "cn_internet", S, E)) as number;
    const spill = (await call("BASKET", [["CN_INTERNET"]])) as unknown[][];
    const symbols = spill.slice(1).map((r) => r[0] as string);
    let want = 0;
    for (const sym of symbols)
      want += windowReturnOf(await levelsIn(sym, "USD"), S, E) / symbols.length;
    expect(symbols.length).toBeGreaterThan(2);
    expect(got).toBeCloseTo(want, 12);
  });
});

describe("SPREAD.NASDAQ", () => {
  test("basket return minus the default ^XNDX (total return) return, both in USD, in basis points", async () => {
    const a = windowReturnOf(await levelsIn("0700.HK", "USD"), S, E);
    const b = windowReturnOf(await levelsIn("^XNDX", "USD"), S, E);
    const got = await call("SPREAD.NASDAQ", "0700.HK", S, E, null, null, "bps");
    expect(got).toBeCloseTo((a - b) * 10000, 8);
  });

  test("in HKD both sides are converted: log units equal ln(1+Ra) - ln(1+Rb)", async () => {
    const a = windowReturnOf(await levelsIn("0700.HK", "HKD"), S, E);
    const b = windowReturnOf(await levelsIn("QQQ", "HKD"), S, E);
    const got = await call("SPREAD.NASDAQ", "0700.HK", S, E, "HKD", "QQQ", "log");
    expect(got).toBeCloseTo(Math.log(1 + a) - Math.log(1 + b), 12);
  });

  test("a symbol against itself is exactly zero", async () => {
    expect(await call("SPREAD.NASDAQ", "^XNDX", S, E)).toBe(0);
    expect(await call("SPREAD.NASDAQ", "^NDX", S, E, null, "^NDX")).toBe(0);
  });
});

describe("risk statistics (daily total returns, 252 per year)", () => {
  test("VOL is the sample stdev of daily returns × √252", async () => {
    const w = windowSlice(await levelsIn("NVDA", "USD"), S, E);
    const want = sampleStdev(simpleReturns(w.levels)) * Math.sqrt(252);
    expect(await call("VOL", "NVDA", S, E)).toBeCloseTo(want, 12);
  });

  test("BETA, CORR, TE and IR vs the default ^XNDX on common dates", async () => {
    const pair = commonDates(await levelsIn("NVDA", "USD"), await levelsIn("^XNDX", "USD"));
    const i0 = lastIndexOnOrBefore(pair.dates, dayFromIso(S));
    const i1 = lastIndexOnOrBefore(pair.dates, dayFromIso(E));
    const ra = simpleReturns(pair.a.slice(i0, i1 + 1));
    const rb = simpleReturns(pair.b.slice(i0, i1 + 1));
    const n = ra.length;
    const ma = ra.reduce((x, y) => x + y) / n;
    const mb = rb.reduce((x, y) => x + y) / n;
    let cov = 0;
    let vb = 0;
    let va = 0;
    for (let i = 0; i < n; i++) {
      cov += (ra[i] - ma) * (rb[i] - mb);
      vb += (rb[i] - mb) ** 2;
      va += (ra[i] - ma) ** 2;
    }
    const active = ra.map((x, i) => x - rb[i]);
    const te = sampleStdev(active) * Math.sqrt(252);
    const ir = ((active.reduce((x, y) => x + y) / n) * 252) / te;
    expect(await call("BETA", "NVDA", S, E)).toBeCloseTo(cov / vb, 10);
    expect(await call("CORR", "NVDA", S, E, "USD", "^XNDX")).toBeCloseTo(
      cov / Math.sqrt(va * vb),
      10
    );
    expect(await call("TE", "NVDA", S, E)).toBeCloseTo(te, 10);
    expect(await call("IR", "NVDA", S, E)).toBeCloseTo(ir, 10);
  });

  test("BETA of the benchmark against itself is 1", async () => {
    expect(await call("BETA", "^XNDX", S, E)).toBeCloseTo(1, 12);
    expect(await call("BETA", "^NDX", S, E, "USD", "^NDX")).toBeCloseTo(1, 12);
  });

  test("MAXDD is the worst fall from a running peak of the levels", async () => {
    const w = windowSlice(await levelsIn("9988.HK", "USD"), S, E);
    let peak = -Infinity;
    let worst = 0;
    for (const v of w.levels) {
      peak = Math.max(peak, v);
      worst = Math.min(worst, v / peak - 1);
    }
    expect(worst).toBeLessThan(0);
    expect(await call("MAXDD", "9988.HK", S, E)).toBeCloseTo(worst, 12);
  });

  test("SHARPE with a 4 % risk-free rate de-annualised per day", async () => {
    const w = windowSlice(await levelsIn("NVDA", "USD"), S, E);
    const ex = simpleReturns(w.levels).map((r) => r - 0.04 / 252);
    const want = (ex.reduce((x, y) => x + y) / ex.length / sampleStdev(ex)) * Math.sqrt(252);
    expect(await call("SHARPE", "NVDA", S, E, null, 0.04)).toBeCloseTo(want, 10);
    expect(await call("SHARPE", "NVDA", S, E, "USD", "0.04")).toBeCloseTo(want, 10);
  });
});

describe("prices, history and FX", () => {
  test("PRICE is the close on or before the date, in the symbol's currency by default", async () => {
    const s = demoSeries("0700.HK");
    const i = lastIndexOnOrBefore(s.dates, dayFromIso("2024-06-30")); // a Sunday
    expect(await call("PRICE", "0700.HK", "2024-06-30")).toBe(s.close[i]);
    const usd = s.close[i] * (await fxRate("HKD", "USD", s.dates[i]));
    expect(await call("PRICE", "0700.HK", "2024-06-30", "close", "USD")).toBeCloseTo(usd, 12);
  });

  test("PRICE without a date is the last close", async () => {
    const s = demoSeries("NVDA");
    expect(await call("PRICE", "NVDA")).toBe(s.close[s.close.length - 1]);
  });

  test("FX is units of the second currency per one of the first, inverses agree", async () => {
    const day = dayFromIso("2024-06-28");
    const usdhkd = (await call("FX", "USD/HKD", "2024-06-28")) as number;
    expect(usdhkd).toBeCloseTo(await fxRate("USD", "HKD", day), 12);
    expect(await call("FX", "hkdusd", "2024-06-28")).toBeCloseTo(1 / usdhkd, 12);
    expect(await call("FX", "CNH/HKD", "2024-06-28")).toBeCloseTo(
      await fxRate("CNY", "HKD", day),
      12
    );
    // (base, quote, [date]) is the documented order; the one-text pair stays accepted.
    expect(await call("FX", "USD", "HKD", "2024-06-28")).toBe(usdhkd);
    expect(await call("FX", "usd/hkd", null, "2024-06-28")).toBe(usdhkd);
    expect(await call("FX", "HKD", "usd", "2024-06-28")).toBeCloseTo(1 / usdhkd, 12);
  });

  test("HISTORY spills a header and one row per trading date with each symbol's close", async () => {
    const table = (await call(
      "HISTORY",
      [["0700.HK"], ["NVDA"]],
      "2024-06-24",
      "2024-07-05"
    )) as unknown[][];
    expect(table[0]).toEqual(["Date", "0700.HK", "NVDA"]);
    const hk = demoSeries("0700.HK");
    const us = demoSeries("NVDA");
    const days = new Set<number>();
    for (const s of [hk, us])
      s.dates.forEach(
        (d) => d >= dayFromIso("2024-06-24") && d <= dayFromIso("2024-07-05") && days.add(d)
      );
    const sorted = [...days].sort((a, b) => a - b);
    expect(table.length).toBe(sorted.length + 1);
    sorted.forEach((day, k) => {
      const row = table[k + 1];
      expect(row[0]).toBe(excelSerialFromDay(day));
      const ih = hk.dates.indexOf(day);
      const iu = us.dates.indexOf(day);
      expect(row[1]).toBe(ih >= 0 ? hk.close[ih] : "");
      expect(row[2]).toBe(iu >= 0 ? us.close[iu] : "");
    });
  });

  test("HISTORY starts on the start close: a Saturday start begins on the Friday before", async () => {
    const table = (await call("HISTORY", "^NDX", "2024-12-28", "2025-01-10")) as unknown[][];
    const s = demoSeries("^NDX");
    const i = lastIndexOnOrBefore(s.dates, dayFromIso("2024-12-28"));
    expect(s.dates[i]).toBe(dayFromIso("2024-12-27"));
    expect(table[1]).toEqual([excelSerialFromDay(s.dates[i]), s.close[i]]);
  });

  test("HISTORY weekly: last / first − 1 down the spill is RETURN's price return", async () => {
    const table = (await call(
      "HISTORY",
      "^NDX",
      "2025-01-02",
      "2025-06-30",
      "USD",
      "weekly"
    )) as unknown[][];
    const first = table[1][1] as number;
    const last = table[table.length - 1][1] as number;
    const want = await call("RETURN", "^NDX", "2025-01-02", "2025-06-30", "USD", "price");
    expect(last / first - 1).toBeCloseTo(want as number, 12);
    // Between the start close and the end, one row per ISO week: each Friday-or-earlier week end.
    const weekdays = table
      .slice(2, -1)
      .map((r) => new Date(((r[0] as number) - 25569) * 864e5).getUTCDay());
    expect(weekdays.every((d) => d >= 1 && d <= 5)).toBe(true);
  });

  test("HISTORY monthly keeps the last close of each month", async () => {
    const table = (await call(
      "HISTORY",
      "NVDA",
      "2024-01-01",
      "2024-03-31",
      null,
      "MONTHLY"
    )) as unknown[][];
    const s = demoSeries("NVDA");
    // The start close first (the last close on or before 2024-01-01), then each month's last close.
    const want = ["2024-01-01", "2024-01-31", "2024-02-29", "2024-03-31"].map((iso) => {
      const i = lastIndexOnOrBefore(s.dates, dayFromIso(iso));
      return [excelSerialFromDay(s.dates[i]), s.close[i]];
    });
    expect(table.slice(1)).toEqual(want);
  });
});

describe("baskets and provenance", () => {
  test("BASKET spills symbol, name and weights summing to 1", async () => {
    const table = (await call("BASKET", [["hstech"]])) as unknown[][];
    // A preset carries the date of its constituent list (docs/data.md says what it rests on).
    expect(table[0]).toEqual(["Symbol", "Name", "Weight", "Snapshot"]);
    expect(new Set(table.slice(1).map((r) => r[3]))).toEqual(new Set(["2025-03-10"]));
    const weights = table.slice(1).map((r) => r[2] as number);
    expect(weights.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    expect(
      table.slice(1).every((r) => typeof r[1] === "string" && (r[1] as string).length > 0)
    ).toBe(true);
  });

  test("BASKET of a weighted range normalises the weights", async () => {
    const table = (await call("BASKET", [
      ["0700.HK", 3],
      ["NVDA", 1],
    ])) as unknown[][];
    expect(table.slice(1).map((r) => [r[0], r[2]])).toEqual([
      ["0700.HK", 0.75],
      ["NVDA", 0.25],
    ]);
  });

  test("SOURCE labels demo data synthetic with its as-of date", async () => {
    const table = (await call("SOURCE", "0700.HK")) as unknown[][];
    expect(table[0]).toEqual([
      "Symbol",
      "Source",
      "As of",
      "Synthetic",
      "Delayed",
      "Stale",
      "Notes",
      "Measured as",
    ]);
    expect(table[1]).toEqual([
      "0700.HK",
      "demo (synthetic)",
      "2026-11-25",
      true,
      false,
      false,
      "",
      "total return: adjusted closes, dividends reinvested",
    ]);
  });
});
