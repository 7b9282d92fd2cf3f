/**
 * Bad inputs across the catalogue, through the built bundle: each must fail with the exact Excel error
 * code and a message that names the problem (never a number). #NUM! carries no message in Excel, so
 * its explanation is checked on the error's `detail` (what the CLI prints).
 */
import { loadFunctionsBundle } from "../support/functions-bundle";
import { callLikeExcel } from "./helpers";

const bundle = loadFunctionsBundle();
const S = "2024-01-02";
const E = "2024-12-31";
const VALUE = "#VALUE!";
const NA = "#N/A";
const NUM = "#NUM!";

type Case = [label: string, id: string, args: unknown[], code: string, message: RegExp];

const CASES: Case[] = [
  // RETURN
  ["unknown symbol", "RETURN", ["0005.HK", S, E], NA, /0005\.HK.*not in the demo universe/],
  ["empty symbols", "RETURN", ["", S, E], VALUE, /symbols is empty/],
  ["symbols all blank rows", "RETURN", [[[""], [null]], S, E], VALUE, /symbols is empty/],
  [
    "text that is no ticker nor preset",
    "RETURN",
    ["HSTECHX", S, E],
    VALUE,
    /not a ticker, nor a preset basket \(HSTECH/,
  ],
  ["a number as a symbol", "RETURN", [[[42]], S, E], VALUE, /row 1 holds 42, not a symbol/],
  ["unparseable start", "RETURN", ["0700.HK", "next tuesday", E], VALUE, /^start: .*not a date/],
  [
    "impossible calendar date",
    "RETURN",
    ["0700.HK", "2024-02-30", E],
    VALUE,
    /2024-02-30 is not a calendar date/,
  ],
  ["Excel's phantom 1900-02-29", "RETURN", ["0700.HK", 60, E], VALUE, /1900-02-29 does not exist/],
  [
    "negative serial",
    "RETURN",
    ["0700.HK", -5, E],
    VALUE,
    /start: .*not a valid Excel date serial/,
  ],
  ["start omitted", "RETURN", ["0700.HK", null, E], VALUE, /start: a date is required/],
  ["start after end", "RETURN", ["0700.HK", E, S], VALUE, /start date is after end date/],
  ["unknown currency", "RETURN", ["0700.HK", S, E, "EUR"], VALUE, /currency.*EUR.*USD, HKD, CNY/],
  [
    "unknown kind",
    "RETURN",
    ["0700.HK", S, E, null, "dividend"],
    VALUE,
    /kind: "dividend" is not one of total, price/,
  ],
  [
    "window after the data",
    "RETURN",
    ["0700.HK", "2030-01-02", "2030-06-30"],
    NA,
    /after the last price/,
  ],
  [
    "window before the data",
    "RETURN",
    ["0700.HK", "2010-01-04", "2010-06-30"],
    NA,
    /no price on or before 2010-01-04/,
  ],
  [
    "weights summing to zero",
    "RETURN",
    [
      [
        ["0700.HK", 1],
        ["NVDA", -1],
      ],
      S,
      E,
    ],
    NUM,
    /sum to zero/,
  ],
  [
    "non-numeric weight",
    "RETURN",
    [
      [
        ["0700.HK", 1],
        ["NVDA", "heavy"],
      ],
      S,
      E,
    ],
    VALUE,
    /weight "heavy" for NVDA \(row 2\)/,
  ],
  [
    "missing weight",
    "RETURN",
    [
      [
        ["0700.HK", 1],
        ["NVDA", ""],
      ],
      S,
      E,
    ],
    VALUE,
    /weight missing for NVDA \(row 2\)/,
  ],
  [
    "weight without a symbol",
    "RETURN",
    [
      [
        ["0700.HK", 1],
        ["", 2],
      ],
      S,
      E,
    ],
    VALUE,
    /symbol missing on row 2/,
  ],
  [
    "symbol listed twice",
    "RETURN",
    [[["0700.HK"], ["700.hk"]], S, E],
    VALUE,
    /0700\.HK is listed twice/,
  ],
  [
    "five-column range",
    "RETURN",
    [[["0700.HK", 1, "2024-01-02", "2024-06-28", 2]], S, E],
    VALUE,
    /four \(symbol, weight, from, to\)/,
  ],
  [
    "membership date that is no date",
    "RETURN",
    [
      [
        ["0700.HK", 1, "soon", ""],
        ["NVDA", 1, "", ""],
      ],
      S,
      E,
    ],
    VALUE,
    /from date of 0700\.HK \(row 1\): .*not a date/,
  ],
  [
    "membership from after to",
    "VOL",
    [
      [
        ["Symbol", "Weight", "From", "To"],
        ["0700.HK", 1, "", ""],
        ["NVDA", 1, "2024-06-30", "2024-01-01"],
      ],
      S,
      E,
    ],
    VALUE,
    /NVDA \(row 3\) has from 2024-06-30 after to 2024-01-01/,
  ],
  [
    "membership dates that miss the window",
    "RETURN",
    [
      [
        ["0700.HK", 1, "", "2023-06-30"],
        ["NVDA", 1, "2025-03-03", ""],
      ],
      S,
      E,
    ],
    VALUE,
    /no member is live in the window 2024-01-02\.\.2024-12-31 \(0700\.HK to 2023-06-30, NVDA from 2025-03-03\)/,
  ],
  [
    // Horizon Robotics lists on 2024-10-24: a membership that ends before then never holds it.
    "member never live within its dates",
    "RETURN",
    [
      [
        ["0700.HK", 1, "", ""],
        ["9660.HK", 1, "2024-01-02", "2024-06-28"],
      ],
      S,
      E,
    ],
    VALUE,
    /9660\.HK is never live in the window 2024-01-02\.\.2024-12-31: none of its closes falls within its dates \(from 2024-01-02 to 2024-06-28\)/,
  ],
  [
    "every member gone before the end",
    "SPREAD.NASDAQ",
    [[["0700.HK", 1, "", "2024-06-28"]], S, E],
    VALUE,
    /every member has left the basket by 2024-06-28/,
  ],
  ["basket with an unknown member", "RETURN", [[["0700.HK"], ["0005.HK"]], S, E], NA, /0005\.HK/],
  [
    "basket window before every constituent's data",
    "RETURN",
    ["HSTECH", "2005-01-03", "2005-06-30"],
    NA,
    /no constituent has a price/,
  ],
  // SPREAD.NASDAQ
  [
    "unknown units",
    "SPREAD.NASDAQ",
    ["HSTECH", S, E, null, null, "percent"],
    VALUE,
    /units: "percent" is not one of pct, bps, log/,
  ],
  ["unknown benchmark", "SPREAD.NASDAQ", ["NVDA", S, E, null, "0005.HK"], NA, /0005\.HK/],
  [
    "spread in an unsupported currency",
    "SPREAD.NASDAQ",
    ["HSTECH", S, E, "JPY"],
    VALUE,
    /currency.*JPY/,
  ],
  [
    "spread start after end",
    "SPREAD.NASDAQ",
    ["HSTECH", E, S],
    VALUE,
    /start date is after end date/,
  ],
  // PRICE
  [
    "price before the data",
    "PRICE",
    ["0700.HK", "2010-01-04"],
    NA,
    /no price on or before 2010-01-04 \(data starts/,
  ],
  [
    "price long after the data",
    "PRICE",
    ["0700.HK", "2030-01-02"],
    NA,
    /data ends 2026-11-25, \d+ trading days before the date 2030-01-02 \(stale\)/,
  ],
  [
    "unknown field",
    "PRICE",
    ["0700.HK", S, "open"],
    VALUE,
    /field: "open" is not one of close, adjclose/,
  ],
  [
    "price of a range",
    "PRICE",
    [[["0700.HK"], ["NVDA"]], S],
    VALUE,
    /symbol: expected one value, got a range/,
  ],
  ["empty price symbol", "PRICE", ["", S], VALUE, /symbol is empty/],
  ["unknown price symbol", "PRICE", ["0005.HK", S], NA, /0005\.HK/],
  ["price in an unknown currency", "PRICE", ["0700.HK", S, null, "GBP"], VALUE, /currency.*GBP/],
  // PERIODS
  [
    "unknown period",
    "PERIODS",
    ["NVDA", S, E, null, "week"],
    VALUE,
    /period: "week" is not one of year, quarter, month/,
  ],
  ["periods in an unknown currency", "PERIODS", ["NVDA", S, E, "JPY"], VALUE, /currency.*JPY/],
  // REBASED
  ["rebased vs an unknown benchmark", "REBASED", ["NVDA", S, E, null, "0005.HK"], NA, /0005\.HK/],
  // HISTORY
  [
    "unknown frequency",
    "HISTORY",
    ["NVDA", S, E, null, "hourly"],
    VALUE,
    /frequency: "hourly" is not one of daily, weekly, monthly/,
  ],
  ["history field", "HISTORY", ["NVDA", S, E, null, null, "volume"], VALUE, /field: "volume"/],
  [
    "no prices in the window",
    "HISTORY",
    ["NVDA", "2030-01-01", "2030-02-01"],
    NA,
    /no prices in the window/,
  ],
  ["every history symbol unknown", "HISTORY", [[["0005.HK"], ["0006.HK"]], S, E], NA, /0005\.HK/],
  ["history bad end date", "HISTORY", ["NVDA", S, "31/12/2024"], VALUE, /^end: /],
  // FX
  ["unsupported currency in a pair", "FX", ["USD/JPY"], VALUE, /JPY/],
  ["not a pair", "FX", ["USDHK"], VALUE, /base: "USDHK" is not a currency pair/],
  [
    "fx before the data",
    "FX",
    ["USD/HKD", "2010-01-04"],
    NA,
    /USDHKD: no price on or before 2010-01-04/,
  ],
  ["fx bad date", "FX", ["USD/HKD", "soon"], VALUE, /^date: /],
  ["fx base omitted", "FX", [null], VALUE, /base is empty/],
  ["fx quote omitted", "FX", ["USD"], VALUE, /quote is empty/],
  ["fx quote not a currency", "FX", ["USD", "JPY"], VALUE, /JPY/],
  ["fx bad date, new order", "FX", ["USD", "HKD", "soon"], VALUE, /^date: /],
  [
    "fx pair and a quote too",
    "FX",
    ["USD/HKD", "CNY", "2024-06-28"],
    VALUE,
    /quote: "CNY" given, but "USD\/HKD" already names both currencies/,
  ],
  // risk
  ["volatility of a one-day window", "VOL", ["NVDA", S, S], NA, /volatility: .*no data/],
  [
    "volatility of one return",
    "VOL",
    ["NVDA", S, "2024-01-03"],
    NUM,
    /volatility: .*needs at least 2 points, got 1/,
  ],
  ["beta vs an unknown benchmark", "BETA", ["NVDA", S, E, null, "0005.HK"], NA, /0005\.HK/],
  ["corr with an unparseable start", "CORR", ["NVDA", "yesterday", E], VALUE, /^start: /],
  ["tracking error in an unknown currency", "TE", ["NVDA", S, E, "XYZ"], VALUE, /currency.*XYZ/],
  [
    "information ratio start after end",
    "IR",
    ["NVDA", E, S],
    VALUE,
    /start date is after end date/,
  ],
  [
    "drawdown window after the data",
    "MAXDD",
    ["NVDA", "2030-01-02", "2030-03-01"],
    NA,
    /after the last price/,
  ],
  [
    "non-numeric risk-free rate",
    "SHARPE",
    ["NVDA", S, E, null, "abc"],
    VALUE,
    /risk_free: "abc" is not a number/,
  ],
  ["absurd risk-free rate", "SHARPE", ["NVDA", S, E, null, 5], VALUE, /risk_free: 5 is above 1/],
  // ROLLING
  [
    "unknown rolling statistic",
    "ROLLING",
    ["sharpe", "NVDA", S, E],
    VALUE,
    /stat: "sharpe" is not one of vol, beta, corr, te/,
  ],
  [
    "rolling window too short",
    "ROLLING",
    ["beta", "NVDA", S, E, null, 2],
    VALUE,
    /window: 2 is not a whole number of returns ≥ 3/,
  ],
  // BASKET and SOURCE
  [
    "unknown basket name",
    "BASKET",
    ["NOPE_BASKET"],
    VALUE,
    /not a ticker, nor a preset basket \(HSTECH/,
  ],
  [
    "basket weights summing to zero",
    "BASKET",
    [
      [
        ["0700.HK", 2],
        ["NVDA", -2],
      ],
    ],
    NUM,
    /sum to zero/,
  ],
  ["empty basket", "BASKET", [[[""]]], VALUE, /symbols is empty/],
  ["source of nothing", "SOURCE", [null], VALUE, /symbols is empty/],
];

describe(`${CASES.length} bad inputs give the right error code and a message naming the problem`, () => {
  test("the table covers at least 40 cases and every function", () => {
    expect(CASES.length).toBeGreaterThanOrEqual(40);
    const covered = new Set(CASES.map((c) => c[1]));
    const ids = bundle.metadata.functions
      .map((f) => f.id)
      .filter((id) => !id.startsWith("SCENARIO."));
    expect(ids.filter((id) => !covered.has(id) && id !== "QUOTE")).toEqual([]);
  });

  test.each(CASES)("%s: %s", async (_label, id, args, code, message) => {
    let outcome: unknown;
    try {
      outcome = await callLikeExcel(bundle, id, args);
    } catch (e) {
      outcome = e;
    }
    const err = outcome as Error & { code?: string; detail?: string };
    expect(err).toBeInstanceOf(Error);
    expect(err.name).toBe("CustomFunctions.Error");
    expect(err.code).toBe(code);
    if (code === NUM) {
      expect(err.message).toBe(""); // Excel shows no custom text for #NUM!
      expect(err.detail).toMatch(message);
    } else {
      expect(err.message).toMatch(message);
    }
  });
});
