// Entry point of network.html: load the wasm core once, then mount the Network screen, which
// reads its settings from the URL hash and keeps them there (a copied link reproduces the run).
import init from '../../../pkg/relu_lab.js';

const root = document.querySelector('[data-screen="network"]');

// The hash holds the settings, so in-page links (the skip link) move focus without touching it.
document.addEventListener('click', (event) => {
  const link = event.target.closest('a[href^="#"]');
  const target = link && document.getElementById(link.getAttribute('href').slice(1));
  if (!target) return;
  event.preventDefault();
  target.focus();
  target.scrollIntoView();
});
try {
  // The screen's modules load and run (their own task) while the wasm compiles.
  const [, { mountNetworkScreen }] = await Promise.all([init(), import('./screen.js')]);
  // Mounting gets a task of its own, apart from running the modules.
  await new Promise((resolve) => setTimeout(resolve, 0));
  mountNetworkScreen(root, { idPrefix: 'network', useHash: true });
} catch (error) {
  const message = document.createElement('p');
  message.className = 'notice';
  message.setAttribute('role', 'alert');
  message.textContent =
    `The lab could not start: ${error.message}. ` +
    'It needs a browser with WebAssembly and JavaScript modules (any current browser).';
  root.replaceChildren(message);
  throw error;
}
