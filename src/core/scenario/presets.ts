import { FactorId, neutralScenario, ScenarioLevels } from "./factors";

/** A figure a historical preset is compared with (from public reporting of the event). */
export interface EpisodeFigure {
  /** Canonical symbol of the instrument (^HSTECH, 0981.HK, ^NDX, ...): default exposures and history. */
  readonly symbol: string;
  readonly label: string;
  /** Move over the event window, decimal (−0.0398 = −3.98 %). */
  readonly move: number;
  /** True when the figure still has to be checked against exchange data. */
  readonly toVerify: boolean;
}

export interface ScenarioPreset {
  readonly id: string;
  readonly name: string;
  readonly kind: "historical" | "hypothetical";
  readonly description: string;
  /** Factor levels; factors not listed stay at 0. */
  readonly shocks: Partial<Record<FactorId, number>>;
  /** Historical presets: event window (ISO dates, close to close) for re-estimation. */
  readonly window?: { readonly start: string; readonly end: string };
  readonly figures?: readonly EpisodeFigure[];
}

const SOURCE_NOTE =
  "Figures: public reporting of the event; measured moves are in the event table (docs/scenarios.md).";

/** Presets, historical first. Ids are stable (the pane's picker and docs use them). */
export const PRESETS: readonly ScenarioPreset[] = [
  {
    id: "EXPORT_CONTROLS_2022",
    name: "US chip export controls (Oct 2022)",
    kind: "historical",
    description:
      "BIS rules of 2022-10-07 on advanced chips and tools; first Hong Kong session 2022-10-10. " +
      SOURCE_NOTE,
    shocks: { EXPORT_CONTROLS: 2, CAPITAL_FLOWS: 0.5 },
    window: { start: "2022-10-07", end: "2022-10-10" },
    figures: [
      { symbol: "^HSTECH", label: "Hang Seng TECH", move: -0.0398, toVerify: true },
      { symbol: "1347.HK", label: "Hua Hong Semiconductor", move: -0.094, toVerify: true },
      { symbol: "0981.HK", label: "SMIC", move: -0.0395, toVerify: true },
      // Nasdaq-100 on 2022-10-10: about −1 % (recollection of public reporting; to verify).
      { symbol: "^NDX", label: "Nasdaq-100", move: -0.01, toVerify: true },
    ],
  },
  {
    id: "DEEPSEEK_2025",
    name: "DeepSeek re-rating (Jan–Feb 2025)",
    kind: "historical",
    description:
      "Chinese AI re-rating after DeepSeek-R1; Hang Seng TECH in a bull market (> 20 % off its January low) by 2025-02-07, about +25 % over the month vs roughly +4 % for the Nasdaq-100. " +
      SOURCE_NOTE,
    shocks: { AI_MOMENTUM: 3, TARIFFS: -1, CAPITAL_FLOWS: -1 },
    window: { start: "2025-01-13", end: "2025-02-14" },
    figures: [
      { symbol: "^HSTECH", label: "Hang Seng TECH", move: 0.25, toVerify: true },
      { symbol: "^NDX", label: "Nasdaq-100", move: 0.04, toVerify: true },
    ],
  },
  {
    id: "LIBERATION_DAY_2025",
    name: "'Liberation Day' tariffs (Apr 2025)",
    kind: "historical",
    description:
      "US reciprocal tariffs announced 2025-04-02; Hong Kong (closed 2025-04-04) fell on 2025-04-07: Hang Seng TECH −17.2 %, Hang Seng Index −13.2 %, with a partial rebound on the 90-day pause (2025-04-09). " +
      SOURCE_NOTE,
    shocks: { TARIFFS: 3, TAIWAN: 0.25 },
    window: { start: "2025-04-02", end: "2025-04-07" },
    figures: [
      { symbol: "^HSTECH", label: "Hang Seng TECH (2025-04-07)", move: -0.172, toVerify: true },
      { symbol: "^HSI", label: "Hang Seng Index (2025-04-07)", move: -0.132, toVerify: true },
      // Nasdaq-100 over 2025-04-02 → 04-07: about −11 % (04-03 and 04-04 falls; recollection, to verify).
      { symbol: "^NDX", label: "Nasdaq-100 (same window)", move: -0.11, toVerify: true },
    ],
  },
  {
    id: "STIMULUS_SEPT_2024",
    name: "Beijing stimulus (Sept 2024)",
    kind: "historical",
    description:
      "PBoC package of 2024-09-24 and the 2024-09-26 Politburo meeting: double-digit Hong Kong tech rallies within days. " +
      SOURCE_NOTE,
    shocks: { POLICY_SUPPORT: 3, CAPITAL_FLOWS: -1, CNY: 0.5 },
    window: { start: "2024-09-23", end: "2024-10-02" },
    figures: [
      // Public reporting: "double-digit rallies within days"; +20 % is the order used here.
      { symbol: "^HSTECH", label: "Hang Seng TECH", move: 0.2, toVerify: true },
      { symbol: "^NDX", label: "Nasdaq-100", move: 0.01, toVerify: true },
    ],
  },
  {
    id: "STIMULUS_DEC_2024",
    name: "Politburo easing signal (Dec 2024)",
    kind: "historical",
    description:
      "2024-12-09 Politburo pledge of 'moderately loose' monetary policy and more proactive fiscal policy. Public commentary grouped it with September's double-digit rallies; the Hong Kong move was smaller.",
    shocks: { POLICY_SUPPORT: 1.5, CAPITAL_FLOWS: -0.5 },
    window: { start: "2024-12-06", end: "2024-12-10" },
    figures: [
      { symbol: "^HSTECH", label: "Hang Seng TECH", move: 0.1, toVerify: true },
      { symbol: "^NDX", label: "Nasdaq-100", move: 0.0, toVerify: true },
    ],
  },
  {
    id: "TAIWAN_BLOCKADE",
    name: "Taiwan blockade (hypothetical)",
    kind: "hypothetical",
    description:
      "A PLA blockade of Taiwan with sweeping Western sanctions: Taiwan +3, export controls +3, tariffs +2, capital-flow risk +3, CNY 2 % weaker.",
    shocks: { TAIWAN: 3, EXPORT_CONTROLS: 3, TARIFFS: 2, CAPITAL_FLOWS: 3, CNY: -2 },
  },
  {
    id: "BROAD_EASING",
    name: "Broad easing (hypothetical)",
    kind: "hypothetical",
    description:
      "A grand bargain: strong Beijing stimulus, tariff truce, eased chip licences, calmer Strait, foreign inflows, CNY 1 % stronger.",
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
