import * as React from "react";
import { Button, Caption1, Field, Input, Label, makeStyles } from "@fluentui/react-components";
import { dayFromIso } from "../../core/dates";
import { gprScenario, parseGprCsv, ScenarioLevels } from "../../core/scenario";

const useStyles = makeStyles({
  row: { display: "flex", columnGap: "8px", rowGap: "4px", flexWrap: "wrap", alignItems: "end" },
  month: { width: "9.5em" },
  file: { display: "flex", flexDirection: "column", rowGap: "2px" },
});

/**
 * GPR context: load the Caldara–Iacoviello index as CSV, pick two months, and set the sliders to the
 * levels the GPR move implies (docs/scenarios.md, section 5). Nothing is uploaded anywhere.
 */
export function GprPanel({
  onApply,
}: {
  onApply: (levels: ScenarioLevels) => void;
}): React.JSX.Element {
  const styles = useStyles();
  const [text, setText] = React.useState<string | undefined>(undefined);
  const [column, setColumn] = React.useState("GPR");
  const [from, setFrom] = React.useState("");
  const [to, setTo] = React.useState("");
  const [note, setNote] = React.useState("No GPR file loaded.");

  const load = async (file: File | undefined) => {
    if (!file) return;
    setText(await file.text());
    setNote(`Loaded ${file.name}. Pick two months and apply.`);
  };

  const apply = () => {
    try {
      if (!text) throw new Error("load a GPR CSV file first");
      const series = parseGprCsv(text, column);
      const g = gprScenario(series, dayFromIso(`${from}-01`), dayFromIso(`${to}-01`));
      onApply(g.levels);
      setNote(
        `${series.column} ${g.from.toFixed(1)} → ${g.to.toFixed(1)}: a ${g.z.toFixed(2)} σ move; sliders set to the implied levels.`
      );
    } catch (e) {
      setNote(`Cannot apply the GPR move: ${e instanceof Error ? e.message : String(e)}`);
    }
  };

  return (
    <div>
      <div className={styles.row}>
        <div className={styles.file}>
          <Label htmlFor="cntech-gpr-file">GPR CSV file</Label>
          <input
            id="cntech-gpr-file"
            type="file"
            accept=".csv,text/csv"
            onChange={(e) => void load(e.target.files?.[0])}
          />
        </div>
        <Field label="GPR column">
          <Input value={column} onChange={(_, d) => setColumn(d.value)} className={styles.month} />
        </Field>
        <Field label="From month">
          <Input
            type="month"
            value={from}
            onChange={(_, d) => setFrom(d.value)}
            className={styles.month}
          />
        </Field>
        <Field label="To month">
          <Input
            type="month"
            value={to}
            onChange={(_, d) => setTo(d.value)}
            className={styles.month}
          />
        </Field>
        <Button onClick={apply}>Apply GPR move</Button>
      </div>
      <Caption1 role="status">{note}</Caption1>
    </div>
  );
}
