// Entry point of function.html: load the wasm core once, then mount the Function screen.
// The query string can preselect what the screen shows, for a teacher's link, e.g.
// function.html?functions=relu,sigmoid,tanh&range=1000&probe=3&reluAtZero=0.5
// and hide or lock controls by key (function-screen.js, FUNCTION_CONTROL_KEYS): &hide=timing&lock=functions
import init from '../../../pkg/relu_lab.js';
import { mountFunctionScreen } from './function-screen.js';

/** Screen options from the query string; absent or malformed keys are left to the defaults. */
function optionsFromQuery(search) {
  const query = new URLSearchParams(search);
  const options = {};
  if (query.has('functions')) options.functions = query.get('functions').split(',').map((s) => s.trim());
  for (const key of ['range', 'probe', 'slope', 'eluAlpha', 'preluSlope', 'reluAtZero']) {
    const value = Number(query.get(key));
    if (query.has(key) && query.get(key) !== '' && Number.isFinite(value)) options[key] = value;
  }
  const list = (key) => (query.get(key) ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  if (query.has('hide') || query.has('lock')) options.controls = { hidden: list('hide'), disabled: list('lock') };
  return options;
}

const root = document.querySelector('[data-screen="function"]');
try {
  await init();
  mountFunctionScreen(root, { ...optionsFromQuery(window.location.search), idPrefix: 'function' });
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
