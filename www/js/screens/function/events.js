// The Function screen's input: DOM events on its controls, the probe (keyboard) and the plot
// (pointer drags), turned into the screen's intents. Controls a teacher locked are disabled,
// so their events come only from scripts; they are ignored here as well.
import { inLockedGroup } from '../../ui/lesson-controls.js';
import { PROBE_STEPS, RANGES, parameterSpec } from './state.js';


/**
 * Where a key sends the probe at `x` for the half-width `range`: an arrow moves one step
 * (Shift: ten), Page Up and Page Down ten, Home and End to the ends; null for other keys.
 */
export function probeKeyTarget(key, shiftKey, x, range) {
  const step = PROBE_STEPS[range];
  const big = step * 10;
  switch (key) {
    case 'ArrowLeft':
    case 'ArrowDown':
      return x - (shiftKey ? big : step);
    case 'ArrowRight':
    case 'ArrowUp':
      return x + (shiftKey ? big : step);
    case 'PageDown':
      return x - big;
    case 'PageUp':
      return x + big;
    case 'Home':
      return -range;
    case 'End':
      return range;
    default:
      return null;
  }
}

/**
 * Listen to the screen. `parts`: { element, canvas, track, probe }. `screen`: {
 *   state(): the current state,
 *   probeLocked(): whether the probe is hidden or locked,
 *   xAt(clientX): the x under the pointer, or null,
 *   toggleFunction(name, on), setConvention(value), setRange(range),
 *   setParameter(key, value, source): a parameter from one of its inputs,
 *   moveProbe(x, { dragging }): the probe to x (while dragging: not spoken yet),
 *   endDrag(), probeToZero(), measure(),
 *   changed(): after each change by the learner
 * }. Returns a function that removes every listener.
 */
export function listenToFunctionScreen({ element, canvas, track, probe }, screen) {
  let dragging = false;

  const onChange = (event) => {
    const target = event.target;
    if (inLockedGroup(target)) return;
    if (target.dataset.role === 'function') screen.toggleFunction(target.value, target.checked);
    else if (target.dataset.role === 'convention' && target.checked) screen.setConvention(Number(target.value));
    else if (target.dataset.param && target.type === 'number') screen.setParameter(target.dataset.param, Number(target.value), target);
    else return;
    screen.changed();
  };

  const onInput = (event) => {
    const target = event.target;
    if (inLockedGroup(target)) return;
    if (target.dataset.role === 'zoom') {
      screen.setRange(RANGES[Number(target.value)] ?? screen.state().range);
    } else if (target.dataset.param && target.type === 'range') {
      screen.setParameter(target.dataset.param, Number(target.value), target);
    } else if (target.dataset.param && target.type === 'number' && target.value !== '') {
      // While typing, only values the core accepts count; the change event clamps the rest.
      const value = Number(target.value);
      const spec = parameterSpec(target.dataset.param);
      if (!(Number.isFinite(value) && value >= spec.min && value <= spec.max)) return;
      screen.setParameter(spec.key, value, target);
    } else {
      return;
    }
    screen.changed();
  };

  const onClick = (event) => {
    const button = event.target.closest('button[data-action]');
    if (!button || button.disabled || inLockedGroup(button)) return;
    if (button.dataset.action === 'probe-zero') {
      screen.probeToZero();
      probe.focus();
      screen.changed();
    } else if (button.dataset.action === 'measure') {
      screen.measure();
    }
  };

  const onKeyDown = (event) => {
    // A locked probe keeps its focus (its value is read out) but does not move.
    if (screen.probeLocked()) return;
    const { probe: x, range } = screen.state();
    const next = probeKeyTarget(event.key, event.shiftKey, x, range);
    if (next === null) return;
    event.preventDefault();
    screen.moveProbe(next, { dragging: false });
    screen.changed();
  };

  const dragTo = (event) => {
    const x = screen.xAt(event.clientX);
    if (x !== null) screen.moveProbe(x, { dragging: true });
  };
  const onPointerDown = (event) => {
    if (event.button !== 0 || screen.probeLocked()) return;
    dragging = true;
    event.currentTarget.setPointerCapture?.(event.pointerId);
    probe.focus({ preventScroll: true });
    dragTo(event);
    event.preventDefault();
  };
  const onPointerMove = (event) => {
    if (dragging) dragTo(event);
  };
  const onPointerEnd = () => {
    if (!dragging) return;
    dragging = false;
    screen.endDrag();
    screen.changed();
  };

  const pointerListeners = {
    pointerdown: onPointerDown,
    pointermove: onPointerMove,
    pointerup: onPointerEnd,
    pointercancel: onPointerEnd,
    lostpointercapture: onPointerEnd,
  };
  const bindings = [
    [element, 'change', onChange],
    [element, 'input', onInput],
    [element, 'click', onClick],
    [probe, 'keydown', onKeyDown],
    ...[canvas, track].flatMap((target) => Object.entries(pointerListeners).map(([type, listener]) => [target, type, listener])),
  ];
  for (const [target, type, listener] of bindings) target.addEventListener(type, listener);
  return () => {
    for (const [target, type, listener] of bindings) target.removeEventListener(type, listener);
  };
}
