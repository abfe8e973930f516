// Pure drawing of a small line chart over training steps: series read straight from the
// core's history columns (7 numbers a record: step, train loss, test loss, train accuracy,
// test accuracy, dead units, sparsity), with event marks. The core keeps at most 512 records,
// so the cost of a draw is bounded whatever the length of the run; and a line goes only
// through the records it needs to pass within half its width of all of them (keptPoints), so
// that a smooth line of 512 records costs the browser's raster about as little as one of 50,
// and the unit events are drawn as one path a kind (issue 13, goal 7). Never touches wasm.
import { linearScale } from './axes.js';

/** Columns of a history record, as the core writes them. */
export const HISTORY = Object.freeze({
  stride: 7,
  step: 0,
  trainLoss: 1,
  testLoss: 2,
  trainAccuracy: 3,
  testAccuracy: 4,
  deadUnits: 5,
  sparsity: 6,
});

/** Space around the plotting frame, in CSS pixels. */
export const CHART_MARGIN = { left: 40, right: 10, top: 8, bottom: 22 };

/**
 * How far (CSS pixels) a line `lineWidth` wide may pass from a record it does not go through:
 * half its width, so that every record is still under the drawn line.
 */
export const lineTolerance = (lineWidth) => lineWidth / 2;

/**
 * Which of `count` points (xs[i], ys[i]) of one unbroken line the drawn line must go through so
 * that it passes within `tolerance` of every other one (Ramer–Douglas–Peucker, measuring each
 * point's distance to the drawn segment, not to its infinite line): their indices in order,
 * the first and the last always among them. Collinear runs shrink to their ends; corners,
 * peaks and steps stay.
 * @param {ArrayLike<number>} xs
 * @param {ArrayLike<number>} ys
 * @param {number} count
 * @returns {number[]}
 */
export function keptPoints(xs, ys, count, tolerance) {
  if (count <= 2) return Array.from({ length: count }, (_, i) => i);
  const keep = new Uint8Array(count);
  keep[0] = 1;
  keep[count - 1] = 1;
  const limit = tolerance * tolerance;
  const spans = [0, count - 1];
  while (spans.length > 0) {
    const last = /** @type {number} */ (spans.pop());
    const first = /** @type {number} */ (spans.pop());
    const dx = xs[last] - xs[first];
    const dy = ys[last] - ys[first];
    const length2 = dx * dx + dy * dy;
    let farthest = -1;
    let most = limit;
    for (let i = first + 1; i < last; i += 1) {
      const along = length2 > 0 ? Math.min(1, Math.max(0, ((xs[i] - xs[first]) * dx + (ys[i] - ys[first]) * dy) / length2)) : 0;
      const ex = xs[i] - (xs[first] + along * dx);
      const ey = ys[i] - (ys[first] + along * dy);
      const distance2 = ex * ex + ey * ey;
      if (distance2 > most) {
        most = distance2;
        farthest = i;
      }
    }
    if (farthest < 0) continue;
    keep[farthest] = 1;
    if (farthest - first > 1) spans.push(first, farthest);
    if (last - farthest > 1) spans.push(farthest, last);
  }
  const kept = [];
  for (let i = 0; i < count; i += 1) if (keep[i]) kept.push(i);
  return kept;
}

/** About `count` round tick values from 0 to `max` (1, 2 or 5 times a power of ten apart). */
export function niceTicks(max, count = 4) {
  if (!(max > 0)) return [0];
  const raw = max / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw);
  const values = [];
  for (let v = 0; v <= max + step * 1e-9; v += step) values.push(Number(v.toPrecision(12)));
  return values;
}

/**
 * The loss chart's y axis for losses up to `maxLoss` and down to `minLoss` (finite, ≥ 0):
 * linear from 0 while every loss is at most 3, with a top that grows with the data; above 3,
 * a log scale over whole decades (0.01 … 100 for a loss of 13), so that a loss of 13 and one
 * of 0.05 both show. No point is ever outside the axis.
 * Returns { scale: 'linear' | 'log', domain: [low, high], ticks }.
 */
export function lossAxis(maxLoss, minLoss = 0) {
  const top = Number.isFinite(maxLoss) && maxLoss > 0 ? maxLoss : 0;
  if (top <= 3) {
    const high = Math.max(0.8, Math.ceil(top * 5) / 5);
    return { scale: 'linear', domain: [0, high], ticks: niceTicks(high, 3) };
  }
  const bottom = Number.isFinite(minLoss) && minLoss > 0 ? minLoss : 0.01;
  const low = 10 ** Math.floor(Math.log10(Math.min(bottom, 0.1)));
  const high = 10 ** Math.ceil(Math.log10(top * 1.0001));
  const ticks = [];
  const decades = Math.round(Math.log10(high / low));
  const every = Math.max(1, Math.ceil(decades / 4));
  for (let d = 0; d <= decades; d += every) ticks.push(Number((low * 10 ** d).toPrecision(6)));
  return { scale: 'log', domain: [Math.max(low, 1e-6), high], ticks };
}

