/**
 * The functions' view of symbols and preset baskets, resolved through the data layer.
 * Kept in one place so argument parsing (args.ts) stays free of data-layer imports.
 */
import { DEFAULT_BENCHMARK, getPresetBasket, PRESET_BASKETS } from "../data/baskets";
import { getMarketData } from "../data/market-data";
import { isOmitted } from "./args";
import { BasketMember, BasketSpec, parseSymbolsArg, SymbolResolver } from "./basket-args";

/** Resolves typed symbols (data layer's normalizeSymbol, memoised) and preset basket names. */
export const marketResolver: SymbolResolver = {
  normalize(symbol: string): string {
    return getMarketData().normalize(symbol);
  },
  presetNames() {
    return Object.keys(PRESET_BASKETS);
  },
  preset(name: string) {
    let hit = presetMemo.get(name);
    if (hit === undefined) {
      hit = presetMembers(name) ?? null;
      if (presetMemo.size >= 10000) presetMemo.clear();
      presetMemo.set(name, hit);
    }
    return hit ?? undefined;
  },
};

type PresetMembers = { name: string; members: readonly BasketMember[] };
/** Preset lookups by typed text (null: not a preset); presets are fixed for the session. */
const presetMemo = new Map<string, PresetMembers | null>();

function presetMembers(name: string): PresetMembers | undefined {
  const preset = getPresetBasket(name);
  if (!preset) return undefined;
  const equal = preset.constituents.every((c) => c.weight === undefined);
  return {
    name: preset.name,
    members: preset.constituents.map((c) => ({
      symbol: c.symbol,
      weight: equal ? 1 : (c.weight ?? 0),
    })),
  };
}

/** The `symbols` argument of any CNTECH function (see parseSymbolsArg). */
export function parseBasketArg(value: unknown): BasketSpec {
  return parseSymbolsArg(value, marketResolver);
}

/** The `benchmark` argument: a symbol or preset, the Nasdaq-100 Total Return index (^XNDX) when omitted. */
export function parseBenchmarkArg(value: unknown): BasketSpec {
  return parseSymbolsArg(isOmitted(value) ? DEFAULT_BENCHMARK : value, marketResolver, "benchmark");
}
