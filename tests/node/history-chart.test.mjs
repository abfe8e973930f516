// The history chart's lines go only through the records they need (draw/history-chart.js
// keptPoints, issue 13 goal 7): every record stays within half the line's width of the drawn
// line (under it), a smooth line of 512 records is drawn through a few dozen of them, corners,
// steps and the breaks at NaN stay where they are, and each kind of unit event is one path.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRecordingContext, drawn } from './support/recording-context.mjs';
import { CHART_MARGIN, drawHistoryChart, HISTORY, keptPoints, lineTolerance } from '../../www/js/draw/history-chart.js';
import { createRandom } from '../../www/js/experiments/random.js';

/** The tolerance of the tests of keptPoints alone (a line 1 px wide). */
const TOLERANCE = 0.5;

/** The distance from (px, py) to the segment from a to b. */
function segmentDistance(px, py, a, b) {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const length2 = dx * dx + dy * dy;
  const along = length2 > 0 ? Math.min(1, Math.max(0, ((px - a.x) * dx + (py - a.y) * dy) / length2)) : 0;
  return Math.hypot(px - (a.x + along * dx), py - (a.y + along * dy));
}

/** The distance from (px, py) to the polyline `points`. */
function lineDistance(px, py, points) {
  if (points.length === 1) return Math.hypot(px - points[0].x, py - points[0].y);
  let best = Infinity;
  for (let i = 1; i < points.length; i += 1) best = Math.min(best, segmentDistance(px, py, points[i - 1], points[i]));
  return best;
}

test('keptPoints: first and last kept, collinear points dropped, every dropped point within the tolerance', () => {
  assert.equal(lineTolerance(2), 1, 'half the width of a line');
  assert.deepEqual(keptPoints([0], [0], 1, TOLERANCE), [0]);
  assert.deepEqual(keptPoints([0, 1], [0, 1], 2, TOLERANCE), [0, 1]);
  assert.deepEqual(keptPoints([0, 1, 2, 3], [0, 1, 2, 3], 4, TOLERANCE), [0, 3], 'a straight line: its ends');
  assert.deepEqual(keptPoints([0, 1, 2, 3, 4], [0, 0, 5, 5, 5], 5, TOLERANCE), [0, 1, 2, 4], 'a step: both corners');
  assert.deepEqual(keptPoints([0, 1, 2], [0, 0.4, 0], 3, TOLERANCE), [0, 2], 'a bump of less than the tolerance goes');
  assert.deepEqual(keptPoints([0, 1, 2], [0, 0.6, 0], 3, TOLERANCE), [0, 1, 2], 'a bump of more stays');
  // A point beyond the segment's end, in line with it: near the infinite line, far from the
  // segment drawn, so it stays.
  assert.deepEqual(keptPoints([0, 10, 5], [0, 0, 0], 3, TOLERANCE), [0, 1, 2]);
  for (const [seed, jagged] of [[1, 0.2], [2, 3], [3, 30]]) {
    const generator = createRandom(seed);
    const next = () => generator.next();
    const count = 512;
    const xs = Array.from({ length: count }, (_, i) => 40 + (380 * i) / (count - 1));
    let y = 60;
    const ys = xs.map(() => (y = Math.min(140, Math.max(8, y + (next() - 0.5) * jagged))));
    const kept = keptPoints(xs, ys, count, TOLERANCE);
    assert.equal(kept[0], 0);
    assert.equal(kept.at(-1), count - 1);
    assert.ok(kept.every((index, i) => i === 0 || index > kept[i - 1]), 'in order');
    const line = kept.map((index) => ({ x: xs[index], y: ys[index] }));
    for (let i = 0; i < count; i += 1) {
      assert.ok(lineDistance(xs[i], ys[i], line) <= TOLERANCE + 1e-9, `seed ${seed}: point ${i} within ${TOLERANCE} px`);
    }
    if (jagged < 1) assert.ok(kept.length < count / 4, `a smooth line keeps few points: ${kept.length}`);
  }
});

