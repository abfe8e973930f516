// Pure drawing of the Function screen's figure: activation functions (top panel), their
// derivatives (middle panel) and, below, one hatched strip per function where its slope is
// nearly flat, all on one shared x axis, with the probe line and its markers. Receives plain
// numbers; never touches wasm or the DOM.
import { drawGrid, linearScale, tickLabel } from './axes.js';

/** Horizontal space around the panels, in CSS pixels (the left margin holds strip labels). */
export const FUNCTION_PLOT_MARGIN = { left: 66, right: 14 };

const TITLE_HEIGHT = 22;
const PANEL_GAP = 8;
const STRIP_ROW = 16;
/** With a height to fill, the strips' share of it at most, and the least height of a row. */
const STRIP_SHARE = 0.25;
const STRIP_ROW_LEAST = 10;
const BOTTOM = 40; // tick labels and the x axis title

/** The value and slope panels' heights: at least these (tick labels stay apart), at most these. */
export const FUNCTION_PLOT_PANELS = {
  value: { least: 64, most: 320 },
  slope: { least: 44, most: 200 },
};
/** With a height to fill, the value panel's share of the two panels' height. */
const VALUE_SHARE = 0.6;

/** The value and slope panels' heights for `width` alone (the plot's own proportions). */
function naturalPanels(width) {
  const { value, slope } = FUNCTION_PLOT_PANELS;
  return {
    value: Math.round(Math.min(value.most, Math.max(170, width * 0.42))),
    slope: Math.round(Math.min(slope.most, Math.max(120, width * 0.26))),
  };
}

const within = (x, { least, most }) => Math.min(most, Math.max(least, x));

/**
 * The value and slope panels' heights sharing `room` px (about VALUE_SHARE for values), each
 * within FUNCTION_PLOT_PANELS: together exactly `room` (rounded down) when the bounds allow.
 */
function fittedPanels(room) {
  const total = Math.floor(room);
  const slopeHeight = within(total - within(Math.round(total * VALUE_SHARE), FUNCTION_PLOT_PANELS.value), FUNCTION_PLOT_PANELS.slope);
  return { value: within(total - slopeHeight, FUNCTION_PLOT_PANELS.value), slope: slopeHeight };
}

/**
 * The vertical layout for a canvas `width` CSS pixels wide with `rows` flat-region strips.
 * With `fitHeight` (a small frame's plot, given the height it has), the value and slope
 * panels share what the titles, the strips and the x axis leave of it, within
 * FUNCTION_PLOT_PANELS: the layout is then exactly `fitHeight` tall unless that is less than
 * the least it can be (or more than the most). Without, the panels follow the width.
 * Returns { width, height, left, right, value, slope, strip } where each panel is
 * { top, height, titleY } and `left`/`right` bound every panel horizontally; `strip.row` is
 * one function's row (16 px; with `fitHeight`, thinner, down to 10 px, when the rows would
 * take more than a quarter of it).
 */
export function functionPlotLayout(width, rows, fitHeight = null) {
  const fits = typeof fitHeight === 'number' && Number.isFinite(fitHeight);
  const count = Math.max(1, rows);
  const around = 3 * (TITLE_HEIGHT + PANEL_GAP) + BOTTOM - PANEL_GAP + 4;
  // A small frame with many functions: thinner strip rows (at most a quarter of the height,
  // and no more than the panels at their least leave), so the two panels keep their room.
  const least = FUNCTION_PLOT_PANELS.value.least + FUNCTION_PLOT_PANELS.slope.least;
  const row = fits
    ? within(Math.floor(Math.min(fitHeight * STRIP_SHARE, fitHeight - around - least) / count), { least: STRIP_ROW_LEAST, most: STRIP_ROW })
    : STRIP_ROW;
  const stripHeight = count * row + 4;
  const fixed = around - 4 + stripHeight;
  const heights = fits ? fittedPanels(fitHeight - fixed) : naturalPanels(width);
  let y = 0;
  const panel = (height) => {
    const titleY = y + 15;
    const top = y + TITLE_HEIGHT;
    y = top + height + PANEL_GAP;
    return { top, height, titleY };
  };
  const value = panel(heights.value);
  const slope = panel(heights.slope);
  const strip = panel(stripHeight);
  return {
    width,
    height: strip.top + strip.height + BOTTOM,
    left: FUNCTION_PLOT_MARGIN.left,
    right: width - FUNCTION_PLOT_MARGIN.right,
    value,
    slope,
    strip: { ...strip, row },
  };
}

