/**
 * The Import tab's form as plain data, and its validation into an ImportRequest. No React here, so
 * the rules are testable on their own; messages say what is wrong and what to do.
 */
import { DayNumber, dayFromIso, dayFromYmd, isoFromDay, ymdFromDay } from "../../core/dates";
import { DEFAULT_BENCHMARK, getPresetBasket } from "../../data/baskets";
import { normalizeSymbol } from "../../data/symbols";
import {
  BasketSpec,
  ImportField,
  ImportFrequency,
  ImportRequest,
  MemberDates,
  ReportingCurrency,
} from "../workbook/import-types";

export type BasketMode = "preset" | "custom";
export type RangePreset = "YTD" | "1Y" | "3Y" | "custom";
/** Where prices come from for this import. */
export type SourceChoice = "settings" | "demo" | "fmp" | "eodhd" | "csv" | "stockhistory";

export interface ImportFormState {
  basketMode: BasketMode;
  preset: string;
  /** Symbols one per line (or separated by commas/spaces); "SYMBOL weight" per line for weights. */
  customText: string;
  benchmark: string;
  range: RangePreset;
  customStart: string;
  customEnd: string;
  frequency: ImportFrequency;
  field: ImportField;
  currency: ReportingCurrency;
  source: SourceChoice;
  liveFormulas: boolean;
  replaceExisting: boolean;
}

export const MAX_SYMBOLS = 200;

const WEIGHT = /^-?\d+(\.\d+)?%?$/;

function parseWeight(text: string): number {
  return text.endsWith("%") ? Number(text.slice(0, -1)) / 100 : Number(text);
}

export function initialFormState(): ImportFormState {
  return {
    basketMode: "preset",
    preset: "HSTECH",
    customText: "",
    benchmark: DEFAULT_BENCHMARK,
    range: "1Y",
    customStart: "",
    customEnd: "",
    frequency: "daily",
    // Total return by default, like the formulas and the default benchmark (^XNDX).
    field: "adjclose",
    currency: "USD",
    source: "settings",
    liveFormulas: false,
    replaceExisting: false,
  };
}

export type FormErrors = Partial<Record<"basket" | "benchmark" | "start" | "end", string>>;

/** "from 2024-10-24" / "to 2025-03-07" in a list line: a constituent's membership dates. */
const MEMBER_DATE = /(?:^|[\s,;\t])(from|to)(?:\s*:\s*|\s+)([^\s,;]+)/gi;

/** A line's membership dates, taken out of it; an error names what is wrong. */
function memberDates(line: string): { rest: string; dates: MemberDates; error?: string } {
  const dates: { from?: DayNumber; to?: DayNumber } = {};
  let error: string | undefined;
  const rest = line.replace(MEMBER_DATE, (_, word: string, value: string) => {
    const which = word.toLowerCase() as "from" | "to";
    try {
      dates[which] = dayFromIso(value);
    } catch {
      error = `"${word} ${value}" is not a date: write ${which} YYYY-MM-DD, e.g. ${which} 2024-10-24.`;
    }
    return " ";
  });
  if (!error && dates.from !== undefined && dates.to !== undefined && dates.from > dates.to)
    error = `from ${isoFromDay(dates.from)} is after to ${isoFromDay(dates.to)} on "${line}".`;
  return { rest: rest.trim(), dates, error };
}

/**
 * Parses a typed or pasted list: "0700.HK, 9988.HK" or lines "0700.HK 0.6"; a line may add its
 * membership dates, "9660.HK 0.05 from 2024-10-24 to 2025-03-07" (either or both).
 */
