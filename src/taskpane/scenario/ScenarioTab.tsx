import * as React from "react";
import {
  Body1,
  Button,
  Caption1,
  Field,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Select,
  Subtitle2,
  tokens,
} from "@fluentui/react-components";
import {
  defaultExposure,
  FACTORS,
  FactorId,
  findPreset,
  neutralScenario,
  PRESETS,
  presetLevels,
  ScenarioLevels,
} from "../../core/scenario";
import { DEFAULT_BENCHMARK, getPresetBasket, PRESET_BASKETS } from "../../data/baskets";
import { FactorSlider } from "./FactorSlider";
import { GprPanel } from "./GprPanel";
import { CalibrationErrors } from "./CalibrationErrors";
import { PresetCalibration } from "./PresetCalibration";
import { ScenarioResults } from "./ScenarioResults";
import { writeExposureTemplate } from "./scenario-workbook";
import { useScenarioWorkbook } from "./use-scenario-workbook";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: "12px", paddingBlock: "8px" },
  controls: { display: "flex", columnGap: "8px", alignItems: "end", flexWrap: "wrap" },
  sliders: { display: "flex", flexDirection: "column", rowGap: "10px" },
  status: { color: tokens.colorNeutralForeground3 },
});

const CUSTOM = "CUSTOM";
const BASKETS = Object.keys(PRESET_BASKETS).filter((b) => b !== "NDX");

/** The preset whose levels equal these, or CUSTOM. */
function matchingPreset(levels: ScenarioLevels): string {
  const hit = PRESETS.find((p) => {
    const l = presetLevels(p);
    return FACTORS.every((f) => l[f.id] === levels[f.id]);
  });
  return hit ? hit.id : CUSTOM;
}

/**
 * The Scenario tab: factor sliders, a preset picker and reset; every change is written (debounced)
 * to the CNTECH_SCENARIO named range so formulas linked to it recalculate, with or without the pane.
 */
export function ScenarioTab(): React.JSX.Element {
  const styles = useStyles();
  const [levels, setLevels] = React.useState<ScenarioLevels>(neutralScenario);
  const [basket, setBasket] = React.useState("HSTECH");
  const [exposureNote, setExposureNote] = React.useState("");
  const sync = useScenarioWorkbook(setLevels);
  const presetId = matchingPreset(levels);
  const preset = findPreset(presetId);

  const apply = (next: ScenarioLevels) => {
    setLevels(next);
    sync.queueWrite(next);
  };
  const setFactor = (id: FactorId, value: number) => apply({ ...levels, [id]: value });

  const writeExposures = async () => {
    const b = getPresetBasket(basket)!;
    const rows = [...b.constituents.map((c) => c.symbol), DEFAULT_BENCHMARK].map((symbol) => ({
      symbol,
      exposure: defaultExposure(symbol)!,
    }));
    try {
      const r = await writeExposureTemplate(rows);
      await sync.reload();
      setExposureNote(
        r.created
          ? `Wrote default exposures to CNTECH_EXPOSURES at ${r.address}: edit them there.`
          : `CNTECH_EXPOSURES already exists at ${r.address}; it was left as it is.`
      );
    } catch (e) {
      setExposureNote(`Could not write the exposures table: ${(e as Error).message}`);
    }
  };

  return (
    <section className={styles.root} aria-label="Scenario">
      <Body1>
        Move the geopolitical factors (−3 … +3, 0 = status quo). The levels live in the
        workbook&apos;s
        <b> CNTECH_SCENARIO</b> range; link formulas such as
        <code> =CNTECH.SCENARIO.SPREAD(&quot;HSTECH&quot;, CNTECH_SCENARIO)</code> to it.
      </Body1>
      <div className={styles.controls}>
        <Field label="Scenario preset">
          <Select
            value={presetId}
            onChange={(_, d) => {
              const p = findPreset(d.value);
              if (p) apply(presetLevels(p));
            }}
          >
            <option value={CUSTOM}>Custom</option>
            {PRESETS.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </Select>
        </Field>
        <Button onClick={() => apply(neutralScenario())}>Reset scenario</Button>
      </div>
      {preset && <Caption1>{preset.description}</Caption1>}
      {preset && <PresetCalibration preset={preset} />}
      {preset?.kind === "historical" && <CalibrationErrors />}
      <div className={styles.sliders}>
        {FACTORS.map((f) => (
          <FactorSlider
            key={f.id}
            factor={f}
            value={levels[f.id]}
            onChange={(v) => setFactor(f.id, v)}
          />
        ))}
      </div>
      <Caption1 className={styles.status} role="status">
        {sync.status}
      </Caption1>
      {sync.error && (
        <MessageBar intent="warning">
          <MessageBarBody>{sync.status}</MessageBarBody>
        </MessageBar>
      )}
      <Subtitle2 as="h2">Effect on a basket</Subtitle2>
      <div className={styles.controls}>
        <Field label="Basket">
          <Select value={basket} onChange={(_, d) => setBasket(d.value)}>
            {BASKETS.map((b) => (
              <option key={b} value={b}>
                {b}
              </option>
            ))}
          </Select>
        </Field>
        <Button onClick={() => void sync.reload()}>Reload from workbook</Button>
        <Button onClick={() => void writeExposures()}>Write exposures table</Button>
      </div>
      {exposureNote && <Caption1>{exposureNote}</Caption1>}
      <ScenarioResults
        basket={basket}
        levels={levels}
        exposures={sync.exposures}
        exposuresError={sync.exposuresError}
      />
      <Subtitle2 as="h2">GPR context (optional)</Subtitle2>
      <GprPanel onApply={apply} />
    </section>
  );
}
