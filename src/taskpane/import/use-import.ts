/**
 * The Import tab's controller: validates, resolves the data source, runs the import with progress and
 * Cancel, and handles the replace-sheets confirmation. React state only; the work is in ../workbook.
 */
import * as React from "react";
import { dayFromYmd } from "../../core/dates";
import { detectPersistentStore } from "../../data/cache/persistent-store";
import { createProvider } from "../../data/configure";
import { createCsvSource, userDataReport } from "../../data/csv/csv-source";
import { getMarketData, MarketData } from "../../data/market-data";
import {
  ImportOutcome,
  ImportProgress,
  ImportRequest,
  OverwriteNeedsConfirmation,
} from "../workbook/import-types";
import { FormErrors, ImportFormState, SourceChoice, validateImportForm } from "./import-form";

export type ImportPhase = "idle" | "running" | "confirm";

export function todayDay(): number {
  const d = new Date();
  return dayFromYmd(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

/** Gives the saved API key of a provider to build it; the key is never rendered or logged. */
export type ApiKeyLookup = (provider: "fmp" | "eodhd") => Promise<string | undefined>;

const MAX_PROBLEMS_SHOWN = 10;

const PROVIDER_NAMES = { fmp: "Financial Modeling Prep", eodhd: "EODHD" } as const;

/** The market data an import uses for its source choice, and the warnings to show with its result. */
export async function marketDataFor(
  source: SourceChoice,
  request: ImportRequest,
  csvFiles: { name: string; text: string }[],
  signal: AbortSignal,
  apiKeyFor: ApiKeyLookup
): Promise<{ marketData: MarketData; warnings: string[] }> {
  switch (source) {
    case "fmp":
    case "eodhd": {
      const current = getMarketData();
      if (current.provider.id === source) return { marketData: current, warnings: [] };
      const apiKey = await apiKeyFor(source);
      if (!apiKey)
        throw new Error(
          `No ${PROVIDER_NAMES[source]} API key is saved. Add it in the Settings tab, or pick another data source.`
        );
      return {
        marketData: new MarketData(createProvider({ provider: source, apiKey }), {
          store: detectPersistentStore(),
        }),
        warnings: [],
      };
    }
    case "demo":
      return { marketData: new MarketData(createProvider({ provider: "demo" })), warnings: [] };
    case "csv":
      if (csvFiles.length === 0) throw new Error("Choose one or more CSV files for this import.");
      {
        const source = createCsvSource(csvFiles);
        // Rows merged, repaired or left out are reported, never silently dropped.
        return {
          marketData: new MarketData(source),
          warnings: userDataReport(source, MAX_PROBLEMS_SHOWN),
        };
      }
    case "stockhistory": {
      const { loadViaStockHistory } = await import(
        /* webpackChunkName: "import-runner" */ "../workbook/stockhistory"
      );
      return loadViaStockHistory(
        [...request.basket.symbols, request.benchmark],
        request.start,
        request.end,
        request.currency,
        { signal }
      );
    }
    default:
      return { marketData: getMarketData(), warnings: [] };
  }
}

/**
 * Live =CNTECH formulas run on the Settings source. When the import reads another source, formulas
 * would disagree with the values and the header beside them, so the summary is written as values
 * with a note saying why (the user can switch Settings to that source and import again).
 */
export function liveFormulasFollowSource(
  request: ImportRequest,
  importData: MarketData,
  settingsData: MarketData
): { request: ImportRequest; warnings: string[] } {
  if (!request.liveFormulas || importData === settingsData) return { request, warnings: [] };
  const note = `written as values: live CNTECH formulas use the Settings source (${settingsData.providerName}), not this import's (${importData.providerName}); choose this source in Settings and import again for live formulas`;
  return {
    request: { ...request, liveFormulas: false, valuesNote: note },
    warnings: [`The summary was ${note}.`],
  };
}

export interface ImportController {
  phase: ImportPhase;
  errors: FormErrors;
  progress?: ImportProgress;
  outcome?: ImportOutcome;
  /** Sheets awaiting the user's OK to be replaced. */
  confirmSheets: readonly string[];
  start(
    form: ImportFormState,
    csvFiles: { name: string; text: string }[],
    confirmReplace?: boolean
  ): Promise<void>;
  cancel(): void;
  dismissConfirm(): void;
}

const noKeys: ApiKeyLookup = async () => undefined;

export function useImport(
  today: () => number = todayDay,
  apiKeyFor: ApiKeyLookup = noKeys
): ImportController {
  const [phase, setPhase] = React.useState<ImportPhase>("idle");
  const [errors, setErrors] = React.useState<FormErrors>({});
  const [progress, setProgress] = React.useState<ImportProgress | undefined>();
  const [outcome, setOutcome] = React.useState<ImportOutcome | undefined>();
  const [confirmSheets, setConfirmSheets] = React.useState<readonly string[]>([]);
  const controller = React.useRef<AbortController | undefined>(undefined);

  const start = React.useCallback(
    async (
      form: ImportFormState,
      csvFiles: { name: string; text: string }[],
      confirmReplace = false
    ) => {
      const { request, errors: found } = validateImportForm(form, today());
      setErrors(found);
      setOutcome(undefined);
      if (!request) return;
      const abort = new AbortController();
      controller.current = abort;
      setPhase("running");
      setConfirmSheets([]);
      setProgress({ phase: "fetch", done: 0, total: 1, message: "Starting…" });
      try {
        const { marketData, warnings } = await marketDataFor(
          form.source,
          request,
          csvFiles,
          abort.signal,
          apiKeyFor
        );
        const follow = liveFormulasFollowSource(request, marketData, getMarketData());
        // The import's workbook code is its own chunk: the pane's first paint does not need it.
        const { runImport } = await import(
          /* webpackChunkName: "import-runner" */ "../workbook/import-runner"
        );
        const result = await runImport(
          { ...follow.request, confirmReplace },
          { signal: abort.signal, onProgress: setProgress },
          { marketData }
        );
        setOutcome({
          ...result,
          warnings: [...warnings, ...follow.warnings, ...result.warnings],
        });
        setPhase("idle");
      } catch (e) {
        if (e instanceof OverwriteNeedsConfirmation) {
          setConfirmSheets(e.sheets);
          setPhase("confirm");
          return;
        }
        setOutcome({
          status: "failed",
          sheets: [],
          rowsWritten: 0,
          message: `Import failed: ${(e as Error).message}`,
          warnings: [],
        });
        setPhase("idle");
      } finally {
        setProgress(undefined);
        controller.current = undefined;
      }
    },
    [today, apiKeyFor]
  );

  return {
    phase,
    errors,
    progress,
    outcome,
    confirmSheets,
    start,
    cancel: () => controller.current?.abort(),
    dismissConfirm: () => {
      setConfirmSheets([]);
      setPhase("idle");
    },
  };
}
