/**
 * The sample model: China tech vs the Nasdaq over a half-year window (returns, spreads, risk, scenario
 * rows linked to CNTECH_SCENARIO, a deliberate error example, a live quote), plus a Baskets sheet of
 * spilled reference tables and a History sheet. One definition serves the pane's Templates tab and
 * the workbench, which opens on it.
 */
import { SheetBuilder, WorkbookTemplate } from "./template-types";
import { SourceInfo, isSynthetic, templateSourceLine } from "./source-line";

interface ModelRow {
  label: string;
  /** Formula per basket column: {s} is the column's basket cell, {r} its return cell, {rr} the return row. */
  formula: string;
  format: string;
  /** CNTECH functions the row needs (without namespace). */
  needs: string[];
}

const BASKETS = [
  { column: "B", symbol: "HSTECH", title: "Hang Seng TECH" },
  { column: "C", symbol: "CN_AI_CHIPS", title: "China AI & chips" },
  // The total-return index, as the default benchmark: column D is what every spread compares with.
  { column: "D", symbol: "^XNDX", title: "Nasdaq-100 Total Return" },
];

const MEASURES: ModelRow[] = [
  {
    label: "Total return (USD)",
    formula: "=CNTECH.RETURN({s},$B$5,$B$6)",
    format: "0.00%",
    needs: ["RETURN"],
  },
  {
    label: "Spread vs Nasdaq-100 TR (bps)",
    formula: '=CNTECH.SPREAD.NASDAQ({s},$B$5,$B$6,,,"bps")',
    format: "#,##0.0",
    needs: ["SPREAD.NASDAQ"],
  },
  {
    label: "Return minus Nasdaq-100 TR (Excel arithmetic)",
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
    label: "Beta vs Nasdaq-100 TR",
    formula: "=CNTECH.BETA({s},$B$5,$B$6)",
    format: "0.00",
    needs: ["BETA"],
  },
  {
    label: "Correlation vs Nasdaq-100 TR",
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

const SCENARIO_ROWS: ModelRow[] = [
  {
    label: "Scenario return (linear factor model)",
    formula: "=CNTECH.SCENARIO.RETURN({s},CNTECH_SCENARIO)",
    format: "0.00%",
    needs: ["SCENARIO.RETURN"],
  },
  {
    label: "Scenario spread vs Nasdaq-100 TR",
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

export interface SampleModelOptions {
  readonly source: SourceInfo;
  /** CNTECH function names registered (upper case, no namespace); rows needing others are left out. */
  readonly available?: ReadonlySet<string>;
}

export interface SampleModel {
  readonly template: WorkbookTemplate;
  /** Model-sheet cell of the deliberate error example, e.g. "B24". */
  readonly errorExample?: string;
}

/** The sample model as a template. */
export function sampleModelTemplate(options: SampleModelOptions): SampleModel {
  const has = (needs: readonly string[]): boolean =>
    !options.available || needs.every((n) => options.available!.has(n.toUpperCase()));
  const model = new SheetBuilder("model", "Model");
  model.text("A1", "CNTech sample model: China tech vs the Nasdaq", { bold: true, fontSize: 14 });
  model.text("A2", templateSourceLine(options.source), { fontColor: "#9a3b00" });
  model.text("A4", "Window", { bold: true });
  model.text("A5", "Start").formula("B5", "=DATE(2025,1,2)", { numberFormat: "yyyy-mm-dd" });
  model.text("A6", "End").formula("B6", "=DATE(2025,6,30)", { numberFormat: "yyyy-mm-dd" });
  const header = { bold: true, fill: "#dbe9f7" };
  model.text("A8", "Measure", header);
  model.text("A9", "Basket / symbol", { fontColor: "#605e5c" });
  for (const b of BASKETS) {
    model.text(`${b.column}8`, b.title, header);
    model.text(`${b.column}9`, b.symbol, { fontColor: "#605e5c" });
  }

  let row = 10;
  const returnRow = row;
  const writeRows = (rows: readonly ModelRow[]): void => {
    for (const r of rows.filter((x) => has(x.needs))) {
      model.text(`A${row}`, r.label);
      for (const b of BASKETS) {
        const f = r.formula
          .replace("{s}", `${b.column}$9`)
          .replace("{r}", `${b.column}${returnRow}`)
          .replace("{rr}", String(returnRow));
        model.formula(`${b.column}${row}`, f, { numberFormat: r.format });
      }
      row++;
    }
  };
  writeRows(MEASURES);

  const scenario = SCENARIO_ROWS.filter((x) => has(x.needs));
  if (scenario.length > 0) {
    row++;
    model.text(
      `A${row}`,
      "Scenario (linked to CNTECH_SCENARIO on the Scenario sheet; move the pane's sliders)",
      { bold: true }
    );
    row++;
    writeRows(scenario);
  }

  row++;
  let errorExample: string | undefined;
  if (has(["RETURN"])) {
    model.text(`A${row}`, "Deliberate error example: unknown symbol", { italic: true });
    model.formula(`B${row}`, '=CNTECH.RETURN("NOSUCH",$B$5,$B$6)');
    errorExample = `B${row}`;
    row += 2;
  }
  if (has(["QUOTE"])) {
    model.text(`A${row}`, "Live quote: Tencent (streaming)");
    model.formula(`B${row}`, '=CNTECH.QUOTE("0700.HK")', { numberFormat: "#,##0.00" });
    row += 2;
  }

  const sheets = [model.build()];
  if (has(["SOURCE"]) || has(["BASKET"])) sheets.push(basketsSheet(has));
  if (has(["HISTORY"])) sheets.push(historySheet(options.source));
  return {
    template: {
      id: "sample-model",
      title: "Sample model",
      sheets,
      activate: "model",
      usesScenario: scenario.length > 0,
    },
    errorExample,
  };
}

/** Spilled reference tables: where the numbers come from, and what the China AI & chips basket holds. */
function basketsSheet(has: (needs: readonly string[]) => boolean) {
  const sheet = new SheetBuilder("baskets", "Baskets");
  let row = 1;
  if (has(["SOURCE"])) {
    sheet.text(
      `A${row}`,
      "Where the China AI & chips numbers come from (spilled by CNTECH.SOURCE)",
      {
        bold: true,
      }
    );
    sheet.formula(`A${row + 1}`, '=CNTECH.SOURCE("CN_AI_CHIPS")');
    row += 19;
  }
  if (has(["BASKET"])) {
    sheet.text(
      `A${row}`,
      "China AI & chips (CN_AI_CHIPS) constituents (spilled by CNTECH.BASKET)",
      {
        bold: true,
      }
    );
    sheet.formula(`A${row + 1}`, '=CNTECH.BASKET("CN_AI_CHIPS")');
    sheet.numberFormat(`C${row + 2}:C${row + 40}`, "0.00%");
  }
  return sheet.build();
}

/** Weekly closes of four symbols in US dollars, spilled by CNTECH.HISTORY. */
function historySheet(source: SourceInfo) {
  const sheet = new SheetBuilder("history", "History");
  sheet.text(
    "A1",
    "Weekly closes in USD (each close converted at that day's rate) of Tencent, SMIC, Nvidia and the Nasdaq-100, spilled by CNTECH.HISTORY. " +
      (isSynthetic(source) ? "Demo data (synthetic)." : `Data: ${source.name}.`)
  );
  sheet.formula(
    "A3",
    '=CNTECH.HISTORY({"0700.HK";"0981.HK";"NVDA";"^NDX"},{sheet:model}!B5,{sheet:model}!B6,"USD","weekly")'
  );
  sheet.numberFormat("A4:A60", "yyyy-mm-dd").numberFormat("B4:E60", "#,##0.00");
  return sheet.build();
}
