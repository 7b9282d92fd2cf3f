/**
 * Per-cell rules for user price files (docs/data.md, "Per-cell rules"): a blank or unusable cell
 * affects that field on that row only, and every row merged, repaired or left out is reported with
 * its line. One bad adjusted close never discards the file's adjusted-close column, and one bad close
 * never discards a row whose adjusted close can rebuild it.
 *
 * The adjustment factor of a row is adjClose / close. Between ex-dates it is constant; on an ex-date
 * t with cash dividend D_t the core's convention (dividend reinvested at the ex-date close) gives
 * F_{t-1} = F_t · q_t with q_t = P_t / (P_t + D_t).
 */
import { isoFromDay } from "../../core/dates";
import { Observation, RowAction } from "./table-reader";

/** A usable row: a close, the adjusted close when the file has them, the dividend (0 when none). */
export interface CleanRow {
  readonly day: number;
  readonly close: number;
  readonly adjClose?: number;
  readonly dividend: number;
}

/** Hears about one row: the row as read (its line and file), what was done, and why. */
export type Report = (row: Observation, action: RowAction, message: string) => void;

/** Files round adjusted closes (Yahoo to 6 decimals): factors this close count as equal. */
const FACTOR_TOLERANCE = 1e-6;

const FIELDS = [
  ["close", "close"],
  ["adjClose", "adjusted close"],
  ["dividend", "dividend"],
] as const;

const agree = (a: number, b: number): boolean => Math.abs(a / b - 1) <= FACTOR_TOLERANCE;
const fmt = (v: number): string => String(Number(v.toPrecision(10)));
const what = (text: string | undefined): string =>
  text === undefined ? "is blank" : `"${text}" is not a positive price`;

/** Rows sorted by date, one per date, every cell rule applied; `report` hears about each change. */
export function cleanRows(
  key: string,
  rows: readonly Observation[],
  adjColumn: boolean,
  report: Report
): { rows: CleanRow[]; hasAdj: boolean } {
  const sorted = [...rows].sort((a, b) => a.day - b.day || a.line - b.line);
  const merged = mergeSameDay(key, sorted, report);
  const hasAdj = adjColumn && merged.some((r) => r.adjClose !== undefined);
  const withClose = closesOrSkip(key, merged, hasAdj, report);
  const adj = hasAdj ? fillAdjusted(key, withClose, report) : undefined;
  const out = withClose.map((r, i): CleanRow => {
    if (r.bad?.div !== undefined) {
      const effect = hasAdj ? "" : " (total returns across this day leave it out)";
      report(
        r,
        "repaired",
        `${key} ${isoFromDay(r.day)}: dividend "${r.bad.div}" is not an amount, taken as none${effect}`
      );
    }
    return {
      day: r.day,
      close: r.close!,
      adjClose: adj?.[i],
      dividend: r.dividend ?? 0,
    };
  });
  if (!hasAdj)
    for (const r of withClose)
      if (r.bad?.adj !== undefined)
        report(
          r,
          "repaired",
          `${key} ${isoFromDay(r.day)}: adjusted close "${r.bad.adj}" ignored (the file has no usable adjusted closes; total return comes from dividends)`
        );
  return { rows: out, hasAdj };
}

/**
 * Rows repeating a date: a field missing on the first is taken from the later one (merged); a field
 * that differs keeps the first line's value and the later line is reported as not used.
 */
function mergeSameDay(key: string, sorted: readonly Observation[], report: Report): Observation[] {
  const out: Observation[] = [];
  for (const r of sorted) {
    const base = out[out.length - 1];
    if (!base || base.day !== r.day) {
      out.push({ ...r, bad: r.bad && { ...r.bad } });
      continue;
    }
    const supplied: string[] = [];
    const conflicts: string[] = [];
    for (const [field, label] of FIELDS) {
      const mine = base[field];
      const theirs = r[field];
      if (theirs === undefined) continue;
      if (mine === undefined) {
        base[field] = theirs;
        supplied.push(label);
        if (base.bad)
          delete base.bad[field === "close" ? "close" : field === "adjClose" ? "adj" : "div"];
      } else if (mine !== theirs) conflicts.push(`${label} ${fmt(theirs)} vs ${fmt(mine)}`);
    }
    const head = `${key} ${isoFromDay(r.day)} appears again (line ${base.line})`;
    const gave = supplied.length ? `; it supplied the missing ${supplied.join(", ")}` : "";
    if (conflicts.length)
      report(
        r,
        "skipped",
        `${head} with different prices (${conflicts.join(", ")}): line ${base.line} kept${gave}`
      );
    else
      report(
        r,
        "merged",
        `${head}${supplied.length ? "" : " with the same prices"}: merged${gave}`
      );
  }
  return out;
}

