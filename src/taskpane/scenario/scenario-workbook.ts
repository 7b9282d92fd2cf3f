/**
 * The workbook side of the Scenario tab. The named range CNTECH_SCENARIO (two columns: factor id,
 * level) on a visible "Scenario" sheet is the single source of truth: the pane writes slider moves
 * into it, formulas such as =CNTECH.SCENARIO.SPREAD("HSTECH", CNTECH_SCENARIO) read it, and it keeps
 * working with the pane closed. Nothing else on the sheet is ever overwritten.
 */
import {
  FACTOR_IDS,
  FACTORS,
  findFactor,
  levelName,
  parseExposureTable,
  parseScenarioRange,
  ScenarioLevels,
  ExposureTable,
} from "../../core/scenario";

export const SCENARIO_NAME = "CNTECH_SCENARIO";
export const EXPOSURES_NAME = "CNTECH_EXPOSURES";
export const SCENARIO_SHEET = "Scenario";

/** What a write did, for the pane's status line. */
export interface WriteResult {
  /** Address of the named range, e.g. "Scenario!A2:B8". */
  readonly address: string;
  /** True when this call created the sheet and/or the name. */
  readonly created: boolean;
  /** Factors the existing named range has no row for (their slider values are not stored). */
  readonly missing: string[];
}

type Context = Excel.RequestContext;

/** Zero-based column letters → "A", "Z", "AA". */
function columnLetter(index: number): string {
  let s = "";
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26))
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** Caption column: the factor's label and the named level, as plain text (never a formula). */
const caption = (id: (typeof FACTOR_IDS)[number], level: number): string =>
  `${FACTORS.find((f) => f.id === id)!.label}: ${levelName(id, level)}`;

/** Where a new block goes on an existing sheet: right of everything used, leaving a blank column. */
async function freeAnchor(
  context: Context,
  sheet: Excel.Worksheet
): Promise<{ row: number; col: number }> {
  const used = sheet.getUsedRangeOrNullObject();
  used.load(["columnIndex", "columnCount"]);
  await context.sync();
  return used.isNullObject
    ? { row: 0, col: 0 }
    : { row: 0, col: used.columnIndex + used.columnCount + 1 };
}

/** Creates the Scenario sheet (if missing), a header row, the id/level block and the name. */
async function createBlock(context: Context, levels: ScenarioLevels): Promise<WriteResult> {
  let sheet = context.workbook.worksheets.getItemOrNullObject(SCENARIO_SHEET);
  // Loaded explicitly: the in-memory Excel (like older hosts) requires it.
  await context.sync();
  if (sheet.isNullObject) sheet = context.workbook.worksheets.add(SCENARIO_SHEET);
  const { row, col } = await freeAnchor(context, sheet);
  const n = FACTOR_IDS.length;
  const header = sheet.getRangeByIndexes(row, col, 1, 3);
  header.values = [["Factor", "Level (−3 … +3)", "Meaning (CNTech scenario)"]];
  const block = sheet.getRangeByIndexes(row + 1, col, n, 2);
  block.values = FACTOR_IDS.map((id) => [id, levels[id]]);
  sheet.getRangeByIndexes(row + 1, col + 2, n, 1).values = FACTOR_IDS.map((id) => [
    caption(id, levels[id]),
  ]);
  context.workbook.names.add(SCENARIO_NAME, block, "CNTech scenario factor levels (id, level)");
  await context.sync();
  const address = `${SCENARIO_SHEET}!${columnLetter(col)}${row + 2}:${columnLetter(col + 1)}${row + 1 + n}`;
  return { address, created: true, missing: [] };
}

/**
 * Writes factor levels into CNTECH_SCENARIO. An existing named range is updated in place, row by row
 * (matching its first column by factor id or name); otherwise the block is created. The caption
 * column beside a block the pane created is refreshed only when it still holds the pane's text.
 */
