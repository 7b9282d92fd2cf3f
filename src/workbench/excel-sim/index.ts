/**
 * The in-memory Excel: a stateful workbook behind the subset of the Office.js Excel API the add-in
 * uses, for jest (node) and the workbench page (browser).
 *
 *   const sim = createExcelSim();
 *   await sim.Excel.run(async (context) => { ... await context.sync(); });
 *   sim.stats.syncCount; sim.api.getCell("Sheet1", "A1");
 *
 * installExcelSim(globalThis) makes it the global `Excel` (and `OfficeExtension`, when absent).
 */
import { SimContext, SimStats, emptyStats } from "./context";
import { ExcelEnums } from "./enums";
import { ModelApi } from "./model-api";
import { ERROR_CODES, SimError } from "./sim-error";
import { WorkbookModel } from "./workbook-model";
import { WorkbookProxy } from "./workbook-proxy";

export type { SimStats } from "./context";
export { PAYLOAD_LIMIT_BYTES } from "./context";
export { SimError } from "./sim-error";
export { WorkbookModel } from "./workbook-model";
export type { CellChange, ChangeEvent, Calculator, ChartModel, TableModel } from "./workbook-model";
export { ModelApi } from "./model-api";
export type { CellSnapshot } from "./model-api";

/** The request context a batch receives (structurally the part of Excel.RequestContext the sim has). */
export interface SimRequestContext extends SimContext {
  workbook: WorkbookProxy;
}

type Batch<T> = (context: SimRequestContext) => Promise<T> | T;

export interface ExcelSimNamespace {
  run<T>(batch: Batch<T>): Promise<T>;
  run<T>(options: unknown, batch: Batch<T>): Promise<T>;
  ErrorCodes: typeof ERROR_CODES;
  [enumName: string]: unknown;
}

export interface ExcelSim {
  /** Drop-in for the global `Excel` namespace. */
  readonly Excel: ExcelSimNamespace;
  /** The workbook state (sheets, names, tables, charts, formatLog). */
  readonly model: WorkbookModel;
  /** Convenience API for non-Office callers (grid, formula engine, tests). */
  readonly api: ModelApi;
  /** Round trips and payload sizes; reset with resetStats(). */
  readonly stats: SimStats;
  resetStats(): void;
}

export interface ExcelSimOptions {
  /** Name of the first sheet (default "Sheet1"). */
  firstSheetName?: string;
}

/** Creates a fresh workbook and an Excel namespace bound to it. */
export function createExcelSim(options: ExcelSimOptions = {}): ExcelSim {
  const model = new WorkbookModel(options.firstSheetName);
  const stats = emptyStats();

  async function run<T>(a: unknown, b?: Batch<T>): Promise<T> {
    const batch = (typeof a === "function" ? a : b) as Batch<T>;
    if (typeof batch !== "function")
      throw new SimError("InvalidArgument", "Excel.run needs a batch function");
    stats.runCount++;
    const context = new SimContext(model, stats) as SimRequestContext;
    context.workbook = new WorkbookProxy(context);
    try {
      const pending = batch(context);
      if (!pending || typeof (pending as Promise<T>).then !== "function")
        throw new SimError(
          "RunMustReturnPromise",
          "The batch function passed to Excel.run must return a promise"
        );
      const result = await pending;
      // Office.js syncs once more when the batch's promise resolves (ClientRequestContext._runCommon).
      await context.sync();
      return result;
    } finally {
      context.close();
    }
  }

  const Excel = {
    ...ExcelEnums,
    ErrorCodes: ERROR_CODES,
    run: run as ExcelSimNamespace["run"],
    RequestContext: SimContext,
  } as ExcelSimNamespace;

  const sim: ExcelSim = {
    Excel,
    model,
    api: new ModelApi(model),
    stats,
    resetStats() {
      Object.assign(stats, emptyStats());
    },
  };
  return sim;
}

/**
 * Installs a sim as the global `Excel` (and a minimal `OfficeExtension.Error` if none exists) and
 * returns it. Pass an existing sim to share its workbook.
 */
export function installExcelSim(
  target: Record<string, unknown> = globalThis as unknown as Record<string, unknown>,
  sim: ExcelSim = createExcelSim()
): ExcelSim {
  target.Excel = sim.Excel;
  if (!target.OfficeExtension) target.OfficeExtension = { Error: SimError };
  return sim;
}
