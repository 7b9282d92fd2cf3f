/**
 * Excel.Chart recorded as an object: type, source range, series names, title, position. Nothing is
 * drawn; the workbench can render the record. Series naming follows Excel's auto-detection in a
 * simplified, documented form: with seriesBy "Columns" (or "Auto" on a taller-than-wide source), the
 * first row names the series when it holds text, and the first column is the category axis when its
 * header cell is blank or text and its body is dates/text (a date number format or non-numbers).
 */
import { CellRect, formatLocalAddress } from "./address";
import { SimContext } from "./context";
import { factories } from "./factories";
import { RangeProxy } from "./range-proxy";
import { SimError } from "./sim-error";
import { CollectionProxy, SimObject, defineProxyProperties, recorder } from "./sim-object";
import { CellChange, ChartModel, SheetModel, WorkbookModel } from "./workbook-model";

export const CHART_PROPS = [
  "name",
  "id",
  "chartType",
  "top",
  "left",
  "width",
  "height",
  "isNullObject",
] as const;

/** Excel's default chart size in points (5 in × 3 in). */
export const DEFAULT_SIZE = { width: 360, height: 216 };

function isDateFormat(f: string | undefined): boolean {
  return !!f && /[yd]/i.test(f) && f !== "General";
}

/** Series names for a source range (see the module comment for the rule). */
export function deriveSeries(
  model: WorkbookModel,
  sheet: SheetModel,
  rect: CellRect,
  seriesBy: string
): { name: string }[] {
  const byColumns =
    seriesBy === "Columns" || (seriesBy !== "Rows" && rect.rowCount >= rect.columnCount);
  const at = (r: number, c: number) => model.cellAt(sheet, rect.row + r, rect.column + c);
  const lines = byColumns ? rect.columnCount : rect.rowCount;
  const depth = byColumns ? rect.rowCount : rect.columnCount;
  const cellOf = (line: number, pos: number) => (byColumns ? at(pos, line) : at(line, pos));
  const hasNames = depth > 1 && typeof cellOf(lines > 1 ? 1 : 0, 0)?.value === "string";
  let firstIsCategory = false;
  if (lines > 1) {
    const head = cellOf(0, 0);
    const body = cellOf(0, hasNames ? 1 : 0);
    const headOk = !head || head.value === "" || typeof head.value === "string";
    const bodyIsLabel =
      body !== undefined && (typeof body.value === "string" || isDateFormat(body.numberFormat));
    firstIsCategory = headOk && bodyIsLabel;
  }
  const series: { name: string }[] = [];
  for (let line = firstIsCategory ? 1 : 0; line < lines; line++) {
    const label = hasNames ? cellOf(line, 0) : undefined;
    series.push({ name: label ? model.text(label) : `Series${series.length + 1}` });
  }
  return series;
}

export class ChartProxy extends SimObject {
  declare name: string;
  declare readonly id: string;
  declare chartType: string;
  declare top: number;
  declare left: number;
  declare width: number;
  declare height: number;
  declare readonly isNullObject: boolean;

  constructor(
    context: SimContext,
    path: string,
    readonly resolveChart: () => ChartModel | undefined
  ) {
    super(context, path);
  }

  protected get loadableProps(): readonly string[] {
    return CHART_PROPS;
  }

  chart(): ChartModel {
    const c = this.resolveChart();
    if (!c) throw new SimError("ItemNotFound", `${this.path}: the chart does not exist`);
    return c;
  }

  protected readProp(prop: string): unknown {
    if (prop === "isNullObject") return this.resolveChart() === undefined;
    const c = this.resolveChart();
    if (!c) return null;
    if (prop === "name" || prop === "id" || prop === "chartType") return c[prop];
    return c.position[prop as "top" | "left" | "width" | "height"];
  }

  protected writeProp(prop: string, value: unknown, changes: CellChange[]): void {
    const c = this.chart();
    if (prop === "name") c.name = String(value);
    else if (prop === "chartType") c.chartType = String(value);
    else if (prop === "top" || prop === "left" || prop === "width" || prop === "height")
      c.position[prop] = Number(value);
    else super.writeProp(prop, value, changes);
  }

