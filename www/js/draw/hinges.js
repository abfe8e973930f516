// Pure drawing of a one-input ReLU network as a sum of hinges: the fit against the target
// points with each hinge position marked (drawHingeFit), and every unit's scaled hinge curve
// in its own small panel (drawHingeParts). Receives plain numbers; never touches wasm.
import { drawAxes, linearScale, ticks } from './axes.js';

/** Space around the fit plot's frame, in CSS pixels. */
export const FIT_MARGIN = { left: 46, right: 12, top: 12, bottom: 44 };

/** Canvas height for the fit plot at `width` CSS pixels. */
export function hingeFitHeight(width) {
  return Math.round(Math.min(380, Math.max(240, width * 0.62)));
}

function strokeCurve(ctx, xs, ys, x, y) {
  ctx.beginPath();
  for (let i = 0; i < xs.length; i += 1) {
    if (i === 0) ctx.moveTo(x(xs[i]), y(ys[i]));
    else ctx.lineTo(x(xs[i]), y(ys[i]));
  }
  ctx.stroke();
}

/** A small upward triangle with its tip at (px, py): a hinge position on the x axis. */
function hingeMark(ctx, px, py, color, halo) {
  ctx.beginPath();
  ctx.moveTo(px, py);
  ctx.lineTo(px + 6, py + 10);
  ctx.lineTo(px - 6, py + 10);
  ctx.closePath();
  ctx.fillStyle = color;
  ctx.strokeStyle = halo;
  ctx.lineWidth = 1.5;
  ctx.fill();
  ctx.stroke();
}

/**
 * Draw the fit.
 * data: {
 *   width, height: CSS pixels,
 *   xDomain, yDomain: [min, max],
 *   xs: Float32Array of the grid's x positions,
 *   fit: Float32Array, the network output at xs (the sum of the parts plus the output bias),
 *   parts: [Float32Array] each unit's scaled hinge v·ReLU(w·x + b) at xs, or [] to hide,
 *   points: { xs, ys } the training points,
 *   hinges: [x] hinge positions inside the domain (units alive there),
 *   theme: readTheme()
 * }
 */
export function drawHingeFit(ctx, data) {
  const { width, height, theme } = data;
  const frame = {
    left: FIT_MARGIN.left,
    top: FIT_MARGIN.top,
    width: width - FIT_MARGIN.left - FIT_MARGIN.right,
    height: height - FIT_MARGIN.top - FIT_MARGIN.bottom,
  };
  const x = linearScale(data.xDomain, [frame.left, frame.left + frame.width]);
  const y = linearScale(data.yDomain, [frame.top + frame.height, frame.top]);
  const yStep = data.yDomain[1] - data.yDomain[0] > 3 ? 1 : 0.5;

  ctx.clearRect(0, 0, width, height);
  ctx.fillStyle = theme.background;
  ctx.fillRect(frame.left, frame.top, frame.width, frame.height);
  drawAxes(ctx, frame, {
    x,
    y,
    xTicks: ticks(data.xDomain[0], data.xDomain[1], frame.width < 420 ? 0.5 : 0.25),
    yTicks: ticks(Math.ceil(data.yDomain[0] / yStep) * yStep, Math.floor(data.yDomain[1] / yStep) * yStep, yStep),
    xLabel: 'x (the input)',
    yLabel: 'output',
    theme,
  });

  ctx.save();
  ctx.beginPath();
  ctx.rect(frame.left, frame.top, frame.width, frame.height);
  ctx.clip();
  ctx.lineJoin = 'round';

  // Hinge positions: dotted verticals.
  ctx.strokeStyle = theme.muted;
  ctx.lineWidth = 1;
  ctx.setLineDash([2, 4]);
  for (const hinge of data.hinges) {
    const px = Math.round(x(hinge)) + 0.5;
    ctx.beginPath();
    ctx.moveTo(px, frame.top);
    ctx.lineTo(px, frame.top + frame.height);
    ctx.stroke();
  }

  // Each unit's part, thin and dashed, under the fit.
  ctx.strokeStyle = theme.derivative;
  ctx.lineWidth = 1.25;
  ctx.setLineDash([5, 4]);
  for (const part of data.parts) strokeCurve(ctx, data.xs, part, x, y);
  ctx.setLineDash([]);

  // The training points: hollow circles.
  const { points } = data;
  for (let i = 0; i < points.xs.length; i += 1) {
    ctx.beginPath();
    ctx.arc(x(points.xs[i]), y(points.ys[i]), 3.75, 0, Math.PI * 2);
    ctx.fillStyle = theme.background;
    ctx.fill();
    ctx.lineWidth = 2;
    ctx.strokeStyle = theme.ink;
    ctx.stroke();
  }

  // The fit: the sum of the hinges plus the output bias, set off from the parts by a rim of
  // background colour.
  ctx.strokeStyle = theme.background;
  ctx.lineWidth = 6;
  strokeCurve(ctx, data.xs, data.fit, x, y);
  ctx.strokeStyle = theme.curve;
  ctx.lineWidth = 3;
  strokeCurve(ctx, data.xs, data.fit, x, y);
  ctx.restore();

  // Hinge marks on the x axis, under the frame.
  for (const hinge of data.hinges) {
    hingeMark(ctx, x(hinge), frame.top + frame.height - 10, theme.derivative, theme.background);
  }
}

