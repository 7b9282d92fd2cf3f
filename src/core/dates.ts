import { invalidValue } from "./errors";

/**
 * A trading date as a whole number of days since 1970-01-01 (UTC calendar day).
 * Using a plain day count keeps time zones out: a date never shifts with the clock's zone.
 */
export type DayNumber = number;

/** Excel's 1900 serial of 1970-01-01. */
const EXCEL_1900_EPOCH_OFFSET = 25569;
/** Excel's 1904 serial of 1970-01-01. */
const EXCEL_1904_EPOCH_OFFSET = 24107;

export type DateSystem = 1900 | 1904;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days since 1970-01-01 for a calendar date; validates the day of the month. */
export function dayFromYmd(year: number, month: number, day: number): DayNumber {
  const ms = Date.UTC(year, month - 1, day);
  const check = new Date(ms);
  if (
    check.getUTCFullYear() !== year ||
    check.getUTCMonth() !== month - 1 ||
    check.getUTCDate() !== day
  ) {
    throw invalidValue(
      `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")} is not a calendar date`
    );
  }
  return Math.round(ms / 86400000);
}

/** ISO "YYYY-MM-DD" for a day number. */
export function isoFromDay(day: DayNumber): string {
  return new Date(day * 86400000).toISOString().slice(0, 10);
}

/** Parses strict ISO "YYYY-MM-DD". */
export function dayFromIso(text: string): DayNumber {
  const m = ISO_DATE.exec(text.trim());
  if (!m) throw invalidValue(`"${text}" is not a date (use YYYY-MM-DD or an Excel date)`);
  return dayFromYmd(Number(m[1]), Number(m[2]), Number(m[3]));
}

/**
 * Excel serial → day number. In the 1900 system Excel counts a phantom 1900-02-29 (serial 60),
 * so serials 1..59 are one day later than a true count; serial 60 itself is rejected.
 * Example: serial 45292 → 2024-01-01.
 */
export function dayFromExcelSerial(serial: number, system: DateSystem = 1900): DayNumber {
  if (!Number.isFinite(serial)) throw invalidValue("date is not a finite number");
  const whole = Math.floor(serial);
  if (system === 1904) {
    if (whole < 0) throw invalidValue(`${serial} is not a valid Excel 1904 date serial`);
    return whole - EXCEL_1904_EPOCH_OFFSET;
  }
  if (whole < 1) throw invalidValue(`${serial} is not a valid Excel date serial`);
  if (whole === 60) throw invalidValue("1900-02-29 does not exist (Excel's phantom leap day)");
  return whole < 60 ? whole - EXCEL_1900_EPOCH_OFFSET + 1 : whole - EXCEL_1900_EPOCH_OFFSET;
}

/** Day number → Excel serial (inverse of dayFromExcelSerial). */
export function excelSerialFromDay(day: DayNumber, system: DateSystem = 1900): number {
  if (system === 1904) return day + EXCEL_1904_EPOCH_OFFSET;
  const serial = day + EXCEL_1900_EPOCH_OFFSET;
  return serial <= 60 ? serial - 1 : serial;
}

/**
 * The one date parser for arguments: an Excel serial (number, incl. DATE() results),
 * ISO text, or numeric text. Throws a #VALUE!-kind error naming the argument.
 */
export function parseDateArg(
  input: unknown,
  argName = "date",
  system: DateSystem = 1900
): DayNumber {
  try {
    if (typeof input === "number") return dayFromExcelSerial(input, system);
    if (typeof input === "string") {
      const text = input.trim();
      if (text === "") throw invalidValue("is empty");
      if (/^\d+(\.\d+)?$/.test(text)) return dayFromExcelSerial(Number(text), system);
      return dayFromIso(text);
    }
    if (input instanceof Date) {
      return dayFromYmd(input.getUTCFullYear(), input.getUTCMonth() + 1, input.getUTCDate());
    }
  } catch (e) {
    throw invalidValue(`${argName}: ${(e as Error).message}`);
  }
  throw invalidValue(
    `${argName}: expected a date, got ${input === null ? "nothing" : typeof input}`
  );
}

/** Calendar parts of a day number (UTC calendar; no time zone involved). Example: 19723 → {2024, 1, 1}. */
export function ymdFromDay(day: DayNumber): { year: number; month: number; day: number } {
  const d = new Date(day * 86400000);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** Day of week, ISO numbering: 1 = Monday … 7 = Sunday. 1970-01-01 (day 0) was a Thursday (4). */
export function isoWeekday(day: DayNumber): number {
  return ((((day + 3) % 7) + 7) % 7) + 1;
}

/** Frequencies for periodic returns and rebalancing. */
export type Frequency = "daily" | "weekly" | "monthly" | "quarterly";

/**
 * A key that is equal for two days exactly when they fall in the same period:
 * daily → the day; weekly → the Monday-to-Sunday week; monthly → year×12+month; quarterly → year×4+quarter.
 * Example: periodKey(2024-01-05 Fri, "weekly") === periodKey(2024-01-01 Mon, "weekly").
 */
export function periodKey(day: DayNumber, frequency: Frequency): number {
  switch (frequency) {
    case "daily":
      return day;
    case "weekly":
      return Math.floor((day + 3) / 7);
    case "monthly": {
      const { year, month } = ymdFromDay(day);
      return year * 12 + (month - 1);
    }
    case "quarterly": {
      const { year, month } = ymdFromDay(day);
      return year * 4 + Math.floor((month - 1) / 3);
    }
    default:
      throw invalidValue(
        `frequency "${String(frequency)}" is not daily, weekly, monthly or quarterly`
      );
  }
}
