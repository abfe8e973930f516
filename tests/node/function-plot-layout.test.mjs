// functionPlotLayout with a height to fill (a compact embed's plot, css/embed.css): the value
// and slope panels share what the titles, strips and x axis leave, within their bounds; with no
// height the layout follows the width exactly as before.
import assert from 'node:assert/strict';
import test from 'node:test';
import { FUNCTION_PLOT_PANELS, functionPlotLayout } from '../../www/js/draw/function-plot.js';

const { value, slope } = FUNCTION_PLOT_PANELS;

test('function plot layout: a height to fill is filled exactly, for every width and strip count', () => {
  for (const width of [240, 402, 674, 1200]) {
    for (const rows of [1, 3, 12]) {
      const least = functionPlotLayout(width, rows, 0).height;
      const most = functionPlotLayout(width, rows, 1e6).height;
      for (let fit = least; fit <= most; fit += 7) {
        const layout = functionPlotLayout(width, rows, fit);
        assert.equal(layout.height, fit, `width ${width}, ${rows} rows, fit ${fit}`);
        // Panels stack in order, none overlapping, all inside the canvas.
        assert.ok(layout.value.top + layout.value.height < layout.slope.top);
        assert.ok(layout.slope.top + layout.slope.height < layout.strip.top);
        assert.ok(layout.strip.top + layout.strip.height < layout.height);
      }
    }
  }
});

test('function plot layout: the panels stay within their bounds; below the least the layout stays at it', () => {
  const tiny = functionPlotLayout(400, 3, 50);
  assert.equal(tiny.value.height, value.least);
  assert.equal(tiny.slope.height, slope.least);
  assert.equal(tiny.height, functionPlotLayout(400, 3, 0).height);
  const huge = functionPlotLayout(400, 3, 5000);
  assert.equal(huge.value.height, value.most);
  assert.equal(huge.slope.height, slope.most);
  // The strips keep one row per function whatever the height.
  assert.equal(functionPlotLayout(400, 3, 300).strip.height, functionPlotLayout(400, 3).strip.height);
});

test('function plot layout: in a small frame many strip rows get thinner, down to 10 px, so the panels keep their room', () => {
  // Three rows fit in a quarter of 300 px at the full 16 px; ten do not, and shrink to 10.
  assert.equal(functionPlotLayout(400, 3, 300).strip.row, 16);
  const many = functionPlotLayout(400, 10, 380);
  assert.equal(many.strip.row, 10);
  assert.equal(many.strip.height, 10 * 10 + 4);
  assert.equal(many.height, 380);
  // 10 rows of 16 px would leave the panels at their least (64 and 44 px).
  assert.ok(many.value.height >= value.least + 25, `value panel ${many.value.height} px`);
  assert.ok(many.slope.height >= slope.least + 15, `slope panel ${many.slope.height} px`);
  // Never below 10 px a row, however small the frame; no height: always 16.
  assert.equal(functionPlotLayout(400, 12, 120).strip.row, 10);
  assert.equal(functionPlotLayout(400, 12).strip.row, 16);
  assert.equal(functionPlotLayout(400, 12).strip.height, 12 * 16 + 4);
});

test('function plot layout: no height (or null, NaN, Infinity) follows the width as before', () => {
  for (const width of [300, 480, 900]) {
    const plain = functionPlotLayout(width, 3);
    for (const fit of [null, undefined, Number.NaN, Number.POSITIVE_INFINITY]) {
      assert.deepEqual(functionPlotLayout(width, 3, fit), plain, `fit ${fit}`);
    }
    assert.equal(plain.value.height, Math.round(Math.min(320, Math.max(170, width * 0.42))));
  }
});
