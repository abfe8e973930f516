// Checks for a screen on a phone: WCAG 2.5.5 touch targets (44 × 44 CSS px) and readable text
// (12 px or more). Used by function-screen.spec.mjs and neuron-screen.spec.mjs at 360 px.

/** The smallest touch target, CSS pixels, both ways (WCAG 2.5.5, target size, enhanced). */
export const MIN_TARGET = 44;
/** The smallest text, CSS pixels. */
export const MIN_TEXT = 12;

/**
 * In the page: every visible control under `rootSelector` whose hit area is under `minTarget`
 * in width or height, and every visible text under `minText` px. A control's hit area is its
 * own box, or the box of the label that wraps it (a click there operates it). Returns
 * { controls: count checked, small: [descriptions], smallText: [descriptions] }.
 */
function measure({ rootSelector, minTarget, minText }) {
  const root = document.querySelector(rootSelector);
  const describe = (element) => {
    const id = element.id ? `#${element.id}` : '';
    const role = element.dataset.role ?? element.dataset.action ?? element.dataset.part ?? element.dataset.param ?? '';
    const type = element.getAttribute('type') ? `[type=${element.getAttribute('type')}]` : '';
    return `${element.localName}${type}${id}${role ? `{${role}}` : ''}`;
  };
  const shown = (element) => {
    const box = element.getBoundingClientRect();
    if (box.width < 2 || box.height < 2) return false;
    const style = getComputedStyle(element);
    return style.visibility !== 'hidden' && Number(style.opacity) > 0 && element.checkVisibility();
  };
  const controls = [
    ...root.querySelectorAll('button, input:not([type="hidden"]), select, textarea, summary, [role="slider"], a[href]'),
  ].filter(shown);
  const small = [];
  for (const control of controls) {
    const own = control.getBoundingClientRect();
    const label = control.closest('label');
    const box = label ? label.getBoundingClientRect() : own;
    const width = Math.max(own.width, box.width);
    const height = Math.max(own.height, box.height);
    if (width < minTarget - 0.5 || height < minTarget - 0.5) {
      small.push(`${describe(control)} ${Math.round(width)}×${Math.round(height)}`);
    }
  }
  const smallText = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const seen = new Set();
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const element = node.parentElement;
    if (!node.textContent.trim() || !element || seen.has(element)) continue;
    seen.add(element);
    if (!shown(element)) continue;
    const size = parseFloat(getComputedStyle(element).fontSize);
    if (size < minText) smallText.push(`${describe(element)} "${node.textContent.trim().slice(0, 30)}" ${size}px`);
  }
  return { controls: controls.length, small, smallText };
}

/** Measure the screen `rootSelector` in `page` (see measure). */
export function measurePhone(page, rootSelector) {
  return page.evaluate(measure, { rootSelector, minTarget: MIN_TARGET, minText: MIN_TEXT });
}