  get title(): ChartTitleProxy {
    return this.nav(
      "title",
      () => new ChartTitleProxy(this.context, `${this.path}.title`, () => this.chart())
    );
  }

  get series(): ChartSeriesCollectionProxy {
    return this.nav(
      "series",
      () => new ChartSeriesCollectionProxy(this.context, `${this.path}.series`, () => this.chart())
    );
  }

  get legend(): unknown {
    return this.nav("legend", () => recorder(this.context, "legend", () => this.owner()));
  }

  get axes(): unknown {
    return this.nav("axes", () => recorder(this.context, "axes", () => this.owner()));
  }

  get format(): unknown {
    return this.nav("format", () => recorder(this.context, "format", () => this.owner()));
  }

  get worksheet(): unknown {
    return this.nav("worksheet", () =>
      factories.worksheet(this.context, `${this.path}.worksheet`, () =>
        this.context.model.findSheet(this.chart().sheetId)
      )
    );
  }

  private owner(): { sheet: string; address: string } {
    const c = this.chart();
    return { sheet: this.context.model.sheet(c.sheetId).name, address: `chart:${c.name}` };
  }

  /** Anchors the chart at a cell (and optionally stretches it to another), as Excel's setPosition. */
  setPosition(startCell: string | RangeProxy, endCell?: string | RangeProxy): void {
    const label = (x: string | RangeProxy | undefined): string | undefined =>
      x === undefined ? undefined : typeof x === "string" ? x : formatLocalAddress(x.ref().rect);
    this.queue("setPosition", [String(label(startCell as string))], () => {
      const c = this.chart();
      c.position.startCell = label(startCell);
      c.position.endCell = label(endCell);
    });
  }

  delete(): void {
    this.queue("delete", [], () => {
      const charts = this.context.model.charts;
      charts.splice(charts.indexOf(this.chart()), 1);
    });
  }
}

defineProxyProperties(ChartProxy, CHART_PROPS, [
  "name",
  "chartType",
  "top",
  "left",
  "width",
  "height",
]);

export class ChartTitleProxy extends SimObject {
  declare text: string;
  declare visible: boolean;

  constructor(
    context: SimContext,
    path: string,
    private readonly chart: () => ChartModel
  ) {
    super(context, path);
  }

  protected get loadableProps(): readonly string[] {
    return ["text", "visible"];
  }

  protected readProp(prop: string): unknown {
    return prop === "text" ? this.chart().title : this.chart().title !== "";
  }

  protected writeProp(prop: string, value: unknown, changes: CellChange[]): void {
    if (prop === "text") this.chart().title = String(value);
    else if (prop === "visible") {
      if (!value) this.chart().title = "";
    } else super.writeProp(prop, value, changes);
  }
}

defineProxyProperties(ChartTitleProxy, ["text", "visible"], ["text", "visible"]);

export class ChartSeriesProxy extends SimObject {
  declare name: string;

  constructor(
    context: SimContext,
    path: string,
    private readonly resolve: () => { name: string }
  ) {
    super(context, path);
  }

  protected get loadableProps(): readonly string[] {
    return ["name"];
  }

  protected readProp(): unknown {
    return this.resolve().name;
  }

  protected writeProp(prop: string, value: unknown, changes: CellChange[]): void {
    if (prop === "name") this.resolve().name = String(value);
    else super.writeProp(prop, value, changes);
  }
}

defineProxyProperties(ChartSeriesProxy, ["name"], ["name"]);

export class ChartSeriesCollectionProxy extends CollectionProxy<ChartSeriesProxy> {
  constructor(
    context: SimContext,
    path: string,
    private readonly chart: () => ChartModel
  ) {
    super(context, path);
  }

  protected get itemProps(): readonly string[] {
    return ["name"];
  }

  protected memberIds(): string[] {
    return this.chart().series.map((_, i) => String(i));
  }

  protected memberProxy(id: string): ChartSeriesProxy {
    return this.getItemAt(Number(id));
  }

  getItemAt(index: number): ChartSeriesProxy {
    return new ChartSeriesProxy(this.context, `${this.path}.getItemAt(${index})`, () => {
      const s = this.chart().series[index];
      if (!s) throw new SimError("ItemNotFound", `The chart has no series ${index}`);
      return s;
    });
  }
}
