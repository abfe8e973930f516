// Shared pieces of the pure draw functions: linear scales, tick values, axes with labels.
// Nothing here touches wasm or the DOM beyond the 2-D context it is given.
import { formatNumber } from '../text/format.js';

/** A linear map from `domain` [d0, d1] to `range` [r0, r1] (either may be reversed). */
export function linearScale([d0, d1], [r0, r1]) {
  const factor = (r1 - r0) / (d1 - d0);
  return (value) => r0 + (value - d0) * factor;
}

/** Tick values from `start` to `end` every `step`, free of float drift (0.1 + 0.2 issues). */
export function ticks(start, end, step) {
  const values = [];
  const count = Math.round((end - start) / step);
  for (let i = 0; i <= count; i += 1) values.push(Number((start + i * step).toFixed(10)));
  return values;
}

/** A tick's label: "−2" with a true minus sign, as in print (text/format.js formatNumber). */
export function tickLabel(value) {
  return formatNumber(value, 6);
}

/**
 * Grid lines at the ticks and, stronger, the two zero lines when zero is a tick, inside
 * `frame` ({ left, top, width, height } in CSS pixels).
 * options: { x, y: scales; xTicks, yTicks: values; theme: { grid, zero } }
 */
export function drawGrid(ctx, frame, { x, y, xTicks, yTicks, theme }) {
  const right = frame.left + frame.width;
  const bottom = frame.top + frame.height;
  ctx.save();
  ctx.lineWidth = 1;
  ctx.strokeStyle = theme.grid;
  ctx.beginPath();
  for (const value of xTicks) {
    const px = Math.round(x(value)) + 0.5;
    ctx.moveTo(px, frame.top);
    ctx.lineTo(px, bottom);
  }
  for (const value of yTicks) {
    const py = Math.round(y(value)) + 0.5;
    ctx.moveTo(frame.left, py);
    ctx.lineTo(right, py);
  }
  ctx.stroke();

  // The axes through zero, when zero is in view, stand out from the grid.
  ctx.strokeStyle = theme.zero;
  ctx.beginPath();
  if (xTicks.includes(0)) {
    const px = Math.round(x(0)) + 0.5;
    ctx.moveTo(px, frame.top);
    ctx.lineTo(px, bottom);
  }
  if (yTicks.includes(0)) {
    const py = Math.round(y(0)) + 0.5;
    ctx.moveTo(frame.left, py);
    ctx.lineTo(right, py);
  }
  ctx.stroke();
  ctx.restore();
}

/**
 * Grid lines, the two zero lines, tick labels and axis titles around `frame`
 * ({ left, top, width, height } in CSS pixels).
 * options: { x, y: scales; xTicks, yTicks: values; xLabel, yLabel: strings;
 *            theme: { ink, muted, grid, zero, font }; gridLines: bool (true) }
 */
export function drawAxes(ctx, frame, options) {
  const { x, y, xTicks, yTicks, xLabel, yLabel, theme } = options;
  const gridLines = options.gridLines ?? true;
  const bottom = frame.top + frame.height;

  ctx.save();
  ctx.lineWidth = 1;
  if (gridLines) drawGrid(ctx, frame, options);

  // Frame.
  ctx.strokeStyle = theme.muted;
  ctx.strokeRect(frame.left + 0.5, frame.top + 0.5, frame.width - 1, frame.height - 1);

  // Tick labels.
  ctx.fillStyle = theme.ink;
  ctx.font = `12px ${theme.font}`;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'top';
  for (const value of xTicks) ctx.fillText(tickLabel(value), x(value), bottom + 4);
  ctx.textAlign = 'right';
  ctx.textBaseline = 'middle';
  for (const value of yTicks) ctx.fillText(tickLabel(value), frame.left - 5, y(value));

  // Axis titles: x centred under the ticks, y rotated along the left edge.
  ctx.font = `italic 13px ${theme.font}`;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'bottom';
  if (xLabel) ctx.fillText(xLabel, frame.left + frame.width / 2, bottom + 36);
  if (yLabel) {
    ctx.translate(13, frame.top + frame.height / 2);
    ctx.rotate(-Math.PI / 2);
    ctx.textBaseline = 'middle';
    ctx.fillText(yLabel, 0, 0);
  }
  ctx.restore();
}
