// The Function screen's figure: the canvas (functions, slopes and flat strips, drawn by the pure
// draw/function-plot.js, with the negative half x < 0 shaded) and the probe handle placed over it. Reads its colours from CSS
// (ui/theme.js) and maps a pointer's position to x. No wasm: it draws the curves it is given.
import { drawFunctionPlot, functionPlotLayout, niceTicks } from '../../../draw/function-plot.js';
import { formatNumber } from '../../../text/format.js';
import { activationShortName } from '../../../text/names.js';
import { sizeCanvas } from '../../../ui/canvas.js';
import { readTheme, readTokenList } from '../../../ui/theme.js';
import { COLOR_SLOTS, activationStyle } from '../catalog.js';
import { FLAT_THRESHOLD, clamp } from '../state.js';

/** The plot's theme: the shared plot tokens and the function colours --fn-1 … --fn-6. */
function readFunctionTheme(host) {
  return { ...readTheme(host), colors: readTokenList(host, 'fn', COLOR_SLOTS) };
}

/** [low, high] covering every value of `arrays` and [floor, ceiling], padded by 7%. */
function domainOf(arrays, floor, ceiling) {
  let low = floor;
  let high = ceiling;
  for (const values of arrays) {
    for (let i = 0; i < values.length; i += 1) {
      const v = values[i];
      if (v < low) low = v;
      if (v > high) high = v;
    }
  }
  const pad = (high - low) * 0.07;
  return [low - pad, high + pad];
}

/**
 * The figure's view. `host`: the element whose CSS gives the colours; `canvas`: the plot;
 * `probe`: the handle (role="slider") positioned over the canvas; `shadeNegative`: shade the
 * half x < 0 (the negative inputs the readout's table describes).
 */
export function createPlotView({ host, canvas, probe, shadeNegative = true }) {
  let width = 0;
  let layout = null;
  let theme = readFunctionTheme(host);

  return {
    /** The canvas's new CSS width (from a resize observer). */
    resize(newWidth) {
      width = newWidth;
    },
    /** Read the colours again (after a theme change). */
    recolor() {
      theme = readFunctionTheme(host);
    },
    /**
     * Draw `curves` (model.sampleCurves) with the probe at `state.probe` and its `points`
     * (model.probeValues, one per curve), then place the probe handle.
     */
    draw(curves, points, state) {
      if (!width) return;
      const { range } = state;
      layout = functionPlotLayout(width, curves.length);
      const ctx = sizeCanvas(canvas, width, layout.height);
      const valueDomain = domainOf(curves.map((curve) => curve.values), -1, 1);
      const slopeDomain = domainOf(curves.map((curve) => curve.slopes), 0, 1);
      const plotWidth = layout.right - layout.left;
      drawFunctionPlot(ctx, {
        layout,
        xDomain: [-range, range],
        valueDomain,
        slopeDomain,
        xTicks: niceTicks(-range, range, Math.max(3, Math.floor(plotWidth / 70))),
        valueTicks: niceTicks(valueDomain[0], valueDomain[1], layout.value.height / 45),
        slopeTicks: niceTicks(slopeDomain[0], slopeDomain[1], layout.slope.height / 40),
        curves: curves.map((curve) => {
          const style = activationStyle(curve.name);
          return {
            shortLabel: activationShortName(curve.name),
            color: theme.colors[style.slot - 1],
            dash: style.dash,
            lineWidth: style.lineWidth,
            marker: style.marker,
            values: curve.valueSegments,
            slopes: curve.slopeSegments,
            jump: curve.jump,
            flat: curve.flat,
          };
        }),
        flatThreshold: FLAT_THRESHOLD,
        negative: shadeNegative ? { label: 'x < 0' } : null,
        probe: { x: state.probe, label: `x = ${formatNumber(state.probe)}`, points },
        theme,
      });
      const px = layout.left + ((state.probe + range) / (2 * range)) * plotWidth;
      probe.style.left = `${px}px`;
    },
    /** The x under a pointer at `clientX`, for the half-width `range`; null before the first draw. */
    xAt(clientX, range) {
      if (!layout) return null;
      const rect = canvas.getBoundingClientRect();
      const share = (clientX - rect.left - layout.left) / (layout.right - layout.left);
      return -range + clamp(share, 0, 1) * 2 * range;
    },
  };
}
