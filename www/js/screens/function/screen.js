// Screen: activation functions up close. Plot any of the core's activations with their slopes
// on a shared x axis, move a probe along x (pointer or keyboard) to read f(x) and f'(x), zoom
// from ±2 to ±1000 to see which functions flatten, look at ReLU's corner at 0, read the
// formulas, and time one evaluation of each function in this browser.
//
// This file wires the parts: the state (state.js), the core (model.js), the markup
// (views/template.js), the input (events.js) and the views. A mountable component with no
// module-level state: several can live on one page. A teacher can hide or lock its controls by
// key (FUNCTION_CONTROL_KEYS); a host can read and change its settings as one plain object
// (getState, setState) and hear about the learner's changes (onStateChange).
// Requires `await init()` of ../../../pkg/relu_lab.js before mounting.
import { applyControlLocks, createStateNotifier, resolveControls } from '../../ui/lesson-controls.js';
import { createFrameLoop } from '../../ui/loop.js';
import { watchMedia, watchScrollable } from '../../ui/observe.js';
import { createLinkControls, createUrlSync } from '../../ui/url-state.js';
import { listenToFunctionScreen } from './events.js';
import { createFunctionModel } from './model.js';
import {
  CONTROL_GROUPS,
  FUNCTION_SCREEN_DEFAULTS,
  clamp,
  copyState,
  decodeFunctionQuery,
  functionQuery,
  mergeFunctionState,
  parameterSpec,
  snapProbe,
  stateFromOptions,
} from './state.js';
import { showControls, showParameter } from './views/controls.js';
import { showFormulas } from './views/formulas.js';
import { createPlotView } from './views/plot.js';
import { createReadoutView } from './views/readout.js';
import { functionScreenHtml } from './views/template.js';
import { createTimingView } from './views/timing.js';

export { FUNCTION_CONTROL_KEYS, FUNCTION_SCREEN_DEFAULTS, FUNCTION_STATE_KEYS, RANGES, mergeFunctionState } from './state.js';

/** What the status says after "Copy link". */
const COPIED = 'Link copied: it opens this screen with these settings.';

/**
 * The state to start from: the options' (checked), then with `useUrl` a link's fields over
 * them: { state, problems } (the link's fields that could not be used).
 */
function startState(options, available, useUrl) {
  const state = mergeFunctionState(FUNCTION_SCREEN_DEFAULTS, stateFromOptions(options), available).state;
  return useUrl ? decodeFunctionQuery(window.location.search, state, available) : { state, problems: [] };
}

/**
 * With `useUrl`, the state kept in the page's query string (written after every change) and
 * the link controls, showing `problems` (the link's fields that could not be used); without,
 * nothing: { write(), stop() }.
 */
function keepInUrl(element, useUrl, getState, problems) {
  if (!useUrl) return { write() {}, stop() {} };
  const sync = createUrlSync({ part: 'search', encode: () => functionQuery(getState()) });
  const controls = createLinkControls(element, { sync, copied: COPIED });
  controls.showProblems(problems);
  return {
    write: () => sync.write(),
    stop() {
      sync.stop();
      controls.stop();
    },
  };
}

/**
 * Mount the screen into `element`.
 * options (all optional): {
 *   functions: activation names plotted at the start (['relu', 'sigmoid', 'tanh']),
 *   range: half-width of the x range, 2 to 1000 (5; snapped to the zoom ladder),
 *   probe: the probe's starting x (1),
 *   slope, eluAlpha, preluSlope, reluAtZero: activation options (0.01, 1, 0.25, 0),
 *   controls: { hidden: [keys], disabled: [keys] } controls a teacher hides or locks
 *     (FUNCTION_CONTROL_KEYS; unknown keys are ignored),
 *   onStateChange(state): called after the learner changes a setting, once the changes settle
 *     (not per pixel of a drag), with getState()'s object,
 *   useUrl: keep the state in the page's query string, with a "Copy link" button (false: an
 *     embed or a screen sharing its page leaves the address alone; function.html sets it).
 *     The query's fields (the same names; functions comma-separated) win over the options;
 *     fields it holds that cannot be used are named in a notice. One such screen per page.
 *   loop: a frame loop to share (createFrameLoop); the screen makes its own otherwise,
 *   idPrefix: prefix for element ids (unique per instance)
 * }
 * Out-of-range options are clamped; unknown function names and malformed values are ignored.
 * Returns {
 *   destroy(),
 *   getState(): { functions, range, probe, slope, eluAlpha, preluSlope, reluAtZero }, a copy
 *     (the same fields as the options),
 *   setState(partial): change any of those fields (checked as mergeFunctionState does) and
 *     show them; returns the fields ignored. setState(getState()) changes nothing.
 *   redraw(): read the colours from CSS again and repaint (after a theme change)
 * }
 */
