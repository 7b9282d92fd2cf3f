import { DayNumber, dayFromIso, dayFromYmd } from "../../core/dates";
import { Market } from "../symbols";

/**
 * Trading calendars for the demo source, 2015–2026: weekends plus each market's main holidays.
 * US holidays follow NYSE rules exactly (computed); Hong Kong and mainland lunar holidays come from
 * the tables below, plus the one-off closures listed. Checked day by day against the session lists
 * of the exchange_calendars project (XHKG to 2025-09-05, XSHG to 2026-12-31, XNYS to 2023-01-13):
 * no difference (see docs/data.md). Not an official exchange calendar.
 */

/** Lunar New Year's Day (1st day of the 1st lunar month). */
const LUNAR_NEW_YEAR = [
  "2015-02-19", "2016-02-08", "2017-01-28", "2018-02-16", "2019-02-05", "2020-01-25",
  "2021-02-12", "2022-02-01", "2023-01-22", "2024-02-10", "2025-01-29", "2026-02-17",
]; // prettier-ignore
const QINGMING = [
  "2015-04-05", "2016-04-04", "2017-04-04", "2018-04-05", "2019-04-05", "2020-04-04",
  "2021-04-04", "2022-04-05", "2023-04-05", "2024-04-04", "2025-04-04", "2026-04-05",
]; // prettier-ignore
const BUDDHAS_BIRTHDAY = [
  "2015-05-25", "2016-05-14", "2017-05-03", "2018-05-22", "2019-05-12", "2020-04-30",
  "2021-05-19", "2022-05-08", "2023-05-26", "2024-05-15", "2025-05-05", "2026-05-24",
]; // prettier-ignore
const DRAGON_BOAT = [
  "2015-06-20", "2016-06-09", "2017-05-30", "2018-06-18", "2019-06-07", "2020-06-25",
  "2021-06-14", "2022-06-03", "2023-06-22", "2024-06-10", "2025-05-31", "2026-06-19",
]; // prettier-ignore
const MID_AUTUMN = [
  "2015-09-27", "2016-09-15", "2017-10-04", "2018-09-24", "2019-09-13", "2020-10-01",
  "2021-09-21", "2022-09-10", "2023-09-29", "2024-09-17", "2025-10-06", "2026-09-25",
]; // prettier-ignore
const CHUNG_YEUNG = [
  "2015-10-21", "2016-10-09", "2017-10-28", "2018-10-17", "2019-10-07", "2020-10-25",
  "2021-10-14", "2022-10-04", "2023-10-23", "2024-10-11", "2025-10-29", "2026-10-18",
]; // prettier-ignore
/** Mainland breaks that differ from the usual pattern: [first day, calendar days]. */
const SPRING_FESTIVAL_OVERRIDE: Record<number, [string, number]> = {
  2020: ["2020-01-24", 10], // extended for Covid-19
  2024: ["2024-02-09", 9],
  2025: ["2025-01-28", 8],
  2026: ["2026-02-15", 9],
};
const LABOUR_DAY_OVERRIDE: Record<number, [string, number]> = {
  2019: ["2019-05-01", 3],
  2022: ["2022-04-30", 5],
  2023: ["2023-04-29", 5],
};
/** One-off mainland closures (2015 victory parade). */
const CN_SPECIAL_CLOSURES = ["2015-09-03", "2015-09-04"];
/** Years whose Mid-Autumn fell on a weekend with no weekday off on the mainland (no bridge). */
const CN_MID_AUTUMN_NO_BRIDGE = new Set([2015]);
/**
 * Whole-day HKEX closures outside the holiday rules: the 2015-09-03 victory-anniversary holiday and
 * typhoon signal No. 8 days (Nida, Haima, Hato, Nangka, Kompasu, Talim, Yagi). Since 2024-09-23 HKEX
 * trades through severe weather, so none are expected later.
 */
const HK_SPECIAL_CLOSURES = [
  "2015-09-03", "2016-08-02", "2016-10-21", "2017-08-23", "2020-10-13", "2021-10-13",
  "2023-07-17", "2024-09-06",
]; // prettier-ignore
/** One-off NYSE closures (national days of mourning). */
const US_SPECIAL_CLOSURES = ["2018-12-05", "2025-01-09"];

export const CALENDAR_FIRST_YEAR = 2015;
export const CALENDAR_LAST_YEAR = 2026;

/** 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
export function weekday(day: DayNumber): number {
  return (((day + 4) % 7) + 7) % 7;
}

function isWeekend(day: DayNumber): boolean {
  const w = weekday(day);
  return w === 0 || w === 6;
}

/** Easter Sunday (anonymous Gregorian algorithm). */
export function easterSunday(year: number): DayNumber {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return dayFromYmd(year, month, day);
}

/** The n-th given weekday of a month (n = -1: the last one). */
function nthWeekday(year: number, month: number, dow: number, n: number): DayNumber {
  if (n > 0) {
    const first = dayFromYmd(year, month, 1);
    return first + ((dow - weekday(first) + 7) % 7) + 7 * (n - 1);
  }
  const last = dayFromYmd(year, month + 1, 1) - 1;
  return last - ((weekday(last) - dow + 7) % 7);
}

/** NYSE: a Saturday holiday is observed Friday, a Sunday holiday Monday (New Year on a Saturday is not moved). */
function usObserved(day: DayNumber, isNewYear = false): DayNumber | undefined {
  const w = weekday(day);
  if (w === 6) return isNewYear ? undefined : day - 1;
  if (w === 0) return day + 1;
  return day;
}

