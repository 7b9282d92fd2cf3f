/** The scenario model: factors, default exposures, linear model, Monte Carlo, presets, GPR context. */
export * from "./factors";
export * from "./exposures";
export * from "./model";
export * from "./montecarlo";
export * from "./stats";
export * from "./presets";
export * from "./parse";
export * from "./calibrate";
export * from "./gpr";
export * from "./analysis";
export * from "./vols";
export * from "./event-types";
export * from "./event-returns";
