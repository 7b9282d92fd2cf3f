/**
 * Calendar periods (years, quarters, months) inside a window, each measured like a RETURN from the
 * previous period's last day to its own last day, so the periods chain into the window's return.
 */
import { dayFromIso, DayNumber, isoFromDay } from "./dates";
import { invalidValue } from "./errors";

export type CalendarPeriod = "year" | "quarter" | "month";

export interface PeriodSpan {
  /** "2024", "2024-Q1" or "2024-01". */
  readonly label: string;
  /** The RETURN start: the previous period's last day (the window's start for the first period). */
  readonly from: DayNumber;
  /** The RETURN end: the period's last day (the window's end for the last period). */
  readonly to: DayNumber;
}

const MONTHS: Record<CalendarPeriod, number> = { year: 12, quarter: 3, month: 1 };

/**
 * The periods overlapping (start, end].
 * Example: ("2023-12-31", "2024-12-31", "year") → [{ "2024", 2023-12-31, 2024-12-31 }].
 * @throws "value" when start is after end.
 */
export function calendarPeriods(
  start: DayNumber,
  end: DayNumber,
  period: CalendarPeriod
): PeriodSpan[] {
  if (start > end) throw invalidValue("start date is after end date");
  const step = MONTHS[period];
  const [y0, m0] = isoFromDay(start + 1)
    .split("-")
    .map(Number);
  let year = y0;
  let month = Math.floor((m0 - 1) / step) * step + 1; // first month of the period holding start + 1
  const out: PeriodSpan[] = [];
  for (;;) {
    const first = dayFromIso(`${year}-${String(month).padStart(2, "0")}-01`);
    if (first > end) break;
    const nextYear = month + step > 12 ? year + 1 : year;
    const nextMonth = ((month + step - 1) % 12) + 1;
    const last = dayFromIso(`${nextYear}-${String(nextMonth).padStart(2, "0")}-01`) - 1;
    out.push({
      label: labelOf(year, month, period),
      from: Math.max(first - 1, start),
      to: Math.min(last, end),
    });
    year = nextYear;
    month = nextMonth;
  }
  return out;
}

function labelOf(year: number, month: number, period: CalendarPeriod): string {
  if (period === "year") return String(year);
  if (period === "quarter") return `${year}-Q${(month + 2) / 3}`;
  return `${year}-${String(month).padStart(2, "0")}`;
}
