import { DayNumber, dayFromYmd, parseDateArg } from "../dates";
import { invalidValue, notAvailable } from "../errors";
import { FACTOR_IDS, FACTOR_MAX, FACTOR_MIN, FactorId, neutralScenario } from "./factors";

/**
 * The Caldara–Iacoviello Geopolitical Risk (GPR) index as context: a user with its monthly series
 * (CSV export of the authors' data file, columns such as "month", "GPR", "GPRT", "GPRC_CHN") maps a
 * GPR move to factor levels. The move is measured in standard deviations of the series' monthly log
 * changes, z = ln(GPR_to / GPR_from) / σ(Δ ln GPR), and each factor's level is loading_k × z,
 * clamped to −3 … +3. docs/scenarios.md explains the loadings.
 */
export interface GprSeries {
  readonly column: string;
  readonly dates: DayNumber[];
  readonly values: number[];
}

/** Level per standard deviation of GPR move. Geopolitical risk maps mostly to Taiwan and flows. */
export const DEFAULT_GPR_LOADINGS: Readonly<Partial<Record<FactorId, number>>> = {
  TAIWAN: 0.6,
  CAPITAL_FLOWS: 0.4,
  EXPORT_CONTROLS: 0.3,
  TARIFFS: 0.3,
  CNY: -0.3,
};

/**
 * "1985-01-01", "1985-01", "1985m1", "1/1/1985" (M/D/Y, or D/M/Y with `dayFirst`) → day number
 * (first of month when no day).
 */
export function parseGprDate(text: string, dayFirst = false): DayNumber {
  const t = text.trim();
  let m = /^(\d{4})-(\d{1,2})(?:-(\d{1,2}))?$/.exec(t);
  if (m) return dayFromYmd(Number(m[1]), Number(m[2]), m[3] ? Number(m[3]) : 1);
  m = /^(\d{4})m(\d{1,2})$/i.exec(t);
  if (m) return dayFromYmd(Number(m[1]), Number(m[2]), 1);
  m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(t);
  if (m)
    return dayFirst
      ? dayFromYmd(Number(m[3]), Number(m[2]), Number(m[1]))
      : dayFromYmd(Number(m[3]), Number(m[1]), Number(m[2]));
  throw invalidValue(`GPR date "${text}" is not a month (use YYYY-MM or YYYY-MM-DD)`);
}

const SLASH_DATE = /^(\d{1,2})\/(\d{1,2})\/\d{4}$/;

/**
 * Monthly files with slash dates come as M/D/Y ("07/01/2022") or D/M/Y ("01/07/2022"): a file whose
 * slash dates all start with 1 while the middle field varies is day-first (every row is the 1st).
 */
function isDayFirst(dateCells: readonly string[]): boolean {
  const parts = dateCells.flatMap((c) => {
    const m = SLASH_DATE.exec(c.trim());
    return m ? [[Number(m[1]), Number(m[2])]] : [];
  });
  return parts.length > 0 && parts.every(([a]) => a === 1) && parts.some(([, b]) => b !== 1);
}

const splitCsvLine = (line: string): string[] =>
  line.split(",").map((c) => c.trim().replace(/^"(.*)"$/, "$1"));

/**
 * Parses a GPR CSV: the first column holds dates, `column` (default "GPR", case-insensitive) the
 * index. Rows with a blank index value are skipped (recent months are often blank in sub-indices);
 * a non-numeric or non-positive value is a #VALUE!-kind error naming the line.
 */
