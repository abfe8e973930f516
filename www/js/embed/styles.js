// Style sheets for an embed's shadow root. Here: <link rel="stylesheet"> elements whose URLs
// are resolved from this module's URL, so the widget's CSS comes from wherever relu-lab.js is
// served and no inline style is needed (a host's strict Content-Security-Policy is fine).
// They are fetched in CORS mode (crossorigin="anonymous", like the module scripts themselves)
// so that theme.js may read and adapt their rules when relu-lab.js comes from another origin.
//
// The bundles built by .ci/dist.mjs replace this module with one that adopts constructed
// style sheets holding the same CSS as text.

/**
 * Put the style sheets `files` (paths relative to www/, e.g. "css/lab.css") into `root`, a
 * shadow root, in order, before anything else in it. Resolves once they have loaded to
 * { sheets, remove() }: their CSSStyleSheet objects (a sheet that failed to load is left
 * out) and a function that takes them out again.
 */
export async function applyStyles(root, files) {
  const links = files.map((file) => {
    const link = root.ownerDocument.createElement('link');
    link.rel = 'stylesheet';
    link.crossOrigin = 'anonymous';
    link.href = new URL(`../../${file}`, import.meta.url).href;
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
