import fc from "fast-check";
import {
  cagr,
  periodicReturns,
  returnsFromLevels,
  seriesCagr,
  windowLogReturn,
  windowReturn,
  yearFraction,
} from "../../src/core/returns";
import { makeSeries } from "../../src/core/series";
import { totalReturnIndex } from "../../src/core/total-return";
import { arbSeries, d, expectClose, expectFinanceError, seriesOf } from "./helpers";

describe("window return", () => {
  const s = seriesOf("X", [
    ["2024-01-02", 100],
    ["2024-01-03", 104],
    ["2024-01-05", 110],
    ["2024-01-08", 99],
  ]);

  it("runs from the last close on or before start to the last close on or before end", () => {
    expectClose(windowReturn(s, d("2024-01-02"), d("2024-01-05"), "price"), 0.1);
    // start on a day without a close (Thursday 4th) uses Wednesday's 104; end Sunday uses Friday's 110
    expectClose(windowReturn(s, d("2024-01-04"), d("2024-01-07"), "price"), 110 / 104 - 1);
    expect(windowReturn(s, d("2024-01-06"), d("2024-01-07"), "price")).toBe(0);
    expectClose(windowLogReturn(s, d("2024-01-02"), d("2024-01-05"), "price"), Math.log(1.1));
  });

  it("errors: start after end, start before data, start after data", () => {
    expectFinanceError(
      () => windowReturn(s, d("2024-01-05"), d("2024-01-02")),
      "value",
      /after end/
    );
    expectFinanceError(
      () => windowReturn(s, d("2023-12-31"), d("2024-01-05")),
      "na",
      /no price on or before/
    );
    expectFinanceError(
      () => windowReturn(s, d("2024-01-09"), d("2024-01-10")),
      "na",
      /after the last price/
    );
    expectFinanceError(
      () => windowReturn(s, d("2024-01-02"), d("2024-01-05"), "dividend" as never),
      "value",
      /return kind "dividend"/
    );
  });

  it("property: chain-linking R(a,c) = (1 + R(a,b))(1 + R(b,c)) − 1", () => {
    fc.assert(
      fc.property(
        arbSeries(),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (s, u, v) => {
          const first = s.dates[0];
          const span = s.dates[s.dates.length - 1] - first;
          const [x, y] = [Math.round(u * span), Math.round(v * span)].sort((p, q) => p - q);
          const a = first;
          const b = first + x;
          const c = first + y;
          const lhs = windowReturn(s, a, c, "price");
          const rhs =
            (1 + windowReturn(s, a, b, "price")) * (1 + windowReturn(s, b, c, "price")) - 1;
          expect(Math.abs(lhs - rhs)).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(lhs) + 1));
        }
      )
    );
  });
});

describe("total return", () => {
  const withDiv = makeSeries({
    symbol: "DIV",
    currency: "HKD",
    dates: [d("2024-05-01"), d("2024-05-02"), d("2024-05-03")],
    close: [100, 98, 99],
    dividends: [0, 2, 0],
  });

  it("reinvests a dividend at the ex-date close (shares oracle)", () => {
    // Independent computation: hold 1 share (100); the 2.00 dividend buys 2/98 more shares at 98.
    const shares = 1 + 2 / 98;
    expectClose(
      windowReturn(withDiv, d("2024-05-01"), d("2024-05-03"), "total"),
      (shares * 99) / 100 - 1
    );
    expectClose(windowReturn(withDiv, d("2024-05-01"), d("2024-05-03"), "price"), -0.01);
    expectClose(totalReturnIndex(withDiv)[1], 100);
  });

  it("uses adjusted closes when the source gives them", () => {
    const s = makeSeries({
      symbol: "ADJ",
      currency: "USD",
      dates: [1, 2],
      close: [50, 50],
      adjClose: [40, 42],
      dividends: [0, 5], // ignored: the adjusted closes already include it
    });
    expectClose(windowReturn(s, 1, 2, "total"), 0.05);
    expect(windowReturn(s, 1, 2, "price")).toBe(0);
  });

  it("equals the price return without dividends", () => {
    fc.assert(
      fc.property(arbSeries(), (s) => {
        const a = s.dates[0];
        const b = s.dates[s.dates.length - 1];
        expect(windowReturn(s, a, b, "total")).toBe(windowReturn(s, a, b, "price"));
      })
    );
  });
});

