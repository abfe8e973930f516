// Entry point: load the wasm core once, then mount the first page.
import init from '../pkg/relu_lab.js';
import { mountFirstPage } from './screens/first-page.js';

const root = document.querySelector('[data-screen="first-page"]');
try {
  await init();
  mountFirstPage(root);
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
