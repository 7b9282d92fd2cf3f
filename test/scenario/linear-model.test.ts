import { FinanceError } from "../../src/core/errors";
import {
  basketExposure,
  evaluateScenario,
  ExposureVector,
  FACTOR_IDS,
  neutralScenario,
  resolveExposures,
  resolveScenario,
  scenarioReturn,
} from "../../src/core/scenario";

/** A full exposure vector from a few named entries (the rest 0), written out in the test. */
function exposure(entries: Partial<ExposureVector>): ExposureVector {
  return { ...Object.fromEntries(FACTOR_IDS.map((id) => [id, 0])), ...entries } as ExposureVector;
}

describe("linear scenario model, hand-worked", () => {
  // Basket: A (weight 3), B (weight 1); benchmark N. Scenario: TARIFFS +2, AI_MOMENTUM +1, TAIWAN +0.5.
  const A = exposure({ TARIFFS: -0.05, TAIWAN: -0.02 });
  const B = exposure({ TARIFFS: -0.01, AI_MOMENTUM: 0.04 });
  const N = exposure({ TARIFFS: -0.03 });
  const levels = { ...neutralScenario(), TARIFFS: 2, AI_MOMENTUM: 1, TAIWAN: 0.5 };

  test("per-symbol return is Σ exposure × level", () => {
    // A: −0.05×2 + −0.02×0.5 = −0.10 − 0.01 = −0.11
    expect(scenarioReturn(A, levels)).toBeCloseTo(-0.11, 12);
    // B: −0.01×2 + 0.04×1 = −0.02 + 0.04 = +0.02
    expect(scenarioReturn(B, levels)).toBeCloseTo(0.02, 12);
  });

  test("basket, benchmark and spread", () => {
    const out = evaluateScenario([A, B], [0.75, 0.25], N, levels);
    // basket: 0.75×−0.11 + 0.25×0.02 = −0.0825 + 0.005 = −0.0775; N: −0.03×2 = −0.06
    expect(out.basket).toBeCloseTo(-0.0775, 12);
    expect(out.benchmark).toBeCloseTo(-0.06, 12);
    expect(out.spread).toBeCloseTo(-0.0175, 12);
  });

  test("the basket's exposure vector gives the same basket return (linearity)", () => {
    const be = basketExposure([A, B], [0.75, 0.25]);
    expect(be.TARIFFS).toBeCloseTo(-0.04, 12); // 0.75×−0.05 + 0.25×−0.01
    expect(scenarioReturn(be, levels)).toBeCloseTo(-0.0775, 12);
  });

  test("resolveScenario normalises weights 3:1 and uses an override table", () => {
    const table = new Map([
      ["AAA", A],
      ["BBB", B],
      ["NNN", N],
    ]);
    const r = resolveScenario({
      symbols: ["aaa", " BBB "],
      weights: [3, 1],
      benchmark: "NNN",
      levels,
      exposures: table,
    });
    expect(r.weights).toEqual([0.75, 0.25]);
    expect(r.outcome.constituents[0]).toBeCloseTo(-0.11, 12);
    expect(r.outcome.spread).toBeCloseTo(-0.0175, 12);
  });

  test("the status quo implies zero for every mapped symbol", () => {
    const [e] = resolveExposures(["0700.HK"]);
    expect(scenarioReturn(e, neutralScenario())).toBe(0);
  });
});

describe("missing exposures are errors, never zero", () => {
  test("a symbol missing from an override table is #N/A naming it", () => {
    const table = new Map([["AAA", exposure({ TARIFFS: -0.05 })]]);
    expect(() => resolveExposures(["AAA", "ZZZ"], table)).toThrow(
      /ZZZ is not in the exposures table/
    );
    try {
      resolveExposures(["ZZZ"], table);
    } catch (e) {
      expect((e as FinanceError).kind).toBe("na");
    }
  });

  test("an unmapped symbol without a table is #N/A", () => {
    expect.assertions(2);
    try {
      resolveExposures(["NOPE.HK"]);
    } catch (e) {
      expect((e as FinanceError).kind).toBe("na");
      expect((e as Error).message).toContain("NOPE.HK");
    }
  });

  test("weights summing to zero are #NUM!", () => {
    expect.assertions(1);
    try {
      resolveScenario({
        symbols: ["0700.HK", "9988.HK"],
        weights: [0, 0],
        benchmark: "^NDX",
        levels: neutralScenario(),
      });
    } catch (e) {
      expect((e as FinanceError).kind).toBe("num");
    }
  });
});
