/**
 * Which formulas Excel recalculates on a plain recalculation (F9, Application.calculate("Recalculate"),
 * Worksheet.calculate(false)) although nothing they read changed: those calling a volatile function.
 * Excel's volatile built-ins are those Microsoft lists under "Volatile and Non-Volatile Functions"
 * (linked from learn.microsoft.com/office/dev/add-ins/excel/custom-functions-volatile); a custom
 * function is volatile only when its metadata says `"volatile": true`.
 */
const VOLATILE_BUILTINS = [
  "RAND",
  "RANDARRAY",
  "RANDBETWEEN",
  "NOW",
  "TODAY",
  "OFFSET",
  "INDIRECT",
  "CELL",
  "INFO",
];

/** A predicate over formula text: does it call any of these functions (case-insensitive)? */
export function volatilePredicate(
  customVolatileNames: readonly string[] = []
): (formula: string) => boolean {
  const names = [...VOLATILE_BUILTINS, ...customVolatileNames].map((n) =>
    n.replace(/[.\\^$*+?()[\]{}|]/g, "\\$&")
  );
  // A name counts when a "(" follows it and no letter, digit, dot or underscore precedes it.
  const pattern = new RegExp(`(?<![A-Za-z0-9_.])(?:${names.join("|")})\\s*\\(`, "i");
  return (formula) => pattern.test(formula.replace(/"(?:[^"]|"")*"/g, '""'));
}
