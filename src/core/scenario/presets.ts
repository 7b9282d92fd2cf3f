import { CALIBRATED_LEVELS } from "./calibrated";
import { EventFigure, eventFigures, eventWindow, HEADLINE_SYMBOLS } from "./event-data";
import { FactorId, neutralScenario, ScenarioLevels } from "./factors";

type Shocks = Partial<Record<FactorId, number>>;

export interface ScenarioPreset {
  readonly id: string;
  readonly name: string;
  /** Historical presets are fitted to a real event; illustrative ones are judgement only. */
  readonly kind: "historical" | "illustrative";
  readonly description: string;
  /** Factor levels the preset applies (historical: fitted to the event's real returns). */
  readonly shocks: Shocks;
  /** Historical: the levels stated before the fit (its prior, and the out-of-sample input). */
  readonly prior?: Shocks;
  /** Historical: the factors whose level the fit may move; the others anchor the scale. */
  readonly free?: readonly FactorId[];
  /** Historical: event window (ISO dates, close to close). */
  readonly window?: { readonly start: string; readonly end: string };
  /** Historical: real moves of the headline instruments over the window. */
  readonly figures?: readonly EventFigure[];
}

interface HistoricalSpec {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  readonly prior: Shocks;
  readonly free: readonly FactorId[];
}

/** Drops zero levels, so a preset lists only the factors it moves. */
function nonZero(levels: Shocks): Shocks {
  return Object.fromEntries(Object.entries(levels).filter(([, v]) => v !== 0));
}

function historical(spec: HistoricalSpec): ScenarioPreset {
  const window = eventWindow(spec.id);
  if (!window) throw new Error(`${spec.id} has no window in the event table`);
  return {
    ...spec,
    kind: "historical",
    shocks: nonZero(CALIBRATED_LEVELS[spec.id] ?? spec.prior),
    window,
    figures: eventFigures(spec.id, HEADLINE_SYMBOLS),
  };
}

/** Presets, historical first. Ids are stable (the pane's picker and docs use them). */
export const PRESETS: readonly ScenarioPreset[] = [
  historical({
    id: "TAIWAN_DRILLS_2022",
    name: "Taiwan Strait drills (Aug 2022)",
    description:
      "The US House Speaker's visit to Taipei (2022-08-02) and the PLA's live-fire drills around Taiwan from 2022-08-04: Taiwan tension +1 (large drills).",
    prior: { TAIWAN: 1 },
    free: [],
  }),
  historical({
    id: "EXPORT_CONTROLS_2022",
    name: "US chip export controls (Oct 2022)",
    description:
      "BIS rules of 2022-10-07 on advanced chips and tools; first Hong Kong session 2022-10-10 (SMIC −4.0 %).",
    prior: { EXPORT_CONTROLS: 2, CAPITAL_FLOWS: 0.5 },
    free: [],
  }),
  historical({
    id: "STIMULUS_SEPT_2024",
    name: "Beijing stimulus (Sept 2024)",
    description:
      "PBoC package of 2024-09-24 and the 2024-09-26 Politburo meeting: Hong Kong tech rallied by about a third in seven sessions (Hang Seng TECH tracker +36 %).",
    prior: { POLICY_SUPPORT: 3, CAPITAL_FLOWS: -1, CNY: 0.5 },
    free: [],
  }),
  historical({
    id: "STIMULUS_DEC_2024",
    name: "Politburo easing signal (Dec 2024)",
    description:
      "2024-12-09 Politburo pledge of 'moderately loose' monetary policy and more proactive fiscal policy; a far smaller move than September's (Hang Seng TECH tracker +3 %), so the fit gives it a much lower policy level.",
    prior: { POLICY_SUPPORT: 1.5, CAPITAL_FLOWS: -0.5 },
    free: ["POLICY_SUPPORT"],
  }),
  historical({
    id: "DEEPSEEK_2025",
    name: "DeepSeek re-rating (Jan–Feb 2025)",
    description:
      "Chinese AI re-rating after DeepSeek-R1: Hang Seng TECH tracker +31 % from 2025-01-13 to 2025-02-14, Nasdaq-100 +6 %.",
    prior: { AI_MOMENTUM: 3, TARIFFS: -1, CAPITAL_FLOWS: -1 },
    free: ["TARIFFS"],
  }),
  historical({
    id: "LIBERATION_DAY_2025",
    name: "'Liberation Day' tariffs (Apr 2025)",
    description:
      "US reciprocal tariffs announced 2025-04-02; Hong Kong (closed 2025-04-04) fell on 2025-04-07. Close of 04-02 to close of 04-07: Hang Seng TECH tracker −16 %, Nasdaq-100 −11 %.",
    prior: { TARIFFS: 3, TAIWAN: 0.25 },
    free: ["TAIWAN"],
  }),
  historical({
    id: "TRADE_TRUCE_2025",
    name: "US–China Geneva truce (May 2025)",
    description:
      "The 2025-05-12 Geneva agreement cutting tariffs for 90 days (truce, cuts): close of 05-09 to close of 05-13.",
    prior: { TARIFFS: -2 },
    free: ["TARIFFS"],
  }),
  {
    id: "TAIWAN_BLOCKADE",
    name: "Taiwan blockade (illustrative)",
    kind: "illustrative",
    description:
      "Illustrative, not fitted to an event: a PLA blockade of Taiwan with sweeping Western sanctions: Taiwan +3, export controls +3, tariffs +2, capital-flow risk +3, CNY 2 % weaker.",
    shocks: { TAIWAN: 3, EXPORT_CONTROLS: 3, TARIFFS: 2, CAPITAL_FLOWS: 3, CNY: -2 },
  },
  {
    id: "BROAD_EASING",
    name: "Broad easing (illustrative)",
    kind: "illustrative",
    description:
      "Illustrative, not fitted to an event: a grand bargain: strong Beijing stimulus, tariff truce, eased chip licences, calmer Strait, foreign inflows, CNY 1 % stronger.",
    shocks: {
      POLICY_SUPPORT: 2,
      TARIFFS: -2,
      EXPORT_CONTROLS: -1,
      TAIWAN: -1,
      CAPITAL_FLOWS: -1,
      CNY: 1,
    },
  },
];

/** A preset by id (case-insensitive) or undefined. */
export function findPreset(id: string): ScenarioPreset | undefined {
  const key = id.trim().toUpperCase();
  return PRESETS.find((p) => p.id === key);
}

/** The full level set of a preset (unlisted factors at 0). */
export function presetLevels(preset: ScenarioPreset): ScenarioLevels {
  return { ...neutralScenario(), ...preset.shocks };
}

/** The full prior level set of a historical preset (its stated levels before the fit). */
export function presetPriorLevels(preset: ScenarioPreset): ScenarioLevels {
  return { ...neutralScenario(), ...(preset.prior ?? preset.shocks) };
}
