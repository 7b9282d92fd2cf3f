/**
 * A basket through time, as an index adds and drops constituents: a member that lists inside the
 * window joins on its first close, one that stops trading leaves on its last close, and the weights
 * are renormalised among the live members. Membership dates (from / to) work the same way: a member
 * joins on its first close on or after `from` and leaves after its last close on or before `to`.
 * Neither event moves the basket's level.
 */
import { DayNumber, isoFromDay } from "./dates";
import { invalidNumber, invalidValue, notAvailable } from "./errors";
import { neverLive, noMemberInWindow } from "./membership-notes";
import { indexOnOrBefore, makeSeries, PriceSeries } from "./series";
import { priceField, ReturnKind } from "./total-return";

/** One constituent: its series (all in one currency), its weight, and whether it stopped trading. */
export interface TimedMember {
  readonly series: PriceSeries;
  readonly weight: number;
  /** True when the member stopped trading: it leaves on its last close (else its last close carries forward). */
  readonly stopped?: boolean;
  /** First day of membership (none: from its first close): it joins on its first close on or after. */
  readonly from?: DayNumber;
  /** Last day of membership (none: to its last close): it leaves after its last close on or before. */
  readonly to?: DayNumber;
}

/** A member joining or leaving inside the window, on the close it happened. */
export interface MembershipEvent {
  readonly symbol: string;
  readonly event: "joined" | "left";
  readonly day: DayNumber;
  /** Set when the member's from / to date caused it (else it listed or stopped trading). */
  readonly reason?: "from" | "to";
  /** That from / to date. */
  readonly limit?: DayNumber;
}

export interface TimedBasket {
  /** Basket level on the union calendar, `base` on the start close. */
  readonly series: PriceSeries;
  readonly events: readonly MembershipEvent[];
  /** Members whose from / to dates leave them out of this window altogether (never held). */
  readonly outside: readonly string[];
}

interface Cursor {
  readonly symbol: string;
  readonly dates: Int32Array;
  readonly levels: Float64Array;
  readonly weight: number;
  /** Membership from this day (-Infinity: unbounded). */
  readonly from: number;
  /** The close it leaves on (Infinity: never in the window), and whether its `to` date set it. */
  readonly leaveOn: number;
  readonly leaveByTo: boolean;
  readonly to?: DayNumber;
  /** Index of the last observation on or before the current day, -1 before the first. */
  at: number;
  units: number;
  live: boolean;
  /** Held at some point in the window. */
  held: boolean;
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
  const all = members.map((m) => cursorOf(m, end, options.kind ?? "total"));
  // A member that leaves on or before the start close, or whose membership starts after the
  // window, never holds anything.
  // Left out: dates that end by the start close (or begin after the end). A member whose data stopped
  // by the start never holds anything either; one with no close at all by its `to` stays, to be
  // named if it trades in the window (never live).
  const gone = (c: Cursor) =>
    (c.to !== undefined && c.to <= start) ||
    c.from > end ||
    (c.leaveByTo && c.leaveOn > -Infinity && c.leaveOn <= start);
  const cursors = all.filter((c) => !gone(c) && (c.leaveOn > start || c.leaveByTo));
  const outside = all.filter(gone);
  if (cursors.length === 0 && outside.length > 0)
    throw noMemberInWindow(
      outside.map((c) => ({ symbol: c.symbol, from: c.from, to: c.to })),
      start,
      end
    );
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
      (c) =>
        !c.live &&
        c.at >= 0 &&
        day >= c.from &&
        day < c.leaveOn &&
        (t === 0 || c.dates[c.at] === day)
    );
    const leaving = cursors.filter((c) => c.live && c.dates[c.at] === day && day === c.leaveOn);
    if (t === 0) {
      if (joining.length === 0) throw noneAtStart(cursors, day);
      allocate(joining, value, 1);
    } else {
      if (leaving.length > 0) leave(cursors, leaving, value);
      if (joining.length > 0) join(cursors, joining, value);
    }
    if (t > 0)
      for (const c of joining)
        events.push({
          symbol: c.symbol,
          event: "joined",
          day,
          ...(c.at > 0 && { reason: "from" as const, limit: c.from }),
        });
    for (const c of leaving)
      events.push({
        symbol: c.symbol,
        event: "left",
        day,
        ...(c.leaveByTo && { reason: "to" as const, limit: c.to }),
      });
    // Nobody left to hold the value before the window's end (the calendar stops at the last close).
    if (!cursors.some((c) => c.live))
      throw cursors.some((c) => c.leaveByTo)
        ? invalidValue(
            `every member has left the basket by ${isoFromDay(day)} (to dates or last closes): end the window there`
          )
        : notAvailable(`every constituent stopped trading by ${isoFromDay(day)}`);
  }
  const symbol = options.symbol ?? "BASKET";
  const series = makeSeries({ symbol, currency, dates: calendar, close: values });
  const never = cursors.find((c) => !c.held && hasDates(c) && tradesIn(c, day0, end));
  if (never)
    throw neverLive(
      {
        symbol: never.symbol,
        from: Number.isFinite(never.from) ? never.from : undefined,
        to: never.to,
      },
      day0,
      end
    );
  return { series, events, outside: outside.map((c) => c.symbol) };
}

