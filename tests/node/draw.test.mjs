// The pure draw functions of www/js/draw/, drawn into a recording 2-D context: what lands
// where, in which colour and dash. Each test builds plain data as a screen would and asserts
// what a learner would see (a dead unit hatched, a point where the axes put it, one line per
// series inside its frame, a bar filled in proportion, every curve with its own dash).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRecordingContext, drawn, inFrame, pointsOf } from './support/recording-context.mjs';
import { decisionMapHeight, drawDecisionMap, mapFrame, mapPointAt, mapPosition } from '../../www/js/draw/decision-map.js';
import { diagramGeometry, drawDiagramLinks, drawUnitSquare, linkParts } from '../../www/js/draw/network-diagram.js';
import { CHART_MARGIN, drawHistoryChart, HISTORY } from '../../www/js/draw/history-chart.js';
import { drawMeterBar, logShare } from '../../www/js/draw/meter-bars.js';
import { drawFunctionPlot, functionPlotLayout, NEGATIVE_SHADE_ALPHA, negativeSpan } from '../../www/js/draw/function-plot.js';

const THEME = Object.freeze({
  background: 'paper',
  ink: 'ink',
  muted: 'muted',
  grid: 'grid',
  zero: 'zero',
  font: 'sans-serif',
  halo: 'halo',
  class0: 'class0-blue',
  class1: 'class1-orange',
  positive: 'positive-orange',
  negative: 'negative-blue',
  deadFill: 'dead-fill',
  deadInk: 'dead-ink',
  nearlyInk: 'nearly-ink',
  unitBorder: 'unit-border',
  gateInk: 'gate-ink',
  labelBackground: 'label-paper',
  hatch: 'hatch',
});

const close = (actual, expected, message, tolerance = 0.01) =>
  assert.ok(Math.abs(actual - expected) <= tolerance, `${message}: ${actual} is not ${expected}`);

/** The mean of a path's points (a triangle's centroid, a circle's centre). */
function centreOf(entry) {
  const points = pointsOf(entry);
  // A closed path repeats its first point at the end; count it once.
  const last = points.at(-1);
  const open = points.length > 1 && last.x === points[0].x && last.y === points[0].y ? points.slice(0, -1) : points;
  return {
    x: open.reduce((sum, p) => sum + p.x, 0) / open.length,
    y: open.reduce((sum, p) => sum + p.y, 0) / open.length,
  };
}

// ---- decision map ---------------------------------------------------------------------------

test('decision map: the map image fills the plotting frame and each point lands where the axes say', () => {
  const width = 320;
  const height = decisionMapHeight(width);
  const domain = [-6, 6];
  const frame = mapFrame(width, height);
  assert.equal(frame.width, frame.height, 'decisionMapHeight makes the frame square');
  const map = { width: 100, height: 100 };
  // Training points: class 0 at the centre, class 1 at the top-left corner (x1 = −6, x2 = 6).
  // Test point: class 1 at the bottom-right corner (x1 = 6, x2 = −6).
  const train = { points: new Float32Array([0, 0, -6, 6]), labels: new Float32Array([0, 1]) };
  const test = { points: new Float32Array([6, -6]), labels: new Float32Array([1]) };
  const { ctx, log } = createRecordingContext(width, height);
  drawDecisionMap(ctx, { width, height, domain, map, train, test, theme: THEME });

  const [image] = drawn(log, 'drawImage');
  assert.equal(image.image, map);
  assert.deepEqual([image.x, image.y, image.width, image.height], [frame.left, frame.top, frame.width, frame.height]);

  // Filled marks are training points, in their class colour.
  const fills = drawn(log, 'fill');
  assert.equal(fills.length, 2, 'one filled mark per training point');
  const circle = fills.find((f) => f.fillStyle === THEME.class0);
  const triangle = fills.find((f) => f.fillStyle === THEME.class1);
  assert.ok(circle.subpaths[0][0].arc, 'class 0 is a circle');
  close(circle.subpaths[0][0].x, frame.left + frame.width / 2, 'class 0 point x');
  close(circle.subpaths[0][0].y, frame.top + frame.height / 2, 'class 0 point y');
  assert.equal(pointsOf(triangle).length, 4, 'class 1 is a closed triangle');
  const apex = centreOf(triangle);
  close(apex.x, frame.left, 'class 1 point at x1 = −6', 0.01);
  close(apex.y, frame.top, 'class 1 point at x2 = 6', 0.01);

  // The test point is outlined only: stroked in its class colour and never filled.
  const outlined = drawn(log, 'stroke', (s) => s.strokeStyle === THEME.class1);
  assert.equal(outlined.length, 1, 'the test point is outlined once in its colour');
  const corner = centreOf(outlined[0]);
  close(corner.x, frame.left + frame.width, 'test point at x1 = 6');
  close(corner.y, frame.top + frame.height, 'test point at x2 = −6');

  // The points are clipped to the frame; the tick labels print the domain with a true minus.
  assert.ok(fills.every((f) => f.clipped));
  const labels = drawn(log, 'fillText').map((t) => t.text);
  assert.ok(labels.includes('\u22126') && labels.includes('6') && labels.includes('0'), labels.join(' '));
});

