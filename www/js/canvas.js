// Canvas sizing and theme reading: the bridge between CSS and the pure draw functions.

/**
 * Give `canvas` a backing store of `cssWidth` × `cssHeight` CSS pixels at the device pixel
 * ratio (crisp on high-density screens) and return its 2-D context, scaled so that draw
 * functions work in CSS pixels.
 */
export function sizeCanvas(canvas, cssWidth, cssHeight) {
  const ratio = window.devicePixelRatio || 1;
  const width = Math.max(1, Math.round(cssWidth * ratio));
  const height = Math.max(1, Math.round(cssHeight * ratio));
  if (canvas.width !== width) canvas.width = width;
  if (canvas.height !== height) canvas.height = height;
  canvas.style.width = `${cssWidth}px`;
  canvas.style.height = `${cssHeight}px`;
  const ctx = canvas.getContext('2d');
  ctx.setTransform(width / cssWidth, 0, 0, height / cssHeight, 0, 0);
  return ctx;
}

/** The canvas colours and font, read from CSS custom properties on `element`. */
export function readTheme(element) {
  const style = getComputedStyle(element);
  const read = (name) => style.getPropertyValue(name).trim();
  return {
    font: style.fontFamily,
    background: read('--plot-background'),
    ink: read('--plot-ink'),
    muted: read('--plot-muted'),
    grid: read('--plot-grid'),
    zero: read('--plot-zero'),
    curve: read('--plot-curve'),
    derivative: read('--plot-derivative'),
    class0: read('--class-0'),
    class1: read('--class-1'),
    halo: read('--point-halo'),
  };
}
