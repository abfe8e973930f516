// The Network screen's settings: making a new state the screen's (rebuilding the run when the
// data or the network changed, writing the address, showing it in the controls), the
// learner's input from the controls, switching the activation of a trained network in place
// (and saying so: the event log, the live region, the charts' marks), and telling an
// embedding page (onStateChange).
import { ACTIVATIONS, cloneState, activePreset, LIMITS, mergeState, needsRebuild, scheduleWithSwitch } from './state.js';
import { showSetting, syncControls } from './controls.js';
import { describeEvents, describeSchedule, describeSwitch } from './describe.js';
import { marksOffUnits } from './views/unit-text.js';

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
   * The run switched its activation in place (a scheduled switch while training, or the
   * learner's): the events before it in their old words, then the switch, in the log and the
   * live region, and the new activation in the controls. The charts mark it
   * themselves (followSwitches).
   * @param {import('./run.js').ActivationChange} change
   */
  function noteSwitch(change) {
    if (screen.destroyed) return;
    const marked = change.events.filter((event) => marksOffUnits(change.activations[event.layer]));
    // Said by the next frame (with its own words: a step, a pause), not here, where it would
    // be overwritten at once.
    screen.events.note(describeSwitch(change), {
      events: marked,
      now: performance.now(),
      describe: (batch) => describeEvents(batch, change.activations),
    });
    sync();
    screen.requestRender();
  }

  /**
   * The learner chose `activation` by the control: on a trained network that keeps its weights
   * (the learner's choice), switch every hidden layer in place and add the switch to the
   * schedule, so that the link reproduces the run. Returns false when a new network is the
   * way (step 0, no hidden layer, diverged, or the weights are not kept).
   * @param {string} activation
   */
  function switchInPlace(activation) {
    const { run } = screen;
    if (!run || run.step === 0 || run.diverged || run.hidden.length === 0 || !screen.state.keepWeights) return false;
    if (!ACTIVATIONS.includes(activation)) return false; // mergeState names the problem
    if (activation === run.activation) {
      sync();
      return true;
    }
    const schedule = scheduleWithSwitch(screen.state.schedule, run.step, activation);
    if (!schedule) {
      screen.announce(`A run keeps at most ${LIMITS.schedule.max} switches of activation: this one starts a new network at step 0.`);
      return false;
    }
    const next = cloneState(screen.state);
    next.schedule = schedule;
    if (!run.switchActivation(activation)) return false;
    screen.version += 1; // another network at this step: its grid and statistics are measured again
    userState(next, { inPlace: true });
    return true;
  }

  /**
   * Make `next` the state: rebuild if data, network or schedule changed (unless `inPlace`: the
   * run has already switched), write the hash, show it.
   */
  function applyState(next, { keepPlaying = true, inPlace = false } = {}) {
    const rebuildNeeded = !screen.run || (!inPlace && needsRebuild(screen.state, next));
    screen.state = next;
    if (next.preset && !activePreset(next)) next.preset = null;
    if (rebuildNeeded) {
      const wasPlaying = screen.training.playing;
      const dataKey = JSON.stringify(next.data);
      const dataChanged = dataKey !== screen.builtData;
      screen.rebuild();
      screen.run.onSwitch = noteSwitch;
      screen.run.onReset = sync; // the activation of step 0 again
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
    syncControls(root, screen.state, {
      activePresetId: activePreset(screen.state)?.id ?? null,
      trainCount,
      activation: screen.run?.activation || screen.state.network.activation,
      schedule: describeSchedule(screen.state),
    }, locks, noteId);
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
  // The charts mark the run's switches of activation (run.js keeps them; a reset clears them).
  screen.charts.followSwitches(() => screen.run?.switches() ?? []);
  return {
    /** A control changed: `partial` of a state, from `element`. */
    change(partial, element) {
      // A new activation: switched in place on a trained network, else a new network from
      // step 0 that starts with it and switches no more.
      const activation = partial.network?.activation;
      if (typeof activation === 'string' && Object.keys(partial).length === 1 && Object.keys(partial.network).length === 1) {
        if (switchInPlace(activation)) return;
        partial = { ...partial, schedule: [] };
      }
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
