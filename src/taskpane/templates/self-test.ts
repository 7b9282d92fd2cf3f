/**
 * "CNTech Self-test": one row per check of the add-in inside the Excel it runs in. Each row has the
 * add-in's answer (B), an expected value computed independently (C: a demo close typed in, Excel's
 * own arithmetic or calendar functions, a documented error code), a PASS/FAIL status computed by
 * Excel's formulas (D) and what a FAIL means (E). Expected values are for the demo source.
 */
import { FACTOR_IDS } from "../../core/scenario";
import { SheetBuilder, WorkbookTemplate } from "./template-types";
import { SourceInfo, templateSourceLine } from "./source-line";

/** Named cell holding the source the pane has applied; the pane rewrites it after a source change. */
export const SELFTEST_SOURCE_NAME = "CNTECH_SELFTEST_SOURCE";

/** Demo closes of 0700.HK (HKD), read from the demo generator; a test checks them against it. */
export const DEMO_CLOSES = {
  tencent20250102: 57.12,
  tencent20250110: 59.08,
  tencent20250630: 49.31,
  tencentLast: 52.03,
} as const;

/** Exposures used by the scenario check (decimal return per factor level), one per factor. */
export const CHECK_EXPOSURES: readonly number[] = [-0.03, -0.02, -0.04, 0.025, 0.03, -0.015, 0.01];

export interface SelfTestCheck {
  readonly label: string;
  readonly result: string;
  /** Expected value: a formula or a number. */
  readonly expected: string | number;
  /** How D decides: "number" (|B−C| < 1E-9), "error" (ERROR.TYPE(B)=C), "true" (C is a condition on B, TRUE). */
  readonly kind: "number" | "error" | "true" | "text";
  /** What the check proves, and what a FAIL means. */
  readonly meaning: string;
}

const WINDOW = "DATE(2025,1,2),DATE(2025,6,30)";

export function selfTestChecks(): SelfTestCheck[] {
  const c = DEMO_CLOSES;
  return [
    {
      label: "PRICE answers a value (0700.HK close on 2025-06-30)",
      result: '=CNTECH.PRICE("0700.HK",DATE(2025,6,30))',
      expected: c.tencent20250630,
      kind: "number",
      meaning:
        "Functions are registered and the demo source answers. FAIL: another source is in use, or the add-in's functions did not load (#NAME?).",
    },
    {
      label: "RETURN equals the ratio of two closes (price return, HKD)",
      result: `=CNTECH.RETURN("0700.HK",${WINDOW},"HKD","price")`,
      expected: `=${c.tencent20250630}/${c.tencent20250102}-1`,
      kind: "number",
      meaning:
        "A window function computes in its reporting currency from the last close on or before each date.",
    },
    {
      label: "A spilled table: HISTORY has a header and one row per session",
      result: '=ROWS(CNTECH.HISTORY("0700.HK",DATE(2025,1,6),DATE(2025,1,10)))',
      expected: "=1+NETWORKDAYS(DATE(2025,1,6),DATE(2025,1,10))",
      kind: "number",
      meaning: "Array results spill. FAIL with #SPILL!: cells below the formula are in the way.",
    },
    {
      label: "The spill's last close equals the single-cell answer",
      result: '=INDEX(CNTECH.HISTORY("0700.HK",DATE(2025,1,6),DATE(2025,1,10)),6,2)',
      expected: c.tencent20250110,
      kind: "number",
      meaning: "Spilled values are the same numbers the single-cell functions give.",
    },
    {
      label: "A streaming cell (QUOTE) answers the latest price",
      result: '=CNTECH.QUOTE("0700.HK")',
      expected: c.tencentLast,
      kind: "number",
      meaning:
        "Streaming functions start and deliver. It is re-set every 15 s; on the demo source the latest price is the last close, so it does not visibly move.",
    },
    {
      label: "An unknown symbol is #N/A (message: not in the demo universe)",
      result: `=CNTECH.RETURN("NOSUCH",${WINDOW})`,
      expected: 7,
      kind: "error",
      meaning:
        "Errors come back as Excel errors with a message (select the cell to read it). C is ERROR.TYPE's code for #N/A.",
    },
    {
      label: "A bad date is #VALUE! (message names the argument)",
      result: '=CNTECH.RETURN("0700.HK","not a date")',
      expected: 3,
      kind: "error",
      meaning: "Bad input is rejected, not guessed. C is ERROR.TYPE's code for #VALUE!.",
    },
    {
      label: "The USD/HKD rate lies in the peg band (7.75–7.85)",
      result: '=CNTECH.FX("USD","HKD",DATE(2025,6,30))',
      expected: "=AND(B{row}>=7.75,B{row}<=7.85)",
      kind: "true",
      meaning:
        "FX conversion data is present. The Hong Kong dollar trades in a 7.75–7.85 band against the US dollar.",
    },
    {
      label: "CNTECH_SCENARIO drives a formula (scenario return = Σ exposure × level)",
      result: '=CNTECH.SCENARIO.RETURN("0700.HK",CNTECH_SCENARIO,$A$19:$H$20)',
      expected: "=SUMPRODUCT($B$20:$H$20,$B$21:$H$21)",
      kind: "number",
      meaning:
        "The named range is read by formulas; moving the pane's sliders changes both B and C. FAIL with #NAME?: the workbook has no CNTECH_SCENARIO.",
    },
    {
      label: "After a source change, formulas recalculate (SOURCE names the source in use)",
      result: '=INDEX(CNTECH.SOURCE("0700.HK"),2,2)',
      expected: `=${SELFTEST_SOURCE_NAME}`,
      kind: "text",
      meaning:
        "The pane rewrites the expected source when you change it in Settings; FAIL means formulas still show the old source (use Refresh data).",
    },
  ];
}

