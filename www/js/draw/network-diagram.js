// Pure drawing of the network diagram: the inputs, every hidden unit as a small square showing
// its activation map, the output, connections coloured by sign (orange solid positive, blue
// dashed negative) and sized by |weight|, hatching for dead units, and one traced example's
// values and gates. Works in CSS pixels on plain arrays and images; never touches wasm.
//
// The live diagram repaints only what changed: drawDiagramLinks draws everything but the unit
// squares (connections, input and output nodes, the trace), now and then; the unit maps are
// shrunk by scaleUnitMap to the size they are shown at and put into their squares with
// putImageData every frame. drawNetworkDiagram draws the whole picture at once.

const SIZES = {
  margin: 8, // left and right of the outermost columns
  paddingY: 14, // above the tallest column and below it
  minUnit: 22, // smallest unit square (tap targets stay usable with the gaps around them)
  maxUnit: 52,
  maxHeight: 560, // the diagram grows no taller than this unless units would go below minUnit
  minGap: 10, // smallest horizontal gap between two columns of units
  labelRoom: 66, // horizontal gap needed to print trace values beside a unit
  node: 26, // diameter of an input or output circle
};

/**
 * Where every node sits, for `columnSizes` nodes per column ([inputs, ...hidden, outputs])
 * in `availableWidth` CSS pixels. When even the smallest units do not fit, `width` exceeds
 * `availableWidth` and the caller scrolls. Returns
 * { width, height, unitSize, labelsFit, columns: [[{ x, y, size, round }]] }
 * where (x, y) is a node's top-left corner and `round` marks the input and output circles.
 */
export function diagramGeometry(columnSizes, availableWidth, { minUnit = SIZES.minUnit } = {}) {
  const count = columnSizes.length;
  const tallest = Math.max(1, ...columnSizes);
  let pitch = (availableWidth - 2 * SIZES.margin) / count;
  const byHeight = (SIZES.maxHeight - 2 * SIZES.paddingY) / tallest / 1.25;
  const unitSize = Math.floor(
    Math.max(minUnit, Math.min(Math.max(SIZES.maxUnit, minUnit), pitch * 0.5, byHeight)),
  );
  pitch = Math.max(pitch, unitSize + SIZES.minGap);
  const rowGap = Math.max(6, Math.round(unitSize * 0.25));
  const rowPitch = unitSize + rowGap;
  const width = Math.round(Math.max(availableWidth, 2 * SIZES.margin + pitch * count));
  const height = Math.max(110, tallest * rowPitch - rowGap + 2 * SIZES.paddingY);
  const columns = columnSizes.map((nodes, column) => {
    const round = column === 0 || column === count - 1;
    const size = round ? Math.min(SIZES.node, unitSize) : unitSize;
    // Inputs and output sit further apart: a traced value is printed under each.
    const spacing = round ? Math.max(rowPitch, size + 30) : rowPitch;
    const centreX = SIZES.margin + pitch * (column + 0.5);
    const top = height / 2 - ((nodes - 1) * spacing + size) / 2;
    return Array.from({ length: nodes }, (_, index) => ({
      x: Math.round(centreX - size / 2),
      y: Math.round(top + index * spacing),
      size,
      round,
    }));
  });
  return { width, height, unitSize, labelsFit: pitch - unitSize >= SIZES.labelRoom, columns };
}

/** Diagonal hatching over a square, clipped to it. */
function hatch(ctx, x, y, size, color, spacing) {
  ctx.save();
  ctx.beginPath();
  ctx.rect(x, y, size, size);
  ctx.clip();
  ctx.strokeStyle = color;
  ctx.lineWidth = 1.5;
  ctx.beginPath();
  for (let offset = -size; offset < size; offset += spacing) {
    ctx.moveTo(x + offset, y + size);
    ctx.lineTo(x + offset + size, y);
  }
  ctx.stroke();
  ctx.restore();
}

/**
 * One hidden unit: its activation map `image` scaled into the square, then the marks of its
 * `state` ("active", "dead", "inactive", "nearly-dead", "nearly-inactive"): dead and inactive
 * units are greyed and hatched with a thick border; nearly dead ones get a dashed border.
 * Used by the diagram and by the unit card's larger map.
 */