/** A log map from `domain` [d0, d1] (both > 0) to `range`; values ≤ d0 go to d0. */
function logScale([d0, d1], [r0, r1]) {
  const l0 = Math.log10(d0);
  const factor = (r1 - r0) / (Math.log10(d1) - l0);
  return (value) => r0 + (Math.log10(Math.max(d0, value)) - l0) * factor;
}

/** 1500 → "1.5k", 2000000 → "2M", 40 → "40". */
export function shortCount(value) {
  if (value >= 1e6) return `${Number((value / 1e6).toPrecision(3))}M`;
  if (value >= 1e3) return `${Number((value / 1e3).toPrecision(3))}k`;
  return String(value);
}

/**
 * Draw one chart.
 * data: {
 *   width, height: CSS pixels,
 *   columns: Float32Array of records (`stride` numbers each, HISTORY.stride by default, step
 *     first), count: records to use,
 *   series: [{ column, color, dash: [] | [on, off], lineWidth, label }] (a label, such as a
 *     layer number, is written at the line's last point, so lines are told apart without colour),
 *   yDomain: [min, max] (values outside are clipped), yTicks: values, yFormat: v => text,
 *   yScale: 'linear' (default) or 'log' (yDomain above 0; see lossAxis),
 *   xMax: the last step (the x axis runs from 0 to at least this),
 *   markers: [{ step, died }] drawn as ▼ (died) at the top and ▲ (came back) at the bottom,
 *   markerColors: { died, revived },
 *   switches: [{ step, label }]: where the activation switched in place, drawn as a dashed
 *     line over the whole height in the ink colour with its label (say "→ leaky") at the top,
 *   theme: see readTheme()
 * }
 * Returns { xEnd }: the step at the right edge of the plot (the x axis runs from 0 to it).
 */
export function drawHistoryChart(ctx, data) {
  const { width, height, columns, count, series, yDomain, theme } = data;
  const frame = {
    left: CHART_MARGIN.left,
    top: CHART_MARGIN.top,
    width: Math.max(10, width - CHART_MARGIN.left - CHART_MARGIN.right),
    height: Math.max(10, height - CHART_MARGIN.top - CHART_MARGIN.bottom),
  };
  const right = frame.left + frame.width;
  const bottom = frame.top + frame.height;
  const xMax = Math.max(10, data.xMax ?? 0);
  const xTicks = niceTicks(xMax, width < 260 ? 2 : 4);
  const xEnd = Math.max(xMax, xTicks.at(-1));
  const x = linearScale([0, xEnd], [frame.left, right]);
  const y = data.yScale === 'log' ? logScale(yDomain, [bottom, frame.top]) : linearScale(yDomain, [bottom, frame.top]);

  ctx.clearRect(0, 0, width, height);
  ctx.fillStyle = theme.background;
  ctx.fillRect(frame.left, frame.top, frame.width, frame.height);

  // Grid and tick labels.
  ctx.save();
  ctx.lineWidth = 1;
  ctx.strokeStyle = theme.grid;
  ctx.beginPath();
  for (const value of data.yTicks) {
    const py = Math.round(y(value)) + 0.5;
    ctx.moveTo(frame.left, py);
    ctx.lineTo(right, py);
  }
  for (const value of xTicks) {
    const px = Math.round(x(value)) + 0.5;
    ctx.moveTo(px, frame.top);
    ctx.lineTo(px, bottom);
  }
  ctx.stroke();
  ctx.strokeStyle = theme.muted;
  ctx.strokeRect(frame.left + 0.5, frame.top + 0.5, frame.width - 1, frame.height - 1);
  ctx.fillStyle = theme.ink;
  ctx.font = `12px ${theme.font}`;
  ctx.textAlign = 'right';
  ctx.textBaseline = 'middle';
  for (const value of data.yTicks) ctx.fillText(data.yFormat(value), frame.left - 4, y(value));
  ctx.textAlign = 'center';
  ctx.textBaseline = 'top';
  for (const value of xTicks) ctx.fillText(shortCount(value), x(value), bottom + 4);
  ctx.restore();

  // Series, clipped to the frame; NaN breaks a line. Each unbroken run goes through its kept
  // points only (keptPoints: within half the line's width of every record).
  ctx.save();
  ctx.beginPath();
  ctx.rect(frame.left, frame.top, frame.width, frame.height);
  ctx.clip();
  ctx.lineJoin = 'round';
  const stride = data.stride ?? HISTORY.stride;
  const [low, high] = yDomain;
  const ends = [];
  const xs = new Float64Array(count);
  const ys = new Float64Array(count);
  for (const line of series) {
    ctx.beginPath();
    let run = 0; // points in the unbroken run so far
    let end = null;
    const lineWidth = line.lineWidth ?? 2;
    const drawRun = () => {
      const kept = keptPoints(xs, ys, run, lineTolerance(lineWidth));
      kept.forEach((index, i) => (i === 0 ? ctx.moveTo(xs[index], ys[index]) : ctx.lineTo(xs[index], ys[index])));
      run = 0;
    };
    for (let r = 0; r < count; r += 1) {
      const value = columns[r * stride + line.column];
      if (!Number.isFinite(value)) {
        drawRun();
        continue;
      }
      xs[run] = x(columns[r * stride]);
      ys[run] = y(Math.min(high, Math.max(low, value)));
      end = { px: xs[run], py: ys[run] };
      run += 1;
    }
    drawRun();
    ctx.setLineDash(line.dash ?? []);
    ctx.lineWidth = lineWidth;
    ctx.strokeStyle = line.color;
    ctx.stroke();
    if (line.label && end) ends.push({ ...end, label: line.label, color: line.color });
  }
  ctx.setLineDash([]);
  ctx.font = `600 12px ${theme.font}`;
  ctx.textAlign = 'right';
  ctx.textBaseline = 'middle';
  for (const end of ends) {
    ctx.fillStyle = theme.background;
    const w = ctx.measureText(end.label).width + 4;
    const py = Math.min(bottom - 7, Math.max(frame.top + 7, end.py));
    ctx.fillRect(end.px - w - 3, py - 7, w, 14);
    ctx.fillStyle = end.color;
    ctx.fillText(end.label, end.px - 5, py);
  }

  drawMarkers(ctx, data.markers ?? [], data.markerColors, { x, frame, bottom });
  drawSwitches(ctx, data.switches ?? [], { x, frame, right, bottom, theme });
  ctx.restore();
  return { xEnd };
}

