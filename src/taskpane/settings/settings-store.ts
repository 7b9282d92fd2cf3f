/**
 * Where the pane keeps its settings and API keys: OfficeRuntime.storage inside Excel (per add-in,
 * outside the workbook), else the browser's localStorage (the workbench), else memory (tests, Node).
 * Never the workbook, never a log line.
 */
export interface KeyValueStore {
  getItem(key: string): Promise<string | null>;
  setItem(key: string, value: string): Promise<void>;
  removeItem(key: string): Promise<void>;
}

export type StoreKind = "office-runtime" | "local-storage" | "memory";

export class MemoryKeyValueStore implements KeyValueStore {
  private readonly map = new Map<string, string>();
  async getItem(key: string): Promise<string | null> {
    return this.map.get(key) ?? null;
  }
  async setItem(key: string, value: string): Promise<void> {
    this.map.set(key, value);
  }
  async removeItem(key: string): Promise<void> {
    this.map.delete(key);
  }
}

function wrapLocalStorage(ls: Storage): KeyValueStore {
  return {
    getItem: async (k) => ls.getItem(k),
    setItem: async (k, v) => ls.setItem(k, v),
    removeItem: async (k) => ls.removeItem(k),
  };
}

/** The best store this host offers. */
export function detectSettingsStore(host: Record<string, unknown> = globalThis as never): {
  kind: StoreKind;
  store: KeyValueStore;
} {
  const runtime = host.OfficeRuntime as { storage?: KeyValueStore } | undefined;
  if (runtime?.storage && typeof runtime.storage.getItem === "function")
    return { kind: "office-runtime", store: runtime.storage };
  try {
    const ls = host.localStorage as Storage | undefined;
    if (ls && typeof ls.getItem === "function")
      return { kind: "local-storage", store: wrapLocalStorage(ls) };
  } catch {
    // localStorage can throw when storage is disabled; fall through to memory.
  }
  return { kind: "memory", store: new MemoryKeyValueStore() };
}

/** Shows only that a key exists and its last four characters: "••••••••abcd". */
export function maskKey(key: string): string {
  const tail = key.length > 8 ? key.slice(-4) : "";
  return "••••••••" + tail;
}
