import * as formulajs from "@formulajs/formulajs";
import fc from "fast-check";
import {
  beta,
  correlation,
  correlationMatrix,
  covariance,
  informationRatio,
  mean,
  sharpe,
  sortino,
  stdevSample,
  trackingError,
  volatility,
} from "../../src/core/risk/stats";
import { expectClose, expectFinanceError } from "./helpers";

const returns = (min = 2, max = 80) =>
  fc.array(fc.double({ min: -0.2, max: 0.2, noNaN: true }), { minLength: min, maxLength: max });
const pairs = fc
  .integer({ min: 3, max: 80 })
  .chain((n) => fc.tuple(returns(n, n), returns(n, n)))
  .filter(([, b]) => formulajs.STDEV.S(b) > 1e-6);

describe("risk statistics: hand-worked", () => {
  it("volatility, covariance, beta, correlation", () => {
    expectClose(stdevSample([1, 2, 3, 4]), Math.sqrt(5 / 3));
    expectClose(volatility([0.01, -0.01, 0.02, 0]), Math.sqrt(0.0005 / 3) * Math.sqrt(252));
    expectClose(volatility([0.01, -0.01, 0.02, 0], 12), Math.sqrt(0.0005 / 3) * Math.sqrt(12));
    expectClose(covariance([1, 2, 3], [2, 4, 7]), 2.5);
    expectClose(beta([0.02, -0.04, 0.06], [0.01, -0.02, 0.03]), 2);
    expectClose(correlation([1, 2, 3], [3, 2, 1]), -1);
  });

  it("correlation matrix", () => {
    const m = correlationMatrix([
      [1, 2, 3],
      [2, 4, 6],
      [3, 2, 1],
    ]);
    const expected = [
      [1, 1, -1],
      [1, 1, -1],
      [-1, -1, 1],
    ];
    m.forEach((row, i) => row.forEach((v, j) => expectClose(v, expected[i][j])));
  });

  it("tracking error, information ratio, Sharpe, Sortino", () => {
    const r = [0.03, 0.01, 0.05, 0.02];
    const b = [0.02, 0.02, 0.03, 0.02]; // active [0.01, −0.01, 0.02, 0]
    expectClose(trackingError(r, b), Math.sqrt(0.0005 / 3) * Math.sqrt(252));
    expectClose(informationRatio(r, b), (0.005 * 252) / (Math.sqrt(0.0005 / 3) * Math.sqrt(252)));
    // monthly, rf 12 %: excess [0.01, −0.01, 0.03, −0.03] has mean 0
    expectClose(sharpe([0.02, 0, 0.04, -0.02], 0.12, 12), 0);
    // excess [0.02, −0.01, 0.03, −0.02]: mean 0.005, downside √((0.0001 + 0.0004)/4)
    expectClose(sortino([0.02, -0.01, 0.03, -0.02], 0, 1), 0.005 / Math.sqrt(0.0005 / 4));
    expectClose(sharpe([0.01, 0.03], 0, 1), 0.02 / Math.sqrt(0.0002));
  });
});

describe("risk statistics against formulajs (independent implementation of Excel's functions)", () => {
  it("volatility = STDEV.S × √P, covariance = COVARIANCE.S, mean = AVERAGE", () => {
    fc.assert(
      fc.property(returns(), fc.constantFrom(1, 12, 52, 252), (r, p) => {
        expectClose(volatility(r, p), formulajs.STDEV.S(r) * Math.sqrt(p), 1e-12);
        expectClose(mean(r), formulajs.AVERAGE(r) as number, 1e-12);
      })
    );
  });

  it("beta = SLOPE(r, b), correlation = CORREL, covariance = COVARIANCE.S", () => {
    fc.assert(
      fc.property(pairs, ([r, b]) => {
        fc.pre(formulajs.STDEV.S(r) > 1e-6);
        expectClose(beta(r, b), formulajs.SLOPE(r, b) as number, 1e-9);
        expectClose(correlation(r, b), formulajs.CORREL(r, b) as number, 1e-9);
        expectClose(covariance(r, b), formulajs.COVARIANCE.S(r, b) as number, 1e-12);
      })
    );
  });

  it("tracking error, information ratio, Sharpe and Sortino from their definitions", () => {
    fc.assert(
      fc.property(pairs, fc.integer({ min: 0, max: 1000 }), ([r, b], rfBp) => {
        const rf = rfBp / 10000;
        const active = r.map((x, i) => x - b[i]);
        fc.pre(formulajs.STDEV.S(active) > 1e-9);
        const te = formulajs.STDEV.S(active) * Math.sqrt(252);
        expectClose(trackingError(r, b), te, 1e-12);
        expectClose(
          informationRatio(r, b),
          ((formulajs.AVERAGE(active) as number) * 252) / te,
          1e-9
        );
        const e = r.map((x) => x - rf / 252);
        fc.pre(formulajs.STDEV.S(e) > 1e-9);
        expectClose(
          sharpe(r, rf),
          ((formulajs.AVERAGE(e) as number) / formulajs.STDEV.S(e)) * Math.sqrt(252),
          1e-9
        );
        const neg = e.filter((x) => x < 0);
        fc.pre(neg.some((x) => x < -1e-9));
        const dd = Math.sqrt((formulajs.SUMSQ(neg) as number) / e.length);
        expectClose(sortino(r, rf), ((formulajs.AVERAGE(e) as number) / dd) * Math.sqrt(252), 1e-9);
      })
    );
  });
});

