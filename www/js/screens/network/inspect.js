// Following one point through the network: which point is inspected, which step of its
// forward and backward pass the diagram shows, and the "Inspect one point" controls.
import { setText } from '../../ui/dom.js';

const IDLE_HINT = 'Arrow keys change the number; Enter or Inspect follows that point.';
/** The first step of a pass, shown on the diagram at once. */
const FIRST_STEP = Object.freeze({ phase: 'forward', layer: 0 });

/**
 * options: { root, fields, buttons, inspectorSlot, getTrainSet() (the run's copies),
 *   announce(text), requestRender() }.
 */
export function createPointInspection({ root, fields, buttons, inspectorSlot, getTrainSet, announce, requestRender }) {
  /** @type {{ x1: number, x2: number, label: number, split: string, index: number } | null} */
  let point = null;
  /** @type {{ phase: string, layer: number } | null} */
  let traceStep = null;

  function inspect(picked) {
    point = picked;
    traceStep = FIRST_STEP;
    buttons.inspectClose.hidden = false;
    if (picked.split === 'train') fields.inspectIndex.value = String(picked.index + 1);
    const where = picked.split === 'train' ? `training point ${picked.index + 1}` : `test point ${picked.index + 1}`;
    setText(
      fields.inspectHint,
      `Following ${where}: x₁ = ${picked.x1.toFixed(2)}, x₂ = ${picked.x2.toFixed(2)}, class ${picked.label}. Step through its passes under the diagram.`,
    );
    announce(`Inspecting ${where}, class ${picked.label}. Step through its forward and backward pass in the panel under the diagram.`);
    requestRender();
  }

  /** Inspect training point `index` (0-based, wrapping around). */
  function inspectIndex(index) {
    const { points, labels } = getTrainSet();
    const count = labels.length;
    if (count === 0) return;
    const i = ((index % count) + count) % count;
    inspect({ x1: points[2 * i], x2: points[2 * i + 1], label: labels[i] >= 0.5 ? 1 : 0, split: 'train', index: i });
  }

  /** The training point the number field or the inspected point names (0-based). */
  const current = () =>
    point?.split === 'train' ? point.index : Number(fields.inspectIndex.value || 1) - 1;

  function stop(announceIt) {
    const had = point !== null;
    point = null;
    traceStep = null;
    buttons.inspectClose.hidden = true;
    setText(fields.inspectHint, IDLE_HINT);
    if (had && announceIt) {
      announce('Stopped inspecting the point.');
      const focus = /** @type {Document | ShadowRoot} */ (root.getRootNode()).activeElement;
      if (inspectorSlot.contains(focus)) buttons.inspect.focus();
    }
    requestRender();
  }

  return {
    get point() {
      return point;
    },
    get traceStep() {
      return traceStep;
    },
    /** The inspector moved to another step of the pass. */
    showStep(step) {
      traceStep = step;
      requestRender();
    },
    /** A new network: its pass starts again at the first step. */
    restart() {
      traceStep = point ? FIRST_STEP : null;
    },
    inspect,
    inspectTyped: () => inspectIndex(Number(fields.inspectIndex.value || 1) - 1),
    previous: () => inspectIndex(current() - 1),
    next: () => inspectIndex(current() + 1),
    stop,
  };
}
