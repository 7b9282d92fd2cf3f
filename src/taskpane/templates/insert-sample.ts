/** Inserting the sample model: its scenario rows need CNTECH_SCENARIO, created when the workbook has none. */
import { findPreset, neutralScenario, presetLevels } from "../../core/scenario";
import { readScenarioLevels, writeScenarioLevels } from "../scenario/scenario-workbook";
import { sampleModelTemplate, SampleModel, SampleModelOptions } from "./sample-model";
import { insertTemplate, InsertOptions, InsertResult } from "./template-writer";

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

export async function insertSampleModel(
  options: SampleModelOptions & InsertOptions
): Promise<{ model: SampleModel; result: InsertResult; createdScenario: boolean }> {
  const model = sampleModelTemplate(options);
  const createdScenario = model.usesScenario ? await ensureScenarioRange() : false;
  const result = await insertTemplate(model.template, options);
  return { model, result, createdScenario };
}
