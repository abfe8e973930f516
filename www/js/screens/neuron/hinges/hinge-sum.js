// Component: a shallow ReLU network on 1-D data, seen as a sum of hinges. 1 to 16 hidden units
// fit a target (|x|, sin πx, a step, or the learner's own points), trained live with play,
// pause, step and reset. One plot shows the fit against the points with every hinge position
// marked; small panels show each unit's scaled hinge; the text counts the linear pieces and
// the dead units. A polite live region speaks on pause, step, reset and changes, never per frame.
//
// This file wires the parts: the state and its network (hinge-controller.js, which alone holds
// the core's model, hinge-model.js), the markup (hinge-template.js), the input
// (hinge-events.js), the views (hinge-views.js) and the shared play/step/reset scaffold
// (ui/training-controls.js).
// Requires `await init()` of ../../../../pkg/relu_lab.js before mounting.
import { formatInteger, formatNumber } from '../../../text/format.js';
import { resolveControls } from '../../../ui/lesson-controls.js';
import { createTrainingControls } from '../../../ui/training-controls.js';
import { createHingeController } from './hinge-controller.js';
import { listenToHingeSum } from './hinge-events.js';
import { MAX_POINTS, boxedPoint, unitCount } from './hinge-state.js';
import { hingeSumHtml } from './hinge-template.js';
import { createHingeView } from './hinge-views.js';

/**
 * The points editor's actions on `hinges` (the controller): add a point (from the plot or typed),
 * remove the last, clear them all; each calls `changed(event)` and says what happened.
 */
function pointEditing(hinges, view, changed) {
  function addPoint(x, y) {
    if (hinges.points.length >= MAX_POINTS) {
      view.say(`At most ${MAX_POINTS} points.`);
      return;
    }
    const point = boxedPoint(x, y);
    hinges.setPoints([...hinges.points, point]);
    changed(null);
    view.say(`Point added at x = ${formatNumber(point[0], 3)}, y = ${formatNumber(point[1], 3)}: ${hinges.points.length} points.`);
  }
  return {
    addPoint,
    addTypedPoint(x, y) {
      if (!Number.isFinite(x) || !Number.isFinite(y)) view.say('Type a number for both x and y.');
      else addPoint(x, y);
    },
    removePoint() {
      if (!hinges.points.length) return;
      hinges.setPoints(hinges.points.slice(0, -1));
      changed('points');
    },
    clearPoints() {
      hinges.setPoints([]);
      changed('points');
    },
  };
}

/**
 * Mount the component into `element`.
 * options: {
 *   loop: the page's frame loop, required,
 *   units: hidden units, 1 to 16 (6),
 *   target: 'abs' | 'sin' | 'step' | 'points' ('sin'),
 *   points: [[x, y], …] the learner's starting points (DEFAULT_POINTS),
 *   data, network, train: see createHingeModel,
 *   stepsPerFrame: training steps per frame while playing (5),
 *   stepSize: steps the Step button trains (25),
 *   autoplay: start playing (false; never with reduced motion),
 *   locks: resolveControls(…) of the screen (applied to the markup by the screen; here they keep
 *     locked buttons disabled, a hidden points editor hidden, and the plot from taking points),
 *   onChange(): called after each change of the state by the learner (the screen debounces),
 *   idPrefix: prefix for element ids
 * }
 * Returns { destroy(), getState(), setState(partial), redraw(), play(), pause() }: the state is
 * { target, units, points }.
 */
export function mountHingeSum(element, options) {
  const { loop } = options;
  const stepsPerFrame = options.stepsPerFrame ?? 5;
  const stepSize = options.stepSize ?? 25;
  const locks = options.locks ?? resolveControls(null, {});
  const userChanged = typeof options.onChange === 'function' ? options.onChange : () => {};
  const hinges = createHingeController(options);

  element.innerHTML = hingeSumHtml({
    prefix: options.idPrefix,
    target: hinges.target,
    units: hinges.units,
    stepSize,
    optimizer: options.train?.optimizer ?? 'adam',
    learningRate: options.train?.learningRate ?? 0.01,
  });
  const view = createHingeView(element, { loop, locks });

  const training = createTrainingControls(element, {
    loop,
    frame,
    canTrain: hinges.canTrain,
    locks,
    lockKeys: { play: 'play', step: 'train-step' },
    onPause: () => view.describe(hinges, 'pause'),
    onStep() {
      hinges.advance(stepSize);
      view.show(hinges);
      if (hinges.snapshot.diverged) stopDiverged();
      else view.describe(hinges, 'step');
    },
    onReset() {
      hinges.reset();
      changed('reset');
      training.hideDiverged();
    },
  });

  function stopDiverged() {
    training.showDiverged();
    training.refresh();
    view.say(`Training stopped at step ${formatInteger(hinges.snapshot.step)}: it diverged. Press Reset.`);
  }

  /** While playing: train on the frames the cadence says, and show the result at once. */
  function frame() {
    if (!training.playing) return;
    if (training.tick()) {
      hinges.advance(stepsPerFrame * training.framesPerUpdate);
      view.show(hinges, { immediately: true });
      if (hinges.snapshot.diverged) {
        stopDiverged();
        return;
      }
    }
    loop.request(frame);
  }

  /** After data or network changes: measure, redraw, describe (`event`: what to say). */
  function changed(event) {
    if (!hinges.hasData) training.stop();
    hinges.measure();
    view.show(hinges);
    view.showEditor(hinges);
    training.refresh();
    view.describe(hinges, event);
  }

  function setUnits(value, source) {
    const units = unitCount(value);
    view.showUnits(units, source);
    if (!hinges.setUnits(units)) return;
    training.hideDiverged();
    changed('units');
  }

  const stopListening = listenToHingeSum(
    { element, fitCanvas: view.fitCanvas },
    {
      domain: hinges.model.domain,
      target: () => hinges.target,
      units: () => hinges.units,
      fitWidth: view.fitWidth,
      drawLocked: () => locks.blocked('draw'),
      setTarget(value) {
        hinges.setTarget(value);
        changed('target');
      },
      setUnits,
      ...pointEditing(hinges, view, changed),
      changed: userChanged,
    },
  );

  changed(null);
  if (options.autoplay && !training.reducedMotion) training.play();

  return {
    /** { target, units, points }: points are the learner's, kept whichever target is shown. */
    getState: () => hinges.getState(),
    /**
     * Change any of those fields (hinge-state.js mergeHingeState); returns the ones ignored or
     * partly ignored. Like the controls: a new target keeps training the same network, a new
     * unit count starts a new one at step 0.
     */
    setState(partial) {
      const { problems, dataChanged, unitsChanged, pointsChanged } = hinges.apply(partial);
      view.showTarget(hinges.target);
      view.showUnits(hinges.units, null);
      if (unitsChanged) training.hideDiverged();
      if (dataChanged || unitsChanged) changed(unitsChanged ? 'units' : 'target');
      else if (pointsChanged) {
        view.showEditor(hinges);
        training.refresh();
      }
      return problems;
    },
    redraw: view.recolor,
    /** Start training, unless there is nothing to fit or it diverged (press Reset). */
    play() {
      training.play();
    },
    pause() {
      training.pause();
    },
    destroy() {
      training.stop();
      training.destroy();
      loop.cancel(frame);
      stopListening();
      view.destroy();
      hinges.free();
      element.replaceChildren();
    },
  };
}
