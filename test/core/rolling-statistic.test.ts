/**
 * rollingStatistic: each row recomputed here with plain loops (no core statistics), and the last
 * row of a window as long as the data equals the whole-window statistic.
 */
import fc from "fast-check";
import { rollingStatistic, RollingStatistic } from "../../src/core/risk/rolling";
import { beta, correlation, trackingError, volatility } from "../../src/core/risk/stats";
import { expectClose, expectFinanceError } from "./helpers";

const mean = (x: number[]) => x.reduce((s, v) => s + v, 0) / x.length;
const cov = (x: number[], y: number[]) => {
  const mx = mean(x);
  const my = mean(y);
  let s = 0;
  for (let i = 0; i < x.length; i++) s += (x[i] - mx) * (y[i] - my);
  return s / (x.length - 1);
};
function naive(stat: RollingStatistic, x: number[], y: number[]): number {
  if (stat === "vol") return Math.sqrt(cov(x, x) * 252);
  if (stat === "beta") return cov(x, y) / cov(y, y);
  if (stat === "corr") return cov(x, y) / Math.sqrt(cov(x, x) * cov(y, y));
  const d = x.map((v, i) => v - y[i]);
  return Math.sqrt(cov(d, d) * 252);
}

const a = [0.01, -0.02, 0.015, 0.003, -0.007, 0.021, -0.012];
const b = [0.004, -0.011, 0.009, 0.006, -0.002, 0.013, -0.01];
const dates = Int32Array.from([10, 11, 12, 15, 16, 17, 18]);
const r = { dates, a: Float64Array.from(a), b: Float64Array.from(b) };

test.each(["vol", "beta", "corr", "te"] as const)("%s: each window against plain loops", (stat) => {
  const w = 4;
  const out = rollingStatistic(stat, r, w);
  expect(Array.from(out.dates)).toEqual([15, 16, 17, 18]);
  expect(out.values.length).toBe(a.length - w + 1);
  for (let k = 0; k < out.values.length; k++)
    expectClose(out.values[k], naive(stat, a.slice(k, k + w), b.slice(k, k + w)), 1e-12);
});

test("hand-worked: vol of [0.01, -0.02, 0.015] is sd 0.018930 × √252", () => {
  const out = rollingStatistic("vol", { dates, a: r.a }, 3);
  // mean 0.001 667; squared deviations 0.0000694 + 0.0004694 + 0.0001778 = 0.0007167; /2 → sd 0.0189297
  expectClose(out.values[0], Math.sqrt(0.000716666666666667 / 2) * Math.sqrt(252), 1e-9);
});

test("bad windows are value errors, a window longer than the data a number error", () => {
  expectFinanceError(() => rollingStatistic("vol", r, 1), "value", /vol window 1/);
  expectFinanceError(() => rollingStatistic("beta", r, 2), "value", /≥ 3/);
  expectFinanceError(() => rollingStatistic("te", r, 3.5), "value", /whole number/);
  expectFinanceError(() => rollingStatistic("corr", r, 8), "num", /longer than/);
});

test("window = n: the single row is the whole-window statistic", () => {
  const ret = fc.double({ min: -0.2, max: 0.2, noNaN: true });
  fc.assert(
    fc.property(
      fc.array(fc.tuple(ret, ret), { minLength: 3, maxLength: 40 }),
      fc.constantFrom<RollingStatistic>("vol", "beta", "corr", "te"),
      (pairs, stat) => {
        const x = Float64Array.from(pairs.map((p) => p[0]));
        const y = Float64Array.from(pairs.map((p) => p[1]));
        const whole = (): number =>
          stat === "vol"
            ? volatility(x, 252)
            : stat === "beta"
              ? beta(x, y)
              : stat === "corr"
                ? correlation(x, y)
                : trackingError(x, y, 252);
        let expected: number;
        try {
          expected = whole();
        } catch {
          return; // flat data: the statistic itself is undefined
        }
        const ds = Int32Array.from(pairs.map((_, i) => i));
        const out = rollingStatistic(stat, { dates: ds, a: x, b: y }, x.length);
        expect(out.values.length).toBe(1);
        expect(out.dates[0]).toBe(x.length - 1);
        expect(out.values[0]).toBe(expected);
      }
    )
  );
});
