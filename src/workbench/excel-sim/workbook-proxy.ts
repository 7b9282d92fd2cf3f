/**
 * Excel.Workbook for the in-memory Excel: the entry point of every batch (context.workbook).
 */
import { SimContext } from "./context";
import { NamedItemCollectionProxy } from "./name-proxy";
import { RangeProxy } from "./range-proxy";
import { SimError } from "./sim-error";
import { SimObject, defineProxyProperties } from "./sim-object";
import { TableCollectionProxy } from "./table-proxy";
import { WorksheetCollectionProxy } from "./worksheet-proxy";

export class WorkbookProxy extends SimObject {
  declare readonly name: string;
  readonly worksheets: WorksheetCollectionProxy;
  readonly names: NamedItemCollectionProxy;
  readonly tables: TableCollectionProxy;

  constructor(context: SimContext) {
    super(context, "workbook");
    this.worksheets = new WorksheetCollectionProxy(context, "worksheets");
    this.names = new NamedItemCollectionProxy(context, "names");
    this.tables = new TableCollectionProxy(context, "tables");
  }

  protected get loadableProps(): readonly string[] {
    return ["name"];
  }

  protected readProp(): unknown {
    return "Book1";
  }

  /** The selection the grid last set (model.selection), else A1 of the active sheet. */
  getSelectedRange(): RangeProxy {
    return new RangeProxy(this.context, "workbook.getSelectedRange()", () => {
      const model = this.context.model;
      const sel = model.selection;
      const sheet = sel ? model.findSheet(sel.sheetId) : undefined;
      if (sel && sheet) return { sheet, rect: sel.rect };
      return {
        sheet: model.activeSheet(),
        rect: { row: 0, column: 0, rowCount: 1, columnCount: 1 },
      };
    });
  }

  getActiveCell(): RangeProxy {
    return this.getSelectedRange().getCell(0, 0);
  }

  /**
   * application.calculate(type) as documented for Excel.CalculationType: "Recalculate" recalculates
   * only dirty cells (here: formulas calling volatile functions, since every change is recalculated
   * at once), "Full" marks every formula dirty, "FullRebuild" also rebuilds the dependency chain.
   * Non-volatile custom functions therefore re-run on "Full"/"FullRebuild" only, as in Excel.
   * suspendApiCalculationUntilNextSync() is accepted and ignored.
   */
  get application(): {
    calculate(type?: string): void;
    suspendApiCalculationUntilNextSync(): void;
  } {
    return {
      calculate: (type = "Recalculate") =>
        this.queue("application.calculate", [type], (changes) => {
          if (!["Recalculate", "Full", "FullRebuild"].includes(type))
            throw new SimError("InvalidArgument", `Unknown calculation type "${type}"`);
          changes.push({
            sheet: "*",
            address: "*",
            calculate: { markAllDirty: type !== "Recalculate", rebuild: type === "FullRebuild" },
          });
        }),
      suspendApiCalculationUntilNextSync: () => undefined,
    };
  }
}

defineProxyProperties(WorkbookProxy, ["name"]);
