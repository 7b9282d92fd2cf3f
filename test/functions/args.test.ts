/**
 * Argument parsing (src/functions/args.ts) as the scenario functions reuse it: properties over
 * generated ranges (fast-check) and the exact shapes Excel passes.
 */
import fc from "fast-check";
import { FinanceError } from "../../src/core/errors";
import { isOmitted, parseEnum, parseOptionalDate, parseWindow } from "../../src/functions/args";
import { parseSymbolsArg, SymbolResolver } from "../../src/functions/basket-args";

/** A resolver that upper-cases, knows one preset, and rejects text with spaces. */
const resolver: SymbolResolver = {
  normalize: (s) => {
    if (/\s/.test(s.trim())) throw new FinanceError("value", `"${s}" is not a ticker`);
    return s.trim().toUpperCase();
  },
  preset: (name) =>
    name.trim().toUpperCase() === "PAIR"
      ? {
          name: "PAIR",
          members: [
            { symbol: "AAA", weight: 1 },
            { symbol: "BBB", weight: 1 },
          ],
        }
      : undefined,
  presetNames: () => ["PAIR"],
};

const blank = fc.constantFrom<unknown>("", null, undefined, "  ");
const ticker = fc.stringMatching(/^[a-z]{1,4}$/);

test("blank rows anywhere never change a two-column basket", () => {
  fc.assert(
    fc.property(
      fc.uniqueArray(ticker, { minLength: 1, maxLength: 6, selector: (t) => t.toUpperCase() }),
      fc.array(fc.double({ min: -5, max: 5, noNaN: true }), { minLength: 6, maxLength: 6 }),
      fc.array(fc.tuple(fc.nat(8), blank, blank), { maxLength: 4 }),
      (symbols, weights, blanks) => {
        const rows: unknown[][] = symbols.map((s, i) => [s, weights[i]]);
        const withBlanks = [...rows];
        for (const [at, a, b] of blanks) withBlanks.splice(at % (withBlanks.length + 1), 0, [a, b]);
        const plain = parseSymbolsArg(rows.length === 1 ? [...rows, ["", ""]] : rows, resolver);
        const spaced = parseSymbolsArg(
          withBlanks.length === 1 ? [...withBlanks, ["", ""]] : withBlanks,
          resolver
        );
        expect(spaced.members).toEqual(plain.members);
        expect(plain.members.map((m) => m.symbol)).toEqual(symbols.map((s) => s.toUpperCase()));
        expect(plain.members.map((m) => m.weight)).toEqual(weights.slice(0, symbols.length));
      }
    )
  );
});

test("a symbol is the same symbol whatever its case, as a scalar, a 1×1 range or a column", () => {
  fc.assert(
    fc.property(ticker, (t) => {
      const upper = parseSymbolsArg(t.toUpperCase(), resolver).members;
      expect(parseSymbolsArg(t, resolver).members).toEqual(upper);
      expect(parseSymbolsArg([[t]], resolver).members).toEqual(upper);
      expect(parseSymbolsArg([[t], [""]], resolver).members).toEqual(upper);
    })
  );
});

test("one column means equal weights; one row of text is a list too; presets resolve by name", () => {
  expect(parseSymbolsArg([["a"], ["b"]], resolver)).toMatchObject({
    kind: "range",
    explicitWeights: false,
    members: [
      { symbol: "A", weight: 1 },
      { symbol: "B", weight: 1 },
    ],
  });
  expect(parseSymbolsArg([["a", "b", "c"]], resolver).members.map((m) => m.symbol)).toEqual([
    "A",
    "B",
    "C",
  ]);
  expect(parseSymbolsArg("pair", resolver)).toMatchObject({ kind: "preset", label: "PAIR" });
});

test("text that is neither a symbol nor a preset lists the presets", () => {
  expect(() => parseSymbolsArg("no such", resolver)).toThrow(
    /"no such" is not a ticker, nor a preset basket \(PAIR\)/
  );
});

test("omitted arguments as Excel passes them", () => {
  for (const v of [null, undefined, "", "  ", [[""]], [null]]) expect(isOmitted(v)).toBe(true);
  for (const v of [0, "x", false, [["x"]]]) expect(isOmitted(v)).toBe(false);
  expect(parseOptionalDate(null, "end")).toBeUndefined();
  expect(parseOptionalDate([[""]], "end")).toBeUndefined();
  expect(parseEnum(undefined, "units", ["pct", "bps"], "pct")).toBe("pct");
});

test("dates: serials, ISO text and numeric text agree; a window must run forwards", () => {
  expect(parseWindow(45293, "2024-01-05")).toEqual(parseWindow("2024-01-02", "45296"));
  expect(() => parseWindow("2024-01-05", "2024-01-02")).toThrow("start date is after end date");
});

test("parseEnum names the argument and every allowed value", () => {
  let caught: unknown;
  try {
    parseEnum("Hourly", "frequency", ["daily", "weekly", "monthly"], "daily");
  } catch (e) {
    caught = e;
  }
  expect(caught).toBeInstanceOf(FinanceError);
  expect((caught as FinanceError).kind).toBe("value");
  expect((caught as FinanceError).message).toBe(
    'frequency: "Hourly" is not one of daily, weekly, monthly'
  );
  expect(parseEnum("BPS", "units", ["pct", "bps", "log"], "pct")).toBe("bps");
});
