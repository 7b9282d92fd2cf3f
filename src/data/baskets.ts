/**
 * Preset baskets users can name in formulas (=CNTECH.RETURN("HSTECH", ...)) and in the task pane.
 * Weights are optional: omitted weights mean equal weights (the core normalises them).
 * Constituents are a documented snapshot, not a live index feed: see docs/data.md.
 */
export interface BasketConstituent {
  /** Canonical symbol (see symbols.ts). */
  readonly symbol: string;
  /** Company name, for the pane and =CNTECH.BASKET. */
  readonly name: string;
  readonly weight?: number;
}

export interface PresetBasket {
  readonly name: string;
  readonly description: string;
  readonly constituents: readonly BasketConstituent[];
  /**
   * The day the constituent list stands for (ISO) and what it rests on; absent for a preset that is
   * one index (its level carries its own membership history). See docs/data.md.
   */
  readonly snapshot?: { readonly date: string; readonly basis: string };
}

/**
 * What a preset's fixed list means for a window, said plainly: "HSTECH constituents as of the
 * 2025-03-10 snapshot, applied to the whole window: …". Undefined for a preset without a snapshot.
 */
export function snapshotNote(preset: PresetBasket): string | undefined {
  if (!preset.snapshot) return undefined;
  return `${preset.name} constituents as of the ${preset.snapshot.date} snapshot, applied to the whole window: names that left before that date are missing and names added before it count from the window's start (survivorship bias)`;
}

/** Theme baskets: lists chosen for the add-in, not an index's membership. */
const THEME_LIST = {
  date: "2026-11-26",
  basis:
    "theme list chosen for the add-in on that date (names listed then), not an index's membership",
};

/**
 * The default benchmark: the Nasdaq-100 Total Return index (^XNDX). Baskets are measured as total
 * return (dividends reinvested), so the benchmark is too: like with like. ^NDX is the price index.
 */
export const DEFAULT_BENCHMARK = "^XNDX";

const c = (symbol: string, name: string): BasketConstituent => ({ symbol, name });

/** Hang Seng TECH Index: 30 constituents (snapshot dated 2025-03-10, see docs/data.md). The index is free-float cap weighted with an 8% cap; this basket is equal weighted. */
const HSTECH: PresetBasket = {
  name: "HSTECH",
  description:
    "Hang Seng TECH Index constituents (30 names), equal weighted. The official index is free-float market-cap weighted with an 8% cap.",
  snapshot: {
    date: "2025-03-10",
    basis:
      "Hang Seng TECH Index membership after the quarterly review effective 2025-03-10, compiled from public reports of the reviews, not the official constituent file (known differences: docs/data.md)",
  },
  constituents: [
    c("0020.HK", "SenseTime Group"),
    c("0241.HK", "Alibaba Health Information Technology"),
    c("0268.HK", "Kingdee International Software"),
    c("0285.HK", "BYD Electronic"),
    c("0700.HK", "Tencent Holdings"),
    c("0772.HK", "China Literature"),
    c("0780.HK", "Tongcheng Travel"),
    c("0981.HK", "SMIC (H share)"),
    c("0992.HK", "Lenovo Group"),
    c("1024.HK", "Kuaishou Technology"),
    c("1347.HK", "Hua Hong Semiconductor"),
    c("1810.HK", "Xiaomi"),
    c("2015.HK", "Li Auto"),
    c("2382.HK", "Sunny Optical Technology"),
    c("3690.HK", "Meituan"),
    c("3888.HK", "Kingsoft"),
    c("6060.HK", "ZhongAn Online P&C Insurance"),
    c("6618.HK", "JD Health International"),
    c("6690.HK", "Haier Smart Home"),
    c("9618.HK", "JD.com"),
    c("9626.HK", "Bilibili"),
    c("9660.HK", "Horizon Robotics"),
    c("9698.HK", "GDS Holdings"),
    c("9863.HK", "Zhejiang Leapmotor Technology"),
    c("9866.HK", "NIO"),
    c("9868.HK", "XPeng"),
    c("9888.HK", "Baidu"),
    c("9961.HK", "Trip.com Group"),
    c("9988.HK", "Alibaba Group"),
    c("9999.HK", "NetEase"),
  ],
};

