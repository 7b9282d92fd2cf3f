import * as React from "react";
import { Caption1, makeStyles, tokens } from "@fluentui/react-components";
import { defaultExposure, presetLevels, scenarioReturn, ScenarioPreset } from "../../core/scenario";
import { formatPct } from "./view-model";

const useStyles = makeStyles({
  table: { borderCollapse: "collapse", fontVariantNumeric: "tabular-nums", width: "100%" },
  cell: { padding: "1px 4px", textAlign: "right" },
  head: { padding: "1px 4px", textAlign: "left", fontWeight: tokens.fontWeightRegular },
  note: { color: tokens.colorNeutralForeground3 },
});

/** A historical preset's documented moves beside what the default exposures imply for them. */
export function PresetCalibration({
  preset,
}: {
  preset: ScenarioPreset;
}): React.JSX.Element | null {
  const styles = useStyles();
  if (!preset.figures?.length) return null;
  const levels = presetLevels(preset);
  return (
    <div>
      <table className={styles.table} aria-label={`${preset.name}: documented vs model`}>
        <thead>
          <tr>
            <th className={styles.head} scope="col">
              Instrument
            </th>
            <th className={styles.cell} scope="col">
              Documented
            </th>
            <th className={styles.cell} scope="col">
              Model
            </th>
          </tr>
        </thead>
        <tbody>
          {preset.figures.map((f) => (
            <tr key={f.symbol}>
              <th className={styles.head} scope="row">
                {f.label}
              </th>
              <td className={styles.cell}>
                {formatPct(f.move, 2)}
                {f.toVerify ? "*" : ""}
              </td>
              <td className={styles.cell}>
                {formatPct(scenarioReturn(defaultExposure(f.symbol)!, levels), 1)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <Caption1 className={styles.note}>
        * From public reporting of the event, to verify against exchange data. Model: default
        exposures (docs/scenarios.md).
      </Caption1>
    </div>
  );
}
