// Pure drawing of a 2-D classifier's decision map with its data points. Receives an image of
// the map and plain typed arrays; never touches wasm.
import { drawAxes, linearScale, ticks } from './axes.js';

/** Space around the square plotting frame, in CSS pixels. */
export const MAP_MARGIN = { left: 40, right: 10, top: 10, bottom: 46 };

/** Canvas height (CSS pixels) that makes the plotting frame square for a given width. */
export function decisionMapHeight(width) {
  const side = width - MAP_MARGIN.left - MAP_MARGIN.right;
  return side + MAP_MARGIN.top + MAP_MARGIN.bottom;
}

/** The square plotting frame inside a canvas of `width` × `height` CSS pixels. */
export function mapFrame(width, height) {
  return {
    left: MAP_MARGIN.left,
    top: MAP_MARGIN.top,
    width: width - MAP_MARGIN.left - MAP_MARGIN.right,
    height: height - MAP_MARGIN.top - MAP_MARGIN.bottom,
  };
}

/**
 * The input-plane coordinates under canvas position (px, py) in CSS pixels, or null outside
 * the plotting frame. The inverse of where drawDecisionMap puts a point.
 */
export function mapPointAt(px, py, { width, height, domain }) {
  const frame = mapFrame(width, height);
  const u = (px - frame.left) / frame.width;
  const v = (py - frame.top) / frame.height;
  if (u < 0 || u > 1 || v < 0 || v > 1) return null;
  return {
    x1: domain[0] + u * (domain[1] - domain[0]),
    x2: domain[1] - v * (domain[1] - domain[0]),
  };
}

/** Where the input-plane point (x1, x2) lands on the canvas, in CSS pixels. */
export function mapPosition(x1, x2, { width, height, domain }) {
  const frame = mapFrame(width, height);
  return {
    px: frame.left + ((x1 - domain[0]) / (domain[1] - domain[0])) * frame.width,
    py: frame.top + ((domain[1] - x2) / (domain[1] - domain[0])) * frame.height,
  };
}

/**
 * One data point: class 0 a circle, class 1 an upward triangle (shape, not only colour, tells
 * the classes apart); `filled` for training points, outlined for test points. A halo keeps
 * every mark visible on any background colour.
 */
export function drawPointMark(ctx, px, py, { label, filled, radius, color, halo }) {
  ctx.beginPath();
  if (label === 1) {
    const r = radius * 1.3; // a triangle needs a larger circumradius to look as big
    ctx.moveTo(px, py - r);
    ctx.lineTo(px + r * 0.866, py + r * 0.5);
    ctx.lineTo(px - r * 0.866, py + r * 0.5);
    ctx.closePath();
  } else {
    ctx.arc(px, py, radius, 0, Math.PI * 2);
  }
  if (filled) {
    ctx.fillStyle = color;
    ctx.fill();
    ctx.lineWidth = 1.25;
    ctx.strokeStyle = halo;
    ctx.stroke();
  } else {
    ctx.lineWidth = 4;
    ctx.strokeStyle = halo;
    ctx.stroke();
    ctx.lineWidth = 2;
    ctx.strokeStyle = color;
    ctx.stroke();
  }
}

/**
 * Draw the decision map.
 * data: {
 *   width, height: CSS pixels (use decisionMapHeight(width) for a square frame),
 *   domain: [min, max] of both inputs,
 *   map: an R×R image (canvas) of the prediction, row 0 at the top (largest x2), or null,
 *   train, test: { points: Float32Array (x1, x2 per point), labels: Float32Array (0/1) },
 *   theme: see readTheme(),
 *   highlight (optional): { x1, x2, color } a point to ring (the one being inspected),
 *   transparent (optional, false): with no map, leave the plotting frame clear (for an
 *     overlay of axes and points above a map drawn separately)
 * }
 */
export function drawDecisionMap(ctx, data) {
  const { width, height, domain, theme } = data;
  const frame = mapFrame(width, height);
  const x = linearScale(domain, [frame.left, frame.left + frame.width]);
  const y = linearScale(domain, [frame.top + frame.height, frame.top]);

  ctx.clearRect(0, 0, width, height);
  if (data.map) {
    ctx.imageSmoothingEnabled = true;
    ctx.imageSmoothingQuality = 'high';
    ctx.drawImage(data.map, frame.left, frame.top, frame.width, frame.height);
  } else if (!data.transparent) {
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

  const radius = frame.width < 320 ? 2.75 : 3.5;
  ctx.save();
  ctx.beginPath();
  ctx.rect(frame.left, frame.top, frame.width, frame.height);
  ctx.clip();
  ctx.lineJoin = 'round';
  const layers = [
    { set: data.test, filled: false },
    { set: data.train, filled: true },
  ];
  for (const { set, filled } of layers) {
    if (!set) continue;
    const { points, labels } = set;
    for (let i = 0; i < labels.length; i += 1) {
      const label = labels[i] >= 0.5 ? 1 : 0;
      drawPointMark(ctx, x(points[2 * i]), y(points[2 * i + 1]), {
        label,
        filled,
        radius,
        color: label === 1 ? theme.class1 : theme.class0,
        halo: theme.halo,
      });
    }
  }
  if (data.highlight) {
    // A double ring (halo, colour, halo) is visible on every part of the map.
    const px = x(data.highlight.x1);
    const py = y(data.highlight.x2);
    const ring = radius * 3;
    ctx.lineWidth = 6;
    ctx.strokeStyle = theme.halo;
    ctx.beginPath();
    ctx.arc(px, py, ring, 0, Math.PI * 2);
    ctx.stroke();
    ctx.lineWidth = 2.5;
    ctx.strokeStyle = data.highlight.color ?? theme.ink;
    ctx.stroke();
  }
  ctx.restore();
}