/** adjClose / close of a row with both, else undefined. */
function factorOf(r: Observation | undefined): number | undefined {
  return r && r.close !== undefined && r.adjClose !== undefined ? r.adjClose / r.close : undefined;
}

/** q of an ex-date row (1 when no dividend). */
function exFactor(r: { close?: number; dividend?: number }): number {
  const d = r.dividend ?? 0;
  return d > 0 && r.close !== undefined ? r.close / (r.close + d) : 1;
}

/**
 * A row without a usable close: rebuilt from its adjusted close when the neighbouring rows' factors
 * agree (no ex-date next to it) and it has no dividend of its own; otherwise the day is left out
 * (the previous close stands for it in every window).
 */
function closesOrSkip(
  key: string,
  rows: readonly Observation[],
  hasAdj: boolean,
  report: Report
): Observation[] {
  const out: Observation[] = [];
  rows.forEach((r, i) => {
    if (r.close !== undefined) return void out.push(r);
    const date = isoFromDay(r.day);
    const head = `${key} ${date}: close ${what(r.bad?.close)}`;
    if (hasAdj && r.adjClose !== undefined && !(r.dividend && r.dividend > 0)) {
      const prev = factorOf(rows[i - 1]);
      const nextRaw = factorOf(rows[i + 1]);
      const next = nextRaw === undefined ? undefined : nextRaw * exFactor(rows[i + 1]);
      const f = next ?? prev;
      if (f !== undefined && (prev === undefined || next === undefined || agree(prev, next))) {
        const close = r.adjClose / f;
        report(
          r,
          "repaired",
          `${head}; filled from the adjusted close and the neighbouring adjustment factor: ${fmt(close)}`
        );
        return void out.push({ ...r, close });
      }
    }
    const div =
      r.dividend && r.dividend > 0 ? `; its dividend ${fmt(r.dividend)} is not counted` : "";
    report(r, "skipped", `${head}: the day is left out (the previous close stands for it)${div}`);
  });
  return out;
}

/**
 * Adjusted closes with every gap filled from the close and a neighbouring row's factor: the next
 * row's (F_t = F_{t+1} · q_{t+1}, its dividend counted) or, at the end of the file, the previous
 * row's (F_t = F_{t-1} / q_t).
 */
function fillAdjusted(key: string, rows: readonly Observation[], report: Report): number[] {
  const n = rows.length;
  const f = rows.map(factorOf);
  const from: Array<"next" | "previous" | undefined> = new Array(n);
  for (let i = n - 2; i >= 0; i--)
    if (f[i] === undefined && f[i + 1] !== undefined) {
      f[i] = f[i + 1]! * exFactor(rows[i + 1]);
      from[i] = "next";
    }
  for (let i = 1; i < n; i++)
    if (f[i] === undefined && f[i - 1] !== undefined) {
      f[i] = f[i - 1]! / exFactor(rows[i]);
      from[i] = "previous";
    }
  return rows.map((r, i) => {
    const adj = r.adjClose ?? r.close! * f[i]!;
    if (from[i]) {
      const div = from[i] === "next" ? rows[i + 1].dividend : r.dividend;
      const withDiv = div && div > 0 ? ` and the ex-date dividend ${fmt(div)}` : "";
      const prev = factorOf(rows[i - 1]);
      const next = factorOf(rows[i + 1]);
      const unsure =
        prev !== undefined && next !== undefined && !agree(prev, f[i]! * exFactor(r))
          ? " (an adjustment the file does not explain falls next to this day)"
          : "";
      report(
        r,
        "repaired",
        `${key} ${isoFromDay(r.day)}: adjusted close ${what(r.bad?.adj)}; filled from the close × the ${from[i]} row's adjustment factor${withDiv}: ${fmt(adj)}${unsure}`
      );
    }
    return adj;
  });
}
