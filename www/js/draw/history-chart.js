// Pure drawing of a small line chart over training steps: series read straight from the
// core's history columns (7 numbers a record: step, train loss, test loss, train accuracy,
// test accuracy, dead units, sparsity), with event marks. The core keeps at most 512 records,
// so the cost of a draw is bounded whatever the length of the run. Never touches wasm.
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
 *   columns: Float32Array of records (HISTORY.stride numbers each), count: records to use,
 *   series: [{ column, color, dash: [] | [on, off], lineWidth }],
 *   yDomain: [min, max] (values outside are clipped), yTicks: values, yFormat: v => text,
 *   xMax: the last step (the x axis runs from 0 to at least this),
 *   markers: [{ step, died }] drawn as ▼ (died) at the top and ▲ (came back) at the bottom,
 *   markerColors: { died, revived },
 *   theme: see readTheme()
 * }
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
  const y = linearScale(yDomain, [bottom, frame.top]);

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
  ctx.font = `11px ${theme.font}`;
  ctx.textAlign = 'right';
  ctx.textBaseline = 'middle';
  for (const value of data.yTicks) ctx.fillText(data.yFormat(value), frame.left - 4, y(value));
  ctx.textAlign = 'center';
  ctx.textBaseline = 'top';
  for (const value of xTicks) ctx.fillText(shortCount(value), x(value), bottom + 4);
  ctx.restore();

  // Series, clipped to the frame; NaN breaks a line.
  ctx.save();
  ctx.beginPath();
  ctx.rect(frame.left, frame.top, frame.width, frame.height);
  ctx.clip();
  ctx.lineJoin = 'round';
  const stride = HISTORY.stride;
  const [low, high] = yDomain;
  for (const line of series) {
    ctx.beginPath();
    let drawing = false;
    for (let r = 0; r < count; r += 1) {
      const value = columns[r * stride + line.column];
      if (!Number.isFinite(value)) {
        drawing = false;
        continue;
      }
      const px = x(columns[r * stride]);
      const py = y(Math.min(high, Math.max(low, value)));
      if (drawing) ctx.lineTo(px, py);
      else ctx.moveTo(px, py);
      drawing = true;
    }
    ctx.setLineDash(line.dash ?? []);
    ctx.lineWidth = line.lineWidth ?? 2;
    ctx.strokeStyle = line.color;
    ctx.stroke();
  }
  ctx.setLineDash([]);

  // Event marks: a thin line and a shape, so colour is never the only cue.
  for (const marker of data.markers ?? []) {
    const px = Math.round(x(marker.step)) + 0.5;
    const color = marker.died ? data.markerColors.died : data.markerColors.revived;
    ctx.strokeStyle = color;
    ctx.globalAlpha = 0.45;
    ctx.lineWidth = 1;
    ctx.beginPath();
    ctx.moveTo(px, frame.top);
    ctx.lineTo(px, bottom);
    ctx.stroke();
    ctx.globalAlpha = 1;
    ctx.fillStyle = color;
    ctx.beginPath();
    if (marker.died) {
      ctx.moveTo(px - 4.5, frame.top + 1);
      ctx.lineTo(px + 4.5, frame.top + 1);
      ctx.lineTo(px, frame.top + 8);
    } else {
      ctx.moveTo(px - 4.5, bottom - 1);
      ctx.lineTo(px + 4.5, bottom - 1);
      ctx.lineTo(px, bottom - 8);
    }
    ctx.closePath();
    ctx.fill();
  }
  ctx.restore();
}