export function drawUnitSquare(ctx, { x, y, size, image, state, theme }) {
  if (image) {
    ctx.imageSmoothingEnabled = true;
    ctx.drawImage(image, x, y, size, size);
  } else {
    ctx.fillStyle = theme.background;
    ctx.fillRect(x, y, size, size);
  }
  const spacing = Math.max(4, Math.round(size / 6));
  ctx.setLineDash([]);
  if (state === 'dead' || state === 'inactive') {
    ctx.fillStyle = theme.deadFill;
    ctx.globalAlpha = state === 'dead' ? 0.8 : 0.55;
    ctx.fillRect(x, y, size, size);
    ctx.globalAlpha = 1;
    hatch(ctx, x, y, size, theme.deadInk, spacing);
    ctx.lineWidth = 2;
    ctx.strokeStyle = theme.deadInk;
    if (state === 'inactive') ctx.setLineDash([2, 2]);
    ctx.strokeRect(x + 1, y + 1, size - 2, size - 2);
  } else if (state === 'nearly-dead' || state === 'nearly-inactive') {
    ctx.lineWidth = 2;
    ctx.strokeStyle = theme.nearlyInk;
    ctx.setLineDash([4, 3]);
    ctx.strokeRect(x + 1, y + 1, size - 2, size - 2);
  } else {
    ctx.lineWidth = 1;
    ctx.strokeStyle = theme.unitBorder;
    ctx.strokeRect(x + 0.5, y + 0.5, size - 1, size - 1);
  }
  ctx.setLineDash([]);
}

/** An input or output circle with a short label inside. */
function drawRoundNode(ctx, node, label, theme) {
  const r = node.size / 2;
  ctx.beginPath();
  ctx.arc(node.x + r, node.y + r, r - 1, 0, Math.PI * 2);
  ctx.fillStyle = theme.background;
  ctx.fill();
  ctx.lineWidth = 1.5;
  ctx.strokeStyle = theme.ink;
  ctx.stroke();
  ctx.fillStyle = theme.ink;
  ctx.font = `600 ${Math.round(node.size * 0.42)}px ${theme.font}`;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  ctx.fillText(label, node.x + r, node.y + r + 0.5);
}

/**
 * How strongly to draw the connections into `targetLayer` (0 = first hidden layer) for the
 * traced step: the weights the current step uses stand out, the rest recede. Returns a
 * function of the target unit, or null for "all at full strength".
 */
function connectionEmphasis(trace, targetLayer) {
  if (!trace) return null;
  const { phase, layer } = trace.step;
  if (phase === 'forward') return () => (targetLayer === layer ? 1 : 0.3);
  if (targetLayer === layer) {
    // The gradient reaches these weights only through an open gate.
    const gates = trace.layers[layer].gate;
    return (unit) => (gates[unit] === 0 ? 0.12 : 1);
  }
  return () => (targetLayer === layer + 1 ? 0.7 : 0.25);
}

/** How many units receive connections: every hidden unit and the output. */
const targetCount = (weights) => weights.reduce((sum, layer) => sum + layer.fanOut, 0);

/**
 * The connections into the units numbered `first` … `last - 1`, counting every hidden unit
 * and then the output, layer after layer (all of them by default).
 */
function drawConnections(ctx, data, first = 0, last = Infinity) {
  const { geometry, weights, theme, trace } = data;
  let largest = 0;
  for (const layer of weights) for (const w of layer.values) largest = Math.max(largest, Math.abs(w));
  if (!(largest > 0) || !Number.isFinite(largest)) largest = 1;
  ctx.lineCap = 'butt';
  let dashed = null;
  let index = 0; // of the target unit, over all layers
  weights.forEach((layer, target) => {
    const begin = index;
    index += layer.fanOut;
    if (index <= first || begin >= last) return;
    const from = geometry.columns[target];
    const to = geometry.columns[target + 1];
    const emphasis = connectionEmphasis(trace, target);
    for (let out = Math.max(0, first - begin); out < Math.min(layer.fanOut, last - begin); out += 1) {
      const end = to[out];
      const strength = emphasis ? emphasis(out) : 1;
      for (let input = 0; input < layer.fanIn; input += 1) {
        const weight = layer.values[out * layer.fanIn + input];
        if (!Number.isFinite(weight) || weight === 0) continue;
        const start = from[input];
        const ratio = Math.sqrt(Math.abs(weight) / largest);
        // A dead or inactive source sends nothing along its weights (ReLU: exactly 0).
        const source = data.layers[target - 1]?.units[input].state;
        const silent = source === 'dead' ? 0.2 : 1;
        ctx.globalAlpha = (0.3 + 0.7 * ratio) * strength * silent;
        ctx.lineWidth = 0.6 + 3.4 * ratio;
        ctx.strokeStyle = weight > 0 ? theme.positive : theme.negative;
        if (dashed !== weight < 0) {
          dashed = weight < 0;
          ctx.setLineDash(dashed ? [5, 3] : []);
        }
        ctx.beginPath();
        ctx.moveTo(start.x + start.size, start.y + start.size / 2);
        ctx.lineTo(end.x, end.y + end.size / 2);
        ctx.stroke();
      }
    }
  });
  ctx.globalAlpha = 1;
  ctx.setLineDash([]);
}

