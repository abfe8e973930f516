// The single unit's input: the weight sliders and fields, the inspected point's field, the
// buttons (step, back to the start, make it dead) and a click on the plane, turned into the
// unit's intents. Controls a teacher locked are disabled, so their events come only from
// scripts; they are ignored here as well.
import { PLANE_MARGIN } from '../../../draw/neuron-plane.js';
import { inLockedGroup } from '../../../ui/lesson-controls.js';
import { DOMAIN, clamp, fieldValue, sliderSpec } from './unit-state.js';

/** A click within this many CSS pixels of a training point inspects it. */
const PICK_RADIUS = 16;


/**
 * The training point nearest (x1, x2) among `points` (x1, x2 pairs, flat) and its distance:
 * { index, distance } (index −1 when there is none).
 */
export function nearestPoint(points, x1, x2) {
  let index = -1;
  let distance = Infinity;
  for (let i = 0; 2 * i + 1 < points.length; i += 1) {
    const d = Math.hypot(points[2 * i] - x1, points[2 * i + 1] - x2);
    if (d < distance) {
      distance = d;
      index = i;
    }
  }
  return { index, distance };
}

/**
 * Listen to the unit. `parts`: { element, canvas }. `unit`: {
 *   count: training points, points: their coordinates (flat x1, x2 pairs),
 *   width(): the plane's CSS width (0 before the first layout),
 *   inspectLocked(): whether choosing a point is hidden or locked,
 *   weights(): { w1, w2, b } now, setWeights(weights),
 *   selectPoint(index, { fromPlane }), takeStep(), reset(), makeDead(),
 *   changed(): after each change by the learner
 * }. Returns a function that removes every listener.
 */
export function listenToSingleUnit({ element, canvas }, unit) {
  const onInput = (event) => {
    const input = event.target;
    if (inLockedGroup(input)) return;
    if (input.dataset.param) {
      const spec = sliderSpec(input.dataset.param);
      const value = Number(input.value);
      if (input.value === '' || !Number.isFinite(value)) return;
      // While typing, only values in range count; the change event clamps the rest.
      if (input.type === 'number' && (value < spec.min || value > spec.max)) return;
      unit.setWeights({ ...unit.weights(), [spec.key]: clamp(value, spec.min, spec.max) });
      unit.changed();
    } else if (input.dataset.role === 'point') {
      const value = Math.round(Number(input.value));
      if (value >= 1 && value <= unit.count) {
        unit.selectPoint(value - 1, { fromPlane: false });
        unit.changed();
      }
    }
  };

  const onChange = (event) => {
    const input = event.target;
    if (inLockedGroup(input)) return;
    unit.changed();
    if (input.dataset.param && input.type === 'number') {
      const spec = sliderSpec(input.dataset.param);
      const value = Number(input.value);
      const weights = unit.weights();
      const next = Number.isFinite(value) && input.value !== '' ? clamp(value, spec.min, spec.max) : weights[spec.key];
      input.value = fieldValue(next);
      unit.setWeights({ ...weights, [spec.key]: next });
    } else if (input.dataset.role === 'point') {
      const value = clamp(Math.round(Number(input.value)) || 1, 1, unit.count);
      input.value = String(value);
      unit.selectPoint(value - 1, { fromPlane: false });
    }
  };

  const onClick = (event) => {
    const button = event.target.closest('button[data-action]');
    if (!button || button.disabled || inLockedGroup(button)) return;
    const action = button.dataset.action;
    unit.changed();
    if (action === 'step') unit.takeStep();
    else if (action === 'reset') unit.reset();
    else if (action === 'preset-dead') unit.makeDead();
  };

  /** Inspect the training point nearest a click or tap on the plane, if it is close. */
  const onPointerDown = (event) => {
    const width = unit.width();
    if (!width || unit.inspectLocked()) return;
    const rect = canvas.getBoundingClientRect();
    const side = width - PLANE_MARGIN.left - PLANE_MARGIN.right;
    const span = DOMAIN[1] - DOMAIN[0];
    const x1 = DOMAIN[0] + ((event.clientX - rect.left - PLANE_MARGIN.left) / side) * span;
    const x2 = DOMAIN[1] - ((event.clientY - rect.top - PLANE_MARGIN.top) / side) * span;
    const { index, distance } = nearestPoint(unit.points, x1, x2);
    if (index >= 0 && (distance / span) * side < PICK_RADIUS) {
      unit.selectPoint(index, { fromPlane: true });
      unit.changed();
    }
  };

  element.addEventListener('input', onInput);
  element.addEventListener('change', onChange);
  element.addEventListener('click', onClick);
  canvas.addEventListener('pointerdown', onPointerDown);
  return () => {
    element.removeEventListener('input', onInput);
    element.removeEventListener('change', onChange);
    element.removeEventListener('click', onClick);
    canvas.removeEventListener('pointerdown', onPointerDown);
  };
}
