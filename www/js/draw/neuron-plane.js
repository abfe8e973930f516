// Pure drawing of one ReLU unit on the input plane: its output as a heatmap, the inactive half
// hatched, the hinge line w·x + b = 0, the arrow of w, and the training points on top.
// Receives plain numbers and an image of the heatmap; never touches wasm.
import { drawAxes, linearScale, ticks } from './axes.js';
import { drawPointMark } from './decision-map.js';

/** Space around the square plotting frame, in CSS pixels. */
export const PLANE_MARGIN = { left: 40, right: 10, top: 10, bottom: 46 };

/** Canvas height (CSS pixels) that makes the plotting frame square for a given width. */
export function neuronPlaneHeight(width) {
  const side = width - PLANE_MARGIN.left - PLANE_MARGIN.right;
  return side + PLANE_MARGIN.top + PLANE_MARGIN.bottom;
}

/**
 * The part of the square [lo, hi]² where w1·x1 + w2·x2 + b ≤ 0 (the unit is inactive), as a
 * polygon [[x1, x2], …] (empty when the unit is active on the whole square). Sutherland–Hodgman
 * clipping of the square against one half-plane.
 */
export function inactivePolygon([lo, hi], w1, w2, b) {
  /** @type {[number, number][]} */
  const corners = [
    [lo, lo],
    [hi, lo],
    [hi, hi],
    [lo, hi],
  ];
  /** @param {[number, number]} point */
  const z = ([x1, x2]) => w1 * x1 + w2 * x2 + b;
  /** @type {[number, number][]} */
  const polygon = [];
  for (let i = 0; i < corners.length; i += 1) {
    const p = corners[i];
    const q = corners[(i + 1) % corners.length];
    const zp = z(p);
    const zq = z(q);
    if (zp <= 0) polygon.push(p);
    if ((zp <= 0) !== (zq <= 0)) {
      const t = zp / (zp - zq);
      polygon.push([p[0] + t * (q[0] - p[0]), p[1] + t * (q[1] - p[1])]);
    }
  }
  return polygon;
}

/** The visible piece of the hinge line w·x + b = 0 inside the square, or null. */
export function hingeSegment([lo, hi], w1, w2, b) {
  if (w1 === 0 && w2 === 0) return null;
  const points = [];
  const add = (x1, x2) => {
    if (x1 < lo - 1e-9 || x1 > hi + 1e-9 || x2 < lo - 1e-9 || x2 > hi + 1e-9) return;
    if (points.some(([a, c]) => Math.abs(a - x1) < 1e-9 && Math.abs(c - x2) < 1e-9)) return;
    points.push([x1, x2]);
  };
  if (w2 !== 0) {
    add(lo, -(b + w1 * lo) / w2);
    add(hi, -(b + w1 * hi) / w2);
  }
  if (w1 !== 0) {
    add(-(b + w2 * lo) / w1, lo);
    add(-(b + w2 * hi) / w1, hi);
  }
  return points.length >= 2 ? [points[0], points[1]] : null;
}

function hatchPolygon(ctx, polygon, color, frame) {
  ctx.save();
  ctx.beginPath();
  polygon.forEach(([px, py], i) => (i === 0 ? ctx.moveTo(px, py) : ctx.lineTo(px, py)));
  ctx.closePath();
  ctx.clip();
  ctx.strokeStyle = color;
  ctx.lineWidth = 1.25;
  ctx.beginPath();
  const { left, top, width, height } = frame;
  for (let d = -height; d < width + height; d += 9) {
    ctx.moveTo(left + d, top + height);
    ctx.lineTo(left + d + height, top);
  }
  ctx.stroke();
  ctx.restore();
}

function arrow(ctx, x0, y0, x1, y1, color, halo) {
  const angle = Math.atan2(y1 - y0, x1 - x0);
  const head = 11;
  const shaftEnd = [x1 - Math.cos(angle) * head * 0.8, y1 - Math.sin(angle) * head * 0.8];
  for (const [stroke, widthPx] of [
    [halo, 6],
    [color, 3],
  ]) {
    ctx.strokeStyle = stroke;
    ctx.lineWidth = widthPx;
    ctx.lineCap = 'round';
    ctx.beginPath();
    ctx.moveTo(x0, y0);
    ctx.lineTo(shaftEnd[0], shaftEnd[1]);
    ctx.stroke();
  }
  ctx.beginPath();
  ctx.moveTo(x1, y1);
  ctx.lineTo(x1 - head * Math.cos(angle - 0.45), y1 - head * Math.sin(angle - 0.45));
  ctx.lineTo(x1 - head * Math.cos(angle + 0.45), y1 - head * Math.sin(angle + 0.45));
  ctx.closePath();
  ctx.fillStyle = color;
  ctx.lineWidth = 2;
  ctx.strokeStyle = halo;
  ctx.stroke();
  ctx.fill();
}

function labelBox(ctx, text, x, y, theme, { align = 'left', bold = false, size = 12 } = {}) {
  ctx.font = `${bold ? '700 ' : '600 '}${size}px ${theme.font}`;
  const width = ctx.measureText(text).width + 10;
  const height = size + 8;
  const left = align === 'right' ? x - width : align === 'center' ? x - width / 2 : x;
  ctx.fillStyle = theme.background;
  ctx.globalAlpha = 0.92;
  ctx.fillRect(left, y - height / 2, width, height);
  ctx.globalAlpha = 1;
  ctx.strokeStyle = theme.ink;
  ctx.lineWidth = 1;
  ctx.strokeRect(left + 0.5, y - height / 2 + 0.5, width - 1, height - 1);
  ctx.fillStyle = theme.ink;
  ctx.textAlign = 'left';
  ctx.textBaseline = 'middle';
  ctx.fillText(text, left + 5, y + 0.5);
}

