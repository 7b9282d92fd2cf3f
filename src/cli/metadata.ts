/** The shape of dist/functions.json entries the CLI reads (a subset of the custom functions metadata). */
export interface ParameterMetadata {
  readonly name: string;
  readonly description?: string;
  readonly type?: string;
  readonly dimensionality?: "scalar" | "matrix";
  readonly optional?: boolean;
}

export interface FunctionMetadata {
  readonly id: string;
  readonly name: string;
  readonly description?: string;
  readonly helpUrl?: string;
  readonly parameters: readonly ParameterMetadata[];
  readonly result?: { type?: string; dimensionality?: "scalar" | "matrix" };
  readonly options?: { stream?: boolean; cancelable?: boolean; volatile?: boolean };
}

export interface FunctionsMetadata {
  readonly functions: readonly FunctionMetadata[];
}

/** Finds a function by id, case-insensitively, with or without the CNTECH. namespace prefix. */
export function findFunction(
  metadata: FunctionsMetadata,
  name: string
): FunctionMetadata | undefined {
  const id = name
    .trim()
    .toUpperCase()
    .replace(/^=?CNTECH\./, "");
  return metadata.functions.find((f) => f.id.toUpperCase() === id);
}

/** "RETURN(symbols, start, [end], [currency], [kind])" */
export function signatureOf(fn: FunctionMetadata): string {
  const params = fn.parameters.map((p) => (p.optional ? `[${p.name}]` : p.name));
  return `${fn.name}(${params.join(", ")})`;
}
