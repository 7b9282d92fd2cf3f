/**
 * A basket through time, as an index adds and drops constituents: a member that lists inside the
 * window joins on its first close, one that stops trading leaves on its last close, and the weights
 * are renormalised among the live members. Neither event moves the basket's level.
 */
import { DayNumber, isoFromDay } from "./dates";
import { invalidNumber, invalidValue, notAvailable } from "./errors";
import { makeSeries, PriceSeries } from "./series";
import { priceField, ReturnKind } from "./total-return";

/** One constituent: its series (all in one currency), its weight, and whether it stopped trading. */
export interface TimedMember {
  readonly series: PriceSeries;
  readonly weight: number;
  /** True when the member stopped trading: it leaves on its last close (else its last close carries forward). */
  readonly stopped?: boolean;
}

/** A member joining or leaving inside the window, on the close it happened. */
export interface MembershipEvent {
  readonly symbol: string;
  readonly event: "joined" | "left";
  readonly day: DayNumber;
}

export interface TimedBasket {
  /** Basket level on the union calendar, `base` on the start close. */
  readonly series: PriceSeries;
  readonly events: readonly MembershipEvent[];
}

interface Cursor {
  readonly symbol: string;
  readonly dates: Int32Array;
  readonly levels: Float64Array;
  readonly weight: number;
  readonly stopped: boolean;
  /** Index of the last observation on or before the current day, -1 before the first. */
  at: number;
  units: number;
  live: boolean;
}

/**
 * Basket levels from the last close on or before `start` (of any member live then) to `end`.
 * At the start close the live members hold w_i / Σ_live w of the value (buy-and-hold afterwards).
 * On a member's first close inside the window it joins with w_j / Σ_live' w of the value, the
 * incumbents scaled down pro rata (their drift relative to each other kept); on a stopped member's
 * last close its value is spread over the others pro rata to their values.
 * Example: A flat at 10, B lists on day 3 at 5, equal weights: levels 100, 100, 100; from day 3 on
 * half the value is in B.
 * @throws "na" when no member has a close on or before start, "num" for weights summing to zero
 *   among the live members, "value" for mixed currencies.
 */
export function basketThroughTime(
  members: readonly TimedMember[],
  options: {
    start: DayNumber;
    end: DayNumber;
    kind?: ReturnKind;
    base?: number;
    symbol?: string;
    /** More calendar days (e.g. a benchmark's trading days), the members forward-filled on them. */
    extraDates?: ArrayLike<number>;
  }
): TimedBasket {
  const { start, end } = options;
  if (members.length === 0) throw invalidValue("a basket needs at least one constituent");
  if (start > end) throw invalidValue("start date is after end date");
  const currency = members[0].series.currency;
  if (members.some((m) => m.series.currency.toUpperCase() !== currency.toUpperCase()))
    throw invalidValue("a basket's constituents must be converted to one currency first");
  // A member that stopped trading on or before the start close never holds anything.
  const eligible = members.filter(
    (m) => !m.stopped || m.series.dates[m.series.dates.length - 1] > start
  );
  const cursors: Cursor[] = eligible.map((m) => ({
    symbol: m.series.symbol,
    dates: m.series.dates,
    levels: priceField(m.series, options.kind ?? "total"),
    weight: m.weight,
    stopped: m.stopped === true,
    at: -1,
    units: 0,
    live: false,
  }));
  const day0 = startClose(cursors, start);
  const calendar = unionAfter(cursors, day0, end, options.extraDates ?? []);
  const base = options.base ?? 100;
  const events: MembershipEvent[] = [];
  const values = new Float64Array(calendar.length);
  let value = base;
  for (let t = 0; t < calendar.length; t++) {
    const day = calendar[t];
    for (const c of cursors) advance(c, day);
    if (t > 0) value = valueOf(cursors);
    if (!(value > 0)) throw invalidNumber("basket value fell to zero or below (long/short basket)");
    values[t] = value;
    const joining = cursors.filter(
      (c) => !c.live && isLiveOn(c, day) && (t === 0 || c.dates[c.at] === day)
    );
    const leaving = cursors.filter(
      (c) => c.live && c.stopped && c.dates[c.dates.length - 1] === day
    );
    if (t === 0) {
      allocate(joining, value, 1);
    } else {
      if (leaving.length > 0) leave(cursors, leaving, value);
      if (joining.length > 0) join(cursors, joining, value);
    }
    if (t > 0) for (const c of joining) events.push({ symbol: c.symbol, event: "joined", day });
    for (const c of leaving) events.push({ symbol: c.symbol, event: "left", day });
    if (!cursors.some((c) => c.live) && t < calendar.length - 1)
      throw notAvailable(`every constituent stopped trading by ${isoFromDay(day)}`);
  }
  const symbol = options.symbol ?? "BASKET";
  const series = makeSeries({ symbol, currency, dates: calendar, close: values });
  return { series, events };
}

