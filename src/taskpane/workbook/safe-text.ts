/**
 * Writing outside text (symbols, company names, provider names, CSV cells) so Excel keeps it as text.
 * Excel interprets a written string starting with "=", "+", "-" (and "@" in older versions) as a
 * formula, and turns numeric-looking text into numbers. A leading apostrophe makes Excel store the
 * rest verbatim as text (the apostrophe itself is not part of the value), so every outside string is
 * written with one.
 */

/** The cell input that stores `text` verbatim as text. */
export function asText(text: string): string {
  return "'" + text;
}

/** Escapes a string for use inside a formula's double-quoted literal ("a""b"). */
export function formulaString(text: string): string {
  return '"' + text.replace(/"/g, '""') + '"';
}