test('decision map: without a map the frame is paper; mapPointAt inverts mapPosition', () => {
  const width = 240;
  const height = decisionMapHeight(width);
  const domain = [-1, 1];
  const { ctx, log } = createRecordingContext(width, height);
  drawDecisionMap(ctx, { width, height, domain, map: null, train: null, test: null, theme: THEME });
  const frame = mapFrame(width, height);
  assert.equal(drawn(log, 'drawImage').length, 0);
  assert.ok(
    drawn(log, 'fillRect', (r) => r.fillStyle === THEME.background).some(
      (r) => r.x === frame.left && r.y === frame.top && r.width === frame.width && r.height === frame.height,
    ),
    'the frame is filled with the background',
  );
  for (const [x1, x2] of [[0, 0], [-1, 1], [0.25, -0.75]]) {
    const { px, py } = mapPosition(x1, x2, { width, height, domain });
    const back = mapPointAt(px, py, { width, height, domain });
    close(back.x1, x1, 'x1 round trip', 1e-9);
    close(back.x2, x2, 'x2 round trip', 1e-9);
  }
  assert.equal(mapPointAt(frame.left - 5, frame.top, { width, height, domain }), null, 'outside the frame');
});

// ---- network diagram ------------------------------------------------------------------------

/** The diagonal strokes of a hatch: a clip to the square, then lines at 45° in `color`. */
function hatchStrokes(log, color) {
  return drawn(log, 'stroke', (s) => s.strokeStyle === color && s.clipped);
}

