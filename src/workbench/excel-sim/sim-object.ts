/**
 * Base of every proxy: queued loads, PropertyNotLoaded on early reads, queued property writes.
 * Subclasses declare their scalar properties with defineProxyProperties().
 */
import { CellChange } from "./workbook-model";
import { ClientResult, SimContext } from "./context";
import { SimError } from "./sim-error";

/** Normalises load()'s argument forms: "a, b", ["a","b"], { select: "a,b" }, or nothing (= all). */
export function parseLoadProps(props: unknown, all: readonly string[]): string[] {
  if (props === undefined || props === null) return [...all];
  let list: string[];
  if (typeof props === "string") list = props.split(",");
  else if (Array.isArray(props)) list = props.map(String);
  else if (typeof props === "object" && "select" in (props as object)) {
    const sel = (props as { select?: string | string[] }).select;
    list = Array.isArray(sel) ? sel : String(sel ?? "").split(",");
  } else list = [...all];
  return list
    .map((p) => p.trim())
    .filter((p) => p.length > 0)
    .map((p) => p.replace(/^items\//, ""));
}

export abstract class SimObject {
  protected readonly loadedProps = new Map<string, unknown>();
  private readonly navCache = new Map<string, unknown>();

  constructor(
    readonly context: SimContext,
    /** A readable path for payloads and messages, e.g. "worksheets('Prices').getRange('A1:C3')". */
    protected readonly path: string
  ) {}

  /** Scalar properties this object can load. */
  protected abstract get loadableProps(): readonly string[];

  /** Reads one property from the model (at sync time). */
  protected abstract readProp(prop: string): unknown;

  /** Writes one property to the model (at sync time). */
  protected writeProp(prop: string, _value: unknown, _changes: CellChange[]): void {
    throw new SimError("InvalidArgument", `The property '${prop}' is read-only`);
  }

  /**
   * For …OrNullObject results. In Office.js the method is itself an action, and the next sync reports
   * isNullObject without a load (the documented pattern: getItemOrNullObject, sync, test isNullObject).
   */
  nullable(): this {
    return this.load("isNullObject");
  }

  load(props?: unknown): this {
    const wanted = parseLoadProps(props, this.loadableProps);
    for (const p of wanted) {
      // Navigation loads like "format/font/bold" are accepted and ignored by the sim.
      if (!p.includes("/") && !this.loadableProps.includes(p))
        throw new SimError(
          "InvalidArgument",
          `The property '${p}' cannot be loaded on ${this.path}`
        );
    }
    this.context.enqueue({
      payload: { load: this.path, props: wanted },
      reads: true,
      run: () => this.fillLoaded(wanted),
    });
    return this;
  }

  /** Queues a method call with the given payload; `run` performs it at sync. */
  protected queue(method: string, args: unknown[], run: (changes: CellChange[]) => void): void {
    this.context.enqueue({ payload: { call: `${this.path}.${method}`, args }, run });
  }

  /** A navigation property's proxy, created once per object (as Office.js caches them). */
  protected nav<T>(key: string, make: () => T): T {
    if (!this.navCache.has(key)) this.navCache.set(key, make());
    return this.navCache.get(key) as T;
  }

  /** Reads `props` now (inside sync) into the loaded snapshot; used by collections for their items. */
  fillLoaded(props: readonly string[]): Record<string, unknown> {
    const snapshot: Record<string, unknown> = {};
    for (const p of props) {
      if (p.includes("/") || !this.loadableProps.includes(p)) continue;
      const v = this.readProp(p);
      snapshot[p] = v;
      this.loadedProps.set(p, v);
    }
    return snapshot;
  }

  getLoaded(prop: string): unknown {
    if (!this.loadedProps.has(prop))
      throw new SimError(
        "PropertyNotLoaded",
        `The property '${prop}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`
      );
    return this.loadedProps.get(prop);
  }

  setQueued(prop: string, value: unknown): void {
    this.context.enqueue({
      payload: { set: this.path, prop, value },
      run: (changes) => this.writeProp(prop, value, changes),
    });
    // Office keeps a written value readable only after a load; drop any stale snapshot.
    this.loadedProps.delete(prop);
  }

  toJSON(): Record<string, unknown> {
    return Object.fromEntries(this.loadedProps);
  }
}

/** Defines proxy accessors: reads need load()+sync(), writes (for `writable`) are queued. */
export function defineProxyProperties(
  cls: { prototype: object },
  readable: readonly string[],
  writable: readonly string[] = []
): void {
  for (const prop of readable) {
    Object.defineProperty(cls.prototype, prop, {
      configurable: true,
      get(this: SimObject) {
        return this.getLoaded(prop);
      },
      set(this: SimObject, v: unknown) {
        if (!writable.includes(prop))
          throw new SimError("CannotUpdateReadOnlyProperty", `The property '${prop}' is read-only`);
        this.setQueued(prop, v);
      },
    });
  }
}

/**
 * A stand-in for formatting objects the sim records but does not model (range.format.font,
 * chart.legend, chart.axes...): any property path can be set or called; each becomes a record in
 * model.formatLog at sync time.
 */
export function recorder(
  context: SimContext,
  root: string,
  owner: () => { sheet: string; address: string }
): unknown {
  const make = (sub: string): unknown =>
    new Proxy(function () {}, {
      get(_t, key) {
        if (typeof key === "symbol" || key === "then") return undefined;
        if (key === "toJSON") return () => ({});
        if (key === "load") return () => make(sub);
        return make(`${sub}.${key}`);
      },
      set(_t, key, value) {
        const property = `${sub}.${String(key)}`;
        context.enqueue({
          payload: { set: property, value },
          run: () => context.model.formatLog.push({ ...owner(), property, value }),
        });
        return true;
      },
      apply(_t, _this, args) {
        context.enqueue({
          payload: { call: sub, args },
          run: () =>
            context.model.formatLog.push({ ...owner(), property: `${sub}()`, value: args }),
        });
        return undefined;
      },
    });
  return make(root);
}

/** A collection proxy: load() fills `items` with item proxies carrying the requested properties. */
export abstract class CollectionProxy<TItem extends SimObject> extends SimObject {
  /** Ids of the current members, in order (read at sync). */
  protected abstract memberIds(): string[];
  /** A proxy for one member, resolved by id. */
  protected abstract memberProxy(id: string): TItem;
  /** The properties an item loads when none are named. */
  protected abstract get itemProps(): readonly string[];

  protected get loadableProps(): readonly string[] {
    return this.itemProps;
  }

  protected readProp(): unknown {
    return undefined;
  }

  load(props?: unknown): this {
    const wanted = parseLoadProps(props, this.itemProps);
    this.context.enqueue({
      payload: { load: this.path, props: wanted },
      reads: true,
      run: () => {
        const items = this.memberIds().map((id) => this.memberProxy(id));
        const snapshot = items.map((item) => item.fillLoaded(wanted));
        this.loadedProps.set("items", items);
        return snapshot;
      },
    });
    return this;
  }

  get items(): TItem[] {
    return this.getLoaded("items") as TItem[];
  }

  /** Number of members, after sync. */
  getCount(): ClientResult<number> {
    const result = new ClientResult<number>();
    this.context.enqueue({
      payload: { call: `${this.path}.getCount`, args: [] },
      reads: true,
      run: () => {
        result.set(this.memberIds().length);
        return result.value;
      },
    });
    return result;
  }
}
