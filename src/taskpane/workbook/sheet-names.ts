/**
 * Sheet and table names for an import: unique against what the workbook already has, within Excel's
 * 31-character sheet-name limit.
 */
const MAX_SHEET_NAME = 31;
export const INCOMPLETE_SUFFIX = " (incomplete)";

function taken(existing: Iterable<string>): Set<string> {
  return new Set([...existing].map((s) => s.toLowerCase()));
}

/** `base`, else "base (2)", "base (3)"… — the first name not in `existing` (case-insensitive). */
export function uniqueName(base: string, existing: Iterable<string>, max = MAX_SHEET_NAME): string {
  const used = taken(existing);
  const trimmed = base.slice(0, max);
  if (!used.has(trimmed.toLowerCase())) return trimmed;
  for (let n = 2; ; n++) {
    const tail = ` (${n})`;
    const candidate = base.slice(0, max - tail.length) + tail;
    if (!used.has(candidate.toLowerCase())) return candidate;
  }
}

/**
 * The name a sheet carries while it is being written: "<final> (incomplete)", then
 * "<final> 2 (incomplete)"…, with the final name shortened when needed to fit 31 characters.
 */
export function incompleteName(finalName: string, existing: Iterable<string>): string {
  const used = taken(existing);
  for (let n = 1; ; n++) {
    const tag = n === 1 ? "" : ` ${n}`;
    const stem = finalName
      .slice(0, MAX_SHEET_NAME - INCOMPLETE_SUFFIX.length - tag.length)
      .trimEnd();
    const candidate = stem + tag + INCOMPLETE_SUFFIX;
    if (!used.has(candidate.toLowerCase())) return candidate;
  }
}

/** A table name not used yet: "CNTech_Prices", "CNTech_Prices_2"… (tables and names share one namespace). */
export function uniqueTableName(stem: string, existing: Iterable<string>): string {
  const used = taken(existing);
  if (!used.has(stem.toLowerCase())) return stem;
  for (let n = 2; ; n++) if (!used.has(`${stem}_${n}`.toLowerCase())) return `${stem}_${n}`;
}

/** Valid sheet-name prefix from user text: Excel forbids \ / ? * [ ] : in sheet names. */
export function cleanPrefix(prefix: string | undefined): string {
  const p = (prefix ?? "CNTech").replace(/[\\/?*[\]:']/g, "").trim();
  return (p || "CNTech").slice(0, 12);
}
