// The network screen's state: defaults, limits, validation, presets applied, and the URL hash.
// Pure functions of plain objects; no DOM, no wasm, importable from Node.
//
// A state is
//   { preset: id | null,
//     data:    { name, noise, testRatio, seed, points: [[x1, x2, label], …] },
//     network: { hidden: [widths], activation, slope, reluAtZero, init, biasInit, seed },
//     train:   { optimizer, learningRate, batchSize, regularization, regularizationRate,
//                activationL1 (the L1 penalty rate on the hidden activations) },
//     stepsPerFrame (1 to 100, or FASTEST_SPEED "max": as fast as it draws, cadence.js),
//     keepWeights: whether changing the activation of a trained network keeps its weights,
//     schedule: [{ step, activation }]: switches of every hidden layer's activation in place
//               (same weights), in step order; `network.activation` is the one at step 0 }
// `data.points` are the learner's own points, on a 0.05 grid so that a link stores them
// exactly. With a generated set they are added to it; with `custom` they are the whole set.
import { FASTEST_SPEED } from './cadence.js';
import { encodeHash } from './hash.js';
import { findPreset, PRESETS } from './presets.js';

/** Points in each generated set. */
export const POINT_COUNT = 500;
/** The input plane, on both axes (the core's `names().domains.plane`). */
export const DOMAIN = Object.freeze([-6, 6]);

export const DATASETS = Object.freeze(['circle', 'xor', 'gaussians', 'spiral', 'custom']);
/** The core's `names().activations` (checked by tests/node/network-state.test.mjs). */
export const ACTIVATIONS = Object.freeze([
  'relu', 'leaky-relu', 'prelu', 'elu', 'relu6', 'gelu', 'gelu-tanh', 'silu', 'softplus', 'sigmoid',
  'tanh', 'linear',
]);
export const INITS = Object.freeze([
  'he-normal', 'he-uniform', 'xavier-normal', 'xavier-uniform', 'normal', 'uniform', 'zeros',
]);
export const OPTIMIZERS = Object.freeze(['sgd', 'momentum', 'adam']);
export const REGULARIZATIONS = Object.freeze(['none', 'l1', 'l2']);
export const RELU_AT_ZERO = Object.freeze([0, 0.5, 1]);
export const REGULARIZATION_RATES = Object.freeze([0, 0.0001, 0.0003, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1]);
/** The rates offered for the L1 penalty on the hidden activations (0: none). */
export const ACTIVATION_L1_RATES = Object.freeze([0, 0.0001, 0.0003, 0.001, 0.003, 0.01, 0.03, 0.1]);

/** Inclusive ranges of the numeric settings. */
export const LIMITS = Object.freeze({
  layers: Object.freeze({ min: 0, max: 16 }),
  units: Object.freeze({ min: 1, max: 16 }),
  noise: Object.freeze({ min: 0, max: 0.5 }),
  testRatio: Object.freeze({ min: 0, max: 0.9 }),
  seed: Object.freeze({ min: 0, max: Number.MAX_SAFE_INTEGER }),
  slope: Object.freeze({ min: 0, max: 1 }),
  biasInit: Object.freeze({ min: -10, max: 10 }),
  learningRate: Object.freeze({ min: 1e-5, max: 10 }),
  batchSize: Object.freeze({ min: 1, max: 100 }),
  regularizationRate: Object.freeze({ min: 0, max: 1 }),
  activationL1: Object.freeze({ min: 0, max: 1 }),
  /** Switches of activation in a schedule, and the steps they may sit at. */
  schedule: Object.freeze({ max: 8, step: Object.freeze({ min: 1, max: 1_000_000_000 }) }),
  stepsPerFrame: Object.freeze({ min: 1, max: 100 }),
  points: Object.freeze({ max: 300 }),
});

/** The learning-rate slider's stops: 1, 2, 3, 5 per decade from 1e-5 to 10. */
export const LEARNING_RATES = Object.freeze(
  (() => {
    const rates = [];
    for (let exponent = -5; exponent <= 0; exponent += 1) {
      for (const mantissa of [1, 2, 3, 5]) rates.push(Number(`${mantissa}e${exponent}`));
    }
    rates.push(10);
    return rates;
  })(),
);

