/** Seconds since `started` (a `performance.now()`), for progress lines: `1.2 s`. */
export const seconds = (started: number) => `${((performance.now() - started) / 1000).toFixed(1)} s`;
