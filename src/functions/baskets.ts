import { DayNumber, isoFromDay } from "../core/dates";
import { normaliseWeights } from "../core/weights";
import { getMarketData } from "../data/market-data";
import { getPresetBasket } from "../data/baskets";
import { hasMembershipDates } from "./basket-args";
import { excelCall, toExcelError } from "./excel-errors";
import { parseBasketArg } from "./market-lookup";

const iso = (day: DayNumber | undefined): string => (day === undefined ? "" : isoFromDay(day));

/**
 * Constituents of a preset basket (e.g. "HSTECH", "CN_AI_CHIPS", "CN_INTERNET", "NDX") or of a basket range: spills Symbol, Name and normalised Weight (weights that do not add up to 1 are divided by their sum; CNTECH.SOURCE notes it), then for a preset the date of its constituent snapshot ("Snapshot"), for a range with membership dates its From and To. A range's first row of titles ("Symbol", "Weight", "From", "To") is skipped.
 * @customfunction BASKET
 * @helpurl https://localhost:3000/README.md#cntechbasket
 * @param name A preset basket name, or a range of symbols (and weights, from and to dates) to inspect.
 * @returns A table: header row, then one row per constituent; a name that cannot be looked up shows its error. Dates are YYYY-MM-DD text (blank: unbounded).
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
    const dated = hasMembershipDates(spec);
    const md = getMarketData();
    const rows = await Promise.all(
      spec.members.map(async ({ symbol, from, to }, i) => {
        const known = preset?.constituents.find((c) => c.symbol === symbol)?.name;
        let label: unknown = known;
        if (label === undefined) {
          try {
            label = (await md.getSymbolInfo(symbol)).name;
          } catch (e) {
            label = toExcelError(e);
          }
        }
        const row = [symbol, label, weights[i]];
        if (preset?.snapshot) row.push(preset.snapshot.date);
        if (dated) row.push(iso(from), iso(to));
        return row;
      })
    );
    const header = ["Symbol", "Name", "Weight"];
    if (preset?.snapshot) header.push("Snapshot");
    if (dated) header.push("From", "To");
    return [header, ...rows];
  });
}
