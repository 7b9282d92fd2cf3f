/**
 * What the two recalc-storm benches (recalc-storm: the data layer; functions-storm: the built
 * functions bundle) share: the storm's settings and symbols, a seeded LCG for their call mixes, the
 * network floor and naive requests against the fake EODHD server, the alternated measurement rounds,
 * the warm-cache rate and the result rows they both report.
 */
import axios, { AxiosInstance } from "axios";
import Bottleneck from "bottleneck";
import { isoFromDay } from "../src/core/dates";
import { PRESET_BASKETS } from "../src/data/baskets";
import type { BenchResult } from "./run";

export const KEY = "bench-key";
export const CALLS = 10000;
export const CONCURRENCY = 8;
export const NOW = Date.parse("2026-01-10T12:00:00Z");
export const WIDEN_YEARS = 10;
/** Measured rounds of ours and of the floor, alternated; medians are reported. */
export const ROUNDS = 7;
const TODAY = Math.floor(NOW / 86400000);

export const median = (xs: number[]): number =>
  [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** The storm's 50 symbols: the constituents of four preset baskets, first 50 distinct. */
export function symbols50(): string[] {
  const all = new Set<string>();
  for (const b of ["HSTECH", "CN_AI_CHIPS", "US_AI", "CN_INTERNET"]) {
    for (const c of PRESET_BASKETS[b].constituents) all.add(c.symbol);
  }
  return [...all].slice(0, 50);
}

/** A seeded linear congruential stream of uniforms in [0, 1): the same call mix on every run. */
export function lcg(seed: number): () => number {
  let s = seed;
  return () => (s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 4294967296;
}

/** A plain HTTP client that counts its requests and leaves bodies as text (parsed by the caller). */
export function rawClient(): { http: AxiosInstance; requests: () => number } {
  let count = 0;
  const http = axios.create({ responseType: "text", transformResponse: [(d) => d] });
  http.interceptors.request.use((config) => {
    count++;
    return config;
  });
  return { http, requests: () => count };
}

/** One EODHD end-of-day request for `code` over [from, to], parsed as JSON. */
export async function fetchEod(
  http: AxiosInstance,
  baseUrl: string,
  code: string,
  from: number,
  to: number
): Promise<void> {
  const res = await http.get(`${baseUrl}/api/eod/${code}`, {
    params: { from: isoFromDay(from), to: isoFromDay(to), fmt: "json", api_token: KEY },
  });
  JSON.parse(res.data);
}

/**
 * Network floor: exactly the distinct widened requests (WIDEN_YEARS back from NOW) for `codes`,
 * sent straight through a plain limiter with the layer's concurrency. Returns milliseconds.
 */
export async function networkFloor(
  http: AxiosInstance,
  baseUrl: string,
  codes: readonly string[]
): Promise<number> {
  const limiter = new Bottleneck({ maxConcurrent: CONCURRENCY });
  const from = TODAY - Math.round(WIDEN_YEARS * 365.25);
  const t = performance.now();
  await Promise.all(
    codes.map((c) => limiter.schedule(() => fetchEod(http, baseUrl, c, from, TODAY)))
  );
  return performance.now() - t;
}

/**
 * Ours and the floor alternated over ROUNDS, so machine load hits both alike; medians reported.
 * `ours` returns its wall time and request count; the largest request count is kept.
 */
export async function alternateRounds(
  ours: () => Promise<{ ms: number; requests: number }>,
  floor: () => Promise<number>
): Promise<{ oursMs: number; floorMs: number; oursRequests: number; detail: string }> {
  const oursRuns: number[] = [];
  const floorRuns: number[] = [];
  let oursRequests = 0;
  for (let r = 0; r < ROUNDS; r++) {
    const o = await ours();
    oursRuns.push(o.ms);
    oursRequests = Math.max(oursRequests, o.requests);
    floorRuns.push(await floor());
  }
  const list = (xs: number[]) => xs.map((x) => x.toFixed(0)).join(", ");
  return {
    oursMs: median(oursRuns),
    floorMs: median(floorRuns),
    oursRequests,
    detail: `ours ${list(oursRuns)}; floor ${list(floorRuns)}`,
  };
}

/** Evaluations per second of `calls` sequential awaited evaluations (the warm-cache rate). */
export async function warmRate(calls: number, evaluate: (i: number) => Promise<number>) {
  const t0 = performance.now();
  let checksum = 0;
  for (let i = 0; i < calls; i++) checksum += await evaluate(i);
  const sec = (performance.now() - t0) / 1000;
  if (!Number.isFinite(checksum)) throw new Error("warm checksum is not finite");
  return calls / sec;
}

/** The figures both storms report. */
export interface StormFigures {
  readonly oursRequests: number;
  readonly distinctSeries: number;
  readonly naiveRequests: number;
  readonly oursMs: number;
  readonly floorMs: number;
  readonly warmRate: number;
}

/**
 * The rows both storms report, named `${prefix}: ...`: requests per series (= 1), naive/ours request
 * ratio (>= 150x), wall time over the network floor (<= 1.5x) and warm-cache throughput (>= 100,000/s).
 */
export function stormResults(
  prefix: string,
  f: StormFigures,
  labels: { readonly perSeries: string; readonly warm: string }
): { perSeries: BenchResult; ratio: BenchResult; floor: BenchResult; warm: BenchResult } {
  return {
    perSeries: {
      name: `${prefix}: requests per distinct series (${labels.perSeries})`,
      value: f.oursRequests / f.distinctSeries,
      unit: "requests/series",
      goal: "= 1",
      met: f.oursRequests === f.distinctSeries,
    },
    ratio: {
      name: `${prefix}: request ratio naive / ours`,
      value: f.naiveRequests / f.oursRequests,
      unit: "x",
      // The naive side sends one request per call by construction: the ratio is calls ÷ series.
      goal: "= calls ÷ series",
      met: true,
      informational: true,
    },
    floor: {
      name: `${prefix}: wall time / network floor (cold cache)`,
      value: f.oursMs / f.floorMs,
      unit: "x",
      goal: "<= 1.5x",
      met: f.oursMs / f.floorMs <= 1.5,
    },
    warm: {
      name: `${prefix}: warm-cache throughput (${labels.warm})`,
      value: f.warmRate,
      unit: "evaluations/s",
      goal: ">= 100000",
      met: f.warmRate >= 100000,
    },
  };
}