test('network diagram: a dead unit is greyed, hatched and framed thick; a nearly dead one only dashed', () => {
  const square = { x: 20, y: 30, size: 36, image: null, theme: THEME };
  const dead = createRecordingContext();
  drawUnitSquare(dead.ctx, { ...square, state: 'dead' });
  const grey = drawn(dead.log, 'fillRect', (r) => r.fillStyle === THEME.deadFill);
  assert.equal(grey.length, 1, 'greyed over');
  assert.deepEqual([grey[0].x, grey[0].y, grey[0].width], [20, 30, 36]);
  const [hatching] = hatchStrokes(dead.log, THEME.deadInk);
  assert.ok(hatching, 'hatched in the dead ink, clipped to the square');
  assert.ok(hatching.subpaths.length >= 4, 'several hatch lines');
  for (const [from, to] of hatching.subpaths) {
    close(to.x - from.x, 36, 'each hatch line runs one square width right');
    close(from.y - to.y, 36, '... and one square height up (45°)');
  }
  const clips = drawn(dead.log, 'clip');
  assert.deepEqual(pointsOf(clips[0]).slice(0, 3), [{ x: 20, y: 30 }, { x: 56, y: 30 }, { x: 56, y: 66 }]);
  const border = drawn(dead.log, 'strokeRect').at(-1);
  assert.equal(border.strokeStyle, THEME.deadInk);
  assert.equal(border.lineWidth, 2);
  assert.deepEqual(border.lineDash, [], 'a dead unit has a solid border');

  const inactive = createRecordingContext();
  drawUnitSquare(inactive.ctx, { ...square, state: 'inactive' });
  assert.equal(hatchStrokes(inactive.log, THEME.deadInk).length, 1, 'inactive units are hatched too');
  assert.deepEqual(drawn(inactive.log, 'strokeRect').at(-1).lineDash, [2, 2], 'with a dotted border');
  assert.ok(
    drawn(inactive.log, 'fillRect', (r) => r.fillStyle === THEME.deadFill)[0].globalAlpha <
      grey[0].globalAlpha,
    'greyed less than a dead unit',
  );

  const nearly = createRecordingContext();
  drawUnitSquare(nearly.ctx, { ...square, state: 'nearly-dead' });
  assert.equal(drawn(nearly.log, 'clip').length, 0, 'not hatched');
  assert.equal(drawn(nearly.log, 'fillRect', (r) => r.fillStyle === THEME.deadFill).length, 0, 'not greyed');
  const dashed = drawn(nearly.log, 'strokeRect').at(-1);
  assert.equal(dashed.strokeStyle, THEME.nearlyInk);
  assert.deepEqual(dashed.lineDash, [4, 3]);

  const active = createRecordingContext();
  const image = { width: 8, height: 8 };
  drawUnitSquare(active.ctx, { ...square, image, state: 'active' });
  const [map] = drawn(active.log, 'drawImage');
  assert.deepEqual([map.image, map.x, map.y, map.width, map.height], [image, 20, 30, 36, 36], 'its map fills the square');
  assert.equal(drawn(active.log, 'clip').length, 0, 'an active unit is not hatched');
  assert.equal(drawn(active.log, 'strokeRect').at(-1).strokeStyle, THEME.unitBorder);
});

test('network diagram: connections run edge to edge, orange solid when positive, blue dashed when negative', () => {
  const geometry = diagramGeometry([2, 2, 1], 420);
  const weights = [
    { fanIn: 2, fanOut: 2, values: [1, -0.5, 0, 2] }, // unit 0 ← (x1: 1, x2: −0.5); unit 1 ← (x2: 2)
    { fanIn: 2, fanOut: 1, values: [0.5, -2] }, // output ← (unit 0: 0.5, unit 1: −2)
  ];
  const layers = [{ units: [{ state: 'active' }, { state: 'dead' }] }];
  const { ctx, log } = createRecordingContext(geometry.width, geometry.height);
  drawDiagramLinks(ctx, {
    width: geometry.width,
    height: geometry.height,
    geometry,
    weights,
    layers,
    theme: THEME,
    inputLabels: ['x₁', 'x₂'],
    outputLabel: 'ŷ',
    trace: null,
    formatValue: String,
  });
  const links = drawn(log, 'stroke', (s) => s.strokeStyle === THEME.positive || s.strokeStyle === THEME.negative);
  assert.equal(links.length, 5, 'one line per non-zero weight (the zero weight draws none)');
  for (const link of links) {
    if (link.strokeStyle === THEME.positive) assert.deepEqual(link.lineDash, []);
    else assert.deepEqual(link.lineDash, [5, 3]);
  }
  assert.equal(links.filter((l) => l.strokeStyle === THEME.negative).length, 2);

  // The line for weight 2 (x₂ → unit 1) leaves x₂'s right edge and reaches unit 1's left edge.
  const [x2, unit1] = [geometry.columns[0][1], geometry.columns[1][1]];
  const strongest = links.reduce((a, b) => (b.lineWidth > a.lineWidth ? b : a));
  assert.deepEqual(pointsOf(strongest), [
    { x: x2.x + x2.size, y: x2.y + x2.size / 2 },
    { x: unit1.x, y: unit1.y + unit1.size / 2 },
  ]);
  // A dead unit sends nothing: its outgoing line (weight −2, as strong as that one) is faded.
  const fromDead = links.find((l) => l.strokeStyle === THEME.negative && l.lineWidth === strongest.lineWidth);
  assert.ok(fromDead.globalAlpha < strongest.globalAlpha / 2, `faded: ${fromDead.globalAlpha}`);

  // Input and output circles carry their labels at their centres.
  const texts = drawn(log, 'fillText');
  const output = geometry.columns[2][0];
  const label = texts.find((t) => t.text === 'ŷ');
  close(label.x, output.x + output.size / 2, 'output label x');
  assert.deepEqual(texts.map((t) => t.text).sort(), ['x₁', 'x₂', 'ŷ'].sort());
});

