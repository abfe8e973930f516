// The Network screen's per-instance context: the one object its parts (playback.js,
// settings.js, render.js, actions.js, views.js) read and write, so that every piece of the
// screen's state has one home and several screens on one page share nothing.
import { announce } from '../../ui/dom.js';
import { readTheme } from '../../ui/theme.js';
import { createCadence } from './cadence.js';
import { createEventBatcher } from './events.js';
import { createFrameReader } from './snapshot.js';

/** The screen's colours beyond the plot tokens (ui/theme.js), for the map and the charts. */
const SCREEN_TOKENS = Object.freeze({
  train: '--nw-train',
  test: '--nw-test',
  dead: '--nw-dead',
  sparsity: '--nw-sparsity',
  died: '--nw-died',
  revived: '--nw-revived',
  highlight: '--nw-highlight',
});

/** @typedef {ReturnType<typeof createScreenContext>} NetworkScreen */

/**
 * A new context for the screen whose markup is `parts` (template.js screenParts, with root),
 * starting from `state`, with maps of `resolution`² cells.
 */
export function createScreenContext(parts, state, resolution) {
  const { root } = parts;
  const screen = {
    root,
    parts,
    state,
    run: null,
    version: 0, // a new one whenever the network is rebuilt or reset
    builtData: '', // the data settings the run was built from
    stopAt: null, // a preset's step count: playing pauses there once
    clickMode: 'inspect', // or '0' / '1': add a point of that class
    destroyed: false,
    pendingMoment: null, // 'step', 'reset', 'pause', 'preset', 'diverged' for the next frame
    diagramInView: true,
    theme: null,
    themeKey: 0,
    lastSummary: null,
    markers: [],
    shownLog: -1, // the event log's version last written
    warned: '', // the learning-rate warning last said ("version:kind")
    described: { key: '', selection: '' },
    views: {},
    reader: createFrameReader(resolution),
    cadence: createCadence(),
    events: createEventBatcher(),
    readTheme() {
      screen.themeKey += 1;
      return readTheme(root, SCREEN_TOKENS);
    },
    announce: (text) => announce(parts.fields.announcer, text),
    // Set by playback.js: the frame task's requestRender, rebuild, resetRun and the training
    // controls; by settings.js: applyState, userState, sync, setClickMode.
    requestRender: () => {},
    rebuild: () => {},
    resetRun: () => {},
    applyState: (_state, _options) => {},
    userState: (_state, _options) => {},
    sync: () => {},
    setClickMode: (_mode) => {},
    training: null,
    selection: null,
    inspection: null,
    heatmap: null,
    charts: null,
    /** The guide and the narrow-screen settings sheet (panels.js). */
    panels: null,
    /** The address (hash-sync.js); writes nothing when the screen does not use the hash. */
    hashSync: { write: (_options = {}) => {}, stop: () => {} },
  };
  return screen;
}