export async function writeScenarioLevels(levels: ScenarioLevels): Promise<WriteResult> {
  return Excel.run(async (context) => {
    const name = context.workbook.names.getItemOrNullObject(SCENARIO_NAME);
    // Loaded explicitly: the in-memory Excel (like older hosts) requires it.
    await context.sync();
    if (name.isNullObject) return createBlock(context, levels);
    const range = name.getRange();
    range.load(["address", "values", "columnCount", "rowCount"]);
    await context.sync();
    if (range.columnCount < 2)
      throw new Error(
        `${SCENARIO_NAME} (${range.address}) must have two columns: factor id, level`
      );
    const seen = new Set<string>();
    range.values.forEach((row, r) => {
      const id = typeof row[0] === "string" ? findFactor(row[0]) : undefined;
      if (!id) return;
      seen.add(id);
      range.getCell(r, 1).values = [[levels[id]]];
    });
    const captions = range.getOffsetRange(0, 2).getColumn(0);
    captions.load("values");
    await context.sync();
    const captionValues = captions.values;
    range.values.forEach((row, r) => {
      const id = typeof row[0] === "string" ? findFactor(row[0]) : undefined;
      const current = captionValues[r][0];
      // Only refresh our own captions ("Label: level name"), never a user's cell.
      if (
        id &&
        typeof current === "string" &&
        current.startsWith(`${FACTORS.find((f) => f.id === id)!.label}: `)
      )
        captions.getCell(r, 0).values = [[caption(id, levels[id])]];
    });
    await context.sync();
    return {
      address: range.address,
      created: false,
      missing: FACTOR_IDS.filter((id) => !seen.has(id)),
    };
  });
}

/** The scenario stored in the workbook, or undefined when there is no CNTECH_SCENARIO yet. Parse errors propagate. */
export async function readScenarioLevels(): Promise<ScenarioLevels | undefined> {
  const values = await readNamedValues(SCENARIO_NAME);
  return values && parseScenarioRange(values);
}

/** A user's exposures table from the CNTECH_EXPOSURES named range, or undefined when there is none. */
export async function readExposureOverride(): Promise<ExposureTable | undefined> {
  const values = await readNamedValues(EXPOSURES_NAME);
  return values && parseExposureTable(values);
}

/** The values of a workbook-level named range, or undefined when the name does not exist. */
async function readNamedValues(rangeName: string): Promise<unknown[][] | undefined> {
  return Excel.run(async (context) => {
    const name = context.workbook.names.getItemOrNullObject(rangeName);
    // Loaded explicitly: the in-memory Excel (like older hosts) requires it.
    await context.sync();
    if (name.isNullObject) return undefined;
    const range = name.getRange();
    range.load("values");
    await context.sync();
    return range.values;
  });
}

/**
 * Writes an editable exposures table (header: Symbol + factor ids; one row per symbol, default
 * exposures) at a free spot on the Scenario sheet and names it CNTECH_EXPOSURES, unless that name
 * already exists (then nothing is written: the user's table is never replaced).
 */
export async function writeExposureTemplate(
  rows: readonly {
    symbol: string;
    exposure: Readonly<Record<(typeof FACTOR_IDS)[number], number>>;
  }[]
): Promise<WriteResult> {
  return Excel.run(async (context) => {
    const existing = context.workbook.names.getItemOrNullObject(EXPOSURES_NAME);
    // Loaded explicitly: the in-memory Excel (like older hosts) requires it.
    await context.sync();
    if (!existing.isNullObject) {
      const r = existing.getRange();
      r.load("address");
      await context.sync();
      return { address: r.address, created: false, missing: [] };
    }
    let sheet = context.workbook.worksheets.getItemOrNullObject(SCENARIO_SHEET);
    // Loaded explicitly: the in-memory Excel (like older hosts) requires it.
    await context.sync();
    if (sheet.isNullObject) sheet = context.workbook.worksheets.add(SCENARIO_SHEET);
    const { row, col } = await freeAnchor(context, sheet);
    const values = [
      ["Symbol", ...FACTOR_IDS],
      ...rows.map((r) => [r.symbol, ...FACTOR_IDS.map((id) => r.exposure[id])]),
    ];
    const block = sheet.getRangeByIndexes(row, col, values.length, FACTOR_IDS.length + 1);
    // Symbols are written as text values; none comes from outside the add-in's own lists.
    block.values = values;
    context.workbook.names.add(
      EXPOSURES_NAME,
      block,
      "CNTech exposures: decimal return per factor level"
    );
    await context.sync();
    const address = `${SCENARIO_SHEET}!${columnLetter(col)}${row + 1}:${columnLetter(col + FACTOR_IDS.length)}${row + values.length}`;
    return { address, created: true, missing: [] };
  });
}
