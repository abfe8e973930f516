// The sum of hinges' input, apart from Play, Step and Reset (ui/training-controls.js handles
// those): the target, the unit count, the points editor and a click on the plot in points
// mode, turned into the component's intents. Controls a teacher locked are disabled, so their
// events come only from scripts; they are ignored here as well.
import { FIT_MARGIN, hingeFitHeight } from '../../../draw/hinges.js';
import { inLockedGroup } from '../../../ui/lesson-controls.js';
import { POINT_Y, UNITS } from './hinge-state.js';


/**
 * Listen to the sum of hinges. `parts`: { element, fitCanvas }. `hinges`: {
 *   domain: the x range [x0, x1],
 *   target(), units(): now; fitWidth(): the plot's CSS width (0 before the first layout),
 *   drawLocked(): whether adding points is hidden or locked,
 *   setTarget(value), setUnits(value, source): source is the input typed in (or null),
 *   addPoint(x, y), addTypedPoint(x, y): from the fields (numbers or NaN),
 *   removePoint(), clearPoints(),
 *   changed(): after each change of the state by the learner
 * }. Returns a function that removes every listener.
 */
export function listenToHingeSum({ element, fitCanvas }, hinges) {
  const $ = (selector) => element.querySelector(selector);
  const actions = {
    'add-point': () => hinges.addTypedPoint(Number($('[data-role="point-x"]').value), Number($('[data-role="point-y"]').value)),
    'remove-point': () => hinges.removePoint(),
    'clear-points': () => hinges.clearPoints(),
  };

  const onClick = (event) => {
    const button = event.target.closest('button[data-action]');
    const action = actions[button?.dataset.action];
    if (!action || button.disabled || inLockedGroup(button)) return;
    action();
    hinges.changed();
  };

  const onInput = (event) => {
    const input = event.target;
    if (inLockedGroup(input) || input.dataset.role !== 'units' || input.value === '') return;
    const value = Number(input.value);
    if (value >= UNITS.min && value <= UNITS.max) {
      hinges.setUnits(value, input);
      hinges.changed();
    }
  };

  const onChange = (event) => {
    const input = event.target;
    if (inLockedGroup(input)) return;
    if (input.dataset.role === 'target' && input.checked) {
      hinges.setTarget(input.value);
      hinges.changed();
    } else if (input.dataset.role === 'units') {
      hinges.setUnits(Number(input.value) || hinges.units(), null);
      hinges.changed();
    }
  };

  /** In points mode, a click or tap inside the plot's frame adds a point there. */
  const onPlotClick = (event) => {
    const width = hinges.fitWidth();
    if (hinges.target() !== 'points' || !width || hinges.drawLocked()) return;
    const rect = fitCanvas.getBoundingClientRect();
    const frameWidth = width - FIT_MARGIN.left - FIT_MARGIN.right;
    const frameHeight = hingeFitHeight(width) - FIT_MARGIN.top - FIT_MARGIN.bottom;
    const px = event.clientX - rect.left - FIT_MARGIN.left;
    const py = event.clientY - rect.top - FIT_MARGIN.top;
    if (px < 0 || px > frameWidth || py < 0 || py > frameHeight) return;
    const [x0, x1] = hinges.domain;
    const [y0, y1] = POINT_Y;
    hinges.addPoint(x0 + (px / frameWidth) * (x1 - x0), y1 - (py / frameHeight) * (y1 - y0));
    hinges.changed();
  };

  element.addEventListener('click', onClick);
  element.addEventListener('input', onInput);
  element.addEventListener('change', onChange);
  fitCanvas.addEventListener('click', onPlotClick);
  return () => {
    element.removeEventListener('click', onClick);
    element.removeEventListener('input', onInput);
    element.removeEventListener('change', onChange);
    fitCanvas.removeEventListener('click', onPlotClick);
  };
}
