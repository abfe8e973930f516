// Screen: the start page of ReLU Lab (index.html), built from the real screens with most of
// their controls and sections hidden (the `controls: { hidden }` option an embedder uses): the
// Function screen's plot of ReLU and its slope with the probe, then the Network screen training
// a small ReLU network on the circle data set (play, step, reset and its figures, no settings),
// and, when the page gives it a place, the table of the article's claims measured in the
// learner's browser (../experiments/claims-table.js; its runs go in a worker after the first
// picture). The short introduction above them is static HTML in index.html. The page's one
// frame loop is shared by both screens.
//
// Requires the wasm core to be loaded (core/boot.js) before mounting.
import { createFrameLoop } from '../ui/loop.js';
import { mountClaimsTable } from './experiments/claims-table.js';
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

/**
 * Function screen parts hidden here: every control but the probe, the screen's own
 * introduction (it speaks of controls not shown), the corner at 0 and the formulas.
 */
const FUNCTION_HIDDEN = Object.freeze(['functions', 'range', 'options', 'timing', 'intro', 'corner', 'formulas', 'negative']);

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

/** Network screen controls left on the page: training only (the settings box disappears). */
const NETWORK_SHOWN = Object.freeze(['play', 'step', 'reset']);

/** The page's markup around the two screens. */
function firstPageHtml(idPrefix) {
  return `
    <div class="start-function" data-part="function"></div>
    <section class="screen-section start-network" aria-labelledby="${idPrefix}-train">
      <h2 id="${idPrefix}-train">Watch a small network learn</h2>
      <p class="lede">A network of ReLU units learns to tell the inner disc (class 1) from the
      ring around it (class 0). It trains on half of the ${POINT_COUNT} points and is tested on
      the other half, which it never trains on; the background shows what it predicts at every
      point of the plane. Press Play, or Step for one step at a time. Beside the buttons: the
      step, the test accuracy and the losses. Per layer, in “Layers on the training set”: the dead units
      (z ≤ 0 on every training point, so they output 0 and get no gradient) and the sparsity
      (the share of (point, unit) pairs whose activation is exactly 0).</p>
      <div data-part="network"></div>
    </section>`;
}

/**
 * Mount the start page into `element`.
 * options (all optional): {
 *   network: Network screen network settings over FIRST_PAGE_RUN's (e.g. { hidden: [4] }),
 *   train: training settings over FIRST_PAGE_RUN's (e.g. { learningRate: 1 }),
 *   autoplay: start training (default: unless the reader prefers reduced motion),
 *   idPrefix: prefix for element ids (unique per instance),
 *   claims: an element to mount the claims table into (none: no table)
 * }
 * Returns { destroy(), functionScreen, networkScreen, claimsTable } (the mounted parts;
 * claimsTable is null without `claims`).
 * @param {HTMLElement} element
 * @param {{ network?: object, train?: object, autoplay?: boolean, idPrefix?: string, claims?: HTMLElement | null }} [options]
 */
export function mountFirstPage(element, options = {}) {
  const idPrefix = options.idPrefix ?? `first-page-${Math.random().toString(36).slice(2, 8)}`;
  const run = {
    ...FIRST_PAGE_RUN,
    network: { ...FIRST_PAGE_RUN.network, ...options.network },
    train: { ...FIRST_PAGE_RUN.train, ...options.train },
  };
  element.innerHTML = firstPageHtml(idPrefix);
  const part = (name) => /** @type {HTMLElement} */ (element.querySelector(`[data-part="${name}"]`));

  const loop = createFrameLoop();
  /** @type {{ destroy(): void }[]} */
  const mounted = [];
  const unmount = () => {
    for (const each of [...mounted].reverse()) each.destroy();
    loop.destroy();
  };
  try {
    const functionScreen = mountFunctionScreen(part('function'), {
      ...FIRST_PAGE_FUNCTION,
      controls: { hidden: FUNCTION_HIDDEN },
      loop,
      idPrefix: `${idPrefix}-function`,
    });
    mounted.push(functionScreen);
    /** @type {Parameters<typeof mountNetworkScreen>[1]} */
    const networkOptions = {
      useHash: false,
      state: run,
      controls: { hidden: NETWORK_CONTROL_KEYS.filter((key) => !NETWORK_SHOWN.includes(key)) },
      loop,
      idPrefix: `${idPrefix}-network`,
    };
    if (options.autoplay !== undefined) networkOptions.autoplay = options.autoplay;
    const networkScreen = mountNetworkScreen(part('network'), networkOptions);
    mounted.push(networkScreen);
    // The table's runs start after its first picture, in a worker: the screens stay smooth.
    const claimsTable = options.claims
      ? mountClaimsTable(options.claims, { linkBase: 'experiments.html', liveBase: '', idPrefix: `${idPrefix}-claims` })
      : null;
    if (claimsTable) mounted.push(claimsTable);

    return {
      functionScreen,
      networkScreen,
      claimsTable,
      destroy() {
        unmount();
        element.replaceChildren();
      },
    };
  } catch (error) {
    unmount();
    throw error;
  }
}
