// Canvas sizing: a backing store at the device pixel ratio, so draw functions work in CSS pixels.

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