export function mountFunctionScreen(element, options = {}) {
  const prefix = options.idPrefix ?? `fn-${Math.random().toString(36).slice(2, 8)}`;
  const ownLoop = !options.loop;
  const loop = options.loop ?? createFrameLoop();
  const model = createFunctionModel();
  const { available } = model;
  const useUrl = options.useUrl === true;
  const start = startState(options, available, useUrl);
  let state = start.state;
  const locks = resolveControls(options.controls, CONTROL_GROUPS);
  const noteId = `${prefix}-locked`;

  element.innerHTML = functionScreenHtml({ prefix, state, available, locks, noteId, link: useUrl });
  const $ = (selector) => element.querySelector(selector);
  const canvas = $('canvas');
  const holder = $('[data-part="holder"]');
  const track = $('[data-part="track"]');
  const probe = $('[data-part="probe"]');
  applyControlLocks(element, locks, noteId);
  // A probe the learner cannot move: the plot is not a drag surface either.
  if (locks.blocked('probe')) holder.dataset.probe = 'fixed';

  const plot = createPlotView({ host: element.firstElementChild ?? element, canvas, holder, track, probe, shadeNegative: !locks.hidden.has('negative') });
  const readout = createReadoutView(element, { probe, canvas });
  const timing = createTimingView(element);
  const formulasHost = $('[data-part="formulas"]');
  let curves = [];
  let points = [];
  let dragging = false;

  const draw = () => plot.draw(curves, points, state);

  /** The probe's readout; spoken unless the learner is dragging it. */
  function showProbe() {
    points = model.probeValues(state.functions, state);
    readout.showProbe(points, state, { speak: !dragging });
  }

  /** Everything that depends on the curves: resample, redraw, and the texts. */
  function refresh({ formulas = false } = {}) {
    curves = model.sampleCurves(state.functions, state);
    showProbe();
    readout.showFlat(curves, state);
    readout.showNegative(curves, state);
    readout.showZero(model.reluSlopesAtZero(state));
    if (formulas) showFormulas(formulasHost, state);
    loop.request(draw);
  }

  function update(partial, refreshOptions) {
    state = { ...state, ...partial };
    refresh(refreshOptions);
  }

  const stopListening = listenToFunctionScreen(
    { element, canvas, track, probe },
    {
      state: () => state,
      probeLocked: () => locks.blocked('probe'),
      xAt: (clientX) => plot.xAt(clientX, state.range),
      toggleFunction(name, on) {
        const wanted = new Set(state.functions);
        if (on) wanted.add(name);
        else wanted.delete(name);
        update({ functions: available.filter((each) => wanted.has(each)) }, { formulas: true });
      },
      setConvention(value) {
        update({ reluAtZero: value }, { formulas: true });
      },
      setParameter(key, raw, source) {
        const spec = parameterSpec(key);
        const value = Number.isFinite(raw) ? clamp(raw, spec.min, spec.max) : state[key];
        showParameter(element, key, value, source);
        update({ [key]: value }, { formulas: true });
      },
      setRange(range) {
        readout.showRange(range);
        update({ range, probe: clamp(state.probe, -range, range) });
      },
      moveProbe(x, { dragging: byDrag }) {
        dragging = byDrag;
        state = { ...state, probe: snapProbe(x, state.range) };
        showProbe();
        if (!byDrag) readout.showFlat(curves, state);
        loop.request(draw);
      },
      endDrag() {
        dragging = false;
        showProbe();
        readout.showFlat(curves, state);
      },
      probeToZero() {
        this.moveProbe(0, { dragging: false });
      },
      measure: () => timing.toggle((run) => model.measureAll(state, run)),
      changed() {
        notifier.notify();
        address.write();
      },
    },
  );

  const stopResize = plot.watch(() => loop.request(draw));
  // A small frame's layout (css/embed.css, compact) may make the values at the probe scroll.
  const stopScrollable = watchScrollable($('[data-part="readout-box"]'), 'Values at the probe');
  const redraw = () => {
    plot.recolor();
    loop.request(draw);
  };
  const scheme = watchMedia('(prefers-color-scheme: dark)', redraw);

  const getState = () => copyState(state);

  function setState(partial) {
    const { state: next, problems } = mergeFunctionState(state, partial, available);
    if (JSON.stringify(next) !== JSON.stringify(state)) {
      state = next;
      showControls(element, state);
      readout.showRange(state.range);
      refresh({ formulas: true });
      address.write();
    }
    notifier.sync();
    return problems;
  }

  readout.showRange(state.range);
  refresh({ formulas: true });
  const notifier = createStateNotifier(getState, options.onStateChange);
  const address = keepInUrl(element, useUrl, getState, start.problems);

  return {
    getState,
    setState,
    redraw,
    destroy() {
      notifier.stop();
      address.stop();
      timing.stop();
      loop.cancel(draw);
      if (ownLoop) loop.destroy();
      stopListening();
      stopResize();
      stopScrollable();
      scheme.stop();
      element.replaceChildren();
    },
  };
}
