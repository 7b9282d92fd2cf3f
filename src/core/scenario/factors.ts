import { invalidValue } from "../errors";

/**
 * The geopolitical factors a scenario moves. Every factor is a level on one scale, −3 … +3, where 0 is
 * "status quo / priced in" and the sign always means "more of the thing the factor is named after".
 * A scenario is a set of levels; a symbol's scenario return is Σ exposure × level (see model.ts).
 */
export type FactorId =
  | "EXPORT_CONTROLS"
  | "TARIFFS"
  | "TAIWAN"
  | "POLICY_SUPPORT"
  | "AI_MOMENTUM"
  | "CAPITAL_FLOWS"
  | "CNY";

export interface FactorLevelName {
  readonly level: number;
  readonly name: string;
}

export interface FactorDefinition {
  readonly id: FactorId;
  /** Label of the slider in the pane (also its accessible name). */
  readonly label: string;
  /** What a positive level means in market terms. */
  readonly meaning: string;
  /** Named points on the scale, for the slider's caption and the docs. */
  readonly levels: readonly FactorLevelName[];
  /** Other names accepted in a scenario range (case-insensitive), besides id and label. */
  readonly aliases: readonly string[];
}

export const FACTOR_MIN = -3;
export const FACTOR_MAX = 3;

const levels = (names: [string, string, string, string, string, string, string]) =>
  names.map((name, i) => ({ level: i - 3, name }));

/** The factors in display order. Ids are stable: workbooks and formulas refer to them. */
export const FACTORS: readonly FactorDefinition[] = [
  {
    id: "EXPORT_CONTROLS",
    label: "Export controls",
    meaning:
      "US/allied controls on advanced chips, tools and AI compute sold to China. +2 ≈ the 2022-10-07 package; +3 = sweeping embargo on tools and services; −ve = licences eased.",
    levels: levels([
      "broad rollback",
      "licences eased",
      "minor easing",
      "status quo",
      "targeted additions",
      "major new package",
      "sweeping embargo",
    ]),
    aliases: ["export control", "chip controls", "controls"],
  },
  {
    id: "TARIFFS",
    label: "Tariffs / trade escalation",
    meaning:
      "US–China tariff level and trade-war intensity. +3 ≈ 'Liberation Day' (2025-04-02/07) escalation; −ve = truce or tariff cuts.",
    levels: levels([
      "broad trade deal",
      "truce, cuts",
      "thaw",
      "status quo",
      "new tariffs threatened",
      "broad tariff hikes",
      "all-out trade war",
    ]),
    aliases: ["tariff", "trade", "trade escalation"],
  },
  {
    id: "TAIWAN",
    label: "Taiwan Strait tension",
    meaning:
      "Military and political tension across the Taiwan Strait. +1 = large drills; +2 = sanctions-level crisis; +3 = blockade; −ve = détente.",
    levels: levels([
      "détente",
      "dialogue",
      "calmer",
      "status quo",
      "large drills",
      "crisis, sanctions threat",
      "blockade",
    ]),
    aliases: ["taiwan strait", "taiwan tension", "strait"],
  },
  {
    id: "POLICY_SUPPORT",
    label: "Beijing policy support",
    meaning:
      "Beijing's monetary/fiscal stimulus and support for tech and chip self-sufficiency. +3 ≈ the Sept-2024 package; −ve = regulatory crackdown (2021-style).",
    levels: levels([
      "crackdown",
      "tightening",
      "cool",
      "status quo",
      "targeted support",
      "broad easing",
      "'bazooka' stimulus",
    ]),
    aliases: ["policy", "stimulus", "beijing policy", "policy support"],
  },
  {
    id: "AI_MOMENTUM",
    label: "AI breakthrough momentum",
    meaning:
      "Momentum of Chinese AI relative to expectations. +3 ≈ the DeepSeek re-rating (Jan–Feb 2025), which lifted China AI names and hit some US AI leaders; −ve = disappointment.",
    levels: levels([
      "AI bust",
      "disappointment",
      "cooling",
      "status quo",
      "good releases",
      "strong breakthrough",
      "DeepSeek-scale re-rating",
    ]),
    aliases: ["ai", "ai breakthrough", "ai momentum"],
  },
  {
    id: "CAPITAL_FLOWS",
    label: "Capital-flow / delisting risk",
    meaning:
      "Risk of ADR delisting, investment bans and outbound/inbound capital restrictions. +3 = forced delistings / broad investment ban; −ve = foreign inflows, audit deals.",
    levels: levels([
      "strong inflows",
      "inflows",
      "easing",
      "status quo",
      "delisting threats",
      "investment bans widen",
      "forced delistings",
    ]),
    aliases: ["capital flows", "delisting", "capital-flow risk", "delisting risk"],
  },
  {
    id: "CNY",
    label: "CNY move vs USD",
    meaning:
      "Renminbi move against the US dollar, in percent (+1 = CNY 1 % stronger, USD/CNY lower). Affects HKD/USD value of RMB earnings and flows.",
    levels: levels([
      "−3 % (weaker)",
      "−2 %",
      "−1 %",
      "unchanged",
      "+1 %",
      "+2 %",
      "+3 % (stronger)",
    ]),
    aliases: ["cny move", "renminbi", "rmb", "usdcny", "cny vs usd"],
  },
];

export const FACTOR_IDS: readonly FactorId[] = FACTORS.map((f) => f.id);

/** A scenario: one level per factor (factors not set are 0, the status quo). */
export type ScenarioLevels = Readonly<Record<FactorId, number>>;

/** The status-quo scenario: every factor at 0. */
export function neutralScenario(): Record<FactorId, number> {
  const out = {} as Record<FactorId, number>;
  for (const id of FACTOR_IDS) out[id] = 0;
  return out;
}

const normalise = (name: string): string =>
  name
    .trim()
    .toLowerCase()
    .replace(/[\s_\-/]+/g, " ");

const LOOKUP: Map<string, FactorId> = (() => {
  const m = new Map<string, FactorId>();
  for (const f of FACTORS) for (const n of [f.id, f.label, ...f.aliases]) m.set(normalise(n), f.id);
  return m;
})();

/** The factor for an id, label or alias (case- and separator-insensitive), or undefined. */
export function findFactor(name: string): FactorId | undefined {
  return LOOKUP.get(normalise(name));
}

/** Like findFactor, but a #VALUE!-kind error listing the valid ids when the name is unknown. */
export function requireFactor(name: string): FactorId {
  const id = findFactor(name);
  if (!id)
    throw invalidValue(`unknown scenario factor "${name}" (use one of ${FACTOR_IDS.join(", ")})`);
  return id;
}

/** Checks that a level is a finite number on the −3 … +3 scale; #VALUE!-kind error otherwise. */
export function checkLevel(id: FactorId, level: unknown): number {
  if (typeof level !== "number" || !Number.isFinite(level))
    throw invalidValue(`${id}: level ${JSON.stringify(level)} is not a number`);
  if (level < FACTOR_MIN || level > FACTOR_MAX)
    throw invalidValue(`${id}: level ${level} is outside the scale ${FACTOR_MIN} … +${FACTOR_MAX}`);
  return level;
}

/** The nearest named level of a factor, for captions ("+2 major new package"). */
export function levelName(id: FactorId, level: number): string {
  const def = FACTORS.find((f) => f.id === id);
  if (!def) return "";
  const nearest = Math.max(FACTOR_MIN, Math.min(FACTOR_MAX, Math.round(level)));
  return def.levels.find((l) => l.level === nearest)?.name ?? "";
}