/** Columns, rows and panel size for `count` small panels across `width` CSS pixels. */
export function hingePartsLayout(width, count) {
  const columns = width < 420 ? 2 : width < 760 ? 4 : Math.min(8, Math.max(4, count));
  const rows = Math.max(1, Math.ceil(count / columns));
  const gap = 8;
  const panelWidth = (width - gap * (columns - 1)) / columns;
  const panelHeight = Math.round(Math.min(120, Math.max(78, panelWidth * 0.62)));
  return { columns, rows, gap, panelWidth, panelHeight, height: rows * (panelHeight + 20 + gap) };
}

/**
 * Draw every unit's scaled hinge v·ReLU(w·x + b) in its own panel, on a shared y scale.
 * data: {
 *   width, layout: hingePartsLayout(width, units.length),
 *   xDomain: [min, max], yMax: the largest |value| shown (symmetric scale),
 *   xs: Float32Array,
 *   units: [{ index, part: Float32Array, hinge: x or null, dead: bool, caption: string }],
 *   theme: readTheme() plus { hatch }
 * }
 */
export function drawHingeParts(ctx, data) {
  const { width, layout, theme } = data;
  ctx.clearRect(0, 0, width, layout.height);
  data.units.forEach((unit, i) => {
    const column = i % layout.columns;
    const row = Math.floor(i / layout.columns);
    const left = column * (layout.panelWidth + layout.gap);
    const top = row * (layout.panelHeight + 20 + layout.gap);
    const frame = { left: left + 0.5, top: top + 20.5, width: layout.panelWidth - 1, height: layout.panelHeight - 1 };
    const x = linearScale(data.xDomain, [frame.left, frame.left + frame.width]);
    const y = linearScale([-data.yMax, data.yMax], [frame.top + frame.height - 3, frame.top + 3]);

    ctx.fillStyle = theme.ink;
    ctx.font = `600 12px ${theme.font}`;
    ctx.textAlign = 'left';
    ctx.textBaseline = 'alphabetic';
    ctx.fillText(unit.caption, left, top + 14);

    ctx.fillStyle = theme.background;
    ctx.fillRect(frame.left, frame.top, frame.width, frame.height);
    if (unit.dead) {
      // Hatched panel: a dead unit contributes nothing anywhere on the domain.
      ctx.save();
      ctx.beginPath();
      ctx.rect(frame.left, frame.top, frame.width, frame.height);
      ctx.clip();
      ctx.strokeStyle = theme.grid;
      ctx.lineWidth = 1.25;
      ctx.beginPath();
      for (let d = -frame.height; d < frame.width + frame.height; d += 8) {
        ctx.moveTo(frame.left + d, frame.top + frame.height);
        ctx.lineTo(frame.left + d + frame.height, frame.top);
      }
      ctx.stroke();
      ctx.restore();
    }
    ctx.strokeStyle = theme.zero;
    ctx.lineWidth = 1;
    ctx.beginPath();
    ctx.moveTo(frame.left, Math.round(y(0)) + 0.5);
    ctx.lineTo(frame.left + frame.width, Math.round(y(0)) + 0.5);
    ctx.stroke();
    ctx.strokeStyle = theme.muted;
    ctx.strokeRect(frame.left, frame.top, frame.width, frame.height);

    if (unit.hinge !== null) {
      const px = Math.round(x(unit.hinge)) + 0.5;
      ctx.strokeStyle = theme.muted;
      ctx.setLineDash([2, 3]);
      ctx.beginPath();
      ctx.moveTo(px, frame.top);
      ctx.lineTo(px, frame.top + frame.height);
      ctx.stroke();
      ctx.setLineDash([]);
      hingeMark(ctx, px, frame.top + frame.height - 10, theme.derivative, theme.background);
    }
    ctx.save();
    ctx.beginPath();
    ctx.rect(frame.left, frame.top, frame.width, frame.height);
    ctx.clip();
    ctx.strokeStyle = unit.dead ? theme.muted : theme.derivative;
    ctx.lineWidth = 2.25;
    ctx.setLineDash(unit.dead ? [6, 4] : []);
    strokeCurve(ctx, data.xs, unit.part, x, y);
    ctx.setLineDash([]);
    ctx.restore();
    if (unit.dead) {
      ctx.font = `700 12px ${theme.font}`;
      const text = 'dead: flat 0';
      const textWidth = ctx.measureText(text).width + 8;
      const boxLeft = frame.left + frame.width - textWidth - 4;
      ctx.fillStyle = theme.background;
      ctx.fillRect(boxLeft, frame.top + 4, textWidth, 17);
      ctx.strokeStyle = theme.ink;
      ctx.strokeRect(boxLeft + 0.5, frame.top + 4.5, textWidth - 1, 16);
      ctx.fillStyle = theme.ink;
      ctx.textBaseline = 'middle';
      ctx.fillText(text, boxLeft + 4, frame.top + 13);
    }
  });
}
