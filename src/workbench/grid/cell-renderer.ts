/**
 * One grid cell as a DOM element: the value under its number format, table banding, the recorded
 * formatting, and the error message as a tooltip. Text goes in with textContent, never as HTML.
 */
import { displayValue } from "./display-format";
import type { CellStyle } from "./sheet-styles";

export interface CellRenderInput {
  /** "B3" (data-cell, what tests and users see in the Name box). */
  address: string;
  box: { left: number; top: number; width: number };
  value: unknown;
  format?: string;
  tablePart?: "header" | "band" | "row";
  style?: CellStyle;
  /** The error's message, asked only for error values. */
  message(): string;
}

/** Builds the element for one non-empty (or table) cell. */
export function renderCell(input: CellRenderInput): HTMLElement {
  const d = document.createElement("div");
  const shown = displayValue(input.value, input.format);
  d.className = `wb-cell wb-${shown.kind}`;
  d.dataset.cell = input.address;
  d.style.cssText = `left:${input.box.left}px;top:${input.box.top}px;width:${input.box.width}px;`;
  d.textContent = shown.text;
  if (input.tablePart) d.classList.add(`wb-table-${input.tablePart}`);
  const style = input.style;
  if (style) {
    if (style.bold) d.style.fontWeight = "600";
    if (style.italic) d.style.fontStyle = "italic";
    if (style.color) d.style.color = style.color;
    if (style.fill) d.style.background = style.fill;
    if (style.size) d.style.fontSize = `${Math.round(style.size * 1.2)}px`;
    if (style.align === "center" || style.align === "right" || style.align === "left")
      d.style.textAlign = style.align;
  }
  if (shown.kind === "error") {
    const message = input.message();
    d.title = message ? `${shown.text}: ${message}` : shown.text;
  }
  if (shown.kind === "text" && !input.tablePart) d.classList.add("wb-text-cell");
  return d;
}
