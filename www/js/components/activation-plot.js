// Component: a plot of an activation function and its derivative, with a legend and a table
// of values as text alternatives. Static: redrawn only on resize and on a colour-scheme change.
//
// Requires `await init()` of ../pkg/relu_lab.js before mounting.
import { activationCurve } from '../../pkg/relu_lab.js';
import { readTheme } from '../ui/theme.js';
import { sizeCanvas } from '../ui/canvas.js';
import { drawActivationPlot, splitAtJumps } from '../draw/activation-plot.js';
import { ticks, tickLabel } from '../draw/axes.js';
import { watchMedia, watchWidth } from '../ui/observe.js';

const SOLID_SAMPLE =
  '<svg class="legend__sample" viewBox="0 0 36 12" aria-hidden="true" focusable="false">' +
  '<line x1="2" y1="6" x2="34" y2="6" class="legend__curve"/></svg>';
const DASHED_SAMPLE =
  '<svg class="legend__sample" viewBox="0 0 36 12" aria-hidden="true" focusable="false">' +
  '<line x1="2" y1="6" x2="34" y2="6" class="legend__derivative"/></svg>';
const DOT_SAMPLES =
  '<svg class="legend__sample legend__sample--dots" viewBox="0 0 36 12" aria-hidden="true" focusable="false">' +
  '<circle cx="8" cy="6" r="4" class="legend__dot legend__dot--filled"/>' +
  '<circle cx="26" cy="6" r="4" class="legend__dot"/></svg>';

/** "0.5" → "0.5", "-1" → "−1", integers without decimals. */
function formatValue(value) {
  return tickLabel(Number(value.toFixed(3)));
}

/**
 * Mount the plot into `element`.
 * options: {
 *   loop: the page's frame loop (createFrameLoop), required,
 *   activation: name for activationCurve ("relu"),
 *   activationOptions: options for activationCurve ({}),
 *   label: display name ("ReLU"), formula: text ("max(0, x)"),
 *   xDomain ([−3, 3]), yDomain ([−0.5, 3.25]),
 *   description: the canvas's accessible name (a text alternative of the whole picture)
 * }
 * Returns { destroy() }.
 */
export function mountActivationPlot(element, options) {
  const { loop } = options;
  const activation = options.activation ?? 'relu';
  const activationOptions = options.activationOptions ?? {};
  const label = options.label ?? 'ReLU';
  const formula = options.formula ?? 'max(0, x)';
  const xDomain = options.xDomain ?? [-3, 3];
  const yDomain = options.yDomain ?? [-0.5, 3.25];

  // Sample on a grid of hundredths that contains 0 exactly, where the derivative jumps.
  const samples = Math.round((xDomain[1] - xDomain[0]) * 100) + 1;
  const xs = Float32Array.from({ length: samples }, (_, i) => (xDomain[0] * 100 + i) / 100);
  // activationCurve returns a fresh array (a copy), safe to keep.
  const values = activationCurve(activation, xs, false, activationOptions);
  const slopes = activationCurve(activation, xs, true, activationOptions);

  // Where the derivative jumps, show the value taken (filled) and the one not taken (hollow).
  const probe = Float32Array.from([-1e-3, 0, 1e-3]);
  const [slopeLeft, slopeAtZero, slopeRight] = activationCurve(
    activation,
    probe,
    true,
    activationOptions,
  );
  const jumpMarkers = [];
  if (slopeLeft !== slopeAtZero || slopeRight !== slopeAtZero) {
    jumpMarkers.push({ x: 0, y: slopeAtZero, filled: true });
    for (const side of new Set([slopeLeft, slopeRight])) {
      if (side !== slopeAtZero) jumpMarkers.push({ x: 0, y: side, filled: false });
    }
  }
  const jumpLegend = jumpMarkers.length
    ? `<li>${DOT_SAMPLES}<span>the slope jumps at x = 0; filled dot: the value used there ` +
      `(${formatValue(slopeAtZero)}), open dot: not used</span></li>`
    : '';
  const tableXs = Float32Array.from([-3, -2, -1, -0.5, 0, 0.5, 1, 2, 3]);
  const tableValues = activationCurve(activation, tableXs, false, activationOptions);
  const tableSlopes = activationCurve(activation, tableXs, true, activationOptions);

  element.innerHTML = `
    <figure class="plot">
      <div class="plot__canvas"><canvas role="img" aria-label="Plot of the function and its slope"></canvas></div>
      <figcaption>
        <ul class="legend">
          <li>${SOLID_SAMPLE}<span>solid: ${label}(x) = ${formula}</span></li>
          <li>${DASHED_SAMPLE}<span>dashed: its slope ${label}′(x)</span></li>
          ${jumpLegend}
        </ul>
      </figcaption>
    </figure>
    <details class="values">
      <summary>Show the values as a table</summary>
      <table>
        <caption>${label}(x) and its slope, computed by the WebAssembly core</caption>
        <thead><tr><th scope="col">x</th><th scope="col">${label}(x)</th><th scope="col">${label}′(x)</th></tr></thead>
        <tbody>${Array.from(
          tableXs,
          (x, i) =>
            `<tr><th scope="row">${formatValue(x)}</th><td>${formatValue(tableValues[i])}</td>` +
            `<td>${formatValue(tableSlopes[i])}</td></tr>`,
        ).join('')}</tbody>
      </table>
    </details>`;
  const canvas = element.querySelector('canvas');
  const holder = element.querySelector('.plot__canvas');
  canvas.setAttribute('aria-label', options.description ?? `Plot of ${label}(x) and its slope.`);

  let width = 0;
  let theme = readTheme(element);
  const draw = () => {
    if (!width) return;
    const height = Math.round(Math.min(360, Math.max(220, width * 0.6)));
    const ctx = sizeCanvas(canvas, width, height);
    drawActivationPlot(ctx, {
      width,
      height,
      xDomain,
      yDomain,
      xTicks: ticks(Math.ceil(xDomain[0]), Math.floor(xDomain[1]), 1),
      yTicks: ticks(Math.ceil(yDomain[0]), Math.floor(yDomain[1]), 1),
      xLabel: 'x (the unit’s input)',
      yLabel: 'output',
      series: [
        { segments: splitAtJumps(xs, values, 0.5), color: theme.curve, dash: [], lineWidth: 3 },
        {
          segments: splitAtJumps(xs, slopes, 0.5),
          color: theme.derivative,
          dash: [7, 5],
          lineWidth: 2.5,
        },
      ],
      markers: jumpMarkers.map((marker) => ({ ...marker, color: theme.derivative })),
      theme,
    });
  };

  const stopWidth = watchWidth(holder, (newWidth) => {
    width = newWidth;
    loop.request(draw);
  });
  const scheme = watchMedia('(prefers-color-scheme: dark)', () => {
    theme = readTheme(element);
    loop.request(draw);
  });

  return {
    destroy() {
      stopWidth();
      scheme.stop();
      loop.cancel(draw);
      element.replaceChildren();
    },
  };
}