/** About `count` round tick values covering [min, max] (steps of 1, 2 or 5 × 10^k). */
export function niceTicks(min, max, count) {
  const span = max - min;
  if (!(span > 0)) return [min];
  const raw = span / Math.max(1, count);
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((f) => f * power).find((s) => s >= raw) ?? 10 * power;
  const values = [];
  for (let k = Math.ceil(min / step - 1e-9); k * step <= max + step * 1e-9; k += 1) {
    values.push(Number((k * step).toPrecision(12)));
  }
  return values;
}

/** A path for a marker `shape` centred on (px, py) with size `r`. */
export function traceMarker(ctx, shape, px, py, r) {
  ctx.beginPath();
  switch (shape) {
    case 'square':
      ctx.rect(px - r * 0.85, py - r * 0.85, r * 1.7, r * 1.7);
      break;
    case 'triangle':
      ctx.moveTo(px, py - r * 1.2);
      ctx.lineTo(px + r * 1.05, py + r * 0.7);
      ctx.lineTo(px - r * 1.05, py + r * 0.7);
      ctx.closePath();
      break;
    case 'triangle-down':
      ctx.moveTo(px, py + r * 1.2);
      ctx.lineTo(px + r * 1.05, py - r * 0.7);
      ctx.lineTo(px - r * 1.05, py - r * 0.7);
      ctx.closePath();
      break;
    case 'diamond':
      ctx.moveTo(px, py - r * 1.25);
      ctx.lineTo(px + r * 1.05, py);
      ctx.lineTo(px, py + r * 1.25);
      ctx.lineTo(px - r * 1.05, py);
      ctx.closePath();
      break;
    default:
      ctx.arc(px, py, r, 0, Math.PI * 2);
  }
}

/** Fill a rectangle with diagonal hatching (lines every `gap` px) in `color`. */
function hatch(ctx, x, y, w, h, color, gap = 5) {
  if (w <= 0 || h <= 0) return;
  ctx.save();
  ctx.beginPath();
  ctx.rect(x, y, w, h);
  ctx.clip();
  ctx.strokeStyle = color;
  ctx.lineWidth = 1.5;
  ctx.beginPath();
  for (let d = -h; d < w + h; d += gap) {
    ctx.moveTo(x + d, y + h);
    ctx.lineTo(x + d + h, y);
  }
  ctx.stroke();
  ctx.restore();
}

/** How strongly the negative half is shaded: the grid colour at this opacity, under the grid. */
export const NEGATIVE_SHADE_ALPHA = 0.55;

/**
 * The pixel span [from, to] of x < 0 inside a panel `frame` for the x scale, or null when the
 * x domain has no negative part.
 */
export function negativeSpan(frame, xScale, xDomain) {
  if (!(xDomain[0] < 0)) return null;
  const to = Math.min(frame.left + frame.width, Math.max(frame.left, xScale(Math.min(0, xDomain[1]))));
  return to > frame.left ? { from: frame.left, to } : null;
}

function drawPanelFrame(ctx, frame, yScale, yTicks, xScale, xTicks, theme, shade = null) {
  const { left, top, width, height } = frame;
  ctx.fillStyle = theme.background;
  ctx.fillRect(left, top, width, height);
  if (shade) {
    ctx.save();
    ctx.globalAlpha = NEGATIVE_SHADE_ALPHA;
    ctx.fillStyle = theme.grid;
    ctx.fillRect(shade.from, top, shade.to - shade.from, height);
    ctx.restore();
  }
  drawGrid(ctx, frame, { x: xScale, y: yScale, xTicks, yTicks, theme });
  ctx.strokeStyle = theme.muted;
  ctx.strokeRect(left + 0.5, top + 0.5, width - 1, height - 1);
  ctx.fillStyle = theme.ink;
  ctx.font = `12px ${theme.font}`;
  ctx.textAlign = 'right';
  ctx.textBaseline = 'middle';
  for (const value of yTicks) ctx.fillText(tickLabel(value), left - 5, yScale(value));
}

function strokeSegments(ctx, segments, xScale, yScale) {
  for (const segment of segments) {
    ctx.beginPath();
    for (let i = 0; i < segment.xs.length; i += 1) {
      const px = xScale(segment.xs[i]);
      const py = yScale(segment.ys[i]);
      if (i === 0) ctx.moveTo(px, py);
      else ctx.lineTo(px, py);
    }
    ctx.stroke();
  }
}

