// The Experiments screen's line plots: series of points with their spread (10th–90th
// percentile whiskers) on linear, log or category axes. Series differ by colour, marker shape
// and dash pattern, so they read in grey and for colour-blind readers; a reference series (a
// prediction) is drawn thin and dotted, without markers. Pure: never touches wasm.

/** Marker shapes and dash patterns by series slot (the legend uses the same, in SVG). */
export const SERIES_MARKERS = Object.freeze(['circle', 'square', 'triangle', 'diamond', 'cross', 'triangle-down', 'plus']);
export const SERIES_DASHES = Object.freeze([[], [8, 4], [2, 3], [10, 3, 2, 3], [5, 5], [1, 4], [12, 6]]);
export const REFERENCE_DASH = Object.freeze([2, 4]);

const MARGIN = Object.freeze({ left: 64, right: 14, top: 12, bottom: 48 });
const SUPERSCRIPT = '⁰¹²³⁴⁵⁶⁷⁸⁹';

/** "10⁻³" for 10^−3; 1, 10, 100 and 0.1, 0.01 written out. */
export function powerLabel(exponent) {
  if (exponent >= 0 && exponent <= 2) return String(10 ** exponent);
  if (exponent === -1) return '0.1';
  if (exponent === -2) return '0.01';
  const digits = String(Math.abs(exponent)).replace(/\d/g, (d) => SUPERSCRIPT[Number(d)]);
  return `10${exponent < 0 ? '⁻' : ''}${digits}`;
}

/** Nice linear ticks over [min, max], about `count` of them. */
function linearTicks(min, max, count = 5) {
  const span = max - min || 1;
  const raw = span / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? raw;
  const ticks = [];
  for (let value = Math.ceil(min / step) * step; value <= max + step * 1e-9; value += step) ticks.push(Number(value.toFixed(10)));
  return ticks;
}

/** One axis: { map(value) → px, ticks: [{ value, label }] }. */
function axis(kind, [min, max], [from, to], categories) {
  if (kind === 'category') {
    const count = Math.max(1, categories.length);
    const map = (value) => from + ((value + 0.5) / count) * (to - from);
    return { map, ticks: categories.map((label, value) => ({ value, label })) };
  }
  if (kind === 'log') {
    const low = Math.floor(Math.log10(min));
    const high = Math.max(low + 1, Math.ceil(Math.log10(max)));
    const map = (value) => from + ((Math.log10(value) - low) / (high - low)) * (to - from);
    const every = Math.max(1, Math.ceil((high - low) / 6));
    const ticks = [];
    for (let e = low; e <= high; e += every) ticks.push({ value: 10 ** e, label: powerLabel(e) });
    return { map, ticks };
  }
  const values = linearTicks(min, max);
  const low = Math.min(min, values[0]);
  const high = Math.max(max, values.at(-1));
  const map = (value) => from + ((value - low) / (high - low || 1)) * (to - from);
  return { map, ticks: values.map((value) => ({ value, label: String(value).replace('-', '−') })) };
}

/** The range of finite, drawable values (positive on a log axis). */
function extent(values, kind, fallback) {
  const usable = values.filter((v) => Number.isFinite(v) && (kind !== 'log' || v > 0));
  if (usable.length === 0) return fallback;
  let min = Math.min(...usable);
  let max = Math.max(...usable);
  if (min === max) {
    min = kind === 'log' ? min / 10 : min - 1;
    max = kind === 'log' ? max * 10 : max + 1;
  }
  return [min, max];
}

/**
 * The scales of a spec in a canvas of width × height CSS pixels.
 * spec: { xScale, yScale: 'linear' | 'log' | 'category', categories?, xDomain?, yDomain?,
 *         series: [{ label, slot, reference?, points: [{ x, y, low?, high? }] }], xLabel, yLabel }
 */
