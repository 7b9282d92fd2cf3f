/** State of the Templates tab: which template is being inserted, progress, the replace question. */
import * as React from "react";
import { findPreset } from "../../core/scenario";
import { getMarketData } from "../../data/market-data";
import { eventStudyTemplate } from "./event-study";
import { insertWithScenario } from "./insert-sample";
import { selfTestTemplate } from "./self-test";
import type { SourceInfo } from "./source-line";
import { sampleModelTemplate } from "./sample-model";
import { existingTemplateSheets } from "./template-writer";
import type { WorkbookTemplate } from "./template-types";

export type TemplateId = "sample-model" | "event-study" | "self-test";

export interface TemplatesState {
  readonly busy: boolean;
  /** Fraction done while inserting. */
  readonly progress: number;
  readonly message?: { intent: "success" | "error" | "info"; text: string };
  /** Sheets that already exist, while the user is asked whether to replace them. */
  readonly conflict?: { id: TemplateId; sheets: string[] };
}

/** The data source formulas use now, as templates label it. */
export function currentSource(): SourceInfo {
  return { name: getMarketData().providerName };
}

function templateFor(id: TemplateId, presetId: string, source: SourceInfo): WorkbookTemplate {
  if (id === "sample-model") return sampleModelTemplate({ source }).template;
  if (id === "self-test") return selfTestTemplate(source);
  const preset = findPreset(presetId);
  if (!preset) throw new Error(`Unknown scenario preset ${presetId}`);
  return eventStudyTemplate(preset, source);
}

export function useTemplates(): {
  state: TemplatesState;
  insert(id: TemplateId, presetId: string, replace?: boolean): Promise<void>;
  dismiss(): void;
} {
  const [state, setState] = React.useState<TemplatesState>({ busy: false, progress: 0 });

  const insert = React.useCallback(async (id: TemplateId, presetId: string, replace?: boolean) => {
    const source = currentSource();
    try {
      const template = templateFor(id, presetId, source);
      if (replace === undefined) {
        const existing = await existingTemplateSheets(template);
        if (existing.length > 0) {
          setState({ busy: false, progress: 0, conflict: { id, sheets: existing } });
          return;
        }
      }
      setState({ busy: true, progress: 0 });
      const options = {
        replaceExisting: replace === true,
        onProgress: (done: number, total: number) =>
          setState((s) => ({ ...s, progress: total ? done / total : 1 })),
      };
      const result = await insertWithScenario(template, options);
      const names = [...result.sheets.values()].join(", ");
      setState({
        busy: false,
        progress: 1,
        message: {
          intent: "success",
          text: `Inserted ${template.title} on ${names}, with data from ${source.name}.`,
        },
      });
    } catch (e) {
      setState({
        busy: false,
        progress: 0,
        message: { intent: "error", text: (e as Error).message },
      });
    }
  }, []);

  const dismiss = React.useCallback(() => setState({ busy: false, progress: 0 }), []);
  return { state, insert, dismiss };
}
