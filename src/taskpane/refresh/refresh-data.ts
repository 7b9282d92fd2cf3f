/**
 * "Refresh data" and the clean-up after a source change: forget what a source cached (memory and
 * the persistent store, that source's keys only), then make Excel re-run every formula so each
 * CNTECH cell asks the data service again.
 */
import { MarketData } from "../../data/market-data";
import { recalculateAllFormulas, RecalcMethod } from "./recalculate";

export interface RecalcReport {
  /** How Excel was asked to recalculate; undefined when it could not be. */
  readonly method?: RecalcMethod;
  /** Why Excel could not be asked (the user can press Ctrl+Alt+F9 instead). */
  readonly error?: string;
}

export interface RefreshReport extends RecalcReport {
  /** Saved series removed from the persistent store. */
  readonly removedSaved: number;
  /** Why saved copies could not be removed (the memory cache was cleared regardless). */
  readonly clearError?: string;
}

export type Recalculate = () => Promise<RecalcMethod>;

/** Runs the recalculation, turning a failure into a report instead of an exception. */
export async function recalcAndReport(
  recalc: Recalculate = recalculateAllFormulas
): Promise<RecalcReport> {
  try {
    return { method: await recalc() };
  } catch (e) {
    return { error: (e as Error).message };
  }
}

/** Drops `service`'s cached data (its provider's keys only), then recalculates every formula. */
export async function dropCacheAndRecalculate(
  service: MarketData,
  recalc: Recalculate = recalculateAllFormulas
): Promise<RefreshReport> {
  let removedSaved = 0;
  let clearError: string | undefined;
  try {
    removedSaved = await service.clearCache();
  } catch (e) {
    clearError = (e as Error).message;
  }
  return { removedSaved, clearError, ...(await recalcAndReport(recalc)) };
}

/** One plain sentence on what happened to the formulas. */
export function describeRecalc(report: RecalcReport): string {
  if (report.method) return "Every CNTECH formula in this workbook is recalculating.";
  return `Excel could not be asked to recalculate (${report.error ?? "unknown reason"}); press Ctrl+Alt+F9 to recalculate every formula.`;
}
