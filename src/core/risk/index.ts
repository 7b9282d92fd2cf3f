export * from "./stats";
export * from "./drawdown";
export * from "./rolling";
export * from "./series-risk";