test('network diagram: the connections drawn in parts are the connections drawn at once', () => {
  const geometry = diagramGeometry([2, 4, 4, 1], 500);
  const weights = [
    { fanIn: 2, fanOut: 4, values: Array.from({ length: 8 }, (_, i) => i - 3.5) },
    { fanIn: 4, fanOut: 4, values: Array.from({ length: 16 }, (_, i) => ((i * 7) % 5) - 2) },
    { fanIn: 4, fanOut: 1, values: [1, -1, 2, -2] },
  ];
  const data = {
    width: geometry.width,
    height: geometry.height,
    geometry,
    weights,
    layers: [{ units: Array(4).fill({ state: 'active' }) }, { units: Array(4).fill({ state: 'active' }) }],
    theme: THEME,
    inputLabels: ['a', 'b'],
    outputLabel: 'c',
    trace: null,
    formatValue: String,
  };
  const whole = createRecordingContext();
  drawDiagramLinks(whole.ctx, data);
  const pieces = createRecordingContext();
  const parts = linkParts(weights, 6);
  assert.ok(parts.length > 1);
  for (const part of parts) drawDiagramLinks(pieces.ctx, data, part);
  const lines = (log) => drawn(log, 'stroke').map((s) => JSON.stringify([pointsOf(s), s.strokeStyle, s.lineDash]));
  assert.deepEqual(lines(pieces.log), lines(whole.log));
});

// ---- history chart --------------------------------------------------------------------------

test('history chart: one line per series, inside its frame, with its colour and dash; NaN breaks a line', () => {
  const width = 400;
  const height = 180;
  const records = [
    // step, train loss, test loss, train acc, test acc, dead, sparsity
    [0, 0.8, 0.9, 0.5, 0.5, 0, 0.5],
    [100, 0.6, NaN, 0.6, 0.6, 1, 0.5],
    [200, 0.45, 0.5, 0.7, 0.7, 1, 0.5], // not in line with its neighbours: the line goes through it
    [300, 0.2, 0.45, 0.8, 0.8, 2, 0.5],
    [400, 0.1, 2.5, 0.9, 0.9, 2, 0.5], // test loss beyond the y domain: clipped to the top
  ];
  const columns = new Float32Array(records.flat());
  const series = [
    { column: HISTORY.trainLoss, color: 'train-colour', dash: [] },
    { column: HISTORY.testLoss, color: 'test-colour', dash: [5, 3], lineWidth: 1.5 },
  ];
  const { ctx, log } = createRecordingContext(width, height);
  drawHistoryChart(ctx, {
    width,
    height,
    columns,
    count: records.length,
    series,
    yDomain: [0, 1],
    yTicks: [0, 0.5, 1],
    yFormat: (v) => v.toFixed(1),
    xMax: 400,
    markers: [{ step: 200, died: true }],
    markerColors: { died: 'died-colour', revived: 'revived-colour' },
    theme: THEME,
  });
  const frame = {
    left: CHART_MARGIN.left,
    top: CHART_MARGIN.top,
    width: width - CHART_MARGIN.left - CHART_MARGIN.right,
    height: height - CHART_MARGIN.top - CHART_MARGIN.bottom,
  };
  const train = drawn(log, 'stroke', (s) => s.strokeStyle === 'train-colour');
  const testLine = drawn(log, 'stroke', (s) => s.strokeStyle === 'test-colour');
  assert.equal(train.length, 1, 'one stroke for the train loss');
  assert.equal(testLine.length, 1, 'one stroke for the test loss');
  assert.deepEqual(train[0].lineDash, []);
  assert.deepEqual(testLine[0].lineDash, [5, 3]);
  assert.equal(testLine[0].lineWidth, 1.5);
  assert.equal(train[0].lineWidth, 2, 'the default line width');
  for (const line of [...train, ...testLine]) {
    assert.ok(line.clipped, 'clipped to the frame');
    for (const point of pointsOf(line)) assert.ok(inFrame(point, frame), `${JSON.stringify(point)} in the frame`);
  }
  // The train loss: five points from the frame's left edge (step 0) to its right (step 400),
  // the height following the value (0.8 at 80% of the way up).
  assert.equal(train[0].subpaths.length, 1);
  const points = train[0].subpaths[0];
  assert.equal(points.length, 5);
  close(points[0].x, frame.left, 'step 0 at the left edge');
  close(points[4].x, frame.left + frame.width, 'the last step at the right edge');
  close(points[0].y, frame.top + frame.height * (1 - 0.8), 'train loss 0.8', 0.05);
  assert.ok(points.every((p, i) => i === 0 || p.x > points[i - 1].x), 'steps run left to right');
  // The test loss: broken at the NaN record, and the out-of-range value pinned to the top.
  assert.deepEqual(testLine[0].subpaths.map((p) => p.length), [1, 3]);
  close(testLine[0].subpaths[1].at(-1).y, frame.top, 'a loss above the domain sits on the top edge');

  // The ▼ of a unit that died, at step 200 (the middle), at the top of the frame.
  const [died] = drawn(log, 'fill', (f) => f.fillStyle === 'died-colour');
  const mark = centreOf(died);
  close(mark.x, frame.left + frame.width / 2, 'the event mark at its step', 1);
  assert.ok(mark.y < frame.top + 8, 'a death is marked at the top');
});

