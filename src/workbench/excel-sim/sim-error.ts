/**
 * The error the in-memory Excel throws, shaped like OfficeExtension.Error: a `code` from Excel.ErrorCodes
 * ("ItemNotFound", "InvalidArgument", ...) and `debugInfo` with the same code and message.
 */
export class SimError extends Error {
  readonly code: string;
  readonly debugInfo: { code: string; message: string; errorLocation?: string };

  constructor(code: string, message: string, errorLocation?: string) {
    super(message);
    this.name = "RichApi.Error";
    this.code = code;
    this.debugInfo = { code, message, errorLocation };
  }
}

/** The subset of Excel.ErrorCodes the sim raises. */
export const ERROR_CODES = {
  generalException: "GeneralException",
  invalidArgument: "InvalidArgument",
  invalidOperation: "InvalidOperation",
  invalidReference: "InvalidReference",
  itemAlreadyExists: "ItemAlreadyExists",
  itemNotFound: "ItemNotFound",
  propertyNotLoaded: "PropertyNotLoaded",
  requestPayloadSizeLimitExceeded: "RequestPayloadSizeLimitExceeded",
  invalidObjectPath: "InvalidObjectPath",
} as const;
