// Screen: the start page of ReLU Lab (index.html), built from the real screens with most of
// their controls and sections hidden (the `controls: { hidden }` option an embedder uses): the
// Function screen's plot of ReLU and its slope with the probe, then the Network screen training
// a small ReLU network on the circle data set (play, step, reset and its figures, no settings),
// and, when the page gives it a place, the table of the article's claims measured in the
// learner's browser (../experiments/claims-table.js: a module of its own, imported once the
// screens have drawn their first frames, so the first picture waits for none of its code; its
// runs then go in a worker). The short introduction above them is static HTML in index.html.
// The page's one frame loop is shared by both screens.
//
// Requires the wasm core to be loaded (core/boot.js) before mounting.
import { createFrameLoop, nextTask } from '../ui/loop.js';
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

/** Frames the screens draw before the claims table's module is imported (their start-up ones). */
const CLAIMS_AFTER_FRAMES = 3;

/**
 * The claims table, mounted into `holder` (whose room the page keeps) once the screens have
 * drawn CLAIMS_AFTER_FRAMES frames on `loop`: its module is imported then, and mounted in a
 * task of its own. Resolves to the table, or to null once `signal` is aborted (the page is
 * destroyed). The table's runs start after its own first picture, in a worker.
 * @param {HTMLElement} holder
 * @param {ReturnType<typeof createFrameLoop>} loop
 * @param {string} idPrefix
 * @param {AbortSignal} signal
 */
async function mountClaimsLater(holder, loop, idPrefix, signal) {
  const unlessAborted = (start) =>
    new Promise((resolve) => {
      signal.addEventListener('abort', resolve, { once: true });
      start(resolve);
    });
  for (let frame = 0; frame < CLAIMS_AFTER_FRAMES && !signal.aborted; frame += 1) await unlessAborted((resolve) => loop.request(resolve));
  if (signal.aborted) return null;
  const { mountClaimsTable } = await import('./experiments/claims-table.js');
  await unlessAborted((resolve) => nextTask().then(resolve));
  if (signal.aborted) return null;
  return mountClaimsTable(holder, { linkBase: 'experiments.html', liveBase: '', idPrefix });
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
 * claimsTable is a promise of the table, mounted after the screens' first frames, or of null
 * without `claims` or after destroy()).
 * @param {HTMLElement} element
 * @param {FirstPageOptions} [options]
 */
export function mountFirstPage(element, options = {}) {
  const steps = mountSteps(element, options);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * mountFirstPage in steps, each in a task of its own (the Function screen, then the Network
 * screen and the rest), so that no one task at load holds the page for both: resolves to what
 * mountFirstPage returns. The start page (main.js) mounts itself so.
 * @param {HTMLElement} element
 * @param {FirstPageOptions} [options]
 */
export async function mountFirstPageInTasks(element, options = {}) {
  const steps = mountSteps(element, options);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    await nextTask();
  }
}

/** @typedef {{ network?: object, train?: object, autoplay?: boolean, idPrefix?: string, claims?: HTMLElement | null }} FirstPageOptions */

/**
 * The mounting, as a generator that pauses between the two screens (mountFirstPage runs it
 * through at once, mountFirstPageInTasks a task a step); returns the mounted page.
 * @param {HTMLElement} element
 * @param {FirstPageOptions} options
 */
function* mountSteps(element, options) {
  const idPrefix = options.idPrefix ?? `first-page-${Math.random().toString(36).slice(2, 8)}`;
  const run = {
    ...FIRST_PAGE_RUN,
    network: { ...FIRST_PAGE_RUN.network, ...options.network },
    train: { ...FIRST_PAGE_RUN.train, ...options.train },
  };
  element.innerHTML = firstPageHtml(idPrefix);
  const part = (name) => /** @type {HTMLElement} */ (element.querySelector(`[data-part="${name}"]`));

  const loop = createFrameLoop();
  const lifetime = new AbortController();
  /** @type {{ destroy(): void }[]} */
  const mounted = [];
  const unmount = () => {
    lifetime.abort();
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
    yield;
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
    const claimsTable = options.claims ? mountClaimsLater(options.claims, loop, `${idPrefix}-claims`, lifetime.signal) : Promise.resolve(null);
    claimsTable.then((table) => table && mounted.push(table), (error) => reportError(error));

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
