// Observers with an unsubscribe function, so components can clean up: media queries, an
// element's width, whether it is on screen, and whether a scrolling region actually scrolls.

/**
 * Call `onChange(matches)` whenever the media query flips; returns { matches, stop }.
 * `matches` is the state at subscription time.
 */
export function watchMedia(query, onChange) {
  const list = window.matchMedia(query);
  const listener = (event) => onChange(event.matches);
  list.addEventListener('change', listener);
  return { matches: list.matches, stop: () => list.removeEventListener('change', listener) };
}

/**
 * Call `onWidth(width)` with the content width of `element` (CSS pixels, rounded) whenever
 * it changes, and once at the start. Heights are ignored, so a canvas whose height follows
 * its width cannot cause a resize loop. Returns a stop function.
 */
export function watchWidth(element, onWidth) {
  let last = -1;
  const observer = new ResizeObserver((entries) => {
    const width = Math.round(entries[entries.length - 1].contentRect.width);
    if (width !== last && width > 0) {
      last = width;
      onWidth(width);
    }
  });
  observer.observe(element);
  return () => observer.disconnect();
}

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
