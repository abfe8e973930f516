// The one theme reader: the colours and font the pure draw functions use, read from CSS custom
// properties (www/css/tokens.css), so CSS stays the single source of every colour and dark,
// light and contrast themes reach every canvas from one place.

/** Tokens every plot uses: key in the theme object → CSS custom property. */
const PLOT_TOKENS = Object.freeze({
  background: '--plot-background',
  ink: '--plot-ink',
  muted: '--plot-muted',
  grid: '--plot-grid',
  zero: '--plot-zero',
  curve: '--plot-curve',
  derivative: '--plot-derivative',
  class0: '--class-0',
  class1: '--class-1',
  halo: '--point-halo',
});

/**
 * The theme read on `element`: `{ font, background, ink, muted, grid, zero, curve, derivative,
 * class0, class1, halo }` plus one entry per key of `extra` (key → CSS custom property name),
 * e.g. `readTheme(root, { hatch: '--unit-hatch' })`. A property that is not set reads as "".
 * @template {Record<string, string>} E
 * @param {Element} element
 * @param {E} [extra]
 * @returns {{ font: string } & Record<keyof typeof PLOT_TOKENS | keyof E, string>}
 */
export function readTheme(element, extra) {
  const style = getComputedStyle(element);
  /** @type {Record<string, string>} */
  const theme = { font: style.fontFamily };
  for (const [key, name] of Object.entries({ ...PLOT_TOKENS, ...extra })) {
    theme[key] = style.getPropertyValue(name).trim();
  }
  return /** @type {any} */ (theme);
}

/** The values of the numbered tokens `--<prefix>-1` … `--<prefix>-<count>` on `element`. */
export function readTokenList(element, prefix, count, fallback = '#000') {
  const style = getComputedStyle(element);
  const values = [];
  for (let slot = 1; slot <= count; slot += 1) {
    values.push(style.getPropertyValue(`--${prefix}-${slot}`).trim() || fallback);
  }
  return values;
}
