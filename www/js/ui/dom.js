// Small DOM helpers every view uses. Each writes only when the value changed, so a view can
// call them every frame without making the browser redo style or layout.

/** Set `text` on `element` only when it changed. @param {Node} element @param {string} text */
export function setText(element, text) {
  if (element.textContent !== text) element.textContent = text;
}

/** Set attribute `name` only when it changed. @param {Element} element */
export function setAttribute(element, name, value) {
  if (element.getAttribute(name) !== value) element.setAttribute(name, value);
}

/** Set `data-<name>` (camelCase `name`) only when it changed. @param {HTMLElement} element */
export function setData(element, name, value) {
  if (element.dataset[name] !== value) element.dataset[name] = value;
}

/** Show or hide `element` (the `hidden` attribute) only when that changed. @param {HTMLElement} element */
export function setHidden(element, hidden) {
  if (element.hidden !== hidden) element.hidden = hidden;
}

/**
 * Say `text` through the live region `region` (role="status" or aria-live). Saying the same
 * text again is announced again: the region is emptied first.
 * @param {HTMLElement} region
 * @param {string} text
 */
export function announce(region, text) {
  if (region.textContent === text) region.textContent = '';
  region.textContent = text;
}
