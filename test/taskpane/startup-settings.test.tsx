/**
 * @jest-environment jsdom
 */
/**
 * The saved data source is re-applied once at start-up, by the page's entry before the pane loads;
 * the pane shows that same outcome instead of restoring again.
 */
import { render, screen } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { App } from "../../src/taskpane/components/App";
import { SettingsService } from "../../src/taskpane/settings/settings-service";
import { startupSettings } from "../../src/taskpane/settings/startup-settings";
import { freshExcel } from "./fixtures";

// jsdom has no ResizeObserver; Fluent's MessageBar uses one to reflow.
class NoopResizeObserver {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}
(window as unknown as { ResizeObserver: unknown }).ResizeObserver ??= NoopResizeObserver;

afterEach(() => jest.restoreAllMocks());

it("restores the saved source once however often it is asked", async () => {
  const restore = jest
    .spyOn(SettingsService.prototype, "restore")
    .mockResolvedValue({ provider: "demo" });
  const startup = startupSettings();
  const first = startup.restore();
  expect(startup.restore()).toBe(first);
  await first;
  expect(restore).toHaveBeenCalledTimes(1);
});

it("the pane shows the notice of the restore its entry started, without restoring again", async () => {
  freshExcel();
  const restore = jest.spyOn(SettingsService.prototype, "restore").mockResolvedValue({
    provider: "demo",
    notice: "The saved data source could not be applied (no key).",
  });
  const startup = startupSettings();
  void startup.restore(); // as the entry does before the pane's code loads
  render(
    <FluentProvider theme={webLightTheme}>
      <App startup={startup} />
    </FluentProvider>
  );
  expect(await screen.findByText(/could not be applied \(no key\)/)).toBeTruthy();
  expect(restore).toHaveBeenCalledTimes(1);
});