function usHolidays(year: number): DayNumber[] {
  const out: Array<DayNumber | undefined> = [
    usObserved(dayFromYmd(year, 1, 1), true),
    nthWeekday(year, 1, 1, 3), // Martin Luther King Jr. Day
    nthWeekday(year, 2, 1, 3), // Washington's Birthday
    easterSunday(year) - 2, // Good Friday
    nthWeekday(year, 5, 1, -1), // Memorial Day
    year >= 2022 ? usObserved(dayFromYmd(year, 6, 19)) : undefined, // Juneteenth
    usObserved(dayFromYmd(year, 7, 4)),
    nthWeekday(year, 9, 1, 1), // Labor Day
    nthWeekday(year, 11, 4, 4), // Thanksgiving
    usObserved(dayFromYmd(year, 12, 25)),
  ];
  return out.filter((d): d is DayNumber => d !== undefined);
}

/** HK general holidays: a Sunday holiday moves to the next working day; Saturdays are not compensated. */
function hkHolidays(year: number): DayNumber[] {
  const idx = year - CALENDAR_FIRST_YEAR;
  const lny = dayFromIso(LUNAR_NEW_YEAR[idx]);
  const easter = easterSunday(year);
  const raw = [
    dayFromYmd(year, 1, 1),
    lny,
    lny + 1,
    lny + 2,
    dayFromIso(QINGMING[idx]),
    easter - 2, // Good Friday
    easter + 1, // Easter Monday
    dayFromYmd(year, 5, 1),
    dayFromIso(BUDDHAS_BIRTHDAY[idx]),
    dayFromIso(DRAGON_BOAT[idx]),
    dayFromYmd(year, 7, 1),
    dayFromIso(MID_AUTUMN[idx]) + 1, // the day following Mid-Autumn
    dayFromYmd(year, 10, 1),
    dayFromIso(CHUNG_YEUNG[idx]),
    dayFromYmd(year, 12, 25),
    dayFromYmd(year, 12, 26),
  ];
  const set = new Set<DayNumber>();
  for (const d of raw) {
    let day = d;
    if (weekday(day) === 0) {
      day++;
      while (set.has(day) || raw.includes(day)) day++;
    }
    set.add(day);
  }
  return [...set];
}

/** Shanghai / Shenzhen: exchanges close for whole holiday weeks; weekend days inside are closed anyway. */
function cnHolidays(year: number): DayNumber[] {
  const idx = year - CALENDAR_FIRST_YEAR;
  const out: DayNumber[] = [];
  const span = (start: DayNumber, days: number): void => {
    for (let i = 0; i < days; i++) out.push(start + i);
  };
  // One-day festivals become three-day breaks: Saturday/Sunday → Monday off, Tuesday → Monday bridged,
  // Thursday → Friday bridged (the State Council's make-up-weekend pattern).
  const nearestWeekdayBridge = (d: DayNumber): void => {
    out.push(d);
    const w = weekday(d);
    if (w === 6) out.push(d + 2);
    if (w === 0) out.push(d + 1);
    if (w === 2) out.push(d - 1);
    if (w === 4) out.push(d + 1);
  };
  nearestWeekdayBridge(dayFromYmd(year, 1, 1));
  const spring = SPRING_FESTIVAL_OVERRIDE[year];
  if (spring) span(dayFromIso(spring[0]), spring[1]);
  else span(dayFromIso(LUNAR_NEW_YEAR[idx]) - 1, 7); // Spring Festival: eve + six days
  nearestWeekdayBridge(dayFromIso(QINGMING[idx]));
  const labour = LABOUR_DAY_OVERRIDE[year];
  if (labour) span(dayFromIso(labour[0]), labour[1]);
  else if (year >= 2020) span(dayFromYmd(year, 5, 1), 5);
  else nearestWeekdayBridge(dayFromYmd(year, 5, 1)); // one day plus the weekend before 2020
  nearestWeekdayBridge(dayFromIso(DRAGON_BOAT[idx]));
  const midAutumn = dayFromIso(MID_AUTUMN[idx]);
  const goldenWeek = dayFromYmd(year, 10, 1);
  if (CN_MID_AUTUMN_NO_BRIDGE.has(year)) out.push(midAutumn);
  else if (midAutumn < goldenWeek - 1 || midAutumn > goldenWeek + 7)
    nearestWeekdayBridge(midAutumn);
  span(goldenWeek, midAutumn >= goldenWeek - 1 && midAutumn <= goldenWeek + 7 ? 8 : 7); // Golden Week
  return out;
}

const cache = new Map<Market, Set<DayNumber>>();

/** All holidays of a market over 2015–2026 (weekday closures only matter). */
export function holidaySet(market: Market): Set<DayNumber> {
  const key: Market = market === "SZ" ? "SS" : market;
  let set = cache.get(key);
  if (!set) {
    set = new Set();
    for (let y = CALENDAR_FIRST_YEAR; y <= CALENDAR_LAST_YEAR; y++) {
      const days = key === "US" ? usHolidays(y) : key === "HK" ? hkHolidays(y) : cnHolidays(y);
      for (const d of days) set.add(d);
    }
    if (key === "US") for (const d of US_SPECIAL_CLOSURES) set.add(dayFromIso(d));
    if (key === "SS") for (const d of CN_SPECIAL_CLOSURES) set.add(dayFromIso(d));
    if (key === "HK") for (const d of HK_SPECIAL_CLOSURES) set.add(dayFromIso(d));
    cache.set(key, set);
  }
  return set;
}

/** True when the market trades on that day. */
export function isTradingDay(market: Market, day: DayNumber): boolean {
  return !isWeekend(day) && !holidaySet(market).has(day);
}

/** FX trades every weekday except 1 January and 25 December. */
export function isFxDay(day: DayNumber): boolean {
  if (isWeekend(day)) return false;
  const iso = new Date(day * 86400000).toISOString();
  return !iso.includes("-01-01T") && !iso.includes("-12-25T");
}
