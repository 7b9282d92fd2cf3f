import * as React from "react";
import {
  Button,
  Checkbox,
  Field,
  Input,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  ProgressBar,
  Radio,
  RadioGroup,
  Select,
  Textarea,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { PRESET_BASKETS } from "../../data/baskets";
import { presetHint } from "./preset-hint";
import { readSelectionAsList } from "../workbook/selection";
import { readFilesAsText } from "./read-files";
import { ImportFormState, initialFormState } from "./import-form";
import { ApiKeyLookup, ImportController, useImport } from "./use-import";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  row: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap", alignItems: "end" },
  controls: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  running: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    position: "sticky",
    bottom: 0,
    zIndex: 1,
    paddingBlock: tokens.spacingVerticalS,
    backgroundColor: tokens.colorNeutralBackground1,
  },
});

export interface ImportTabProps {
  /** Injected in tests; defaults to the real controller. */
  readonly controller?: ImportController;
  /** Name of the data source configured in Settings, for the "as in Settings" choice. */
  readonly settingsSourceName?: string;
  /** The saved API key of a provider, for importing from it (see SettingsService.apiKeyFor). */
  readonly apiKeyFor?: ApiKeyLookup;
}

/** Import tab: basket, benchmark, window, frequency, field, currency, source; progress and Cancel. */
export function ImportTab(props: ImportTabProps): React.JSX.Element {
  const styles = useStyles();
  const own = useImport(undefined, props.apiKeyFor);
  const ctl = props.controller ?? own;
  const [form, setForm] = React.useState<ImportFormState>(initialFormState);
  const [csvFiles, setCsvFiles] = React.useState<{ name: string; text: string }[]>([]);
  const [selectionError, setSelectionError] = React.useState<string | undefined>();
  const set = <K extends keyof ImportFormState>(key: K, value: ImportFormState[K]): void =>
    setForm((f) => ({ ...f, [key]: value }));
  const running = ctl.phase === "running";
  const err = ctl.errors;

  const useSelection = async (): Promise<void> => {
    try {
      const text = await readSelectionAsList();
      setForm((f) => ({ ...f, basketMode: "custom", customText: text }));
      setSelectionError(undefined);
    } catch (e) {
      setSelectionError((e as Error).message);
    }
  };

  const submit = (e: React.FormEvent): void => {
    e.preventDefault();
    void ctl.start(form, csvFiles);
  };

  return (
    <form className={styles.root} onSubmit={submit} aria-label="Import basket history" noValidate>
      <Field label="Basket">
        <RadioGroup
          layout="horizontal"
          value={form.basketMode}
          onChange={(_, d) => set("basketMode", d.value as ImportFormState["basketMode"])}
        >
          <Radio value="preset" label="Preset" />
          <Radio value="custom" label="Custom list" />
        </RadioGroup>
      </Field>
      {form.basketMode === "preset" ? (
        <Field label="Preset basket" hint={presetHint(form.preset)} validationMessage={err.basket}>
          <Select value={form.preset} onChange={(_, d) => set("preset", d.value)}>
            {Object.values(PRESET_BASKETS).map((b) => (
              <option key={b.name} value={b.name}>
                {b.name} ({b.constituents.length})
              </option>
            ))}
          </Select>
        </Field>
      ) : (
        <Field
          label="Symbols"
          hint="One per line, e.g. 0700.HK or NVDA; add a weight after a symbol to weight the basket, and from / to dates for when it is a member, e.g. 9660.HK 1 from 2024-10-24."
          validationMessage={err.basket}
        >
          <Textarea
            value={form.customText}
            resize="vertical"
            onChange={(_, d) => set("customText", d.value)}
          />
        </Field>
      )}
      <div className={styles.row}>
        <Button type="button" onClick={useSelection} disabled={running}>
          Use selected range
        </Button>
      </div>
      {selectionError && (
        <MessageBar intent="warning">
          <MessageBarBody>{selectionError}</MessageBarBody>
        </MessageBar>
      )}
      <Field
        label="Benchmark"
        hint="Default ^XNDX, the Nasdaq-100 Total Return index: dividends reinvested, like the basket. ^NDX is the price index."
        validationMessage={err.benchmark}
      >
        <Input value={form.benchmark} onChange={(_, d) => set("benchmark", d.value)} />
      </Field>
      <Field label="Date range">
        <Select
          value={form.range}
          onChange={(_, d) => set("range", d.value as ImportFormState["range"])}
        >
          <option value="YTD">Year to date</option>
          <option value="1Y">1 year</option>
          <option value="3Y">3 years</option>
          <option value="custom">Custom dates</option>
        </Select>
      </Field>
      {form.range === "custom" && (
        <div className={styles.row}>
          <Field label="Start date" hint="YYYY-MM-DD" validationMessage={err.start}>
            <Input value={form.customStart} onChange={(_, d) => set("customStart", d.value)} />
          </Field>
          <Field label="End date" hint="YYYY-MM-DD" validationMessage={err.end}>
            <Input value={form.customEnd} onChange={(_, d) => set("customEnd", d.value)} />
          </Field>
        </div>
      )}
      <div className={styles.row}>
        <Field label="Frequency">
          <Select
            value={form.frequency}
            onChange={(_, d) => set("frequency", d.value as ImportFormState["frequency"])}
          >
            <option value="daily">Daily</option>
            <option value="weekly">Weekly</option>
            <option value="monthly">Monthly</option>
          </Select>
        </Field>
        <Field label="Price field">
          <Select
            value={form.field}
            onChange={(_, d) => set("field", d.value as ImportFormState["field"])}
          >
            <option value="adjclose">Adjusted close (total return)</option>
            <option value="close">Close (price return)</option>
          </Select>
        </Field>
        <Field label="Reporting currency">
          <Select
            value={form.currency}
            onChange={(_, d) => set("currency", d.value as ImportFormState["currency"])}
          >
            <option value="USD">USD</option>
            <option value="HKD">HKD</option>
            <option value="CNY">CNY</option>
          </Select>
        </Field>
      </div>
      <Field label="Data source">
        <Select
          value={form.source}
          onChange={(_, d) => set("source", d.value as ImportFormState["source"])}
        >
          <option value="settings">
            As in Settings ({props.settingsSourceName ?? "current provider"})
          </option>
          <option value="demo">Demo (synthetic)</option>
          <option value="fmp">Financial Modeling Prep (key from Settings)</option>
          <option value="eodhd">EODHD (key from Settings)</option>
          <option value="csv">CSV file</option>
          <option value="stockhistory">Excel STOCKHISTORY (Microsoft 365)</option>
        </Select>
      </Field>
      {form.source === "csv" && (
        <Field label="CSV files for this import">
          <input
            type="file"
            aria-label="CSV files for this import"
            accept=".csv,.txt,.tsv"
            multiple
            onChange={async (e) => setCsvFiles(await readFilesAsText(e.target.files))}
          />
        </Field>
      )}
      <Checkbox
        checked={form.liveFormulas}
        onChange={(_, d) => set("liveFormulas", !!d.checked)}
        label="Write the summary as live CNTECH formulas"
      />
      <Checkbox
        checked={form.replaceExisting}
        onChange={(_, d) => set("replaceExisting", !!d.checked)}
        label="Replace existing CNTech sheets of the same name (asks first)"
      />
      {/* While running, the buttons and progress stay in view at the bottom of a scrolled pane. */}
      <div className={running ? styles.running : styles.controls}>
        <div className={styles.row}>
          <Button type="submit" appearance="primary" disabled={running || ctl.phase === "confirm"}>
            Import
          </Button>
          {running && (
            <Button type="button" onClick={ctl.cancel}>
              Cancel import
            </Button>
          )}
        </div>
        {running && ctl.progress && (
          <Field label={ctl.progress.message} validationState="none">
            <ProgressBar
              aria-label="Import progress"
              value={ctl.progress.total > 0 ? ctl.progress.done / ctl.progress.total : 0}
            />
          </Field>
        )}
      </div>
      {ctl.phase === "confirm" && (
        <MessageBar intent="warning" role="alert">
          <MessageBarBody>
            These sheets already hold data: {ctl.confirmSheets.join(", ")}. Replace them? Their
            contents will be lost.
          </MessageBarBody>
          <MessageBarActions>
            <Button type="button" onClick={() => void ctl.start(form, csvFiles, true)}>
              Replace sheets
            </Button>
            <Button type="button" onClick={ctl.dismissConfirm}>
              Keep them
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}
      <div role="status" aria-live="polite" aria-label="Import result">
        {ctl.outcome && (
          <MessageBar
            intent={
              ctl.outcome.status === "done"
                ? ctl.outcome.warnings.length
                  ? "warning"
                  : "success"
                : ctl.outcome.status === "cancelled"
                  ? "info"
                  : "error"
            }
          >
            <MessageBarBody>
              {ctl.outcome.message}
              {ctl.outcome.warnings.length > 0 && (
                <ul>
                  {ctl.outcome.warnings.map((w) => (
                    <li key={w}>{w}</li>
                  ))}
                </ul>
              )}
            </MessageBarBody>
          </MessageBar>
        )}
      </div>
    </form>
  );
}
