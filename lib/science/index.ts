/** The science core: pure, exact and fast statistics of a sweep (no React, no Prisma, no I/O). */
export * from "./bootstrap";
export * from "./direction";
export * from "./ensemble";
export * from "./estimate";
export * from "./metricRegistry";
export * from "./metrics";
export * from "./normalQuantile";
export * from "./pareto";
export * from "./passAtK";
export * from "./random";
export * from "./slices";
