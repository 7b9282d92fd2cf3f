/**
 * The settings the page starts with: the store this host offers, the service over it, and the saved
 * data source re-applied once. The pane's entry starts that as soon as Office is ready, before the
 * pane's own code has loaded, so formulas use the saved source without waiting for the pane's first
 * paint; the pane reads the same outcome (its notice) when it mounts.
 */
import { detectSettingsStore, StoreKind } from "./settings-store";
import { RestoreOutcome, SettingsService } from "./settings-service";

export interface StartupSettings {
  readonly kind: StoreKind;
  readonly service: SettingsService;
  /** Re-applies the saved source; later calls return the first call's outcome. */
  restore(): Promise<RestoreOutcome>;
}

export function startupSettings(): StartupSettings {
  const { kind, store } = detectSettingsStore();
  const service = new SettingsService({ store });
  let restoring: Promise<RestoreOutcome> | undefined;
  return { kind, service, restore: () => (restoring ??= service.restore()) };
}
