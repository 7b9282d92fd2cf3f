/**
 * The workbook the workbench opens on: the seed formulas over the embedded demo source, labelled
 * "Demo data (synthetic)". Rows whose CNTECH function the functions bundle does not register are
 * left out, so the sample always computes; one labelled row shows an error on purpose.
 */
import type { ExcelSim } from "../excel-sim";
import { findPreset, neutralScenario, presetLevels } from "../../core/scenario";
import { writeScenarioLevels } from "../../taskpane/scenario/scenario-workbook";

interface SampleRow {
  label: string;
  /** Formula per basket column; "{s}" is replaced by the column's basket cell (e.g. B$9). */
  formula?: string;
  /** Formula only in column B (spills or single examples). */
  single?: string;
  format?: string;
  /** CNTECH function names the row needs (without namespace). */
  needs: string[];
  note?: string;
}

const BASKETS = [
  { column: "B", symbol: "HSTECH", title: "Hang Seng TECH" },
  { column: "C", symbol: "CN_AI_CHIPS", title: "China AI & chips" },
  { column: "D", symbol: "NDX", title: "Nasdaq-100" },
];

const MEASURES: SampleRow[] = [
  {
    label: "Total return (USD)",
    formula: "=CNTECH.RETURN({s},$B$5,$B$6)",
    format: "0.00%",
    needs: ["RETURN"],
  },
  {
    label: "Spread vs Nasdaq-100 (bps)",
    formula: '=CNTECH.SPREAD.NASDAQ({s},$B$5,$B$6,,,"bps")',
    format: "#,##0.0",
    needs: ["SPREAD.NASDAQ"],
  },
  {
    label: "Return minus Nasdaq-100 (Excel arithmetic)",
    formula: "={r}-$D${rr}",
    format: "0.00%",
    needs: ["RETURN"],
  },
  {
    label: "Volatility (annualised)",
    formula: "=CNTECH.VOL({s},$B$5,$B$6)",
    format: "0.00%",
    needs: ["VOL"],
  },
  {
    label: "Beta vs Nasdaq-100",
    formula: "=CNTECH.BETA({s},$B$5,$B$6)",
    format: "0.00",
    needs: ["BETA"],
  },
  {
    label: "Correlation vs Nasdaq-100",
    formula: "=CNTECH.CORR({s},$B$5,$B$6)",
    format: "0.00",
    needs: ["CORR"],
  },
  {
    label: "Maximum drawdown",
    formula: "=CNTECH.MAXDD({s},$B$5,$B$6)",
    format: "0.00%",
    needs: ["MAXDD"],
  },
  {
    label: "Sharpe ratio (rf 0%)",
    formula: "=CNTECH.SHARPE({s},$B$5,$B$6)",
    format: "0.00",
    needs: ["SHARPE"],
  },
];

const SCENARIO_ROWS: SampleRow[] = [
  {
    label: "Scenario return (linear factor model)",
    formula: "=CNTECH.SCENARIO.RETURN({s},CNTECH_SCENARIO)",
    format: "0.00%",
    needs: ["SCENARIO.RETURN"],
  },
  {
    label: "Scenario spread vs Nasdaq-100",
    formula: "=CNTECH.SCENARIO.SPREAD({s},CNTECH_SCENARIO)",
    format: "0.00%",
    needs: ["SCENARIO.SPREAD"],
  },
  {
    label: "Scenario 95% VaR, 20 days",
    formula: "=CNTECH.SCENARIO.VAR({s},CNTECH_SCENARIO,0.95,20)",
    format: "0.00%",
    needs: ["SCENARIO.VAR"],
  },
];

export interface SampleResult {
  /** Cell of the deliberate error example, e.g. "B24". */
  errorExample?: string;
}

/**
 * Writes the sample model into a fresh sim workbook: sheet "Model", then "Scenario" (written by the
 * pane's own Scenario-tab code through Excel.run, preset "US chip export controls (Oct 2022)") and
 * "History". Needs the sim installed as the global Excel.
 */
