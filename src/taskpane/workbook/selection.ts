/**
 * "Use the selected range": reads the selection as a basket list — symbols in the first column,
 * optional weights in the second, optional membership dates (from, to) in the third and fourth —
 * and returns it as text for the Import tab's list box ("9660.HK 0.05 from 2024-10-24").
 */
import { dayFromExcelSerial, isoFromDay } from "../../core/dates";

type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

const MAX_CELLS = 20000;

/** A header such as "Symbol" in the first row is not a ticker. */
const HEADER = /^(symbol|ticker|code)s?$/i;

/** A date cell as YYYY-MM-DD: an Excel date (serial) or text as typed; "" when blank. */
function dateText(cell: unknown): string {
  if (typeof cell === "number" && Number.isFinite(cell)) {
    try {
      return isoFromDay(dayFromExcelSerial(cell));
    } catch {
      return String(cell); // the list's own check then says it is no date
    }
  }
  return String(cell ?? "").trim();
}

/** One selected row as a list line: "SYMBOL [weight] [from DATE] [to DATE]". */
function lineOf(row: readonly unknown[]): string {
  const symbol = String(row[0] ?? "").trim();
  const parts = [symbol];
  if (row.length > 1 && typeof row[1] === "number") parts.push(String(row[1]));
  const from = row.length > 2 ? dateText(row[2]) : "";
  const to = row.length > 3 ? dateText(row[3]) : "";
  if (from) parts.push(`from ${from}`);
  if (to) parts.push(`to ${to}`);
  return parts.join(" ");
}

export async function readSelectionAsList(run: ExcelRun = (b) => Excel.run(b)): Promise<string> {
  return run(async (context) => {
    const range = context.workbook.getSelectedRange();
    range.load("rowCount, columnCount");
    await context.sync();
    if (range.rowCount * range.columnCount > MAX_CELLS)
      throw new Error(
        "The selection is too large; select the column of symbols (and weights) only."
      );
    range.load("values");
    await context.sync();
    const rows = range.values.filter((row) => String(row[0] ?? "").trim() !== "");
    if (rows.length > 0 && HEADER.test(String(rows[0][0]).trim())) rows.shift();
    if (rows.length === 0)
      throw new Error(
        "The selection holds no symbols. Select a column of symbols such as 0700.HK."
      );
    return rows.map(lineOf).join("\n");
  });
}
