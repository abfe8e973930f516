// The Neuron screen's state and lesson keys: the fields of getState/setState (the single
// unit's, then the sum of hinges'), their defaults, the control keys a teacher can hide or
// lock, and the state in a link's query string. Pure; importable from Node.
import { pairsText, parsePairs, pickPairs } from '../../ui/url-state.js';
import { DEFAULT_POINTS, UNITS, DEFAULT_TARGET, samePoints } from './hinges/hinge-state.js';
import { UNIT_DEFAULTS } from './unit/unit-state.js';

/**
 * Keys of options.controls.hidden / .disabled, and the groups of controls each stands for.
 * The single unit:
 *   weights     the w1, w2 and b sliders and fields
 *   presets     "Back to the start" and "Make it dead"
 *   rate        the learning rate of its gradient step (aliases learning-rate, lr)
 *   step        "Take a gradient step" (alias gradient-step)
 *   inspect     the inspected training point: its field and clicking the plane (alias point)
 * The sum of hinges:
 *   target      the target choice
 *   draw        the learner's points: the editor and clicking the plot (alias points)
 *   units       the number of hidden units
 *   play        Play / Pause
 *   train-step  "Step +25"
 *   reset       Reset
 *   training    play, train-step and reset together
 * The screen:
 *   link        "Copy link" (alias share; shown only when the screen keeps its state in the URL)
 */
export const CONTROL_GROUPS = Object.freeze({
  weights: ['weights'],
  presets: ['presets'],
  rate: ['rate'],
  'learning-rate': ['rate'],
  lr: ['rate'],
  step: ['step'],
  'gradient-step': ['step'],
  inspect: ['inspect'],
  point: ['inspect'],
  target: ['target'],
  draw: ['draw'],
  points: ['draw'],
  units: ['units'],
  play: ['play'],
  'train-step': ['train-step'],
  reset: ['reset'],
  training: ['play', 'train-step', 'reset'],
  link: ['link'],
  share: ['link'],
});
/** Every key options.controls accepts. */
export const NEURON_CONTROL_KEYS = Object.freeze(Object.keys(CONTROL_GROUPS));
/** The fields of the screen's state: the single unit's, then the sum of hinges'. */
export const UNIT_STATE_KEYS = Object.freeze(['w1', 'w2', 'b', 'learningRate', 'point']);
export const HINGE_STATE_KEYS = Object.freeze(['target', 'units', 'points']);
export const NEURON_STATE_KEYS = Object.freeze([...UNIT_STATE_KEYS, ...HINGE_STATE_KEYS]);
/** The state's values when no option is given (point: the first class-1 training point). */
export const NEURON_SCREEN_DEFAULTS = Object.freeze({
  w1: UNIT_DEFAULTS.w1,
  w2: UNIT_DEFAULTS.w2,
  b: UNIT_DEFAULTS.b,
  learningRate: UNIT_DEFAULTS.learningRate,
  target: DEFAULT_TARGET,
  units: UNITS.start,
});

/**
 * The shortest decimal that reads back as the same float32 (the core holds the weights in
 * float32): 0.800000011920929 is written 0.8.
 * @param {number} value
 */
export function float32Text(value) {
  const target = Math.fround(value);
  for (let digits = 1; digits < 10; digits += 1) {
    const text = String(Number(target.toPrecision(digits)));
    if (Math.fround(Number(text)) === target) return text;
  }
  return String(target);
}

/** The learner's points as "x:y,x:y" (empty for none). @param {readonly (readonly number[])[]} points */
export const pointsText = (points) => points.map(([x, y]) => `${x}:${y}`).join(',');

/**
 * Points from "x:y,x:y": [[x, y], …]; a pair that is not two numbers becomes [NaN, NaN], which
 * the screen leaves out and reports (hinge-state.js cleanPoints).
 * @param {string} text
 * @returns {number[][]}
 */
export function parsePointsText(text) {
  if (text.trim() === '') return [];
  return text.split(',').map((pair) => {
    const parts = pair.split(':');
    const numbers = parts.map((part) => (part.trim() === '' ? NaN : Number(part)));
    return parts.length === 2 && numbers.every(Number.isFinite) ? numbers : [NaN, NaN];
  });
}

/**
 * The state (getState's) as a link's query string, in NEURON_STATE_KEYS order: the weights as
 * float32 (float32Text), the learner's points as "x:y,x:y", left out while they are the
 * default ones: "w1=1&w2=-0.5&b=0&learningRate=0.1&point=20&target=sin&units=6".
 * @param {{ w1: number, w2: number, b: number, learningRate: number, point: number,
 *   target: string, units: number, points: number[][] }} state
 */
export function neuronQuery(state) {
  const pairs = [];
  for (const key of NEURON_STATE_KEYS) {
    if (key === 'points') {
      if (!samePoints(state.points, DEFAULT_POINTS)) pairs.push([key, pointsText(state.points)]);
    } else {
      pairs.push([key, ['w1', 'w2', 'b'].includes(key) ? float32Text(state[key]) : String(state[key])]);
    }
  }
  return pairsText(pairs);
}

/**
 * A link's query string as a partial state for the screen's setState: { partial, problems }.
 * Values stay text (setState checks them, as it checks a host's); points are parsed. Keys that
 * are no state field (other than hide and lock) and pairs that cannot be decoded are listed.
 * @param {string} text
 * @returns {{ partial: Record<string, unknown>, problems: string[] }}
 */
export function decodeNeuronQuery(text) {
  const { values, problems } = parsePairs(text);
  const { given, unknown } = pickPairs(values, NEURON_STATE_KEYS);
  /** @type {Record<string, unknown>} */
  const partial = { ...given };
  if (typeof given.points === 'string') partial.points = parsePointsText(given.points);
  return { partial, problems: [...problems, ...unknown] };
}
