import * as React from "react";
import {
  Body1,
  Button,
  Caption1,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Select,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { ProviderId } from "../../data/configure";
import { userDataReport } from "../../data/csv/csv-source";
import { getMarketData } from "../../data/market-data";
import { sourceNote } from "../../data/source-labels";
import { readFilesAsText } from "../import/read-files";
import { describeRecalc } from "../refresh/refresh-data";
import { PROVIDERS, SettingsForm, SettingsService } from "./settings-service";
import { formatSize, KEPT_FILES_LIMIT_BYTES, KeptFile } from "./kept-files";

/** What the CSV field says about the files kept from the last save. */
function keptHint(kept: readonly KeptFile[] | undefined): string {
  const limit = `Files up to ${formatSize(KEPT_FILES_LIMIT_BYTES)} in all are kept between sessions.`;
  if (!kept?.length) return ` ${limit}`;
  const list = kept.map((f) => `${f.name} (${formatSize(f.size)})`).join(", ");
  return kept.every((f) => typeof f.text === "string")
    ? ` Kept from the last save: ${list} (used when no file is chosen).`
    : ` Last chosen: ${list}, not kept (over the limit): choose them again. ${limit}`;
}

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  row: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
});

export interface SettingsTabProps {
  readonly service: SettingsService;
  /** Where keys are kept, for the note under the key field. */
  readonly storeKind: string;
}

type Notice =
  | { intent: "success" | "error" | "info" | "warning"; text: string; details?: string[] }
  | undefined;

