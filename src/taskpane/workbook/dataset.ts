/**
 * Builds the Prices, Returns and Performance sheets' data from fetched series (already in the
 * reporting currency). Pure: no Excel, no network, no clock.
 */
import { sampleOnOrBefore } from "../../core/calendar";
import { DayNumber, excelSerialFromDay, isoFromDay, periodKey } from "../../core/dates";
import { STALE_AFTER_TRADING_DAYS, tradingDaysAfter } from "../../core/coverage";
import { indexOnOrBefore, PriceSeries } from "../../core/series";
import { priceField } from "../../core/total-return";
import { basketRowLabel, syntheticLine } from "../../data/source-labels";
import { FROM_ADJUSTED_CLOSES, FROM_CLOSES, measuredAs } from "../../data/measured-as";
import { tradingCalendar } from "../../data/trading-calendar";
import { Provenance } from "../../data/types";
import { importAsOf, importBasket } from "./import-basket";
import { ImportRequest } from "./import-types";
import { CellInput, InfoLine, SheetBlock } from "./sheet-block";

export interface FetchedSeries {
  /** Canonical symbol. */
  readonly symbol: string;
  /** In the reporting currency. */
  readonly series: PriceSeries;
  readonly provenance: Provenance;
}

export interface ImportData {
  readonly constituents: readonly FetchedSeries[];
  readonly benchmark: FetchedSeries;
}

const DATE_FORMAT = "yyyy-mm-dd";

/**
 * Coverage of the window, per series (core/coverage.ts's rule): data ending more than a few trading
 * days before the window's end is stale; data starting after the window's start is partial. One
 * plain sentence per such series, for the import's warnings and the Summary's notes.
 */
export function coverageNotes(data: ImportData, request: ImportRequest): Map<string, string> {
  const notes = new Map<string, string>();
  for (const f of [...data.constituents, data.benchmark]) {
    const d = f.series.dates;
    if (d.length === 0) continue;
    const said: string[] = [];
    const last = d[d.length - 1];
    const lag = tradingDaysAfter(last, request.end, tradingCalendar(f.symbol));
    if (lag > STALE_AFTER_TRADING_DAYS)
      said.push(
        `stale: data ends ${isoFromDay(last)}, ${lag} trading days before the window end ${isoFromDay(request.end)}; its figures stop there`
      );
    if (d[0] > request.start)
      said.push(
        `partial: data starts ${isoFromDay(d[0])}, after the window start ${isoFromDay(request.start)}`
      );
    if (said.length) notes.set(f.symbol, said.join("; "));
  }
  return notes;
}

/** "demo (synthetic)" and friends, combined over every series used. */
export function provenanceLines(data: ImportData, request: ImportRequest): InfoLine[] {
  const all = [...data.constituents, data.benchmark];
  const sources = [...new Set(all.map((s) => s.provenance.source))].join("; ");
  // "As of" is the latest close the window used (never the window end itself); a series whose data
  // stops well before it is named under Coverage and, in the basket, leaves on its last close.
  const last = importAsOf(data, request);
  const asOf = last !== undefined ? isoFromDay(last) : "";
  const coverage = coverageNotes(data, request);
  const synthetic = all.some((s) => s.provenance.synthetic);
  const stale = all.filter((s) => s.provenance.stale).map((s) => s.symbol);
  const lines: InfoLine[] = [
    { label: "Source", value: sources },
    { label: "As of", value: asOf },
    { label: "Currency", value: request.currency },
    {
      label: "Synthetic",
      value: syntheticLine(synthetic),
    },
    { label: "Window start", value: excelSerialFromDay(request.start), format: DATE_FORMAT },
    { label: "Window end", value: excelSerialFromDay(request.end), format: DATE_FORMAT },
    { label: "Frequency", value: request.frequency },
    { label: "Field", value: request.field === "adjclose" ? "adjusted close" : "close" },
    { label: "Benchmark", value: data.benchmark.symbol },
    { label: "Measured as", value: measuredAsLine(request.field, data.benchmark.symbol) },
  ];
  if (stale.length > 0)
    lines.push({
      label: "Stale",
      value: `served from cache after a failed refresh: ${stale.join(", ")}`,
    });
  if (coverage.size > 0)
    lines.push({
      label: "Coverage",
      value: [...coverage].map(([symbol, note]) => `${symbol} ${note}`).join(" | "),
    });
  return lines;
}

/** What each side of the Summary's comparison includes: like with like, or said plainly when not. */
function measuredAsLine(field: string, benchmark: string): string {
  const basket = field === "adjclose" ? FROM_ADJUSTED_CLOSES : FROM_CLOSES;
  return `basket and constituents: ${basket}; ${benchmark}: ${measuredAs(benchmark)}`;
}

/** Index positions to keep so each period is represented by its last close (first row kept as the base). */
export function periodEnds(
  dates: ArrayLike<number>,
  frequency: ImportRequest["frequency"]
): number[] {
  const keep: number[] = [];
  for (let t = 0; t < dates.length; t++) {
    const last = t === dates.length - 1;
    if (t === 0 || last || periodKey(dates[t], frequency) !== periodKey(dates[t + 1], frequency))
      keep.push(t);
  }
  return keep;
}

/**
 * Prices on the union of all trading dates in the window (plus the base close on or before the
 * start), each series forward-filled from its last close; blank before a series' first close.
 */