/** The barrier of a closed gate at a unit's left edge: a thick bar with a stub, "⊣". */
function drawClosedGate(ctx, node, theme) {
  const x = node.x - 4;
  const middle = node.y + node.size / 2;
  ctx.strokeStyle = theme.gateInk;
  ctx.lineWidth = 3;
  ctx.beginPath();
  ctx.moveTo(x, node.y + 1);
  ctx.lineTo(x, node.y + node.size - 1);
  ctx.moveTo(x - 8, middle);
  ctx.lineTo(x, middle);
  ctx.stroke();
}

/** A gradient that passes: a short arrow leaving the unit's left edge, pointing left. */
function drawGradientArrow(ctx, node, theme) {
  const middle = node.y + node.size / 2;
  const tip = node.x - 12;
  ctx.strokeStyle = theme.gateInk;
  ctx.fillStyle = theme.gateInk;
  ctx.lineWidth = 2;
  ctx.beginPath();
  ctx.moveTo(node.x - 1, middle);
  ctx.lineTo(tip + 4, middle);
  ctx.stroke();
  ctx.beginPath();
  ctx.moveTo(tip, middle);
  ctx.lineTo(tip + 5, middle - 4);
  ctx.lineTo(tip + 5, middle + 4);
  ctx.closePath();
  ctx.fill();
}

/**
 * Short lines of text on an opaque backing, left-aligned at (x, y) = top-left; `faded` (a
 * layer visited earlier) prints them in the muted colour, still fully legible.
 */
function drawLabel(ctx, lines, x, y, theme, faded = false) {
  const alpha = ctx.globalAlpha;
  ctx.globalAlpha = 1;
  const size = 10.5;
  ctx.font = `${size}px ${theme.font}`;
  ctx.textAlign = 'left';
  ctx.textBaseline = 'top';
  const width = Math.max(...lines.map((line) => ctx.measureText(line).width)) + 4;
  const height = lines.length * (size + 2) + 2;
  ctx.fillStyle = theme.labelBackground;
  ctx.fillRect(x - 2, y - 1, width, height);
  ctx.fillStyle = faded ? theme.muted : theme.ink;
  lines.forEach((line, index) => ctx.fillText(line, x, y + index * (size + 2)));
  ctx.globalAlpha = alpha;
}

/** The values of one traced layer: what the step shows, as short text lines per unit. */
function traceLines(values, unit, mode, format) {
  if (mode === 'forward') return [`z ${format(values.z[unit])}`, `a ${format(values.a[unit])}`];
  return [`∂a ${format(values.gradA[unit])}`, `∂z ${format(values.gradZ[unit])}`];
}

/**
 * Show the traced example: for every layer already visited (faded) and the current one, the
 * values of its phase beside each unit, a "⊣" barrier where a gate is closed, and on the
 * backward phase an arrow where the gradient passes on to the weights.
 */
