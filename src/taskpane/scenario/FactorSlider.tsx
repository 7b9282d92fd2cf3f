import * as React from "react";
import { Caption1, Label, makeStyles, Slider, tokens } from "@fluentui/react-components";
import { FACTOR_MAX, FACTOR_MIN, FactorDefinition, levelName } from "../../core/scenario";
import { formatLevel } from "./view-model";

const useStyles = makeStyles({
  row: { display: "grid", gridTemplateColumns: "1fr auto", alignItems: "center", columnGap: "8px" },
  value: { fontVariantNumeric: "tabular-nums", color: tokens.colorNeutralForeground2 },
  slider: { gridColumn: "1 / span 2", width: "100%" },
  meaning: { gridColumn: "1 / span 2", color: tokens.colorNeutralForeground3 },
});

export interface FactorSliderProps {
  readonly factor: FactorDefinition;
  readonly value: number;
  readonly onChange: (value: number) => void;
}

/** One factor: its label (the slider's accessible name), the live level and its named meaning. */
export function FactorSlider({ factor, value, onChange }: FactorSliderProps): React.JSX.Element {
  const styles = useStyles();
  const id = `scenario-slider-${factor.id}`;
  const named = levelName(factor.id, value);
  return (
    <div className={styles.row}>
      <Label htmlFor={id} title={factor.meaning}>
        {factor.label}
      </Label>
      <span className={styles.value} data-testid={`${id}-value`} aria-hidden="true">
        {formatLevel(value)} · {named}
      </span>
      <Slider
        id={id}
        className={styles.slider}
        min={FACTOR_MIN}
        max={FACTOR_MAX}
        step={0.25}
        value={value}
        aria-valuetext={`${formatLevel(value)}, ${named}`}
        onChange={(_, data) => onChange(data.value)}
      />
      <Caption1 className={styles.meaning}>{factor.meaning}</Caption1>
    </div>
  );
}