/**
 * Draw the plane.
 * data: {
 *   width, height: CSS pixels (neuronPlaneHeight(width) for a square frame),
 *   domain: [min, max] of both inputs,
 *   map: an R×R image (canvas) of the unit's output a, row 0 at the top, or null,
 *   w1, w2, b: the unit's weights and bias,
 *   train: { points: Float32Array (x1, x2 per point), labels: Float32Array (0/1) },
 *   selected: index of the inspected training point, or null,
 *   deadText: a label drawn on the plane when the unit is dead (or null),
 *   theme: readTheme() plus { hatch, mapInk, mapPaper } (ink and paper for marks on the map)
 * }
 */
export function drawNeuronPlane(ctx, data) {
  const { width, height, domain, theme, w1, w2, b } = data;
  const frame = {
    left: PLANE_MARGIN.left,
    top: PLANE_MARGIN.top,
    width: width - PLANE_MARGIN.left - PLANE_MARGIN.right,
    height: height - PLANE_MARGIN.top - PLANE_MARGIN.bottom,
  };
  const x = linearScale(domain, [frame.left, frame.left + frame.width]);
  const y = linearScale(domain, [frame.top + frame.height, frame.top]);

  ctx.clearRect(0, 0, width, height);
  if (data.map) {
    ctx.imageSmoothingEnabled = true;
    ctx.imageSmoothingQuality = 'high';
    ctx.drawImage(data.map, frame.left, frame.top, frame.width, frame.height);
  } else {
    ctx.fillStyle = theme.background;
    ctx.fillRect(frame.left, frame.top, frame.width, frame.height);
  }

  const step = frame.width < 260 ? 3 : 2;
  const values = ticks(domain[0], domain[1], step);
  drawAxes(ctx, frame, {
    x,
    y,
    xTicks: values,
    yTicks: values,
    xLabel: 'x\u2081 (input 1)',
    yLabel: 'x\u2082 (input 2)',
    theme,
    gridLines: false,
  });

  // Marks on the heatmap use the map's own ink and paper: the heatmap's colours do not change
  // with the page theme, so light ink from a dark theme would vanish on it.
  const mapTheme = { ...theme, ink: theme.mapInk ?? theme.ink, background: theme.mapPaper ?? theme.background };
  ctx.save();
  ctx.beginPath();
  ctx.rect(frame.left, frame.top, frame.width, frame.height);
  ctx.clip();

  // The inactive half (z ≤ 0), hatched: the unit outputs 0 and passes no gradient there.
  const inactive = inactivePolygon(domain, w1, w2, b).map(([a, c]) => [x(a), y(c)]);
  if (inactive.length >= 3) hatchPolygon(ctx, inactive, theme.hatch, frame);

  // The hinge line w·x + b = 0, with a halo so it shows on every background.
  const segment = hingeSegment(domain, w1, w2, b);
  if (segment) {
    const [[a1, a2], [c1, c2]] = segment;
    for (const [stroke, lineWidth] of [
      [theme.halo, 5],
      [mapTheme.ink, 2.5],
    ]) {
      ctx.strokeStyle = stroke;
      ctx.lineWidth = lineWidth;
      ctx.beginPath();
      ctx.moveTo(x(a1), y(a2));
      ctx.lineTo(x(c1), y(c2));
      ctx.stroke();
    }
  }

  // The training points.
  const radius = frame.width < 320 ? 3.25 : 4;
  const { points, labels } = data.train;
  for (let i = 0; i < labels.length; i += 1) {
    const label = labels[i] >= 0.5 ? 1 : 0;
    drawPointMark(ctx, x(points[2 * i]), y(points[2 * i + 1]), {
      label,
      filled: true,
      radius,
      color: label === 1 ? theme.class1 : theme.class0,
      halo: theme.halo,
    });
  }
  if (data.selected !== null && data.selected !== undefined && data.selected < labels.length) {
    const px = x(points[2 * data.selected]);
    const py = y(points[2 * data.selected + 1]);
    for (const [stroke, lineWidth] of [
      [theme.halo, 5],
      [mapTheme.ink, 2.5],
    ]) {
      ctx.strokeStyle = stroke;
      ctx.lineWidth = lineWidth;
      ctx.beginPath();
      ctx.arc(px, py, radius + 6, 0, Math.PI * 2);
      ctx.stroke();
    }
  }

  // The arrow of w: from the hinge line's point nearest the origin when it is in view (w
  // points into the active side), else from the origin; its length grows with |w|.
  const norm = Math.hypot(w1, w2);
  if (norm > 1e-6) {
    /** @type {[number, number]} */
    let start = [(-b * w1) / (norm * norm), (-b * w2) / (norm * norm)];
    /** @param {[number, number]} point */
    const inView = ([a, c]) => a > domain[0] && a < domain[1] && c > domain[0] && c < domain[1];
    if (!inView(start)) start = [0, 0];
    const length = Math.min(4, Math.max(0.9, 1.4 * norm));
    const end = [start[0] + (length * w1) / norm, start[1] + (length * w2) / norm];
    arrow(ctx, x(start[0]), y(start[1]), x(end[0]), y(end[1]), mapTheme.ink, theme.halo);
    const labelX = x(end[0]) + (w1 >= 0 ? 8 : -8);
    labelBox(ctx, 'w', labelX, y(end[1]) + (w2 >= 0 ? -12 : 12), mapTheme, {
      align: w1 >= 0 ? 'left' : 'right',
      bold: true,
    });
  }

  if (data.deadText) labelBox(ctx, data.deadText, frame.left + 8, frame.top + 20, mapTheme, { bold: true, size: 14 });
  ctx.restore();
}
