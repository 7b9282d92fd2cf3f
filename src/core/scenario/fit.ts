import { invalidValue } from "../errors";
import { ExposureVector, SegmentBlend, SegmentId, segmentWeights } from "./exposures";
import { FACTOR_IDS, FACTOR_MAX, FACTOR_MIN, FactorId, ScenarioLevels } from "./factors";
import { solveLinear } from "./linear-solve";

export type SegmentExposures = Readonly<Record<SegmentId, ExposureVector>>;

/** A historical event in the joint fit. */
export interface CalibrationEvent {
  readonly id: string;
  /** Levels stated before looking at the event's returns: the fit's prior and out-of-sample input. */
  readonly prior: ScenarioLevels;
  /** Factors whose level is fitted; the others stay at the prior (they anchor the scale). */
  readonly free: readonly FactorId[];
}

export interface CalibrationObservation {
  readonly event: string;
  readonly symbol: string;
  /** Real return over the event window (decimal). */
  readonly observed: number;
}

export interface CalibrationOptions {
  /** Ridge weight pulling each exposure toward its prior (per exposure, against unit event weight). */
  readonly exposureRidge: number;
  /** Ridge weight pulling each free level toward its prior. */
  readonly levelRidge: number;
  /** Alternating passes (exposures given levels, then levels given exposures). */
  readonly passes: number;
}

export interface CalibrationFit {
  readonly exposures: SegmentExposures;
  readonly levels: Readonly<Record<string, ScenarioLevels>>;
}

/** Σ_segments weight × segment exposure, for a symbol's blend. */
export function blendOf(exposures: SegmentExposures, blend: SegmentBlend): ExposureVector {
  const out = {} as Record<FactorId, number>;
  for (const k of FACTOR_IDS) {
    out[k] = 0;
    for (const [seg, w] of Object.entries(blend) as [SegmentId, number][])
      out[k] += w * exposures[seg][k];
  }
  return out;
}

/** The model's return for a symbol under some segment exposures and levels. */
export function predictReturn(
  exposures: SegmentExposures,
  symbol: string,
  levels: ScenarioLevels
): number {
  const e = blendOf(exposures, weightsOf(symbol));
  return FACTOR_IDS.reduce((s, k) => s + e[k] * levels[k], 0);
}

function weightsOf(symbol: string): SegmentBlend {
  const w = segmentWeights(symbol);
  if (!w) throw invalidValue(`${symbol} has no segment mapping`);
  return w;
}

/** Each event weighs 1 in total, whatever its number of instruments. */
function eventWeights(obs: readonly CalibrationObservation[]): number[] {
  const count = new Map<string, number>();
  for (const o of obs) count.set(o.event, (count.get(o.event) ?? 0) + 1);
  return obs.map((o) => 1 / count.get(o.event)!);
}

/**
 * Exposures given levels: minimise Σ_o c_o (r_o − Σ_{seg,k} w_{o,seg} s_{e,k} β_{seg,k})²
 * + λ Σ (β − β_prior)², a ridge regression on every (segment, factor) pair.
 */
function fitExposures(
  obs: readonly CalibrationObservation[],
  levels: Readonly<Record<string, ScenarioLevels>>,
  prior: SegmentExposures,
  ridge: number
): SegmentExposures {
  const segments = Object.keys(prior) as SegmentId[];
  const pairs = segments.flatMap((seg) => FACTOR_IDS.map((k) => [seg, k] as const));
  const index = new Map(pairs.map(([seg, k], i) => [`${seg}|${k}`, i]));
  const n = pairs.length;
  const a = pairs.map((_, i) => pairs.map((__, j) => (i === j ? ridge : 0)));
  const b = pairs.map(([seg, k]) => ridge * prior[seg][k]);
  const c = eventWeights(obs);
  obs.forEach((o, oi) => {
    const x = new Array<number>(n).fill(0);
    for (const [seg, w] of Object.entries(weightsOf(o.symbol)) as [SegmentId, number][])
      for (const k of FACTOR_IDS) x[index.get(`${seg}|${k}`)!] += w * levels[o.event][k];
    for (let i = 0; i < n; i++) {
      if (x[i] === 0) continue;
      b[i] += c[oi] * x[i] * o.observed;
      for (let j = 0; j < n; j++) a[i][j] += c[oi] * x[i] * x[j];
    }
  });
  const theta = solveLinear(a, b, "the events do not identify the exposures");
  const out = {} as Record<SegmentId, Record<FactorId, number>>;
  pairs.forEach(([seg, k], i) => ((out[seg] ??= {} as Record<FactorId, number>)[k] = theta[i]));
  return out;
}

/** Free levels of one event given exposures: ridge least squares toward the prior, clamped to ±3. */
function fitLevels(
  obs: readonly CalibrationObservation[],
  event: CalibrationEvent,
  exposures: SegmentExposures,
  ridge: number
): ScenarioLevels {
  const levels = { ...event.prior };
  if (event.free.length === 0 || obs.length === 0) return levels;
  const rows = obs.map((o) => blendOf(exposures, weightsOf(o.symbol)));
  const fixed = FACTOR_IDS.filter((k) => !event.free.includes(k));
  const target = obs.map(
    (o, i) => o.observed - fixed.reduce((s, k) => s + rows[i][k] * levels[k], 0)
  );
  const c = 1 / obs.length;
  const a = event.free.map((j) =>
    event.free.map((k) => (j === k ? ridge : 0) + c * rows.reduce((s, r) => s + r[j] * r[k], 0))
  );
  const b = event.free.map(
    (j) => ridge * event.prior[j] + c * rows.reduce((s, r, i) => s + r[j] * target[i], 0)
  );
  const solution = solveLinear(a, b, `${event.id}: levels not identified`);
  event.free.forEach(
    (k, i) => (levels[k] = Math.min(FACTOR_MAX, Math.max(FACTOR_MIN, solution[i])))
  );
  return levels;
}

/**
 * Joint least-squares fit of the segment exposures and each event's free levels over all the
 * events' real returns, by alternating ridge regressions (exposures given levels, levels given
 * exposures) starting from the priors. Deterministic: same inputs, same result.
 */
export function fitCalibration(
  obs: readonly CalibrationObservation[],
  events: readonly CalibrationEvent[],
  prior: SegmentExposures,
  options: CalibrationOptions
): CalibrationFit {
  if (obs.length === 0) throw invalidValue("no event returns to fit");
  const byId = new Map(events.map((e) => [e.id, e]));
  for (const o of obs) if (!byId.has(o.event)) throw invalidValue(`unknown event ${o.event}`);
  const used = events.filter((e) => obs.some((o) => o.event === e.id));
  let levels: Record<string, ScenarioLevels> = Object.fromEntries(used.map((e) => [e.id, e.prior]));
  let exposures = prior;
  for (let pass = 0; pass < options.passes; pass++) {
    exposures = fitExposures(obs, levels, prior, options.exposureRidge);
    levels = Object.fromEntries(
      used.map((e) => [
        e.id,
        fitLevels(
          obs.filter((o) => o.event === e.id),
          e,
          exposures,
          options.levelRidge
        ),
      ])
    );
  }
  return { exposures: fitExposures(obs, levels, prior, options.exposureRidge), levels };
}