/** The last close on or before start of any (eligible) member. */
function startClose(cursors: readonly Cursor[], start: DayNumber): DayNumber {
  let best = -Infinity;
  for (const c of cursors) {
    const i = lastOnOrBefore(c.dates, start);
    if (i >= 0) best = Math.max(best, c.dates[i]);
  }
  if (best === -Infinity)
    throw notAvailable(`no constituent has a price on or before ${isoFromDay(start)}`);
  return best;
}

/** Live on `day`: listed by then and, if it stopped, not past its last close. */
function isLiveOn(c: Cursor, day: DayNumber): boolean {
  return c.at >= 0 && !(c.stopped && c.dates[c.dates.length - 1] < day);
}

function advance(c: Cursor, day: DayNumber): void {
  while (c.at + 1 < c.dates.length && c.dates[c.at + 1] <= day) c.at++;
}

function valueOf(cursors: readonly Cursor[]): number {
  let v = 0;
  for (const c of cursors) if (c.live) v += c.units * c.levels[c.at];
  return v;
}

/** Gives each of `cs` its share w_i / Σ w of `value × fraction`, and marks it live. */
function allocate(cs: readonly Cursor[], value: number, fraction: number): void {
  const total = cs.reduce((s, c) => s + c.weight, 0);
  if (total === 0) throw invalidNumber("weights of the live constituents sum to zero");
  for (const c of cs) {
    c.units = ((c.weight / total) * value * fraction) / c.levels[c.at];
    c.live = true;
  }
}

/** Newcomers take their renormalised weights; incumbents are scaled pro rata. */
function join(cursors: readonly Cursor[], joining: readonly Cursor[], value: number): void {
  const incumbents = cursors.filter((c) => c.live);
  const totalAfter = [...incumbents, ...joining].reduce((s, c) => s + c.weight, 0);
  if (totalAfter === 0) throw invalidNumber("weights of the live constituents sum to zero");
  const share = joining.reduce((s, c) => s + c.weight, 0) / totalAfter;
  for (const c of incumbents) c.units *= 1 - share;
  allocate(joining, value, share);
}

/** A stopped member's value is spread over the others pro rata to their values. */
function leave(cursors: readonly Cursor[], leaving: readonly Cursor[], value: number): void {
  let gone = 0;
  for (const c of leaving) {
    gone += c.units * c.levels[c.at];
    c.live = false;
    c.units = 0;
  }
  const rest = value - gone;
  if (rest === 0) return; // nobody left to hold it: the basket ends here (checked by the caller)
  for (const c of cursors) if (c.live) c.units *= value / rest;
}

function lastOnOrBefore(dates: Int32Array, day: DayNumber): number {
  let lo = 0;
  let hi = dates.length - 1;
  let ans = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (dates[mid] <= day) {
      ans = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return ans;
}

/** Every member's dates in [day0, end], ascending, without repeats. */
function unionAfter(
  cursors: readonly Cursor[],
  day0: DayNumber,
  end: DayNumber,
  extra: ArrayLike<number>
): Int32Array {
  const days = new Set<number>([day0]);
  for (const c of cursors) for (const d of c.dates) if (d > day0 && d <= end) days.add(d);
  for (let i = 0; i < extra.length; i++) if (extra[i] > day0 && extra[i] <= end) days.add(extra[i]);
  return Int32Array.from([...days].sort((a, b) => a - b));
}
