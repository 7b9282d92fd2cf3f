import { CALIBRATED_EXPOSURES } from "./calibrated";
import { FactorId, FACTOR_IDS } from "./factors";

/**
 * Default sensitivities. An exposure is the symbol's return (decimal) for one level of a factor over
 * the scenario's event window: TARIFFS exposure −0.055 means a +3 tariff shock implies −16.5 %.
 * Segments carry the numbers; symbols map to a segment or to a weighted blend of segments
 * (indices and ETFs). Each segment has a stated prior (judgement, rationale in docs/scenarios.md)
 * and the exposures fitted to real event-window returns (calibrated.ts, by
 * scripts/scenario-calibrate.ts), which are the defaults the model uses.
 */
export type SegmentId =
  | "FOUNDRY"
  | "CHIP_DESIGN"
  | "EQUIPMENT"
  | "INTERNET"
  | "AI_SOFTWARE"
  | "EV_HARDWARE"
  | "CHINA_BROAD"
  | "US_AI"
  | "NASDAQ";

export type ExposureVector = Readonly<Record<FactorId, number>>;

/** Builds a vector from values in FACTOR_IDS order (EC, TAR, TW, POL, AI, CAP, CNY). */
function vec(values: [number, number, number, number, number, number, number]): ExposureVector {
  const out = {} as Record<FactorId, number>;
  FACTOR_IDS.forEach((id, i) => (out[id] = values[i]));
  return out;
}

export interface SegmentDefinition {
  readonly id: SegmentId;
  readonly label: string;
  /** One-line why; the long form is in docs/scenarios.md. */
  readonly rationale: string;
  /** Judgement before the real-data fit: the fit's ridge prior. */
  readonly prior: ExposureVector;
  /** Fitted to the real event table (calibrated.ts): the model's defaults. */
  readonly exposures: ExposureVector;
}

//                                   EXPORT  TARIFF  TAIWAN  POLICY  AI      CAPFLOW CNY
const SEGMENT_PRIORS: Readonly<Record<SegmentId, Omit<SegmentDefinition, "exposures">>> = {
  FOUNDRY: {
    id: "FOUNDRY",
    label: "China foundry",
    rationale:
      "Directly hit by tool/export controls (SMIC, Hua Hong); big beneficiaries of self-sufficiency policy.",
    prior: vec([-0.03, -0.045, -0.04, 0.065, 0.05, -0.02, 0.008]),
  },
  CHIP_DESIGN: {
    id: "CHIP_DESIGN",
    label: "China chip design",
    rationale:
      "Lose access to leading-edge foundry and EDA under controls; domestic AI accelerators gain from AI momentum.",
    prior: vec([-0.03, -0.045, -0.05, 0.065, 0.075, -0.02, 0.008]),
  },
  EQUIPMENT: {
    id: "EQUIPMENT",
    label: "China semi equipment",
    rationale:
      "Controls cut both ways: lost foreign parts vs. domestic substitution demand; strongly policy-driven.",
    prior: vec([-0.015, -0.04, -0.045, 0.07, 0.045, -0.01, 0.008]),
  },
  INTERNET: {
    id: "INTERNET",
    label: "China internet platforms",
    rationale:
      "Consumer- and policy-driven, heavily foreign-owned (ADR/HK flows); cloud arms need imported AI chips.",
    prior: vec([-0.012, -0.055, -0.05, 0.075, 0.06, -0.035, 0.01]),
  },
  AI_SOFTWARE: {
    id: "AI_SOFTWARE",
    label: "China AI software",
    rationale: "Highest beta to AI momentum; compute-constrained by export controls.",
    prior: vec([-0.02, -0.05, -0.05, 0.07, 0.085, -0.03, 0.01]),
  },
  EV_HARDWARE: {
    id: "EV_HARDWARE",
    label: "China EV / hardware",
    rationale: "Export-oriented hardware: most tariff-sensitive; consumer stimulus helps.",
    prior: vec([-0.008, -0.065, -0.055, 0.075, 0.03, -0.03, 0.012]),
  },
  CHINA_BROAD: {
    id: "CHINA_BROAD",
    label: "China/HK broad market",
    rationale:
      "Banks, property, consumer in the Hang Seng Index: macro- and policy-driven, little AI exposure.",
    prior: vec([-0.003, -0.04, -0.045, 0.06, 0.01, -0.025, 0.01]),
  },
  US_AI: {
    id: "US_AI",
    label: "US AI leaders",
    rationale:
      "Lose China revenue under controls, depend on Taiwan fabs; Chinese AI breakthroughs compete (DeepSeek).",
    prior: vec([-0.008, -0.04, -0.06, 0.003, -0.01, 0, 0.002]),
  },
  NASDAQ: {
    id: "NASDAQ",
    label: "Nasdaq benchmark",
    rationale:
      "The comparison leg: tariff- and Taiwan-sensitive via supply chains, little direct China policy exposure.",
    prior: vec([-0.005, -0.035, -0.035, 0.003, 0.002, 0, 0.002]),
  },
};