/**
 * A member's cursor. It leaves on the earlier of its last close on or before `to` (when `to` falls
 * before the window's end) and, if it stopped trading, its last close.
 */
function cursorOf(m: TimedMember, end: DayNumber, kind: ReturnKind): Cursor {
  const { dates } = m.series;
  const n = dates.length;
  let leaveOn = m.stopped && n > 0 ? dates[n - 1] : Infinity;
  let leaveByTo = false;
  if (m.to !== undefined && m.to < end) {
    const i = indexOnOrBefore(m.series, m.to);
    const byTo = i >= 0 ? dates[i] : -Infinity;
    if (byTo <= leaveOn) [leaveOn, leaveByTo] = [byTo, true];
  }
  return {
    symbol: m.series.symbol,
    dates,
    levels: priceField(m.series, kind),
    weight: m.weight,
    from: m.from ?? -Infinity,
    leaveOn,
    leaveByTo,
    to: m.to,
    at: -1,
    units: 0,
    live: false,
    held: false,
  };
}

function hasDates(c: Cursor): boolean {
  return c.from > -Infinity || c.to !== undefined;
}

function tradesIn(c: Cursor, day0: DayNumber, end: DayNumber): boolean {
  return c.dates.some((d) => d >= day0 && d <= end);
}

/** Nobody holds the start close: #VALUE! when from dates caused it, else #N/A (not listed yet). */
function noneAtStart(cursors: readonly Cursor[], day0: DayNumber): Error {
  const later = cursors.filter((c) => c.from > day0).map((c) => c.from);
  if (later.length === 0)
    return notAvailable(`no constituent is priced on the start close ${isoFromDay(day0)}`);
  return invalidValue(
    `no member is live on the start close ${isoFromDay(day0)}: the first from date is ${isoFromDay(Math.min(...later))}; start the window then or later`
  );
}

/** The last close on or before start of any member that can be live then (of any, if none can). */
function startClose(all: readonly Cursor[], start: DayNumber): DayNumber {
  const members = all.filter((c) => c.from <= start);
  const cursors = members.length > 0 ? members : all;
  let best = -Infinity;
  for (const c of cursors) {
    const i = indexOnOrBefore(c, start);
    if (i >= 0) best = Math.max(best, c.dates[i]);
  }
  if (best === -Infinity)
    throw notAvailable(`no constituent has a price on or before ${isoFromDay(start)}`);
  return best;
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
    c.held = true;
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

/** Every member's dates in [day0, end], ascending, without repeats. */
function unionAfter(
  cursors: readonly Cursor[],
  day0: DayNumber,
  end: DayNumber,
  extra: ArrayLike<number>
): Int32Array {
  const days = new Set<number>([day0]);
  // A member's closes count only while it can be a member (from its `from` to the close it leaves on).
  for (const c of cursors)
    for (const d of c.dates) if (d > day0 && d <= end && d >= c.from && d <= c.leaveOn) days.add(d);
  for (let i = 0; i < extra.length; i++) if (extra[i] > day0 && extra[i] <= end) days.add(extra[i]);
  return Int32Array.from([...days].sort((a, b) => a - b));
}
