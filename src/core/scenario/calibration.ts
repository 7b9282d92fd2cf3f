import { CALIBRATION_REPORT } from "./calibrated";
import { EVENT_ROWS } from "./event-returns";
import { SegmentId, SEGMENTS } from "./exposures";
import {
  CalibrationEvent,
  CalibrationObservation,
  CalibrationOptions,
  SegmentExposures,
} from "./fit";
import { PRESETS, presetPriorLevels } from "./presets";

/**
 * The joint fit's settings. exposureRidge 0.3: moving one exposure by 0.03 from its prior costs as
 * much as 1.6 pp of RMS error on one event; levelRidge 0.001 lets free levels follow the data.
 */
export const CALIBRATION_OPTIONS: CalibrationOptions = {
  exposureRidge: 0.3,
  levelRidge: 0.001,
  passes: 40,
};

/** The historical presets as fit events: stated levels as prior, their free factors. */
export function calibrationEvents(): CalibrationEvent[] {
  return PRESETS.filter((p) => p.kind === "historical").map((p) => ({
    id: p.id,
    prior: presetPriorLevels(p),
    free: p.free ?? [],
  }));
}

/** Every real event return in the table, as fit observations (table order). */
export function calibrationObservations(): CalibrationObservation[] {
  return EVENT_ROWS.map(([event, symbol, , , observed]) => ({ event, symbol, observed }));
}

const bySegment = (pick: (id: SegmentId) => SegmentExposures[SegmentId]) =>
  Object.fromEntries(Object.keys(SEGMENTS).map((id) => [id, pick(id as SegmentId)])) as Record<
    SegmentId,
    SegmentExposures[SegmentId]
  >;

/** The judgement exposures (the fit's prior). */
export function priorSegmentExposures(): SegmentExposures {
  return bySegment((id) => SEGMENTS[id].prior);
}

/** The exposures the model ships (fitted). */
export function calibratedSegmentExposures(): SegmentExposures {
  return bySegment((id) => SEGMENTS[id].exposures);
}

/** The reported leave-one-event-out prediction for an instrument in an event, or undefined. */
export function outOfSamplePrediction(event: string, symbol: string): number | undefined {
  const i = EVENT_ROWS.findIndex((r) => r[0] === event && r[1] === symbol);
  return i < 0 ? undefined : CALIBRATION_REPORT.outOfSample[i];
}
