// The Neuron screen's state and lesson keys: the fields of getState/setState (the single
// unit's, then the sum of hinges'), their defaults, and the control keys a teacher can hide or
// lock. Pure data; importable from Node.
import { UNITS, DEFAULT_TARGET } from './hinges/hinge-state.js';
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
