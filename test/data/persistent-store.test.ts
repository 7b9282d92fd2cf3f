/**
 * The persistent stores behind the history cache: the same contract for memory, IndexedDB
 * (fake-indexeddb, a complete in-memory implementation of the IndexedDB API) and
 * OfficeRuntime.storage (a map with that interface's methods).
 */
import { IDBFactory as FakeIDBFactory } from "fake-indexeddb";
import {
  IndexedDbStore,
  MemoryStore,
  OfficeRuntimeStore,
  PersistentStore,
} from "../../src/data/cache/persistent-store";

/** OfficeRuntime.storage as documented (getItem, setItem, removeItem, getKeys, removeItems) over a map. */
function officeRuntimeStorage(m = new Map<string, string>()) {
  return {
    map: m,
    getItem: async (k: string) => m.get(k) ?? null,
    setItem: async (k: string, v: string) => void m.set(k, v),
    removeItem: async (k: string) => void m.delete(k),
    getKeys: async () => [...m.keys()],
    removeItems: async (keys: string[]) => keys.forEach((k) => m.delete(k)),
  };
}

describe.each<[string, () => PersistentStore]>([
  ["memory", () => new MemoryStore()],
  ["IndexedDB", () => new IndexedDbStore(new FakeIDBFactory())],
  ["OfficeRuntime.storage", () => new OfficeRuntimeStore(officeRuntimeStorage())],
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

  test("removeByPrefix removes exactly the keys with that prefix and counts them", async () => {
    const s = make();
    await s.set("cntech:v1:eodhd:0700.HK", "x");
    await s.set("cntech:v1:eodhd:9988.HK", "y");
    await s.set("cntech:v1:fmp:0700.HK", "z");
    await s.set("cntech:apikey:eodhd", "secret");
    await s.set("cntech:settings:v1", "{}");
    expect(await s.removeByPrefix("cntech:v1:eodhd:")).toBe(2);
    expect(await s.get("cntech:v1:eodhd:0700.HK")).toBeUndefined();
    expect(await s.get("cntech:v1:eodhd:9988.HK")).toBeUndefined();
    expect(await s.get("cntech:v1:fmp:0700.HK")).toBe("z");
    expect(await s.get("cntech:apikey:eodhd")).toBe("secret");
    expect(await s.get("cntech:settings:v1")).toBe("{}");
    expect(await s.removeByPrefix("cntech:v1:eodhd:")).toBe(0);
  });
});

test("IndexedDB keeps data across store objects on the same database (a reload)", async () => {
  const factory = new FakeIDBFactory();
  await new IndexedDbStore(factory).set("k", "v");
  expect(await new IndexedDbStore(factory).get("k")).toBe("v");
});

test("IndexedDB is opened once and reused", async () => {
  const factory = new FakeIDBFactory();
  let opened = 0;
  const open = factory.open.bind(factory);
  factory.open = (name: string, version?: number) => {
    opened++;
    return open(name, version);
  };
  const s = new IndexedDbStore(factory);
  await Promise.all([s.set("a", "1"), s.get("a"), s.set("b", "2")]);
  await s.removeByPrefix("a");
  expect(opened).toBe(1);
});
