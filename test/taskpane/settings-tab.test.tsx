/**
 * @jest-environment jsdom
 */
/** The Settings tab: provider choice, a key that is stored but never shown back, test, cache. */
import { render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { SettingsTab } from "../../src/taskpane/settings/SettingsTab";
import { SettingsService } from "../../src/taskpane/settings/settings-service";
import { MemoryKeyValueStore, maskKey } from "../../src/taskpane/settings/settings-store";
import { MarketData } from "../../src/data/market-data";
import { MarketDataConfig } from "../../src/data/configure";
import { createProvider } from "../../src/data/configure";
import { dayFromIso } from "../../src/core/dates";

class NoopResizeObserver {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}
(window as unknown as { ResizeObserver: unknown }).ResizeObserver ??= NoopResizeObserver;

const KEY = "sk_live_0123456789SECRETabcd";

function setup(
  build: (config: MarketDataConfig) => MarketDataConfig = () => ({ provider: "demo" }),
  store: MemoryKeyValueStore = new MemoryKeyValueStore()
) {
  const configured: MarketDataConfig[] = [];
  // The page's service: the demo, so "test connection" and the cache work offline.
  let current = new MarketData(createProvider({ provider: "demo" }));
  const service = new SettingsService({
    store,
    configure: (config) => {
      configured.push(config);
      current = new MarketData(createProvider(build(config)));
      return current;
    },
    current: () => current,
    today: () => dayFromIso("2025-06-30"),
  });
  render(
    <FluentProvider theme={webLightTheme}>
      <SettingsTab service={service} storeKind="memory for this session" />
    </FluentProvider>
  );
  return { store, configured, service, current: () => current };
}

describe("Settings tab", () => {
  it("saves an API key without ever showing it back in full", async () => {
    const { store, configured } = setup();
    const user = userEvent.setup();
    await user.selectOptions(await screen.findByLabelText("Data provider"), "fmp");
    const keyBox = screen.getByLabelText("API key") as HTMLInputElement;
    expect(keyBox.type).toBe("password");
    await user.type(keyBox, KEY);
    await user.click(screen.getByRole("button", { name: "Save settings" }));
    expect(
      await screen.findByText(/Saved\. Formulas and imports now use this data source/)
    ).toBeTruthy();
    expect(configured).toEqual([expect.objectContaining({ provider: "fmp", apiKey: KEY })]);
    expect(await store.getItem("cntech:apikey:fmp")).toBe(KEY);
    expect(JSON.parse((await store.getItem("cntech:settings:v1"))!)).toEqual({ provider: "fmp" });
    // The field is emptied and only the masked tail is shown.
    expect((screen.getByLabelText("API key") as HTMLInputElement).value).toBe("");
    await waitFor(() => expect(document.body.textContent).toContain(maskKey(KEY)));
    expect(document.body.textContent).not.toContain(KEY);
    expect(document.body.innerHTML).not.toContain(KEY.slice(0, 12));
  });

  it("refuses to save a keyed provider without a key, in plain words", async () => {
    const { configured } = setup();
    const user = userEvent.setup();
    await user.selectOptions(await screen.findByLabelText("Data provider"), "eodhd");
    await user.click(screen.getByRole("button", { name: "Save settings" }));
    expect(await screen.findByText(/Enter an API key for this provider/)).toBeTruthy();
    expect(configured).toEqual([]);
  });

  it("tests the form's source without touching the data in force; shows and clears the cache", async () => {
    const { current } = setup();
    const user = userEvent.setup();
    expect(await screen.findByText("Cached series: 0")).toBeTruthy();
    await user.click(screen.getByRole("button", { name: "Test connection" }));
    expect(
      await screen.findByText(
        /^Connected: asked Demo \(synthetic, built in\) for the daily history of \^NDX from 2025-06-16 to 2025-06-30; \d+ closes came back, the last on 2025-06-\d\d \(synthetic data\)\.$/
      )
    ).toBeTruthy();
    expect(current().cachedSeriesCount).toBe(0);
    await current().getHistory("^NDX", dayFromIso("2025-06-01"), dayFromIso("2025-06-30"));
    await user.click(screen.getByRole("button", { name: "Test connection" }));
    expect(await screen.findByText("Cached series: 1")).toBeTruthy();
    await user.click(screen.getByRole("button", { name: "Clear cache" }));
    expect(await screen.findByText("Cached series: 0")).toBeTruthy();
    expect(
      await screen.findByText("Cache cleared. Data is fetched again when next needed.")
    ).toBeTruthy();
    expect(current().cachedSeriesCount).toBe(0);
  });

  it("saves CSV files as the provider and asks for them when none are chosen", async () => {
    const { configured } = setup();
    const user = userEvent.setup();
    await user.selectOptions(await screen.findByLabelText("Data provider"), "csv");
    await user.click(screen.getByRole("button", { name: "Save settings" }));
    expect(await screen.findByText("Choose one or more CSV files, then save.")).toBeTruthy();
    await user.upload(
      screen.getByLabelText("CSV files"),
      new File(["Date,Close\n2025-03-03,10\n"], "NVDA.csv", { type: "text/csv" })
    );
    await user.click(screen.getByRole("button", { name: "Save settings" }));
    expect(await screen.findByText(/^Saved\./)).toBeTruthy();
    expect(configured).toEqual([
      expect.objectContaining({
        provider: "csv",
        csvFiles: [{ name: "NVDA.csv", text: "Date,Close\n2025-03-03,10\n" }],
      }),
    ]);
  });

  it("lists the rows of saved files that were repaired or left out, with file and line", async () => {
    setup((config) => config); // the files really become the source
    const user = userEvent.setup();
    await user.selectOptions(await screen.findByLabelText("Data provider"), "csv");
    const text =
      "Date,Close,Adj Close\n2025-03-03,10,9\n2025-03-04,11,\n2025-03-05,abc,\n2025-03-06,12,10.8\n";
    await user.upload(
      screen.getByLabelText("CSV files"),
      new File([text], "NVDA.csv", { type: "text/csv" })
    );
    await user.click(screen.getByRole("button", { name: "Save settings" }));
    expect(
      await screen.findByText(/Some rows of the files were merged, repaired or left out/)
    ).toBeTruthy();
    const list = screen.getByRole("list", { name: "Rows merged, repaired or left out" });
    const items = Array.from(list.querySelectorAll("li")).map((li) => li.textContent);
    expect(items).toEqual([
      // 11 × the next row's factor (10.8 / 12 = 0.9).
      "NVDA.csv line 3: NVDA 2025-03-04: adjusted close is blank; filled from the close × the next row's adjustment factor: 9.9",
      'NVDA.csv line 4: NVDA 2025-03-05: close "abc" is not a positive price: the day is left out (the previous close stands for it)',
    ]);
  });

  it("shows the saved provider, and no form to save, until the saved settings are read", async () => {
    // A store that answers only when released, as OfficeRuntime.storage may after a reload.
    let release: () => void = () => undefined;
    const gate = new Promise<void>((r) => (release = r));
    class SlowStore extends MemoryKeyValueStore {
      async getItem(key: string): Promise<string | null> {
        await gate;
        return super.getItem(key);
      }
    }
    const store = new SlowStore();
    await store.setItem("cntech:settings:v1", JSON.stringify({ provider: "csv" }));
    const { configured } = setup(undefined, store);
    expect(screen.getByRole("status").textContent).toMatch(/Reading the saved settings/);
    expect(screen.queryByRole("button", { name: "Save settings" })).toBeNull();
    expect(screen.queryByLabelText("Data provider")).toBeNull();
    release();
    const select = (await screen.findByLabelText("Data provider")) as HTMLSelectElement;
    expect(select.value).toBe("csv");
    expect(configured).toEqual([]);
  });

  it("says so when the saved settings cannot be read, and offers the demo", async () => {
    class BrokenStore extends MemoryKeyValueStore {
      async getItem(): Promise<string | null> {
        throw new Error("storage unavailable");
      }
    }
    setup(undefined, new BrokenStore());
    const select = (await screen.findByLabelText("Data provider")) as HTMLSelectElement;
    expect(select.value).toBe("demo");
    expect(
      await screen.findByText(/The saved settings could not be read \(storage unavailable\)/)
    ).toBeTruthy();
  });
});
