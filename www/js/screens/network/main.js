// Entry point of network.html: load the wasm core once, then mount the Network screen, which
// reads its settings from the URL hash and keeps them there (a copied link reproduces the run).
import { bootScreen } from '../../core/boot.js';
import { nextTask } from '../../ui/loop.js';

const root = document.querySelector('[data-screen="network"]');

// The hash holds the settings, so in-page links (the skip link) move focus without touching it.
document.addEventListener('click', (event) => {
  const link = /** @type {Element} */ (event.target).closest('a[href^="#"]');
  const target = link && document.getElementById(link.getAttribute('href').slice(1));
  if (!target) return;
  event.preventDefault();
  target.focus();
  target.scrollIntoView();
});
// Start-up in tasks that stay short (issue 13: no task over 50 ms at load): this module runs
// and starts the wasm's compilation; the screen's modules are loaded and run in a task of their
// own (bundled, running them is most of the work: about as long again); mounting gets another.
await bootScreen(
  root,
  async (element, { mountNetworkScreen }) => {
    await nextTask();
    return mountNetworkScreen(element, { idPrefix: 'network', useHash: true });
  },
  nextTask().then(() => import('./screen.js')),
);
