import * as React from "react";
import {
  Body1,
  Button,
  Caption1,
  Field,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  ProgressBar,
  Select,
  Subtitle2,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { PRESETS } from "../../core/scenario";
import { TemplateId, currentSource, useTemplates } from "./use-templates";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM },
  block: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS },
});

const HISTORICAL = PRESETS.filter((p) => p.kind === "historical" && p.window);

/** Templates tab: insert the sample model, an event study or the self-test into the workbook. */
export function TemplatesTab(): React.JSX.Element {
  const styles = useStyles();
  const { state, insert, dismiss } = useTemplates();
  const [preset, setPreset] = React.useState(HISTORICAL[0]?.id ?? "");
  const source = currentSource();
  const go = (id: TemplateId, replace?: boolean) => void insert(id, preset, replace);

  return (
    <section className={styles.root} aria-label="Templates">
      <Body1>
        Templates are written as new sheets with live CNTECH formulas on the current data source:{" "}
        <b>{source.name}</b>. Existing sheets are never replaced without asking.
      </Body1>
      <div className={styles.block}>
        <Subtitle2>Sample model</Subtitle2>
        <Caption1>
          China tech vs the Nasdaq: returns, spreads, risk, scenario rows, a live quote.
        </Caption1>
        <Button disabled={state.busy} onClick={() => go("sample-model")}>
          Insert sample model
        </Button>
      </div>
      <div className={styles.block}>
        <Subtitle2>Event study</Subtitle2>
        <Field label="Historical scenario">
          <Select value={preset} onChange={(_, d) => setPreset(d.value)}>
            {HISTORICAL.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </Select>
        </Field>
        <Button disabled={state.busy || !preset} onClick={() => go("event-study")}>
          Insert event study
        </Button>
      </div>
      <div className={styles.block}>
        <Subtitle2>Self-test</Subtitle2>
        <Caption1>
          One row per check with Excel computing PASS or FAIL; expected values are for the demo
          source.
        </Caption1>
        <Button disabled={state.busy} onClick={() => go("self-test")}>
          Insert self-test
        </Button>
      </div>
      {state.busy && <ProgressBar value={state.progress} aria-label="Inserting template" />}
      {state.conflict && (
        <MessageBar intent="warning">
          <MessageBarBody>
            The workbook already has {state.conflict.sheets.join(", ")}. Replace clears and rewrites
            them; Insert a copy writes new sheets beside them.
          </MessageBarBody>
          <MessageBarActions>
            <Button onClick={() => go(state.conflict!.id, true)}>Replace</Button>
            <Button onClick={() => go(state.conflict!.id, false)}>Insert a copy</Button>
            <Button onClick={dismiss}>Cancel</Button>
          </MessageBarActions>
        </MessageBar>
      )}
      {state.message && (
        <MessageBar intent={state.message.intent}>
          <MessageBarBody>{state.message.text}</MessageBarBody>
        </MessageBar>
      )}
    </section>
  );
}