export function parseGprCsv(text: string, column = "GPR"): GprSeries {
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== "");
  if (lines.length < 3) throw invalidValue("GPR CSV needs a header and at least two rows");
  const header = splitCsvLine(lines[0]);
  const col = header.findIndex((h) => h.toUpperCase() === column.trim().toUpperCase());
  if (col <= 0)
    throw invalidValue(
      `GPR CSV has no column "${column}" (columns: ${header.slice(1).join(", ")})`
    );
  const body = lines.slice(1).map(splitCsvLine);
  const dayFirst = isDayFirst(body.map((cells) => cells[0]));
  const rows = body.flatMap((cells, i) => {
    const raw = cells[col] ?? "";
    if (raw === "") return [];
    const value = Number(raw);
    if (!Number.isFinite(value) || value <= 0)
      throw invalidValue(`GPR CSV line ${i + 2}: "${raw}" is not a positive number`);
    return [{ day: parseGprDate(cells[0], dayFirst), value }];
  });
  rows.sort((a, b) => a.day - b.day);
  return { column: header[col], dates: rows.map((r) => r.day), values: rows.map((r) => r.value) };
}

/**
 * A GPR series from worksheet rows (date, value): dates as Excel serials, ISO text or "1985m1";
 * a first row whose value is text is a header; rows with a blank value are skipped.
 */
export function gprSeriesFromRows(rows: readonly (readonly unknown[])[]): GprSeries {
  const blank = (c: unknown) =>
    c === null || c === undefined || (typeof c === "string" && c.trim() === "");
  const body = rows.filter((r, i) => {
    if (r.every(blank)) return false;
    return !(i === 0 && typeof r[1] === "string" && !Number.isFinite(Number(r[1])));
  });
  const parsed = body.flatMap((r, i) => {
    if (r.length < 2) throw invalidValue("gpr_range needs two columns: month, GPR value");
    if (blank(r[1])) return [];
    const value = typeof r[1] === "number" ? r[1] : Number(String(r[1]).trim());
    if (!Number.isFinite(value) || value <= 0)
      throw invalidValue(
        `gpr_range row ${i + 1}: ${JSON.stringify(r[1])} is not a positive number`
      );
    const day =
      typeof r[0] === "string" ? parseGprDate(r[0]) : parseDateArg(r[0], "gpr_range date");
    return [{ day, value }];
  });
  if (parsed.length < 3) throw invalidValue("gpr_range needs at least three months of values");
  parsed.sort((a, b) => a.day - b.day);
  return { column: "GPR", dates: parsed.map((p) => p.day), values: parsed.map((p) => p.value) };
}

function valueOnOrBefore(series: GprSeries, day: DayNumber, what: string): number {
  let found = -1;
  for (let i = 0; i < series.dates.length && series.dates[i] <= day; i++) found = i;
  if (found < 0) throw notAvailable(`GPR series has no value on or before the ${what} date`);
  return series.values[found];
}

/** Standard deviation of the series' consecutive log changes. */
export function gprLogChangeVol(series: GprSeries): number {
  const d = series.values.slice(1).map((v, i) => Math.log(v / series.values[i]));
  if (d.length < 2) throw invalidValue("GPR series too short to measure its variability");
  const mean = d.reduce((s, x) => s + x, 0) / d.length;
  return Math.sqrt(d.reduce((s, x) => s + (x - mean) ** 2, 0) / (d.length - 1));
}

export interface GprScenario {
  readonly from: number;
  readonly to: number;
  /** GPR move in standard deviations of monthly log changes. */
  readonly z: number;
  readonly levels: Record<FactorId, number>;
}

/** Maps the GPR move between two dates (values on or before each) to factor levels: loading_k × z. */
export function gprScenario(
  series: GprSeries,
  fromDay: DayNumber,
  toDay: DayNumber,
  loadings: Readonly<Partial<Record<FactorId, number>>> = DEFAULT_GPR_LOADINGS
): GprScenario {
  const from = valueOnOrBefore(series, fromDay, "from");
  const to = valueOnOrBefore(series, toDay, "to");
  const z = Math.log(to / from) / gprLogChangeVol(series);
  const levels = neutralScenario();
  for (const id of FACTOR_IDS) {
    const v = (loadings[id] ?? 0) * z;
    levels[id] = Math.min(FACTOR_MAX, Math.max(FACTOR_MIN, v));
  }
  return { from, to, z, levels };
}
