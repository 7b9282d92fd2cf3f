import * as React from "react";
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  ChartConfiguration,
  LinearScale,
  Tooltip,
} from "chart.js";

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip);

export interface ChartCanvasProps {
  /** Builds the chart.js configuration for the current data. */
  readonly config: ChartConfiguration<"bar">;
  /** Text alternative: what the picture shows, for screen readers and when canvas is unavailable. */
  readonly label: string;
  readonly height: number;
}

/**
 * A chart.js bar chart on a canvas. The chart is created once and updated in place (no animation)
 * when the configuration changes, so dragging a slider redraws smoothly.
 */
export function ChartCanvas({ config, label, height }: ChartCanvasProps): React.JSX.Element {
  const canvas = React.useRef<HTMLCanvasElement>(null);
  const chart = React.useRef<Chart<"bar"> | null>(null);

  React.useEffect(() => {
    const el = canvas.current;
    // No 2-D context (e.g. a test DOM without canvas): the text alternative stands in.
    const ctx = el && typeof el.getContext === "function" ? el.getContext("2d") : null;
    if (!ctx) return undefined;
    chart.current = new Chart(ctx, { ...config, options: { ...config.options, animation: false } });
    return () => {
      chart.current?.destroy();
      chart.current = null;
    };
    // Created once; updates below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  React.useEffect(() => {
    const c = chart.current;
    if (!c) return;
    c.data = config.data;
    c.update("none");
  }, [config]);

  return (
    <div style={{ position: "relative", height }}>
      <canvas ref={canvas} role="img" aria-label={label} />
    </div>
  );
}