/** Index of the slider stop nearest to `rate` on a log scale. */
export function nearestRateIndex(rate) {
  let best = 0;
  for (let i = 1; i < LEARNING_RATES.length; i += 1) {
    if (Math.abs(Math.log(LEARNING_RATES[i] / rate)) < Math.abs(Math.log(LEARNING_RATES[best] / rate))) {
      best = i;
    }
  }
  return best;
}

const DEFAULTS = Object.freeze({
  preset: null,
  data: Object.freeze({ name: 'circle', noise: 0.1, testRatio: 0.5, seed: 1, points: Object.freeze([]) }),
  network: Object.freeze({
    hidden: Object.freeze([8, 8, 8]),
    activation: 'relu',
    slope: 0.01,
    reluAtZero: 0,
    init: 'he-normal',
    biasInit: 0,
    seed: 4,
  }),
  train: Object.freeze({
    optimizer: 'sgd',
    learningRate: 0.03,
    batchSize: 10,
    regularization: 'none',
    regularizationRate: 0,
    activationL1: 0,
  }),
  stepsPerFrame: 5,
  keepWeights: true,
  schedule: Object.freeze([]),
});

/** A fresh, mutable copy of the default state. */
export function defaultState() {
  return cloneState(DEFAULTS);
}

/** A deep copy of a state (plain data only). */
export function cloneState(state) {
  return {
    preset: state.preset ?? null,
    data: { ...state.data, points: state.data.points.map((point) => [...point]) },
    network: { ...state.network, hidden: [...state.network.hidden] },
    train: { ...state.train },
    stepsPerFrame: state.stepsPerFrame,
    keepWeights: state.keepWeights ?? true,
    schedule: (state.schedule ?? []).map((entry) => ({ step: entry.step, activation: entry.activation })),
  };
}

// ---- validation --------------------------------------------------------------------------

/** Round to a grid of `step` without float drift (0.1 + 0.2 stays 0.3). */
const roundTo = (value, step) => Number((Math.round(value / step) * step).toFixed(10));

function inRange(value, { min, max }) {
  return typeof value === 'number' && Number.isFinite(value) && value >= min && value <= max;
}

/** Field checkers: return the clean value, or undefined when the value cannot be used. */
const CHECK = {
  name: (v) => (DATASETS.includes(v) ? v : undefined),
  noise: (v) => (inRange(v, LIMITS.noise) ? roundTo(v, 0.01) : undefined),
  testRatio: (v) => (inRange(v, LIMITS.testRatio) ? roundTo(v, 0.01) : undefined),
  seed: (v) => (Number.isSafeInteger(v) && inRange(v, LIMITS.seed) ? v : undefined),
  points: (v) => {
    if (!Array.isArray(v) || v.length > LIMITS.points.max) return undefined;
    const clean = [];
    for (const point of v) {
      if (!Array.isArray(point) || point.length !== 3) return undefined;
      const [x1, x2, label] = point;
      if (!inRange(x1, { min: DOMAIN[0], max: DOMAIN[1] })) return undefined;
      if (!inRange(x2, { min: DOMAIN[0], max: DOMAIN[1] })) return undefined;
      if (label !== 0 && label !== 1) return undefined;
      clean.push(quantisePoint(x1, x2, label));
    }
    return clean;
  },
  hidden: (v) => {
    if (!Array.isArray(v) || !inRange(v.length, LIMITS.layers)) return undefined;
    if (!v.every((w) => Number.isInteger(w) && inRange(w, LIMITS.units))) return undefined;
    return [...v];
  },
  activation: (v) => (ACTIVATIONS.includes(v) ? v : undefined),
  slope: (v) => (inRange(v, LIMITS.slope) ? v : undefined),
  reluAtZero: (v) => (RELU_AT_ZERO.includes(v) ? v : undefined),
  init: (v) => (INITS.includes(v) ? v : undefined),
  biasInit: (v) => (inRange(v, LIMITS.biasInit) ? v : undefined),
  optimizer: (v) => (OPTIMIZERS.includes(v) ? v : undefined),
  learningRate: (v) => (inRange(v, LIMITS.learningRate) ? v : undefined),
  batchSize: (v) => (Number.isInteger(v) && inRange(v, LIMITS.batchSize) ? v : undefined),
  regularization: (v) => (REGULARIZATIONS.includes(v) ? v : undefined),
  regularizationRate: (v) => (inRange(v, LIMITS.regularizationRate) ? v : undefined),
  activationL1: (v) => (inRange(v, LIMITS.activationL1) ? v : undefined),
  schedule: (v) => {
    if (!Array.isArray(v) || v.length > LIMITS.schedule.max) return undefined;
    const clean = [];
    for (const entry of v) {
      if (entry === null || typeof entry !== 'object') return undefined;
      const { step, activation } = entry;
      if (!Number.isSafeInteger(step) || !inRange(step, LIMITS.schedule.step)) return undefined;
      if (!ACTIVATIONS.includes(activation)) return undefined;
      if (clean.length && step <= clean.at(-1).step) return undefined; // strictly in step order
      clean.push({ step, activation });
    }
    return clean;
  },
  stepsPerFrame: (v) => (v === FASTEST_SPEED || (Number.isInteger(v) && inRange(v, LIMITS.stepsPerFrame)) ? v : undefined),
};