export function parseSymbolList(text: string): {
  symbols: string[];
  weights?: number[];
  dates?: MemberDates[];
  error?: string;
} {
  const lines = text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l.length > 0);
  const entries: { symbol: string; weight?: number; dates?: MemberDates }[] = [];
  const bad: string[] = [];
  let lineDates: MemberDates | undefined;
  const tryAdd = (text: string, weight?: number): boolean => {
    try {
      entries.push({ symbol: normalizeSymbol(text), weight, dates: lineDates });
      return true;
    } catch {
      return false;
    }
  };
  for (const raw of lines) {
    const { rest: line, dates, error } = memberDates(raw);
    if (error) return { symbols: [], error };
    lineDates = dates.from !== undefined || dates.to !== undefined ? dates : undefined;
    const items = line
      .split(/[,;\t]+/)
      .map((p) => p.trim())
      .filter((p) => p.length > 0);
    // "SYMBOL, 0.6" or "SYMBOL 60%" (the symbol itself may contain spaces: "700 HK Equity 0.6").
    const pair = items.length === 2 && WEIGHT.test(items[1]) ? [items[0], items[1]] : undefined;
    const spaced = items.length === 1 ? /^(.*\S)\s+(\S+)$/.exec(items[0]) : null;
    const single = spaced && WEIGHT.test(spaced[2]) ? [spaced[1], spaced[2]] : undefined;
    const weighted = pair ?? single;
    if (weighted && tryAdd(weighted[0], parseWeight(weighted[1]))) continue;
    for (const item of items) {
      // A whole item first (Bloomberg "700 HK Equity"), else its space-separated parts.
      if (tryAdd(item)) continue;
      for (const part of item.split(/\s+/)) if (!tryAdd(part)) bad.push(part);
    }
  }
  if (bad.length > 0)
    return {
      symbols: [],
      error: `Not recognised as symbols: ${bad.slice(0, 5).join(", ")}${bad.length > 5 ? "…" : ""}. Use forms like 0700.HK, 688981.SS or NVDA.`,
    };
  if (entries.length === 0)
    return { symbols: [], error: "Enter at least one symbol, one per line." };
  if (entries.length > MAX_SYMBOLS)
    return {
      symbols: [],
      error: `At most ${MAX_SYMBOLS} symbols per import (you entered ${entries.length}).`,
    };
  const seen = new Set<string>();
  const dupes = entries.filter((e) => (seen.has(e.symbol) ? true : (seen.add(e.symbol), false)));
  if (dupes.length > 0)
    return {
      symbols: [],
      error: `Listed twice: ${dupes.map((d) => d.symbol).join(", ")}. Keep each symbol once.`,
    };
  const withWeight = entries.filter((e) => e.weight !== undefined).length;
  if (withWeight > 0 && withWeight < entries.length)
    return {
      symbols: [],
      error: "Give a weight on every line or on none (none means equal weights).",
    };
  const dated = entries.some((e) => e.dates !== undefined);
  const dates = dated ? { dates: entries.map((e) => e.dates ?? {}) } : {};
  if (withWeight > 0) {
    const weights = entries.map((e) => e.weight!);
    if (weights.some((w) => !(w >= 0)) || !(weights.reduce((a, b) => a + b, 0) > 0))
      return { symbols: [], error: "Weights must be zero or positive and not all zero." };
    return { symbols: entries.map((e) => e.symbol), weights, ...dates };
  }
  return { symbols: entries.map((e) => e.symbol), ...dates };
}

/** The window for a preset, ending today: YTD starts on 31 Dec of last year (its close is the base). */
export function presetWindow(
  range: Exclude<RangePreset, "custom">,
  today: DayNumber
): { start: DayNumber; end: DayNumber } {
  const { year, month, day } = ymdFromDay(today);
  const yearsBack = (n: number): DayNumber => {
    const d = Math.min(day, month === 2 && day === 29 ? 28 : day);
    return dayFromYmd(year - n, month, d);
  };
  if (range === "YTD") return { start: dayFromYmd(year - 1, 12, 31), end: today };
  return { start: yearsBack(range === "1Y" ? 1 : 3), end: today };
}

/** Validates the form; returns the request (without data source) or the errors by field. */
export function validateImportForm(
  state: ImportFormState,
  today: DayNumber
): { request?: ImportRequest; errors: FormErrors } {
  const errors: FormErrors = {};
  let basket: BasketSpec | undefined;
  if (state.basketMode === "preset") {
    const preset = getPresetBasket(state.preset);
    if (!preset) errors.basket = "Choose a preset basket.";
    else
      basket = {
        label: preset.name,
        preset: preset.name,
        symbols: preset.constituents.map((c) => c.symbol),
        names: Object.fromEntries(preset.constituents.map((c) => [c.symbol, c.name])),
        weights: preset.constituents.every((c) => c.weight !== undefined)
          ? preset.constituents.map((c) => c.weight!)
          : undefined,
      };
  } else {
    const parsed = parseSymbolList(state.customText);
    if (parsed.error) errors.basket = parsed.error;
    else
      basket = {
        label: "Custom basket",
        symbols: parsed.symbols,
        weights: parsed.weights,
        dates: parsed.dates,
      };
  }

  let benchmark = "";
  try {
    benchmark = normalizeSymbol(state.benchmark || DEFAULT_BENCHMARK);
  } catch {
    errors.benchmark = `"${state.benchmark}" is not a symbol. The Nasdaq-100 Total Return index is ^XNDX (the price index ^NDX).`;
  }

  let start: DayNumber | undefined;
  let end: DayNumber | undefined;
  if (state.range === "custom") {
    const parse = (text: string, which: "start" | "end"): DayNumber | undefined => {
      try {
        return dayFromIso(text);
      } catch {
        errors[which] =
          `Enter the ${which} date as YYYY-MM-DD, e.g. ${isoFromDay(today - (which === "start" ? 365 : 0))}.`;
        return undefined;
      }
    };
    start = parse(state.customStart, "start");
    end = parse(state.customEnd, "end");
    if (end !== undefined && end > today)
      errors.end = `The end date is in the future; use ${isoFromDay(today)} or earlier.`;
    if (start !== undefined && end !== undefined && start >= end && !errors.end)
      errors.start = "The start date must be before the end date.";
    if (start !== undefined && start < dayFromYmd(1990, 1, 1))
      errors.start = "Start in 1990 or later.";
  } else {
    ({ start, end } = presetWindow(state.range, today));
  }

  if (Object.keys(errors).length > 0 || !basket || start === undefined || end === undefined)
    return { errors };
  return {
    errors,
    request: {
      basket,
      benchmark,
      start,
      end,
      frequency: state.frequency,
      field: state.field,
      currency: state.currency,
      liveFormulas: state.liveFormulas,
      replaceExisting: state.replaceExisting,
    },
  };
}
