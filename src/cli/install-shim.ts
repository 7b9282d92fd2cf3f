/* Installs the CustomFunctions stand-in as a global before any function module is evaluated:
   main.ts imports this module first, so the associate calls appended by the metadata plugin land in
   the shim's registry. */
import { installCustomFunctionsShim } from "../shim/custom-functions-host";

export const shim = installCustomFunctionsShim();
