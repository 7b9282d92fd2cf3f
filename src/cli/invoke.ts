/**
 * Calls a custom function by id through the shim registry, exactly as Excel would: arguments in
 * declared order, omitted optionals as null, ranges as 2-D arrays, and an invocation object last for
 * streaming and cancelable functions.
 */
import { AnyFunction } from "../shim/custom-functions-host";
import { FunctionMetadata, ParameterMetadata } from "./metadata";

/**
 * "0700.HK,9988.HK" → one column; "0700.HK:0.6,9988.HK:0.4" → two columns (symbol, weight);
 * "9988.HK:1::2025-03-31" or "3690.HK:1:2025-02-03" → four (symbol, weight, from, to).
 */
export function textToRange(text: string): unknown[][] {
  return text
    .split(",")
    .map((part) => part.trim())
    .filter((part) => part !== "")
    .map((part) => {
      const dated = /^(.+):(-?[\d.]+(?:e-?\d+)?):(\d{4}-\d\d-\d\d)?(?::(\d{4}-\d\d-\d\d)?)?$/i.exec(
        part
      );
      if (dated) return [dated[1].trim(), Number(dated[2]), dated[3] ?? "", dated[4] ?? ""];
      const m = /^(.+):(-?[\d.]+(?:e-?\d+)?)$/i.exec(part);
      return m ? [m[1].trim(), Number(m[2])] : [part];
    });
}

function toArgument(text: string | undefined, param: ParameterMetadata): unknown {
  if (text === undefined) return null;
  if (param.dimensionality === "matrix") return textToRange(text);
  if (param.type === "number") return Number(text);
  if (param.type === "boolean") return /^(true|1|yes)$/i.test(text);
  return text;
}

/** Positional texts then `--name value` options, mapped onto the declared parameters. */
export function buildArguments(
  fn: FunctionMetadata,
  positional: readonly string[],
  named: Readonly<Record<string, string>>
): unknown[] {
  if (positional.length > fn.parameters.length) {
    throw new Error(`${fn.name} takes at most ${fn.parameters.length} arguments`);
  }
  const known = new Set(fn.parameters.map((p) => p.name.toLowerCase()));
  for (const key of Object.keys(named)) {
    if (!known.has(key)) throw new Error(`${fn.name} has no argument named --${key}`);
  }
  return fn.parameters.map((param, i) =>
    toArgument(named[param.name.toLowerCase()] ?? positional[i], param)
  );
}

/** The values a streaming function produced before it was cancelled. */
export interface StreamOutcome {
  readonly results: unknown[];
}

/**
 * Runs one function. Streaming functions run until their first result (or for `watchMs`, reporting
 * each update), then are cancelled through their invocation's onCanceled, as Excel does when the
 * cell is cleared.
 */
export async function invoke(
  fn: FunctionMetadata,
  impl: AnyFunction,
  args: unknown[],
  options: { watchMs?: number; onUpdate?: (value: unknown) => void } = {}
): Promise<unknown> {
  if (fn.options?.stream) {
    return new Promise((resolve) => {
      const invocation: {
        setResult: (v: unknown) => void;
        onCanceled?: () => void;
      } = {
        setResult(value) {
          options.onUpdate?.(value);
          if (!options.watchMs) finish(value);
        },
      };
      let done = false;
      const finish = (value: unknown): void => {
        if (done) return;
        done = true;
        invocation.onCanceled?.();
        resolve(value);
      };
      let last: unknown;
      const original = invocation.setResult;
      invocation.setResult = (value) => {
        last = value;
        original(value);
      };
      impl(...args, invocation);
      if (options.watchMs) setTimeout(() => finish(last), options.watchMs);
    });
  }
  if (fn.options?.cancelable) return impl(...args, { onCanceled: undefined });
  return impl(...args);
}
