/**
 * The workbook the workbench opens on: the pane's own sample-model template (src/taskpane/templates),
 * written through Excel.run over the in-memory Excel, on the embedded demo source. Rows whose CNTECH
 * function the functions bundle does not register are left out, so the sample always computes; one
 * labelled row shows an error on purpose.
 */
import type { ExcelSim } from "../excel-sim";
import { insertSampleModel } from "../../taskpane/templates/insert-sample";
import type { SourceInfo } from "../../taskpane/templates/source-line";

export interface SampleResult {
  /** Cell of the deliberate error example, e.g. "B24". */
  errorExample?: string;
}

/** Writes the sample model into a fresh sim workbook (needs the sim installed as the global Excel). */
export async function writeSampleModel(
  sim: ExcelSim,
  functionNames: Set<string>,
  source: SourceInfo = { name: "demo (synthetic)" }
): Promise<SampleResult> {
  // The fresh workbook's one empty sheet becomes the model sheet, as a new Excel workbook would.
  sim.model.renameSheet(sim.model.sheets[0], "Model");
  const { model } = await insertSampleModel({
    source,
    available: functionNames,
    replaceExisting: true,
  });
  return { errorExample: model.errorExample };
}
