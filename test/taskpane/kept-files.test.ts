/**
 * The CSV source survives a reload: the chosen files are kept in the settings store with their
 * names and sizes (up to a stated limit) and re-applied at start-up; over the limit only names and
 * sizes are kept, and after a reload every formula is #N/A saying the files must be chosen again,
 * with a notice for the pane - never a silent fall-back to the demo.
 */
import { SettingsService } from "../../src/taskpane/settings/settings-service";
import { MemoryKeyValueStore } from "../../src/taskpane/settings/settings-store";
import {
  formatSize,
  KEPT_FILES_LIMIT_BYTES,
  utf8Bytes,
} from "../../src/taskpane/settings/kept-files";
import { createProvider, MarketDataConfig } from "../../src/data/configure";
import { MarketData } from "../../src/data/market-data";
import { ProviderError } from "../../src/data/provider-error";
import { dayFromIso } from "../../src/core/dates";

const NVDA = "Date,Close\n2025-03-03,10\n2025-03-04,11\n";

function session(store: MemoryKeyValueStore) {
  const configured: MarketDataConfig[] = [];
  let current = new MarketData(createProvider({ provider: "demo" }));
  const service = new SettingsService({
    store,
    configure: (c) => {
      configured.push(c);
      current = new MarketData(createProvider(c));
      return current;
    },
    current: () => current,
    recalculate: async () => "application-full",
  });
  return { service, configured, current: () => current };
}

describe("CSV files across a reload", () => {
  it("measures sizes in UTF-8 bytes", () => {
    expect(utf8Bytes("abc")).toBe(3);
    expect(utf8Bytes("é")).toBe(2);
    expect(utf8Bytes("€")).toBe(3);
    expect(utf8Bytes("😀")).toBe(4);
    expect(formatSize(KEPT_FILES_LIMIT_BYTES)).toBe("2.0 MB");
  });

  it("keeps the files with names and sizes and re-applies them after a reload", async () => {
    const store = new MemoryKeyValueStore();
    const first = session(store);
    const saved = await first.service.save({
      provider: "csv",
      csvFiles: [{ name: "NVDA.csv", text: NVDA }],
    });
    expect(saved.filesKept).toEqual({ kept: true, bytes: NVDA.length });
    expect(await first.service.keptFiles()).toEqual([
      { name: "NVDA.csv", size: NVDA.length, text: NVDA },
    ]);

    const reloaded = session(store);
    expect(await reloaded.service.restore()).toEqual({ provider: "csv" });
    expect(reloaded.configured).toEqual([
      expect.objectContaining({ provider: "csv", csvFiles: [{ name: "NVDA.csv", text: NVDA }] }),
    ]);
    const h = await reloaded
      .current()
      .getHistory("NVDA", dayFromIso("2025-03-03"), dayFromIso("2025-03-04"));
    expect(Array.from(h.series.close)).toEqual([10, 11]);
    expect(h.provenance.synthetic).toBe(false);
  });

  it("uses the kept files when Save is pressed with none chosen", async () => {
    const store = new MemoryKeyValueStore();
    const s = session(store);
    await s.service.save({ provider: "csv", csvFiles: [{ name: "NVDA.csv", text: NVDA }] });
    const again = await s.service.save({ provider: "csv" });
    expect(again.filesKept).toBeUndefined();
    expect(s.configured[1]).toEqual(
      expect.objectContaining({ csvFiles: [{ name: "NVDA.csv", text: NVDA }] })
    );
  });

  it("over the limit keeps names and sizes only; after a reload formulas are #N/A saying so", async () => {
    const store = new MemoryKeyValueStore();
    const big = "Date,Close\n" + "2025-03-03,10\n".repeat(Math.ceil(KEPT_FILES_LIMIT_BYTES / 14));
    const first = session(store);
    const saved = await first.service.save({
      provider: "csv",
      csvFiles: [{ name: "big.csv", text: big }],
    });
    expect(saved.filesKept).toEqual({
      kept: false,
      bytes: big.length,
      reason: `${formatSize(big.length)} is over the 2.0 MB kept between sessions`,
    });
    expect(await first.service.keptFiles()).toEqual([{ name: "big.csv", size: big.length }]);

    const reloaded = session(store);
    const outcome = await reloaded.service.restore();
    expect(outcome).toEqual({
      provider: "csv",
      notice:
        "The CSV files chosen in Settings (big.csv) were not kept after the pane reloaded: choose them again in Settings. Until then CNTECH formulas show #N/A saying so.",
    });
    expect(reloaded.configured).toEqual([{ provider: "csv", csvFileNames: ["big.csv"] }]);
    const md = reloaded.current();
    expect(md.providerName).toBe("CSV files (big.csv)");
    const err = await md
      .getHistory("NVDA", dayFromIso("2025-03-03"), dayFromIso("2025-03-04"))
      .catch((e) => e);
    expect(err).toBeInstanceOf(ProviderError);
    expect(err.kind).toBe("na");
    expect(err.message).toBe(
      "CSV files (big.csv): not loaded since the pane was reloaded; choose the files again in Settings"
    );
    // Save without choosing files cannot silently reuse what was not kept.
    await expect(reloaded.service.save({ provider: "csv" })).rejects.toThrow(
      "Choose one or more CSV files, then save."
    );
  });
});
