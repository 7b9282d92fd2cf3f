/**
 * The Note column of CNTECH.SOURCE: what a reader of a basket's numbers should know beyond the
 * provider: when a constituent joined or left the basket inside the window.
 */
import { isoFromDay } from "../core/dates";
import { BasketSpec, isOmitted, parseCurrency, parseWindow } from "./args";
import { loadBasketLevels, membershipNotes } from "./basket-levels";
import { today } from "./window-data";

/** One note per member symbol ("" when there is nothing to say). */
export type NotesBySymbol = ReadonlyMap<string, string>;

/**
 * Membership notes for a basket over a window (start given), else an empty map. The window and
 * currency are parsed like every window function's; a basket that cannot be built notes why.
 */
export async function sourceNotes(
  spec: BasketSpec,
  args: { start: unknown; end: unknown; currency: unknown },
  signal: AbortSignal | undefined
): Promise<NotesBySymbol> {
  const notes = new Map<string, string>();
  if (isOmitted(args.start) && isOmitted(args.end)) return notes;
  const window = parseWindow(args.start, args.end);
  const w = { start: window.start, end: window.end ?? today(), toDate: window.end === undefined };
  const ccy = parseCurrency(args.currency);
  if (spec.members.length < 2) return notes;
  try {
    const { events } = await loadBasketLevels(spec, w, ccy, "total", signal);
    const texts = membershipNotes(events);
    events.forEach((e, i) => notes.set(e.symbol, join(notes.get(e.symbol), texts[i])));
  } catch (e) {
    const why = `${spec.label} over ${isoFromDay(w.start)}..${isoFromDay(w.end)}: ${(e as Error).message}`;
    for (const m of spec.members) notes.set(m.symbol, why);
  }
  return notes;
}

function join(a: string | undefined, b: string): string {
  return a ? `${a}; ${b}` : b;
}
