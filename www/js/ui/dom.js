// Small DOM helpers every view uses. Each writes only when the value changed, so a view can
// call them every frame without making the browser redo style or layout.

/** Set `text` on `element` only when it changed. @param {Node} element @param {string} text */
export function setText(element, text) {
  if (element.textContent === text) return;
  // Changing the one text node in place, rather than replacing it, spares the browser from
  // re-matching selectors such as :has() that depend on the element's children.
  const only = element.firstChild;
  if (only && only === element.lastChild && only.nodeType === 3 && text !== '') only.nodeValue = text;
  else element.textContent = text;
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

/**
 * The first element under `root` that matches `selector`, checked to be a `type` (default
 * HTMLElement): `$(root, '[data-part="plot"]', HTMLCanvasElement)`. Throws an Error naming the
 * selector when nothing matches or the match is of another kind, so a template and the code
 * that reads it cannot drift apart silently.
 * @template {Element} [T=HTMLElement]
 * @param {ParentNode} root
 * @param {string} selector
 * @param {{ new (): T, prototype: T }} [type]
 * @returns {NoInfer<T>}
 */
export function $(root, selector, type) {
  const element = root.querySelector(selector);
  if (element === null) throw new Error(`no element matches ${selector}`);
  return checkedElement(element, selector, type);
}

/**
 * Every element under `root` that matches `selector` (possibly none), each checked to be a
 * `type` (default HTMLElement) as in `$`.
 * @template {Element} [T=HTMLElement]
 * @param {ParentNode} root
 * @param {string} selector
 * @param {{ new (): T, prototype: T }} [type]
 * @returns {NoInfer<T>[]}
 */
export function $$(root, selector, type) {
  return Array.from(root.querySelectorAll(selector), (element) => checkedElement(element, selector, type));
}

/**
 * @template {Element} T
 * @param {Element} element
 * @param {string} selector
 * @param {{ new (): T, prototype: T }} [type]
 * @returns {T}
 */
function checkedElement(element, selector, type) {
  const wanted = type ?? HTMLElement;
  if (!(element instanceof wanted)) {
    throw new Error(`${selector} is a <${element.localName}>, not a ${wanted.name}`);
  }
  return /** @type {T} */ (element);
}
