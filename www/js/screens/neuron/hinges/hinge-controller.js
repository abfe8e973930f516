// The sum of hinges without its page: the state { target, units, points } held together with
// the network that fits it (hinge-model.js), and the latest snapshot of that network. Every
// change of the state goes through here, so the data set and the network always match it.
// No DOM.
import { createHingeModel } from './hinge-model.js';
import { DEFAULT_POINTS, DEFAULT_TARGET, UNITS, cleanPoints, isTarget, mergeHingeState, unitCount } from './hinge-state.js';
import { toNumber } from '../../../ui/lesson-controls.js';

/**
 * options: the component's (target, points, units, and data, network, train for the model);
 * malformed values fall back to the defaults.
 */
export function createHingeController(options) {
  let target = isTarget(options.target) ? options.target : DEFAULT_TARGET;
  let points = (cleanPoints(options.points) ?? cleanPoints(DEFAULT_POINTS)).points;
  const model = createHingeModel({ ...options, units: unitCount(toNumber(options.units) ?? UNITS.start), target, points });
  let snapshot = model.measure();

  /** A new unit count starts a new network at step 0; returns whether the count changed. */
  function setUnits(units) {
    if (units === model.units) return false;
    model.setUnits(units);
    return true;
  }

  return {
    model,
    get target() {
      return target;
    },
    get points() {
      return points;
    },
    get units() {
      return model.units;
    },
    get hasData() {
      return model.hasData;
    },
    /** The network as last measured (hinge-model.js measure). */
    get snapshot() {
      return snapshot;
    },
    /** Whether training can run: there is a point to fit and it did not diverge. */
    canTrain: () => model.hasData && !snapshot.diverged,
    /** Measure the network again. */
    measure() {
      snapshot = model.measure();
    },
    /** Train `steps` steps and measure. */
    advance(steps) {
      model.advance(steps);
      snapshot = model.measure();
    },
    /** Back to step 0 with the same starting weights. */
    reset() {
      model.reset();
    },
    setTarget(value) {
      target = value;
      model.setData(target, points);
    },
    setPoints(next) {
      points = next;
      model.setData('points', points);
    },
    setUnits,
    /** { target, units, points }, a copy. */
    getState() {
      return { target, units: model.units, points: points.map(([x, y]) => [x, y]) };
    },
    /**
     * Apply a host's partial state (hinge-state.js mergeHingeState): returns { problems,
     * dataChanged, unitsChanged, pointsChanged }. A new target keeps training the same network.
     */
    apply(partial) {
      const { next, problems } = mergeHingeState({ target, units: model.units, points }, partial);
      const pointsChanged = next.points !== points;
      const dataChanged = next.target !== target || (pointsChanged && next.target === 'points');
      target = next.target;
      points = next.points;
      if (dataChanged) model.setData(target, points);
      const unitsChanged = setUnits(next.units);
      return { problems, dataChanged, unitsChanged, pointsChanged };
    },
    free() {
      model.free();
    },
  };
}