// ---- meter bars -----------------------------------------------------------------------------

test('meter bar: the fill is in proportion to the share; no value draws no fill, a tiny one a sliver', () => {
  const theme = { track: 'track', border: 'border', fill: 'fill', tick: 'tick' };
  const fills = (share, ticks = []) => {
    const { ctx, log } = createRecordingContext(200, 12);
    drawMeterBar(ctx, { width: 200, height: 12, share, ticks, theme });
    return { bars: drawn(log, 'fillRect', (r) => r.fillStyle === 'fill'), log };
  };
  for (const share of [0.25, 0.5, 1]) {
    const { bars } = fills(share);
    assert.equal(bars.length, 1);
    assert.deepEqual([bars[0].x, bars[0].y, bars[0].width, bars[0].height], [0, 0, 200 * share, 12], `share ${share}`);
  }
  assert.equal(fills(null).bars.length, 0, 'null: nothing to show');
  assert.equal(fills(0).bars.length, 0, 'zero: an empty track');
  assert.equal(fills(0.001).bars[0].width, 2, 'just above zero still shows');

  // Tick marks where the ticks say, on the lower part of the bar.
  const { log } = fills(0.5, [0, 0.5, 1]);
  const [ticks] = drawn(log, 'stroke', (s) => s.strokeStyle === 'tick');
  assert.deepEqual(ticks.subpaths.map(([top]) => top.x), [0.5, 100.5, 199.5]);
  assert.ok(ticks.subpaths.every(([top, bottom]) => top.y > 0 && bottom.y === 12));

  // On a log scale from 1e-4 to 1, every decade is a quarter of the track.
  close(logShare(1e-2, 1e-4, 1), 0.5, 'log share of 1e-2');
  assert.equal(logShare(0, 1e-4, 1), 0);
  assert.equal(logShare(NaN, 1e-4, 1), null);
});

// ---- function plot --------------------------------------------------------------------------

