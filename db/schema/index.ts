export * from "./audit";
export * from "./deadlines";
export * from "./email";
export * from "./files";
export * from "./policy";
export * from "./rate-limits";
export * from "./requests";
