import * as fs from "fs";
import * as path from "path";
import * as vm from "vm";
import {
  createCustomFunctionsShim,
  CustomFunctionsShim,
  ShimCustomFunctionError,
} from "../../src/shim/custom-functions-host";

export const DIST = path.resolve(__dirname, "..", "..", "dist");

export interface LoadedBundle {
  shim: CustomFunctionsShim;
  metadata: {
    functions: Array<{
      id: string;
      name: string;
      description?: string;
      parameters: Array<{ name: string; description?: string }>;
    }>;
  };
  call(id: string, ...args: unknown[]): Promise<unknown>;
  /** The bundle's global object (e.g. to install a market data service for its functions). */
  context: vm.Context;
  /** The lazy chunks the bundle has loaded so far (file names in dist/), in order. */
  loadedChunks: string[];
}

/**
 * The part of a page's document that webpack's chunk loader uses: a <script> appended to the head
 * runs the named file from dist/ in the bundle's realm, then fires load (or error when the file is
 * missing), as a browser does. Lazy chunks (e.g. the scenario formulas) load through it.
 */
function scriptLoadingDocument(context: vm.Context, loaded: string[]): object {
  type Script = Record<string, unknown> & {
    src?: string;
    onload?: (e: unknown) => void;
    onerror?: (e: unknown) => void;
  };
  const head = {
    appendChild(script: Script) {
      setTimeout(() => {
        const file = path.join(DIST, new URL(String(script.src), "file:///").pathname);
        const event = (type: string) => ({ type, target: script });
        if (!file.startsWith(DIST + path.sep) || !fs.existsSync(file)) {
          script.onerror?.(event("error"));
          return;
        }
        vm.runInContext(fs.readFileSync(file, "utf8"), context, { filename: file });
        loaded.push(path.relative(DIST, file));
        script.onload?.(event("load"));
      });
      return script;
    },
    removeChild: (script: Script) => script,
  };
  return {
    head,
    getElementsByTagName: () => [],
    createElement: (): Script => ({
      parentNode: head,
      setAttribute() {},
      getAttribute: () => null,
    }),
  };
}

/**
 * Loads the built dist/functions.js in a fresh VM context with a fake CustomFunctions global,
 * exactly as Excel would run it. Run `npm run build` (or `npm test`, whose pretest builds) first.
 */
export function loadFunctionsBundle(): LoadedBundle {
  const bundlePath = path.join(DIST, "functions.js");
  const jsonPath = path.join(DIST, "functions.json");
  if (!fs.existsSync(bundlePath) || !fs.existsSync(jsonPath)) {
    throw new Error("dist/functions.js is missing: run `npm run build` before these tests");
  }
  const shim = createCustomFunctionsShim();
  const context = vm.createContext({
    CustomFunctions: shim,
    console,
    setTimeout,
    clearTimeout,
    setInterval,
    clearInterval,
    queueMicrotask,
    AbortController,
    AbortSignal,
    URL,
    URLSearchParams,
    TextEncoder,
    TextDecoder,
    fetch: globalThis.fetch,
    Headers: globalThis.Headers,
    Request: globalThis.Request,
    Response: globalThis.Response,
  });
  context.self = context;
  context.window = context;
  context.globalThis = context;
  const loadedChunks: string[] = [];
  context.document = scriptLoadingDocument(context, loadedChunks);
  vm.runInContext(fs.readFileSync(bundlePath, "utf8"), context, { filename: bundlePath });
  const metadata = JSON.parse(fs.readFileSync(jsonPath, "utf8"));
  return {
    shim,
    metadata,
    context,
    loadedChunks,
    async call(id, ...args) {
      const fn = shim.registry.get(id.toUpperCase());
      if (!fn) throw new Error(`no function associated with id ${id}`);
      return fn(...args);
    },
  };
}

/** Calls and returns the CustomFunctions.Error a function threw (fails the test if it returned a value). */
export async function expectExcelError(
  promise: Promise<unknown>
): Promise<ShimCustomFunctionError> {
  try {
    const value = await promise;
    throw new Error(`expected an Excel error, got ${JSON.stringify(value)}`);
  } catch (e) {
    if (e instanceof Error && e.name === "CustomFunctions.Error")
      return e as ShimCustomFunctionError;
    throw e;
  }
}
