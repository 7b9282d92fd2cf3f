/**
 * A stand-in for Excel's CustomFunctions runtime, for hosts that are not Excel: the workbench page,
 * the CLI and the tests. It implements what the functions bundle touches: Error, ErrorCode and
 * associate (recorded, so a host can call functions by id).
 */

export const ERROR_CODES = {
  invalidValue: "#VALUE!",
  notAvailable: "#N/A",
  divisionByZero: "#DIV/0!",
  invalidNumber: "#NUM!",
  nullReference: "#NULL!",
  invalidName: "#NAME?",
  invalidReference: "#REF!",
  busy: "#BUSY!",
  calc: "#CALC!",
  connect: "#CONNECT!",
} as const;

export class ShimCustomFunctionError extends Error {
  readonly code: string;
  constructor(code: string, message?: string) {
    super(message ?? code);
    this.name = "CustomFunctions.Error";
    this.code = code;
    this.message = message ?? "";
  }
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyFunction = (...args: any[]) => unknown;

export interface CustomFunctionsShim {
  Error: typeof ShimCustomFunctionError;
  ErrorCode: typeof ERROR_CODES;
  associate(idOrMap: string | Record<string, AnyFunction>, fn?: AnyFunction): void;
  /** Functions registered so far, by upper-case id. */
  readonly registry: Map<string, AnyFunction>;
}

export function createCustomFunctionsShim(): CustomFunctionsShim {
  const registry = new Map<string, AnyFunction>();
  return {
    Error: ShimCustomFunctionError,
    ErrorCode: ERROR_CODES,
    registry,
    associate(idOrMap, fn) {
      if (typeof idOrMap === "string") {
        if (!fn) throw new Error(`associate(${idOrMap}) without a function`);
        registry.set(idOrMap.toUpperCase(), fn);
      } else {
        for (const [id, f] of Object.entries(idOrMap)) registry.set(id.toUpperCase(), f);
      }
    },
  };
}

/** Installs the shim as the global CustomFunctions (if none exists) and returns the one in force. */
export function installCustomFunctionsShim(
  target: Record<string, unknown> = globalThis as never
): CustomFunctionsShim {
  const existing = target.CustomFunctions as CustomFunctionsShim | undefined;
  if (existing && "registry" in existing) return existing;
  const shim = createCustomFunctionsShim();
  target.CustomFunctions = shim;
  return shim;
}
