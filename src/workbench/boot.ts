/**
 * Entry of the workbench bundle, loaded after office.js and before the add-in's own bundles
 * (dist/functions.js, dist/taskpane.js): installs the CustomFunctions shim and the in-memory Excel
 * as globals, then - once the add-in bundles have run - attaches the calculation engine, opens the
 * sample model and shows the grid beside the real task pane.
 */
import { installCustomFunctionsShim } from "../shim/custom-functions-host";
import { installExcelSim } from "./excel-sim";
import { attachCalculation, CalcHost } from "./host/calc-host";
import type { FunctionMetadata } from "./calc/custom-function-adapter";
import { writeSampleModel } from "./sample/sample-model";
import { WorkbenchApp } from "./app/workbench-app";
import type { ExcelSim } from "./excel-sim";

const NAMESPACE = "CNTECH";

export interface WorkbenchHandle {
  sim: ExcelSim;
  calc: CalcHost;
  app: WorkbenchApp;
  metadata: FunctionMetadata[];
  /** Resolves when no recalculation is pending (tests and screenshots wait on it). */
  idle(): Promise<void>;
}

declare global {
  interface Window {
    cntechWorkbench?: Promise<WorkbenchHandle>;
  }
}

const globals = window as unknown as Record<string, unknown>;
const shim = installCustomFunctionsShim(globals);
const sim = installExcelSim(globals);

async function start(): Promise<WorkbenchHandle> {
  const response = await fetch("/dist/functions.json");
  if (!response.ok) throw new Error(`functions.json: HTTP ${response.status}`);
  const metadata = ((await response.json()) as { functions: FunctionMetadata[] }).functions;
  const names = new Set(metadata.map((f) => f.name.toUpperCase()));
  const sample = await writeSampleModel(sim, names);
  const calc = attachCalculation(sim.model, NAMESPACE, metadata, shim.registry);
  const app = new WorkbenchApp(sim, calc);
  app.setCalculating(true);
  await calc.engine.whenIdle();
  app.setCalculating(false);
  app.refresh();
  document.body.dataset.ready = "true";
  if (sample.errorExample) document.body.dataset.errorExample = sample.errorExample;
  return { sim, calc, app, metadata, idle: () => calc.engine.whenIdle() };
}

// The add-in bundles are plain scripts after this one: start once they have run.
window.cntechWorkbench = new Promise((resolve, reject) => {
  window.addEventListener("load", () => {
    start().then(resolve, (e) => {
      const status = document.getElementById("wb-status");
      if (status) status.textContent = `Workbench failed to start: ${(e as Error).message}`;
      reject(e);
    });
  });
});
