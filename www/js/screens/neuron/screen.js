// Screen: inside one unit. First a single ReLU unit on the plane (its hinge line, its dead
// side, its gradient, one gradient step at a time: unit/), then a shallow network on the line
// seen as a sum of hinges (hinges/). Each part has its own core module, state, markup and
// views; this file wires them: the markup (template.js), the lesson's hidden and locked
// controls, one frame loop (unless given one) and one state for a host (state.js).
//
// A mountable component with no module-level state: several can live on one page. A teacher
// can hide or lock its controls by key (NEURON_CONTROL_KEYS); a host can read and change its
// settings as one plain object (getState, setState) and hear about the learner's changes
// (onStateChange).
// Requires `await init()` of ../../../pkg/relu_lab.js before mounting.
import { applyControlLocks, createStateNotifier, isPlainObject, resolveControls } from '../../ui/lesson-controls.js';
import { createFrameLoop } from '../../ui/loop.js';
import { createLinkControls, createUrlSync } from '../../ui/url-state.js';
import { mountHingeSum } from './hinges/hinge-sum.js';
import { CONTROL_GROUPS, HINGE_STATE_KEYS, NEURON_STATE_KEYS, UNIT_STATE_KEYS, decodeNeuronQuery, neuronQuery } from './state.js';
import { neuronScreenHtml } from './template.js';
import { mountSingleUnit } from './unit/single-unit.js';

export { NEURON_CONTROL_KEYS, NEURON_SCREEN_DEFAULTS, NEURON_STATE_KEYS } from './state.js';

/** What the status says after "Copy link". */
const COPIED = 'Link copied: it opens this screen with these settings (training starts again from step 0).';

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
 *   useUrl: keep the state in the page's query string, with a "Copy link" button (false: an
 *     embed or a screen sharing its page leaves the address alone; neuron.html sets it).
 *     The query's fields (the same names; points as x:y,x:y) win over the options; fields it
 *     holds that cannot be used are named in a notice. One such screen per page.
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
  const locks = resolveControls(options.controls, CONTROL_GROUPS);
  const noteId = `${prefix}-locked`;
  const useUrl = options.useUrl === true;
  // A link's fields win over the options; they are the parts' starting values, so "Back to
  // the start" returns to the link's weights.
  const fromLink = useUrl ? decodeNeuronQuery(window.location.search) : { partial: {}, problems: [] };
  const start = { ...options, ...fromLink.partial };
  const pick = (keys) => Object.fromEntries(keys.filter((key) => start[key] !== undefined).map((key) => [key, start[key]]));
  /** The address (createUrlSync) while the state is kept there. */
  let sync = null;
  // The parts report the learner's changes here; the notifier exists once both are mounted.
  let notifier = null;
  const onChange = () => {
    notifier?.notify();
    sync?.write();
  };

  element.innerHTML = neuronScreenHtml({ prefix, locks, noteId, link: useUrl });

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

  /** Change any fields of the state (each part checks its own); returns the fields ignored. */
  function applyState(partial) {
    if (!isPlainObject(partial)) return ['state'];
    const problems = Object.keys(partial)
      .filter((key) => !NEURON_STATE_KEYS.includes(key))
      .map((key) => key.slice(0, 24));
    const part = (keys) => Object.fromEntries(keys.filter((key) => key in partial).map((key) => [key, partial[key]]));
    problems.push(...unit.setState(part(UNIT_STATE_KEYS)), ...hinges.setState(part(HINGE_STATE_KEYS)));
    return problems;
  }

  // What the link held that could not be used is named (applying it again changes nothing).
  let link = null;
  if (useUrl) {
    const problems = [...fromLink.problems, ...applyState(fromLink.partial)];
    sync = createUrlSync({ part: 'search', encode: () => neuronQuery(getState()) });
    link = createLinkControls(element, { sync, copied: COPIED });
    link.showProblems(problems);
  }
  notifier = createStateNotifier(getState, options.onStateChange);

  return {
    getState,
    setState(partial) {
      const problems = applyState(partial);
      notifier.sync();
      sync?.write();
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
      sync?.stop();
      link?.stop();
      hinges.destroy();
      unit.destroy();
      if (ownLoop) loop.destroy();
      element.replaceChildren();
    },
  };
}