/** Row of the first check (rows above: title, source line, summary, header). */
const FIRST_ROW = 5;

function statusFormula(check: SelfTestCheck, row: number): string {
  const b = `B${row}`;
  const cRef = `C${row}`;
  switch (check.kind) {
    case "number":
      return `=IF(IFERROR(ABS(${b}-${cRef})<1E-9,FALSE),"PASS","FAIL")`;
    case "error":
      return `=IF(IFERROR(ERROR.TYPE(${b}),0)=${cRef},"PASS","FAIL")`;
    case "true":
      return `=IF(IFERROR(${cRef},FALSE)=TRUE,"PASS","FAIL")`;
    case "text":
      return `=IF(IFERROR(EXACT(${b},${cRef}),FALSE),"PASS","FAIL")`;
  }
}

/** The self-test sheet as a template. */
export function selfTestTemplate(source: SourceInfo): WorkbookTemplate {
  const checks = selfTestChecks();
  const last = FIRST_ROW + checks.length - 1;
  const s = new SheetBuilder("selftest", "CNTech Self-test");
  s.text("A1", "CNTech self-test: does the add-in work in this Excel?", {
    bold: true,
    fontSize: 14,
  });
  s.text("A2", templateSourceLine(source) + " Expected values are for the demo source.", {
    fontColor: "#9a3b00",
  });
  s.formula("A3", `=COUNTIF(D${FIRST_ROW}:D${last},"PASS")&" of ${checks.length} checks pass"`, {
    bold: true,
  });
  const head = { bold: true, fill: "#dbe9f7" };
  s.text("A4", "Check", head).text("B4", "Add-in's answer", head).text("C4", "Expected", head);
  s.text("D4", "Status", head).text("E4", "What it proves / what a FAIL means", head);
  checks.forEach((check, i) => {
    const row = FIRST_ROW + i;
    s.text(`A${row}`, check.label);
    s.formula(`B${row}`, check.result);
    if (typeof check.expected === "number") s.number(`C${row}`, check.expected);
    else s.formula(`C${row}`, check.expected.replace(/\{row\}/g, String(row)));
    s.formula(`D${row}`, statusFormula(check, row), { bold: true });
    s.text(`E${row}`, check.meaning);
  });
  // Exposures of the scenario check, and the levels CNTECH_SCENARIO holds for the same factors.
  s.text("A18", "Exposures used by the scenario check", { bold: true });
  s.text("A19", "Symbol").text("A20", "0700.HK");
  s.text("A21", "Level in CNTECH_SCENARIO", { italic: true });
  FACTOR_IDS.forEach((id, j) => {
    const col = String.fromCharCode(66 + j); // B…
    s.text(`${col}19`, id).number(`${col}20`, CHECK_EXPOSURES[j]);
    s.formula(`${col}21`, `=VLOOKUP(${col}$19,CNTECH_SCENARIO,2,FALSE)`);
  });
  s.text("A23", "Source the pane has applied", { bold: true }).text("B23", source.name);
  s.defineName(
    SELFTEST_SOURCE_NAME,
    "B23",
    "CNTech self-test: the data source the pane has applied"
  );
  return {
    id: "self-test",
    title: "Self-test",
    sheets: [s.build()],
    activate: "selftest",
    usesScenario: true,
  };
}
