/**
 * Makes Excel re-run every CNTECH formula after the data behind them changed (a new source, or a
 * refresh). Excel does not re-run a non-volatile custom function on a plain recalculation (F9,
 * Application.calculate("Recalculate")): its inputs did not change, so it is not dirty. What forces
 * it, per Microsoft's API reference (see docs/data.md, "Switching source and refreshing"):
 *
 * - ExcelApi 1.6: Worksheet.calculate(markAllDirty = true) on every sheet of this workbook;
 * - ExcelApi 1.1 (every Excel with custom functions): Application.calculate("Full"), which marks
 *   every cell of every open workbook dirty and recalculates them.
 */

/* global Excel, Office */

export type RecalcMethod = "worksheets-mark-all-dirty" | "application-full";

export interface RecalcDeps {
  /** Office.context.requirements.isSetSupported; outside Office (tests, workbench) nothing is. */
  readonly isSetSupported?: (name: string, version: string) => boolean;
  /** Excel.run (default the global Excel's). */
  readonly run?: <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;
}

function officeIsSetSupported(name: string, version: string): boolean {
  const requirements = (globalThis as { Office?: typeof Office }).Office?.context?.requirements;
  try {
    return typeof requirements?.isSetSupported === "function"
      ? requirements.isSetSupported(name, version)
      : false;
  } catch {
    return false;
  }
}

/** Recalculates every formula of the workbook with the best API the host supports; says which. */
export async function recalculateAllFormulas(deps: RecalcDeps = {}): Promise<RecalcMethod> {
  const isSetSupported = deps.isSetSupported ?? officeIsSetSupported;
  const run = deps.run ?? (<T>(batch: (c: Excel.RequestContext) => Promise<T>) => Excel.run(batch));
  if (isSetSupported("ExcelApi", "1.6")) {
    await run(async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.load("items/name");
      await context.sync();
      for (const sheet of sheets.items) sheet.calculate(true);
      await context.sync();
    });
    return "worksheets-mark-all-dirty";
  }
  await run(async (context) => {
    context.workbook.application.calculate(Excel.CalculationType.full);
    await context.sync();
  });
  return "application-full";
}
