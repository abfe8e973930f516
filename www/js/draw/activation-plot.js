// Pure drawing of an activation function and its derivative. Receives plain numbers; never
// touches wasm or the DOM.
import { drawAxes, linearScale } from './axes.js';

/** Space around the plotting frame for tick labels and axis titles, in CSS pixels. */
export const PLOT_MARGIN = { left: 46, right: 12, top: 10, bottom: 44 };

/**
 * Cut a sampled curve where consecutive values jump by more than `maxJump`, so a step (like
 * ReLU's derivative at 0) is drawn as two pieces rather than a steep fake line.
 * Returns [{ xs, ys }] with plain arrays.
 */
export function splitAtJumps(xs, ys, maxJump) {
  const segments = [];
  let current = { xs: [], ys: [] };
  for (let i = 0; i < xs.length; i += 1) {
    if (i > 0 && Math.abs(ys[i] - ys[i - 1]) > maxJump) {
      segments.push(current);
      current = { xs: [], ys: [] };
    }
    current.xs.push(xs[i]);
    current.ys.push(ys[i]);
  }
  if (current.xs.length) segments.push(current);
  return segments;
}

/**
 * Draw curves on labelled axes.
 * data: {
 *   width, height,                      CSS pixels of the canvas
 *   xDomain, yDomain: [min, max],
 *   xTicks, yTicks: number[],
 *   xLabel, yLabel: string,
 *   series: [{ segments: [{ xs, ys }], color, dash: number[], lineWidth }],
 *   markers: [{ x, y, color, filled }]  small circles: filled = the value taken there,
 *                                       hollow = the end of a piece that is not taken
 *   theme: see readTheme()
 * }
 */
export function drawActivationPlot(ctx, data) {
  const { width, height, theme } = data;
  const frame = {
    left: PLOT_MARGIN.left,
    top: PLOT_MARGIN.top,
    width: width - PLOT_MARGIN.left - PLOT_MARGIN.right,
    height: height - PLOT_MARGIN.top - PLOT_MARGIN.bottom,
  };
  const x = linearScale(data.xDomain, [frame.left, frame.left + frame.width]);
  const y = linearScale(data.yDomain, [frame.top + frame.height, frame.top]);

  ctx.clearRect(0, 0, width, height);
  ctx.fillStyle = theme.background;
  ctx.fillRect(frame.left, frame.top, frame.width, frame.height);
  drawAxes(ctx, frame, {
    x,
    y,
    xTicks: data.xTicks,
    yTicks: data.yTicks,
    xLabel: data.xLabel,
    yLabel: data.yLabel,
    theme,
  });

  ctx.save();
  ctx.beginPath();
  ctx.rect(frame.left, frame.top, frame.width, frame.height);
  ctx.clip();
  ctx.lineJoin = 'round';
  ctx.lineCap = 'butt';
  for (const line of data.series) {
    ctx.strokeStyle = line.color;
    ctx.lineWidth = line.lineWidth ?? 2.5;
    ctx.setLineDash(line.dash ?? []);
    for (const segment of line.segments) {
      ctx.beginPath();
      for (let i = 0; i < segment.xs.length; i += 1) {
        const px = x(segment.xs[i]);
        const py = y(segment.ys[i]);
        if (i === 0) ctx.moveTo(px, py);
        else ctx.lineTo(px, py);
      }
      ctx.stroke();
    }
  }
  ctx.setLineDash([]);
  for (const marker of data.markers ?? []) {
    ctx.beginPath();
    ctx.arc(x(marker.x), y(marker.y), 4.5, 0, Math.PI * 2);
    ctx.lineWidth = 2;
    ctx.strokeStyle = marker.color;
    ctx.fillStyle = marker.filled ? marker.color : theme.background;
    ctx.fill();
    ctx.stroke();
  }
  ctx.restore();
}