export function lineScales(width, height, spec) {
  const frame = { left: MARGIN.left, top: MARGIN.top, width: Math.max(1, width - MARGIN.left - MARGIN.right), height: Math.max(1, height - MARGIN.top - MARGIN.bottom) };
  const points = spec.series.flatMap((s) => s.points);
  const xs = spec.xDomain ?? extent(points.map((p) => p.x), spec.xScale, [0, 1]);
  const ys = spec.yDomain ?? extent(points.flatMap((p) => [p.y, p.low, p.high]), spec.yScale, spec.yScale === 'log' ? [0.1, 10] : [0, 1]);
  return {
    frame,
    x: axis(spec.xScale, xs, [frame.left, frame.left + frame.width], spec.categories ?? []),
    y: axis(spec.yScale, ys, [frame.top + frame.height, frame.top], []),
  };
}

/** Draw marker `shape` of radius r at (x, y). */
function drawMarker(ctx, shape, x, y, r) {
  ctx.beginPath();
  switch (shape) {
    case 'square': ctx.rect(x - r * 0.85, y - r * 0.85, r * 1.7, r * 1.7); break;
    case 'triangle': ctx.moveTo(x, y - r); ctx.lineTo(x + r, y + r * 0.8); ctx.lineTo(x - r, y + r * 0.8); ctx.closePath(); break;
    case 'triangle-down': ctx.moveTo(x, y + r); ctx.lineTo(x + r, y - r * 0.8); ctx.lineTo(x - r, y - r * 0.8); ctx.closePath(); break;
    case 'diamond': ctx.moveTo(x, y - r * 1.2); ctx.lineTo(x + r, y); ctx.lineTo(x, y + r * 1.2); ctx.lineTo(x - r, y); ctx.closePath(); break;
    case 'cross': ctx.moveTo(x - r, y - r); ctx.lineTo(x + r, y + r); ctx.moveTo(x + r, y - r); ctx.lineTo(x - r, y + r); break;
    case 'plus': ctx.moveTo(x - r, y); ctx.lineTo(x + r, y); ctx.moveTo(x, y - r); ctx.lineTo(x, y + r); break;
    default: ctx.arc(x, y, r, 0, 2 * Math.PI);
  }
  if (shape === 'cross' || shape === 'plus') ctx.stroke();
  else {
    ctx.fill();
    ctx.stroke();
  }
}

/** A value a scale can place (positive on a log axis). */
const placeable = (value, kind) => Number.isFinite(value) && (kind !== 'log' || value > 0);

function drawSeries(ctx, series, scales, spec, theme) {
  const color = theme.series[series.slot % theme.series.length];
  const usable = series.points.filter((p) => placeable(p.x, spec.xScale) && placeable(p.y, spec.yScale));
  ctx.strokeStyle = color;
  ctx.fillStyle = color;
  // Whiskers: the spread over seeds (none for a plain curve, `markers: false`).
  if (!series.reference && series.markers !== false) {
    ctx.lineWidth = 1.5;
    ctx.setLineDash([]);
    ctx.beginPath();
    for (const p of usable) {
      if (!placeable(p.low, spec.yScale) || !placeable(p.high, spec.yScale)) continue;
      const x = scales.x.map(p.x);
      ctx.moveTo(x, scales.y.map(p.low));
      ctx.lineTo(x, scales.y.map(p.high));
      ctx.moveTo(x - 4, scales.y.map(p.low));
      ctx.lineTo(x + 4, scales.y.map(p.low));
      ctx.moveTo(x - 4, scales.y.map(p.high));
      ctx.lineTo(x + 4, scales.y.map(p.high));
    }
    ctx.stroke();
  }
  if (spec.joinPoints !== false || series.reference) {
    ctx.lineWidth = series.reference ? 1.5 : 2.25;
    ctx.setLineDash(series.reference ? [...REFERENCE_DASH] : [...SERIES_DASHES[series.slot % SERIES_DASHES.length]]);
    ctx.beginPath();
    usable.forEach((p, i) => (i === 0 ? ctx.moveTo(scales.x.map(p.x), scales.y.map(p.y)) : ctx.lineTo(scales.x.map(p.x), scales.y.map(p.y))));
    ctx.stroke();
  }
  if (series.reference || series.markers === false) return;
  ctx.setLineDash([]);
  ctx.lineWidth = 1.5;
  const shape = SERIES_MARKERS[series.slot % SERIES_MARKERS.length];
  for (const p of usable) {
    ctx.fillStyle = color;
    ctx.strokeStyle = theme.background;
    if (shape === 'cross' || shape === 'plus') ctx.strokeStyle = color;
    drawMarker(ctx, shape, scales.x.map(p.x), scales.y.map(p.y), 4.5);
  }
}