const GROUPS = {
  data: ['name', 'noise', 'testRatio', 'seed', 'points'],
  network: ['hidden', 'activation', 'slope', 'reluAtZero', 'init', 'biasInit', 'seed'],
  train: ['optimizer', 'learningRate', 'batchSize', 'regularization', 'regularizationRate', 'activationL1'],
};

/**
 * Merge `partial` (any subset of a state, groups merged field by field) over `base` and check
 * every field given. Returns { state, problems }: a field that fails keeps `base`'s value and
 * its path ("network.hidden") is listed in `problems`. `base` is not modified.
 * A `preset` field of a known id is kept; the preset's settings are not applied here (see
 * presetState).
 */
export function mergeState(base, partial = {}) {
  const state = cloneState(base);
  const problems = [];
  for (const [group, fields] of Object.entries(GROUPS)) {
    const given = partial[group];
    if (given === undefined) continue;
    if (given === null || typeof given !== 'object') {
      problems.push(group);
      continue;
    }
    for (const field of fields) {
      if (given[field] === undefined) continue;
      const clean = CHECK[field](given[field]);
      if (clean === undefined) problems.push(`${group}.${field}`);
      else state[group][field] = clean;
    }
  }
  if (partial.stepsPerFrame !== undefined) {
    const clean = CHECK.stepsPerFrame(partial.stepsPerFrame);
    if (clean === undefined) problems.push('stepsPerFrame');
    else state.stepsPerFrame = clean;
  }
  if (partial.keepWeights !== undefined) {
    if (typeof partial.keepWeights === 'boolean') state.keepWeights = partial.keepWeights;
    else problems.push('keepWeights');
  }
  if (partial.schedule !== undefined) {
    const clean = CHECK.schedule(partial.schedule);
    if (clean === undefined) problems.push('schedule');
    else state.schedule = clean;
  }
  if (partial.preset !== undefined) {
    const found = partial.preset === null ? null : findPreset(partial.preset);
    if (partial.preset === null || found) state.preset = found ? found.id : null;
    else problems.push('preset');
  }
  return { state, problems };
}

/** The full state of a preset: defaults, then the preset's settings, with its id. */
export function presetState(id) {
  const preset = findPreset(id);
  if (!preset) throw new Error(`preset: unknown id "${id}"; one of ${PRESETS.map((p) => p.id).join(', ')}`);
  const { state } = mergeState(DEFAULTS, { ...preset.state, preset: preset.id });
  return state;
}

/**
 * Whether two states give the same run (everything but the preset label, the speed and the
 * keep-the-weights choice, which only matters when the activation changes during a run).
 */
export function sameRun(a, b) {
  const strip = (state) => encodeHash({ ...state, preset: null, stepsPerFrame: 1, keepWeights: true });
  return strip(a) === strip(b);
}

/**
 * The preset `state` is still exactly (settings unchanged since it was chosen), or null.
 * Its `steps` is where the screen pauses the first time.
 */
export function activePreset(state) {
  if (!state.preset) return null;
  const preset = findPreset(state.preset);
  return preset && sameRun(state, presetState(preset.id)) ? preset : null;
}

/**
 * Whether going from `before` to `after` needs a new data set or network (step 0): the data,
 * the network or the schedule of activation switches changed. (A switch the learner makes in
 * place changes the schedule without a rebuild: settings.js.)
 */
export function needsRebuild(before, after) {
  const dataKey = (s) => JSON.stringify(s.data);
  const networkKey = (s) => JSON.stringify([s.network, s.schedule ?? []]);
  return dataKey(before) !== dataKey(after) || networkKey(before) !== networkKey(after);
}

