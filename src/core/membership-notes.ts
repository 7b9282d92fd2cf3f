/**
 * Plain sentences for a basket's membership: its changes, worded once for CNTECH.SOURCE's Notes and
 * the import's header block so both say the same thing, and the #VALUE! errors of membership dates.
 */
import type { MembershipEvent } from "./basket-membership";
import { DayNumber, isoFromDay } from "./dates";
import { invalidValue } from "./errors";

/** A member's dates as words: "from 2024-01-02 to 2024-06-28" (either may be missing). */
function datesText(member: { from?: DayNumber; to?: DayNumber }): string {
  const from = member.from !== undefined ? `from ${isoFromDay(member.from)}` : "";
  const to = member.to !== undefined ? `to ${isoFromDay(member.to)}` : "";
  return [from, to].filter(Boolean).join(" ");
}

/** "9660.HK joined on 2024-10-24 (its first close); weights renormalised among live members". */
export function membershipNote(e: MembershipEvent): string {
  const limit = e.limit !== undefined ? isoFromDay(e.limit) : "";
  const why =
    e.reason === "from"
      ? `its first close on or after its from date ${limit}`
      : e.reason === "to"
        ? `its last close on or before its to date ${limit}`
        : `its ${e.event === "joined" ? "first" : "last"} close`;
  return `${e.symbol} ${e.event} on ${isoFromDay(e.day)} (${why}); weights renormalised among live members`;
}

/** "not a member in this window (member 2023-01-02 to 2023-06-30)": its dates miss the window. */
export function outsideNote(member: { from?: DayNumber; to?: DayNumber }): string {
  return `not a member in this window (member ${datesText(member)}); left out`;
}

/** #VALUE!: the from / to dates leave no member in the window (naming each one's dates). */
export function noMemberInWindow(
  outside: readonly { symbol: string; from?: DayNumber; to?: DayNumber }[],
  start: DayNumber,
  end: DayNumber
): Error {
  const why = outside.map((m) =>
    m.from !== undefined && m.from > end
      ? `${m.symbol} from ${isoFromDay(m.from)}`
      : `${m.symbol} to ${m.to !== undefined ? isoFromDay(m.to) : "its last close"}`
  );
  return invalidValue(
    `no member is live in the window ${isoFromDay(start)}..${isoFromDay(end)} (${why.join(", ")})`
  );
}

/** #VALUE!: a member that trades in the window but never on a day its dates allow. */
export function neverLive(
  member: { symbol: string; from?: DayNumber; to?: DayNumber },
  start: DayNumber,
  end: DayNumber
): Error {
  return invalidValue(
    `${member.symbol} is never live in the window ${isoFromDay(start)}..${isoFromDay(end)}: none of its closes falls within its dates (${datesText(member)})`
  );
}
