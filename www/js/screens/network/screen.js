// Screen: the network playground. A network trains live on a 2-D data set; the learner
// changes the data, the network and the training, and watches the decision map, every unit's
// activation map, dead and nearly dead units, sparsity and gradient flow per layer, charts
// over time, and one point followed through the forward and backward pass.
//
// mountNetworkScreen(element, options) is a component with no module-level state: several can
// live on one page. This file wires the parts, each in its own file: the markup (template.js),
// the run, the one module that calls the core (run.js), the cadence (cadence.js, with
// ui/training-controls.js for play, step, reset and reduced motion), one frame read from the run
// (snapshot.js) and drawn (render.js), the unit events (events.js, event-log.js), the address
// (hash-sync.js), the controls (controls.js, actions.js), the inspected point (inspect.js), the
// unit shown in the big map (unit-selection.js) and the views (views/, heatmap.js, charts.js).
// The frame loop (createFrameLoop) is the only caller of requestAnimationFrame. Start-up is
// spread over several frames (see startSteps).
//
// Requires `await init()` of ../../../pkg/relu_lab.js before mounting.
import { applyControlLocks, resolveControls } from '../../ui/lesson-controls.js';
import { createFrameLoop } from '../../ui/loop.js';
import { watchMedia, watchVisible } from '../../ui/observe.js';
import { addPoint, createActions } from './actions.js';
import { createCharts } from './charts.js';
import { createScreenContext } from './context.js';
import { bindControls, CONTROL_KEYS } from './controls.js';
import { createHashSync, showLinkProblems, startState } from './hash-sync.js';
import { createHeatmap } from './heatmap.js';
import { createPointInspection } from './inspect.js';
import { createPanels } from './panels.js';
import { createPlayback } from './playback.js';
import { createSettings } from './settings.js';
import { screenHtml, screenParts } from './template.js';
import { createUnitSelection } from './unit-selection.js';
import { createViews } from './views.js';
import { cloneState, defaultState, DOMAIN, mergeState, presetState } from './state.js';

/** Every control key stands for its own group (options.controls, lesson-controls.js). */
const CONTROL_GROUPS = Object.freeze(Object.fromEntries(CONTROL_KEYS.map((key) => [key, [key]])));

/** options.controls → locks; unknown keys are refused (they are a page's mistake). */
function screenLocks(controls, useHash) {
  const listed = (list) => (typeof list === 'string' ? list.split(/[\s,]+/).filter(Boolean) : Array.isArray(list) ? list : []);
  for (const key of [...listed(controls?.hidden), ...listed(controls?.disabled)]) {
    if (!CONTROL_KEYS.includes(String(key).trim().toLowerCase())) {
      throw new Error(`controls: unknown key "${key}"; one of ${CONTROL_KEYS.join(', ')}`);
    }
  }
  // Without the hash there is no link to copy.
  const hidden = [...listed(controls?.hidden), ...(useHash ? [] : ['share'])];
  return resolveControls({ hidden, disabled: listed(controls?.disabled) }, CONTROL_GROUPS);
}

/**
 * Mount the screen into `element`.
 * options: {
 *   useHash: read and write the settings in the URL hash (true; false when embedded),
 *   state: a partial state to start from when the hash gives none (or always, without hash),
 *   preset: a preset id to start from (instead of `state`),
 *   autoplay: start playing (default: unless the user prefers reduced motion),
 *   controls: { hidden: [keys], disabled: [keys] } (keys: CONTROL_KEYS),
 *   resolution: the grid side for every map (100),
 *   loop: a shared frame loop (one is created otherwise),
 *   idPrefix: prefix for element ids (unique per instance),
 *   remember: a name to remember the guide's "seen" under (localStorage, the embed's
 *     `remember`); without it nothing is stored and the guide opens when the screen starts
 *     from its defaults,
 *   onStateChange(state): called with a copy of the settings after the learner changed them
 *     (a control, a preset, a button such as New seed; not setState, not every frame)
 * }
 * Returns { destroy(), getState(), setState(partial), play(), pause(), redraw(), summary }.
 */
