// Screen: the first page of ReLU Lab. The ReLU plot, then a small network learning the circle
// data set live. Owns the page's frame loop and passes it to its components.
//
// Requires `await init()` of ../pkg/relu_lab.js before mounting.
import { mountActivationPlot } from '../components/activation-plot.js';
import { mountTrainingLab } from '../components/training-lab.js';
import { createFrameLoop } from '../ui/loop.js';

/** The run this page shows; every random draw is fixed by these seeds. */
export const FIRST_PAGE_DEFAULTS = Object.freeze({
  data: Object.freeze({ name: 'circle', n: 500, noise: 0.1, testRatio: 0.5, seed: 1 }),
  network: Object.freeze({
    inputs: 2,
    hidden: Object.freeze([6, 6]),
    activation: 'relu',
    init: 'he-normal',
    seed: 1,
  }),
  train: Object.freeze({ optimizer: 'sgd', learningRate: 0.03, batchSize: 10 }),
  stepsPerFrame: 5,
  resolution: 100,
});

const RELU_DESCRIPTION =
  'Line chart of ReLU and its slope for x from −3 to 3. The solid ReLU line is flat at 0 for ' +
  'every negative x, then rises in a straight line with slope 1, reaching 3 at x = 3. The ' +
  'dashed slope line is 0 for negative x and 1 for positive x; it jumps at x = 0, where the ' +
  'value used is 0.';

/**
 * Mount the first page into `element`.
 * options: any of FIRST_PAGE_DEFAULTS to override (data, network, train objects are merged),
 * plus `autoplay` (default: unless the user prefers reduced motion) and `idPrefix`.
 * Returns { destroy() }.
 */
export function mountFirstPage(element, options = {}) {
  const idPrefix = options.idPrefix ?? `first-page-${Math.random().toString(36).slice(2, 8)}`;
  const settings = {
    ...FIRST_PAGE_DEFAULTS,
    ...options,
    data: { ...FIRST_PAGE_DEFAULTS.data, ...options.data },
    network: { ...FIRST_PAGE_DEFAULTS.network, ...options.network },
    train: { ...FIRST_PAGE_DEFAULTS.train, ...options.train },
  };

  element.innerHTML = `
    <section class="screen-section intro" aria-labelledby="${idPrefix}-relu">
      <div class="intro__text">
        <h2 id="${idPrefix}-relu">ReLU and its slope</h2>
        <p>The <strong>rectified linear unit</strong> passes a positive input through unchanged
        and turns a negative one into 0:</p>
        <p class="formula">ReLU(x) = max(0, x)</p>
        <p>Its slope, the derivative that training uses, is 1 for every x &gt; 0 and 0 for every
        x &lt; 0. At x = 0 there is no single slope; like PyTorch, TensorFlow and JAX, this lab
        uses 0 there.</p>
        <p>Every curve and number on this page is computed by the lab’s Rust core, compiled to
        WebAssembly and running in your browser.</p>
      </div>
      <div class="intro__plot" data-part="activation-plot"></div>
    </section>

    <section class="screen-section" aria-labelledby="${idPrefix}-train">
      <h2 id="${idPrefix}-train">Watch a small network learn</h2>
      <p class="lede">A network of ReLU units learns to tell the inner disc (class 1) from the
      ring around it (class 0). It trains on half of the ${settings.data.n} points and is tested
      on the other half, which it never trains on. The background shows what it predicts at
      every point of the plane.</p>
      <div data-part="training-lab"></div>
    </section>`;

  const loop = createFrameLoop();
  const plot = mountActivationPlot(element.querySelector('[data-part="activation-plot"]'), {
    loop,
    activation: 'relu',
    label: 'ReLU',
    formula: 'max(0, x)',
    xDomain: [-3, 3],
    description: RELU_DESCRIPTION,
  });
  let lab;
  try {
    lab = mountTrainingLab(element.querySelector('[data-part="training-lab"]'), {
      ...settings,
      loop,
      idPrefix,
      classes:
        'class 0 points, the outer ring, are blue circles; class 1 points, the inner disc, ' +
        'are orange triangles',
    });
  } catch (error) {
    plot.destroy();
    loop.destroy();
    throw error;
  }

  return {
    destroy() {
      lab.destroy();
      plot.destroy();
      loop.destroy();
      element.replaceChildren();
    },
  };
}
