/**
 * What the Import tab says under a chosen preset: its description and the date of its constituent
 * snapshot, applied to the whole window (so a window before that date carries survivorship bias).
 */
import { PRESET_BASKETS } from "../../data/baskets";

export function presetHint(name: string): string | undefined {
  const preset = Object.prototype.hasOwnProperty.call(PRESET_BASKETS, name)
    ? PRESET_BASKETS[name]
    : undefined;
  if (!preset) return undefined;
  if (!preset.snapshot) return preset.description;
  return `${preset.description} Constituents as of ${preset.snapshot.date} (snapshot), applied to the whole window: names that left before then are missing (survivorship bias).`;
}
