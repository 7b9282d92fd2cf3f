import fc from "fast-check";
import { windowReturn } from "../../src/core/returns";
import { relativePerformance, seriesSpread, spread } from "../../src/core/spread";
import { arbSeries, d, expectClose, expectFinanceError, seriesOf } from "./helpers";

describe("spread vs benchmark", () => {
  it("hand-worked: 12 % vs 5 %", () => {
    expectClose(spread(0.12, 0.05), 0.07);
    expectClose(spread(0.12, 0.05, "bps"), 700, 1e-12);
    expectClose(spread(0.12, 0.05, "log"), Math.log(1.12 / 1.05));
  });

  it("property: spread(x, x) = 0 in every unit, for numbers and series", () => {
    fc.assert(
      fc.property(
        fc.double({ min: -0.99, max: 10, noNaN: true }),
        fc.constantFrom("pct", "bps", "log" as const),
        (x, u) => {
          expect(spread(x, x, u)).toBe(0);
        }
      )
    );
    fc.assert(
      fc.property(arbSeries(), (s) => {
        expect(seriesSpread(s, s, s.dates[0], s.dates[s.dates.length - 1], "bps")).toBe(0);
      })
    );
  });

  it("series spread uses each series' own window rule", () => {
    const a = seriesOf("A", [
      ["2024-01-02", 100],
      ["2024-01-05", 112],
    ]);
    const b = seriesOf("B", [
      ["2024-01-01", 200],
      ["2024-01-04", 210],
    ]);
    expectClose(seriesSpread(a, b, d("2024-01-02"), d("2024-01-05"), "bps", "price"), 700, 1e-12);
  });

  it("errors: unknown units, log of a total loss, mixed currencies", () => {
    expectFinanceError(() => spread(0.1, 0, "pts" as never), "value", /units "pts"/);
    expectFinanceError(() => spread(-1, 0, "log"), "value", /above −100 %/);
    const hk = seriesOf("H", [["2024-01-02", 1]], "HKD");
    const us = seriesOf("U", [["2024-01-02", 1]], "USD");
    expectFinanceError(() => seriesSpread(hk, us, 1, 2), "value", /convert first/);
  });
});

describe("relative performance index", () => {
  it("hand-worked: A 100 → 110, B 50 → 52.5", () => {
    const r = relativePerformance(
      { dates: Int32Array.from([1, 2]), values: Float64Array.from([100, 110]) },
      { dates: Int32Array.from([1, 2]), values: Float64Array.from([50, 52.5]) }
    );
    expectClose(r.values[0], 100);
    expectClose(r.values[1], (100 * 1.1) / 1.05);
  });

  it("property: last value / base − 1 = (1 + R_a)/(1 + R_b) − 1 from the common start", () => {
    fc.assert(
      fc.property(arbSeries("A"), arbSeries("B"), (a, b) => {
        const ra = { dates: a.dates, values: a.close };
        const rb = { dates: b.dates, values: b.close };
        const start = Math.max(a.dates[0], b.dates[0]);
        const end = Math.max(a.dates[a.dates.length - 1], b.dates[b.dates.length - 1]);
        fc.pre(start <= Math.min(a.dates[a.dates.length - 1], b.dates[b.dates.length - 1]));
        const rp = relativePerformance(ra, rb);
        const expected =
          (1 + windowReturn(a, start, end, "price")) / (1 + windowReturn(b, start, end, "price")) -
          1;
        expectClose(rp.values[rp.values.length - 1] / 100 - 1, expected, 1e-11);
      })
    );
  });
});