export async function writeSampleModel(
  sim: ExcelSim,
  functionNames: Set<string>
): Promise<SampleResult> {
  const api = sim.api;
  const model = sim.model;
  const has = (row: SampleRow): boolean =>
    row.needs.every((n) => functionNames.has(n.toUpperCase()));
  const sheet = model.sheets[0];
  model.renameSheet(sheet, "Model");
  const set = (address: string, input: string | number, format?: string): void => {
    api.setCell("Model", address, input);
    if (format) api.setNumberFormat("Model", address, format);
  };
  const style = (address: string, property: string, value: unknown, on = "Model"): void => {
    model.formatLog.push({ sheet: on, address, property, value });
  };

  set("A1", "CNTech sample model: China tech vs the Nasdaq");
  style("A1", "format.font.size", 14);
  style("A1", "format.font.bold", true);
  set("A2", "Demo data (synthetic): prices come from a seeded generator, not from any market.");
  style("A2", "format.font.color", "#9a3b00");
  set("A4", "Window");
  style("A4", "format.font.bold", true);
  set("A5", "Start");
  set("B5", "=DATE(2025,1,2)", "yyyy-mm-dd");
  set("A6", "End");
  set("B6", "=DATE(2025,6,30)", "yyyy-mm-dd");

  set("A8", "Measure");
  set("A9", "Basket / symbol");
  for (const b of BASKETS) {
    set(`${b.column}8`, b.title);
    set(`${b.column}9`, b.symbol);
  }
  style("A8:D8", "format.font.bold", true);
  style("A8:D8", "format.fill.color", "#dbe9f7");
  style("A9:D9", "format.font.color", "#605e5c");

  let row = 10;
  const returnRow = row;
  const writeRows = (rows: SampleRow[]): void => {
    for (const r of rows.filter(has)) {
      set(`A${row}`, r.label);
      for (const b of BASKETS) {
        const f = r
          .formula!.replace("{s}", `${b.column}$9`)
          .replace("{r}", `${b.column}${returnRow}`)
          .replace("{rr}", String(returnRow));
        set(`${b.column}${row}`, f, r.format);
      }
      row++;
    }
  };
  writeRows(MEASURES);

  const scenario = SCENARIO_ROWS.filter(has);
  if (scenario.length > 0) {
    const preset = findPreset("EXPORT_CONTROLS_2022");
    await writeScenarioLevels(preset ? presetLevels(preset) : neutralScenario());
    row++;
    set(
      `A${row}`,
      "Scenario (linked to CNTECH_SCENARIO on the Scenario sheet; move the pane's sliders)"
    );
    style(`A${row}`, "format.font.bold", true);
    row++;
    writeRows(scenario);
  }

  row++;
  const result: SampleResult = {};
  if (functionNames.has("RETURN")) {
    set(`A${row}`, "Deliberate error example: unknown symbol");
    style(`A${row}`, "format.font.italic", true);
    set(`B${row}`, '=CNTECH.RETURN("NOSUCH",$B$5,$B$6)');
    result.errorExample = `B${row}`;
    row += 2;
  }
  if (functionNames.has("QUOTE")) {
    set(`A${row}`, "Live quote: Tencent (streaming)");
    set(`B${row}`, '=CNTECH.QUOTE("0700.HK")', "#,##0.00");
    row += 2;
  }
  if (functionNames.has("SOURCE") || functionNames.has("BASKET"))
    writeBasketsSheet(sim, functionNames);
  if (functionNames.has("HISTORY")) writeHistorySheet(sim);
  api.setActiveSheet("Model");
  return result;
}

/** Spilled reference tables: where the numbers come from, and what the China AI & chips basket holds. */
function writeBasketsSheet(sim: ExcelSim, functionNames: Set<string>): void {
  const name = sim.api.addSheet("Baskets");
  const bold = (address: string): void => {
    sim.model.formatLog.push({ sheet: name, address, property: "format.font.bold", value: true });
  };
  let row = 1;
  if (functionNames.has("SOURCE")) {
    sim.api.setCell(
      name,
      `A${row}`,
      "Where the China AI & chips numbers come from (spilled by CNTECH.SOURCE)"
    );
    bold(`A${row}`);
    sim.api.setCell(name, `A${row + 1}`, '=CNTECH.SOURCE("CN_AI_CHIPS")');
    row += 19;
  }
  if (functionNames.has("BASKET")) {
    sim.api.setCell(
      name,
      `A${row}`,
      "China AI & chips (CN_AI_CHIPS) constituents (spilled by CNTECH.BASKET)"
    );
    bold(`A${row}`);
    sim.api.setCell(name, `A${row + 1}`, '=CNTECH.BASKET("CN_AI_CHIPS")');
    sim.api.setNumberFormat(name, `C${row + 2}:C${row + 40}`, "0.00%");
  }
}

/** Weekly closes of the seed baskets' benchmarks, spilled by CNTECH.HISTORY. */
function writeHistorySheet(sim: ExcelSim): void {
  const name = sim.api.addSheet("History");
  sim.api.setCell(
    name,
    "A1",
    "Weekly closes in USD of Tencent, SMIC, Nvidia and the Nasdaq-100: demo data (synthetic), spilled by CNTECH.HISTORY"
  );
  sim.api.setCell(
    name,
    "A3",
    '=CNTECH.HISTORY({"0700.HK";"0981.HK";"NVDA";"^NDX"},Model!B5,Model!B6,"USD","weekly")'
  );
  sim.api.setNumberFormat(name, "A4:A60", "yyyy-mm-dd");
  sim.api.setNumberFormat(name, "B4:E60", "#,##0.00");
}
