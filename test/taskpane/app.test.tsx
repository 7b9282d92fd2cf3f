/**
 * @jest-environment jsdom
 */
/** The pane's shell: three tabs; panels stay mounted once visited. */
import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { App } from "../../src/taskpane/components/App";
import { freshExcel } from "./fixtures";

class NoopResizeObserver {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}
(window as unknown as { ResizeObserver: unknown }).ResizeObserver ??= NoopResizeObserver;

it("offers Import, Scenario and Settings tabs and switches between them", async () => {
  freshExcel();
  const user = userEvent.setup();
  render(
    <FluentProvider theme={webLightTheme}>
      <App />
    </FluentProvider>
  );
  expect(screen.getAllByRole("tab")).toHaveLength(3);
  for (const name of ["Import", "Scenario", "Settings"])
    expect(screen.getByRole("tab", { name })).toBeTruthy();
  expect(screen.getByRole("button", { name: "Import" })).toBeTruthy();
  await user.click(screen.getByRole("tab", { name: "Settings" }));
  expect(await screen.findByLabelText("Data provider")).toBeTruthy();
  // The Import form is hidden, not gone: an import in progress keeps its state.
  expect(screen.getByRole("button", { name: "Import", hidden: true })).toBeTruthy();
});
