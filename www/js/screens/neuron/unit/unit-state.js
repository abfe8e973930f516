// The single unit's state { w1, w2, b, learningRate, point }: its limits, its starting and
// dead presets, and how options and a host's partial state are checked. Pure: no DOM, no wasm.
import { isPlainObject, toNumber } from '../../../ui/lesson-controls.js';

/** The plane shown, on both axes. */
export const DOMAIN = Object.freeze([-6, 6]);
/** The learning rates the gradient step offers. */
export const LEARNING_RATES = Object.freeze([0.01, 0.03, 0.1, 0.3, 1]);
/** The weights and bias the learner sets: the state key, its label, name and limits. */
export const SLIDERS = Object.freeze([
  { key: 'w1', label: 'w\u2081', name: 'weight w1', min: -3, max: 3, step: 0.05 },
  { key: 'w2', label: 'w\u2082', name: 'weight w2', min: -3, max: 3, step: 0.05 },
  { key: 'b', label: 'b', name: 'bias b', min: -10, max: 10, step: 0.1 },
]);
/** Starting values: alive, but far from the best fit, so that gradient steps have work to do. */
export const UNIT_DEFAULTS = Object.freeze({ w1: 1, w2: -0.5, b: 0, learningRate: 0.1 });
/** A dead configuration: z = 0.5·x1 + 0.5·x2 − 8 < 0 everywhere on the data. */
export const DEAD_UNIT = Object.freeze({ w1: 0.5, w2: 0.5, b: -8 });

/** `value` limited to [low, high]. */
export const clamp = (value, low, high) => Math.min(high, Math.max(low, value));

/** The slider spec of `key` (SLIDERS). */
export const sliderSpec = (key) => SLIDERS.find((spec) => spec.key === key);

/** The ladder's learning rate closest to `rate` (on a log scale); the default for a non-positive one. */
export function nearestRate(rate) {
  if (!(rate > 0)) return UNIT_DEFAULTS.learningRate;
  return LEARNING_RATES.reduce((best, r) => (Math.abs(Math.log(r / rate)) < Math.abs(Math.log(best / rate)) ? r : best));
}

/** A weight for a field: at most 4 decimals, no float noise. */
export const fieldValue = (value) => String(Number(value.toFixed(4)));

/** The starting weights and bias from mount options: numbers, clamped; the defaults otherwise. */
export function startWeights(options) {
  return Object.fromEntries(
    SLIDERS.map((spec) => [spec.key, clamp(toNumber(options[spec.key]) ?? UNIT_DEFAULTS[spec.key], spec.min, spec.max)]),
  );
}

/**
 * A host's `partial` state checked against `current` ({ w1, w2, b, learningRate, point }) for
 * a training set of `count` points: { next, problems }. Weights are clamped to the sliders'
 * ranges unless equal to the current ones (gradient steps may have taken them outside, and
 * setState(getState()) must change nothing); the learning rate snaps to the nearest of its
 * choices; the point is rounded and clamped to the training set. Values that are not numbers
 * are ignored and listed. Never throws.
 */
export function mergeUnitState(current, partial, count) {
  const next = { ...current };
  /** @type {string[]} */
  const problems = [];
  if (!isPlainObject(partial)) return { next, problems };
  const source = /** @type {Record<string, unknown>} */ (partial);
  const number = (key) => {
    if (source[key] === undefined) return undefined;
    const value = toNumber(source[key]);
    if (value === undefined) problems.push(key);
    return value;
  };
  for (const spec of SLIDERS) {
    const value = number(spec.key);
    if (value !== undefined && value !== current[spec.key]) next[spec.key] = clamp(value, spec.min, spec.max);
  }
  const rate = number('learningRate');
  if (rate !== undefined) next.learningRate = nearestRate(rate);
  const point = number('point');
  if (point !== undefined) next.point = clamp(Math.round(point), 0, count - 1);
  return { next, problems };
}
