/**
 * Excel.NamedItem and the workbook's NamedItemCollection (workbook-scoped named ranges).
 */
import { formatAbsoluteReference } from "./address";
import { SimContext } from "./context";
import { RangeProxy, RangeRef } from "./range-proxy";
import { SimError } from "./sim-error";
import { CollectionProxy, SimObject, defineProxyProperties } from "./sim-object";
import { NameModel } from "./workbook-model";

const NAME_PROPS = [
  "name",
  "type",
  "value",
  "formula",
  "comment",
  "visible",
  "isNullObject",
] as const;

export class NamedItemProxy extends SimObject {
  declare readonly name: string;
  declare readonly type: string;
  declare readonly value: string;
  declare readonly formula: string;
  declare comment: string;
  declare visible: boolean;
  declare readonly isNullObject: boolean;

  constructor(
    context: SimContext,
    path: string,
    readonly resolveName: () => NameModel | undefined
  ) {
    super(context, path);
  }

  protected get loadableProps(): readonly string[] {
    return NAME_PROPS;
  }

  item(): NameModel {
    const n = this.resolveName();
    if (!n) throw new SimError("ItemNotFound", `${this.path}: the name does not exist`);
    return n;
  }

  protected readProp(prop: string): unknown {
    if (prop === "isNullObject") return this.resolveName() === undefined;
    const n = this.resolveName();
    if (!n) return null;
    const ref = formatAbsoluteReference(this.context.model.sheet(n.sheetId).name, n.rect);
    switch (prop) {
      case "name":
        return n.name;
      case "type":
        return "Range";
      case "value":
        return ref.slice(1);
      case "formula":
        return ref;
      case "comment":
        return n.comment;
      default:
        return true;
    }
  }

  protected writeProp(prop: string, value: unknown): void {
    if (prop === "comment") this.item().comment = String(value);
    else if (prop !== "visible") super.writeProp(prop, value, []);
  }

  getRange(): RangeProxy {
    return new RangeProxy(this.context, `${this.path}.getRange()`, (): RangeRef => {
      const n = this.item();
      return { sheet: this.context.model.sheet(n.sheetId), rect: n.rect };
    });
  }

  getRangeOrNullObject(): RangeProxy {
    return new RangeProxy(this.context, `${this.path}.getRangeOrNullObject()`, () => {
      const n = this.resolveName();
      const sheet = n && this.context.model.findSheet(n.sheetId);
      return n && sheet ? { sheet, rect: n.rect } : undefined;
    }).nullable();
  }

  delete(): void {
    this.queue("delete", [], () => {
      this.context.model.names.delete(this.item().name.toUpperCase());
    });
  }
}

defineProxyProperties(NamedItemProxy, NAME_PROPS, ["comment", "visible"]);

export class NamedItemCollectionProxy extends CollectionProxy<NamedItemProxy> {
  protected get itemProps(): readonly string[] {
    return NAME_PROPS.filter((p) => p !== "isNullObject");
  }

  protected memberIds(): string[] {
    return [...this.context.model.names.keys()];
  }

  protected memberProxy(id: string): NamedItemProxy {
    return new NamedItemProxy(this.context, `names.getItem(${JSON.stringify(id)})`, () =>
      this.context.model.names.get(id)
    );
  }

  /** Defines a workbook-scoped name for a Range or an address ("Sheet1!A1:B2" or "=Sheet1!$A$1"). */
  add(name: string, reference: RangeProxy | string, comment = ""): NamedItemProxy {
    this.queue(
      "add",
      [name, typeof reference === "string" ? reference : "(range)", comment],
      () => {
        const model = this.context.model;
        model.checkDefinedName(name);
        const ref =
          typeof reference === "string"
            ? model.resolveAddress(reference.replace(/^=/, "").replace(/\$/g, ""))
            : reference.ref();
        model.names.set(name.toUpperCase(), {
          name,
          sheetId: ref.sheet.id,
          rect: ref.rect,
          comment,
        });
      }
    );
    return this.getItem(name);
  }

  getItem(name: string): NamedItemProxy {
    return new NamedItemProxy(this.context, `names.getItem(${JSON.stringify(name)})`, () => {
      const n = this.context.model.names.get(name.toUpperCase());
      if (!n) throw new SimError("ItemNotFound", `The name "${name}" does not exist`);
      return n;
    });
  }

  getItemOrNullObject(name: string): NamedItemProxy {
    return new NamedItemProxy(
      this.context,
      `names.getItemOrNullObject(${JSON.stringify(name)})`,
      () => this.context.model.names.get(name.toUpperCase())
    ).nullable();
  }
}
