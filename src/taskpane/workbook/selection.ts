/**
 * "Use the selected range": reads the selection as a basket list — symbols in the first column,
 * optional weights in the second — and returns it as text for the Import tab's list box.
 */
type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

const MAX_CELLS = 20000;

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
    const lines: string[] = [];
    for (const row of range.values) {
      const symbol = String(row[0] ?? "").trim();
      if (!symbol) continue;
      const w = row.length > 1 && typeof row[1] === "number" ? ` ${row[1]}` : "";
      lines.push(symbol + w);
    }
    // A header such as "Symbol" in the first row is not a ticker: drop it.
    if (lines.length > 0 && /^(symbol|ticker|code)s?$/i.test(lines[0].split(" ")[0])) lines.shift();
    if (lines.length === 0)
      throw new Error(
        "The selection holds no symbols. Select a column of symbols such as 0700.HK."
      );
    return lines.join("\n");
  });
}