export function alignedPrices(
  all: readonly FetchedSeries[],
  request: ImportRequest
): { dates: number[]; columns: (number | null)[][] } {
  const kind = request.field === "adjclose" ? "total" : "price";
  const levels = all.map((f) => priceField(f.series, kind));
  const dateSet = new Set<number>();
  for (const f of all) {
    const d = f.series.dates;
    const i0 = Math.max(0, indexOnOrBefore(f.series, request.start));
    for (let i = i0; i < d.length && d[i] <= request.end; i++) dateSet.add(d[i]);
  }
  let dates = [...dateSet].sort((a, b) => a - b);
  // The base row is the latest "last close on or before start" across series; drop earlier dates.
  let base: number | undefined;
  for (const f of all) {
    const i = indexOnOrBefore(f.series, request.start);
    if (i >= 0) base = Math.max(base ?? -Infinity, f.series.dates[i]);
  }
  if (base !== undefined) dates = dates.filter((d) => d >= base);
  const columns = all.map((f, k) => {
    const out: (number | null)[] = [];
    let j = -1;
    const d = f.series.dates;
    for (const day of dates) {
      while (j + 1 < d.length && d[j + 1] <= day) j++;
      out.push(j >= 0 ? levels[k][j] : null);
    }
    return out;
  });
  const keep = periodEnds(dates, request.frequency);
  return { dates: keep.map((t) => dates[t]), columns: columns.map((c) => keep.map((t) => c[t])) };
}

function symbolsOf(data: ImportData): string[] {
  return [...data.constituents.map((c) => c.symbol), data.benchmark.symbol];
}

/** The Prices sheet: one column per symbol (benchmark last), dates as Excel dates. */
export function pricesBlock(
  data: ImportData,
  request: ImportRequest,
  info: InfoLine[]
): SheetBlock {
  const all = [...data.constituents, data.benchmark];
  const { dates, columns } = alignedPrices(all, request);
  const rows: CellInput[][] = dates.map((d, t) => [
    excelSerialFromDay(d),
    ...columns.map((c) => c[t]),
  ]);
  const n = all.length;
  return {
    baseName: "Prices",
    title: `CNTech prices: ${request.basket.label} and ${data.benchmark.symbol} (${request.frequency} ${request.field === "adjclose" ? "adjusted closes" : "closes"}, ${request.currency})`,
    info,
    columns: ["Date", ...symbolsOf(data)],
    rows,
    formats: [DATE_FORMAT, ...Array(n).fill("#,##0.0000")],
    textColumns: Array(n + 1).fill(false),
    tableName: "CNTech_Prices",
  };
}

/** The Returns sheet: simple returns between consecutive rows of Prices (blank where a price is missing). */
export function returnsBlock(prices: SheetBlock, info: InfoLine[]): SheetBlock {
  const rows: CellInput[][] = [];
  for (let t = 1; t < prices.rows.length; t++) {
    const prev = prices.rows[t - 1];
    const cur = prices.rows[t];
    rows.push(
      cur.map((v, c) => {
        if (c === 0) return v;
        const a = prev[c];
        return typeof v === "number" && typeof a === "number" ? v / a - 1 : null;
      })
    );
  }
  return {
    ...prices,
    baseName: "Returns",
    title: prices.title.replace("CNTech prices", "CNTech periodic returns"),
    info,
    rows,
    formats: prices.formats.map((f, c) => (c === 0 ? f : "0.00%")),
    tableName: "CNTech_Returns",
  };
}

/**
 * The Performance sheet: the basket index (buy-and-hold from the weights at the start, members
 * joining on their first close) and the benchmark, both rebased to 100 on the start close, and the
 * spread in index points.
 */
export function performanceBlock(
  data: ImportData,
  request: ImportRequest,
  info: InfoLine[]
): { block: SheetBlock; basketStart: DayNumber } {
  const kind = request.field === "adjclose" ? "total" : "price";
  // A window that opens before every constituent's data starts on the first close of any of them.
  const firstClose = Math.min(...data.constituents.map((c) => c.series.dates[0] ?? Infinity));
  const from = Math.max(request.start, firstClose);
  const { series: basket } = importBasket(data, { ...request, start: from }, kind, true);
  const bench = data.benchmark.series;
  const benchLevels = sampleOnOrBefore(
    { dates: bench.dates, values: priceField(bench, kind) },
    basket.dates
  );
  const keep = periodEnds(basket.dates, request.frequency);
  const rows: CellInput[][] = keep.map((t) => {
    const b = (100 * benchLevels[t]) / benchLevels[0];
    return [excelSerialFromDay(basket.dates[t]), basket.close[t], b, basket.close[t] - b];
  });
  const basketStart = basket.dates[0];
  const startNote =
    from > request.start
      ? [
          {
            label: "Rebased on",
            value: `${isoFromDay(basketStart)} (first close of any constituent)`,
          },
        ]
      : [];
  return {
    basketStart,
    block: {
      baseName: "Performance",
      title: `CNTech performance: ${request.basket.label} vs ${data.benchmark.symbol}, rebased to 100`,
      info: [...info, ...startNote],
      columns: [
        "Date",
        basketRowLabel(request.basket.label),
        data.benchmark.symbol,
        "Spread (index points)",
      ],
      rows,
      formats: [DATE_FORMAT, "0.00", "0.00", "0.00"],
      textColumns: [false, false, false, false],
      tableName: "CNTech_Performance",
    },
  };
}
