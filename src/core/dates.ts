import { invalidValue } from "./errors";

/**
 * A trading date as a whole number of days since 1970-01-01 (UTC calendar day).
 * Using a plain day count keeps time zones out: a date never shifts with the clock's zone.
 */
export type DayNumber = number;

/** Excel's 1900 serial of 1970-01-01. */
const EXCEL_1900_EPOCH_OFFSET = 25569;
/** Excel's 1904 serial of 1970-01-01 (serial 0 = 1904-01-01). */
const EXCEL_1904_EPOCH_OFFSET = 24107;
/** Largest serial Excel accepts: 9999-12-31. */
const EXCEL_1900_MAX_SERIAL = 2958465;
const EXCEL_1904_MAX_SERIAL = 2957003;

/** Excel's two date systems: 1900 (Windows default) and 1904 (old Mac workbooks). */
export type DateSystem = 1900 | 1904;

/** YYYY-MM-DD, optionally followed by a time and zone that are ignored (the written date is the date). */
const ISO_DATE =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

/**
 * Days since 1970-01-01 for a proleptic Gregorian calendar date; validates month and day.
 * Example: dayFromYmd(2024, 1, 1) = 19723; dayFromYmd(2023, 2, 29) throws.
 * @throws FinanceError "value" for a date that does not exist.
 */
export function dayFromYmd(year: number, month: number, day: number): DayNumber {
  const valid =
    Number.isInteger(year) &&
    Number.isInteger(month) &&
    Number.isInteger(day) &&
    year >= 1 &&
    year <= 9999 &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(year, month);
  if (!valid) {
    const label = `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
    throw invalidValue(`${label} is not a calendar date`);
  }
  // Civil-date arithmetic (no Date object, no allocation: date text is parsed thousands of times in a
  // recalculation). Years start in March so the leap day ends the year; 146,097 days per 400 years.
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  const dayOfEra =
    yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

function daysInMonth(year: number, month: number): number {
  if (month !== 2) return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
}

/** ISO "YYYY-MM-DD" for a day number. Example: isoFromDay(19723) = "2024-01-01". */
export function isoFromDay(day: DayNumber): string {
  const { year, month, day: dd } = ymdFromDay(day);
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(dd).padStart(2, "0")}`;
}

/**
 * Parses ISO "YYYY-MM-DD". A time and zone after the date ("2024-01-02T23:00:00-05:00") are
 * accepted and ignored: the date as written is the trading date, never shifted by a zone.
 * Example: dayFromIso("2024-01-01") = 19723.
 * @throws FinanceError "value" for any other text or a date that does not exist.
 */
export function dayFromIso(text: string): DayNumber {
  const m = ISO_DATE.exec(text.trim());
  if (!m) throw invalidValue(`"${text}" is not a date (use YYYY-MM-DD or an Excel date)`);
  return dayFromYmd(Number(m[1]), Number(m[2]), Number(m[3]));
}

/**
 * Excel serial → day number; a fractional part (time of day) is dropped.
 * 1900 system: serial 1 = 1900-01-01; Excel counts a phantom 1900-02-29 (serial 60), so serials
 * 1..59 are one day later than a true count and serial 60 itself is rejected; day = serial − 25569
 * for serials ≥ 61. 1904 system: serial 0 = 1904-01-01, day = serial − 24107.
 * Example: 45292 → 2024-01-01 (1900); 43830 → 2024-01-01 (1904).
 * @throws FinanceError "value" outside 1..2958465 (1900) / 0..2957003 (1904), or for serial 60.
 */
export function dayFromExcelSerial(serial: number, system: DateSystem = 1900): DayNumber {
  if (!Number.isFinite(serial)) throw invalidValue("date is not a finite number");
  const whole = Math.floor(serial);
  if (system === 1904) {
    if (whole < 0 || whole > EXCEL_1904_MAX_SERIAL)
      throw invalidValue(`${serial} is not a valid Excel 1904 date serial`);
    return whole - EXCEL_1904_EPOCH_OFFSET;
  }
  if (system !== 1900) throw invalidValue(`date system ${String(system)} is not 1900 or 1904`);
  if (whole < 1 || whole > EXCEL_1900_MAX_SERIAL)
    throw invalidValue(
      `${serial} is not a valid Excel date serial (1 = 1900-01-01 … 2958465 = 9999-12-31)`
    );
  if (whole === 60) throw invalidValue("1900-02-29 does not exist (Excel's phantom leap day)");
  return whole < 60 ? whole - EXCEL_1900_EPOCH_OFFSET + 1 : whole - EXCEL_1900_EPOCH_OFFSET;
}

/**
 * Day number → Excel serial (inverse of dayFromExcelSerial; never yields the phantom 60).
 * Example: excelSerialFromDay(19723) = 45292; 1900-03-01 → 61; 1900-02-28 → 59.
 * @throws FinanceError "value" for a day Excel cannot represent in that system.
 */
export function excelSerialFromDay(day: DayNumber, system: DateSystem = 1900): number {
  if (system === 1904) {
    const s = day + EXCEL_1904_EPOCH_OFFSET;
    if (s < 0 || s > EXCEL_1904_MAX_SERIAL)
      throw invalidValue(`${isoFromDay(day)} has no Excel 1904 serial`);
    return s;
  }
  const serial = day + EXCEL_1900_EPOCH_OFFSET;
  const out = serial <= 60 ? serial - 1 : serial;
  if (out < 1 || out > EXCEL_1900_MAX_SERIAL)
    throw invalidValue(`${isoFromDay(day)} has no Excel serial`);
  return out;
}

/**
 * The one date parser for arguments: an Excel serial (number, incl. DATE() results, time of day
 * dropped), ISO text (see dayFromIso), numeric text, or a JS Date (its UTC calendar date).
 * Example: parseDateArg(45292) = parseDateArg("2024-01-01") = parseDateArg("45292") = 19723.
 * @throws FinanceError "value" whose message starts with the argument name, e.g. "start: …".
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
      if (Number.isNaN(input.getTime())) throw invalidValue("is an invalid Date");
      return dayFromYmd(input.getUTCFullYear(), input.getUTCMonth() + 1, input.getUTCDate());
    }
  } catch (e) {
    throw invalidValue(`${argName}: ${(e as Error).message}`);
  }
  const got =
    input === null || input === undefined
      ? "nothing"
      : typeof input === "boolean"
        ? `${input}`
        : typeof input;
  throw invalidValue(`${argName}: expected a date, got ${got}`);
}

/** Calendar parts of a day number (UTC calendar; no time zone involved). Example: 19723 → {2024, 1, 1}. */
export function ymdFromDay(day: DayNumber): { year: number; month: number; day: number } {
  const d = new Date(day * 86400000);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/**
 * Day of week, ISO numbering: 1 = Monday … 7 = Sunday; ((day + 3) mod 7) + 1.
 * Example: isoWeekday(0) = 4 (1970-01-01 was a Thursday); 2024-01-01 → 1 (Monday).
 */
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
