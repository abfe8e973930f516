// Entry point of neuron.html: load the wasm core once, then mount the Neuron screen.
// The query string can preselect what the screen shows, for a teacher's link, e.g.
// neuron.html?w1=0.5&w2=0.5&b=-8&target=abs&units=3
// and hide or lock controls by key (neuron-screen.js, NEURON_CONTROL_KEYS): &hide=presets&lock=weights
import init from '../../../pkg/relu_lab.js';
import { mountNeuronScreen } from './neuron-screen.js';

/** Screen options from the query string; absent or malformed keys are left to the defaults. */
function optionsFromQuery(search) {
  const query = new URLSearchParams(search);
  const options = {};
  for (const key of ['w1', 'w2', 'b', 'learningRate', 'units']) {
    const value = Number(query.get(key));
    if (query.has(key) && query.get(key) !== '' && Number.isFinite(value)) options[key] = value;
  }
  if (['abs', 'sin', 'step', 'points'].includes(query.get('target'))) options.target = query.get('target');
  const list = (key) => (query.get(key) ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  if (query.has('hide') || query.has('lock')) options.controls = { hidden: list('hide'), disabled: list('lock') };
  return options;
}

const root = document.querySelector('[data-screen="neuron"]');
try {
  await init();
  mountNeuronScreen(root, { ...optionsFromQuery(window.location.search), idPrefix: 'neuron' });
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
