import * as formulajs from "@formulajs/formulajs";
import fc from "fast-check";
import {
  defaultPeriodsPerYear,
  pairedReturns,
  seriesBeta,
  seriesCorrelation,
  seriesInformationRatio,
  seriesMaxDrawdown,
  seriesReturns,
  seriesSharpe,
  seriesSortino,
  seriesTrackingError,
  seriesVolatility,
} from "../../src/core/risk/series-risk";
import { arbSeries, d, expectClose, expectFinanceError, seriesOf } from "./helpers";

// HK closed Tue 13 Feb; US closed Mon 19 Feb (Presidents' Day)
const hk = seriesOf("0700.HK", [
  ["2024-02-08", 100],
  ["2024-02-12", 102],
  ["2024-02-14", 99],
  ["2024-02-16", 103],
  ["2024-02-19", 101],
  ["2024-02-20", 104],
]);
const us = seriesOf("QQQ", [
  ["2024-02-08", 400],
  ["2024-02-12", 404],
  ["2024-02-13", 396],
  ["2024-02-14", 402],
  ["2024-02-16", 406],
  ["2024-02-20", 401],
]);

describe("risk on price series", () => {
  it("pairs returns on the intersection calendar", () => {
    const p = pairedReturns(hk, us, d("2024-02-08"), d("2024-02-20"), { kind: "price" });
    expect(Array.from(p.dates)).toEqual(
      ["2024-02-12", "2024-02-14", "2024-02-16", "2024-02-20"].map(d)
    );
    [102 / 100, 99 / 102, 103 / 99, 104 / 103].forEach((v, i) => expectClose(p.a[i], v - 1));
    [404 / 400, 402 / 404, 406 / 402, 401 / 406].forEach((v, i) => expectClose(p.b[i], v - 1));
    expectClose(
      seriesBeta(hk, us, d("2024-02-08"), d("2024-02-20")),
      formulajs.SLOPE(Array.from(p.a), Array.from(p.b)) as number,
      1e-12
    );
    expectClose(
      seriesCorrelation(hk, us, d("2024-02-08"), d("2024-02-20")),
      formulajs.CORREL(Array.from(p.a), Array.from(p.b)) as number,
      1e-12
    );
    const active = Array.from(p.a).map((x, i) => x - p.b[i]);
    const te = formulajs.STDEV.S(active) * Math.sqrt(252);
    expectClose(seriesTrackingError(hk, us, d("2024-02-08"), d("2024-02-20")), te);
    expectClose(
      seriesInformationRatio(hk, us, d("2024-02-08"), d("2024-02-20")),
      ((formulajs.AVERAGE(active) as number) * 252) / te
    );
  });

  it("volatility, Sharpe and Sortino on the series' own calendar", () => {
    const r = [102 / 100, 99 / 102, 103 / 99, 101 / 103, 104 / 101].map((v) => v - 1);
    expectClose(
      seriesVolatility(hk, d("2024-02-08"), d("2024-02-20")),
      formulajs.STDEV.S(r) * Math.sqrt(252)
    );
    expectClose(
      seriesVolatility(hk, d("2024-02-08"), d("2024-02-20"), { periodsPerYear: 260 }),
      formulajs.STDEV.S(r) * Math.sqrt(260)
    );
    const e = r.map((x) => x - 0.05 / 252);
    expectClose(
      seriesSharpe(hk, d("2024-02-08"), d("2024-02-20"), 0.05),
      ((formulajs.AVERAGE(e) as number) / formulajs.STDEV.S(e)) * Math.sqrt(252)
    );
    const dd = Math.sqrt(e.filter((x) => x < 0).reduce((s, x) => s + x * x, 0) / e.length);
    expectClose(
      seriesSortino(hk, d("2024-02-08"), d("2024-02-20"), 0.05),
      ((formulajs.AVERAGE(e) as number) / dd) * Math.sqrt(252)
    );
  });

  it("weekly returns annualise with 52 by default", () => {
    const w = seriesReturns(hk, d("2024-02-08"), d("2024-02-20"), { frequency: "weekly" });
    expect(Array.from(w.dates)).toEqual([d("2024-02-16"), d("2024-02-20")]);
    expectClose(
      seriesVolatility(hk, d("2024-02-08"), d("2024-02-20"), { frequency: "weekly" }),
      formulajs.STDEV.S(Array.from(w.values)) * Math.sqrt(52)
    );
    expect([
      defaultPeriodsPerYear("daily"),
      defaultPeriodsPerYear("monthly"),
      defaultPeriodsPerYear("quarterly"),
    ]).toEqual([252, 12, 4]);
  });

  it("max drawdown with peak and trough dates inside the window", () => {
    const dd = seriesMaxDrawdown(hk, d("2024-02-09"), d("2024-02-20"));
    expectClose(dd.maxDrawdown, 99 / 102 - 1);
    expect(dd.peakDay).toBe(d("2024-02-12"));
    expect(dd.troughDay).toBe(d("2024-02-14"));
    expect(dd.recoveryDay).toBe(d("2024-02-16"));
  });

  it("property: beta and correlation of a series against itself are 1", () => {
    fc.assert(
      fc.property(arbSeries("X", 60), (s) => {
        fc.pre(s.dates.length >= 3);
        const r = seriesReturns(s, s.dates[0], s.dates[s.dates.length - 1]).values;
        fc.pre(formulajs.STDEV.S(Array.from(r)) > 1e-9);
        const a = s.dates[0];
        const b = s.dates[s.dates.length - 1];
        expectClose(seriesBeta(s, s, a, b), 1, 1e-12);
        expectClose(seriesCorrelation(s, s, a, b), 1, 1e-12);
      })
    );
  });

  it("errors: window outside the data, too few returns, bad periods per year", () => {
    expectFinanceError(
      () => seriesVolatility(hk, d("2024-01-01"), d("2024-02-20")),
      "na",
      /no price on or before/
    );
    expectFinanceError(
      () => seriesVolatility(hk, d("2024-02-08"), d("2024-02-12")),
      "num",
      /at least 2 points, got 1/
    );
    expectFinanceError(
      () => seriesVolatility(hk, d("2024-02-20"), d("2024-02-21")),
      "na",
      /no data/
    );
    expectFinanceError(
      () => seriesVolatility(hk, d("2024-02-08"), d("2024-02-20"), { periodsPerYear: -1 }),
      "value",
      /periods per year -1/
    );
    expectFinanceError(
      () => seriesBeta(hk, us, d("2024-02-20"), d("2024-02-08")),
      "value",
      /after end/
    );
  });
});
