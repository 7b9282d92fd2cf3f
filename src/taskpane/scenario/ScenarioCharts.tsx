import * as React from "react";
import { ChartConfiguration } from "chart.js";
import { ChartCanvas } from "./ChartCanvas";
import { formatPct, ScenarioView } from "./view-model";

const UP = "#107c10";
const DOWN = "#c50f1f";
const colour = (v: number): string => (v < 0 ? DOWN : UP);

/** Per-constituent scenario returns, largest loss first: one horizontal bar each. */
export function ConstituentBars({ view }: { view: ScenarioView }): React.JSX.Element {
  const rows = React.useMemo(() => [...view.rows].sort((a, b) => a.ret - b.ret), [view.rows]);
  const config = React.useMemo<ChartConfiguration<"bar">>(
    () => ({
      type: "bar",
      data: {
        labels: rows.map((r) => r.symbol),
        datasets: [
          {
            label: "Scenario return (%)",
            data: rows.map((r) => r.ret * 100),
            backgroundColor: rows.map((r) => colour(r.ret)),
          },
        ],
      },
      options: {
        indexAxis: "y",
        maintainAspectRatio: false,
        scales: {
          x: { title: { display: true, text: "scenario return, %" } },
          y: { ticks: { autoSkip: false, font: { size: 10 } } },
        },
      },
    }),
    [rows]
  );
  const worst = rows[0];
  const best = rows[rows.length - 1];
  const label = `Scenario return per constituent of ${view.basketLabel}: worst ${worst.symbol} ${formatPct(worst.ret)}, best ${best.symbol} ${formatPct(best.ret)}.`;
  return (
    <ChartCanvas config={config} label={label} height={Math.max(120, rows.length * 14 + 40)} />
  );
}

/** Monte Carlo distribution of the basket-minus-benchmark spread (histogram of the seeded draws). */
export function SpreadHistogram({ view }: { view: ScenarioView }): React.JSX.Element {
  const config = React.useMemo<ChartConfiguration<"bar">>(
    () => ({
      type: "bar",
      data: {
        labels: view.histogram.centres.map((c) => (c * 100).toFixed(1)),
        datasets: [
          {
            label: "Paths",
            data: view.histogram.counts,
            backgroundColor: view.histogram.centres.map(colour),
            barPercentage: 1,
            categoryPercentage: 1,
          },
        ],
      },
      options: {
        maintainAspectRatio: false,
        scales: {
          x: { title: { display: true, text: `spread vs ${view.benchmark}, pp` } },
          y: { title: { display: true, text: "paths" } },
        },
      },
    }),
    [view.histogram, view.benchmark]
  );
  const label = `Monte Carlo distribution of the ${view.basketLabel} minus ${view.benchmark} spread: 5th percentile ${formatPct(view.mc.p05)}, mean ${formatPct(view.mc.mean)}, 95th percentile ${formatPct(view.mc.p95)}.`;
  return <ChartCanvas config={config} label={label} height={160} />;
}