/** Provider, API key (masked once saved), connection test and cache controls. */
export function SettingsTab({ service, storeKind }: SettingsTabProps): React.JSX.Element {
  const styles = useStyles();
  // Unknown until the saved settings are read: the form is not shown before, so a quick Save
  // can never write the default provider over the saved one.
  const [provider, setProvider] = React.useState<ProviderId | undefined>();
  const [keyInput, setKeyInput] = React.useState("");
  const [keyHint, setKeyHint] = React.useState<string | undefined>();
  const [proxyInput, setProxyInput] = React.useState("");
  const [kept, setKept] = React.useState<KeptFile[] | undefined>();
  const [files, setFiles] = React.useState<FileList | null>(null);
  const [notice, setNotice] = React.useState<Notice>();
  const [cacheSize, setCacheSize] = React.useState(() => service.cacheSize());
  const [busy, setBusy] = React.useState(false);
  const needsKey = PROVIDERS.find((p) => p.id === provider)?.needsKey ?? false;

  React.useEffect(() => {
    let live = true;
    service.load().then(
      (s) => live && setProvider(s.provider),
      (e: Error) => {
        if (!live) return;
        setProvider("demo");
        setNotice({
          intent: "error",
          text: `The saved settings could not be read (${e.message}); the form shows the demo.`,
        });
      }
    );
    return () => {
      live = false;
    };
  }, [service]);

  React.useEffect(() => {
    if (provider === undefined) return;
    let live = true;
    // An unreadable store shows empty fields; the load above already said why.
    const ignore = (): undefined => undefined;
    service.keyHint(provider).then((h) => live && setKeyHint(h), ignore);
    service.proxyUrl(provider).then((u) => live && setProxyInput(u), ignore);
    service.keptFiles().then((k) => live && setKept(k), ignore);
    return () => {
      live = false;
    };
  }, [service, provider]);

  if (provider === undefined) {
    return (
      <section className={styles.root} aria-label="Settings">
        <Body1 role="status">Reading the saved settings…</Body1>
      </section>
    );
  }

  const form = async (): Promise<SettingsForm> => ({
    provider,
    key: keyInput,
    proxyBaseUrl: proxyInput,
    csvFiles: provider === "csv" ? await readFilesAsText(files) : undefined,
  });

  const save = async (): Promise<void> => {
    setBusy(true);
    try {
      const { service: md, refresh, filesKept } = await service.save(await form());
      if (filesKept) setKept(await service.keptFiles());
      const keptNote = !filesKept
        ? ""
        : filesKept.kept
          ? ` The files (${formatSize(filesKept.bytes)}) are kept for the next session.`
          : ` The files are not kept for the next session (${filesKept.reason}): after a reload, choose them again.`;
      setKeyInput("");
      setKeyHint(await service.keyHint(provider));
      setCacheSize(service.cacheSize());
      // Rows of the files merged, repaired or left out: said here and in CNTECH.SOURCE's Notes.
      const report = userDataReport(md.provider);
      setNotice({
        intent: report.length > 0 ? "warning" : refresh.method ? "success" : "info",
        text:
          `Saved. Formulas and imports now use this data source. ${describeRecalc(refresh)}` +
          keptNote +
          (report.length > 0
            ? " Some rows of the files were merged, repaired or left out (also in CNTECH.SOURCE's Notes column):"
            : ""),
        details: report,
      });
    } catch (e) {
      setNotice({ intent: "error", text: (e as Error).message });
    } finally {
      setBusy(false);
    }
  };

  const test = async (): Promise<void> => {
    setBusy(true);
    setNotice({ intent: "info", text: "Testing the connection…" });
    const r = await service.testConnection(await form());
    setNotice({ intent: r.ok ? "success" : "error", text: r.message });
    setCacheSize(service.cacheSize());
    setBusy(false);
  };

  const clearCache = async (): Promise<void> => {
    setBusy(true);
    try {
      const saved = await service.clearCache();
      const what = saved > 0 ? `Cache cleared, including ${saved} saved series.` : "Cache cleared.";
      setNotice({ intent: "info", text: `${what} Data is fetched again when next needed.` });
    } catch (e) {
      setNotice({
        intent: "error",
        text: `The memory cache was cleared, but saved copies could not be removed: ${(e as Error).message}`,
      });
    } finally {
      setCacheSize(service.cacheSize());
      setBusy(false);
    }
  };

  const removeKey = async (): Promise<void> => {
    await service.removeKey(provider);
    setKeyHint(undefined);
    setNotice({ intent: "info", text: "The saved key was removed." });
  };

  return (
    <section className={styles.root} aria-label="Settings">
      <Field label="Data provider">
        <Select value={provider} onChange={(_, d) => setProvider(d.value as ProviderId)}>
          {PROVIDERS.map((p) => (
            <option key={p.id} value={p.id}>
              {p.label}
            </option>
          ))}
        </Select>
      </Field>
      {needsKey && (
        <Field
          label="API key"
          hint={
            keyHint
              ? `Saved key: ${keyHint}. Type a new key to replace it. Kept in ${storeKind}, never in the workbook.`
              : `Kept in ${storeKind}, never in the workbook, never shown again in full.`
          }
        >
          <Input
            type="password"
            autoComplete="off"
            value={keyInput}
            onChange={(_, d) => setKeyInput(d.value)}
          />
        </Field>
      )}
      {needsKey && (
        <Field
          label="Proxy base URL"
          hint="Optional: your organisation's gateway to this provider (https only; it may add the key). Kept with the key, never in the workbook."
        >
          <Input
            type="url"
            autoComplete="off"
            placeholder="https://"
            value={proxyInput}
            onChange={(_, d) => setProxyInput(d.value)}
          />
        </Field>
      )}
      {provider === "csv" && (
        <Field
          label="CSV files"
          hint={`One file per symbol (Date, Close[, Adj Close]) or one long/wide table.${keptHint(kept)}`}
        >
          <input
            type="file"
            aria-label="CSV files"
            accept=".csv,.txt,.tsv"
            multiple
            onChange={(e) => setFiles(e.target.files)}
          />
        </Field>
      )}
      <div className={styles.row}>
        <Button appearance="primary" onClick={save} disabled={busy}>
          Save settings
        </Button>
        <Button onClick={test} disabled={busy}>
          Test connection
        </Button>
        {needsKey && keyHint && <Button onClick={removeKey}>Remove saved key</Button>}
      </div>
      {notice && (
        <MessageBar intent={notice.intent} role="status" aria-label="Settings message">
          <MessageBarBody>
            {notice.text}
            {notice.details && notice.details.length > 0 && (
              <ul aria-label="Rows merged, repaired or left out">
                {notice.details.map((d) => (
                  <li key={d}>{d}</li>
                ))}
              </ul>
            )}
          </MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.row}>
        <Body1 aria-live="polite">Cached series: {cacheSize}</Body1>
        <Button onClick={clearCache} disabled={busy}>
          Clear cache
        </Button>
      </div>
      <Caption1>{sourceNote(getMarketData().providerName)}</Caption1>
    </section>
  );
}
