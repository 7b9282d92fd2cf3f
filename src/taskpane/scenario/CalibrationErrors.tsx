import * as React from "react";
import { Caption1 } from "@fluentui/react-components";
import { CALIBRATION_REPORT, findPreset } from "../../core/scenario";
import { useCalibrationStyles } from "./PresetCalibration";

const pp = (x: number) => (100 * x).toFixed(1);

/** Per-event errors of the fit on real returns: in sample and leave one event out (RMS, pp). */
export function CalibrationErrors(): React.JSX.Element {
  const styles = useCalibrationStyles();
  const { events, meanAbs } = CALIBRATION_REPORT;
  return (
    <div>
      <table className={styles.table} aria-label="Calibration errors by event">
        <thead>
          <tr>
            <th className={styles.head} scope="col">
              Event
            </th>
            <th className={styles.cell} scope="col">
              In sample
            </th>
            <th className={styles.cell} scope="col">
              Left out
            </th>
          </tr>
        </thead>
        <tbody>
          {events.map((e) => (
            <tr key={e.event}>
              <th className={styles.head} scope="row">
                {findPreset(e.event)?.name ?? e.event}
              </th>
              <td className={styles.cell}>{pp(e.inSample.rmse)}</td>
              <td className={styles.cell}>{pp(e.outOfSample.rmse)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <Caption1 className={styles.note}>
        RMS error in percentage points over each event&apos;s {events[0]?.count} instruments. Mean
        absolute error: {pp(meanAbs.inSample)} pp in sample, {pp(meanAbs.outOfSample)} pp leaving
        each event out ({pp(meanAbs.before)} pp for the exposures before the fit).
      </Caption1>
    </div>
  );
}
