// The Network screen's settings: making a new state the screen's (rebuilding the run when the
// data or the network changed, writing the address, showing it in the controls), the
// learner's input from the controls, and telling an embedding page (onStateChange).
import { cloneState, activePreset, LIMITS, mergeState, needsRebuild } from './state.js';
import { showSetting, syncControls } from './controls.js';

/**
 * The settings of `screen` (screen.js's context). Sets screen.applyState, screen.userState,
 * screen.sync and screen.setClickMode; returns { change(partial, element), told() }.
 * @param {import('./context.js').NetworkScreen} screen
 * @param {{ locks: any, noteId: string, onStateChange?: (state: object) => void }} options
 */
export function createSettings(screen, { locks, noteId, onStateChange }) {
  const { root, parts } = screen;
  let notified = ''; // the settings onStateChange last told

  /** Tell the embedding page that the learner changed the settings (never per frame). */
  function notifyState() {
    if (!onStateChange || screen.destroyed) return;
    // A select fires both input and change: tell a change once.
    const key = JSON.stringify(screen.state);
    if (key === notified) return;
    notified = key;
    try {
      onStateChange(cloneState(screen.state));
    } catch (error) {
      reportError(error);
    }
  }

  /**
   * Whether going to `next` only switches the activation of a trained network that keeps its
   * weights (the learner's choice), and the run did switch in place (run.js switchActivation).
   */
  function switchedInPlace(next) {
    const before = screen.state;
    if (!screen.run || screen.run.step === 0 || !next.keepWeights) return false;
    const others = (state) => JSON.stringify({ ...state.network, activation: '' });
    if (JSON.stringify(before.data) !== JSON.stringify(next.data) || others(before) !== others(next)) return false;
    if (before.network.activation === next.network.activation) return false;
    const switched = screen.run.switchActivation(next.network.activation);
    if (switched) screen.version += 1; // another layout: views rebuild, statistics are measured
    else screen.announce('This version cannot yet switch the activation in place: the network starts again from step 0 with the new activation.');
    return switched;
  }

  /** Make `next` the state: rebuild if data or network changed, write the hash, show it. */
  function applyState(next, { keepPlaying = true } = {}) {
    const rebuildNeeded = !screen.run || (needsRebuild(screen.state, next) && !switchedInPlace(next));
    screen.state = next;
    if (next.preset && !activePreset(next)) next.preset = null;
    if (rebuildNeeded) {
      const wasPlaying = screen.training.playing;
      const dataKey = JSON.stringify(next.data);
      const dataChanged = dataKey !== screen.builtData;
      screen.rebuild();
      screen.builtData = dataKey;
      if (dataChanged) screen.inspection.stop(false);
      if (keepPlaying && wasPlaying) screen.training.play();
      else screen.training.stop();
    }
    screen.hashSync.write();
    sync();
    screen.requestRender();
  }

  /** applyState for a change the learner made, then tell the page. */
  function userState(next, applyOptions) {
    applyState(next, applyOptions);
    notifyState();
  }

  /** Show the state in the controls (and the locks again: some rows are rebuilt). */
  function sync() {
    const trainCount = screen.run ? screen.run.trainSet.labels.length : 0;
    syncControls(root, screen.state, { activePresetId: activePreset(screen.state)?.id ?? null, trainCount }, locks, noteId);
    parts.fields.inspectIndex.max = String(Math.max(1, trainCount));
    screen.training.refresh();
  }

  /** Clicking the map inspects a point ('inspect') or adds one of class '0' or '1'. */
  function setClickMode(mode) {
    screen.clickMode = mode;
    for (const radio of root.querySelectorAll('input[data-mode]')) {
      /** @type {HTMLInputElement} */ (radio).checked = /** @type {HTMLInputElement} */ (radio).value === mode;
    }
    screen.requestRender();
  }

  Object.assign(screen, { applyState, userState, sync, setClickMode });
  return {
    /** A control changed: `partial` of a state, from `element`. */
    change(partial, element) {
      // Typed numbers out of range are brought into range rather than refused.
      const clampTyped = (group, key, limits) => {
        const value = partial[group]?.[key];
        if (typeof value === 'number' && Number.isFinite(value)) {
          partial[group][key] = Math.min(limits.max, Math.max(limits.min, value));
        }
      };
      clampTyped('train', 'learningRate', LIMITS.learningRate);
      clampTyped('train', 'batchSize', LIMITS.batchSize);
      const { state: next, problems } = mergeState(screen.state, partial);
      if (problems.length === 0) userState(next);
      if (element?.type === 'number') showSetting(element, screen.state);
    },
    /** The page set the state itself (setState) or it is the start: not told back. */
    told() {
      notified = JSON.stringify(screen.state);
    },
  };
}
