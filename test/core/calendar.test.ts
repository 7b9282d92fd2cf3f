import fc from "fast-check";
import { alignColumns, alignSeries, sampleOnOrBefore } from "../../src/core/calendar";
import { makeSeries } from "../../src/core/series";
import { d, expectFinanceError, seriesOf } from "./helpers";

const col = (dates: number[], values: number[]) => ({
  dates: Int32Array.from(dates),
  values: Float64Array.from(values),
});

describe("calendar alignment", () => {
  const a = col([1, 2, 4], [10, 11, 12]);
  const b = col([1, 3, 4], [5, 6, 7]);

  it("intersection keeps only common dates", () => {
    const r = alignColumns([a, b], "intersection");
    expect(Array.from(r.dates)).toEqual([1, 4]);
    expect(Array.from(r.columns[0])).toEqual([10, 12]);
    expect(Array.from(r.columns[1])).toEqual([5, 7]);
  });

  it("union forward-fills each series with its last close", () => {
    const r = alignColumns([a, b], "union");
    expect(Array.from(r.dates)).toEqual([1, 2, 3, 4]);
    expect(Array.from(r.columns[0])).toEqual([10, 11, 11, 12]);
    expect(Array.from(r.columns[1])).toEqual([5, 5, 6, 7]);
  });

  it("union drops rows before the latest first date (nothing to fill from)", () => {
    const r = alignColumns([col([1, 2, 3], [1, 2, 3]), col([2, 3], [20, 30])], "union");
    expect(Array.from(r.dates)).toEqual([2, 3]);
  });

  it("HK / US holidays: Lunar New Year and Thanksgiving", () => {
    const hk = seriesOf(
      "0700.HK",
      [
        ["2024-02-08", 280],
        ["2024-02-14", 270], // HK closed 9-13 Feb (Lunar New Year)
        ["2024-11-28", 400],
      ],
      "HKD"
    );
    const us = seriesOf("QQQ", [
      ["2024-02-08", 430],
      ["2024-02-09", 435],
      ["2024-02-12", 432],
      ["2024-02-13", 425],
      ["2024-02-14", 431],
      ["2024-11-27", 505], // US closed 28 Nov (Thanksgiving)
    ]);
    const inter = alignSeries([hk, us], "intersection", "price");
    expect(Array.from(inter.dates)).toEqual([d("2024-02-08"), d("2024-02-14")]);
    const uni = alignSeries([hk, us], "union", "price");
    expect(uni.dates.length).toBe(7);
    expect(Array.from(uni.columns[0]).slice(0, 5)).toEqual([280, 280, 280, 280, 270]);
    expect(uni.columns[1][6]).toBe(505); // US value carried into HK-only 28 Nov
    expect(uni.symbols).toEqual(["0700.HK", "QQQ"]);
  });

  it("property: union holds every date from the common start with on-or-before values; intersection the common dates", () => {
    const days = fc
      .uniqueArray(fc.integer({ min: 0, max: 60 }), { minLength: 1, maxLength: 30 })
      .map((v) => v.sort((p, q) => p - q));
    fc.assert(
      fc.property(days, days, (da, db) => {
        const x = col(
          da,
          da.map((v) => v * 2)
        );
        const y = col(
          db,
          db.map((v) => v * 3 + 1)
        );
        const u = alignColumns([x, y], "union");
        const startCommon = Math.max(da[0], db[0]);
        const expected = [...new Set([...da, ...db])]
          .filter((v) => v >= startCommon)
          .sort((p, q) => p - q);
        expect(Array.from(u.dates)).toEqual(expected);
        u.dates.forEach((day, t) => {
          expect(u.columns[0][t]).toBe(2 * Math.max(...da.filter((v) => v <= day)));
          expect(u.columns[1][t]).toBe(3 * Math.max(...db.filter((v) => v <= day)) + 1);
        });
        const common = da.filter((v) => db.includes(v));
        if (common.length === 0) {
          expectFinanceError(
            () => alignColumns([x, y], "intersection"),
            "na",
            /no dates in common/
          );
        } else {
          const i = alignColumns([x, y], "intersection");
          expect(Array.from(i.dates)).toEqual(common);
          expect(Array.from(i.columns[1])).toEqual(common.map((v) => v * 3 + 1));
        }
      })
    );
  });

  it("errors: nothing to align, empty series, no common dates, unknown mode", () => {
    expectFinanceError(() => alignColumns([], "union"), "value", /nothing to align/);
    expectFinanceError(() => alignColumns([col([], [])], "union"), "na", /empty series/);
    expectFinanceError(
      () => alignColumns([col([1], [1]), col([2], [2])], "intersection"),
      "na",
      /no dates in common/
    );
    expectFinanceError(() => alignColumns([a], "outer" as never), "value", /alignment "outer"/);
    expectFinanceError(() => sampleOnOrBefore(a, Int32Array.from([0])), "na", /precedes/);
  });

  it("aligns total-return levels when asked", () => {
    const s = makeSeries({
      symbol: "D",
      currency: "USD",
      dates: [1, 2],
      close: [100, 98],
      dividends: [0, 2],
    });
    expect(Array.from(alignSeries([s], "union", "total").columns[0])).toEqual([100, 100]);
  });
});