function drawAxesOf(ctx, scales, spec, theme) {
  const { frame } = scales;
  const bottom = frame.top + frame.height;
  ctx.lineWidth = 1;
  ctx.strokeStyle = theme.grid;
  ctx.setLineDash([]);
  ctx.beginPath();
  for (const tick of scales.y.ticks) {
    const y = Math.round(scales.y.map(tick.value)) + 0.5;
    ctx.moveTo(frame.left, y);
    ctx.lineTo(frame.left + frame.width, y);
  }
  for (const tick of scales.x.ticks) {
    const x = Math.round(scales.x.map(tick.value)) + 0.5;
    ctx.moveTo(x, frame.top);
    ctx.lineTo(x, bottom);
  }
  ctx.stroke();
  ctx.strokeStyle = theme.muted;
  ctx.strokeRect(frame.left + 0.5, frame.top + 0.5, frame.width - 1, frame.height - 1);
  ctx.fillStyle = theme.ink;
  ctx.font = `12px ${theme.font}`;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'top';
  for (const tick of scales.x.ticks) ctx.fillText(tick.label, scales.x.map(tick.value), bottom + 4);
  ctx.textAlign = 'right';
  ctx.textBaseline = 'middle';
  for (const tick of scales.y.ticks) ctx.fillText(tick.label, frame.left - 5, scales.y.map(tick.value));
  ctx.font = `italic 13px ${theme.font}`;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'bottom';
  ctx.fillText(spec.xLabel ?? '', frame.left + frame.width / 2, bottom + 40);
  ctx.save();
  ctx.translate(13, frame.top + frame.height / 2);
  ctx.rotate(-Math.PI / 2);
  ctx.textBaseline = 'middle';
  ctx.fillText(spec.yLabel ?? '', 0, 0);
  ctx.restore();
}

/** Small upward triangles on the x axis at `spec.xMarks` (breakpoints, say), in the ink colour. */
function drawXMarks(ctx, scales, spec, theme) {
  const bottom = scales.frame.top + scales.frame.height;
  ctx.setLineDash([]);
  ctx.fillStyle = theme.ink;
  ctx.strokeStyle = theme.background;
  ctx.lineWidth = 1;
  for (const x of spec.xMarks) {
    if (!placeable(x, spec.xScale)) continue;
    const px = scales.x.map(x);
    ctx.beginPath();
    ctx.moveTo(px, bottom - 7);
    ctx.lineTo(px + 4, bottom);
    ctx.lineTo(px - 4, bottom);
    ctx.closePath();
    ctx.fill();
    ctx.stroke();
  }
}

/**
 * Draw a line plot (see lineScales for `spec`; a series with `markers: false` is a plain curve,
 * `spec.xMarks` marks positions on the x axis). theme: { background, ink, muted, grid, font,
 * series: colours by slot }. Returns the scales.
 * @param {CanvasRenderingContext2D} ctx
 */
export function drawExperimentLines(ctx, width, height, spec, theme) {
  const scales = lineScales(width, height, spec);
  ctx.save();
  ctx.fillStyle = theme.background;
  ctx.fillRect(0, 0, width, height);
  drawAxesOf(ctx, scales, spec, theme);
  ctx.save();
  ctx.beginPath();
  ctx.rect(scales.frame.left, scales.frame.top - 6, scales.frame.width, scales.frame.height + 12);
  ctx.clip();
  for (const series of spec.series.filter((s) => s.reference)) drawSeries(ctx, series, scales, spec, theme);
  for (const series of spec.series.filter((s) => !s.reference)) drawSeries(ctx, series, scales, spec, theme);
  ctx.restore();
  if (spec.xMarks) drawXMarks(ctx, scales, spec, theme);
  ctx.restore();
  return scales;
}
