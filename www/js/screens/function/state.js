// The Function screen's state: what the learner has set, as one plain object
// { functions, range, probe, slope, eluAlpha, preluSlope, reluAtZero }, its defaults, and how a
// partial state from a host, an option or a query string is checked and merged. Pure: no DOM,
// no wasm; importable from Node.
import { isPlainObject, toNumber } from '../../ui/lesson-controls.js';
import { pairsText, parsePairs, pickPairs } from '../../ui/url-state.js';

/** The zoom ladder: half-widths of the x range, roughly evenly spaced on a log scale. */
export const RANGES = Object.freeze([2, 3, 5, 10, 20, 50, 100, 200, 500, 1000]);

/** Probe step (arrow keys) for each half-width; Shift, Page Up and Page Down move ten. */
export const PROBE_STEPS = Object.freeze({
  2: 0.05,
  3: 0.05,
  5: 0.1,
  10: 0.25,
  20: 0.5,
  50: 1,
  100: 2.5,
  200: 5,
  500: 10,
  1000: 25,
});

/** A slope is "nearly flat" below this magnitude (the plot's strip, the flat description). */
export const FLAT_THRESHOLD = 0.01;

/**
 * @typedef {{ functions: string[], range: number, probe: number, slope: number,
 *   eluAlpha: number, preluSlope: number, reluAtZero: number }} FunctionState
 */

/** The state when no option is given. */
export const FUNCTION_SCREEN_DEFAULTS = Object.freeze({
  functions: Object.freeze(['relu', 'sigmoid', 'tanh']),
  range: 5,
  probe: 1,
  slope: 0.01,
  eluAlpha: 1,
  preluSlope: 0.25,
  reluAtZero: 0,
});

/** The fields of the screen's state (getState, setState; the same names as the mount options). */
export const FUNCTION_STATE_KEYS = Object.freeze(Object.keys(FUNCTION_SCREEN_DEFAULTS));

/**
 * The activation parameters the learner sets: the state key, its label, what the core accepts
 * (min to max), how far the slider goes (rangeMax) and its step.
 */
export const PARAMETERS = Object.freeze([
  {
    key: 'slope',
    label: 'Leaky ReLU slope \u03b1',
    min: 0,
    max: 1,
    rangeMax: 0.5,
    step: 0.01,
    hint: 'for x < 0; the core accepts 0 to 1',
  },
  {
    key: 'eluAlpha',
    label: 'ELU \u03b1',
    min: 0.1,
    max: 10,
    rangeMax: 3,
    step: 0.1,
    hint: 'the level ELU approaches on the left is \u2212\u03b1',
  },
  {
    key: 'preluSlope',
    label: 'PReLU slope a',
    min: -1,
    max: 1,
    rangeMax: 1,
    step: 0.05,
    hint: 'learned in a network; here fixed',
  },
]);

/** The values ReLU′(0) may take, with the words the screen uses for each. */
export const RELU_AT_ZERO = Object.freeze([
  { value: 0, text: '0 (PyTorch, TensorFlow, JAX)' },
  { value: 0.5, text: '\u00bd (the mean of the two sides)' },
  { value: 1, text: '1 (the right-hand slope)' },
]);

/**
 * Keys of options.controls.hidden / .disabled, and the groups of controls each stands for:
 *   functions   the function checkboxes
 *   range       the zoom slider (alias zoom)
 *   probe       the probe: its handle, dragging on the plot, "Move the probe to x = 0"
 *   parameters  leaky ReLU slope, ELU alpha, PReLU slope (sliders and fields)
 *   convention  the ReLU'(0) choice (alias relu-at-zero)
 *   options     parameters and convention together
 *   timing      the "Measure" section (alias measure)
 *   link        "Copy link" (alias share; shown only when the screen keeps its state in the URL)
 *   intro       the paragraph under the first heading (it speaks of controls a page may hide)
 *   corner      the "ReLU at x = 0" section (alias relu-at-0), its convention choice included
 *   formulas    the Formulas section
 */
export const CONTROL_GROUPS = Object.freeze({
  functions: ['functions'],
  range: ['range'],
  zoom: ['range'],
  probe: ['probe'],
  parameters: ['parameters'],
  convention: ['convention'],
  'relu-at-zero': ['convention'],
  options: ['parameters', 'convention'],
  timing: ['timing'],
  measure: ['timing'],
  link: ['link'],
  share: ['link'],
  intro: ['intro'],
  corner: ['corner'],
  'relu-at-0': ['corner'],
  formulas: ['formulas'],
  negative: ['negative'],
  'negative-inputs': ['negative'],
});
/** Every key options.controls accepts. */
export const FUNCTION_CONTROL_KEYS = Object.freeze(Object.keys(CONTROL_GROUPS));

/** `value` limited to [low, high]. */
export const clamp = (value, low, high) => Math.min(high, Math.max(low, value));

/** The parameter spec of state key `key` (PARAMETERS), or undefined. */
export function parameterSpec(key) {
  return PARAMETERS.find((spec) => spec.key === key);
}

