/**
 * The CSV files chosen in Settings, kept in the settings store (OfficeRuntime.storage in Excel,
 * the browser's local storage in the workbench; never the workbook) so the source survives a
 * reload. Up to KEPT_FILES_LIMIT_BYTES in all (OfficeRuntime.storage holds 10 MB per add-in, local
 * storage about 5 MB per site); larger selections keep only their names and sizes, and the pane
 * asks for the files again after a reload.
 */
import { KeyValueStore } from "./settings-store";

export const KEPT_FILES_LIMIT_BYTES = 2 * 1024 * 1024;
const KEY = "cntech:csvfiles:v1";

export interface KeptFile {
  readonly name: string;
  /** UTF-8 size of the text in bytes. */
  readonly size: number;
  /** Absent when the files were too large (or the store refused them). */
  readonly text?: string;
}

export interface KeepOutcome {
  readonly kept: boolean;
  readonly bytes: number;
  /** Why the text was not kept. */
  readonly reason?: string;
}

/** UTF-8 length without TextEncoder (jsdom test environments lack it). */
export function utf8Bytes(text: string): number {
  let n = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
  }
  return n;
}

/** "812 B", "12.4 KB", "2.1 MB". */
export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** Keeps the files (or, over the limit, their names and sizes only). */
export async function keepFiles(
  store: KeyValueStore,
  files: ReadonlyArray<{ name: string; text: string }>
): Promise<KeepOutcome> {
  const sized = files.map((f) => ({ name: f.name, size: utf8Bytes(f.text), text: f.text }));
  const bytes = sized.reduce((n, f) => n + f.size, 0);
  const namesOnly = JSON.stringify(sized.map(({ name, size }) => ({ name, size })));
  if (bytes > KEPT_FILES_LIMIT_BYTES) {
    await store.setItem(KEY, namesOnly);
    return {
      kept: false,
      bytes,
      reason: `${formatSize(bytes)} is over the ${formatSize(KEPT_FILES_LIMIT_BYTES)} kept between sessions`,
    };
  }
  try {
    await store.setItem(KEY, JSON.stringify(sized));
    return { kept: true, bytes };
  } catch (e) {
    await store.setItem(KEY, namesOnly).catch(() => undefined);
    return { kept: false, bytes, reason: `the storage refused them (${(e as Error).message})` };
  }
}

/** The kept files, or undefined when none were ever kept (or the entry is unreadable). */
export async function keptFiles(store: KeyValueStore): Promise<KeptFile[] | undefined> {
  const text = await store.getItem(KEY);
  if (!text) return undefined;
  try {
    const parsed = JSON.parse(text) as KeptFile[];
    return Array.isArray(parsed) && parsed.every((f) => typeof f.name === "string")
      ? parsed
      : undefined;
  } catch {
    return undefined;
  }
}

/** Names and texts when every kept file has its text; undefined otherwise. */
export function loadableFiles(
  kept: readonly KeptFile[] | undefined
): { name: string; text: string }[] | undefined {
  if (!kept?.length || kept.some((f) => typeof f.text !== "string")) return undefined;
  return kept.map((f) => ({ name: f.name, text: f.text! }));
}
