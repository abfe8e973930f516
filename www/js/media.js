// Media-query and size observers with an unsubscribe function, so components can clean up.

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
