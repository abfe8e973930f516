// The Function screen's controls showing the state: checkboxes, zoom, parameter sliders and
// fields, and the ReLU′(0) radios. Used after setState and when a parameter is set from one of
// its two inputs.
import { RANGES } from '../state.js';

/**
 * Show `value` of parameter `key` in its slider and number field. `source`, the input being
 * typed in, keeps its text unless the value had to be clamped.
 */
export function showParameter(element, key, value, source = null) {
  for (const input of element.querySelectorAll(`[data-param="${key}"]`)) {
    if (input !== source || Number(input.value) !== value || input.value === '') input.value = String(value);
  }
}

/** Show the whole state in every control. */
export function showControls(element, state) {
  for (const input of element.querySelectorAll('input[data-role="function"]')) {
    input.checked = state.functions.includes(input.value);
  }
  const zoom = element.querySelector('[data-role="zoom"]');
  zoom.value = String(RANGES.indexOf(state.range));
  for (const input of element.querySelectorAll('input[data-param]')) {
    const text = String(state[input.dataset.param]);
    if (input.value !== text) input.value = text;
  }
  for (const input of element.querySelectorAll('input[data-role="convention"]')) {
    input.checked = Number(input.value) === state.reluAtZero;
  }
}
