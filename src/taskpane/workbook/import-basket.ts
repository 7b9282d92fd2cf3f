/**
 * The basket of an import through time, by the rule the CNTECH formulas use
 * (core/basket-membership.ts): constituents join on their first close (or their first close on or
 * after a `from` date) and leave on their last close when their data stops (or after their last
 * close on or before a `to` date), weights renormalised among the live ones. The header block says
 * who joined and left, in the words CNTECH.SOURCE uses. Pure: no Excel, no network, no clock.
 */
import { basketThroughTime } from "../../core/basket-membership";
import { STALE_AFTER_TRADING_DAYS, tradingDaysAfter } from "../../core/coverage";
import { DayNumber } from "../../core/dates";
import { membershipNote, outsideNote } from "../../core/membership-notes";
import { indexOnOrBefore, PriceSeries } from "../../core/series";
import { getPresetBasket, snapshotNote } from "../../data/baskets";
import { tradingCalendar } from "../../data/trading-calendar";
import type { FetchedSeries, ImportData } from "./dataset";
import { ImportRequest } from "./import-types";
import { InfoLine } from "./sheet-block";

/** The last close a series contributes to a window ending `end` (undefined: none by then). */
export function lastCloseUsed(series: PriceSeries, end: DayNumber): DayNumber | undefined {
  const i = indexOnOrBefore(series, end);
  return i >= 0 ? series.dates[i] : undefined;
}

/**
 * The header's "As of": the latest close any series of the import has by the window's end. The live
 * formulas run to it when some series' data stops early, and a constituent whose data stops well
 * before it has stopped trading (below).
 */
export function importAsOf(data: ImportData, request: ImportRequest): DayNumber | undefined {
  const used = [...data.constituents, data.benchmark]
    .map((s) => lastCloseUsed(s.series, request.end))
    .filter((d): d is DayNumber => d !== undefined);
  return used.length ? Math.max(...used) : undefined;
}

/** Stopped trading: its data ends more trading days before `asOf` than the coverage rule allows. */
function stoppedBy(c: FetchedSeries, asOf: DayNumber | undefined): boolean {
  const d = c.series.dates;
  if (asOf === undefined || d.length === 0) return false;
  return (
    tradingDaysAfter(d[d.length - 1], asOf, tradingCalendar(c.symbol)) > STALE_AFTER_TRADING_DAYS
  );
}

/**
 * The import's basket on the constituents' union calendar (plus the benchmark's days when asked),
 * and notes saying who joined or left when, and who is not a member in this window.
 */
export function importBasket(
  data: ImportData,
  request: ImportRequest,
  kind: "price" | "total",
  withBenchmarkDays = false
): { series: PriceSeries; notes: string[] } {
  const k = data.constituents.length;
  const { weights, dates } = request.basket;
  const asOf = importAsOf(data, request);
  const stopped = data.constituents.map((c) => stoppedBy(c, asOf));
  // When every constituent's data stops early (only the benchmark runs on), nobody leaves: the
  // basket's figures stop with its data, which the Coverage line says (the formulas are #N/A there).
  const allStopped = stopped.every(Boolean);
  const members = data.constituents.map((c, i) => ({
    series: c.series,
    weight: weights && weights.length === k ? weights[i] : 1,
    stopped: stopped[i] && !allStopped,
    ...(dates && dates.length === k ? dates[i] : {}),
  }));
  const { series, events, outside } = basketThroughTime(members, {
    start: request.start,
    end: request.end,
    kind,
    base: 100,
    symbol: request.basket.label,
    extraDates: withBenchmarkDays ? data.benchmark.series.dates : undefined,
  });
  const notes = events.map(membershipNote);
  for (const symbol of outside) {
    const i = data.constituents.findIndex((c) => c.symbol === symbol);
    notes.push(`${symbol} ${outsideNote(dates?.[i] ?? {})}`);
  }
  return { series, notes };
}

/** Header lines: a preset's snapshot date, and who joined or left the basket in the window. */
export function membershipLines(data: ImportData, request: ImportRequest): InfoLine[] {
  const lines: InfoLine[] = [];
  const preset = request.basket.preset ? getPresetBasket(request.basket.preset) : undefined;
  const snapshot = preset && snapshotNote(preset);
  if (snapshot) lines.push({ label: "Constituents", value: snapshot });
  const kind = request.field === "adjclose" ? "total" : "price";
  try {
    const { notes } = importBasket(data, request, kind);
    if (notes.length > 0) lines.push({ label: "Basket members", value: notes.join("; ") });
  } catch {
    // the basket itself fails: the Summary's notes say why
  }
  return lines;
}
