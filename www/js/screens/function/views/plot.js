// The Function screen's figure: the canvas (functions, slopes and flat strips, drawn by the pure
// draw/function-plot.js, with the negative half x < 0 shaded) and the probe handle placed over
// it. Reads its colours from CSS (ui/theme.js), follows its holder's size and maps a pointer's
// position to x. No wasm: it draws the curves it is given.
//
// Its height follows its width, unless a layout gives the holder a height and says so with
// `--fn-plot-fit: height` on it (css/embed.css's compact layout): then the plot fills that
// height, less the probe's track.
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

/** The custom property by which a layout tells the plot to fill its holder's height. */
export const PLOT_FIT_PROPERTY = '--fn-plot-fit';

/** Whether a layout gives `holder` a height for the plot to fill (PLOT_FIT_PROPERTY). */
const fillsHeight = (holder) => getComputedStyle(holder).getPropertyValue(PLOT_FIT_PROPERTY).trim() === 'height';

/**
 * The figure's view. `host`: the element whose CSS gives the colours; `canvas`: the plot;
 * `holder`: the box around the canvas and `track`, the probe's track below it; `probe`: the
 * handle (role="slider") positioned over the canvas; `shadeNegative`: shade the half x < 0
 * (the negative inputs the readout's table describes).
 */
export function createPlotView({ host, canvas, holder, track, probe, shadeNegative = true }) {
  let width = 0;
  /** The canvas height to fill, or null (the height follows the width). */
  let fitHeight = null;
  /** The probe's track's height (below the canvas, inside the holder). */
  let trackHeight = 0;
  let layout = null;
  let theme = readFunctionTheme(host);

  return {
    /**
     * Call `onResize()` when the plot's size changes (the holder's width, or the height it
     * gives the plot), and once at the start. A holder whose height is the canvas's own
     * cannot loop: its height counts only when the layout gives it (PLOT_FIT_PROPERTY).
     * Returns a stop function.
     */
    watch(onResize) {
      const observer = new ResizeObserver((entries) => {
        const box = entries[entries.length - 1].contentRect;
        const nextWidth = Math.round(box.width);
        trackHeight = track.getBoundingClientRect().height;
        const nextFit = fillsHeight(holder) ? Math.floor(box.height - trackHeight) : null;
        if (nextWidth > 0 && (nextWidth !== width || nextFit !== fitHeight)) {
          width = nextWidth;
          fitHeight = nextFit;
          onResize();
        }
      });
      observer.observe(holder);
      return () => observer.disconnect();
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
      layout = functionPlotLayout(width, curves.length, fitHeight);
      if (fitHeight !== null) {
        // The least the holder may shrink to: below it the frame scrolls, the plot is not cut.
        const least = `${functionPlotLayout(width, curves.length, 0).height + Math.ceil(trackHeight)}px`;
        if (holder.style.getPropertyValue('--fn-plot-least') !== least) holder.style.setProperty('--fn-plot-least', least);
      }
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
