// Entry point of neuron.html: load the wasm core once, then mount the Neuron screen.
// The query string can preselect what the screen shows, for a teacher's link, e.g.
// neuron.html?w1=0.5&w2=0.5&b=-8&target=abs&units=3
// and hide or lock controls by key (state.js, NEURON_CONTROL_KEYS): &hide=presets&lock=weights
import { bootScreen } from '../../core/boot.js';
import { controlsFromQuery, numbersFromQuery } from '../../ui/query.js';
import { isTarget } from './hinges/hinge-state.js';
import { mountNeuronScreen } from './screen.js';

/** Screen options from the query string; absent or malformed keys are left to the defaults. */
function optionsFromQuery(search) {
  const query = new URLSearchParams(search);
  const options = {};
  numbersFromQuery(query, ['w1', 'w2', 'b', 'learningRate', 'units'], options);
  if (isTarget(query.get('target'))) options.target = query.get('target');
  const controls = controlsFromQuery(query);
  if (controls) options.controls = controls;
  return options;
}

const root = document.querySelector('[data-screen="neuron"]');
await bootScreen(root, (element) =>
  mountNeuronScreen(element, { ...optionsFromQuery(window.location.search), idPrefix: 'neuron' }),
);