describe("risk statistics: properties", () => {
  it("beta and correlation of a series against itself are 1; beta(a·x + c, x) = a", () => {
    fc.assert(
      fc.property(
        returns(3),
        fc.double({ min: -3, max: 3, noNaN: true }),
        fc.double({ min: -0.01, max: 0.01, noNaN: true }),
        (x, a, c) => {
          fc.pre(formulajs.STDEV.S(x) > 1e-6);
          expectClose(beta(x, x), 1, 1e-12);
          expectClose(correlation(x, x), 1, 1e-12);
          expectClose(
            beta(
              x.map((v) => a * v + c),
              x
            ),
            a,
            1e-9
          );
        }
      )
    );
  });

  it("correlation matrix is symmetric, matches pairwise correlation, and permutes with its inputs", () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 3, max: 30 })
          .chain((n) => fc.array(returns(n, n), { minLength: 1, maxLength: 6 })),
        (vs) => {
          fc.pre(vs.every((v) => formulajs.STDEV.S(v) > 1e-6));
          const m = correlationMatrix(vs);
          const rev = correlationMatrix([...vs].reverse());
          const k = vs.length;
          for (let i = 0; i < k; i++)
            for (let j = 0; j < k; j++) {
              expect(m[i][j]).toBe(m[j][i]);
              if (i !== j) expectClose(m[i][j], correlation(vs[i], vs[j]), 1e-12);
              expectClose(rev[k - 1 - i][k - 1 - j], m[i][j], 1e-12);
            }
        }
      )
    );
  });
});

describe("risk statistics: bad input", () => {
  it.each([
    [() => volatility([]), "na", /no data/],
    [() => volatility([0.01]), "num", /needs at least 2 points, got 1/],
    [() => volatility([0.01, NaN]), "value", /not a number/],
    [() => volatility([0.01, 0.02], 0), "value", /periods per year 0/],
    [
      () => beta([0.01, 0.02, 0.03], [0.01, 0.02]),
      "value",
      /3 returns against 2 benchmark returns/,
    ],
    [() => beta([0.01, 0.02], [0.01, 0.01]), "num", /benchmark returns do not vary/],
    [() => correlation([0.01, 0.01], [0.01, 0.02]), "num", /does not vary/],
    [() => trackingError([0.01], [0.01, 0.02]), "value", /1 returns against 2/],
    [() => informationRatio([0.02, 0.03], [0.01, 0.02]), "num", /zero tracking error/],
    [() => sharpe([0.01, 0.01]), "num", /do not vary/],
    [() => sharpe([0.01, 0.02], NaN), "value", /risk-free rate/],
    [() => sortino([0.01, 0.02]), "num", /no returns below the risk-free rate/],
    [() => correlationMatrix([]), "value", /no series/],
    [
      () =>
        correlationMatrix([
          [1, 2, 3],
          [1, 2],
        ]),
      "value",
      /series 2 has 2 points, not 3/,
    ],
  ] as const)("case %#", (fn, kind, msg) => {
    expectFinanceError(fn, kind, msg);
  });
});
