/**
 * A basket's level series over a window, constituents joining on their first close (or on their
 * first close on or after a from date) and leaving on their last (or after their last close on or
 * before a to date; core/basket-membership.ts), with the membership changes written out as notes
 * for CNTECH.SOURCE.
 */
import { basketThroughTime, MembershipEvent } from "../core/basket-membership";
import { Currency } from "../core/currency";
import { notAvailable } from "../core/errors";
import { membershipNote, noMemberInWindow } from "../core/membership-notes";
import { ReturnKind } from "../core/total-return";
import { combineProvenance } from "../data/fx";
import { BasketMember, BasketSpec } from "./basket-args";
import {
  FormulaWindow,
  loadInCurrency,
  needFor,
  requireCoverage,
  SourcedSeries,
} from "./window-data";

export interface BasketLevels extends SourcedSeries {
  readonly events: readonly MembershipEvent[];
  /** Members whose from / to dates keep them out of this window. */
  readonly outside: readonly BasketMember[];
}

/** "9660.HK joined on 2024-10-24 (its first close); weights renormalised among live members". */
export function membershipNotes(events: readonly MembershipEvent[]): string[] {
  return events.map(membershipNote);
}

/** Membership dates that end by the window's start, or begin after its end: never held. */
function outsideWindow(m: BasketMember, window: FormulaWindow): boolean {
  return (
    (m.to !== undefined && m.to <= window.start) || (m.from !== undefined && m.from > window.end)
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
  // Members outside the window are not even loaded (a symbol long gone may have no data now).
  const outside = spec.members.filter((m) => outsideWindow(m, window));
  const held = spec.members.filter((m) => !outsideWindow(m, window));
  if (held.length === 0) throw noMemberInWindow(outside, window.start, window.end);
  const loaded = await Promise.all(
    held.map((m) =>
      loadInCurrency(m.symbol, window.start, window.end, currency, signal, needFor(kind))
    )
  );
  const gaps = loaded.map((l) => coverageGap(l, window));
  // Every constituent stopped before the end: nothing stands for the basket there.
  if (gaps.every((g) => g !== undefined)) throw gaps[0];
  const members = loaded
    .map((l, i) => {
      const { weight, from, to } = held[i];
      return { series: l.series, weight, from, to, stopped: !!gaps[i] };
    })
    .filter((m) => m.series.dates.length > 0 && m.series.dates[0] <= window.end);
  if (members.length === 0)
    throw notAvailable(`${spec.label}: no constituent has a price in the window`);
  const { start, end } = window;
  const basket = basketThroughTime(members, { start, end, kind, symbol: spec.label });
  const { series, events } = basket;
  const gone = new Set(basket.outside);
  const notes = membershipNotes(events);
  const combined = loaded.map((l) => l.provenance).reduce(combineProvenance);
  const provenance = notes.length ? { ...combined, notes: notes.join("; ") } : combined;
  return {
    series,
    provenance,
    events,
    outside: [...outside, ...held.filter((m) => gone.has(m.symbol))],
  };
}
