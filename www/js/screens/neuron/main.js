// Entry point of neuron.html: load the wasm core once, then mount the Neuron screen.
// The screen keeps its state in the query string (useUrl), so a teacher's link preselects what
// it shows and a copied link reproduces it, e.g.
// neuron.html?w1=0.5&w2=0.5&b=-8&target=abs&units=3
// and the query can hide or lock controls by key (state.js, NEURON_CONTROL_KEYS):
// &hide=presets&lock=weights
import { bootScreen } from '../../core/boot.js';
import { controlsFromQuery } from '../../ui/query.js';
import { mountNeuronScreen } from './screen.js';

const root = document.querySelector('[data-screen="neuron"]');
const controls = controlsFromQuery(new URLSearchParams(window.location.search));
await bootScreen(root, (element) =>
  mountNeuronScreen(element, { useUrl: true, idPrefix: 'neuron', ...(controls ? { controls } : {}) }),
);
