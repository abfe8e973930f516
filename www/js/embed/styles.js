// Style sheets for an embed's shadow root. Here: <link rel="stylesheet"> elements whose URLs
// are resolved from this module's URL, so the widget's CSS comes from wherever relu-lab.js is
// served and no inline style is needed (a host's strict Content-Security-Policy is fine).
// They are fetched in CORS mode (crossorigin="anonymous", like the module scripts themselves)
// so that theme.js may read and adapt their rules when relu-lab.js comes from another origin.
//
// Each URL is written out as `new URL('literal', import.meta.url)`, the form bundlers (Vite,
// webpack, Rollup) recognise as an asset: a computed path would make them guess at the files.
// The dist package (.ci/dist.mjs) replaces this module with one that adopts constructed style
// sheets holding the same CSS as text, so that a bundler has nothing to resolve at all.

/** The style sheets an embed may use (paths relative to www/), and where each is. */
const SHEET_URLS = Object.freeze({
  'css/tokens.css': () => new URL('../../css/tokens.css', import.meta.url),
  'css/lab.css': () => new URL('../../css/lab.css', import.meta.url),
  'css/embed.css': () => new URL('../../css/embed.css', import.meta.url),
  'css/network-views.css': () => new URL('../../css/network-views.css', import.meta.url),
  'css/network.css': () => new URL('../../css/network.css', import.meta.url),
  'css/function.css': () => new URL('../../css/function.css', import.meta.url),
  'css/neuron.css': () => new URL('../../css/neuron.css', import.meta.url),
  'css/experiments.css': () => new URL('../../css/experiments.css', import.meta.url),
});

/** The style sheet files an embed may ask for (for tests and .ci/dist.mjs). */
export const SHEET_FILES = Object.freeze(Object.keys(SHEET_URLS));

/**
 * Put the style sheets `files` (paths relative to www/, e.g. "css/lab.css") into `root`, a
 * shadow root, in order, before anything else in it. Resolves once they have loaded to
 * { sheets, remove() }: their CSSStyleSheet objects (a sheet that failed to load is left
 * out) and a function that takes them out again. A file not in SHEET_URLS is skipped.
 */
export async function applyStyles(root, files) {
  const links = files
    .filter((file) => Object.hasOwn(SHEET_URLS, file))
    .map((file) => {
      const link = root.ownerDocument.createElement('link');
      link.rel = 'stylesheet';
      link.crossOrigin = 'anonymous';
      link.href = SHEET_URLS[file]().href;
      return link;
    });
  const loaded = links.map(
    (link) =>
      new Promise((resolve) => {
        link.addEventListener('load', () => resolve(link.sheet), { once: true });
        link.addEventListener('error', () => resolve(null), { once: true });
      }),
  );
  root.prepend(...links);
  const sheets = (await Promise.all(loaded)).filter(Boolean);
  return { sheets, remove: () => links.forEach((link) => link.remove()) };
}
