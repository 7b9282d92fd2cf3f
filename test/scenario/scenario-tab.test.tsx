/**
 * @jest-environment jsdom
 */
import { TextEncoder } from "util";
// jsdom lacks TextEncoder, which the in-memory Excel uses to measure payloads.
Object.assign(globalThis, { TextEncoder });
import { act, cleanup, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { installExcelSim, ExcelSim } from "../../src/workbench/excel-sim";
import { ScenarioTab } from "../../src/taskpane/scenario/ScenarioTab";
import { WRITE_DEBOUNCE_MS } from "../../src/taskpane/scenario/use-scenario-workbook";
import { CALIBRATION_REPORT, EVENT_ROWS } from "../../src/core/scenario";

let sim: ExcelSim;
beforeAll(() => {
  // jsdom has no canvas: the charts fall back to their text alternative.
  HTMLCanvasElement.prototype.getContext = (() => null) as never;
  // Nor ResizeObserver, which Fluent's MessageBar uses to reflow; browsers and Office hosts have it.
  (globalThis as unknown as { ResizeObserver: unknown }).ResizeObserver = class {
    observe(): void {}
    unobserve(): void {}
    disconnect(): void {}
  };
});
afterEach(async () => {
  // Unmounting flushes a pending write; let it land in this test's workbook, not the next one's.
  cleanup();
  await new Promise((r) => setTimeout(r, 100));
});
beforeEach(() => {
  sim = installExcelSim(globalThis as unknown as Record<string, unknown>);
});

const renderTab = () =>
  render(
    <FluentProvider theme={webLightTheme}>
      <ScenarioTab />
    </FluentProvider>
  );

const level = (id: string): unknown => {
  const ref = sim.api.resolveName("CNTECH_SCENARIO");
  if (!ref) return undefined;
  const rows = sim.api.getValues(ref.sheet, ref.address);
  return rows.find((r) => r[0] === id)?.[1];
};

describe("Scenario tab", () => {
  test("every slider, the preset picker and the reset button have accessible names", () => {
    renderTab();
    for (const name of [
      "Export controls",
      "Tariffs / trade escalation",
      "Taiwan Strait tension",
      "Beijing policy support",
      "AI breakthrough momentum",
      "Capital-flow / delisting risk",
      "CNY move vs USD",
    ])
      expect(screen.getByRole("slider", { name })).toBeTruthy();
    expect(screen.getByRole("combobox", { name: "Scenario preset" })).toBeTruthy();
    expect(screen.getByRole("button", { name: "Reset scenario" })).toBeTruthy();
  });

  test("moving a slider writes CNTECH_SCENARIO once, after the debounce", async () => {
    renderTab();
    await waitFor(() => expect(sim.stats.runCount).toBe(2)); // the mount-time read of both names
    const slider = screen.getByRole("slider", { name: "Export controls" });
    await act(async () => {
      fireEvent.change(slider, { target: { value: "1" } });
      fireEvent.change(slider, { target: { value: "1.5" } });
      fireEvent.change(slider, { target: { value: "2" } });
    });
    await waitFor(() => expect(level("EXPORT_CONTROLS")).toBe(2), {
      timeout: WRITE_DEBOUNCE_MS * 8,
    });
    expect(sim.stats.runCount).toBe(3); // three moves, one Excel.run
    expect(sim.api.resolveName("CNTECH_SCENARIO")).toEqual({ sheet: "Scenario", address: "A2:B8" });
    expect(screen.getByTestId("scenario-slider-EXPORT_CONTROLS-value").textContent).toContain(
      "major new package"
    );
    // The numbers update: export controls hurt HSTECH more than the Nasdaq.
    await waitFor(() => expect(screen.getByTestId("scenario-spread").textContent).toMatch(/^−/));
  });

  test("picking a preset moves the sliders and writes its levels; reset writes zeros", async () => {
    renderTab();
    await act(async () => {
      fireEvent.change(screen.getByRole("combobox", { name: "Scenario preset" }), {
        target: { value: "LIBERATION_DAY_2025" },
      });
    });
    expect(
      (screen.getByRole("slider", { name: "Tariffs / trade escalation" }) as HTMLInputElement).value
    ).toBe("3");
    await waitFor(() => expect(level("TARIFFS")).toBe(3), { timeout: WRITE_DEBOUNCE_MS * 8 });
    // The real moves (event table, public price files) sit beside the model's.
    const table = screen.getByRole("table", { name: /Liberation Day.*real vs model/ });
    const ktec = EVENT_ROWS.find((r) => r[0] === "LIBERATION_DAY_2025" && r[1] === "KTEC")![4];
    expect(table.textContent).toContain(`−${(-100 * ktec).toFixed(1)} %`);
    // The calibration view lists every event's in-sample and left-out errors.
    const errors = screen.getByRole("table", { name: "Calibration errors by event" });
    expect(within(errors).getAllByRole("row")).toHaveLength(1 + CALIBRATION_REPORT.events.length);
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "Reset scenario" }));
    });
    await waitFor(() => expect(level("TARIFFS")).toBe(0), { timeout: WRITE_DEBOUNCE_MS * 8 });
    expect(
      (screen.getByRole("combobox", { name: "Scenario preset" }) as HTMLSelectElement).value
    ).toBe("CUSTOM");
  });

  test("states where the Monte Carlo's vols come from, labelling synthetic demo history", async () => {
    renderTab();
    await waitFor(
      () => expect(screen.getByText(/one year of demo \(synthetic\) history/)).toBeTruthy(),
      { timeout: 10000 }
    );
  }, 15000);

  test("opens on the levels already in the workbook (the workbook is the source of truth)", async () => {
    sim.api.addSheet("Scenario");
    sim.api.setCell("Scenario", "A1", "TAIWAN");
    sim.api.setCell("Scenario", "B1", -2);
    sim.api.defineName("CNTECH_SCENARIO", "Scenario", "A1:B1");
    renderTab();
    await waitFor(() =>
      expect(
        (screen.getByRole("slider", { name: "Taiwan Strait tension" }) as HTMLInputElement).value
      ).toBe("-2")
    );
  });

  test("a broken CNTECH_EXPOSURES table is reported instead of numbers; the levels still load", async () => {
    sim.api.addSheet("Scenario");
    sim.api.setCell("Scenario", "A1", "TARIFFS");
    sim.api.setCell("Scenario", "B1", 1);
    sim.api.defineName("CNTECH_SCENARIO", "Scenario", "A1:B1");
    sim.api.setCell("Scenario", "D1", "Symbol");
    sim.api.setCell("Scenario", "E1", "TARIFFS");
    sim.api.setCell("Scenario", "D2", "0700.HK");
    sim.api.setCell("Scenario", "E2", "lots");
    sim.api.defineName("CNTECH_EXPOSURES", "Scenario", "D1:E2");
    renderTab();
    await waitFor(() =>
      expect(
        screen.getByText(/CNTECH_EXPOSURES: .*0700.HK \/ TARIFFS is "lots", not a number/)
      ).toBeTruthy()
    );
    expect(
      (screen.getByRole("slider", { name: "Tariffs / trade escalation" }) as HTMLInputElement).value
    ).toBe("1");
    expect(screen.queryByTestId("scenario-spread")).toBeNull();
  });

  test("a GPR CSV sets the sliders to the implied levels and writes them", async () => {
    renderTab();
    const csv = "month,GPR\n2024-01-01,100\n2024-02-01,110\n2024-03-01,99\n2024-04-01,121\n";
    const file = new File([csv], "gpr.csv", { type: "text/csv" });
    if (!file.text) Object.assign(file, { text: async () => csv }); // older jsdom Blob lacks text()
    await act(async () => {
      fireEvent.change(screen.getByLabelText("GPR CSV file"), { target: { files: [file] } });
    });
    await waitFor(() => expect(screen.getByText(/Loaded gpr.csv/)).toBeTruthy());
    fireEvent.change(screen.getByLabelText("From month"), { target: { value: "2024-01" } });
    fireEvent.change(screen.getByLabelText("To month"), { target: { value: "2024-04" } });
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "Apply GPR move" }));
    });
    // z = ln(1.21) / σ of the three monthly log changes, worked here independently.
    const d = [Math.log(1.1), Math.log(0.9), Math.log(121 / 99)];
    const m = d.reduce((a, b) => a + b) / 3;
    const z = Math.log(1.21) / Math.sqrt(d.reduce((a, x) => a + (x - m) ** 2, 0) / 2);
    await waitFor(() => expect(level("TAIWAN")).toBeCloseTo(0.6 * z, 10), {
      timeout: WRITE_DEBOUNCE_MS * 8,
    });
    expect(screen.getByText(new RegExp(`${z.toFixed(2)} σ move`))).toBeTruthy();
  });
});
