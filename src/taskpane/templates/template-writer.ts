/**
 * Writes a WorkbookTemplate through Excel.run: one sheet per SheetTemplate, cells in chunks (one sync
 * each, yielding to the browser between them so the pane repaints), text written as text and only
 * the add-in's own formulas as formulas. An existing sheet of the same name is never overwritten
 * unless the caller says the user agreed; otherwise the template goes to "Name (2)".
 */
import { asText } from "../workbook/safe-text";
import { uniqueName } from "../workbook/sheet-names";
import { TemplateCell, WorkbookTemplate, resolveSheetRefs } from "./template-types";

/** Cells per sync: small requests, and a repaint between them. */
export const CELLS_PER_CHUNK = 150;

export interface InsertOptions {
  /** True when the user agreed to replace sheets that already exist (their contents are cleared). */
  readonly replaceExisting?: boolean;
  readonly signal?: AbortSignal;
  /** Cells written so far, of the total. */
  onProgress?(done: number, total: number): void;
}

export interface InsertResult {
  /** Template sheet key → the sheet name actually written. */
  readonly sheets: ReadonlyMap<string, string>;
  /** Sheets that existed and were cleared and rewritten (only with replaceExisting). */
  readonly replaced: readonly string[];
}

export class TemplateCancelled extends Error {
  constructor() {
    super("Inserting the template was cancelled; the sheets written so far are kept.");
    this.name = "TemplateCancelled";
  }
}

/** Names of the template's sheets that already exist in the workbook (case-insensitive). */
export async function existingTemplateSheets(template: WorkbookTemplate): Promise<string[]> {
  return Excel.run(async (context) => {
    const sheets = context.workbook.worksheets;
    sheets.load("items/name");
    await context.sync();
    const have = new Set(sheets.items.map((s) => s.name.toLowerCase()));
    return template.sheets.map((s) => s.name).filter((n) => have.has(n.toLowerCase()));
  });
}

const yieldToBrowser = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/** Rows and columns of an A1 address ("B5" or "A4:E60"). */
export function addressSize(address: string): { rows: number; columns: number } {
  const parts = address.split(":").map((p) => /^([A-Z]+)(\d+)$/.exec(p));
  if (parts.some((m) => !m)) throw new Error(`Template address is not A1 form: ${address}`);
  const col = (letters: string): number =>
    [...letters].reduce((n, c) => n * 26 + c.charCodeAt(0) - 64, 0);
  const [a, b = a] = parts as RegExpExecArray[];
  return {
    rows: Math.abs(Number(b[2]) - Number(a[2])) + 1,
    columns: Math.abs(col(b[1]) - col(a[1])) + 1,
  };
}

function queueCell(sheet: Excel.Worksheet, cell: TemplateCell, names: Map<string, string>): void {
  const range = sheet.getRange(cell.address);
  if (cell.numberFormat) {
    const { rows, columns } = addressSize(cell.address);
    range.numberFormat = Array.from({ length: rows }, () => Array(columns).fill(cell.numberFormat));
  }
  if (cell.formula !== undefined) range.formulas = [[resolveSheetRefs(cell.formula, names)]];
  else if (cell.value !== undefined)
    range.values = [[typeof cell.value === "string" ? asText(cell.value) : cell.value]];
  if (cell.bold) range.format.font.bold = true;
  if (cell.italic) range.format.font.italic = true;
  if (cell.fontColor) range.format.font.color = cell.fontColor;
  if (cell.fontSize) range.format.font.size = cell.fontSize;
  if (cell.fill) range.format.fill.color = cell.fill;
}

/** Adds the template's workbook names; a name the workbook already has is left as it is. */
async function defineNames(
  context: Excel.RequestContext,
  template: WorkbookTemplate,
  targets: Excel.Worksheet[]
): Promise<void> {
  const wanted = template.sheets.flatMap((t, i) =>
    (t.names ?? []).map((n) => ({ ...n, sheet: targets[i] }))
  );
  if (wanted.length === 0) return;
  const found = wanted.map((n) => context.workbook.names.getItemOrNullObject(n.name));
  await context.sync();
  wanted.forEach((n, i) => {
    if (found[i].isNullObject)
      context.workbook.names.add(n.name, n.sheet.getRange(n.address), n.comment);
  });
}

/** Writes every sheet of the template; resolves to the names used. */
export async function insertTemplate(
  template: WorkbookTemplate,
  options: InsertOptions = {}
): Promise<InsertResult> {
  const total = template.sheets.reduce((n, s) => n + s.cells.length, 0);
  const names = new Map<string, string>();
  const replaced: string[] = [];
  await Excel.run(async (context) => {
    const sheets = context.workbook.worksheets;
    sheets.load("items/name");
    await context.sync();
    const existing = sheets.items.map((s) => s.name);
    const targets: Excel.Worksheet[] = [];
    for (const t of template.sheets) {
      const match = existing.find((n) => n.toLowerCase() === t.name.toLowerCase());
      if (match && options.replaceExisting) {
        const sheet = sheets.getItem(match);
        sheet.getRange().clear("All");
        names.set(t.key, match);
        replaced.push(match);
        targets.push(sheet);
      } else {
        const name = uniqueName(t.name, existing);
        existing.push(name);
        names.set(t.key, name);
        targets.push(sheets.add(name));
      }
    }
    await context.sync();
    // Names first, so formulas that use them never start as #NAME?.
    await defineNames(context, template, targets);
    let done = 0;
    for (let i = 0; i < template.sheets.length; i++) {
      const cells = template.sheets[i].cells;
      for (let from = 0; from < cells.length; from += CELLS_PER_CHUNK) {
        if (options.signal?.aborted) throw new TemplateCancelled();
        for (const cell of cells.slice(from, from + CELLS_PER_CHUNK))
          queueCell(targets[i], cell, names);
        // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per chunk is the design (bounded requests, repaint between)
        await context.sync();
        done += Math.min(CELLS_PER_CHUNK, cells.length - from);
        options.onProgress?.(done, total);
        await yieldToBrowser();
      }
    }
    const first = template.activate ?? template.sheets[0]?.key;
    if (first && names.has(first)) sheets.getItem(names.get(first)!).activate();
    await context.sync();
  });
  return { sheets: names, replaced };
}