function drawTrace(ctx, data) {
  const { geometry, trace, theme } = data;
  const { phase, layer: current } = trace.step;
  const lastColumn = geometry.columns.length - 1;
  trace.layers.forEach((values, layer) => {
    let mode = null;
    if (phase === 'forward') mode = layer <= current ? 'forward' : null;
    else mode = layer >= current ? 'backward' : 'forward';
    if (!mode) return;
    const column = geometry.columns[layer + 1];
    const isOutput = layer + 1 === lastColumn;
    ctx.globalAlpha = layer === current ? 1 : 0.5;
    column.forEach((node, unit) => {
      if (!isOutput) {
        if (values.gate[unit] === 0) drawClosedGate(ctx, node, theme);
        else if (mode === 'backward') drawGradientArrow(ctx, node, theme);
      }
      const lines = traceLines(values, unit, mode, data.formatValue);
      const faded = layer !== current;
      if (isOutput) drawLabel(ctx, lines, node.x - 6, node.y + node.size + 6, theme, faded);
      // Beside the unit, clear of its badge (top right), centred on it.
      else if (geometry.labelsFit) {
        drawLabel(ctx, lines, node.x + node.size + 9, node.y + node.size / 2 - 12, theme, faded);
      }
    });
  });
  if (trace.point) {
    ctx.globalAlpha = 1;
    geometry.columns[0].forEach((node, input) => {
      const value = input === 0 ? trace.point.x1 : trace.point.x2;
      drawLabel(ctx, [data.formatValue(value)], node.x - 4, node.y + node.size + 3, theme);
    });
  }
  ctx.globalAlpha = 1;
}

/**
 * Everything but the unit squares: connections, the input and output circles and the traced
 * example's values and gates (all outside the unit squares, which are drawn over this layer).
 * data: as drawNetworkDiagram (layers[].units[].image is not used).
 * part (to spread the drawing over several calls, in order, see linkParts): { from, to } draws
 * only the connections into the units numbered from … to − 1 (hidden units, then the output);
 * the first part clears, the last adds the nodes and the trace. Without it, all at once.
 */
export function drawDiagramLinks(ctx, data, part = {}) {
  const { width, height, geometry, theme } = data;
  const total = targetCount(data.weights);
  const from = part.from ?? 0;
  const to = Math.min(part.to ?? total, total);
  if (from === 0) ctx.clearRect(0, 0, width, height);
  drawConnections(ctx, data, from, to);
  if (to < total) return;
  const columns = geometry.columns;
  columns[0].forEach((node, index) => drawRoundNode(ctx, node, data.inputLabels[index], theme));
  columns[columns.length - 1].forEach((node) => drawRoundNode(ctx, node, data.outputLabel, theme));
  if (data.trace) drawTrace(ctx, data);
}

/**
 * Split the connections of `weights` into parts of about `lines` lines each (whole target
 * units), for drawDiagramLinks: [{ from, to }], at least one.
 */
export function linkParts(weights, lines) {
  const parts = [];
  let from = 0;
  let index = 0;
  let count = 0;
  for (const layer of weights) {
    for (let out = 0; out < layer.fanOut; out += 1) {
      count += layer.fanIn;
      index += 1;
      if (count >= lines) {
        parts.push({ from, to: index });
        from = index;
        count = 0;
      }
    }
  }
  if (from < index && count < lines / 2 && parts.length) parts[parts.length - 1].to = index;
  else if (from < index || parts.length === 0) parts.push({ from, to: index });
  return parts;
}

/** The mean of two packed RGBA pixels, per byte (rounded down). */
const mean2 = (a, b) => (((a ^ b) >>> 1) & 0x7f7f7f7f) + (a & b);

/**
 * Shrink one unit's map: `source` holds RGBA pixels as packed 32-bit words (Uint32Array), the
 * map being `resolution`² words from word `offset`, row 0 at the top; `target` (Uint32Array of
 * side² words) receives it at `side` × `side` (side ≤ resolution). Each target pixel is the mean
 * of the 2×2 source pixels around its centre: smooth enough for a map a few dozen pixels
 * across, and cheap (no per-channel arithmetic). `columns` may pass a cached sampleColumns().
 */
export function scaleUnitMap(source, offset, resolution, target, side, columns = sampleColumns(resolution, side)) {
  const R = resolution;
  for (let row = 0; row < side; row += 1) {
    const y = columns[row];
    const top = offset + y * R;
    const below = top + R;
    const out = row * side;
    for (let column = 0; column < side; column += 1) {
      const x = columns[column];
      target[out + column] = mean2(mean2(source[top + x], source[top + x + 1]), mean2(source[below + x], source[below + x + 1]));
    }
  }
  return target;
}

/**
 * For each of `side` target pixels along one axis, the first of the two source pixels (of
 * `resolution`) around its centre; the same along both axes.
 */
export function sampleColumns(resolution, side) {
  const scale = resolution / side;
  return Int32Array.from({ length: side }, (_, i) =>
    Math.max(0, Math.min(resolution - 2, Math.floor((i + 0.5) * scale - 0.5))),
  );
}