test('function plot: each curve is drawn in both panels with its colour and dash, the reference on top', () => {
  const xs = [-2, -1, 0, 1, 2];
  const relu = xs.map((x) => Math.max(0, x));
  const leaky = xs.map((x) => (x > 0 ? x : 0.1 * x));
  const curves = [
    {
      label: 'ReLU',
      shortLabel: 'ReLU',
      color: 'relu-colour',
      dash: [],
      lineWidth: 2.5,
      marker: 'circle',
      values: [{ xs, ys: relu }],
      slopes: [{ xs: [-2, 0], ys: [0, 0] }, { xs: [0, 2], ys: [1, 1] }],
      jump: [{ y: 0, filled: true }, { y: 1, filled: false }],
      flat: [[-2, 0]],
    },
    {
      label: 'Leaky ReLU',
      shortLabel: 'Leaky',
      color: 'leaky-colour',
      dash: [6, 4],
      lineWidth: 2,
      marker: 'square',
      values: [{ xs, ys: leaky }],
      slopes: [{ xs: [-2, 0], ys: [0.1, 0.1] }, { xs: [0, 2], ys: [1, 1] }],
      jump: null,
      flat: [],
    },
  ];
  const layout = functionPlotLayout(480, curves.length);
  const { ctx, log } = createRecordingContext(layout.width, layout.height);
  drawFunctionPlot(ctx, {
    layout,
    xDomain: [-2, 2],
    valueDomain: [-1, 2],
    slopeDomain: [-0.5, 1.5],
    xTicks: [-2, -1, 0, 1, 2],
    valueTicks: [-1, 0, 1, 2],
    slopeTicks: [0, 1],
    curves,
    flatThreshold: 0.05,
    probe: { x: 1, label: 'x = 1', points: [{ value: 1, slope: 1 }, { value: 1, slope: 1 }] },
    theme: THEME,
  });
  const panel = (p) => ({ left: layout.left, top: p.top, width: layout.right - layout.left, height: p.height });
  const valuePanel = panel(layout.value);
  const slopePanel = panel(layout.slope);
  for (const curve of curves) {
    const lines = drawn(log, 'stroke', (s) => s.strokeStyle === curve.color && s.lineWidth === curve.lineWidth);
    // One stroke per segment: one in the value panel, two (split at the jump) in the slope panel.
    assert.equal(lines.length, 3, `${curve.label}: its segments`);
    for (const line of lines) assert.deepEqual(line.lineDash, curve.dash, `${curve.label} keeps its dash`);
    assert.ok(pointsOf(lines[0]).every((p) => inFrame(p, valuePanel)), `${curve.label}: values in the top panel`);
    assert.ok(lines.slice(1).every((l) => pointsOf(l).every((p) => inFrame(p, slopePanel))), 'slopes in the middle panel');
    close(pointsOf(lines[0])[0].x, layout.left, `${curve.label}: x = −2 at the panel's left edge`);
  }
  // The reference (first curve) is stroked after the others in each panel, so it stays on top.
  const order = drawn(log, 'stroke', (s) => s.strokeStyle === 'relu-colour' || s.strokeStyle === 'leaky-colour')
    .slice(0, 2)
    .map((s) => s.strokeStyle);
  assert.deepEqual(order, ['leaky-colour', 'relu-colour']);
  const reluTop = pointsOf(drawn(log, 'stroke', (s) => s.strokeStyle === 'relu-colour')[0]).at(-1);
  close(reluTop.y, valuePanel.top, 'ReLU(2) = 2, the top of the value domain, at the top of the panel');

  // The derivative's jump at 0: a filled and a hollow dot, at x = 0 in the slope panel.
  const dots = drawn(log, 'fill', (f) => f.subpaths[0]?.[0]?.arc && f.strokeStyle === 'relu-colour' && inFrame(f.subpaths[0][0], slopePanel));
  const zeroX = layout.left + (layout.right - layout.left) / 2;
  assert.equal(dots.length, 2);
  assert.ok(dots.every((d) => Math.abs(d.subpaths[0][0].x - zeroX) < 0.01));
  assert.deepEqual(dots.map((d) => d.fillStyle), ['relu-colour', THEME.background]);

  // The flat strip: ReLU hatched (in its colour) over x < 0 only; Leaky ReLU has no flat part.
  const strips = drawn(log, 'strokeRect', (r) => r.strokeStyle === 'relu-colour');
  assert.equal(strips.length, 1);
  close(strips[0].x, layout.left + 0.5, 'the flat region starts at x = −2');
  close(strips[0].x + strips[0].width, zeroX - 0.5, '... and ends at x = 0');
  assert.equal(drawn(log, 'strokeRect', (r) => r.strokeStyle === 'leaky-colour').length, 0);

  // The probe: a dashed line at x = 1 and one marker per curve in each panel, in its colour.
  const probeX = Math.round(layout.left + (layout.right - layout.left) * 0.75) + 0.5;
  const probe = drawn(log, 'stroke', (s) => s.strokeStyle === THEME.ink && s.lineDash.length === 2);
  assert.ok(probe.some((s) => pointsOf(s).every((p) => p.x === probeX)), 'the probe line');
  for (const curve of curves) {
    const markers = drawn(log, 'fill', (f) => f.fillStyle === curve.color && pointsOf(f).some((p) => Math.abs(p.x - probeX) < 6));
    assert.equal(markers.length, 2, `${curve.label}: a marker in each panel`);
  }
  assert.ok(drawn(log, 'fillText').some((t) => t.text === 'x = 1'), 'the probe label');
});

