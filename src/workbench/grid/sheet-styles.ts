/**
 * Cell styles from the formatting calls the sim records (model.formatLog): bold, italic, font and
 * fill colours, alignment, column widths. Later calls win, as in Excel. Folded incrementally.
 */
import type { WorkbookModel } from "../excel-sim/workbook-model";

export interface CellStyle {
  bold?: boolean;
  italic?: boolean;
  color?: string;
  fill?: string;
  align?: string;
  size?: number;
}

interface StyledRect {
  sheet: string;
  row: number;
  column: number;
  rowCount: number;
  columnCount: number;
  style: CellStyle;
}

const PROPERTY_TO_STYLE: Record<string, (v: unknown) => CellStyle> = {
  "format.font.bold": (v) => ({ bold: Boolean(v) }),
  "format.font.italic": (v) => ({ italic: Boolean(v) }),
  "format.font.color": (v) => ({ color: String(v) }),
  "format.font.size": (v) => ({ size: Number(v) }),
  "format.fill.color": (v) => ({ fill: String(v) }),
  "format.horizontalAlignment": (v) => ({ align: String(v).toLowerCase() }),
};

export class SheetStyles {
  private folded = 0;
  private readonly rects: StyledRect[] = [];
  /** Explicit column widths in pixels by "sheet|column". */
  readonly columnWidths = new Map<string, number>();

  constructor(private readonly model: WorkbookModel) {}

  /** Reads formatting records added since the last call. */
  refresh(): void {
    const log = this.model.formatLog;
    for (; this.folded < log.length; this.folded++) {
      const rec = log[this.folded];
      if (rec.address.startsWith("chart:")) continue;
      let target;
      try {
        target = this.model.resolveAddress(rec.address, this.model.findSheet(rec.sheet));
      } catch {
        continue;
      }
      const sheet = target.sheet.name.toLowerCase();
      if (rec.property === "format.columnWidth") {
        for (let c = 0; c < target.rect.columnCount; c++)
          this.columnWidths.set(`${sheet}|${target.rect.column + c}`, Number(rec.value) * (4 / 3));
        continue;
      }
      const toStyle = PROPERTY_TO_STYLE[rec.property];
      if (toStyle) this.rects.push({ sheet, ...target.rect, style: toStyle(rec.value) });
    }
  }

  /** The style of one cell (merged from every record covering it). */
  styleAt(sheet: string, row: number, column: number): CellStyle | undefined {
    const lower = sheet.toLowerCase();
    let out: CellStyle | undefined;
    for (const r of this.rects) {
      if (r.sheet !== lower) continue;
      if (row < r.row || row >= r.row + r.rowCount) continue;
      if (column < r.column || column >= r.column + r.columnCount) continue;
      out = { ...out, ...r.style };
    }
    return out;
  }
}
