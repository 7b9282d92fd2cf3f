import {
  FACTOR_IDS,
  neutralScenario,
  percentileSorted,
  runScenarioMonteCarlo,
  simulateScenario,
  summarise,
  tailRisk,
  ExposureVector,
} from "../../src/core/scenario";

const zero = (): Record<string, number> => Object.fromEntries(FACTOR_IDS.map((id) => [id, 0]));
const tariffOnly = { ...zero(), TARIFFS: -0.05 } as ExposureVector;
const flat = zero() as unknown as ExposureVector;

// One symbol, exposure −0.05 to TARIFFS, scenario TARIFFS = +2 with level uncertainty 0.5,
// idiosyncratic vol 30 % a year over 21 trading days; benchmark flat with no noise.
// Analytic: R ~ Normal(mean −0.05×2 = −0.10, var (0.05×0.5)² + 0.3²×21/252 = 0.000625 + 0.0075).
const MEAN = -0.1;
const SD = Math.sqrt(0.000625 + 0.0075);
const Z95 = 1.6448536269514722; // standard normal 95th percentile
const PHI_Z95 = 0.10313564037537128; // standard normal density at Z95

function normalCase(seed: number, paths = 20000) {
  return simulateScenario({
    exposures: [tariffOnly],
    weights: [1],
    idioVols: [0.3],
    benchmark: flat,
    benchmarkIdioVol: 0,
    levels: { ...neutralScenario(), TARIFFS: 2 },
    horizonDays: 21,
    factorUncertainty: { TARIFFS: 0.5 },
    paths,
    seed,
  });
}

describe("Monte Carlo: seeded determinism", () => {
  test("the same seed gives identical draws; another seed different ones", () => {
    const a = normalCase(7, 2000);
    const b = normalCase(7, 2000);
    const c = normalCase(8, 2000);
    expect(Array.from(a.basket)).toEqual(Array.from(b.basket));
    expect(Array.from(a.basket)).not.toEqual(Array.from(c.basket));
  });
});

describe("Monte Carlo: normal case against analytic values", () => {
  const sim = normalCase(2024);
  const s = summarise(sim.basket);

  test("mean within 4 standard errors of −10 %", () => {
    expect(Math.abs(s.mean - MEAN)).toBeLessThan((4 * SD) / Math.sqrt(20000));
  });

  test("standard deviation within 2 % of the analytic √(0.008125)", () => {
    expect(Math.abs(s.stdev / SD - 1)).toBeLessThan(0.02);
  });

  test("5th, 50th and 95th percentiles within 0.5 pp of μ + zσ", () => {
    expect(s.percentiles.get(0.05)!).toBeCloseTo(MEAN - Z95 * SD, 2);
    expect(s.percentiles.get(0.5)!).toBeCloseTo(MEAN, 2);
    expect(s.percentiles.get(0.95)!).toBeCloseTo(MEAN + Z95 * SD, 2);
  });

  test("VaR and expected shortfall at 95 % match the normal formulas within 0.6 pp", () => {
    const t = tailRisk(sim.basket, 0.95);
    // VaR = −(μ − z σ); ES = −(μ − σ φ(z) / 0.05)
    expect(Math.abs(t.valueAtRisk - (Z95 * SD - MEAN))).toBeLessThan(0.006);
    expect(Math.abs(t.expectedShortfall - ((SD * PHI_Z95) / 0.05 - MEAN))).toBeLessThan(0.006);
  });

  test("with a flat, noiseless benchmark the spread equals the basket", () => {
    expect(Array.from(sim.spread)).toEqual(Array.from(sim.basket));
  });
});

describe("Monte Carlo: shared factor draws correlate basket and benchmark", () => {
  test("spread variance is below the sum of the two variances when both load on the same factor", () => {
    const report = runScenarioMonteCarlo({
      symbols: ["0700.HK", "9988.HK"],
      benchmark: "^NDX",
      levels: { ...neutralScenario(), TARIFFS: 2 },
      horizonDays: 21,
      confidence: 0.95,
      paths: 5000,
      seed: 1,
    });
    const vb = report.basket.stdev ** 2;
    const vn = report.benchmark.stdev ** 2;
    expect(report.spread.stdev ** 2).toBeLessThan(vb + vn);
    // The MC mean is near the linear model's spread (−2.7 % here: noise and level uncertainty are mean zero).
    expect(Math.abs(report.spread.mean - report.linear.outcome.spread)).toBeLessThan(0.005);
  });
});

describe("percentile and tail helpers", () => {
  test("PERCENTILE.INC rule on a hand example", () => {
    expect(percentileSorted([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(percentileSorted([1, 2, 3, 4], 0.25)).toBeCloseTo(1.75, 12); // position 0.75
  });

  test("tail risk on 100 equally spaced returns", () => {
    const v = Array.from({ length: 100 }, (_, i) => (i - 50) / 100); // −0.50 … +0.49
    const t = tailRisk(v, 0.95);
    // Q(0.05) at position 99×0.05 = 4.95 → −0.4505; ES = −mean(−0.50…−0.46) = 0.48
    expect(t.valueAtRisk).toBeCloseTo(0.4505, 10);
    expect(t.expectedShortfall).toBeCloseTo(0.48, 10);
  });

  test("confidence outside (0.5, 1) is rejected", () => {
    expect(() => tailRisk([1, 2, 3], 95)).toThrow(/confidence/);
  });
});
