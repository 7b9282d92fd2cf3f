/**
 * "Event study" sheet for a historical scenario preset: over the preset's event window, each basket's
 * real return beside the benchmark's, the spread, and the scenario model's predicted move under the
 * preset's factor levels (written on the sheet, so the sliders' range is left alone), with the miss.
 */
import { FACTOR_IDS, ScenarioPreset, presetLevels } from "../../core/scenario";
import { DEFAULT_BENCHMARK } from "../../data/baskets";
import { SheetBuilder, WorkbookTemplate } from "./template-types";
import { SourceInfo, templateSourceLine } from "./source-line";

const ROWS = [
  { symbol: "HSTECH", label: "Hang Seng TECH (preset basket)" },
  { symbol: "CN_AI_CHIPS", label: "China AI & chips (preset basket)" },
  { symbol: "CN_INTERNET", label: "China internet (preset basket)" },
];
const BENCHMARK = DEFAULT_BENCHMARK;

/** The event-study sheet for a preset with an event window. */
export function eventStudyTemplate(preset: ScenarioPreset, source: SourceInfo): WorkbookTemplate {
  if (!preset.window) throw new Error(`${preset.name} has no event window to study`);
  const [sy, sm, sd] = preset.window.start.split("-").map(Number);
  const [ey, em, ed] = preset.window.end.split("-").map(Number);
  const s = new SheetBuilder("event", `Event ${preset.id}`.slice(0, 31));
  s.text("A1", `Event study: ${preset.name}`, { bold: true, fontSize: 14 });
  s.text("A2", templateSourceLine(source), { fontColor: "#9a3b00" });
  s.text("A3", preset.description);
  s.text("A5", "Window start").formula("B5", `=DATE(${sy},${sm},${sd})`, {
    numberFormat: "yyyy-mm-dd",
  });
  s.text("A6", "Window end").formula("B6", `=DATE(${ey},${em},${ed})`, {
    numberFormat: "yyyy-mm-dd",
  });
  s.text("A7", "Benchmark").text("B7", BENCHMARK);

  const head = { bold: true, fill: "#dbe9f7" };
  s.text("A9", "Basket", head).text("B9", "Symbol", head).text("C9", "Real return (USD)", head);
  s.text("D9", "Benchmark return", head).text("E9", "Real spread", head);
  s.text("F9", "Scenario spread (model)", head).text("G9", "Model minus real", head);
  ROWS.forEach((r, i) => {
    const row = 10 + i;
    s.text(`A${row}`, r.label).text(`B${row}`, r.symbol);
    s.formula(`C${row}`, `=CNTECH.RETURN(B${row},$B$5,$B$6)`, { numberFormat: "0.00%" });
    s.formula(`D${row}`, "=CNTECH.RETURN($B$7,$B$5,$B$6)", { numberFormat: "0.00%" });
    s.formula(`E${row}`, `=C${row}-D${row}`, { numberFormat: "0.00%" });
    s.formula(
      `F${row}`,
      `=CNTECH.SCENARIO.SPREAD(B${row},$I$11:$J$${10 + FACTOR_IDS.length},$B$7)`,
      {
        numberFormat: "0.00%",
      }
    );
    s.formula(`G${row}`, `=F${row}-E${row}`, { numberFormat: "0.00%" });
  });

  // The preset's factor levels, as a scenario range for the F column.
  const levels = presetLevels(preset);
  s.text("I9", "Preset factor levels", { bold: true });
  s.text("I10", "Factor", head).text("J10", "Level", head);
  FACTOR_IDS.forEach((id, j) => {
    s.text(`I${11 + j}`, id).number(`J${11 + j}`, levels[id]);
  });
  const notes = 11 + ROWS.length;
  s.text(
    `A${notes}`,
    "Real returns are close to close over the window, total return in USD. The scenario spread is the linear factor model's move under the preset's levels; the last column is its miss."
  );
  return { id: "event-study", title: "Event study", sheets: [s.build()], activate: "event" };
}
