import {
  IndexedDbStore,
  MemoryStore,
  OfficeRuntimeStore,
} from "../../src/data/cache/persistent-store";

/** A minimal in-memory IndexedDB: just the calls IndexedDbStore makes, firing callbacks asynchronously. */
function fakeIndexedDb(): { factory: IDBFactory; opened: number } {
  const stores = new Map<string, Map<string, unknown>>();
  const state = { opened: 0 };
  const request = (produce: () => unknown): IDBRequest => {
    const req: Record<string, unknown> = {};
    setTimeout(() => {
      req.result = produce();
      (req.onsuccess as (() => void) | undefined)?.();
    }, 0);
    return req as unknown as IDBRequest;
  };
  const db = {
    createObjectStore: (name: string) => stores.set(name, new Map()),
    transaction: (name: string) => ({
      objectStore: () => {
        const s = stores.get(name)!;
        return {
          get: (k: string) => request(() => s.get(k)),
          put: (v: unknown, k: string) => request(() => s.set(k, v)),
          delete: (k: string) => request(() => s.delete(k)),
        };
      },
    }),
  };
  const factory = {
    open: () => {
      state.opened++;
      const req: Record<string, unknown> = {};
      setTimeout(() => {
        req.result = db;
        if (stores.size === 0) (req.onupgradeneeded as () => void)();
        (req.onsuccess as () => void)();
      }, 0);
      return req;
    },
  } as unknown as IDBFactory;
  return {
    factory,
    get opened() {
      return state.opened;
    },
  };
}

describe.each([
  ["memory", () => new MemoryStore()],
  ["IndexedDB", () => new IndexedDbStore(fakeIndexedDb().factory)],
  [
    "OfficeRuntime.storage",
    () => {
      const m = new Map<string, string>();
      return new OfficeRuntimeStore({
        getItem: async (k) => m.get(k) ?? null,
        setItem: async (k, v) => void m.set(k, v),
        removeItem: async (k) => void m.delete(k),
      });
    },
  ],
])("%s store", (_name, make) => {
  test("set, get, overwrite, remove; a missing key is undefined", async () => {
    const s = make();
    expect(await s.get("a")).toBeUndefined();
    await s.set("a", "1");
    await s.set("b", "2");
    expect(await s.get("a")).toBe("1");
    await s.set("a", "3");
    expect(await s.get("a")).toBe("3");
    await s.remove("a");
    expect(await s.get("a")).toBeUndefined();
    expect(await s.get("b")).toBe("2");
  });
});

test("IndexedDB is opened once and reused", async () => {
  const fake = fakeIndexedDb();
  const s = new IndexedDbStore(fake.factory);
  await Promise.all([s.set("a", "1"), s.get("a"), s.set("b", "2")]);
  expect(fake.opened).toBe(1);
});