const CN_AI_CHIPS: PresetBasket = {
  name: "CN_AI_CHIPS",
  description:
    "China AI and semiconductor self-sufficiency: foundries, AI accelerators and CPUs, chip equipment, AI software and autonomy; HK and A-share listings, equal weighted.",
  snapshot: THEME_LIST,
  constituents: [
    c("0981.HK", "SMIC (H share)"),
    c("688981.SS", "SMIC (A share, STAR)"),
    c("1347.HK", "Hua Hong Semiconductor"),
    c("688256.SS", "Cambricon Technologies"),
    c("688041.SS", "Hygon Information Technology"),
    c("002371.SZ", "NAURA Technology"),
    c("688012.SS", "Advanced Micro-Fabrication Equipment (AMEC)"),
    c("688008.SS", "Montage Technology"),
    c("603501.SS", "OmniVision Integrated Circuits (Will Semiconductor)"),
    c("000977.SZ", "Inspur Electronic Information"),
    c("002230.SZ", "iFlytek"),
    c("9888.HK", "Baidu"),
    c("0020.HK", "SenseTime Group"),
    c("9660.HK", "Horizon Robotics"),
  ],
};

const CN_INTERNET: PresetBasket = {
  name: "CN_INTERNET",
  description:
    "China internet platforms: social, e-commerce, local services, search, video, gaming and travel, equal weighted (PDD is its Nasdaq ADR).",
  snapshot: THEME_LIST,
  constituents: [
    c("0700.HK", "Tencent Holdings"),
    c("9988.HK", "Alibaba Group"),
    c("3690.HK", "Meituan"),
    c("9618.HK", "JD.com"),
    c("PDD", "PDD Holdings (ADR)"),
    c("9888.HK", "Baidu"),
    c("1024.HK", "Kuaishou Technology"),
    c("9999.HK", "NetEase"),
    c("9961.HK", "Trip.com Group"),
    c("9626.HK", "Bilibili"),
  ],
};

const NDX: PresetBasket = {
  name: "NDX",
  description: "The Nasdaq-100 price index itself (^NDX), as one constituent.",
  constituents: [{ symbol: "^NDX", name: "Nasdaq-100 Index", weight: 1 }],
};

const US_AI: PresetBasket = {
  name: "US_AI",
  description:
    "Large US AI and semiconductor names (Nasdaq/NYSE), equal weighted: the US counterpart to CN_AI_CHIPS.",
  snapshot: THEME_LIST,
  constituents: [
    c("NVDA", "NVIDIA"),
    c("MSFT", "Microsoft"),
    c("GOOGL", "Alphabet (Class A)"),
    c("META", "Meta Platforms"),
    c("AMZN", "Amazon.com"),
    c("AAPL", "Apple"),
    c("AVGO", "Broadcom"),
    c("AMD", "Advanced Micro Devices"),
    c("TSM", "Taiwan Semiconductor Manufacturing (ADR)"),
    c("ORCL", "Oracle"),
  ],
};

/** Every preset, keyed by upper-case name. */
export const PRESET_BASKETS: Readonly<Record<string, PresetBasket>> = Object.freeze({
  HSTECH,
  CN_AI_CHIPS,
  CN_INTERNET,
  NDX,
  US_AI,
});

/** A preset basket by name (case- and space-insensitive; "cn ai chips" finds CN_AI_CHIPS), or undefined. */
export function getPresetBasket(name: string): PresetBasket | undefined {
  if (typeof name !== "string") return undefined;
  const key = name
    .trim()
    .toUpperCase()
    .replace(/[\s-]+/g, "_");
  return Object.prototype.hasOwnProperty.call(PRESET_BASKETS, key)
    ? PRESET_BASKETS[key]
    : undefined;
}
