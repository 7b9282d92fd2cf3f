/**
 * Runs an import end to end: fetch, build the four sheets, write them in chunks, then finish in one
 * sync (tables, chart, renames). Rules that keep the workbook consistent:
 * - every sheet is written under a temporary "<name> (incomplete)" name and renamed only when the
 *   whole import has been written, so a half-written table is never presented as complete;
 * - new sheets get unique names by default; replacing same-named sheets needs replaceExisting, and
 *   when any of them holds data, confirmReplace too (otherwise nothing is written);
 * - on Cancel or failure the incomplete sheets of this run are deleted, leaving the workbook as it was
 *   (if even that fails, they keep their "(incomplete)" names and the message says so).
 */
import { getMarketData, MarketData } from "../../data/market-data";
import {
  coverageNotes,
  ImportData,
  performanceBlock,
  pricesBlock,
  provenanceLines,
  returnsBlock,
} from "./dataset";
import { fetchImportData } from "./fetch-data";
import { membershipLines } from "./import-basket";
import {
  ImportOutcome,
  ImportProgress,
  ImportRequest,
  OverwriteNeedsConfirmation,
} from "./import-types";
import { cleanPrefix, incompleteName, uniqueName, uniqueTableName } from "./sheet-names";
import { SheetBlock, layoutOf } from "./sheet-block";
import { DEFAULT_CHUNK_BYTES, ImportCancelled, queueTable, writeBlock } from "./sheet-writer";
import { summaryBlock } from "./summary";
import { yieldToBrowser } from "./yield-to-browser";

type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

export interface ImportDeps {
  /** Excel.run (default: the global Excel's). */
  readonly run?: ExcelRun;
  /** Market data service (default: getMarketData()). */
  readonly marketData?: MarketData;
}

export interface RunHooks {
  readonly signal?: AbortSignal;
  onProgress?(p: ImportProgress): void;
}

const fmt = (n: number): string => n.toLocaleString("en-US");

function defaultRun(): ExcelRun {
  return (batch) => Excel.run(batch);
}

/** The four output blocks for fetched data. */
export function buildBlocks(data: ImportData, request: ImportRequest): SheetBlock[] {
  const info = [...provenanceLines(data, request), ...membershipLines(data, request)];
  const prices = pricesBlock(data, request, info);
  const returns = returnsBlock(prices, info);
  const { block: performance } = performanceBlock(data, request, info);
  const summary = summaryBlock(data, request, info);
  return [prices, returns, performance, summary];
}

/** Final sheet names an import would use, and which existing ones hold data (for the confirmation prompt). */
export async function plannedSheets(
  request: ImportRequest,
  deps: ImportDeps = {}
): Promise<{ names: string[]; nonEmptyExisting: string[] }> {
  const run = deps.run ?? defaultRun();
  const prefix = cleanPrefix(request.sheetPrefix);
  const bases = ["Prices", "Returns", "Performance", "Summary"].map((b) => `${prefix} ${b}`);
  return run(async (context) => {
    const sheets = context.workbook.worksheets;
    sheets.load("items/name");
    await context.sync();
    const existing = sheets.items.map((s) => s.name);
    if (!request.replaceExisting) {
      const names: string[] = [];
      for (const b of bases) names.push(uniqueName(b, [...existing, ...names]));
      return { names, nonEmptyExisting: [] };
    }
    const probes = bases
      .filter((b) => existing.some((e) => e.toLowerCase() === b.toLowerCase()))
      .map((b) => ({
        name: b,
        used: sheets.getItem(b).getUsedRangeOrNullObject(true).load("isNullObject"),
      }));
    await context.sync();
    return {
      names: bases,
      nonEmptyExisting: probes.filter((p) => !p.used.isNullObject).map((p) => p.name),
    };
  });
}

