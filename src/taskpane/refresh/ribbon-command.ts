/**
 * The ribbon's "Refresh data" button: an ExecuteFunction action (manifest.xml, FunctionName
 * "refreshData") run by the shared runtime, which is this page. Office.actions.associate maps the
 * name to the handler; the handler must call event.completed() whatever happens.
 */
import { getMarketData } from "../../data/market-data";
import { dropCacheAndRecalculate, Recalculate } from "./refresh-data";

export const REFRESH_ACTION = "refreshData";

interface ActionsHost {
  actions?: { associate(name: string, handler: (event: { completed(): void }) => unknown): void };
}

/** Registers the ribbon handlers; false when the host has no Office.actions (outside Excel). */
export function registerRibbonCommands(
  office: ActionsHost | undefined = (globalThis as { Office?: ActionsHost }).Office,
  recalc?: Recalculate
): boolean {
  if (typeof office?.actions?.associate !== "function") return false;
  try {
    office.actions.associate(REFRESH_ACTION, async (event) => {
      try {
        await dropCacheAndRecalculate(getMarketData(), recalc);
      } finally {
        event.completed();
      }
    });
    return true;
  } catch {
    return false; // office.js outside Excel (the workbench) may refuse: the pane's button remains
  }
}
