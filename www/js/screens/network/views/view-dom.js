// Small DOM helpers shared by the network views: a scrolling region that is a keyboard stop
// only while it actually scrolls, and a watch on whether an element is on screen.

/**
 * Make `scroller` (overflow: auto) a focusable region named `label` while its content
 * overflows it, so keyboard users can scroll it (axe: scrollable-region-focusable), and an
 * ordinary box otherwise (no useless Tab stop). Returns a stop function.
 */
export function watchScrollable(scroller, label) {
  const update = () => {
    const scrolls = scroller.scrollWidth > scroller.clientWidth + 1 || scroller.scrollHeight > scroller.clientHeight + 1;
    if (scrolls) {
      if (scroller.getAttribute('tabindex') !== '0') scroller.setAttribute('tabindex', '0');
      if (scroller.getAttribute('role') !== 'region') scroller.setAttribute('role', 'region');
      if (scroller.getAttribute('aria-label') !== label) scroller.setAttribute('aria-label', label);
    } else {
      for (const name of ['tabindex', 'role', 'aria-label']) {
        if (scroller.hasAttribute(name)) scroller.removeAttribute(name);
      }
    }
  };
  // The observer reports every size once at the start, after layout: no layout is forced here.
  const observer = new ResizeObserver(update);
  observer.observe(scroller);
  // The content's size changes without the scroller's (more units, a wider table).
  for (const child of scroller.children) observer.observe(child);
  return () => observer.disconnect();
}

/**
 * Call `onChange(visible)` when `element` comes into or leaves the viewport (with a margin,
 * so it is drawn just before it shows). Returns a stop function.
 */
export function watchVisible(element, onChange) {
  if (typeof IntersectionObserver !== 'function') return () => {};
  const observer = new IntersectionObserver(
    (entries) => onChange(entries[entries.length - 1].isIntersecting),
    { rootMargin: '200px 0px' },
  );
  observer.observe(element);
  return () => observer.disconnect();
}
