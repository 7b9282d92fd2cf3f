import fc from "fast-check";
import {
  dayFromExcelSerial,
  dayFromIso,
  dayFromYmd,
  excelSerialFromDay,
  isoFromDay,
  isoWeekday,
  parseDateArg,
  periodKey,
} from "../../src/core/dates";
import { FinanceError } from "../../src/core/errors";

/** Independent day count: Date.parse of an ISO midnight-UTC string. */
const oracleDay = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86400000;

function expectValueError(fn: () => unknown, text: RegExp): void {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(FinanceError);
    expect((e as FinanceError).kind).toBe("value");
    expect((e as Error).message).toMatch(text);
    return;
  }
  throw new Error("expected a FinanceError");
}

describe("day numbers", () => {
  it("dayFromYmd agrees with Date's own calendar for every valid date in years 1-9999", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 9999 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 31 }),
        (year, month, day) => {
          const d = new Date(0);
          d.setUTCFullYear(year, month - 1, day); // keeps years 1..99 literal
          const exists = d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
          if (exists) expect(dayFromYmd(year, month, day)).toBe(d.getTime() / 86400000);
          else expect(() => dayFromYmd(year, month, day)).toThrow(/is not a calendar date/);
        }
      ),
      { numRuns: 5000 }
    );
  });

  it("counts days since 1970-01-01 like Date.parse", () => {
    expect(dayFromYmd(1970, 1, 1)).toBe(0);
    expect(dayFromYmd(2024, 1, 1)).toBe(oracleDay("2024-01-01"));
    expect(dayFromYmd(1969, 12, 31)).toBe(-1);
    expect(dayFromYmd(2024, 2, 29)).toBe(oracleDay("2024-02-29"));
  });

  it("rejects dates that do not exist", () => {
    expectValueError(() => dayFromYmd(2023, 2, 29), /2023-02-29 is not a calendar date/);
    expectValueError(() => dayFromYmd(2024, 13, 1), /not a calendar date/);
    expectValueError(() => dayFromYmd(1900, 2, 29), /not a calendar date/);
  });

  it("keeps two-digit years literal (no 1900 offset)", () => {
    expect(isoFromDay(dayFromYmd(50, 3, 1))).toBe("0050-03-01");
  });

  it("round-trips ISO text for any day in 1900..9999", () => {
    fc.assert(
      fc.property(fc.integer({ min: -25567, max: 2932896 }), (day) => {
        const iso = isoFromDay(day);
        expect(iso).toBe(new Date(day * 86400000).toISOString().slice(0, 10));
        expect(dayFromIso(iso)).toBe(day);
      })
    );
  });

  it("ignores a time and zone after an ISO date: the written date is the trading date", () => {
    expect(dayFromIso("2024-01-02T23:30:00-05:00")).toBe(oracleDay("2024-01-02"));
    expect(dayFromIso("2024-01-02T00:30:00+08:00")).toBe(oracleDay("2024-01-02"));
    expect(dayFromIso("2024-01-02 09:30")).toBe(oracleDay("2024-01-02"));
  });

  it("rejects non-ISO text", () => {
    expectValueError(() => dayFromIso("02/01/2024"), /is not a date/);
    expectValueError(() => dayFromIso("2024-1-2"), /is not a date/);
  });

  it("knows weekdays: 1970-01-01 Thursday, 2024-01-01 Monday", () => {
    expect(isoWeekday(0)).toBe(4);
    expect(isoWeekday(dayFromIso("2024-01-01"))).toBe(1);
    expect(isoWeekday(dayFromIso("2024-01-07"))).toBe(7);
    expect(isoWeekday(-1)).toBe(3);
  });
});

describe("time zones never shift a trading date", () => {
  const saved = process.env.TZ;
  afterAll(() => {
    process.env.TZ = saved;
  });
  it.each(["Pacific/Kiritimati", "America/Adak", "Asia/Hong_Kong", "UTC"])("in %s", (zone) => {
    process.env.TZ = zone;
    expect(isoFromDay(dayFromIso("2024-03-10"))).toBe("2024-03-10");
    expect(isoFromDay(parseDateArg(45292))).toBe("2024-01-01");
    expect(excelSerialFromDay(parseDateArg("2024-11-03"))).toBe(45599);
    expect(periodKey(dayFromIso("2024-03-31"), "monthly")).toBe(2024 * 12 + 2);
  });
});

