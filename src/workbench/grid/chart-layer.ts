/**
 * Draws the charts the add-in created (recorded by the sim as objects: type, source range, title,
 * position) over the grid with Chart.js (MIT), from the workbook's current values, so an imported
 * "basket vs Nasdaq" chart is visible the way Excel would show it.
 */
import {
  CategoryScale,
  Chart,
  Legend,
  LineController,
  LineElement,
  LinearScale,
  PointElement,
  BarController,
  BarElement,
  Title,
  Tooltip,
} from "chart.js";
import type { ChartModel, WorkbookModel } from "../excel-sim/workbook-model";
import { cellKey } from "../excel-sim/workbook-model";
import { displayValue } from "./display-format";
import type { GridView } from "./grid-view";

Chart.register(
  CategoryScale,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  BarController,
  BarElement,
  Legend,
  Title,
  Tooltip
);

const PALETTE = ["#0f6cbd", "#c50f1f", "#107c10", "#8764b8", "#ca5010", "#038387"];
const PT_TO_PX = 4 / 3;

export class ChartLayer {
  private readonly drawn = new Map<string, { chart: Chart; box: HTMLElement; signature: string }>();

  constructor(
    private readonly model: WorkbookModel,
    private readonly grid: GridView
  ) {}

  /** Draws or updates the charts of the grid's sheet; removes others. */
  render(): void {
    const sheet = this.model.findSheet(this.grid.sheet);
    const wanted = this.model.charts.filter((c) => sheet && c.sheetId === sheet.id);
    for (const [id, d] of this.drawn)
      if (!wanted.some((c) => c.id === id)) {
        d.chart.destroy();
        d.box.remove();
        this.drawn.delete(id);
      }
    for (const c of wanted) this.draw(c);
  }

  private data(c: ChartModel): {
    labels: string[];
    series: { name: string; values: (number | null)[] }[];
  } {
    const src = this.model.findSheet(c.sourceSheetId ?? c.sheetId);
    const r = c.sourceRect;
    const at = (row: number, col: number) => src?.cells.get(cellKey(row, col));
    const labels: string[] = [];
    const series: { name: string; values: (number | null)[] }[] = [];
    for (let j = 1; j < r.columnCount; j++)
      series.push({ name: String(at(r.row, r.column + j)?.value ?? `Series ${j}`), values: [] });
    for (let i = 1; i < r.rowCount; i++) {
      const first = at(r.row + i, r.column);
      labels.push(displayValue(first?.value, first?.numberFormat).text);
      for (let j = 1; j < r.columnCount; j++) {
        const v = at(r.row + i, r.column + j)?.value;
        series[j - 1].values.push(typeof v === "number" ? v : null);
      }
    }
    return { labels, series };
  }

  private position(c: ChartModel): { left: number; top: number; width: number; height: number } {
    const p = c.position;
    let left = p.left * PT_TO_PX;
    let top = p.top * PT_TO_PX;
    let width = (p.width || 360) * PT_TO_PX;
    let height = (p.height || 216) * PT_TO_PX;
    if (p.startCell) {
      try {
        const a = this.model.resolveAddress(p.startCell, this.model.findSheet(c.sheetId)).rect;
        ({ left, top } = this.grid.cellBox(a.row, a.column));
        if (p.endCell) {
          const b = this.model.resolveAddress(p.endCell, this.model.findSheet(c.sheetId)).rect;
          const end = this.grid.cellBox(b.row, b.column);
          width = Math.max(240, end.left + end.width - left);
          height = Math.max(160, end.top + end.height - top);
        }
      } catch {
        // an unparseable anchor keeps the recorded offsets
      }
    }
    return { left, top, width, height };
  }

  private draw(c: ChartModel): void {
    const { labels, series } = this.data(c);
    const pos = this.position(c);
    const signature = JSON.stringify([
      c.title,
      c.chartType,
      pos,
      labels.length,
      series.map((s) => [s.name, s.values[s.values.length - 1]]),
    ]);
    const existing = this.drawn.get(c.id);
    if (existing?.signature === signature) return;
    if (existing) {
      existing.chart.destroy();
      existing.box.remove();
    }
    const box = document.createElement("figure");
    box.className = "wb-chart";
    box.setAttribute("role", "img");
    box.setAttribute("aria-label", `Chart: ${c.title || c.name}`);
    box.dataset.chartName = c.name;
    Object.assign(box.style, {
      left: `${pos.left}px`,
      top: `${pos.top}px`,
      width: `${pos.width}px`,
      height: `${pos.height}px`,
    });
    const canvas = document.createElement("canvas");
    box.appendChild(canvas);
    this.grid.overlay.appendChild(box);
    const bar = /column|bar/i.test(c.chartType);
    const chart = new Chart(canvas, {
      type: bar ? "bar" : "line",
      data: {
        labels,
        datasets: series.map((s, i) => ({
          label: s.name,
          data: s.values,
          borderColor: PALETTE[i % PALETTE.length],
          backgroundColor: PALETTE[i % PALETTE.length],
          borderWidth: 1.6,
          pointRadius: 0,
          spanGaps: true,
        })),
      },
      options: {
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        plugins: {
          title: { display: Boolean(c.title), text: c.title, font: { size: 13, weight: "bold" } },
          legend: { position: "bottom", labels: { boxWidth: 12 } },
        },
        scales: {
          x: { ticks: { maxTicksLimit: 8, maxRotation: 0 } },
          y: { ticks: { maxTicksLimit: 6 } },
        },
      },
    });
    this.drawn.set(c.id, { chart, box, signature });
  }
}
