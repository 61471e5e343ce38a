export * from "./audit";
export * from "./policy";
