/**
 * A template is a small workbook as data: sheets of cells (text, numbers, formulas this add-in
 * builds) with light formatting. Builders produce templates; template-writer.ts writes them through
 * Excel.run, so Excel, the workbench and the tests all get the same sheets.
 */
export interface TemplateCell {
  /** A1 address on the sheet, e.g. "B5". */
  readonly address: string;
  /** Text is written as text (never as a formula); numbers and booleans as they are. */
  readonly value?: string | number | boolean;
  /** A formula this add-in built ("=CNTECH.RETURN(...)"). */
  readonly formula?: string;
  readonly numberFormat?: string;
  readonly bold?: boolean;
  readonly italic?: boolean;
  readonly fontColor?: string;
  readonly fill?: string;
  readonly fontSize?: number;
}

export interface SheetTemplate {
  /** Key other sheets use to refer to this one ({sheet:KEY} in formulas); its final name may differ. */
  readonly key: string;
  /** Preferred sheet name; a unique variant is used when the workbook already has it. */
  readonly name: string;
  readonly cells: readonly TemplateCell[];
  /** Workbook names the sheet defines (kept as they are when the workbook already has them). */
  readonly names?: readonly {
    readonly name: string;
    readonly address: string;
    readonly comment: string;
  }[];
}

export interface WorkbookTemplate {
  readonly id: string;
  readonly title: string;
  readonly sheets: readonly SheetTemplate[];
  /** Sheet to activate when done (a key). */
  readonly activate?: string;
  /** True when its formulas read the CNTECH_SCENARIO named range (created first when missing). */
  readonly usesScenario?: boolean;
}

/** Collects the cells of one sheet, row by row. */
export class SheetBuilder {
  private readonly cells: TemplateCell[] = [];
  private readonly names: { name: string; address: string; comment: string }[] = [];
  constructor(
    readonly key: string,
    readonly name: string
  ) {}

  text(address: string, value: string, style: Omit<TemplateCell, "address" | "value"> = {}): this {
    this.cells.push({ address, value, ...style });
    return this;
  }

  number(address: string, value: number, numberFormat?: string): this {
    this.cells.push({ address, value, numberFormat });
    return this;
  }

  formula(
    address: string,
    formula: string,
    style: Omit<TemplateCell, "address" | "formula"> = {}
  ): this {
    if (!formula.startsWith("="))
      throw new Error(`Template formula must start with "=": ${formula}`);
    this.cells.push({ address, formula, ...style });
    return this;
  }

  /** A number format over a range (e.g. the date column under a spill). */
  numberFormat(address: string, numberFormat: string): this {
    this.cells.push({ address, numberFormat });
    return this;
  }

  /** Defines a workbook name over a range of this sheet. */
  defineName(name: string, address: string, comment: string): this {
    this.names.push({ name, address, comment });
    return this;
  }

  build(): SheetTemplate {
    return { key: this.key, name: this.name, cells: [...this.cells], names: [...this.names] };
  }
}

/** Quotes a sheet name for a formula reference when Excel requires it ('My sheet'!A1). */
export function sheetRef(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

/** Replaces {sheet:KEY} in a formula with the (quoted) final sheet name of KEY. */
export function resolveSheetRefs(formula: string, names: ReadonlyMap<string, string>): string {
  return formula.replace(/\{sheet:([A-Za-z0-9_]+)\}/g, (_, key: string) => {
    const name = names.get(key);
    if (!name) throw new Error(`Template refers to an unknown sheet: ${key}`);
    return sheetRef(name);
  });
}
