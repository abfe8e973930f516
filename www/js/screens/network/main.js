// Entry point of network.html: load the wasm core once, then mount the Network screen, which
// reads its settings from the URL hash and keeps them there (a copied link reproduces the run).
import { bootScreen } from '../../core/boot.js';

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
// The screen's modules load and run (their own task) while the wasm compiles; mounting gets a
// task of its own, apart from running the modules.
await bootScreen(
  root,
  async (element, { mountNetworkScreen }) => {
    await new Promise((resolve) => setTimeout(resolve, 0));
    return mountNetworkScreen(element, { idPrefix: 'network', useHash: true });
  },
  import('./screen.js'),
);
