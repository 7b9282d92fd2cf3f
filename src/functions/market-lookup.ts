/**
 * The functions' view of symbols and preset baskets, resolved through the data layer.
 * Kept in one place so argument parsing (args.ts) stays free of data-layer imports.
 */
import { BasketMember, SymbolResolver } from "./args";

/** Resolves typed symbols and preset names for parseSymbolsArg. */
export const marketResolver: SymbolResolver = {
  normalize(symbol: string): string {
    return symbol.trim().toUpperCase();
  },
  preset(_name: string): { name: string; members: readonly BasketMember[] } | undefined {
    return undefined;
  },
};
