// Entry point of experiments.html: mount the Experiments screen. The URL hash records the
// experiment and its parameters: experiments.html#experiment=born-dead&nets=200
//
// Its first picture needs no core (the runs load it in their worker), so this module is small
// and the page paints its header first: the screen's code is imported after that paint, and
// mounted in a task of its own at once, without waiting for the wasm. The screen asks for the
// core after its first frames (the built page does not preload it), for its one use here: the
// notes on the cards of experiments whose functions it lacks (screen.js). If it cannot load,
// the page says so, as every page does.
import { showBootFailure } from '../../core/boot.js';
import { afterPaint, nextTask } from '../../ui/loop.js';
import { coreReady } from '../../core/load.js';

const root = /** @type {HTMLElement} */ (document.querySelector('[data-screen="experiments"]'));
try {
  const { mountExperimentsScreen } = await afterPaint().then(() => import('./screen.js'));
  await nextTask();
  const screen = mountExperimentsScreen(root, { idPrefix: 'exp' });
  // Waits longer than the screen before asking, so as not to start the core sooner.
  afterPaint(4)
    .then(() => coreReady())
    .catch((error) => {
      screen.destroy();
      showBootFailure(root, error);
      reportError(error);
    });
} catch (error) {
  showBootFailure(root, error);
  throw error;
}
