// The single unit's view: the plane (drawn by the pure draw/neuron-plane.js over the heatmap
// the core paints into `mapContext`), the weight inputs, the status, the table and the live
// region. Redraws on the loop when the width or the colours change. Shows what it is given;
// no wasm.
import { drawNeuronPlane, neuronPlaneHeight } from '../../../draw/neuron-plane.js';
import { formatNumber } from '../../../text/format.js';
import { sizeCanvas } from '../../../ui/canvas.js';
import { announce, setData, setText } from '../../../ui/dom.js';
import { watchMedia, watchWidth } from '../../../ui/observe.js';
import { readTheme } from '../../../ui/theme.js';
import { DOMAIN, fieldValue } from './unit-state.js';
import { passRowsHtml, planeLabel, statusHtml } from './unit-text.js';

/** Cells on each side of the heatmap grid. */
export const RESOLUTION = 96;
/** Extra colours of the plane: the hatch and the heatmap's two ends. */
const UNIT_TOKENS = Object.freeze({ hatch: '--unit-hatch', mapInk: '--unit-ink', mapPaper: '--unit-paper' });

/** The view of the unit mounted in `element`; `train`: the training points, `count` of them. */
export function createUnitView(element, { loop, train, count }) {
  const $ = (selector) => element.querySelector(selector);
  const canvas = $('canvas');
  const rows = $('[data-part="rows"]');
  const fields = {
    status: $('[data-field="status"]'),
    steps: $('[data-field="steps"]'),
    largest: $('[data-field="largest"]'),
    pointHead: $('[data-field="point-head"]'),
    coreNorm: $('[data-field="core-norm"]'),
    announcer: $('[data-field="announcer"]'),
  };
  const mapCanvas = document.createElement('canvas');
  mapCanvas.width = RESOLUTION;
  mapCanvas.height = RESOLUTION;
  const themeHost = element.firstElementChild ?? element;
  let theme = readTheme(themeHost, UNIT_TOKENS);
  let width = 0;
  let shown = null;

  function draw() {
    if (!width || !shown) return;
    const height = neuronPlaneHeight(width);
    drawNeuronPlane(sizeCanvas(canvas, width, height), {
      width,
      height,
      domain: DOMAIN,
      map: mapCanvas,
      ...shown.params,
      train,
      selected: shown.selected,
      deadText: shown.dead ? '\u2715 DEAD on the training set' : null,
      theme,
    });
  }
  const stopWidth = watchWidth($('.nu-canvas'), (newWidth) => {
    width = newWidth;
    loop.request(draw);
  });
  const recolor = () => {
    theme = readTheme(themeHost, UNIT_TOKENS);
    loop.request(draw);
  };
  const scheme = watchMedia('(prefers-color-scheme: dark)', recolor);

  return {
    canvas,
    /** The heatmap's canvas context, RESOLUTION × RESOLUTION, for the core to paint. */
    mapContext: mapCanvas.getContext('2d'),
    /** The plane's CSS width (0 before the first layout). */
    width: () => width,
    recolor,
    /** The weights in the sliders and fields (not in a field being typed in). */
    showInputs(params) {
      for (const input of element.querySelectorAll('[data-param]')) {
        if (document.activeElement === input && input.type === 'number') continue;
        input.value = fieldValue(params[input.dataset.param]);
      }
      for (const input of element.querySelectorAll('input[type="range"][data-param]')) {
        input.setAttribute('aria-valuetext', fieldValue(params[input.dataset.param]).replace('-', '\u2212'));
      }
    },
    /**
     * The unit as the core sees it: `params` (w1, w2, b), `whole` and `point` (unit-model.js),
     * `plane` (its paintPlane), the steps taken and the inspected point; drawn on the next frame.
     */
    show({ params, whole, point, plane, steps, selected }) {
      setText(fields.pointHead, `Point ${selected + 1}`);
      rows.innerHTML = passRowsHtml(point, whole, count);
      setText(fields.coreNorm, formatNumber(whole.coreGradWNorm));
      setData(fields.coreNorm, 'value', String(whole.coreGradWNorm));
      setText(fields.largest, formatNumber(plane.largest, 3));
      fields.status.innerHTML = statusHtml(whole, params, count, plane.deadOnPlane);
      setData(fields.status, 'state', whole.dead ? 'dead' : 'alive');
      setText(fields.steps, String(steps));
      canvas.setAttribute('aria-label', planeLabel(whole, params, count, selected));
      shown = { params, selected, dead: whole.dead };
      loop.request(draw);
    },
    /** Say `text` in the live region. */
    say(text) {
      announce(fields.announcer, text);
    },
    destroy() {
      loop.cancel(draw);
      stopWidth();
      scheme.stop();
    },
  };
}
