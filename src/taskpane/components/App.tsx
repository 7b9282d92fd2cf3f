import * as React from "react";
import {
  Body1,
  MessageBar,
  MessageBarBody,
  SelectTabData,
  SelectTabEvent,
  Tab,
  TabList,
  Title3,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { ImportTab } from "../import/ImportTab";
import { RefreshButton } from "./RefreshButton";
import { StartupSettings, startupSettings } from "../settings/startup-settings";
import { getMarketData } from "../../data/market-data";
import { paneSubtitle } from "../../data/source-labels";

// First paint needs only this shell and the Import tab; the other tabs (Scenario brings chart.js)
// are separate chunks fetched when first opened, so the shared runtime starts lighter.
const ScenarioTab = React.lazy(() =>
  import(/* webpackChunkName: "scenario-tab" */ "../scenario/ScenarioTab").then((m) => ({
    default: m.ScenarioTab,
  }))
);
const SettingsTab = React.lazy(() =>
  import(/* webpackChunkName: "settings-tab" */ "../settings/SettingsTab").then((m) => ({
    default: m.SettingsTab,
  }))
);
const TemplatesTab = React.lazy(() =>
  import(/* webpackChunkName: "templates-tab" */ "../templates/TemplatesTab").then((m) => ({
    default: m.TemplatesTab,
  }))
);

const useStyles = makeStyles({
  root: {
    padding: tokens.spacingHorizontalM,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
  },
});

type TabId = "import" | "scenario" | "templates" | "settings";

const STORE_LABELS = {
  "office-runtime": "Office's add-in storage",
  "local-storage": "this browser's local storage",
  memory: "memory for this session",
} as const;

/** The CNTech pane: Import, Scenario, Templates and Settings tabs. */
export function App({ startup }: { startup?: StartupSettings } = {}): React.JSX.Element {
  const styles = useStyles();
  const [tab, setTab] = React.useState<TabId>("import");
  const [visited, setVisited] = React.useState<ReadonlySet<TabId>>(
    () => new Set<TabId>(["import"])
  );
  const settings = React.useMemo(() => startup ?? startupSettings(), [startup]);
  const apiKeyFor = React.useCallback(
    (provider: "fmp" | "eodhd") => settings.service.apiKeyFor(provider),
    [settings]
  );
  const [sourceName, setSourceName] = React.useState(() => getMarketData().providerName);

  const [startupNotice, setStartupNotice] = React.useState<string | undefined>();
  const [restored, setRestored] = React.useState(false);

  React.useEffect(() => {
    // Saved provider and key are applied at start-up so formulas use them with the pane closed later
    // (the page's entry has usually started this already: the same outcome is read here).
    settings.restore().then(
      (r) => {
        setSourceName(getMarketData().providerName);
        setStartupNotice(r.notice);
        setRestored(true);
      },
      (e: Error) => {
        setStartupNotice(
          `The saved data source could not be read (${e.message}). Formulas use ${getMarketData().providerName} until it is set again in Settings.`
        );
        setRestored(true);
      }
    );
  }, [settings]);

  return (
    // data-restored: the saved data source is in force (automation waits on it before typing).
    <main className={styles.root} data-restored={restored ? "true" : "false"}>
      <Title3 as="h1">CNTech</Title3>
      <Body1>{paneSubtitle(sourceName)}</Body1>
      {startupNotice && (
        <MessageBar intent="warning" role="alert" aria-label="Data source notice">
          <MessageBarBody>{startupNotice}</MessageBarBody>
        </MessageBar>
      )}
      <RefreshButton refresh={() => settings.service.refresh()} />
      <TabList
        selectedValue={tab}
        onTabSelect={(_: SelectTabEvent, d: SelectTabData) => {
          setTab(d.value as TabId);
          setVisited((v) => new Set(v).add(d.value as TabId));
          setSourceName(getMarketData().providerName);
        }}
      >
        <Tab value="import">Import</Tab>
        <Tab value="scenario">Scenario</Tab>
        <Tab value="templates">Templates</Tab>
        <Tab value="settings">Settings</Tab>
      </TabList>
      {/* Panels mount on first visit and stay mounted, so an import keeps its progress and Cancel. */}
      <div role="tabpanel" aria-label="Import" hidden={tab !== "import"}>
        <ImportTab settingsSourceName={sourceName} apiKeyFor={apiKeyFor} />
      </div>
      {visited.has("scenario") && (
        <div role="tabpanel" aria-label="Scenario" hidden={tab !== "scenario"}>
          <React.Suspense fallback={<Body1>Loading…</Body1>}>
            <ScenarioTab />
          </React.Suspense>
        </div>
      )}
      {visited.has("templates") && (
        <div role="tabpanel" aria-label="Templates" hidden={tab !== "templates"}>
          <React.Suspense fallback={<Body1>Loading…</Body1>}>
            <TemplatesTab />
          </React.Suspense>
        </div>
      )}
      {visited.has("settings") && (
        <div role="tabpanel" aria-label="Settings" hidden={tab !== "settings"}>
          <React.Suspense fallback={<Body1>Loading…</Body1>}>
            <SettingsTab service={settings.service} storeKind={STORE_LABELS[settings.kind]} />
          </React.Suspense>
        </div>
      )}
    </main>
  );
}
