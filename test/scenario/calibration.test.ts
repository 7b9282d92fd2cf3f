/**
 * The joint fit (fit.ts) and its out-of-sample check (out-of-sample.ts), on the real-data event
 * table. Expected values are worked independently: a one-exposure ridge in closed form, error
 * summaries by hand, and the defining property of a leave-one-out prediction (it cannot see the
 * held-out event's returns).
 */
import {
  CALIBRATED_EXPOSURES,
  CALIBRATED_LEVELS,
  CALIBRATION_OPTIONS,
  CALIBRATION_REPORT,
  calibrationEvents,
  calibrationObservations,
  eventErrors,
  EVENT_ROWS,
  FACTOR_IDS,
  fitCalibration,
  leaveOneEventOut,
  neutralScenario,
  priorSegmentExposures,
} from "../../src/core/scenario";

const liberationQqq = EVENT_ROWS.find((r) => r[0] === "LIBERATION_DAY_2025" && r[1] === "QQQ")!;

test("one instrument, one factor: the exposure is the ridge closed form (c·x·r + λ·β₀) / (c·x² + λ)", () => {
  const prior = priorSegmentExposures();
  const levels = { ...neutralScenario(), TARIFFS: 3 };
  const obs = [{ event: "E", symbol: "QQQ", observed: liberationQqq[4] }];
  const lambda = 0.3;
  const fit = fitCalibration(obs, [{ id: "E", prior: levels, free: [] }], prior, {
    exposureRidge: lambda,
    levelRidge: 0.001,
    passes: 3,
  });
  const b0 = prior.NASDAQ.TARIFFS;
  expect(fit.exposures.NASDAQ.TARIFFS).toBeCloseTo(
    (3 * liberationQqq[4] + lambda * b0) / (9 + lambda),
    12
  );
  // Nothing else is observed: every other exposure stays at its prior.
  for (const k of FACTOR_IDS) expect(fit.exposures.INTERNET[k]).toBeCloseTo(prior.INTERNET[k], 12);
  expect(fit.exposures.NASDAQ.POLICY_SUPPORT).toBe(prior.NASDAQ.POLICY_SUPPORT);
});

test("the shipped exposures and levels are the fit of the event table (regenerated here)", () => {
  const fit = fitCalibration(
    calibrationObservations(),
    calibrationEvents(),
    priorSegmentExposures(),
    CALIBRATION_OPTIONS
  );
  for (const [seg, values] of Object.entries(CALIBRATED_EXPOSURES))
    FACTOR_IDS.forEach((k, i) =>
      expect(
        Math.abs(fit.exposures[seg as keyof typeof fit.exposures][k] - values[i])
      ).toBeLessThanOrEqual(5e-5)
    );
  for (const [event, levels] of Object.entries(fit.levels))
    for (const k of FACTOR_IDS)
      expect(Math.abs(levels[k] - (CALIBRATED_LEVELS[event][k] ?? 0))).toBeLessThanOrEqual(5e-4);
});

test("a left-out event's predictions do not depend on its own returns", () => {
  const obs = calibrationObservations();
  const events = calibrationEvents();
  const prior = priorSegmentExposures();
  const base = leaveOneEventOut(obs, events, prior, CALIBRATION_OPTIONS);
  // Move every Sept-2024 return by +50 pp: its own out-of-sample predictions must not change.
  const shifted = obs.map((o) =>
    o.event === "STIMULUS_SEPT_2024" ? { ...o, observed: o.observed + 0.5 } : o
  );
  const moved = leaveOneEventOut(shifted, events, prior, CALIBRATION_OPTIONS);
  obs.forEach((o, i) => {
    if (o.event === "STIMULUS_SEPT_2024") expect(moved[i]).toBeCloseTo(base[i], 12);
  });
  // ...while the other events' predictions do (Sept is in their training data).
  const other = obs.findIndex((o) => o.event === "STIMULUS_DEC_2024");
  expect(Math.abs(moved[other] - base[other])).toBeGreaterThan(1e-4);
  // And the reported leave-one-out predictions are these.
  base.forEach((p, i) => expect(CALIBRATION_REPORT.outOfSample[i]).toBeCloseTo(p, 5));
});

test("event errors by hand: errors −0.01 and +0.03 give RMS √0.0005, mean 0.02, max 0.03", () => {
  const obs = [
    { event: "A", symbol: "QQQ", observed: 0.05 },
    { event: "A", symbol: "KWEB", observed: 0.1 },
  ];
  const [e] = eventErrors(obs, [0.04, 0.13]);
  expect(e.count).toBe(2);
  expect(e.rmse).toBeCloseTo(Math.sqrt(0.0005), 12);
  expect(e.meanAbs).toBeCloseTo(0.02, 12);
  expect(e.maxAbs).toBeCloseTo(0.03, 12);
});

test("out of sample is harder than in sample on the real events, as reported", () => {
  const { meanAbs } = CALIBRATION_REPORT;
  expect(meanAbs.inSample).toBeLessThan(meanAbs.outOfSample);
});