/** Runs the import; never throws for cancel or data/Excel failures (see the outcome), only for misuse. */
export async function runImport(
  request: ImportRequest,
  hooks: RunHooks = {},
  deps: ImportDeps = {}
): Promise<ImportOutcome> {
  const run = deps.run ?? defaultRun();
  const progress = (p: ImportProgress): void => hooks.onProgress?.(p);
  const budget = request.chunkBytes ?? DEFAULT_CHUNK_BYTES;

  const planned = await plannedSheets(request, { run });
  if (request.replaceExisting && planned.nonEmptyExisting.length > 0 && !request.confirmReplace)
    throw new OverwriteNeedsConfirmation(planned.nonEmptyExisting);

  let fetched;
  try {
    fetched = await fetchImportData(deps.marketData ?? getMarketData(), request, {
      signal: hooks.signal,
      onProgress: (done, total) =>
        progress({
          phase: "fetch",
          done,
          total,
          message: `Loading prices: ${fmt(done)} of ${fmt(total)} series`,
        }),
    });
  } catch (e) {
    const cancelled = e instanceof ImportCancelled;
    return {
      status: cancelled ? "cancelled" : "failed",
      sheets: [],
      rowsWritten: 0,
      message: cancelled
        ? "Import cancelled before anything was written. Your workbook is unchanged."
        : `Import failed while loading prices: ${(e as Error).message} Nothing was written.`,
      warnings: [],
    };
  }
  const { data } = fetched;
  const req = fetched.request;
  // Stale or partial coverage of the window is said in the pane too, not only in the sheets.
  const coverage = [...coverageNotes(data, req)].map(([symbol, note]) => `${symbol}: ${note}`);
  const warnings = [...fetched.warnings, ...coverage];
  progress({ phase: "fetch", done: 1, total: 1, message: "Preparing the sheets" });
  await yieldToBrowser();
  let blocks: SheetBlock[];
  try {
    blocks = buildBlocks(data, req);
  } catch (e) {
    // e.g. membership dates that leave no member in part of the window: said before any write.
    return {
      status: "failed",
      sheets: [],
      rowsWritten: 0,
      message: `Import failed: ${(e as Error).message}. Nothing was written.`,
      warnings,
    };
  }
  const totalRows = blocks.reduce((n, b) => n + b.rows.length, 0);

  return run(async (context) => {
    const sheets = context.workbook.worksheets;
    const tables = context.workbook.tables;
    sheets.load("items/name");
    tables.load("items/name");
    await context.sync();
    const existingSheets = sheets.items.map((s) => s.name);
    const existingTables = tables.items.map((t) => t.name);
    const finals = planned.names;
    const temps: string[] = [];
    for (const f of finals) temps.push(incompleteName(f, [...existingSheets, ...temps]));
    const created = temps.map((t) => sheets.add(t));
    // Sheets are tracked by id from here on, so cleanup works whatever names they carry.
    created.forEach((s) => s.load("id"));
    const replaced = request.replaceExisting
      ? finals
          .filter((f) => existingSheets.some((e) => e.toLowerCase() === f.toLowerCase()))
          .map((f) => ({ name: f, sheet: sheets.getItem(f).load("id") }))
      : [];
    let rowsWritten = 0;
    try {
      await context.sync();
      for (let i = 0; i < blocks.length; i++) {
        const before = rowsWritten;
        await writeBlock(context, created[i], temps[i], blocks[i], budget, {
          signal: hooks.signal,
          onRows: (done) => {
            rowsWritten = before + done;
            progress({
              phase: "write",
              done: rowsWritten,
              total: totalRows,
              message: `Writing ${finals[i]}: ${fmt(done)} of ${fmt(blocks[i].rows.length)} rows (${fmt(rowsWritten)} of ${fmt(totalRows)} in all)`,
            });
          },
        });
      }
      if (hooks.signal?.aborted) throw new ImportCancelled();
      progress({
        phase: "finish",
        done: totalRows,
        total: totalRows,
        message: "Creating tables and chart",
      });
      // One sync presents the result: tables, chart, same-named old sheets moved aside (confirmed
      // replace), final names. The old sheets are deleted only after that sync has succeeded.
      const tableNames: string[] = [];
      blocks.forEach((b, i) => {
        const name = uniqueTableName(b.tableName, [...existingTables, ...tableNames]);
        tableNames.push(name);
        queueTable(created[i], b, name);
      });
      addPerformanceChart(created[2], blocks[2], req.basket.label, req.benchmark);
      const asideNames: string[] = [];
      for (const r of replaced) {
        const aside = uniqueName(`${r.name.slice(0, 20)} (replaced)`, [
          ...existingSheets,
          ...temps,
          ...asideNames,
        ]);
        asideNames.push(aside);
        r.sheet.name = aside;
      }
      created.forEach((s, i) => (s.name = finals[i]));
      created[3].activate();
      await context.sync();
    } catch (e) {
      const cancelled = e instanceof ImportCancelled;
      const cleanup = await undo(context, created, replaced);
      const what = cancelled
        ? `Import cancelled after writing ${fmt(rowsWritten)} of ${fmt(totalRows)} rows.`
        : `Import failed: ${(e as Error).message}`;
      return {
        status: cancelled ? "cancelled" : "failed",
        sheets: [],
        rowsWritten,
        message: `${what} ${cleanup}`,
        warnings,
      };
    }
    let leftover = "";
    if (replaced.length > 0) {
      try {
        replaced.forEach((r) => r.sheet.delete());
        await context.sync();
      } catch {
        leftover = ` The sheets it replaced could not be deleted and are kept as "… (replaced)"; delete them when convenient.`;
      }
    }
    return {
      status: "done",
      sheets: finals,
      rowsWritten,
      message: `Imported ${fmt(data.constituents.length)} constituents and ${data.benchmark.symbol} (${fmt(totalRows)} rows) into ${finals.join(", ")}.${leftover}`,
      warnings,
    };
  });
}

