/**
 * The finance core's public API. Pure TypeScript: no Office, no network, no clock.
 * Conventions (date rule, calendars, FX, day count, annualisation, errors): docs/conventions.md.
 */
export * from "./errors";
export * from "./dates";
export * from "./series";
export * from "./total-return";
export * from "./returns";
export * from "./calendar";
export * from "./currency";
export * from "./weights";
export * from "./baskets";
export * from "./basket-membership";
export * from "./spread";
export * from "./risk";
