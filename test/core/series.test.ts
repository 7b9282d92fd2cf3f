import fc from "fast-check";
import {
  indexOnOrBefore,
  makeSeries,
  requireIndexOnOrBefore,
  requireLength,
  sortAndDedupe,
  windowIndices,
} from "../../src/core/series";
import { d, expectFinanceError, seriesOf } from "./helpers";

const base = { symbol: "0700.HK", currency: "HKD" };

describe("makeSeries validation", () => {
  it("keeps valid input as typed arrays", () => {
    const s = makeSeries({
      ...base,
      dates: [1, 2, 5],
      close: [10, 11, 12],
      dividends: [0, 0.5, 0],
    });
    expect(s.dates).toBeInstanceOf(Int32Array);
    expect(Array.from(s.close)).toEqual([10, 11, 12]);
    expect(Array.from(s.dividends!)).toEqual([0, 0.5, 0]);
  });

  it.each([
    [{ dates: [1, 2], close: [10] }, /2 dates but 1 prices/],
    [
      { dates: [1, 2], close: [10, NaN] },
      /price NaN on 1970-01-03 \(row 2\) is not a positive number/,
    ],
    [{ dates: [1, 2], close: [10, 0] }, /price 0 .* not a positive number/],
    [{ dates: [1, 2], close: [-1, 10] }, /price -1 .* not a positive number/],
    [{ dates: [1, 2], close: [10, Infinity] }, /not a positive number/],
    [{ dates: [2, 1], close: [10, 11] }, /dates not ascending at row 2/],
    [{ dates: [1, 1], close: [10, 10] }, /duplicate date 1970-01-02 at row 2/],
    [{ dates: [1.5, 2], close: [10, 11] }, /row 1 is not a whole day number/],
    [{ dates: [1, 2], close: [10, 11], adjClose: [10] }, /adjusted closes do not match/],
    [{ dates: [1, 2], close: [10, 11], adjClose: [10, NaN] }, /adjusted close NaN/],
    [{ dates: [1, 2], close: [10, 11], dividends: [0, -1] }, /dividend -1 .* not a number ≥ 0/],
  ])("rejects %p", (input, message) => {
    expectFinanceError(() => makeSeries({ ...base, ...input }), "value", message);
  });
});

describe("sortAndDedupe (the duplicate-date rule)", () => {
  it("sorts unsorted rows and collapses identical duplicates", () => {
    const out = sortAndDedupe({ ...base, dates: [3, 1, 2, 1], close: [30, 10, 20, 10] });
    expect(Array.from(out.dates)).toEqual([1, 2, 3]);
    expect(Array.from(out.close)).toEqual([10, 20, 30]);
    expect(() => makeSeries(out)).not.toThrow();
  });

  it("rejects a date that appears with two different prices, naming the date", () => {
    expectFinanceError(
      () => sortAndDedupe({ ...base, dates: [3, 1, 1], close: [30, 10, 11] }),
      "value",
      /conflicting prices for 1970-01-02/
    );
    expectFinanceError(
      () => sortAndDedupe({ ...base, dates: [1, 1], close: [10, 10], dividends: [0, 1] }),
      "value",
      /conflicting/
    );
  });

  it("property: output is strictly ascending and keeps every distinct (date, price)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 30 }), { minLength: 1, maxLength: 40 }),
        (days) => {
          // price is a function of the day, so duplicates never conflict
          const out = sortAndDedupe({ ...base, dates: days, close: days.map((x) => 100 + x) });
          const expected = [...new Set(days)].sort((a, b) => a - b);
          expect(Array.from(out.dates)).toEqual(expected);
          expect(Array.from(out.close)).toEqual(expected.map((x) => 100 + x));
        }
      )
    );
  });
});

describe("lookup on or before a date", () => {
  const s = seriesOf("X", [
    ["2024-01-02", 10],
    ["2024-01-03", 11],
    ["2024-01-05", 12],
  ]);

  it("finds the last observation on or before a day", () => {
    expect(indexOnOrBefore(s, d("2024-01-01"))).toBe(-1);
    expect(indexOnOrBefore(s, d("2024-01-02"))).toBe(0);
    expect(indexOnOrBefore(s, d("2024-01-04"))).toBe(1);
    expect(indexOnOrBefore(s, d("2024-02-01"))).toBe(2);
  });

  it("agrees with a linear scan (property)", () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 0, max: 200 }), { maxLength: 50 }),
        fc.integer({ min: -5, max: 205 }),
        (raw, day) => {
          const dates = Int32Array.from(raw.sort((a, b) => a - b));
          let expected = -1;
          dates.forEach((x, i) => {
            if (x <= day) expected = i;
          });
          expect(indexOnOrBefore({ dates }, day)).toBe(expected);
        }
      )
    );
  });

  it("window indices follow the rule; dates outside the data are #N/A", () => {
    expect(windowIndices(s, d("2024-01-04"), d("2024-01-06"))).toEqual({ i0: 1, i1: 2 });
    expectFinanceError(
      () => windowIndices(s, d("2023-12-29"), d("2024-01-05")),
      "na",
      /data starts 2024-01-02/
    );
    expectFinanceError(
      () => windowIndices(s, d("2024-01-06"), d("2024-01-09")),
      "na",
      /after the last price/
    );
    expectFinanceError(
      () => windowIndices(s, d("2024-01-05"), d("2024-01-03")),
      "value",
      /start date is after end date/
    );
    expectFinanceError(
      () => requireIndexOnOrBefore(s, d("2023-01-01"), "start"),
      "na",
      /no price on or before the start/
    );
  });

  it("empty and single-point data give typed errors", () => {
    const empty = makeSeries({ ...base, dates: [], close: [] });
    expectFinanceError(() => windowIndices(empty, 1, 2), "na", /no prices/);
    expectFinanceError(() => requireLength(0, 2, "volatility"), "na", /volatility: no data/);
    expectFinanceError(
      () => requireLength(1, 2, "volatility"),
      "num",
      /needs at least 2 points, got 1/
    );
  });
});
