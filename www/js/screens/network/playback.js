// Playing the Network screen's run: the frame task (start-up steps, training per frame within
// the cadence, drawing), the play / step / reset controls (ui/training-controls.js), and
// building, rebuilding and resetting the run.
import { applyControlLocks } from '../../ui/lesson-controls.js';
import { createTrainingControls } from '../../ui/training-controls.js';
import { renderSettings } from './controls-markup.js';
import { renderEventLog } from './event-log.js';
import { FASTEST_SPEED, stepsPerCall } from './cadence.js';
import { renderFrame } from './render.js';
import { createRun } from './run.js';
import { activePreset, trainOptions } from './state.js';

/**
 * The playback of `screen` (screen.js's context) on the frame loop `loop`. Sets
 * screen.training, screen.requestRender, screen.rebuild and screen.resetRun, and returns
 * { frame, stop() }.
 * @param {import('./context.js').NetworkScreen} screen
 * @param {{ request(task: (now: number) => void): void, cancel(task: (now: number) => void): void }} loop
 * @param {{ locks: any, id: (name: string) => string, buildView: (name: string) => void, mapFirst?: boolean }} options
 *   (mapFirst: the views built later do not sit above the big map: the screen's own page)
 */
export function createPlayback(screen, loop, { locks, id, buildView, mapFirst = false }) {
  const { root, parts } = screen;

  // Start-up, spread over frames so that no task is long: the page first lays out what is
  // mounted, then the settings and each view are built (and the address gets the full
  // settings), the first evaluation made and the views drawn for the first time (code runs
  // slowly the first time), one step per frame. The first full frame after them does not train.
  // On the screen's own page (`mapFirst`: the views built later do not sit above the big map
  // there) the first evaluation and the map come first, so the learner sees a picture sooner (issue
  // 13: the map in the third frame, not the tenth); in an embed the map waits for them (drawn first
  // there, it measured a layout shift of 0.04 against the 0.02 allowed: production.spec.mjs).
  // There the settings too come after the map, in a frame of their own: written in the first
  // frame, their layout joined the first layout of the whole screen, and the map's frame painted
  // them (the page's longest tasks at load, issue 13). The big map never needs the unit maps
  // (unless a unit is selected), so its frame does not colour them; the diagram's frames do.
  const settings = () => {
    parts.slots.settings.innerHTML = renderSettings(id);
    applyControlLocks(root, locks, id('lock-note'));
    screen.sync();
  };
  const measure = (now) => {
    screen.reader.grid(screen.run, screen.version);
    screen.reader.measure(screen.run, screen.version, now);
  };
  const drawMap = (now) => renderFrame(screen, null, now, { views: ['heatmap'], pictures: screen.selection.selected !== null });
  const buildViews = [
    () => buildView('diagram'),
    () => buildView('meters'),
    () => {
      buildView('inspector'); // hidden: nothing to lay out
      screen.hashSync.write({ now: true });
    },
  ];
  const drawViews = [
    (now) => renderFrame(screen, null, now, { views: ['diagram'], pictures: false }),
    (now) => renderFrame(screen, null, now, { views: ['diagram'] }),
    (now) => renderFrame(screen, null, now, { views: ['meters', 'inspector'] }),
  ];
  const startSteps = mapFirst
    ? [() => {}, measure, drawMap, settings, ...buildViews, ...drawViews]
    : [() => {}, settings, ...buildViews, measure, ...drawViews, drawMap];
  let startStep = 0;

  /** The most steps one train call may take on the run's network (cadence.js stepsPerCall). */
  function callLimit() {
    const { run, state } = screen;
    const params = run.layout.reduce((most, layer) => Math.max(most, layer.biases + layer.fanOut, (layer.slopes ?? 0) + layer.fanOut), 0);
    const batch = Math.min(state.train.batchSize, run.trainSet.labels.length);
    return stepsPerCall({ params, units: run.unitCount, batch });
  }

  /** Train this frame's steps while playing; returns the moment it reached, if any. */
  function trainFrame(now) {
    const { training, run, state } = screen;
    const options = trainOptions(state);
    const train = (count) => run.train(count, options);
    const step = () => run.step;
    let result;
    if (state.stepsPerFrame === FASTEST_SPEED) {
      screen.cadence.frameAt(now);
      result = screen.cadence.trainFor({ callLimit: callLimit(), stopAt: screen.stopAt, train, step });
    } else {
      const pace = { stepsPerFrame: state.stepsPerFrame, framesPerUpdate: training.framesPerUpdate, stopAt: screen.stopAt };
      const steps = screen.cadence.stepsDue({ ...pace, step: run.step });
      result = screen.cadence.train(steps, { ...pace, callLimit: callLimit(), train, step });
    }
    if (result.diverged) {
      training.stop();
      return 'diverged';
    }
    if (screen.stopAt !== null && run.step >= screen.stopAt) {
      screen.stopAt = null;
      screen.cadence.forget();
      training.stop();
      return 'preset';
    }
    return null;
  }

  function frame(now) {
    if (screen.destroyed) return;
    if (startStep < startSteps.length) {
      startSteps[startStep](now);
      startStep += 1;
      loop.request(frame);
      return;
    }
    let moment = screen.pendingMoment;
    screen.pendingMoment = null;
    const { training } = screen;
    if (training.playing) {
      // The top speed trains on every frame, reduced motion or not (each frame's task stays
      // short); the others on the frames that draw, as many frames' steps as they stand for.
      const update = training.tick();
      if (update || screen.state.stepsPerFrame === FASTEST_SPEED) moment = trainFrame(now) ?? moment;
      if (!update && moment === null) {
        if (training.playing) loop.request(frame);
        return;
      }
    }
    renderFrame(screen, moment, now);
    screen.cadence.frameDrawn();
    if (training.playing) loop.request(frame);
  }

  const requestRender = () => {
    if (!screen.destroyed) loop.request(frame);
  };

  /** What every new network or reset forgets: owed steps, events, the diverged notice. */
  function forgetRun() {
    screen.version += 1;
    screen.cadence.forget();
    screen.events.reset();
    screen.markers = [];
    renderEventLog(parts.fields.eventLog, screen.events.log);
    screen.training.refresh();
    screen.training.hideDiverged();
  }

  /** A new run of the settings (they changed the data or the network). */
  function rebuild() {
    screen.run?.free();
    screen.run = createRun(screen.state);
    forgetRun();
    const preset = activePreset(screen.state);
    screen.stopAt = preset ? preset.steps : null;
    screen.inspection.restart();
    screen.selection.keepIn(screen.run.hidden);
  }

  /** Back to step 0 with the same settings (Reset, or a preset already shown). */
  function resetRun() {
    screen.run.reset();
    forgetRun();
  }

  screen.training = createTrainingControls(root, {
    loop,
    frame,
    canTrain: () => Boolean(screen.run && !screen.run.diverged && screen.run.hasData),
    locks,
    onPause() {
      screen.pendingMoment = 'pause';
      requestRender();
    },
    onStep() {
      const { run } = screen;
      if (!run.hasData || run.diverged) return;
      screen.stopAt = null;
      const result = run.train(1, trainOptions(screen.state));
      screen.pendingMoment = result.diverged ? 'diverged' : 'step';
      requestRender();
    },
    onReset() {
      resetRun();
      const preset = activePreset(screen.state);
      screen.stopAt = preset ? preset.steps : null;
      screen.pendingMoment = 'reset';
      requestRender();
    },
    onPlayingChange(playing) {
      root.dataset.playing = String(playing);
      screen.inspection.playingChanged(playing);
    },
  });
  Object.assign(screen, { requestRender, rebuild, resetRun });

  return {
    frame,
    stop() {
      screen.training.destroy();
      loop.cancel(frame);
    },
  };
}