describe("Excel 1900 date system", () => {
  // Reference serials: Excel's documented values (DATE(1900,1,1)=1, DATE(1900,3,1)=61, DATE(2024,1,1)=45292).
  it.each([
    [1, "1900-01-01"],
    [31, "1900-01-31"],
    [59, "1900-02-28"],
    [61, "1900-03-01"],
    [25569, "1970-01-01"],
    [36526, "2000-01-01"],
    [45292, "2024-01-01"],
    [2958465, "9999-12-31"],
  ])("serial %d is %s", (serial, iso) => {
    expect(isoFromDay(dayFromExcelSerial(serial))).toBe(iso);
    expect(excelSerialFromDay(dayFromIso(iso))).toBe(serial);
  });

  it("rejects the phantom 1900-02-29 (serial 60) with a message that says so", () => {
    expectValueError(() => dayFromExcelSerial(60), /phantom/);
  });

  it("drops the time of day of a fractional serial", () => {
    expect(isoFromDay(dayFromExcelSerial(45292.75))).toBe("2024-01-01");
  });

  it("rejects serials outside 1..2958465 and non-finite numbers", () => {
    expectValueError(() => dayFromExcelSerial(0), /not a valid Excel date serial/);
    expectValueError(() => dayFromExcelSerial(-5), /not a valid Excel date serial/);
    expectValueError(() => dayFromExcelSerial(2958466), /not a valid Excel date serial/);
    expectValueError(() => dayFromExcelSerial(NaN), /not a finite number/);
  });

  it("round-trips every serial except 60", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 2958465 }).filter((s) => s !== 60),
        (serial) => {
          expect(excelSerialFromDay(dayFromExcelSerial(serial))).toBe(serial);
        }
      )
    );
  });
});

describe("Excel 1904 date system", () => {
  it.each([
    [0, "1904-01-01"],
    [1, "1904-01-02"],
    [43830, "2024-01-01"],
  ])("serial %d is %s", (serial, iso) => {
    expect(isoFromDay(dayFromExcelSerial(serial, 1904))).toBe(iso);
    expect(excelSerialFromDay(dayFromIso(iso), 1904)).toBe(serial);
  });

  it("differs from the 1900 system by 1462 days for modern dates", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1462, max: 2957003 }), (s1904) => {
        expect(dayFromExcelSerial(s1904, 1904)).toBe(dayFromExcelSerial(s1904 + 1462, 1900));
      })
    );
  });

  it("rejects negative serials", () => {
    expectValueError(() => dayFromExcelSerial(-1, 1904), /1904/);
  });
});

describe("parseDateArg", () => {
  const day = oracleDay("2024-01-01");
  it("accepts serials, DATE() numbers, numeric text, ISO text and Dates", () => {
    expect(parseDateArg(45292)).toBe(day);
    expect(parseDateArg("45292")).toBe(day);
    expect(parseDateArg(" 2024-01-01 ")).toBe(day);
    expect(parseDateArg(new Date(Date.UTC(2024, 0, 1)))).toBe(day);
    expect(parseDateArg(43830, "d", 1904)).toBe(day);
  });

  it.each([
    ["", /start: is empty/],
    ["tomorrow", /start: "tomorrow" is not a date/],
    [true, /start: expected a date, got true/],
    [null, /start: expected a date, got nothing/],
    [undefined, /start: expected a date, got nothing/],
    [60, /start: .*phantom/],
    [new Date(NaN), /start: is an invalid Date/],
    ["2023-02-30", /start: 2023-02-30 is not a calendar date/],
  ])("rejects %p naming the argument", (input, message) => {
    expectValueError(() => parseDateArg(input, "start"), message);
  });
});

describe("periodKey", () => {
  it("groups Monday..Sunday weeks, calendar months and quarters", () => {
    const d = (iso: string) => dayFromIso(iso);
    expect(periodKey(d("2024-01-01"), "weekly")).toBe(periodKey(d("2024-01-07"), "weekly"));
    expect(periodKey(d("2024-01-07"), "weekly")).not.toBe(periodKey(d("2024-01-08"), "weekly"));
    expect(periodKey(d("2024-01-31"), "monthly")).not.toBe(periodKey(d("2024-02-01"), "monthly"));
    expect(periodKey(d("2024-01-01"), "quarterly")).toBe(periodKey(d("2024-03-31"), "quarterly"));
    expect(periodKey(d("2024-03-31"), "quarterly")).not.toBe(
      periodKey(d("2024-04-01"), "quarterly")
    );
    expectValueError(() => periodKey(0, "hourly" as never), /frequency "hourly"/);
  });
});
