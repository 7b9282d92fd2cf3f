/** worksheet.charts: the charts of one sheet, and Excel.ChartCollection.add recorded as a chart object. */
import { SimContext } from "./context";
import { CHART_PROPS, ChartProxy, DEFAULT_SIZE, deriveSeries } from "./chart-proxy";
import { RangeProxy } from "./range-proxy";
import { SimError } from "./sim-error";
import { CollectionProxy } from "./sim-object";
import { ChartModel, SheetModel } from "./workbook-model";

export class ChartCollectionProxy extends CollectionProxy<ChartProxy> {
  constructor(
    context: SimContext,
    path: string,
    private readonly sheet: () => SheetModel
  ) {
    super(context, path);
  }

  protected get itemProps(): readonly string[] {
    return CHART_PROPS.filter((p) => p !== "isNullObject");
  }

  protected memberIds(): string[] {
    const id = this.sheet().id;
    return this.context.model.charts.filter((c) => c.sheetId === id).map((c) => c.id);
  }

  protected memberProxy(id: string): ChartProxy {
    return new ChartProxy(this.context, `charts.getItem(${JSON.stringify(id)})`, () =>
      this.context.model.charts.find((c) => c.id === id)
    );
  }

  /** Records a chart of `type` over `sourceData` (a Range on this sheet). */
  add(type: string, sourceData: RangeProxy, seriesBy: string = "Auto"): ChartProxy {
    let createdId: string | undefined;
    this.queue("add", [type, "(range)", seriesBy], () => {
      const model = this.context.model;
      const sheet = this.sheet();
      const { sheet: srcSheet, rect } = sourceData.ref();
      let n = model.charts.length + 1;
      while (model.charts.some((c) => c.name === `Chart ${n}`)) n++;
      const chart: ChartModel = {
        id: model.newId("chart"),
        name: `Chart ${n}`,
        sheetId: sheet.id,
        chartType: type,
        sourceRect: rect,
        sourceSheetId: srcSheet.id,
        seriesBy,
        title: "",
        series: deriveSeries(model, srcSheet, rect, seriesBy),
        position: { top: 0, left: 0, ...DEFAULT_SIZE },
      };
      model.charts.push(chart);
      createdId = chart.id;
    });
    return new ChartProxy(this.context, `charts.add(${JSON.stringify(type)})`, () =>
      this.context.model.charts.find((c) => c.id === createdId)
    );
  }

  getItem(name: string): ChartProxy {
    return new ChartProxy(this.context, `charts.getItem(${JSON.stringify(name)})`, () => {
      const id = this.sheet().id;
      const c = this.context.model.charts.find((x) => x.sheetId === id && x.name === name);
      if (!c) throw new SimError("ItemNotFound", `The chart "${name}" does not exist`);
      return c;
    });
  }

  getItemAt(index: number): ChartProxy {
    return new ChartProxy(this.context, `charts.getItemAt(${index})`, () => {
      const id = this.sheet().id;
      const c = this.context.model.charts.filter((x) => x.sheetId === id)[index];
      if (!c) throw new SimError("ItemNotFound", `There is no chart at index ${index}`);
      return c;
    });
  }
}
