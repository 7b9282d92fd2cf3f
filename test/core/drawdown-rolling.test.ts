import * as formulajs from "@formulajs/formulajs";
import fc from "fast-check";
import { maxDrawdown } from "../../src/core/risk/drawdown";
import {
  datedRolling,
  datedRolling2,
  rolling,
  rolling2,
  rollingBeta,
  rollingCorrelation,
  rollingInformationRatio,
  rollingMaxDrawdown,
  rollingSharpe,
  rollingSortino,
  rollingTrackingError,
  rollingVolatility,
} from "../../src/core/risk/rolling";
import { beta, informationRatio, sharpe, sortino, trackingError } from "../../src/core/risk/stats";
import { expectClose, expectFinanceError, pricePath } from "./helpers";

/** Brute-force O(n²) oracle: the worst L_j / L_i − 1 over i ≤ j. */
function bruteDrawdown(levels: number[]): number {
  let worst = 0;
  for (let i = 0; i < levels.length; i++)
    for (let j = i; j < levels.length; j++) worst = Math.min(worst, levels[j] / levels[i] - 1);
  return worst;
}

describe("max drawdown", () => {
  it("hand-worked: [100, 120, 90, 130, 104]", () => {
    const dd = maxDrawdown([100, 120, 90, 130, 104], [10, 11, 12, 13, 14]);
    expect(dd.maxDrawdown).toBe(-0.25);
    expect(dd.peakIndex).toBe(1);
    expect(dd.troughIndex).toBe(2);
    expect(dd.recoveryIndex).toBe(3);
    expect([dd.peakDay, dd.troughDay, dd.recoveryDay]).toEqual([11, 12, 13]);
  });

  it("no fall → 0; unrecovered fall → recovery −1", () => {
    expect(maxDrawdown([1, 2, 3]).maxDrawdown).toBe(0);
    const dd = maxDrawdown([100, 80, 90], [1, 2, 3]);
    expectClose(dd.maxDrawdown, -0.2);
    expect(dd.recoveryIndex).toBe(-1);
    expect(dd.recoveryDay).toBe(-1);
  });

  it("property: equals the brute-force worst peak-to-later-trough; peak/trough indices reproduce it", () => {
    fc.assert(
      fc.property(pricePath(2, 80), (levels) => {
        const dd = maxDrawdown(levels);
        expectClose(dd.maxDrawdown, bruteDrawdown(levels), 1e-12);
        expect(dd.peakIndex).toBeLessThanOrEqual(dd.troughIndex);
        expectClose(levels[dd.troughIndex] / levels[dd.peakIndex] - 1, dd.maxDrawdown, 1e-12);
        expect(levels[dd.peakIndex]).toBe(Math.max(...levels.slice(0, dd.troughIndex + 1)));
      })
    );
  });

  it("errors: empty, single point, non-positive level, mismatched dates", () => {
    expectFinanceError(() => maxDrawdown([]), "na", /no data/);
    expectFinanceError(() => maxDrawdown([100]), "num", /at least 2 points/);
    expectFinanceError(() => maxDrawdown([100, 0]), "value", /level 0 at 2/);
    expectFinanceError(() => maxDrawdown([100, NaN]), "value", /level NaN/);
    expectFinanceError(() => maxDrawdown([1, 2], [1]), "value", /differ in length/);
  });
});

describe("rolling statistics", () => {
  const r = [0.01, -0.02, 0.015, 0.003, -0.007, 0.02, -0.01, 0.004];
  const b = [0.005, -0.01, 0.01, 0.002, -0.004, 0.012, -0.003, 0.001];

  it("hand-worked: rolling sum", () => {
    expect(Array.from(rolling([1, 2, 3, 4], 2, (w) => w[0] + w[1]))).toEqual([3, 5, 7]);
  });

  it("each window equals the statistic of the explicit slice (formulajs where Excel has it)", () => {
    const w = 4;
    const vols = rollingVolatility(r, w, 252);
    const betas = rollingBeta(r, b, w);
    const corrs = rollingCorrelation(r, b, w);
    const tes = rollingTrackingError(r, b, w);
    const irs = rollingInformationRatio(r, b, w);
    const shs = rollingSharpe(r, w, 0.02);
    const sos = rollingSortino(r, w, 0.02);
    expect(vols.length).toBe(r.length - w + 1);
    for (let k = 0; k < vols.length; k++) {
      const x = r.slice(k, k + w);
      const y = b.slice(k, k + w);
      expectClose(vols[k], formulajs.STDEV.S(x) * Math.sqrt(252));
      expectClose(betas[k], formulajs.SLOPE(x, y) as number, 1e-10);
      expectClose(corrs[k], formulajs.CORREL(x, y) as number, 1e-10);
      expectClose(tes[k], trackingError(x, y));
      expectClose(irs[k], informationRatio(x, y));
      expectClose(shs[k], sharpe(x, 0.02));
      expectClose(sos[k], sortino(x, 0.02));
      expect(betas[k]).toBe(beta(x, y));
    }
  });

  it("rolling max drawdown over level windows", () => {
    const levels = [100, 120, 90, 130, 104, 110];
    const out = rollingMaxDrawdown(levels, 3);
    expect(Array.from(out)).toEqual([
      -0.25,
      -0.25,
      bruteDrawdown([130, 104, 110]),
      bruteDrawdown([130, 104, 110]),
    ]);
  });

  it("dated rolling values carry the date of the last return in each window", () => {
    const dates = Int32Array.from([10, 11, 12, 13, 14, 15, 16, 17]);
    const v = datedRolling({ dates, values: Float64Array.from(r) }, 3, (w) => w[0] + w[1] + w[2]);
    expect(Array.from(v.dates)).toEqual([12, 13, 14, 15, 16, 17]);
    expectClose(v.values[0], r[0] + r[1] + r[2]);
    const p = datedRolling2({ dates, a: Float64Array.from(r), b: Float64Array.from(b) }, 5, beta);
    expect(Array.from(p.dates)).toEqual([14, 15, 16, 17]);
    expectClose(p.values[3], formulajs.SLOPE(r.slice(3), b.slice(3)) as number, 1e-10);
  });

  it("errors: bad windows and mismatched lengths", () => {
    expectFinanceError(() => rollingVolatility(r, 0), "value", /window 0 is not a whole number/);
    expectFinanceError(() => rollingVolatility(r, 2.5), "value", /window 2.5/);
    expectFinanceError(() => rollingVolatility(r, 9), "num", /longer than the 8 points/);
    expectFinanceError(() => rolling2(r, b.slice(1), 3, beta), "value", /8 against 7 points/);
  });
});