describe("CAGR and day counts", () => {
  it("hand-worked examples", () => {
    expect(yearFraction(d("2020-01-01"), d("2024-01-01"))).toBe(4);
    expect(yearFraction(0, 365, "ACT/365")).toBe(1);
    expect(yearFraction(0, 180, "ACT/360")).toBe(0.5);
    expectClose(cagr(100, 121, 0, 730.5), 0.1);
    expectClose(cagr(100, 121, 0, 730, "ACT/365"), 0.1);
    expectFinanceError(() => yearFraction(0, 1, "30/360" as never), "value", /day count "30\/360"/);
    expectFinanceError(() => cagr(100, 110, 5, 5), "num", /end date after the start/);
  });

  it("measures between the dates of the closes actually used", () => {
    const s = seriesOf("X", [
      ["2020-01-02", 100],
      ["2022-01-03", 121],
    ]);
    const years = (d("2022-01-03") - d("2020-01-02")) / 365.25;
    expectClose(
      seriesCagr(s, d("2020-01-02"), d("2022-01-09"), "price"),
      Math.pow(1.21, 1 / years) - 1
    );
  });
});

describe("periodic returns", () => {
  // Fri 5 Jan, Mon 8, Wed 10, Fri 12, Mon 15, Wed 31 Jan, Thu 1 Feb
  const s = seriesOf("X", [
    ["2024-01-05", 100],
    ["2024-01-08", 102],
    ["2024-01-10", 101],
    ["2024-01-12", 105],
    ["2024-01-15", 104],
    ["2024-01-31", 110],
    ["2024-02-01", 111],
  ]);

  it("weekly: ends at the last close of each Monday–Sunday week", () => {
    const w = periodicReturns(s, "weekly", { kind: "price" });
    expect(Array.from(w.dates)).toEqual([d("2024-01-12"), d("2024-01-15"), d("2024-02-01")]);
    const expected = [105 / 100 - 1, 104 / 105 - 1, 111 / 104 - 1];
    w.values.forEach((v, k) => expectClose(v, expected[k]));
  });

  it("monthly with a window and log returns", () => {
    const m = periodicReturns(s, "monthly", {
      start: d("2024-01-09"),
      end: d("2024-02-29"),
      kind: "price",
      method: "log",
    });
    expect(Array.from(m.dates)).toEqual([d("2024-01-31"), d("2024-02-01")]);
    expectClose(m.values[0], Math.log(110 / 102));
    expectClose(m.values[1], Math.log(111 / 110));
  });

  it("daily returns match returnsFromLevels", () => {
    const r = periodicReturns(s, "daily", { kind: "price" });
    expect(Array.from(r.values)).toEqual(Array.from(returnsFromLevels(s.close)));
    const simple = returnsFromLevels([100, 110, 99]);
    expectClose(simple[0], 0.1);
    expectClose(simple[1], -0.1);
    expectFinanceError(
      () => returnsFromLevels([1, 2], "arith" as never),
      "value",
      /method "arith"/
    );
  });

  it("property: periodic returns chain-link to the window return at every frequency", () => {
    fc.assert(
      fc.property(
        arbSeries("X", 120),
        fc.constantFrom("daily", "weekly", "monthly", "quarterly" as const),
        (x, f) => {
          const a = x.dates[0];
          const b = x.dates[x.dates.length - 1];
          const r = periodicReturns(x, f, { kind: "price" });
          let prod = 1;
          r.values.forEach((v) => (prod *= 1 + v));
          const w = windowReturn(x, a, b, "price");
          expect(Math.abs(prod - 1 - w)).toBeLessThanOrEqual(1e-11 * (1 + Math.abs(w)));
          const logs = periodicReturns(x, f, { kind: "price", method: "log" });
          const sum = logs.values.reduce((p, v) => p + v, 0);
          expect(Math.abs(sum - Math.log1p(w))).toBeLessThanOrEqual(1e-11);
        }
      )
    );
  });
});
