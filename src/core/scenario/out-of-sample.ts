import {
  CalibrationEvent,
  CalibrationObservation,
  CalibrationOptions,
  fitCalibration,
  predictReturn,
  SegmentExposures,
} from "./fit";

/**
 * Leave-one-event-out predictions, aligned with `obs`: for each event, fit on every other event,
 * then predict the held-out event's returns from its prior (stated) levels.
 */
export function leaveOneEventOut(
  obs: readonly CalibrationObservation[],
  events: readonly CalibrationEvent[],
  prior: SegmentExposures,
  options: CalibrationOptions
): number[] {
  const out = new Array<number>(obs.length);
  for (const held of events) {
    const train = obs.filter((o) => o.event !== held.id);
    const fit = train.length ? fitCalibration(train, events, prior, options) : { exposures: prior };
    obs.forEach((o, i) => {
      if (o.event === held.id) out[i] = predictReturn(fit.exposures, o.symbol, held.prior);
    });
  }
  return out;
}

/** Errors of one event's predictions, in decimal return points. */
export interface EventError {
  readonly event: string;
  readonly count: number;
  /** Root mean square of (predicted − observed). */
  readonly rmse: number;
  /** Mean of |predicted − observed|. */
  readonly meanAbs: number;
  /** Largest |predicted − observed|. */
  readonly maxAbs: number;
}

/** Per-event error summary of predictions against observations, in event order of first sight. */
export function eventErrors(
  obs: readonly CalibrationObservation[],
  predicted: readonly number[]
): EventError[] {
  const events = [...new Set(obs.map((o) => o.event))];
  return events.map((event) => {
    const errs = obs.flatMap((o, i) => (o.event === event ? [predicted[i] - o.observed] : []));
    return {
      event,
      count: errs.length,
      rmse: Math.sqrt(errs.reduce((s, e) => s + e * e, 0) / errs.length),
      meanAbs: errs.reduce((s, e) => s + Math.abs(e), 0) / errs.length,
      maxAbs: Math.max(...errs.map(Math.abs)),
    };
  });
}

/** Mean |predicted − observed| over all observations. */
export function meanAbsoluteError(
  obs: readonly CalibrationObservation[],
  predicted: readonly number[]
): number {
  return obs.reduce((s, o, i) => s + Math.abs(predicted[i] - o.observed), 0) / obs.length;
}
