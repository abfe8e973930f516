// Summaries over seeds: mean, median, quantiles, the geometric mean. Pure functions.

/** The arithmetic mean (NaN for no values). @param {number[]} values */
export function mean(values) {
  if (values.length === 0) return NaN;
  return values.reduce((sum, value) => sum + value, 0) / values.length;
}

/**
 * The `q` quantile (0 to 1) with linear interpolation between order statistics (NaN for no
 * values). @param {number[]} values @param {number} q
 */
export function quantile(values, q) {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const at = q * (sorted.length - 1);
  const below = Math.floor(at);
  const above = Math.min(sorted.length - 1, below + 1);
  return sorted[below] + (sorted[above] - sorted[below]) * (at - below);
}

/** The median. @param {number[]} values */
export const median = (values) => quantile(values, 0.5);

/** The spread the plots show: the 10th and 90th percentiles over seeds. */
export const SPREAD = Object.freeze({ low: 0.1, high: 0.9 });

/** `{ low, high }`: the 10th and 90th percentiles. @param {number[]} values */
export function spread(values) {
  return { low: quantile(values, SPREAD.low), high: quantile(values, SPREAD.high) };
}

/** The geometric mean of positive values (NaN for none). @param {number[]} values */
export function geometricMean(values) {
  if (values.length === 0) return NaN;
  return Math.exp(mean(values.map((value) => Math.log(value))));
}

/** A JSON-safe number: NaN and ±∞ become null. @param {number} value */
export function jsonNumber(value) {
  return Number.isFinite(value) ? value : null;
}
