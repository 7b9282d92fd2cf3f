import { DEFAULT_BENCHMARK, getPresetBasket, PRESET_BASKETS } from "../../src/data/baskets";
import { DEMO_SYMBOLS } from "../../src/data/demo/demo-source";
import { normalizeSymbol } from "../../src/data/symbols";
import { benchmarkLabel, measuredAs, returnKindOf } from "../../src/data/measured-as";

describe("preset baskets", () => {
  test("HSTECH has 30 distinct constituents, all Hong Kong listings", () => {
    const b = getPresetBasket("HSTECH")!;
    expect(b.constituents).toHaveLength(30);
    expect(new Set(b.constituents.map((c) => c.symbol)).size).toBe(30);
    for (const c of b.constituents) expect(c.symbol).toMatch(/^\d{4}\.HK$/);
  });

  test("CN_AI_CHIPS holds the named self-sufficiency names", () => {
    const symbols = getPresetBasket("CN_AI_CHIPS")!.constituents.map((c) => c.symbol);
    for (const s of [
      "0981.HK",
      "688981.SS",
      "1347.HK",
      "688256.SS",
      "688041.SS",
      "002371.SZ",
      "688012.SS",
      "002230.SZ",
      "9888.HK",
      "0020.HK",
      "9660.HK",
    ]) {
      expect(symbols).toContain(s);
    }
  });

  test("every constituent is canonical, named, and in the demo universe", () => {
    for (const b of Object.values(PRESET_BASKETS)) {
      expect(b.description.length).toBeGreaterThan(20);
      for (const c of b.constituents) {
        expect(normalizeSymbol(c.symbol)).toBe(c.symbol);
        expect(c.name.length).toBeGreaterThan(1);
        expect(DEMO_SYMBOLS).toContain(c.symbol);
      }
    }
  });

  test("a symbol has one company name in every preset, so imports label it the same way", () => {
    const names = new Map<string, Set<string>>();
    for (const b of Object.values(PRESET_BASKETS))
      for (const c of b.constituents)
        names.set(c.symbol, (names.get(c.symbol) ?? new Set()).add(c.name));
    const conflicting = [...names].filter(([, n]) => n.size > 1).map(([s]) => s);
    expect(conflicting).toEqual([]);
  });

  test("lookup is case- and space-insensitive; unknown names are undefined", () => {
    expect(getPresetBasket("hstech")?.name).toBe("HSTECH");
    expect(getPresetBasket(" cn ai chips ")?.name).toBe("CN_AI_CHIPS");
    expect(getPresetBasket("cn-internet")?.name).toBe("CN_INTERNET");
    expect(getPresetBasket("NOPE")).toBeUndefined();
    expect(getPresetBasket("toString")).toBeUndefined();
  });

  test("the default benchmark is the Nasdaq-100 Total Return index (like the total-return baskets); NDX is the price index", () => {
    expect(DEFAULT_BENCHMARK).toBe("^XNDX");
    expect(returnKindOf(DEFAULT_BENCHMARK)).toBe("total return");
    expect(returnKindOf("^NDX")).toBe("price index");
    expect(getPresetBasket("NDX")!.constituents.map((c) => c.symbol)).toEqual(["^NDX"]);
  });
});

describe("what each side of a comparison is measured in", () => {
  test.each([
    ["^XNDX", "total-return index: dividends reinvested", "Nasdaq-100 Total Return (^XNDX)"],
    ["^NDX", "price index: dividends not included", "Nasdaq-100 price index (^NDX)"],
    ["^HSTECH", "price index: dividends not included", "Hang Seng TECH price index (^HSTECH)"],
    ["QQQ", "total return: adjusted closes, dividends reinvested", "QQQ"],
    ["0700.HK", "total return: adjusted closes, dividends reinvested", "0700.HK"],
  ])("%s: %s", (symbol, text, label) => {
    expect(measuredAs(symbol)).toBe(text);
    expect(benchmarkLabel(symbol)).toBe(label);
  });
});