export function mountNetworkScreen(element, options = {}) {
  const idPrefix = options.idPrefix ?? `nw-${Math.random().toString(36).slice(2, 8)}`;
  const id = (name) => `${idPrefix}-${name}`;
  const useHash = options.useHash ?? true;
  const resolution = options.resolution ?? 100;
  const loop = options.loop ?? createFrameLoop();
  const locks = screenLocks(options.controls, useHash);

  let base = defaultState();
  if (options.preset) base = presetState(options.preset);
  else if (options.state) base = mergeState(base, options.state).state;
  const start = useHash ? startState(base) : { state: base, problems: [] };

  element.innerHTML = screenHtml(id, locks);
  const root = /** @type {HTMLElement} */ (element.querySelector('[data-network-screen]'));
  const parts = { root, ...screenParts(root) };
  const { fields, slots } = parts;

  const screen = createScreenContext(parts, start.state, resolution);
  screen.selection = createUnitSelection({ root, diagramSlot: slots.diagram, heatmapSlot: slots.heatmap, requestRender: () => screen.requestRender() });
  screen.inspection = createPointInspection({
    root,
    fields,
    buttons: parts.buttons,
    inspectorSlot: slots.inspector,
    getTrainSet: () => screen.run.trainSet,
    getTraining: () => screen.training,
    announce: screen.announce,
    requestRender: () => screen.requestRender(),
  });
  screen.heatmap = createHeatmap(slots.heatmap, {
    idPrefix: id('map'),
    domain: DOMAIN,
    requestDraw: () => screen.requestRender(),
    onPick: (picked) => screen.inspection.inspect(picked),
    onAdd: (at) => addPoint(screen, at.x1, at.x2, Number(screen.clickMode)),
    onShowOutput: () => screen.selection.showOutput(),
  });
  screen.charts = createCharts(slots.charts, { idPrefix: id('charts'), requestDraw: () => screen.requestRender() });
  const views = createViews(screen, slots, id);
  // Colours are read on the first frame, when styles are up to date (reading them while
  // mounting would force a style recalculation of the whole new screen in the mounting task).
  const scheme = watchMedia('(prefers-color-scheme: dark)', () => {
    screen.theme = screen.readTheme();
    screen.requestRender();
  });

  const playback = createPlayback(screen, loop, { locks, id, buildView: views.build, mapFirst: useHash });
  const settings = createSettings(screen, { locks, noteId: id('lock-note'), onStateChange: options.onStateChange });

  // The guide opens on a first visit: remembered only with `remember`; otherwise a screen that
  // starts from its defaults (no link, no preset, no state) counts as one.
  const firstVisit = !options.preset && !options.state && (!useHash || window.location.hash.length <= 1);
  screen.panels = createPanels(root, { remember: options.remember ?? null, firstVisit, announce: screen.announce });
  const actions = createActions(screen);
  const stopControls = bindControls(root, {
    change: settings.change,
    action(name, button) {
      // The views have their own buttons (data-action too); only ours are handled here.
      if (slots.diagram.contains(button) || slots.meters.contains(button) || slots.inspector.contains(button)) return;
      actions[name]?.(button);
    },
    mode: (value) => screen.setClickMode(value),
  });
  // Off screen, the unit maps are not even coloured while playing.
  const stopDiagramWatch = watchVisible(slots.diagram, (visible) => {
    screen.diagramInView = visible;
    if (visible) screen.requestRender();
  });
  if (useHash) {
    screen.hashSync = createHashSync({
      getState: () => screen.state,
      onLinkState(state, problems) {
        showLinkProblems(fields.hashNotice, fields.hashNoticeText, problems);
        screen.userState(state);
      },
    });
  }

  // ---- start -------------------------------------------------------------------------------------
  showLinkProblems(fields.hashNotice, fields.hashNoticeText, start.problems);
  applyControlLocks(root, locks, id('lock-note'));
  screen.applyState(screen.state);
  settings.told();
  if (options.autoplay ?? !screen.training.reducedMotion) screen.training.play();

  return {
    destroy() {
      screen.destroyed = true;
      playback.stop();
      screen.hashSync.stop();
      if (!options.loop) loop.destroy();
      stopControls();
      stopDiagramWatch();
      screen.panels.stop();
      screen.selection.stop();
      scheme.stop();
      screen.heatmap.destroy();
      screen.charts.destroy();
      views.destroy();
      screen.run?.free();
      screen.run = null;
      element.replaceChildren();
    },
    /** A copy of the current settings. */
    getState() {
      return cloneState(screen.state);
    },
    /** Change settings (any subset of a state); returns the fields that were refused. */
    setState(partial) {
      const { state: next, problems } = mergeState(screen.state, partial);
      screen.applyState(next);
      settings.told(); // the caller knows: not told back
      return problems;
    },
    play() {
      screen.training.play();
    },
    pause() {
      screen.training.pause();
    },
    /**
     * Read the theme colours from CSS again and repaint every canvas, keeping the run (after
     * the page or an embedding element changed the theme).
     */
    redraw() {
      if (screen.destroyed) return;
      screen.theme = screen.readTheme();
      views.redraw();
      screen.requestRender();
    },
    /** The last frame's numbers (step, losses, accuracy, units), a copy. */
    get summary() {
      return screen.lastSummary ? structuredClone(screen.lastSummary) : null;
    },
  };
}
