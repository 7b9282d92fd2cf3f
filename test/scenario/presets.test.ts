/**
 * Historical presets against what the market really did. Expected moves come from the real-data
 * event table (EVENT_ROWS: close-to-close returns from public daily price files, see
 * docs/scenarios.md section 4), never from the model. Tolerances are the errors the calibration
 * reports for each event (CALIBRATION_REPORT, in sample): the shipped exposures and levels must
 * reproduce every real return within them, so any change that worsens the fit (e.g. scaling every
 * exposure by 0.6) fails here.
 */
import { getPresetBasket } from "../../src/data/baskets";
import {
  CALIBRATION_REPORT,
  defaultExposure,
  EVENT_ROWS,
  ExposureVector,
  FACTOR_IDS,
  findPreset,
  presetLevels,
  PRESETS,
  resolveScenario,
  scenarioReturn,
} from "../../src/core/scenario";

const implied = (presetId: string, symbol: string): number =>
  scenarioReturn(defaultExposure(symbol)!, presetLevels(findPreset(presetId)!));

const real = (event: string, symbol: string): number =>
  EVENT_ROWS.find((r) => r[0] === event && r[1] === symbol)![4];

const historical = PRESETS.filter((p) => p.kind === "historical");

/** Events whose real returns a model misses by more than the reported in-sample errors. */
function violations(exposureOf: (symbol: string) => ExposureVector): string[] {
  const out: string[] = [];
  for (const reported of CALIBRATION_REPORT.events) {
    const levels = presetLevels(findPreset(reported.event)!);
    const errors = EVENT_ROWS.filter((r) => r[0] === reported.event).map(
      ([, symbol, , , move]) => scenarioReturn(exposureOf(symbol), levels) - move
    );
    const rms = Math.sqrt(errors.reduce((t, e) => t + e * e, 0) / errors.length);
    const max = Math.max(...errors.map(Math.abs));
    if (rms > reported.inSample.rmse + 1e-5 || max > reported.inSample.maxAbs + 1e-5)
      out.push(`${reported.event}: rms ${rms} max ${max}`);
  }
  return out;
}

describe("historical presets reproduce the real event returns", () => {
  test("every historical preset is in the report, with all 19 instruments", () => {
    expect(CALIBRATION_REPORT.events.map((e) => e.event).sort()).toEqual(
      historical.map((p) => p.id).sort()
    );
    for (const e of CALIBRATION_REPORT.events) expect(e.count).toBe(19);
  });

  test("the shipped exposures and levels stay within the reported in-sample errors", () => {
    expect(violations((s) => defaultExposure(s)!)).toEqual([]);
  });

  test("scaling every exposure by 0.6 breaks those bounds (the check has teeth)", () => {
    const scaled = (s: string) => {
      const e = defaultExposure(s)!;
      return Object.fromEntries(FACTOR_IDS.map((k) => [k, 0.6 * e[k]])) as ExposureVector;
    };
    expect(violations(scaled).length).toBeGreaterThan(0);
  });

  test("overall the fit beats predicting no move at all", () => {
    const zero = EVENT_ROWS.reduce((t, r) => t + Math.abs(r[4]), 0) / EVENT_ROWS.length;
    expect(CALIBRATION_REPORT.meanAbs.inSample).toBeLessThan(zero / 2);
  });

  test("Sept 2024: the real Hang Seng TECH tracker move (+36 %) sets the preset's size", () => {
    const move = real("STIMULUS_SEPT_2024", "KTEC");
    expect(move).toBeGreaterThan(0.3);
    expect(Math.abs(implied("STIMULUS_SEPT_2024", "KTEC") - move)).toBeLessThan(0.02);
    expect(
      Math.abs(implied("STIMULUS_SEPT_2024", "QQQ") - real("STIMULUS_SEPT_2024", "QQQ"))
    ).toBeLessThan(0.01);
  });

  test("Liberation Day: China tech fell more than the Nasdaq-100, in the model as in the data", () => {
    expect(real("LIBERATION_DAY_2025", "KTEC")).toBeLessThan(real("LIBERATION_DAY_2025", "QQQ"));
    expect(implied("LIBERATION_DAY_2025", "KTEC")).toBeLessThan(
      implied("LIBERATION_DAY_2025", "QQQ")
    );
  });

  test("Dec 2024 is fitted as a far smaller policy move than Sept 2024", () => {
    const dec = findPreset("STIMULUS_DEC_2024")!.shocks.POLICY_SUPPORT!;
    expect(dec).toBeGreaterThan(0);
    expect(dec).toBeLessThan(findPreset("STIMULUS_SEPT_2024")!.shocks.POLICY_SUPPORT! / 2);
  });

  test("the equal-weighted HSTECH preset basket agrees in sign with the TECH index blend", () => {
    const basket = getPresetBasket("HSTECH")!;
    for (const p of historical) {
      const r = resolveScenario({
        symbols: basket.constituents.map((c) => c.symbol),
        benchmark: "QQQ",
        levels: presetLevels(p),
      });
      expect(Math.sign(r.outcome.basket)).toBe(Math.sign(implied(p.id, "KTEC")));
    }
  });
});

describe("illustrative presets", () => {
  test("Taiwan blockade: China tech falls hard and underperforms the Nasdaq", () => {
    expect(implied("TAIWAN_BLOCKADE", "HSTECH")).toBeLessThan(-0.2);
    expect(implied("TAIWAN_BLOCKADE", "HSTECH")).toBeLessThan(implied("TAIWAN_BLOCKADE", "^NDX"));
  });

  test("broad easing: China tech rallies and outperforms", () => {
    expect(implied("BROAD_EASING", "HSTECH")).toBeGreaterThan(0.1);
    expect(implied("BROAD_EASING", "HSTECH")).toBeGreaterThan(implied("BROAD_EASING", "^NDX"));
  });

  test("every preset stays on the −3 … +3 scale and has a unique id", () => {
    expect(new Set(PRESETS.map((p) => p.id)).size).toBe(PRESETS.length);
    for (const p of PRESETS)
      for (const v of Object.values(p.shocks)) expect(Math.abs(v!)).toBeLessThanOrEqual(3);
  });
});
