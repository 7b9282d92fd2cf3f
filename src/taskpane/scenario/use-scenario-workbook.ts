import * as React from "react";
import { ExposureTable, ScenarioLevels } from "../../core/scenario";
import {
  readExposureOverride,
  readScenarioLevels,
  writeScenarioLevels,
  WriteResult,
} from "./scenario-workbook";

/** Delay between the last slider move and the workbook write: one write per pause, not per pixel. */
export const WRITE_DEBOUNCE_MS = 250;

export interface WorkbookSync {
  /** Status line: where the scenario lives, or why it could not be written/read. */
  readonly status: string;
  readonly error: boolean;
  /** A user exposures table found in the workbook (CNTECH_EXPOSURES), if any. */
  readonly exposures: ExposureTable | undefined;
  /** Why CNTECH_EXPOSURES could not be used (the pane then shows no numbers rather than defaults). */
  readonly exposuresError: string | undefined;
  /** Queues a debounced write of these levels into CNTECH_SCENARIO. */
  readonly queueWrite: (levels: ScenarioLevels) => void;
  /** Re-reads the scenario and the exposures table from the workbook. */
  readonly reload: () => Promise<ScenarioLevels | undefined>;
}

const messageOf = (e: unknown): string => (e instanceof Error ? e.message : String(e));
const hasExcel = (): boolean => typeof Excel !== "undefined" && typeof Excel.run === "function";
const describe = (r: WriteResult): string =>
  `${r.created ? "Created" : "Updated"} CNTECH_SCENARIO at ${r.address}` +
  (r.missing.length ? ` (no row for ${r.missing.join(", ")})` : "");

/** Keeps the sliders and the CNTECH_SCENARIO named range in step (the workbook is the source of truth). */
export function useScenarioWorkbook(onLoaded: (levels: ScenarioLevels) => void): WorkbookSync {
  const [status, setStatus] = React.useState(
    "Move a slider to write the scenario to the workbook."
  );
  const [error, setError] = React.useState(false);
  const [exposures, setExposures] = React.useState<ExposureTable | undefined>(undefined);
  const [exposuresError, setExposuresError] = React.useState<string | undefined>(undefined);
  const timer = React.useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const pending = React.useRef<ScenarioLevels | undefined>(undefined);
  const writing = React.useRef<Promise<void>>(Promise.resolve());

  const fail = (prefix: string, e: unknown) => {
    setError(true);
    setStatus(`${prefix}: ${messageOf(e)}`);
  };

  const flush = React.useCallback(() => {
    timer.current = undefined;
    const levels = pending.current;
    pending.current = undefined;
    if (!levels || !hasExcel()) return;
    // Writes are chained so two quick pauses never interleave their Excel.run batches.
    writing.current = writing.current.then(() =>
      writeScenarioLevels(levels).then(
        (r) => {
          setError(false);
          setStatus(describe(r));
        },
        (e) => fail("Could not write CNTECH_SCENARIO", e)
      )
    );
  }, []);

  const queueWrite = React.useCallback(
    (levels: ScenarioLevels) => {
      pending.current = levels;
      if (timer.current !== undefined) clearTimeout(timer.current);
      timer.current = setTimeout(flush, WRITE_DEBOUNCE_MS);
    },
    [flush]
  );

  const reload = React.useCallback(async () => {
    if (!hasExcel()) {
      setStatus("No workbook: the scenario is not saved anywhere.");
      return undefined;
    }
    // Read separately: a bad exposures table must not stop the levels from loading.
    const [levels, table] = await Promise.allSettled([
      readScenarioLevels(),
      readExposureOverride(),
    ]);
    if (table.status === "fulfilled") {
      setExposures(table.value);
      setExposuresError(undefined);
    } else {
      setExposures(undefined);
      setExposuresError(`CNTECH_EXPOSURES: ${messageOf(table.reason)}`);
    }
    if (levels.status === "rejected") {
      fail("Could not read the workbook scenario", levels.reason);
      return undefined;
    }
    setError(false);
    if (levels.value) {
      const from =
        table.status === "fulfilled" && table.value ? "; exposures from CNTECH_EXPOSURES" : "";
      setStatus(`Loaded CNTECH_SCENARIO from the workbook${from}.`);
      onLoaded(levels.value);
    }
    return levels.value;
  }, [onLoaded]);

  React.useEffect(() => {
    void reload();
    return () => {
      // Closing the tab mid-drag still stores the last position.
      if (timer.current !== undefined) {
        clearTimeout(timer.current);
        flush();
      }
    };
    // Load once on mount.
  }, []);

  return { status, error, exposures, exposuresError, queueWrite, reload };
}
