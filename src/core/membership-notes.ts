/**
 * Plain sentences for a basket's membership changes, worded once for CNTECH.SOURCE's Notes and the
 * import's header block, so both say the same thing.
 */
import { MembershipEvent } from "./basket-membership";
import { DayNumber, isoFromDay } from "./dates";

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
  const from = member.from !== undefined ? `from ${isoFromDay(member.from)}` : "";
  const to = member.to !== undefined ? `to ${isoFromDay(member.to)}` : "";
  return `not a member in this window (member ${[from, to].filter(Boolean).join(" ")}); left out`;
}
