/**
 * @jest-environment jsdom
 */
/** The Import tab driven like a user: labelled controls, inline errors, a full import on demo data. */
import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { ImportTab } from "../../src/taskpane/import/ImportTab";
import { freshExcel } from "./fixtures";

// jsdom has no ResizeObserver; Fluent's MessageBar measures itself with one.
class NoopResizeObserver {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}
(window as unknown as { ResizeObserver: unknown }).ResizeObserver ??= NoopResizeObserver;

function renderTab() {
  return render(
    <FluentProvider theme={webLightTheme}>
      <ImportTab settingsSourceName="demo (synthetic)" />
    </FluentProvider>
  );
}

describe("Import tab", () => {
  it("shows an inline error for symbols it does not recognise and writes nothing", async () => {
    const sim = freshExcel();
    const user = userEvent.setup();
    renderTab();
    await user.click(screen.getByRole("radio", { name: "Custom list" }));
    await user.type(screen.getByLabelText("Symbols"), "0700.HK{enter}ticker!{enter}$$$");
    await user.click(screen.getByRole("button", { name: "Import" }));
    expect(await screen.findByText(/Not recognised as symbols: ticker!, \$\$\$/)).toBeTruthy();
    expect(sim.api.listSheets()).toEqual(["Sheet1"]);
  });

  it("rejects a custom window whose start is after its end, saying what to fix", async () => {
    freshExcel();
    const user = userEvent.setup();
    renderTab();
    await user.selectOptions(screen.getByLabelText("Date range"), "custom");
    await user.type(screen.getByLabelText("Start date"), "2025-06-30");
    await user.type(screen.getByLabelText("End date"), "2025-01-02");
    await user.click(screen.getByRole("button", { name: "Import" }));
    expect(await screen.findByText("The start date must be before the end date.")).toBeTruthy();
    await user.clear(screen.getByLabelText("Start date"));
    await user.type(screen.getByLabelText("Start date"), "30/06/2025");
    await user.click(screen.getByRole("button", { name: "Import" }));
    expect(await screen.findByText(/Enter the start date as YYYY-MM-DD/)).toBeTruthy();
  });

  it("imports a custom basket on demo data and reports the sheets written", async () => {
    const sim = freshExcel();
    const user = userEvent.setup();
    renderTab();
    await user.click(screen.getByRole("radio", { name: "Custom list" }));
    await user.type(screen.getByLabelText("Symbols"), "0700.HK 0.6{enter}9988.HK 0.4");
    await user.selectOptions(screen.getByLabelText("Data source"), "demo");
    await user.click(screen.getByRole("button", { name: "Import" }));
    const status = screen.getByRole("status");
    expect(
      await within(status).findByText(/Imported 2 constituents and \^XNDX/, {}, { timeout: 5000 })
    ).toBeTruthy();
    expect(sim.api.listSheets()).toEqual([
      "Sheet1",
      "CNTech Prices",
      "CNTech Returns",
      "CNTech Performance",
      "CNTech Summary",
    ]);
    // Weights from the list reach the summary table.
    const table = sim.api.listTables().find((t) => t.sheet === "CNTech Summary")!;
    const rows = sim.api.getValues("CNTech Summary", table.address);
    expect(rows.slice(1, 3).map((r) => [r[0], r[1]])).toEqual([
      ["0700.HK", 0.6],
      ["9988.HK", 0.4],
    ]);
  });

  it("asks before replacing sheets that hold data, then replaces them when told to", async () => {
    const sim = freshExcel();
    sim.api.addSheet("CNTech Summary");
    sim.api.setCell("CNTech Summary", "A1", "my notes");
    const user = userEvent.setup();
    renderTab();
    await user.click(screen.getByRole("radio", { name: "Custom list" }));
    await user.type(screen.getByLabelText("Symbols"), "0700.HK");
    await user.selectOptions(screen.getByLabelText("Data source"), "demo");
    await user.click(screen.getByRole("checkbox", { name: /Replace existing CNTech sheets/ }));
    await user.click(screen.getByRole("button", { name: "Import" }));
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toMatch(/CNTech Summary/);
    expect(sim.api.getCell("CNTech Summary", "A1").value).toBe("my notes");
    await user.click(within(alert).getByRole("button", { name: "Replace sheets" }));
    expect(await screen.findByText(/Imported 1 constituents/, {}, { timeout: 5000 })).toBeTruthy();
    expect(sim.api.getCell("CNTech Summary", "A1").value).toMatch(/^CNTech summary/);
  });

  it("says where to add a key when importing from a provider that has none saved", async () => {
    const sim = freshExcel();
    const user = userEvent.setup();
    renderTab();
    await user.selectOptions(screen.getByLabelText("Data source"), "fmp");
    await user.click(screen.getByRole("button", { name: "Import" }));
    expect(
      await within(screen.getByRole("status")).findByText(
        /No Financial Modeling Prep API key is saved\. Add it in the Settings tab/
      )
    ).toBeTruthy();
    expect(sim.api.listSheets()).toEqual(["Sheet1"]);
  });

  it("imports from CSV files chosen for this import", async () => {
    const sim = freshExcel();
    const user = userEvent.setup();
    renderTab();
    const csv = (start: number) =>
      [
        "Date,Close",
        ...Array.from(
          { length: 30 },
          (_, i) => `2025-03-${String(i + 1).padStart(2, "0")},${start + i}`
        ),
      ].join("\n");
    const files = [
      new File([csv(100) + "\n2025-03-31,not a price"], "AAPL.csv", { type: "text/csv" }),
      new File([csv(200)], "QQQ.csv", { type: "text/csv" }),
    ];
    await user.click(screen.getByRole("radio", { name: "Custom list" }));
    await user.type(screen.getByLabelText("Symbols"), "AAPL");
    await user.clear(screen.getByLabelText("Benchmark"));
    await user.type(screen.getByLabelText("Benchmark"), "QQQ");
    await user.selectOptions(screen.getByLabelText("Date range"), "custom");
    await user.type(screen.getByLabelText("Start date"), "2025-03-03");
    await user.type(screen.getByLabelText("End date"), "2025-03-28");
    await user.selectOptions(screen.getByLabelText("Data source"), "csv");
    await user.upload(screen.getByLabelText("CSV files for this import"), files);
    await user.click(screen.getByRole("button", { name: "Import" }));
    const status = screen.getByRole("status", { name: "Import result" });
    expect(
      await within(status).findByText(/Imported 1 constituents and QQQ/, {}, { timeout: 5000 })
    ).toBeTruthy();
    // The unusable row is reported with its file and line.
    expect(within(status).getByText(/^AAPL\.csv line 32: /)).toBeTruthy();
    const head = sim.api.getValues("CNTech Prices", "A2:B2");
    expect(head).toEqual([["Source", "user data (AAPL.csv, QQQ.csv)"]]);
    const t = sim.api.listTables().find((x) => x.sheet === "CNTech Prices")!;
    const body = sim.api.getValues("CNTech Prices", t.address).slice(1);
    // Base row 2025-03-03 (100 + 2), last row 2025-03-28 (100 + 27).
    expect(body[0].slice(1)).toEqual([102, 202]);
    expect(body[body.length - 1].slice(1)).toEqual([127, 227]);
  }, 20000);
});
