/**
 * The Summary sheet: return, spread vs the benchmark, volatility, beta and maximum drawdown per
 * constituent, for the basket and for the benchmark. Either values computed with src/core (the
 * statistics the CNTECH functions use: daily total-return levels, 252 days a year), or live
 * =CNTECH.* formulas that read the window, currency and benchmark from the sheet's header block,
 * so editing those cells recalculates the summary.
 */
import { FinanceError } from "../../core/errors";
import { basketRowLabel } from "../../data/source-labels";
import { windowReturn } from "../../core/returns";
import { seriesBeta, seriesMaxDrawdown, seriesVolatility } from "../../core/risk";
import { makeSeries, PriceSeries } from "../../core/series";
import { priceField } from "../../core/total-return";
import { coverageNotes, ImportData } from "./dataset";
import { importBasket } from "./import-basket";
import { ImportRequest } from "./import-types";
import { formulaString } from "./safe-text";
import { CellInput, colLetter, InfoLine, SheetBlock, layoutOf } from "./sheet-block";
import { excelSerialFromDay } from "../../core/dates";

export const SUMMARY_COLUMNS = [
  "Symbol",
  "Weight",
  "Name",
  "Return",
  "Spread vs benchmark",
  "Volatility (ann.)",
  "Beta",
  "Max drawdown",
  "Notes",
] as const;

const FORMATS = [
  undefined,
  "0.00%",
  undefined,
  "0.00%",
  "0.00%",
  "0.00%",
  "0.00",
  "0.00%",
  undefined,
];

const DATE_FORMAT = "yyyy-mm-dd";

/** True when any constituent of the import carries a from or to date. */
function hasDates(request: ImportRequest): boolean {
  return (request.basket.dates ?? []).some((d) => d.from !== undefined || d.to !== undefined);
}

function equalWeights(n: number): number[] {
  return Array.from({ length: n }, () => 1 / n);
}

function normalised(weights: readonly number[] | undefined, n: number): number[] {
  if (!weights || weights.length !== n) return equalWeights(n);
  const sum = weights.reduce((a, b) => a + b, 0);
  return sum > 0 ? weights.map((w) => w / sum) : equalWeights(n);
}

interface Stats {
  ret: number | null;
  vol: number | null;
  beta: number | null;
  mdd: number | null;
  notes: string[];
}

function attempt(notes: string[], what: string, f: () => number): number | null {
  try {
    const v = f();
    return Number.isFinite(v) ? v : null;
  } catch (e) {
    notes.push(`${what}: ${e instanceof FinanceError ? e.message : String(e)}`);
    return null;
  }
}

function statsOf(
  levelsForReturn: () => PriceSeries,
  returnKind: "price" | "total",
  totalLevels: () => PriceSeries,
  riskKind: "price" | "total",
  bench: PriceSeries,
  request: ImportRequest
): Stats {
  const notes: string[] = [];
  const { start, end } = request;
  return {
    ret: attempt(notes, "return", () => windowReturn(levelsForReturn(), start, end, returnKind)),
    vol: attempt(notes, "volatility", () =>
      seriesVolatility(totalLevels(), start, end, { kind: riskKind })
    ),
    beta: attempt(notes, "beta", () =>
      seriesBeta(totalLevels(), bench, start, end, { kind: riskKind })
    ),
    mdd: attempt(
      notes,
      "max drawdown",
      () => seriesMaxDrawdown(totalLevels(), start, end, riskKind).maxDrawdown
    ),
    notes,
  };
}