function drawCurves(ctx, frame, curves, key, xScale, yScale, theme) {
  ctx.save();
  ctx.beginPath();
  ctx.rect(frame.left, frame.top, frame.width, frame.height);
  ctx.clip();
  ctx.lineJoin = 'round';
  // Draw the reference (the first curve, ReLU when plotted) last so it stays on top.
  for (const curve of [...curves].reverse()) {
    ctx.strokeStyle = curve.color;
    ctx.lineWidth = curve.lineWidth;
    ctx.setLineDash(curve.dash);
    strokeSegments(ctx, curve[key], xScale, yScale);
  }
  ctx.setLineDash([]);
  // Where a derivative jumps at 0: filled dot for the value used there, hollow for the other.
  if (key === 'slopes') {
    for (const curve of curves) {
      if (!curve.jump) continue;
      for (const { y, filled } of curve.jump) {
        ctx.beginPath();
        ctx.arc(xScale(0), yScale(y), 4.5, 0, Math.PI * 2);
        ctx.fillStyle = filled ? curve.color : theme.background;
        ctx.strokeStyle = curve.color;
        ctx.lineWidth = 2;
        ctx.fill();
        ctx.stroke();
      }
    }
  }
  ctx.restore();
}

/** The shaded half's label, at its top left, when it fits in the shaded width. */
function drawShadeLabel(ctx, text, shade, frame, theme) {
  ctx.font = `600 12px ${theme.font}`;
  if (ctx.measureText(text).width + 12 > shade.to - shade.from) return;
  ctx.fillStyle = theme.ink;
  ctx.textAlign = 'left';
  ctx.textBaseline = 'top';
  ctx.fillText(text, shade.from + 6, frame.top + 6);
}

function drawTitle(ctx, text, left, y, theme) {
  ctx.fillStyle = theme.ink;
  ctx.font = `600 13px ${theme.font}`;
  ctx.textAlign = 'left';
  ctx.textBaseline = 'alphabetic';
  ctx.fillText(text, left, y);
}

/**
 * Draw the whole figure.
 * data: {
 *   layout: functionPlotLayout(width, rows),
 *   xDomain, valueDomain, slopeDomain: [min, max],
 *   xTicks, valueTicks, slopeTicks: number[],
 *   curves: [{ label, color, dash, lineWidth, marker,
 *              values: [{ xs, ys }], slopes: [{ xs, ys }],   segments to stroke
 *              jump: [{ y, filled }] | null,                  derivative dots at x = 0
 *              flat: [[x0, x1]] }],                           where |f'| < threshold
 *   flatThreshold: number,
 *   negative: { label } | null,   shade x < 0 in both panels (grid colour, under the grid),
 *                                 with `label` at the top left of the top panel's shaded part
 *   probe: { x, label, points: [{ value, slope }] (one per curve) } | null,
 *   theme: readTheme() plus { hatch }
 * }
 */
