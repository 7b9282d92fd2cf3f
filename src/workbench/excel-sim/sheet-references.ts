/**
 * What Excel does to formulas when a sheet is renamed: every reference to the old sheet name
 * (Prices!A1, 'Prices (incomplete)'!B2:C9, case-insensitive) is rewritten to the new name, quoted
 * when the new name needs it; and when a sheet is deleted, references to it become #REF!. Text inside
 * string literals ("Prices!A1") is left alone, as Excel does.
 */

/** Characters that may appear in an unquoted sheet name in a formula (letters, digits, _ and .). */
const UNQUOTED_CHAR = /[\p{L}\p{N}_.]/u;
/** A name that could be read as a cell reference (A1, XFD9, R1C1) must be quoted. */
const CELL_LIKE = /^([A-Za-z]{1,3}\d+|[Rr]\d*[Cc]\d*)$/;

/** How a sheet name is written before "!" in a formula: bare when it can be, else quoted with '' escapes. */
export function sheetPrefix(name: string): string {
  const bare =
    /^[\p{L}_][\p{L}\p{N}_.]*$/u.test(name) &&
    !CELL_LIKE.test(name) &&
    !/^(TRUE|FALSE)$/i.test(name);
  return bare ? `${name}!` : `'${name.replace(/'/g, "''")}'!`;
}

/**
 * `formula` with references to sheet `from` pointed at sheet `to`. A formula without such a
 * reference comes back unchanged (the same string).
 * Example: renameSheetInFormula("=SUM(Prices!A1:A9)", "Prices", "Prices 2024") → "=SUM('Prices 2024'!A1:A9)".
 */
export function renameSheetInFormula(formula: string, from: string, to: string): string {
  return replaceSheetPrefix(formula, from, sheetPrefix(to));
}

/**
 * What Excel does to formulas when a sheet is deleted: each reference to it loses its sheet and
 * reads "#REF!" ("=Data!A1*2" → "=#REF!A1*2"), so the formula shows #REF! (or IFERROR's fallback).
 */
export function deleteSheetInFormula(formula: string, sheet: string): string {
  return replaceSheetPrefix(formula, sheet, "#REF!");
}

/** A dead reference as deleteSheetInFormula leaves it: "#REF!" and the cell, range, column or row part. */
const DEAD_REFERENCE =
  /#REF!(\$?[A-Za-z]{1,3}\$?\d+(:\$?[A-Za-z]{1,3}\$?\d+)?|\$?[A-Za-z]{1,3}:\$?[A-Za-z]{1,3}|\$?\d+:\$?\d+)/g;

/**
 * The formula as the parser can evaluate it: dead references ("#REF!A1:B2") become the #REF! error
 * literal, outside string literals. Excel evaluates them the same way.
 */
export function collapseDeadReferences(formula: string): string {
  if (!formula.includes("#REF!")) return formula;
  return formula
    .split(/("(?:[^"]|"")*")/)
    .map((part, i) => (i % 2 === 1 ? part : part.replace(DEAD_REFERENCE, "#REF!")))
    .join("");
}

/** `formula` with every "sheet!" prefix naming `sheet` (quoted or bare, any case) replaced. */
function replaceSheetPrefix(formula: string, sheet: string, replacement: string): string {
  const target = sheet.toLowerCase();
  let out = "";
  let i = 0;
  let changed = false;
  while (i < formula.length) {
    const ch = formula[i];
    if (ch === '"') {
      const end = endOfQuoted(formula, i, '"');
      out += formula.slice(i, end);
      i = end;
    } else if (ch === "'") {
      const end = endOfQuoted(formula, i, "'");
      const name = formula.slice(i + 1, end - 1).replace(/''/g, "'");
      if (formula[end] === "!" && name.toLowerCase() === target) {
        out += replacement;
        changed = true;
        i = end + 1;
      } else {
        out += formula.slice(i, end);
        i = end;
      }
    } else if (UNQUOTED_CHAR.test(ch) && !UNQUOTED_CHAR.test(formula[i - 1] ?? "")) {
      let end = i;
      while (end < formula.length && UNQUOTED_CHAR.test(formula[end])) end++;
      const word = formula.slice(i, end);
      if (formula[end] === "!" && word.toLowerCase() === target) {
        out += replacement;
        changed = true;
        end++;
      } else {
        out += word;
      }
      i = end;
    } else {
      out += ch;
      i++;
    }
  }
  return changed ? out : formula;
}

/** Index just past a quoted run starting at `start` (a doubled quote is an escaped quote). */
function endOfQuoted(text: string, start: number, quote: string): number {
  let i = start + 1;
  while (i < text.length) {
    if (text[i] === quote) {
      if (text[i + 1] === quote) i += 2;
      else return i + 1;
    } else i++;
  }
  return text.length;
}
