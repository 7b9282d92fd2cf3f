import * as React from "react";
import { Caption1, makeStyles, tokens } from "@fluentui/react-components";
import {
  defaultExposure,
  outOfSamplePrediction,
  presetLevels,
  scenarioReturn,
  ScenarioPreset,
} from "../../core/scenario";
import { formatPct } from "./view-model";

export const useCalibrationStyles = makeStyles({
  table: { borderCollapse: "collapse", fontVariantNumeric: "tabular-nums", width: "100%" },
  cell: { padding: "1px 4px", textAlign: "right", whiteSpace: "nowrap" },
  head: { padding: "1px 4px", textAlign: "left", fontWeight: tokens.fontWeightRegular },
  note: { color: tokens.colorNeutralForeground3 },
});

/** A historical preset's real moves beside the fitted model and its leave-one-out prediction. */
export function PresetCalibration({
  preset,
}: {
  preset: ScenarioPreset;
}): React.JSX.Element | null {
  const styles = useCalibrationStyles();
  if (preset.kind === "illustrative")
    return (
      <Caption1 className={styles.note}>
        Illustrative preset: judgement levels, not fitted to a real event.
      </Caption1>
    );
  if (!preset.figures?.length) return null;
  const levels = presetLevels(preset);
  return (
    <div>
      <table className={styles.table} aria-label={`${preset.name}: real vs model`}>
        <thead>
          <tr>
            <th className={styles.head} scope="col">
              Instrument
            </th>
            <th className={styles.cell} scope="col">
              Real
            </th>
            <th className={styles.cell} scope="col">
              Model
            </th>
            <th className={styles.cell} scope="col">
              Out of sample
            </th>
          </tr>
        </thead>
        <tbody>
          {preset.figures.map((f) => {
            const loo = outOfSamplePrediction(preset.id, f.symbol);
            return (
              <tr key={f.symbol}>
                <th className={styles.head} scope="row">
                  {f.label}
                </th>
                <td className={styles.cell}>{formatPct(f.move, 1)}</td>
                <td className={styles.cell}>
                  {formatPct(scenarioReturn(defaultExposure(f.symbol)!, levels), 1)}
                </td>
                <td className={styles.cell}>{loo === undefined ? "–" : formatPct(loo, 1)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <Caption1 className={styles.note}>
        Real: close-to-close over {preset.window?.start} → {preset.window?.end}, from public daily
        price files (docs/scenarios.md). Model: fitted exposures and levels. Out of sample: fitted
        without this event, from its stated levels.
      </Caption1>
    </div>
  );
}
