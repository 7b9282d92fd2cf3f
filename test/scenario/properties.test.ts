import fc from "fast-check";
import {
  ExposureVector,
  FACTOR_IDS,
  FactorId,
  evaluateScenario,
  scenarioReturn,
  parseScenarioRange,
} from "../../src/core/scenario";

const level = fc.double({ min: -3, max: 3, noNaN: true });
const beta = fc.double({ min: -0.1, max: 0.1, noNaN: true });
const vector = <T>(arb: fc.Arbitrary<T>) =>
  fc.tuple(...FACTOR_IDS.map(() => arb)).map((xs) => {
    const out = {} as Record<FactorId, T>;
    FACTOR_IDS.forEach((id, i) => (out[id] = xs[i]));
    return out;
  });

describe("linear model properties", () => {
  test("scenario return is linear in the levels: r(a·s + b·t) = a·r(s) + b·r(t)", () => {
    fc.assert(
      fc.property(
        vector(beta),
        vector(level),
        vector(level),
        fc.double({ min: -1, max: 1, noNaN: true }),
        (e, s, t, a) => {
          const mix = {} as Record<FactorId, number>;
          for (const id of FACTOR_IDS) mix[id] = a * s[id] + (1 - a) * t[id];
          const lhs = scenarioReturn(e as ExposureVector, mix);
          const rhs =
            a * scenarioReturn(e as ExposureVector, s) +
            (1 - a) * scenarioReturn(e as ExposureVector, t);
          expect(lhs).toBeCloseTo(rhs, 10);
        }
      )
    );
  });

  test("adding the same exposure to every constituent and the benchmark leaves the spread unchanged", () => {
    fc.assert(
      fc.property(vector(beta), vector(beta), vector(beta), vector(level), (a, b, common, s) => {
        const add = (x: Record<FactorId, number>) => {
          const out = {} as Record<FactorId, number>;
          for (const id of FACTOR_IDS) out[id] = x[id] + common[id];
          return out as ExposureVector;
        };
        const before = evaluateScenario(
          [a, b] as ExposureVector[],
          [0.4, 0.6],
          common as ExposureVector,
          s
        );
        const after = evaluateScenario([add(a), add(b)], [0.4, 0.6], add(common), s);
        expect(after.spread).toBeCloseTo(before.spread, 10);
      })
    );
  });

  test("any in-scale level survives a round trip through a scenario range; out-of-scale ones are rejected", () => {
    fc.assert(
      fc.property(vector(level), fc.double({ min: 3.0001, max: 1e6, noNaN: true }), (s, big) => {
        const back = parseScenarioRange(FACTOR_IDS.map((id) => [id, s[id]]));
        for (const id of FACTOR_IDS) expect(back[id]).toBe(s[id]);
        expect(() => parseScenarioRange([["TAIWAN", big]])).toThrow(/outside/);
        expect(() => parseScenarioRange([["TAIWAN", -big]])).toThrow(/outside/);
      })
    );
  });
});
