/**
 * Late-bound constructors that break the Range ↔ Worksheet module cycle: worksheet-proxy.ts fills
 * these in when it loads.
 */
import type { SimContext } from "./context";
import type { SheetModel } from "./workbook-model";

export const factories = {
  worksheet: (
    _context: SimContext,
    _path: string,
    _resolve: () => SheetModel | undefined
  ): unknown => {
    throw new Error("worksheet-proxy.ts has not been loaded");
  },
};
