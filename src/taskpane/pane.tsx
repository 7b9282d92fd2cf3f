import { createRoot } from "react-dom/client";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { App } from "./components/App";
import type { StartupSettings } from "./settings/startup-settings";

/** The pane's first paint: its shell and the Import tab (the other tabs load when first opened). */
export function renderPane(container: HTMLElement, startup: StartupSettings): void {
  createRoot(container).render(
    <FluentProvider theme={webLightTheme}>
      <App startup={startup} />
    </FluentProvider>
  );
}