test('function plot: the negative half x < 0 is shaded in both panels, under the grid and the curves, and labelled', () => {
  const xs = [-3, -1.5, 0, 1.5, 3];
  const curve = {
    label: 'ReLU',
    shortLabel: 'ReLU',
    color: 'relu-colour',
    dash: [],
    lineWidth: 2.5,
    marker: 'circle',
    values: [{ xs, ys: xs.map((x) => Math.max(0, x)) }],
    slopes: [{ xs: [-3, 0], ys: [0, 0] }, { xs: [0, 3], ys: [1, 1] }],
    jump: null,
    flat: [[-3, 0]],
  };
  const plot = (xDomain, negative) => {
    const layout = functionPlotLayout(480, 1);
    const { ctx, log } = createRecordingContext(layout.width, layout.height);
    drawFunctionPlot(ctx, {
      layout,
      xDomain,
      valueDomain: [-1, 3],
      slopeDomain: [-0.5, 1.5],
      xTicks: [xDomain[0], 0, xDomain[1]],
      valueTicks: [0, 1, 2, 3],
      slopeTicks: [0, 1],
      curves: [curve],
      flatThreshold: 0.01,
      negative,
      probe: null,
      theme: THEME,
    });
    return { layout, log };
  };
  const { layout, log } = plot([-3, 3], { label: 'x < 0' });
  const zeroX = layout.left + (layout.right - layout.left) / 2;
  const shades = drawn(log, 'fillRect', (r) => r.fillStyle === THEME.grid && r.globalAlpha === NEGATIVE_SHADE_ALPHA);
  assert.equal(shades.length, 2, 'one shaded rectangle per panel');
  for (const [shade, panel] of [[shades[0], layout.value], [shades[1], layout.slope]]) {
    close(shade.x, layout.left, 'the shade starts at the left edge (x = −3)');
    close(shade.x + shade.width, zeroX, '... and stops at x = 0');
    close(shade.y, panel.top, 'it covers the panel from its top');
    close(shade.height, panel.height, '... to its bottom');
  }
  // Under the grid and the curves: drawn before the first grid line and the first curve.
  const indexOf = (entry) => log.indexOf(entry);
  const firstCurve = log.findIndex((e) => e.op === 'stroke' && e.strokeStyle === 'relu-colour');
  const firstGrid = log.findIndex((e) => e.op === 'stroke' && e.strokeStyle === THEME.grid);
  assert.ok(indexOf(shades[0]) < firstGrid && indexOf(shades[0]) < firstCurve, 'the shade lies under the grid and the curves');
  const label = drawn(log, 'fillText', (t) => t.text === 'x < 0');
  assert.equal(label.length, 1, 'one label');
  assert.ok(label[0].x >= layout.left && label[0].x < zeroX && label[0].y >= layout.value.top, 'inside the shaded part of the top panel');
  assert.deepEqual(negativeSpan({ left: 10, width: 100 }, (x) => 60 + 25 * x, [-2, 2]), { from: 10, to: 60 });

  // Without the option, or when the x axis has no negative part, nothing is shaded.
  for (const [domain, negative] of [[[-3, 3], null], [[0, 3], { label: 'x < 0' }]]) {
    const other = plot(domain, negative);
    assert.equal(drawn(other.log, 'fillRect', (r) => r.globalAlpha === NEGATIVE_SHADE_ALPHA).length, 0, `no shade for ${domain}`);
    assert.equal(drawn(other.log, 'fillText', (t) => t.text === 'x < 0').length, 0);
  }
});
