// Component: one ReLU unit on the plane. Sliders and number fields set w1, w2 and b; the plane
// shows the unit's output as a heatmap, the inactive half hatched, the hinge line and the arrow
// of w, with the training points. A table gives the core's forward and backward pass at one
// training point and the gradient over the whole set; a button takes one gradient step. When
// every training point is on the inactive side the unit is dead: the screen says so, and the
// step changes nothing.
//
// This file wires the parts: the core (unit-model.js), the state (unit-state.js), the markup
// (unit-template.js), the input (unit-events.js) and the view (unit-view.js, unit-text.js).
// Requires `await init()` of ../../../../pkg/relu_lab.js before mounting.
import { resolveControls, toNumber } from '../../../ui/lesson-controls.js';
import { createUnitModel } from './unit-model.js';
import { listenToSingleUnit } from './unit-events.js';
import { DEAD_UNIT, UNIT_DEFAULTS, clamp, mergeUnitState, nearestRate, startWeights } from './unit-state.js';
import { singleUnitHtml } from './unit-template.js';
import { lifeChangeText, stepText } from './unit-text.js';
import { RESOLUTION, createUnitView } from './unit-view.js';

/**
 * Mount the component into `element`.
 * options: {
 *   loop: the page's frame loop, required,
 *   w1, w2, b: starting weights and bias (UNIT_DEFAULTS),
 *   data: Dataset.generate options for the 2-D training set ({ name: 'gaussians', n: 40,
 *         noise: 0.1, seed: 1 }),
 *   learningRate: for the gradient step (0.1; snapped to one of 0.01, 0.03, 0.1, 0.3, 1),
 *   point: the inspected training point, 0-based (the first of class 1),
 *   locks: resolveControls(…) of the screen (applied to the markup by the screen; here they
 *     stop the plane's click from choosing a point when `inspect` is locked),
 *   onChange(): called after each change by the learner (the screen debounces),
 *   idPrefix: prefix for element ids
 * }
 * Returns { destroy(), getState(), setState(partial), redraw() }: the state is
 * { w1, w2, b, learningRate, point }.
 */
export function mountSingleUnit(element, options) {
  const { loop } = options;
  const locks = options.locks ?? resolveControls(null, {});
  const userChanged = typeof options.onChange === 'function' ? options.onChange : () => {};
  const start = startWeights(options);
  const model = createUnitModel({ ...start, data: options.data });
  const { count } = model;
  // By default inspect the first class-1 point: at the start it is on the active side, so its
  // gradients are not all 0.
  const firstClassOne = Math.max(0, model.train.labels.findIndex((label) => label >= 0.5));
  let selected = clamp(Math.round(toNumber(options.point) ?? firstClassOne), 0, count - 1);
  const learningRate = nearestRate(toNumber(options.learningRate) ?? UNIT_DEFAULTS.learningRate);

  element.innerHTML = singleUnitHtml({ prefix: options.idPrefix, count, selected, learningRate, readout: model.readout });
  const rateSelect = element.querySelector('[data-role="rate"]');
  const pointInput = element.querySelector('[data-role="point"]');
  const view = createUnitView(element, { loop, train: model.train, count });
  let steps = 0;
  let wasDead = null;
  let whole = null;

  /** Ask the core about the unit and show the answers; say so when it died or came back. */
  function render() {
    whole = model.whole();
    const plane = model.paintPlane(view.mapContext, RESOLUTION);
    view.show({ params: model.get(), whole, point: model.inspectPoint(selected), plane, steps, selected });
    const change = lifeChangeText(wasDead, whole, count);
    if (change) view.say(change);
    wasDead = whole.dead;
  }

  function setParams(params) {
    model.set(params);
    view.showInputs(model.get());
    render();
  }

  function takeStep() {
    const lossBefore = whole.loss;
    const rate = Number(rateSelect.value);
    const { before, after } = model.step(rate);
    steps += 1;
    view.showInputs(model.get());
    render();
    view.say(stepText({ steps, rate, before, after, lossBefore, whole }));
  }

  const stopListening = listenToSingleUnit(
    { element, canvas: view.canvas },
    {
      count,
      points: model.train.points,
      width: view.width,
      inspectLocked: () => locks.blocked('inspect'),
      weights: () => model.get(),
      setWeights: setParams,
      selectPoint(index, { fromPlane }) {
        selected = index;
        if (fromPlane) pointInput.value = String(index + 1);
        render();
        if (fromPlane) view.say(`Inspecting training point ${index + 1}.`);
      },
      takeStep,
      reset() {
        steps = 0;
        setParams(start);
        view.say('Weights and bias set back to their starting values.');
      },
      makeDead: () => setParams({ ...DEAD_UNIT }),
      changed: userChanged,
    },
  );

  /** { w1, w2, b, learningRate, point }: the weights as the core holds them (float32). */
  const getState = () => ({ ...model.get(), learningRate: Number(rateSelect.value), point: selected });

  view.showInputs(model.get());
  render();

  return {
    getState,
    /** Change any of those fields (unit-state.js mergeUnitState); returns the ones ignored. */
    setState(partial) {
      const current = getState();
      const { next, problems } = mergeUnitState(current, partial, count);
      rateSelect.value = String(next.learningRate);
      pointInput.value = String(next.point + 1);
      const moved = next.w1 !== current.w1 || next.w2 !== current.w2 || next.b !== current.b;
      selected = next.point;
      if (moved) {
        model.set(next);
        view.showInputs(model.get());
      }
      if (moved || next.point !== current.point) render();
      return problems;
    },
    redraw: view.recolor,
    destroy() {
      view.destroy();
      stopListening();
      model.free();
      element.replaceChildren();
    },
  };
}
