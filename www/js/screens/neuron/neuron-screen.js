// Screen: inside one unit. First a single ReLU unit on the plane (its hinge line, its dead
// side, its gradient, one gradient step at a time), then a shallow network on the line seen as
// a sum of hinges. Owns a frame loop (unless given one) and passes it to both parts.
//
// A mountable component with no module-level state: several can live on one page. A teacher
// can hide or lock its controls by key (NEURON_CONTROL_KEYS); a host can read and change its
// settings as one plain object (getState, setState) and hear about the learner's changes
// (onStateChange).
// Requires `await init()` of ../../../pkg/relu_lab.js before mounting.
import { createFrameLoop } from '../../ui/loop.js';
import { applyControlLocks, createStateNotifier, isPlainObject, lockNoteHtml, resolveControls } from '../../ui/lesson-controls.js';
import { mountHingeSum } from './hinge-sum.js';
import { mountSingleUnit } from './single-unit.js';

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
const CONTROL_GROUPS = Object.freeze({
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
const UNIT_STATE_KEYS = Object.freeze(['w1', 'w2', 'b', 'learningRate', 'point']);
const HINGE_STATE_KEYS = Object.freeze(['target', 'units', 'points']);
export const NEURON_STATE_KEYS = Object.freeze([...UNIT_STATE_KEYS, ...HINGE_STATE_KEYS]);
/** The state's values when no option is given (point: the first class-1 training point). */
export const NEURON_SCREEN_DEFAULTS = Object.freeze({
  w1: 1,
  w2: -0.5,
  b: 0,
  learningRate: 0.1,
  target: 'sin',
  units: 6,
});

const mi = (name) => `<mi>${name}</mi>`;
const mo = (op) => `<mo>${op}</mo>`;
const mn = (value) => `<mn>${value}</mn>`;
const sub = (base, index) => `<msub>${base}${index}</msub>`;
const row = (...parts) => `<mrow>${parts.join('')}</mrow>`;
const open = '<mo stretchy="false" lspace="0" rspace="0">(</mo>';
const close = '<mo stretchy="false" lspace="0" rspace="0">)</mo>';
const relu = (...args) => row(mi('ReLU'), mo('&#x2061;'), open, ...args, close);

// Two equations, each its own block, so that they wrap on a narrow screen.
const UNIT_MATH =
  `<math display="block" aria-label="z equals w1 x1 plus w2 x2 plus b">` +
  row(
    mi('z'),
    mo('='),
    sub(mi('w'), mn(1)),
    sub(mi('x'), mn(1)),
    mo('+'),
    sub(mi('w'), mn(2)),
    sub(mi('x'), mn(2)),
    mo('+'),
    mi('b'),
  ) +
  '</math>' +
  `<math display="block" aria-label="a equals ReLU of z, which is max of 0 and z">` +
  row(mi('a'), mo('='), relu(mi('z')), mo('='), row(mi('max'), open, mn(0), mo(','), mi('z'), close)) +
  '</math>';

const SUM_MATH =
  `<math display="block" aria-label="y of x equals c plus the sum over units j of v j times ReLU of w j x plus b j">` +
  row(
    mi('y'),
    open,
    mi('x'),
    close,
    mo('='),
    mi('c'),
    mo('+'),
    `<munder>${mo('&#x2211;')}${mi('j')}</munder>`,
    sub(mi('v'), mi('j')),
    mo('&#x2062;'),
    relu(sub(mi('w'), mi('j')), mi('x'), mo('+'), sub(mi('b'), mi('j'))),
  ) +
  '</math>';

/**
 * Mount the screen into `element`.
 * options (all optional): {
 *   w1, w2, b: the single unit's starting weights and bias (1, −0.5, 0),
 *   learningRate: the single unit's gradient step (0.1),
 *   point: the single unit's inspected training point, 0-based,
 *   data: Dataset.generate options of the unit's 2-D training set,
 *   units: hidden units of the shallow network, 1 to 16 (6),
 *   target: 'abs' | 'sin' | 'step' | 'points' ('sin'),
 *   points: the learner's starting points [[x, y], …],
 *   autoplay: start training the shallow network at once (false; never with reduced motion),
 *   unit: more options for the single unit (see mountSingleUnit),
 *   hinges: more options for the shallow network (see mountHingeSum),
 *   controls: { hidden: [keys], disabled: [keys] } controls a teacher hides or locks
 *     (NEURON_CONTROL_KEYS; unknown keys are ignored),
 *   onStateChange(state): called after the learner changes a setting, once the changes settle
 *     (not per pixel of a slider drag), with getState()'s object,
 *   loop: a frame loop to share; the screen makes its own otherwise,
 *   idPrefix: prefix for element ids (unique per instance)
 * }
 * Malformed values are ignored and out-of-range ones clamped.
 * Returns {
 *   destroy(),
 *   getState(): { w1, w2, b, learningRate, point, target, units, points }, a copy (the same
 *     names as the options; points are the learner's own [[x, y], …], kept whatever the target),
 *   setState(partial): change any of those fields and show them; returns the fields ignored.
 *     setState(getState()) changes nothing. Training progress is not part of the state.
 *   redraw(): read the colours from CSS again and repaint (after a theme change),
 *   play(), pause(): train the sum of hinges, or stop
 * }
 */
export function mountNeuronScreen(element, options = {}) {
  const prefix = options.idPrefix ?? `neuron-${Math.random().toString(36).slice(2, 8)}`;
  const ownLoop = !options.loop;
  const loop = options.loop ?? createFrameLoop();
  const pick = (keys) =>
    Object.fromEntries(keys.filter((key) => options[key] !== undefined).map((key) => [key, options[key]]));
  const locks = resolveControls(options.controls, CONTROL_GROUPS);
  const noteId = `${prefix}-locked`;
  // The parts report the learner's changes here; the notifier exists once both are mounted.
  let notifier = null;
  const onChange = () => notifier?.notify();

  element.innerHTML = `
    <div class="nu-screen">
      <section class="screen-section" aria-labelledby="${prefix}-unit-title">
        <h2 id="${prefix}-unit-title">One ReLU unit: a hinge on the plane</h2>
        <div class="nu-intro">
          <p>A unit weighs its two inputs, adds a bias, and passes the sum z through ReLU:</p>
          ${UNIT_MATH}
          <p>The line w\u00b7x + b = 0 splits the plane. On the side the arrow w points to, z > 0:
          the unit is <strong>active</strong>, its output grows in a straight ramp, and its
          slope is 1, so gradient flows back to w\u2081, w\u2082 and b. On the other side
          (hatched) it outputs 0 and its slope is 0: no gradient. Here the unit feeds a fixed
          read-out, p = \u03c3(a \u2212 2), the chance that a point is class 1, trained with
          cross-entropy. Push b down until every point is on the hatched side: the unit is
          <strong>dead</strong>, and a gradient step no longer moves it.</p>
        </div>
        <div data-part="unit"></div>
      </section>

      <section class="screen-section" aria-labelledby="${prefix}-hinges-title">
        <h2 id="${prefix}-hinges-title">A network as a sum of hinges</h2>
        <div class="nu-intro">
          <p>With one input, each ReLU unit is a hinge: flat on one side of x = \u2212b/w and a
          straight ramp on the other. A layer of them with a linear output adds the hinges up:</p>
          ${SUM_MATH}
          <p>So the network\u2019s output is piecewise linear: straight between hinges, bending
          only where a unit switches on or off. More units, more possible bends. Train it and
          watch the hinges move to where the target bends. A unit whose flat side covers the
          whole domain is dead there: a flat line that adds nothing and gets no gradient.</p>
        </div>
        <div data-part="hinges"></div>
      </section>
      ${lockNoteHtml(locks, noteId)}
    </div>`;

  let unit = null;
  let hinges = null;
  try {
    unit = mountSingleUnit(element.querySelector('[data-part="unit"]'), {
      ...pick(['w1', 'w2', 'b', 'learningRate', 'point', 'data']),
      ...options.unit,
      loop,
      locks,
      onChange,
      idPrefix: `${prefix}-unit`,
    });
    hinges = mountHingeSum(element.querySelector('[data-part="hinges"]'), {
      ...pick(['units', 'target', 'points', 'autoplay']),
      ...options.hinges,
      loop,
      locks,
      onChange,
      idPrefix: `${prefix}-hinges`,
    });
  } catch (error) {
    unit?.destroy();
    if (ownLoop) loop.destroy();
    throw error;
  }
  applyControlLocks(element, locks, noteId);

  const getState = () => ({ ...unit.getState(), ...hinges.getState() });
  notifier = createStateNotifier(getState, options.onStateChange);

  return {
    getState,
    setState(partial) {
      if (!isPlainObject(partial)) return ['state'];
      const problems = Object.keys(partial)
        .filter((key) => !NEURON_STATE_KEYS.includes(key))
        .map((key) => key.slice(0, 24));
      const part = (keys) => Object.fromEntries(keys.filter((key) => key in partial).map((key) => [key, partial[key]]));
      problems.push(...unit.setState(part(UNIT_STATE_KEYS)), ...hinges.setState(part(HINGE_STATE_KEYS)));
      notifier.sync();
      return problems;
    },
    redraw() {
      unit.redraw();
      hinges.redraw();
    },
    play() {
      hinges.play();
    },
    pause() {
      hinges.pause();
    },
    destroy() {
      notifier.stop();
      hinges.destroy();
      unit.destroy();
      if (ownLoop) loop.destroy();
      element.replaceChildren();
    },
  };
}