/** Builds the Summary block; `info` must contain "Window start", "Window end", "Currency" and "Benchmark" lines. */
export function summaryBlock(
  data: ImportData,
  request: ImportRequest,
  info: InfoLine[]
): SheetBlock {
  const layout = layoutOf({ info });
  const infoRef = (label: string): string => {
    const i = info.findIndex((l) => l.label === label);
    if (i < 0) throw new Error(`summary header block lacks "${label}"`);
    return `$B$${layout.infoRow(i)}`;
  };
  // A basket with membership dates gets From / To beside Weight, so the basket row's live formulas
  // read the four columns (symbol, weight, from, to) as one range, as a basket range in a formula.
  const dated = hasDates(request);
  const extra = dated ? 2 : 0;
  const k = data.constituents.length;
  const weights = normalised(request.basket.weights, k);
  const datesOf = (i: number): CellInput[] => {
    if (!dated) return [];
    const d = request.basket.dates?.[i] ?? {};
    return [d.from, d.to].map((x) => (x === undefined ? null : excelSerialFromDay(x)));
  };
  const blank: CellInput[] = dated ? [null, null] : [];
  /** Inserts the From / To entries after Weight when the basket has dates. */
  const withDateColumns = <T>(xs: T[], from: T, to: T): T[] =>
    dated ? [...xs.slice(0, 2), from, to, ...xs.slice(2)] : xs;
  const coverage = coverageNotes(data, request);
  const notesOf = (symbol: string, notes: string[] = []): string =>
    [coverage.get(symbol), ...notes].filter(Boolean).join("; ");
  const returnKind = request.field === "adjclose" ? "total" : "price";
  const first = layout.firstBodyRow;
  const basketRow = first + k;
  const benchRow = first + k + 1;
  const rows: CellInput[][] = [];
  const returnCol = colLetter(3 + extra);

  const live = (symbolRef: string, row: number): CellInput[] => {
    // Data that stops well before the window's end (stale) would make every formula #N/A: they run
    // to the last close the values used instead ("As of"), so formulas and values agree.
    const stale = [...coverage.values()].some((n) => n.startsWith("stale"));
    const endLabel = stale && info.some((l) => l.label === "As of") ? "As of" : "Window end";
    const [start, end, ccy, bench] = ["Window start", endLabel, "Currency", "Benchmark"].map(
      infoRef
    );
    return [
      `=CNTECH.RETURN(${symbolRef},${start},${end},${ccy},${formulaString(returnKind)})`,
      `=${returnCol}${row}-${returnCol}$${benchRow}`,
      `=CNTECH.VOL(${symbolRef},${start},${end},${ccy})`,
      `=CNTECH.BETA(${symbolRef},${start},${end},${ccy},${bench})`,
      `=CNTECH.MAXDD(${symbolRef},${start},${end},${ccy})`,
    ];
  };

  const benchStats = request.liveFormulas
    ? undefined
    : statsOf(
        () => data.benchmark.series,
        returnKind,
        () => data.benchmark.series,
        "total",
        data.benchmark.series,
        request
      );

  const valueRow = (st: Stats): CellInput[] => [
    st.ret,
    st.ret !== null && benchStats?.ret !== null && benchStats?.ret !== undefined
      ? st.ret - benchStats.ret
      : null,
    st.vol,
    st.beta,
    st.mdd,
  ];

  data.constituents.forEach((c, i) => {
    const row = first + i;
    const name = request.basket.names?.[c.symbol] ?? "";
    if (request.liveFormulas) {
      rows.push([
        c.symbol,
        weights[i],
        ...datesOf(i),
        name,
        ...live(`$A${row}`, row),
        notesOf(c.symbol),
      ]);
    } else {
      const st = statsOf(
        () => c.series,
        returnKind,
        () => c.series,
        "total",
        data.benchmark.series,
        request
      );
      rows.push([
        c.symbol,
        weights[i],
        ...datesOf(i),
        name,
        ...valueRow(st),
        notesOf(c.symbol, st.notes),
      ]);
    }
  });

  const basketLabel = basketRowLabel(request.basket.label);
  if (request.liveFormulas) {
    rows.push([
      basketLabel,
      1,
      ...blank,
      "Weighted basket of the rows above",
      ...live(`$A$${first}:$${colLetter(1 + extra)}$${basketRow - 1}`, basketRow),
      "",
    ]);
    rows.push([
      data.benchmark.symbol,
      null,
      ...blank,
      "Benchmark",
      ...live(`$A${benchRow}`, benchRow),
      notesOf(data.benchmark.symbol),
    ]);
  } else {
    // Constituents join on their first close, as in the CNTECH functions (core/basket-membership.ts).
    const basket = (kind: "price" | "total") => () => importBasket(data, request, kind).series;
    // The basket's levels are total-return levels read as "price": the benchmark must be too, as in
    // =CNTECH.BETA (passing "price" for both would measure the benchmark's price returns).
    const b = data.benchmark.series;
    const benchTotal = makeSeries({
      ...b,
      close: priceField(b, "total"),
      adjClose: undefined,
      dividends: undefined,
    });
    const st = statsOf(basket(returnKind), "price", basket("total"), "price", benchTotal, request);
    rows.push([
      basketLabel,
      1,
      ...blank,
      "Weighted basket of the rows above",
      ...valueRow(st),
      st.notes.join("; "),
    ]);
    rows.push([
      data.benchmark.symbol,
      null,
      ...blank,
      "Benchmark",
      ...valueRow(benchStats!),
      notesOf(data.benchmark.symbol, benchStats!.notes),
    ]);
  }
  const formulaCells = SUMMARY_COLUMNS.map((_, c) => request.liveFormulas && c >= 3 && c <= 7);
  const textColumns = [true, false, true, false, false, false, false, false, true];

  return {
    baseName: "Summary",
    title: `CNTech summary: ${request.basket.label} vs ${data.benchmark.symbol} (${request.liveFormulas ? "live CNTECH formulas" : "values"})`,
    info: request.valuesNote ? [...info, { label: "Formulas", value: request.valuesNote }] : info,
    columns: withDateColumns([...SUMMARY_COLUMNS], "From", "To"),
    rows,
    formats: withDateColumns(FORMATS, DATE_FORMAT, DATE_FORMAT),
    textColumns: withDateColumns(textColumns, false, false),
    formulaColumns: withDateColumns(formulaCells, false, false),
    tableName: "CNTech_Summary",
  };
}