/**
 * The activation every hidden layer trains with from step `step` on (the update from `step`
 * to `step + 1`): the last switch of the schedule at or before `step`, else the start.
 */
export function activationAt(state, step) {
  let activation = state.network.activation;
  for (const entry of state.schedule ?? []) if (entry.step <= step) activation = entry.activation;
  return activation;
}

/**
 * The schedule after the learner switches to `activation` in place at step `step` (≥ 1): the
 * switches before `step` are kept (they have happened), the later ones are dropped (the
 * learner takes over from here), and the new one is added. Null when that would be more than
 * LIMITS.schedule.max switches (a link could not hold the run).
 */
export function scheduleWithSwitch(schedule, step, activation) {
  const kept = (schedule ?? []).filter((entry) => entry.step < step);
  if (kept.length >= LIMITS.schedule.max) return null;
  return [...kept.map((entry) => ({ ...entry })), { step, activation }];
}

// ---- what the core receives -----------------------------------------------------------------

/** Options for `Dataset.generate` (null for `custom`, which has only the learner's points). */
export function datasetOptions(state) {
  const { name, noise, testRatio, seed } = state.data;
  return name === 'custom' ? null : { name, n: POINT_COUNT, noise, testRatio, seed };
}

/**
 * The config for `new Network(...)`.
 * @returns {import('../../../pkg/relu_lab.js').NetworkConfig}
 */
export function networkConfig(state) {
  const { hidden, activation, slope, reluAtZero, init, biasInit, seed } = state.network;
  return { inputs: /** @type {const} */ (2), hidden: [...hidden], activation, slope, reluAtZero, init, biasInit, seed, loss: 'bce' };
}

/** The options for `network.train(...)`. */
export function trainOptions(state) {
  const { optimizer, learningRate, batchSize, regularization, regularizationRate, activationL1 } = state.train;
  return {
    optimizer,
    learningRate,
    batchSize,
    l1: regularization === 'l1' ? regularizationRate : 0,
    l2: regularization === 'l2' ? regularizationRate : 0,
    activationL1: activationL1 ?? 0,
  };
}

// ---- the learner's points ---------------------------------------------------------------------

/** Grid of stored point coordinates. */
export const POINT_GRID = 0.05;
const GRID_STEPS = Math.round((DOMAIN[1] - DOMAIN[0]) / POINT_GRID) + 1; // 241
const BASE64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** A point clamped to the domain and rounded to the 0.05 grid: [x1, x2, label]. */
export function quantisePoint(x1, x2, label) {
  const clamp = (v) => Math.min(DOMAIN[1], Math.max(DOMAIN[0], v));
  return [roundTo(clamp(x1), POINT_GRID), roundTo(clamp(x2), POINT_GRID), label ? 1 : 0];
}

/** Points as 3 base64url characters each (x1 and x2 on the 0.05 grid, and the label). */
export function encodePoints(points) {
  let text = '';
  for (const [x1, x2, label] of points) {
    const i = Math.round((x1 - DOMAIN[0]) / POINT_GRID);
    const j = Math.round((x2 - DOMAIN[0]) / POINT_GRID);
    const code = (i * GRID_STEPS + j) * 2 + label;
    text += BASE64URL[(code >> 12) & 63] + BASE64URL[(code >> 6) & 63] + BASE64URL[code & 63];
  }
  return text;
}

/** The inverse of encodePoints; undefined for malformed text. */
export function decodePoints(text) {
  if (text.length % 3 !== 0 || text.length / 3 > LIMITS.points.max) return undefined;
  const points = [];
  for (let k = 0; k < text.length; k += 3) {
    let code = 0;
    for (let c = 0; c < 3; c += 1) {
      const digit = BASE64URL.indexOf(text[k + c]);
      if (digit < 0) return undefined;
      code = code * 64 + digit;
    }
    const label = code % 2;
    const cell = (code - label) / 2;
    const i = Math.floor(cell / GRID_STEPS);
    const j = cell % GRID_STEPS;
    if (i >= GRID_STEPS) return undefined;
    points.push([roundTo(DOMAIN[0] + i * POINT_GRID, POINT_GRID), roundTo(DOMAIN[0] + j * POINT_GRID, POINT_GRID), label]);
  }
  return points;
}

export { decodeHash, encodeHash } from './hash.js';
