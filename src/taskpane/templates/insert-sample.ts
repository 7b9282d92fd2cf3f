/** Inserting templates whose formulas read CNTECH_SCENARIO: the range is created when the workbook has none. */
import { findPreset, neutralScenario, presetLevels } from "../../core/scenario";
import { readScenarioLevels, writeScenarioLevels } from "../scenario/scenario-workbook";
import { sampleModelTemplate, SampleModel, SampleModelOptions } from "./sample-model";
import { insertTemplate, InsertOptions, InsertResult } from "./template-writer";
import type { WorkbookTemplate } from "./template-types";

/** The preset a new CNTECH_SCENARIO starts from, so the scenario rows show a move, not zeros. */
export const SAMPLE_SCENARIO_PRESET = "EXPORT_CONTROLS_2022";

/** Creates CNTECH_SCENARIO from the sample preset unless the workbook already has one (never replaced). */
export async function ensureScenarioRange(): Promise<boolean> {
  try {
    if (await readScenarioLevels()) return false;
  } catch {
    return false; // a range exists but does not parse: the user's, left alone
  }
  const preset = findPreset(SAMPLE_SCENARIO_PRESET);
  await writeScenarioLevels(preset ? presetLevels(preset) : neutralScenario());
  return true;
}

/** Writes a template, first creating CNTECH_SCENARIO when the template's formulas need it. */
export async function insertWithScenario(
  template: WorkbookTemplate,
  options: InsertOptions
): Promise<InsertResult> {
  if (template.usesScenario) await ensureScenarioRange();
  return insertTemplate(template, options);
}

export async function insertSampleModel(
  options: SampleModelOptions & InsertOptions
): Promise<{ model: SampleModel; result: InsertResult }> {
  const model = sampleModelTemplate(options);
  return { model, result: await insertWithScenario(model.template, options) };
}