/**
 * The unit events: a thin line over the frame and a ▼ (died, at the top) or ▲ (came back, at
 * the bottom), so colour is never the only cue. Each kind is one path of lines and one of
 * shapes, with the events at one pixel column drawn once: the up to 256 events the core keeps
 * cost four draw calls, not 512. Inside the clip.
 */
function drawMarkers(ctx, markers, colors, { x, frame, bottom }) {
  for (const died of [true, false]) {
    const columns = new Set();
    for (const marker of markers) if (Boolean(marker.died) === died) columns.add(Math.round(x(marker.step)) + 0.5);
    if (columns.size === 0) continue;
    const color = died ? colors.died : colors.revived;
    ctx.strokeStyle = color;
    ctx.globalAlpha = 0.45;
    ctx.lineWidth = 1;
    ctx.beginPath();
    for (const px of columns) {
      ctx.moveTo(px, frame.top);
      ctx.lineTo(px, bottom);
    }
    ctx.stroke();
    ctx.globalAlpha = 1;
    ctx.fillStyle = color;
    ctx.beginPath();
    for (const px of columns) {
      if (died) {
        ctx.moveTo(px - 4.5, frame.top + 1);
        ctx.lineTo(px + 4.5, frame.top + 1);
        ctx.lineTo(px, frame.top + 8);
      } else {
        ctx.moveTo(px - 4.5, bottom - 1);
        ctx.lineTo(px + 4.5, bottom - 1);
        ctx.lineTo(px, bottom - 8);
      }
      ctx.closePath();
    }
    ctx.fill();
  }
}

/**
 * The switches of activation: a dashed line over the frame and its label in a small box at
 * the top (to the right of the line, or to its left near the right edge). Inside the clip.
 */
function drawSwitches(ctx, switches, { x, frame, right, bottom, theme }) {
  ctx.font = `12px ${theme.font}`;
  ctx.textBaseline = 'middle';
  for (const change of switches) {
    const px = Math.round(x(change.step)) + 0.5;
    ctx.strokeStyle = theme.ink;
    ctx.lineWidth = 1.5;
    ctx.setLineDash([5, 3]);
    ctx.beginPath();
    ctx.moveTo(px, frame.top);
    ctx.lineTo(px, bottom);
    ctx.stroke();
    ctx.setLineDash([]);
    if (!change.label) continue;
    const w = ctx.measureText(change.label).width + 6;
    const left = px + 3 + w <= right ? px + 3 : px - 3 - w;
    const top = frame.top + 12;
    ctx.fillStyle = theme.background;
    ctx.fillRect(left, top, w, 15);
    ctx.fillStyle = theme.ink;
    ctx.textAlign = 'left';
    ctx.fillText(change.label, left + 3, top + 7.5);
  }
}
