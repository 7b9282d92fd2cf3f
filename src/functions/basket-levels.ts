/**
 * A basket's level series over a window, constituents joining on their first close and leaving on
 * their last (core/basket-membership.ts), with the membership changes written out as notes for
 * CNTECH.SOURCE and the import's header block.
 */
import { basketThroughTime, MembershipEvent } from "../core/basket-membership";
import { Currency } from "../core/currency";
import { isoFromDay } from "../core/dates";
import { notAvailable } from "../core/errors";
import { ReturnKind } from "../core/total-return";
import { combineProvenance } from "../data/fx";
import { BasketSpec } from "./args";
import {
  FormulaWindow,
  loadInCurrency,
  needFor,
  requireCoverage,
  SourcedSeries,
} from "./window-data";

export interface BasketLevels extends SourcedSeries {
  readonly events: readonly MembershipEvent[];
}

/** "9660.HK joined on 2024-10-24 (its first close); weights renormalised among live members". */
export function membershipNotes(events: readonly MembershipEvent[]): string[] {
  return events.map(
    (e) =>
      `${e.symbol} ${e.event} on ${isoFromDay(e.day)} (its ${e.event === "joined" ? "first" : "last"} close); weights renormalised among live members`
  );
}

/** The coverage rule's error for one constituent (it stopped trading), or undefined. */
function coverageGap(sourced: SourcedSeries, window: FormulaWindow): unknown {
  try {
    requireCoverage(sourced, window);
    return undefined;
  } catch (e) {
    return e;
  }
}

export async function loadBasketLevels(
  spec: BasketSpec,
  window: FormulaWindow,
  currency: Currency,
  kind: ReturnKind,
  signal?: AbortSignal
): Promise<BasketLevels> {
  const loaded = await Promise.all(
    spec.members.map((m) =>
      loadInCurrency(m.symbol, window.start, window.end, currency, signal, needFor(kind))
    )
  );
  const gaps = loaded.map((l) => coverageGap(l, window));
  // Every constituent stopped before the end: nothing stands for the basket there.
  if (gaps.every((g) => g !== undefined)) throw gaps[0];
  const members = loaded
    .map((l, i) => ({ series: l.series, weight: spec.members[i].weight, stopped: !!gaps[i] }))
    .filter((m) => m.series.dates.length > 0 && m.series.dates[0] <= window.end);
  if (members.length === 0)
    throw notAvailable(`${spec.label}: no constituent has a price in the window`);
  const { start, end } = window;
  const { series, events } = basketThroughTime(members, { start, end, kind, symbol: spec.label });
  const notes = membershipNotes(events);
  const combined = loaded.map((l) => l.provenance).reduce(combineProvenance);
  const provenance = notes.length ? { ...combined, notes: notes.join("; ") } : combined;
  return { series, provenance, events };
}
