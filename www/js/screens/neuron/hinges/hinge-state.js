// The sum of hinges' state { target, units, points }: the targets, the learner's points and
// their box, the unit count's limits, and how a host's partial state is checked. Pure: no DOM,
// no wasm.
import { isPlainObject, toNumber } from '../../../ui/lesson-controls.js';

/** The targets to fit, with their names on screen. */
export const TARGETS = Object.freeze([
  { value: 'abs', label: '|x|' },
  { value: 'sin', label: 'sin(\u03c0x)' },
  { value: 'step', label: 'a step' },
  { value: 'points', label: 'your own points' },
]);
/** Where the learner's points may lie in y, and the fit plot's y range while editing them. */
export const POINT_Y = Object.freeze([-1.5, 1.5]);
/** The learner's points before they change them: a zig-zag that needs several hinges. */
export const DEFAULT_POINTS = Object.freeze(
  [
    [-0.9, -0.2],
    [-0.6, 0.5],
    [-0.3, 0.1],
    [0, 0.6],
    [0.3, 0],
    [0.6, 0.7],
    [0.9, 0.2],
  ].map((p) => Object.freeze(p)),
);
export const MAX_POINTS = 200;
/** Hidden units: the limits and the default. */
export const UNITS = Object.freeze({ min: 1, max: 16, start: 6 });
export const DEFAULT_TARGET = 'sin';

/** `value` limited to [low, high]. */
export const clamp = (value, low, high) => Math.min(high, Math.max(low, value));

/** A unit count from any number: rounded and clamped to 1 to 16. */
export const unitCount = (value) => clamp(Math.round(value), UNITS.min, UNITS.max);

/** The name on screen of target `value`. */
export const targetLabel = (value) => TARGETS.find((t) => t.value === value)?.label ?? value;

/** Whether `value` is one of the targets. */
export const isTarget = (value) => TARGETS.some((t) => t.value === value);

/** A point [x, y] moved into the editor's box. */
export const boxedPoint = (x, y) => [clamp(x, -1, 1), clamp(y, POINT_Y[0], POINT_Y[1])];

/**
 * The learner's points from any value: { points, dropped } with every [x, y] pair of finite
 * numbers clamped into the editor's box (at most MAX_POINTS), `dropped` true if anything else
 * was left out; null if `list` is not an array.
 */
export function cleanPoints(list) {
  if (!Array.isArray(list)) return null;
  const valid = list.filter((p) => Array.isArray(p) && p.length === 2 && p.every(Number.isFinite));
  const points = valid.slice(0, MAX_POINTS).map(([x, y]) => boxedPoint(x, y));
  return { points, dropped: points.length !== list.length };
}

/** Whether two lists of points are equal. */
export const samePoints = (a, b) => a.length === b.length && a.every((p, i) => p[0] === b[i][0] && p[1] === b[i][1]);

/**
 * A host's `partial` state checked against `current` ({ target, units, points }):
 * { next, problems }. An unknown target, a units value that is not a number and points that
 * are not [x, y] pairs of numbers are ignored (the valid points are kept) and listed. Units
 * are rounded and clamped, points clamped into the editor's box. `next.points` is
 * `current.points` itself unless they changed. Never throws.
 */
export function mergeHingeState(current, partial) {
  const next = { ...current };
  /** @type {string[]} */
  const problems = [];
  if (!isPlainObject(partial)) return { next, problems };
  const source = /** @type {Record<string, unknown>} */ (partial);
  if (source.target !== undefined) {
    const value = typeof source.target === 'string' ? source.target.trim().toLowerCase() : '';
    if (isTarget(value)) next.target = value;
    else problems.push('target');
  }
  if (source.points !== undefined) {
    const clean = cleanPoints(source.points);
    if (clean === null || clean.dropped) problems.push('points');
    if (clean !== null && !samePoints(clean.points, current.points)) next.points = clean.points;
  }
  if (source.units !== undefined) {
    const value = toNumber(source.units);
    if (value === undefined) problems.push('units');
    else next.units = unitCount(value);
  }
  return { next, problems };
}