export const SEGMENTS: Readonly<Record<SegmentId, SegmentDefinition>> = Object.fromEntries(
  Object.values(SEGMENT_PRIORS).map((d) => [
    d.id,
    { ...d, exposures: vec(CALIBRATED_EXPOSURES[d.id] as Parameters<typeof vec>[0]) },
  ])
) as Record<SegmentId, SegmentDefinition>;

export type SegmentBlend = Readonly<Partial<Record<SegmentId, number>>>;

const HSTECH_BLEND: SegmentBlend = {
  INTERNET: 0.55,
  EV_HARDWARE: 0.2,
  AI_SOFTWARE: 0.1,
  FOUNDRY: 0.1,
  CHIP_DESIGN: 0.05,
};
const HSI_BLEND: SegmentBlend = { CHINA_BROAD: 0.65, INTERNET: 0.3, EV_HARDWARE: 0.05 };
const CHINA_INTERNET_ETF: SegmentBlend = { INTERNET: 0.8, AI_SOFTWARE: 0.1, EV_HARDWARE: 0.1 };

/**
 * Symbol → segment (or blend) for the demo universe, the preset baskets and common aliases.
 * Indices appear with and without the caret. Keys are upper-case canonical tickers.
 */
export const SYMBOL_SEGMENTS: Readonly<Record<string, SegmentId | SegmentBlend>> = {
  // Foundry
  "0981.HK": "FOUNDRY", // SMIC
  "688981.SS": "FOUNDRY", // SMIC A-share
  "1347.HK": "FOUNDRY", // Hua Hong Semiconductor
  "688347.SS": "FOUNDRY", // Hua Hong A-share
  // Chip design
  "688256.SS": "CHIP_DESIGN", // Cambricon
  "688041.SS": "CHIP_DESIGN", // Hygon
  "603501.SS": "CHIP_DESIGN", // Will Semiconductor (OmniVision)
  "603986.SS": "CHIP_DESIGN", // GigaDevice
  "688008.SS": "CHIP_DESIGN", // Montage Technology
  "9660.HK": "CHIP_DESIGN", // Horizon Robotics (autonomy chips)
  "000977.SZ": "CHIP_DESIGN", // Inspur (AI servers; entity-listed, so control-sensitive like design)
  // Equipment
  "002371.SZ": "EQUIPMENT", // Naura
  "688012.SS": "EQUIPMENT", // AMEC
  "688072.SS": "EQUIPMENT", // Piotech
  // Internet platforms
  "0700.HK": "INTERNET", // Tencent
  "9988.HK": "INTERNET", // Alibaba
  BABA: "INTERNET",
  "3690.HK": "INTERNET", // Meituan
  "9618.HK": "INTERNET", // JD.com
  JD: "INTERNET",
  PDD: "INTERNET",
  "1024.HK": "INTERNET", // Kuaishou
  "9999.HK": "INTERNET", // NetEase
  "9961.HK": "INTERNET", // Trip.com
  TCEHY: "INTERNET",
  "0241.HK": "INTERNET", // Alibaba Health
  "0772.HK": "INTERNET", // China Literature
  "0780.HK": "INTERNET", // Tongcheng Travel
  "6060.HK": "INTERNET", // ZhongAn Online (internet insurer)
  "6618.HK": "INTERNET", // JD Health
  "9626.HK": "INTERNET", // Bilibili
  // AI software
  "9888.HK": "AI_SOFTWARE", // Baidu
  BIDU: "AI_SOFTWARE",
  "0020.HK": "AI_SOFTWARE", // SenseTime
  "002230.SZ": "AI_SOFTWARE", // iFlytek
  "2513.HK": "AI_SOFTWARE", // Zhipu
  "0100.HK": "AI_SOFTWARE", // MiniMax
  "0268.HK": "AI_SOFTWARE", // Kingdee (enterprise software)
  "3888.HK": "AI_SOFTWARE", // Kingsoft (WPS AI)
  "9698.HK": "AI_SOFTWARE", // GDS Holdings (AI data centres, compute-constrained)
  // EV / hardware
  "1810.HK": "EV_HARDWARE", // Xiaomi
  "1211.HK": "EV_HARDWARE", // BYD
  "2015.HK": "EV_HARDWARE", // Li Auto
  "9868.HK": "EV_HARDWARE", // XPeng
  "9866.HK": "EV_HARDWARE", // NIO
  "0992.HK": "EV_HARDWARE", // Lenovo
  "0285.HK": "EV_HARDWARE", // BYD Electronic
  "2382.HK": "EV_HARDWARE", // Sunny Optical
  "6690.HK": "EV_HARDWARE", // Haier Smart Home (export hardware)
  "9863.HK": "EV_HARDWARE", // Leapmotor
  NIO: "EV_HARDWARE",
  LI: "EV_HARDWARE",
  XPEV: "EV_HARDWARE",
  // US AI leaders
  NVDA: "US_AI",
  MSFT: "US_AI",
  GOOGL: "US_AI",
  GOOG: "US_AI",
  META: "US_AI",
  AMZN: "US_AI",
  AMD: "US_AI",
  AVGO: "US_AI",
  AAPL: "US_AI",
  TSLA: "US_AI",
  ORCL: "US_AI",
  PLTR: "US_AI",
  TSM: "US_AI", // TSMC ADR: AI supply chain, most Taiwan-exposed of the group
  // Nasdaq benchmark
  QQQ: "NASDAQ",
  QQQM: "NASDAQ",
  NDX: "NASDAQ",
  "^NDX": "NASDAQ",
  XNDX: "NASDAQ",
  "^XNDX": "NASDAQ", // the Nasdaq-100 Total Return index: same exposures as the price index
  IXIC: "NASDAQ",
  "^IXIC": "NASDAQ",
  // China/HK indices and ETFs (blends)
  HSTECH: HSTECH_BLEND,
  "^HSTECH": HSTECH_BLEND,
  "3033.HK": HSTECH_BLEND, // CSOP Hang Seng TECH ETF
  "3067.HK": HSTECH_BLEND, // iShares Hang Seng TECH ETF
  KTEC: HSTECH_BLEND, // KraneShares Hang Seng TECH ETF (US-listed)
  HSI: HSI_BLEND,
  "^HSI": HSI_BLEND,
  "2800.HK": HSI_BLEND, // Tracker Fund of Hong Kong
  KWEB: CHINA_INTERNET_ETF,
  CQQQ: HSTECH_BLEND,
  MCHI: HSI_BLEND,
  FXI: HSI_BLEND,
};

