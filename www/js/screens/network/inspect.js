// Following one point through the network: which point is inspected, which step of its
// forward and backward pass the diagram shows, and the "Inspect one point" controls.
// Inspecting pauses training, so the numbers of the step-through hold still while the learner
// reads them; stopping resumes it (unless the learner played or paused meanwhile). The trace
// is scrolled into view when it opens out of sight (on a phone it sits far below the tap).
import { setText } from '../../ui/dom.js';

const IDLE_HINT = 'Arrow keys change the number; Enter or Inspect follows that point.';
/** The first step of a pass, shown on the diagram at once. */
const FIRST_STEP = Object.freeze({ phase: 'forward', layer: 0 });

/**
 * options: { root, fields, buttons, inspectorSlot, getTrainSet() (the run's copies),
 *   getTraining() (the screen's training controls), announce(text), requestRender() }.
 */
export function createPointInspection({ root, fields, buttons, inspectorSlot, getTrainSet, getTraining, announce, requestRender }) {
  /** @type {{ x1: number, x2: number, label: number, split: string, index: number } | null} */
  let point = null;
  /** @type {{ phase: string, layer: number } | null} */
  let traceStep = null;
  let pausedForInspecting = false; // training was playing and inspecting paused it
  let revealPending = false; // scroll the trace into view once it shows

  function inspect(picked) {
    const training = getTraining();
    let paused = '';
    if (point === null && training?.playing) {
      training.stop();
      pausedForInspecting = true;
      paused = ' Training is paused while you inspect; it goes on when you stop inspecting.';
    }
    revealPending = true;
    point = picked;
    traceStep = FIRST_STEP;
    buttons.inspectClose.hidden = false;
    if (picked.split === 'train') fields.inspectIndex.value = String(picked.index + 1);
    const where = picked.split === 'train' ? `training point ${picked.index + 1}` : `test point ${picked.index + 1}`;
    setText(
      fields.inspectHint,
      `Following ${where}: x₁ = ${picked.x1.toFixed(2)}, x₂ = ${picked.x2.toFixed(2)}, class ${picked.label}. Step through its passes under the diagram.` +
        (pausedForInspecting ? ' Training is paused while you inspect; Stop inspecting goes on.' : ''),
    );
    announce(`Inspecting ${where}, class ${picked.label}. Step through its forward and backward pass in the panel under the diagram.${paused}`);
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
    revealPending = false;
    buttons.inspectClose.hidden = true;
    setText(fields.inspectHint, IDLE_HINT);
    const resume = pausedForInspecting && announceIt;
    pausedForInspecting = false;
    if (had && announceIt) {
      const training = getTraining();
      const resumed = resume && !training.playing && training.play();
      announce(`Stopped inspecting the point.${resumed ? ' Training goes on.' : ''}`);
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
    /** Playing started or stopped: a learner who plays while inspecting chose so themselves. */
    playingChanged(playing) {
      if (playing) pausedForInspecting = false;
    },
    /**
     * Once the trace shows after an inspect: scroll `element` (its panel) into view when it is
     * out of sight. `reducedMotion`: jump instead of gliding.
     * @param {HTMLElement} element
     * @param {boolean} reducedMotion
     */
    reveal(element, reducedMotion) {
      if (!revealPending || element.hidden) return;
      revealPending = false;
      const rect = element.getBoundingClientRect();
      const height = window.innerHeight || document.documentElement.clientHeight;
      if (rect.top >= 0 && rect.top <= height - 120) return;
      element.scrollIntoView({ block: 'start', behavior: reducedMotion ? 'auto' : 'smooth' });
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