/** The ladder value closest to `range` (on a log scale); the default for a non-positive one. */
export function nearestRange(range) {
  if (!(range > 0)) return FUNCTION_SCREEN_DEFAULTS.range;
  return RANGES.reduce((best, r) => (Math.abs(Math.log(r / range)) < Math.abs(Math.log(best / range)) ? r : best));
}

/**
 * The probe at `x` for the half-width `range`: snapped to the keyboard step (so that x = 0 is
 * easy to reach), free of float drift, and clamped into [−range, range].
 */
export function snapProbe(x, range) {
  const step = PROBE_STEPS[range];
  return clamp(Number((Math.round(x / step) * step).toFixed(6)), -range, range);
}

/** The activation options the core takes, from a state. */
export function activationOptions(state) {
  return { slope: state.slope, eluAlpha: state.eluAlpha, preluSlope: state.preluSlope, reluAtZero: state.reluAtZero };
}

/** A copy of `state` that shares nothing with it. @returns {FunctionState} */
export function copyState(state) {
  return { ...state, functions: [...state.functions] };
}

/**
 * `partial` checked and merged over the state `base`: { state, problems }. `available`: the
 * core's activation names. `functions` (an array or a comma-separated string) keeps the known
 * names in the core's order; `range` snaps to the zoom ladder; `probe` is clamped into the
 * range (a new range clamps the old probe too); the parameters are clamped to what the core
 * accepts; `reluAtZero` must be 0, 0.5 or 1. Unknown keys and names and values of the wrong
 * type are ignored and listed in `problems`. Never throws; `base` is not changed.
 * @param {Readonly<FunctionState> | typeof FUNCTION_SCREEN_DEFAULTS} base
 * @param {unknown} partial
 * @param {readonly string[]} available
 * @returns {{ state: FunctionState, problems: string[] }}
 */
export function mergeFunctionState(base, partial, available) {
  const state = copyState(base);
  /** @type {string[]} */
  const problems = [];
  if (!isPlainObject(partial)) return { state, problems: ['state'] };
  const source = /** @type {Record<string, unknown>} */ (partial);
  for (const key of Object.keys(source)) {
    if (!FUNCTION_STATE_KEYS.includes(key)) problems.push(key.slice(0, 24));
  }
  const given = (key) => source[key] !== undefined;
  const number = (key) => {
    const value = toNumber(source[key]);
    if (value === undefined) problems.push(key);
    return value;
  };
  if (given('functions')) {
    const list = typeof source.functions === 'string' ? source.functions.split(',') : source.functions;
    if (Array.isArray(list)) {
      const wanted = new Set(list.map((name) => String(name).trim().toLowerCase()).filter(Boolean));
      for (const name of wanted) if (!available.includes(name)) problems.push(`functions: ${name.slice(0, 24)}`);
      state.functions = available.filter((name) => wanted.has(name));
    } else {
      problems.push('functions');
    }
  }
  if (given('range')) {
    const range = number('range');
    if (range !== undefined && range > 0) state.range = nearestRange(range);
    else if (range !== undefined) problems.push('range');
  }
  if (given('probe')) {
    const probe = number('probe');
    if (probe !== undefined) state.probe = probe;
  }
  state.probe = clamp(state.probe, -state.range, state.range);
  for (const spec of PARAMETERS) {
    if (!given(spec.key)) continue;
    const value = number(spec.key);
    if (value !== undefined) state[spec.key] = clamp(value, spec.min, spec.max);
  }
  if (given('reluAtZero')) {
    const value = toNumber(source.reluAtZero);
    if (RELU_AT_ZERO.some((choice) => choice.value === value)) state.reluAtZero = value;
    else problems.push('reluAtZero');
  }
  return { state, problems };
}

/** The state fields among a screen's mount options (the other options are not state). */
export function stateFromOptions(options) {
  return Object.fromEntries(FUNCTION_STATE_KEYS.filter((key) => key in options).map((key) => [key, options[key]]));
}

/**
 * The state as a link's query string: every field in FUNCTION_STATE_KEYS order, functions as
 * a comma-separated list, numbers as JavaScript writes them (they read back exactly):
 * "functions=relu,sigmoid&range=5&probe=1&slope=0.01&eluAlpha=1&preluSlope=0.25&reluAtZero=0".
 * @param {FunctionState} state
 */
export function functionQuery(state) {
  return pairsText(
    FUNCTION_STATE_KEYS.map((key) => [key, key === 'functions' ? state.functions.join(',') : String(state[key])]),
  );
}

/**
 * A link's query string ("?functions=relu&range=abc") over the state `base`: { state,
 * problems }, checked as mergeFunctionState does. Keys that are no state field (other than
 * hide and lock, the lesson's) and pairs that cannot be decoded are listed in `problems` too.
 * Never throws.
 * @param {string} text
 * @param {Readonly<FunctionState> | typeof FUNCTION_SCREEN_DEFAULTS} base
 * @param {readonly string[]} available
 */
export function decodeFunctionQuery(text, base, available) {
  const { values, problems: unreadable } = parsePairs(text);
  const { given, unknown } = pickPairs(values, FUNCTION_STATE_KEYS);
  const { state, problems } = mergeFunctionState(base, given, available);
  return { state, problems: [...unreadable, ...unknown, ...problems] };
}