export function drawFunctionPlot(ctx, data) {
  const { layout, theme, curves } = data;
  const left = layout.left;
  const width = layout.right - layout.left;
  const frame = (panel) => ({ left, top: panel.top, width, height: panel.height });
  const valueFrame = frame(layout.value);
  const slopeFrame = frame(layout.slope);
  const stripFrame = frame(layout.strip);
  const x = linearScale(data.xDomain, [left, left + width]);
  const yValue = linearScale(data.valueDomain, [valueFrame.top + valueFrame.height, valueFrame.top]);
  const ySlope = linearScale(data.slopeDomain, [slopeFrame.top + slopeFrame.height, slopeFrame.top]);

  ctx.clearRect(0, 0, layout.width, layout.height);
  const shade = data.negative ? negativeSpan(valueFrame, x, data.xDomain) : null;

  drawTitle(ctx, 'f(x): the functions', left, layout.value.titleY, theme);
  drawPanelFrame(ctx, valueFrame, yValue, data.valueTicks, x, data.xTicks, theme, shade);
  if (shade) drawShadeLabel(ctx, data.negative.label, shade, valueFrame, theme);
  drawCurves(ctx, valueFrame, curves, 'values', x, yValue, theme);

  drawTitle(ctx, 'f\u2032(x): their slopes', left, layout.slope.titleY, theme);
  drawPanelFrame(ctx, slopeFrame, ySlope, data.slopeTicks, x, data.xTicks, theme, shade);
  drawCurves(ctx, slopeFrame, curves, 'slopes', x, ySlope, theme);

  // Flat regions: one labelled row per function, hatched where |f'(x)| < threshold.
  drawTitle(
    ctx,
    `Hatched: nearly flat, |f\u2032(x)| < ${data.flatThreshold}`,
    left,
    layout.strip.titleY,
    theme,
  );
  ctx.fillStyle = theme.background;
  ctx.fillRect(stripFrame.left, stripFrame.top, stripFrame.width, stripFrame.height);
  const rowHeight = layout.strip.row;
  ctx.font = `${Math.min(12, rowHeight - 1)}px ${theme.font}`;
  ctx.textAlign = 'right';
  ctx.textBaseline = 'middle';
  curves.forEach((curve, row) => {
    const top = stripFrame.top + 2 + row * rowHeight;
    ctx.fillStyle = theme.ink;
    ctx.fillText(curve.shortLabel, left - 6, top + rowHeight / 2);
    for (const [x0, x1] of curve.flat) {
      const p0 = x(x0);
      const p1 = Math.max(x(x1), p0 + 2);
      hatch(ctx, p0, top + 2, p1 - p0, rowHeight - 4, curve.color);
      ctx.strokeStyle = curve.color;
      ctx.lineWidth = 1;
      ctx.strokeRect(p0 + 0.5, top + 2.5, p1 - p0 - 1, rowHeight - 5);
    }
  });
  ctx.strokeStyle = theme.muted;
  ctx.lineWidth = 1;
  ctx.strokeRect(stripFrame.left + 0.5, stripFrame.top + 0.5, stripFrame.width - 1, stripFrame.height - 1);

  // The shared x axis: tick labels and title under the strip.
  const bottom = stripFrame.top + stripFrame.height;
  ctx.fillStyle = theme.ink;
  ctx.font = `12px ${theme.font}`;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'top';
  for (const value of data.xTicks) ctx.fillText(tickLabel(value), x(value), bottom + 4);
  ctx.font = `italic 13px ${theme.font}`;
  ctx.textBaseline = 'bottom';
  ctx.fillText('x (the input)', left + width / 2, bottom + 36);

  // The probe: a vertical line through every panel and a marker on every curve.
  if (data.probe) {
    const px = Math.round(x(data.probe.x)) + 0.5;
    ctx.save();
    ctx.strokeStyle = theme.ink;
    ctx.lineWidth = 1.5;
    ctx.setLineDash([4, 3]);
    ctx.beginPath();
    ctx.moveTo(px, valueFrame.top);
    ctx.lineTo(px, bottom);
    ctx.stroke();
    ctx.setLineDash([]);
    const marks = [
      { panel: valueFrame, scale: yValue, key: 'value' },
      { panel: slopeFrame, scale: ySlope, key: 'slope' },
    ];
    for (const { panel, scale, key } of marks) {
      ctx.save();
      ctx.beginPath();
      ctx.rect(panel.left - 6, panel.top - 6, panel.width + 12, panel.height + 12);
      ctx.clip();
      curves.forEach((curve, index) => {
        const point = data.probe.points[index];
        if (!point || !Number.isFinite(point[key])) return;
        const py = Math.min(panel.top + panel.height, Math.max(panel.top, scale(point[key])));
        traceMarker(ctx, curve.marker, px, py, 5);
        ctx.fillStyle = curve.color;
        ctx.fill();
        ctx.lineWidth = 1.5;
        ctx.strokeStyle = theme.background;
        ctx.stroke();
      });
      ctx.restore();
    }
    // The x value in a small box at the top of the first panel.
    ctx.font = `600 12px ${theme.font}`;
    const text = data.probe.label;
    const textWidth = ctx.measureText(text).width + 10;
    const boxLeft = Math.min(Math.max(px - textWidth / 2, left), left + width - textWidth);
    ctx.fillStyle = theme.background;
    ctx.strokeStyle = theme.ink;
    ctx.lineWidth = 1;
    ctx.fillRect(boxLeft, valueFrame.top + 3, textWidth, 18);
    ctx.strokeRect(boxLeft + 0.5, valueFrame.top + 3.5, textWidth - 1, 17);
    ctx.fillStyle = theme.ink;
    ctx.textAlign = 'left';
    ctx.textBaseline = 'middle';
    ctx.fillText(text, boxLeft + 5, valueFrame.top + 12.5);
    ctx.restore();
  }
}