/** Line chart of the basket and the benchmark (rebased to 100) beside the Performance table. */
function addPerformanceChart(
  sheet: Excel.Worksheet,
  block: SheetBlock,
  basket: string,
  bench: string
): void {
  const layout = layoutOf(block);
  const source = sheet.getRangeByIndexes(
    layout.headerRow - 1,
    0,
    Math.max(1, block.rows.length) + 1,
    3
  );
  const chart = sheet.charts.add("Line", source, "Columns");
  chart.title.text = `${basket} vs ${bench} (rebased to 100)`;
  chart.setPosition(`F${layout.headerRow}`, `P${layout.headerRow + 20}`);
}

/** A sheet's id if it was loaded (the sheet exists in the workbook), else undefined. */
function idOf(sheet: Excel.Worksheet): string | undefined {
  try {
    return sheet.id;
  } catch {
    return undefined;
  }
}

/**
 * Undoes a failed or cancelled run: deletes the sheets it created (by id, whatever their names are by
 * now) and gives replaced sheets their names back. Says in words what happened.
 */
async function undo(
  context: Excel.RequestContext,
  created: Excel.Worksheet[],
  replaced: { name: string; sheet: Excel.Worksheet }[]
): Promise<string> {
  const sheets = context.workbook.worksheets;
  try {
    const ours = created.map((s) => idOf(s));
    const olds = replaced.map((r) => idOf(r.sheet));
    const probe = (id: string | undefined) =>
      id ? sheets.getItemOrNullObject(id).load("isNullObject") : undefined;
    const ourProbes = ours.map(probe);
    const oldProbes = olds.map(probe);
    await context.sync();
    ourProbes.forEach((p) => {
      if (p && !p.isNullObject) p.delete();
    });
    await context.sync();
    oldProbes.forEach((p, i) => {
      if (p && !p.isNullObject) p.name = replaced[i].name;
    });
    await context.sync();
    return "The partly written sheets were removed; your workbook is as it was before the import.";
  } catch {
    return `Some partly written sheets could not be removed; they are named "… (incomplete)" or carry this import's sheet names. Check the sheet tabs and delete them when convenient.`;
  }
}
