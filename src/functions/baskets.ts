import { normaliseWeights } from "../core/weights";
import { getMarketData } from "../data/market-data";
import { getPresetBasket } from "../data/baskets";
import { excelCall, toExcelError } from "./excel-errors";
import { parseBasketArg } from "./market-lookup";

/**
 * Constituents of a preset basket (e.g. "HSTECH", "CN_AI_CHIPS", "CN_INTERNET", "NDX") or of a basket range: spills Symbol, Name and normalised Weight (weights that do not add up to 1 are divided by their sum; CNTECH.SOURCE notes it). A range's first row of titles ("Symbol", "Weight") is skipped.
 * @customfunction BASKET
 * @helpurl https://localhost:3000/README.md#cntechbasket
 * @param name A preset basket name, or a range of symbols (and weights) to inspect.
 * @returns A table: header row, then one row per constituent; a name that cannot be looked up shows its error.
 */
export function cntechBasket(name: unknown[][]): Promise<unknown[][]> {
  return excelCall(async () => {
    const spec = parseBasketArg(name);
    const weights = normaliseWeights(
      spec.members.map((m) => m.weight),
      spec.members.length,
      spec.members.some((m) => m.weight < 0)
    );
    const preset = spec.kind === "preset" ? getPresetBasket(spec.label) : undefined;
    const md = getMarketData();
    const rows = await Promise.all(
      spec.members.map(async ({ symbol }, i) => {
        const known = preset?.constituents.find((c) => c.symbol === symbol)?.name;
        let label: unknown = known;
        if (label === undefined) {
          try {
            label = (await md.getSymbolInfo(symbol)).name;
          } catch (e) {
            label = toExcelError(e);
          }
        }
        return [symbol, label, weights[i]];
      })
    );
    return [["Symbol", "Name", "Weight"], ...rows];
  });
}
