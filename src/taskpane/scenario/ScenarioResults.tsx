import * as React from "react";
import {
  Caption1,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Subtitle2,
  tokens,
} from "@fluentui/react-components";
import { ExposureTable, ScenarioLevels } from "../../core/scenario";
import { benchmarkLabel } from "../../data/measured-as";
import { ConstituentBars, SpreadHistogram } from "./ScenarioCharts";
import {
  computeScenarioView,
  formatLoss,
  formatPct,
  PANE_MC,
  ScenarioView,
  viewSymbols,
} from "./view-model";
import { useHistoryVols } from "./use-history-vols";

const useStyles = makeStyles({
  grid: {
    display: "grid",
    gridTemplateColumns: "1fr auto",
    columnGap: "12px",
    rowGap: "2px",
    fontVariantNumeric: "tabular-nums",
  },
  value: { margin: 0, textAlign: "right", whiteSpace: "nowrap" },
  note: { color: tokens.colorNeutralForeground3 },
});

export interface ScenarioResultsProps {
  readonly basket: string;
  readonly levels: ScenarioLevels;
  readonly exposures?: ExposureTable;
  /** A broken CNTECH_EXPOSURES table: shown instead of numbers (never silently replaced by defaults). */
  readonly exposuresError?: string;
}

/** Numbers and pictures for the current scenario; recomputed (deferred) as sliders move. */
export function ScenarioResults({
  basket,
  levels,
  exposures,
  exposuresError,
}: ScenarioResultsProps): React.JSX.Element {
  const styles = useStyles();
  const deferred = React.useDeferredValue(levels);
  const symbols = React.useMemo(() => viewSymbols(basket), [basket]);
  const history = useHistoryVols(symbols);
  const result = React.useMemo((): { view?: ScenarioView; error?: string } => {
    if (exposuresError) return { error: exposuresError };
    try {
      return { view: computeScenarioView(basket, deferred, exposures, history?.vols) };
    } catch (e) {
      return { error: e instanceof Error ? e.message : String(e) };
    }
  }, [basket, deferred, exposures, exposuresError, history]);

  if (!result.view)
    return (
      <MessageBar intent="error">
        <MessageBarBody>Cannot evaluate the scenario: {result.error}</MessageBarBody>
      </MessageBar>
    );
  const v = result.view;
  const volNote = history
    ? `from one year of ${history.source} history` +
      (history.missing ? ` (${history.missing} symbols: segment defaults)` : "")
    : "from segment defaults while history loads";
  return (
    <>
      <dl className={styles.grid} aria-label="Scenario results">
        <dt>{v.basketLabel} (linear)</dt>
        <dd className={styles.value} data-testid="scenario-basket">
          {formatPct(v.basket)}
        </dd>
        <dt>{benchmarkLabel(v.benchmark)}</dt>
        <dd className={styles.value} data-testid="scenario-benchmark">
          {formatPct(v.benchmarkReturn)}
        </dd>
        <dt>Spread</dt>
        <dd className={styles.value} data-testid="scenario-spread">
          {formatPct(v.spread)}
        </dd>
        <dt>Spread 5th–95th pct</dt>
        <dd className={styles.value}>
          {formatPct(v.mc.p05)} … {formatPct(v.mc.p95)}
        </dd>
        <dt>Spread VaR / ES 95 % (loss)</dt>
        <dd className={styles.value} data-testid="scenario-var">
          {formatLoss(v.mc.valueAtRisk)} / {formatLoss(v.mc.expectedShortfall)}
        </dd>
      </dl>
      <Caption1 className={styles.note}>
        Exposures:{" "}
        {exposures ? "your CNTECH_EXPOSURES table" : "CNTech defaults (docs/scenarios.md)"}. Monte
        Carlo: {PANE_MC.paths} seeded paths over {PANE_MC.horizonDays} trading days, factor levels
        ±0.5; idiosyncratic vols {volNote}. A model, not market data.
      </Caption1>
      <Subtitle2 as="h3">Per constituent</Subtitle2>
      <ConstituentBars view={v} />
      <Subtitle2 as="h3">Spread distribution vs {benchmarkLabel(v.benchmark)}</Subtitle2>
      <SpreadHistogram view={v} />
    </>
  );
}