test('history chart: a smooth line of 512 records is drawn through few of them, each record under the line; NaN still breaks it', () => {
  const width = 432;
  const height = 150;
  const count = 512;
  const records = [];
  for (let r = 0; r < count; r += 1) {
    const step = r * 200;
    // A falling loss; the test loss is missing (NaN) for records 100 to 109.
    const loss = 0.7 * Math.exp(-step / 20_000) + 0.05;
    records.push([step, loss, r >= 100 && r < 110 ? NaN : loss + 0.05, 0.5, 0.5, 0, 0.5]);
  }
  const columns = new Float32Array(records.flat());
  const { ctx, log } = createRecordingContext(width, height);
  drawHistoryChart(ctx, {
    width,
    height,
    columns,
    count,
    series: [
      { column: HISTORY.trainLoss, color: 'train-colour' },
      { column: HISTORY.testLoss, color: 'test-colour', dash: [6, 4], lineWidth: 1 },
    ],
    yDomain: [0, 0.8],
    yTicks: [0, 0.4, 0.8],
    yFormat: (v) => v.toFixed(1),
    xMax: (count - 1) * 200,
    markers: [],
    markerColors: { died: 'died', revived: 'revived' },
    theme: { background: 'paper', ink: 'ink', muted: 'muted', grid: 'grid', font: 'sans-serif' },
  });
  const [train] = drawn(log, 'stroke', (s) => s.strokeStyle === 'train-colour');
  const [testLine] = drawn(log, 'stroke', (s) => s.strokeStyle === 'test-colour');
  assert.equal(train.subpaths.length, 1);
  assert.deepEqual(testLine.subpaths.length, 2, 'the NaN records break the test loss');
  const points = train.subpaths[0];
  assert.ok(points.length < 60, `the train loss through ${points.length} of its 512 records`);
  // Where each record lands (the chart's scales), and how far the drawn line passes from it.
  const plotWidth = width - CHART_MARGIN.left - CHART_MARGIN.right;
  const plotHeight = height - CHART_MARGIN.top - CHART_MARGIN.bottom;
  const xEnd = (count - 1) * 200; // beyond the last tick (100 k), so the axis ends there
  close(points.at(-1).x, CHART_MARGIN.left + plotWidth);
  for (const [step, loss, testLoss] of records) {
    const px = CHART_MARGIN.left + (plotWidth * step) / xEnd;
    // The train loss is 2 px wide (1 px either side), the test loss 1 px (half a pixel).
    assert.ok(lineDistance(px, CHART_MARGIN.top + plotHeight * (1 - loss / 0.8), points) <= 1 + 1e-6, `train loss at step ${step}`);
    if (Number.isFinite(testLoss)) {
      const py = CHART_MARGIN.top + plotHeight * (1 - testLoss / 0.8);
      const distance = Math.min(...testLine.subpaths.map((part) => lineDistance(px, py, part)));
      assert.ok(distance <= 0.5 + 1e-6, `test loss at step ${step}`);
    }
  }
  // The break: the first part ends at record 99, the second starts at record 110.
  close(testLine.subpaths[0].at(-1).x, CHART_MARGIN.left + (plotWidth * 99 * 200) / xEnd);
  close(testLine.subpaths[1][0].x, CHART_MARGIN.left + (plotWidth * 110 * 200) / xEnd);
});

function close(actual, expected) {
  assert.ok(Math.abs(actual - expected) < 0.01, `${actual} is not ${expected}`);
}

test('history chart: unit events are one path of lines and one of shapes a kind, an event at each of their columns', () => {
  const width = 400;
  const height = 150;
  const columns = new Float32Array([0, 0, 0, 0, 0, 0, 0, 1000, 0, 0, 0, 0, 2, 0]);
  // Three deaths (two at the same step), two revivals.
  const markers = [{ step: 100, died: true }, { step: 500, died: true }, { step: 500, died: true }, { step: 300, died: false }, { step: 900, died: false }];
  const { ctx, log } = createRecordingContext(width, height);
  drawHistoryChart(ctx, {
    width,
    height,
    columns,
    count: 2,
    series: [{ column: HISTORY.deadUnits, color: 'dead-colour' }],
    yDomain: [0, 4],
    yTicks: [0, 2, 4],
    yFormat: String,
    xMax: 1000,
    markers,
    markerColors: { died: 'died-colour', revived: 'revived-colour' },
    theme: { background: 'paper', ink: 'ink', muted: 'muted', grid: 'grid', font: 'sans-serif' },
  });
  const plotWidth = width - CHART_MARGIN.left - CHART_MARGIN.right;
  const at = (step) => Math.round(CHART_MARGIN.left + (plotWidth * step) / 1000) + 0.5;
  for (const [kind, steps] of [['died-colour', [100, 500]], ['revived-colour', [300, 900]]]) {
    const lines = drawn(log, 'stroke', (s) => s.strokeStyle === kind);
    const shapes = drawn(log, 'fill', (f) => f.fillStyle === kind);
    assert.equal(lines.length, 1, `${kind}: one stroke`);
    assert.equal(shapes.length, 1, `${kind}: one fill`);
    assert.deepEqual(lines[0].subpaths.map((part) => part[0].x), steps.map(at), `${kind}: a line at each event's column, once`);
    assert.equal(shapes[0].subpaths.length, steps.length);
    assert.equal(lines[0].globalAlpha, 0.45);
  }
});
