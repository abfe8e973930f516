// Pure drawing of one horizontal meter bar, on a linear or a logarithmic scale, with tick
// marks. The numbers are always printed beside the bar by the caller; the bar only shows them.

/**
 * Where `value` falls on a log scale from `min` to `max` (both > 0), as a share 0..1.
 * 0 and values below `min` give 0; non-finite values give null (nothing to draw).
 */
export function logShare(value, min, max) {
  if (!Number.isFinite(value)) return null;
  if (value <= min) return 0;
  const share = (Math.log10(value) - Math.log10(min)) / (Math.log10(max) - Math.log10(min));
  return Math.min(1, share);
}

/**
 * Draw a meter bar filling `share` (0..1, or null for "no value") of its track.
 * data: {
 *   width, height: CSS pixels,
 *   share: 0..1 | null,
 *   ticks: shares 0..1 where to draw tick marks (e.g. every decade of a log scale),
 *   theme: { track, border, fill, tick }
 * }
 */
export function drawMeterBar(ctx, data) {
  const { width, height, share, ticks = [], theme } = data;
  ctx.clearRect(0, 0, width, height);
  ctx.fillStyle = theme.track;
  ctx.fillRect(0, 0, width, height);
  if (share !== null && share > 0) {
    ctx.fillStyle = theme.fill;
    // A value just above the bottom of the scale still shows as a sliver.
    ctx.fillRect(0, 0, Math.max(2, share * width), height);
  }
  ctx.strokeStyle = theme.tick;
  ctx.lineWidth = 1;
  ctx.beginPath();
  for (const tick of ticks) {
    const x = Math.round(tick * (width - 1)) + 0.5;
    ctx.moveTo(x, height * 0.55);
    ctx.lineTo(x, height);
  }
  ctx.stroke();
  ctx.strokeStyle = theme.border;
  ctx.strokeRect(0.5, 0.5, width - 1, height - 1);
}
