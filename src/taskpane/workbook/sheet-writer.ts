/**
 * Writes a SheetBlock into a worksheet through Excel.run's context, in chunks whose request size stays
 * under a byte budget (Excel on the web rejects requests over 5 MB): one sync per chunk, so an import
 * costs O(chunks) round trips, not O(rows). Between chunks the browser gets its turn (repaint, Cancel).
 */
import { asText } from "./safe-text";
import { yieldToBrowser } from "./yield-to-browser";
import { CellInput, SheetBlock, layoutOf } from "./sheet-block";

/** Default request budget per sync: 1 MB, a fifth of Excel's limit, leaving room for overhead. */
export const DEFAULT_CHUNK_BYTES = 1024 * 1024;

/** Thrown when the target area already holds data and nobody confirmed replacing it. */
export class OverwriteRefused extends Error {
  constructor(readonly sheet: string) {
    super(`Sheet "${sheet}" already holds data; nothing was written to it.`);
    this.name = "OverwriteRefused";
  }
}

/** Thrown between chunks when the user pressed Cancel. */
export class ImportCancelled extends Error {
  constructor() {
    super("Import cancelled");
    this.name = "ImportCancelled";
  }
}

export interface WriteHooks {
  readonly signal?: AbortSignal;
  /** Called after each chunk's sync with the body rows written so far for this block. */
  onRows?(rowsDone: number): void;
}

/** The cell input for one body cell: outside text as text, built formulas as formulas, null as empty. */
export function cellInput(
  block: SheetBlock,
  column: number,
  v: CellInput
): string | number | boolean {
  if (v === null) return "";
  if (typeof v !== "string") return v;
  if (block.formulaColumns?.[column] && v.startsWith("=")) return v;
  return asText(v);
}

function encodeRow(block: SheetBlock, row: readonly CellInput[]): (string | number | boolean)[] {
  return row.map((v, c) => cellInput(block, c, v));
}

/** Body rows per chunk so that a chunk's values and formats stay within `budget` bytes. */
export function rowsPerChunk(block: SheetBlock, budget: number): number {
  if (block.rows.length === 0) return 1;
  const samples = [0, Math.floor(block.rows.length / 2), block.rows.length - 1];
  let widest = 0;
  for (const i of samples)
    widest = Math.max(widest, JSON.stringify(encodeRow(block, block.rows[i])).length);
  const formatBytes = block.formats.reduce((n, f) => n + (f ? f.length + 3 : 0), 0);
  // Per row: values, formats, and the array punctuation; 2x margin for multi-byte characters.
  const perRow = 2 * (widest + formatBytes + 8);
  return Math.max(1, Math.floor(budget / perRow));
}

/** Contiguous runs of columns sharing a number format. */
function formatRuns(
  formats: readonly (string | undefined)[]
): { from: number; width: number; format: string }[] {
  const runs: { from: number; width: number; format: string }[] = [];
  formats.forEach((f, c) => {
    if (!f) return;
    const last = runs[runs.length - 1];
    if (last && last.format === f && last.from + last.width === c) last.width++;
    else runs.push({ from: c, width: 1, format: f });
  });
  return runs;
}

/**
 * Writes the header block, table header and body of `block` on `sheet` (which must be empty: checked
 * first, OverwriteRefused otherwise). Does not create the table: see queueTable. Returns body rows written.
 */
export async function writeBlock(
  context: Excel.RequestContext,
  sheet: Excel.Worksheet,
  sheetName: string,
  block: SheetBlock,
  budget: number,
  hooks: WriteHooks = {}
): Promise<number> {
  const used = sheet.getUsedRangeOrNullObject(true);
  await context.sync();
  if (!used.isNullObject) throw new OverwriteRefused(sheetName);

  const layout = layoutOf(block);
  const width = block.columns.length;
  sheet.getRange("A1").values = [[asText(block.title)]];
  sheet.getRange("A1").format.font.bold = true;
  block.info.forEach((line, i) => {
    const r = layout.infoRow(i) - 1;
    const value = sheet.getRangeByIndexes(r, 1, 1, 1);
    if (line.format) value.numberFormat = [[line.format]];
    sheet.getRangeByIndexes(r, 0, 1, 2).values = [
      [
        asText(line.label),
        typeof line.value === "string" ? asText(line.value) : (line.value ?? ""),
      ],
    ];
  });
  const header = sheet.getRangeByIndexes(layout.headerRow - 1, 0, 1, width);
  header.values = [block.columns.map((c) => asText(c))];
  header.format.font.bold = true;

  const per = rowsPerChunk(block, budget);
  const runs = formatRuns(block.formats);
  let done = 0;
  if (hooks.signal?.aborted) throw new ImportCancelled();
  while (done < block.rows.length) {
    const n = Math.min(per, block.rows.length - done);
    const top = layout.firstBodyRow - 1 + done;
    for (const run of runs)
      sheet.getRangeByIndexes(top, run.from, n, run.width).numberFormat = Array.from(
        { length: n },
        () => Array(run.width).fill(run.format)
      );
    const values: (string | number | boolean)[][] = new Array(n);
    for (let i = 0; i < n; i++) values[i] = encodeRow(block, block.rows[done + i]);
    sheet.getRangeByIndexes(top, 0, n, width).values = values;
    // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per chunk is the design (bounded request size)
    await context.sync();
    done += n;
    hooks.onRows?.(done);
    // Lets the pane paint the progress and handle Cancel before the next chunk.
    await yieldToBrowser();
    if (hooks.signal?.aborted && done < block.rows.length) throw new ImportCancelled();
  }
  if (block.rows.length === 0) await context.sync();
  return done;
}

/** Queues the table over the block's header and body (no sync). */
export function queueTable(
  sheet: Excel.Worksheet,
  block: SheetBlock,
  tableName: string
): Excel.Table {
  const layout = layoutOf(block);
  const rowCount = Math.max(1, block.rows.length);
  const range = sheet.getRangeByIndexes(
    layout.headerRow - 1,
    0,
    rowCount + 1,
    block.columns.length
  );
  const table = sheet.tables.add(range, true);
  table.name = tableName;
  return table;
}
