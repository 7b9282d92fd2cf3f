/**
 * A small async key-value store for the persistent history cache. Three implementations, chosen at
 * run time: OfficeRuntime.storage (Excel's shared runtime: survives restarts, 10 MB per add-in),
 * IndexedDB (browsers, the workbench), or memory only (Node: CLI, tests). Every failure is swallowed
 * by the cache: persistence is an optimisation, never a reason for a formula to fail.
 */
export interface PersistentStore {
  readonly kind: "office-runtime" | "indexeddb" | "memory";
  get(key: string): Promise<string | undefined>;
  set(key: string, value: string): Promise<void>;
  remove(key: string): Promise<void>;
  /** Removes every key that starts with `prefix` (and nothing else: the store may hold settings and API keys too); resolves to how many went. */
  removeByPrefix(prefix: string): Promise<number>;
}

export class MemoryStore implements PersistentStore {
  readonly kind = "memory";
  private readonly map = new Map<string, string>();
  async get(key: string): Promise<string | undefined> {
    return this.map.get(key);
  }
  async set(key: string, value: string): Promise<void> {
    this.map.set(key, value);
  }
  async remove(key: string): Promise<void> {
    this.map.delete(key);
  }
  async removeByPrefix(prefix: string): Promise<number> {
    const keys = [...this.map.keys()].filter((k) => k.startsWith(prefix));
    keys.forEach((k) => this.map.delete(k));
    return keys.length;
  }
}

interface OfficeRuntimeStorage {
  getItem(key: string): Promise<string | null>;
  setItem(key: string, value: string): Promise<void>;
  removeItem(key: string): Promise<void>;
  getKeys(): Promise<string[]>;
  removeItems(keys: string[]): Promise<void>;
}

export class OfficeRuntimeStore implements PersistentStore {
  readonly kind = "office-runtime";
  constructor(private readonly storage: OfficeRuntimeStorage) {}
  async get(key: string): Promise<string | undefined> {
    return (await this.storage.getItem(key)) ?? undefined;
  }
  set(key: string, value: string): Promise<void> {
    return this.storage.setItem(key, value);
  }
  remove(key: string): Promise<void> {
    return this.storage.removeItem(key);
  }
  async removeByPrefix(prefix: string): Promise<number> {
    const keys = (await this.storage.getKeys()).filter((k) => k.startsWith(prefix));
    if (keys.length > 0) await this.storage.removeItems(keys);
    return keys.length;
  }
}

const DB_NAME = "cntech-market-data";
const STORE_NAME = "kv";

/** IndexedDB with one object store of strings; the database is opened lazily once. */
export class IndexedDbStore implements PersistentStore {
  readonly kind = "indexeddb";
  private db: Promise<IDBDatabase> | undefined;
  constructor(private readonly factory: IDBFactory) {}

  private open(): Promise<IDBDatabase> {
    if (!this.db) {
      this.db = new Promise((resolve, reject) => {
        const req = this.factory.open(DB_NAME, 1);
        req.onupgradeneeded = () => req.result.createObjectStore(STORE_NAME);
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
    }
    return this.db;
  }

  private async run<T>(
    mode: IDBTransactionMode,
    op: (s: IDBObjectStore) => IDBRequest
  ): Promise<T> {
    const db = await this.open();
    return new Promise<T>((resolve, reject) => {
      const req = op(db.transaction(STORE_NAME, mode).objectStore(STORE_NAME));
      req.onsuccess = () => resolve(req.result as T);
      req.onerror = () => reject(req.error);
    });
  }

  async get(key: string): Promise<string | undefined> {
    const v = await this.run<unknown>("readonly", (s) => s.get(key));
    return typeof v === "string" ? v : undefined;
  }
  async set(key: string, value: string): Promise<void> {
    await this.run("readwrite", (s) => s.put(value, key));
  }
  async remove(key: string): Promise<void> {
    await this.run("readwrite", (s) => s.delete(key));
  }
  async removeByPrefix(prefix: string): Promise<number> {
    const keys = await this.run<IDBValidKey[]>("readonly", (s) => s.getAllKeys());
    const mine = keys.filter((k): k is string => typeof k === "string" && k.startsWith(prefix));
    await Promise.all(mine.map((k) => this.remove(k)));
    return mine.length;
  }
}

/** The best store this host offers: OfficeRuntime.storage, else IndexedDB, else memory. */
export function detectPersistentStore(
  host: Record<string, unknown> = globalThis as never
): PersistentStore {
  const officeRuntime = host.OfficeRuntime as { storage?: OfficeRuntimeStorage } | undefined;
  if (officeRuntime?.storage && typeof officeRuntime.storage.getItem === "function") {
    return new OfficeRuntimeStore(officeRuntime.storage);
  }
  const idb = host.indexedDB as IDBFactory | undefined;
  if (idb && typeof idb.open === "function") return new IndexedDbStore(idb);
  return new MemoryStore();
}
