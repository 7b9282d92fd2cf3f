/**
 * @jest-environment jsdom
 */
/** The pane's shell: four tabs; panels stay mounted once visited. */
import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { App } from "../../src/taskpane/components/App";
import { freshExcel } from "./fixtures";
import { getMarketData, MarketData, setMarketData } from "../../src/data/market-data";
import { createProvider } from "../../src/data/configure";

class NoopResizeObserver {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}
(window as unknown as { ResizeObserver: unknown }).ResizeObserver ??= NoopResizeObserver;

it("offers Import, Scenario, Templates and Settings tabs and switches between them", async () => {
  freshExcel();
  const user = userEvent.setup();
  render(
    <FluentProvider theme={webLightTheme}>
      <App />
    </FluentProvider>
  );
  expect(screen.getAllByRole("tab")).toHaveLength(4);
  for (const name of ["Import", "Scenario", "Templates", "Settings"])
    expect(screen.getByRole("tab", { name })).toBeTruthy();
  expect(screen.getByRole("button", { name: "Import" })).toBeTruthy();
  await user.click(screen.getByRole("tab", { name: "Templates" }));
  expect(await screen.findByRole("button", { name: "Insert self-test" })).toBeTruthy();
  expect(screen.getByText(/on the current data source/)).toBeTruthy();
  await user.click(screen.getByRole("tab", { name: "Settings" }));
  expect(await screen.findByLabelText("Data provider")).toBeTruthy();
  // The Import form is hidden, not gone: an import in progress keeps its state.
  expect(screen.getByRole("button", { name: "Import", hidden: true })).toBeTruthy();
});

describe("the pane's wording follows the active source", () => {
  const demo = getMarketData();
  afterEach(() => setMarketData(demo));

  it("says synthetic on demo data", async () => {
    freshExcel();
    render(
      <FluentProvider theme={webLightTheme}>
        <App />
      </FluentProvider>
    );
    expect(screen.getByText(/China tech vs the Nasdaq, on demo data \(synthetic/)).toBeTruthy();
  });

  it("never says 'Demo data is synthetic' with Financial Modeling Prep selected", async () => {
    freshExcel();
    setMarketData(new MarketData(createProvider({ provider: "fmp", apiKey: "test-key" })));
    const user = userEvent.setup();
    render(
      <FluentProvider theme={webLightTheme}>
        <App />
      </FluentProvider>
    );
    expect(
      screen.getByText("China tech vs the Nasdaq, on data from Financial Modeling Prep.")
    ).toBeTruthy();
    await user.click(screen.getByRole("tab", { name: "Settings" }));
    expect(await screen.findByText(/Prices come from Financial Modeling Prep/)).toBeTruthy();
    expect(screen.queryByText(/Demo data is synthetic/i)).toBeNull();
    expect(screen.queryByText(/on demo data/i)).toBeNull();
  });
});
