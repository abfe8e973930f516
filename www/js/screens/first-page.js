// Screen: the start page of ReLU Lab (index.html), built from the real screens with most of
// their controls hidden (the `controls: { hidden }` option an embedder uses): the Function
// screen showing ReLU and its slope, then the Network screen training a small ReLU network on
// the circle data set. The article's claims below them are static HTML in index.html.
// The page's one frame loop is shared by both screens.
//
// Requires the wasm core to be loaded (core/boot.js) before mounting.
import { createFrameLoop } from '../ui/loop.js';
import { mountFunctionScreen } from './function/screen.js';
import { CONTROL_KEYS as NETWORK_CONTROL_KEYS } from './network/controls.js';
import { mountNetworkScreen } from './network/screen.js';
import { POINT_COUNT } from './network/state.js';

/** What the Function screen shows here: ReLU alone, for x from −3 to 3, probed at x = 1. */
export const FIRST_PAGE_FUNCTION = Object.freeze({
  functions: Object.freeze(['relu']),
  range: 3,
  probe: 1,
  reluAtZero: 0,
});

/** Function screen controls hidden here: all but the probe. */
const FUNCTION_HIDDEN = Object.freeze(['functions', 'range', 'options', 'timing']);

/**
 * The run the page trains (a partial Network screen state): every random draw is fixed by
 * these seeds, so every visitor sees the same run. The lede below describes its data.
 */
export const FIRST_PAGE_RUN = Object.freeze({
  data: Object.freeze({ name: 'circle', noise: 0.1, testRatio: 0.5, seed: 1 }),
  network: Object.freeze({ hidden: Object.freeze([6, 6]), activation: 'relu', init: 'he-normal', biasInit: 0, seed: 1 }),
  train: Object.freeze({ optimizer: 'sgd', learningRate: 0.03, batchSize: 10, regularization: 'none' }),
  stepsPerFrame: 5,
});

/** Network screen controls left on the page: training, and three settings to try. */
const NETWORK_SHOWN = Object.freeze(['play', 'step', 'reset', 'noise', 'activation', 'learning-rate']);

/**
 * Mount the start page into `element`.
 * options (all optional): {
 *   network: Network screen network settings over FIRST_PAGE_RUN's (e.g. { hidden: [4] }),
 *   train: training settings over FIRST_PAGE_RUN's (e.g. { learningRate: 1 }),
 *   autoplay: start training (default: unless the reader prefers reduced motion),
 *   idPrefix: prefix for element ids (unique per instance)
 * }
 * Returns { destroy(), functionScreen, networkScreen } (the two mounted screens).
 */
export function mountFirstPage(element, options = {}) {
  const idPrefix = options.idPrefix ?? `first-page-${Math.random().toString(36).slice(2, 8)}`;
  const run = {
    ...FIRST_PAGE_RUN,
    network: { ...FIRST_PAGE_RUN.network, ...options.network },
    train: { ...FIRST_PAGE_RUN.train, ...options.train },
  };

  element.innerHTML = `
    <div class="start-intro">
      <p>The <strong>rectified linear unit</strong> passes a positive input through unchanged and
      turns a negative one into 0:</p>
      <p class="start-formula">ReLU(x) = max(0, x)</p>
      <p>Every curve and number on this page is computed by the lab’s Rust core, compiled to
      WebAssembly and running in your browser.</p>
    </div>
    <div data-part="function"></div>
    <section class="screen-section" aria-labelledby="${idPrefix}-train">
      <h2 id="${idPrefix}-train">Watch a small network learn</h2>
      <p class="lede">A network of ReLU units learns to tell the inner disc (class 1) from the
      ring around it (class 0). It trains on half of the ${POINT_COUNT} points and is tested on
      the other half, which it never trains on. The background shows what it predicts at every
      point of the plane.</p>
      <div data-part="network"></div>
    </section>`;

  const loop = createFrameLoop();
  const mounted = [];
  try {
    const functionScreen = mountFunctionScreen(element.querySelector('[data-part="function"]'), {
      ...FIRST_PAGE_FUNCTION,
      controls: { hidden: FUNCTION_HIDDEN },
      loop,
      idPrefix: `${idPrefix}-function`,
    });
    mounted.push(functionScreen);
    const networkOptions = {
      useHash: false,
      state: run,
      controls: { hidden: NETWORK_CONTROL_KEYS.filter((key) => !NETWORK_SHOWN.includes(key)) },
      loop,
      idPrefix: `${idPrefix}-network`,
    };
    if (options.autoplay !== undefined) networkOptions.autoplay = options.autoplay;
    const networkScreen = mountNetworkScreen(element.querySelector('[data-part="network"]'), networkOptions);
    mounted.push(networkScreen);

    return {
      functionScreen,
      networkScreen,
      destroy() {
        for (const screen of [...mounted].reverse()) screen.destroy();
        loop.destroy();
        element.replaceChildren();
      },
    };
  } catch (error) {
    for (const screen of [...mounted].reverse()) screen.destroy();
    loop.destroy();
    throw error;
  }
}
