// Following the host page from inside an embed's shadow root: the colour scheme the page
// declares where the element sits, and its changes (theme="auto", element.js).

/**
 * The colour scheme the page declares where the element sits: 'dark' or 'light' when the
 * computed `color-scheme` of its container names only that one (a site's dark-mode switch sets
 * it on html or body, and it inherits), else null (none, or "light dark": the reader's system).
 */
export function hostScheme(element) {
  const root = element.getRootNode();
  const container = element.parentElement ?? (root instanceof ShadowRoot ? root.host : null);
  if (!container) return null;
  const words = getComputedStyle(container).colorScheme.split(/\s+/);
  const dark = words.includes('dark');
  const light = words.includes('light');
  if (dark && !light) return 'dark';
  if (light && !dark) return 'light';
  return null;
}

/**
 * Call `onChange` when the host page may have changed its colour scheme: an attribute of html
 * or body (a class, data-theme, data-md-color-scheme, a style) or the reader's system setting.
 * Returns { stop() }.
 */
export function watchHostScheme(onChange) {
  const observer = new MutationObserver(() => onChange());
  for (const node of [document.documentElement, document.body]) {
    if (node) observer.observe(node, { attributes: true });
  }
  const media = window.matchMedia('(prefers-color-scheme: dark)');
  media.addEventListener('change', onChange);
  return {
    stop() {
      observer.disconnect();
      media.removeEventListener('change', onChange);
    },
  };
}
