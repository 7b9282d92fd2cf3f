/**
 * The Note column of CNTECH.SOURCE: what a reader of a basket's numbers should know beyond the
 * provider: a preset's constituent snapshot date, weights that were normalised, when a constituent
 * joined or left the basket inside the window, and members whose from / to dates miss the window.
 */
import { isoFromDay } from "../core/dates";
import { outsideNote } from "../core/membership-notes";
import { getPresetBasket, snapshotNote } from "../data/baskets";
import { isOmitted, parseCurrency, parseWindow } from "./args";
import { BasketSpec, hasMembershipDates } from "./basket-args";
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
  const preset = spec.kind === "preset" ? getPresetBasket(spec.label) : undefined;
  const given = weightsNote(spec) ?? (preset && snapshotNote(preset));
  if (given) for (const m of spec.members) notes.set(m.symbol, given);
  if (isOmitted(args.start) && isOmitted(args.end)) return notes;
  const window = parseWindow(args.start, args.end);
  const w = { start: window.start, end: window.end ?? today(), toDate: window.end === undefined };
  const ccy = parseCurrency(args.currency);
  if (spec.members.length < 2 && !hasMembershipDates(spec)) return notes;
  try {
    const { events, outside } = await loadBasketLevels(spec, w, ccy, "total", signal);
    const texts = membershipNotes(events);
    events.forEach((e, i) => notes.set(e.symbol, join(notes.get(e.symbol), texts[i])));
    for (const m of outside) notes.set(m.symbol, join(notes.get(m.symbol), outsideNote(m)));
  } catch (e) {
    const why = `${spec.label} over ${isoFromDay(w.start)}..${isoFromDay(w.end)}: ${(e as Error).message}`;
    for (const m of spec.members) notes.set(m.symbol, why);
  }
  return notes;
}

/** "weights given sum to 250: each is divided by 250" when a range's weights do not add up to 1. */
export function weightsNote(spec: BasketSpec): string | undefined {
  if (!spec.explicitWeights || spec.kind !== "range") return undefined;
  const total = spec.members.reduce((sum, m) => sum + m.weight, 0);
  if (Math.abs(total - 1) <= 1e-9) return undefined;
  return `weights given sum to ${+total.toPrecision(10)}: each is divided by that sum (normalised to 1)`;
}

function join(a: string | undefined, b: string): string {
  return a ? `${a}; ${b}` : b;
}