/** Σ weight × segment exposure, with the weights normalised to sum to 1. */
export function blendExposures(blend: SegmentBlend): ExposureVector {
  const entries = Object.entries(blend) as [SegmentId, number][];
  const total = entries.reduce((s, [, w]) => s + w, 0);
  const out = {} as Record<FactorId, number>;
  for (const id of FACTOR_IDS)
    out[id] = entries.reduce((s, [seg, w]) => s + (w / total) * SEGMENTS[seg].exposures[id], 0);
  return out;
}

/** A symbol's segment weights (summing to 1), or undefined when unmapped. */
export function segmentWeights(symbol: string): SegmentBlend | undefined {
  const entry = SYMBOL_SEGMENTS[symbol.trim().toUpperCase()];
  if (entry === undefined) return undefined;
  if (typeof entry === "string") return { [entry]: 1 };
  const total = Object.values(entry).reduce((s, w) => s + (w ?? 0), 0);
  const out: Partial<Record<SegmentId, number>> = {};
  for (const [seg, w] of Object.entries(entry) as [SegmentId, number][]) out[seg] = w / total;
  return out;
}

/** The default exposure vector of a symbol (upper-cased, trimmed), or undefined when unmapped. */
export function defaultExposure(symbol: string): ExposureVector | undefined {
  const entry = SYMBOL_SEGMENTS[symbol.trim().toUpperCase()];
  if (entry === undefined) return undefined;
  return typeof entry === "string" ? SEGMENTS[entry].exposures : blendExposures(entry);
}

/** Default idiosyncratic (residual) annual vol by segment, used when no history is given. */
export const DEFAULT_IDIO_VOL: Readonly<Record<SegmentId, number>> = {
  FOUNDRY: 0.4,
  CHIP_DESIGN: 0.45,
  EQUIPMENT: 0.4,
  INTERNET: 0.3,
  AI_SOFTWARE: 0.45,
  EV_HARDWARE: 0.4,
  CHINA_BROAD: 0.15,
  US_AI: 0.3,
  NASDAQ: 0.12,
};

/** Idiosyncratic vol for symbols with no segment and no history: a stated, conservative 35 %. */
export const FALLBACK_IDIO_VOL = 0.35;

/** Default idiosyncratic vol of a symbol: its segment's, the weighted blend's, or the fallback. */
export function defaultIdioVol(symbol: string): number {
  const entry = SYMBOL_SEGMENTS[symbol.trim().toUpperCase()];
  if (entry === undefined) return FALLBACK_IDIO_VOL;
  if (typeof entry === "string") return DEFAULT_IDIO_VOL[entry];
  const entries = Object.entries(entry) as [SegmentId, number][];
  const total = entries.reduce((s, [, w]) => s + w, 0);
  // Blends are diversified portfolios: weight the vols, then halve for diversification (stated rule).
  return 0.5 * entries.reduce((s, [seg, w]) => s + (w / total) * DEFAULT_IDIO_VOL[seg], 0);
}
