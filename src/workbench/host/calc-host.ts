/**
 * The calculation side of the workbench: the functions bundle's registry (through the shim), the
 * formula library and the recalculation chain, attached to an excel-sim workbook model. The sim
 * calls `calculator` inside context.sync() after the pane's writes, so a load that follows a write
 * sees fresh results, exactly as Excel recalculates before returning values.
 */
import { FormulaEvaluator } from "../calc/formula-evaluator";
import { RecalcEngine } from "../calc/recalc-engine";
import { StreamSessions } from "../calc/stream-sessions";
import {
  AnyFunction,
  FunctionMetadata,
  buildCustomFunctions,
} from "../calc/custom-function-adapter";
import { cellKey as engineKey } from "../calc/rects";
import { volatilePredicate } from "../calc/volatile";
import type { CellChange, WorkbookModel } from "../excel-sim/workbook-model";
import { SimCalcModel } from "./sim-calc-model";

export interface CalcHost {
  readonly engine: RecalcEngine;
  readonly calcModel: SimCalcModel;
  readonly streams: StreamSessions;
  /** Writes what a user typed into a cell (as the grid does) and recalculates. */
  enter(sheet: string, row: number, column: number, input: string): Promise<void>;
  /** The message behind an error value in a cell ("" when none). */
  messageAt(sheet: string, row: number, column: number): string;
}

/**
 * Attaches a calculation engine to a workbook model.
 * @param namespace custom functions namespace, e.g. "CNTECH" (from the manifest)
 * @param metadata the `functions` array of functions.json
 * @param registry the shim's id -> function map, filled by the functions bundle
 */
export function attachCalculation(
  model: WorkbookModel,
  namespace: string,
  metadata: FunctionMetadata[],
  registry: Map<string, AnyFunction>
): CalcHost {
  const calcModel = new SimCalcModel(model);
  // eslint-disable-next-line prefer-const
  let engine: RecalcEngine;
  const streams = new StreamSessions((address) => engine.streamUpdated(address));
  const functions = buildCustomFunctions(namespace, metadata, registry, streams);
  const evaluator = new FormulaEvaluator(calcModel, functions);
  const volatileNames = metadata
    .filter((f) => f.options?.volatile)
    .map((f) => `${namespace}.${f.name}`);
  const callsCustomFunction = new RegExp(`(?<![A-Za-z0-9_.])${namespace}\\.`, "i");
  engine = new RecalcEngine(
    calcModel,
    evaluator,
    streams,
    volatilePredicate(volatileNames),
    (formula) => callsCustomFunction.test(formula.replace(/"(?:[^"]|"")*"/g, '""'))
  );
  calcModel.messages = engine.messages;
  let signature = calcModel.signature();

  const absorb = (changes: readonly CellChange[]): void => {
    const now = calcModel.signature();
    if (now !== signature) {
      signature = now;
      engine.recalcAll();
      return;
    }
    for (const change of changes) {
      if (change.calculate) {
        if (change.calculate.rebuild) engine.recalcAll();
        else
          engine.calculate(
            change.calculate.markAllDirty,
            change.sheet === "*" ? undefined : change.sheet
          );
        continue;
      }
      try {
        const { sheet, rect } = model.resolveAddress(
          `'${change.sheet.replace(/'/g, "''")}'!${change.address}`
        );
        engine.cellsChanged({ sheet: sheet.name, ...rect });
      } catch {
        engine.recalcAll(); // a sheet deleted meanwhile: re-read everything
      }
    }
  };
  // Excel calculates before answering a read, but does not wait for asynchronous custom functions:
  // their cells read back as #BUSY! until they answer. Here sync waits one macrotask turn: what
  // settles through promises alone (data already in memory) is done; what waits on a timer or the
  // network is still pending and reads #BUSY!.
  model.calculator = async (_model, changes) => {
    absorb(changes);
    await Promise.race([engine.whenIdle(), new Promise((resolve) => setTimeout(resolve, 0))]);
  };
  // Changes made outside a sync (model API) recalculate too.
  model.onChange((e) => {
    if (e.source === "model") absorb(e.changes);
  });
  engine.recalcAll();

  return {
    engine,
    calcModel,
    streams,
    async enter(sheetName, row, column, input) {
      const sheet = model.sheet(sheetName);
      model.writeInput(sheet, row, column, input);
      absorb([
        {
          sheet: sheet.name,
          address: model.localAddress({ row, column, rowCount: 1, columnCount: 1 }),
        },
      ]);
      await engine.whenIdle();
    },
    messageAt(sheet, row, column) {
      return engine.messages.get(engineKey(sheet, row, column)) ?? "";
    },
  };
}
