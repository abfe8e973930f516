// Entry point of function.html: load the wasm core once, then mount the Function screen.
// The screen keeps its state in the query string (useUrl), so a teacher's link preselects what
// it shows and a copied link reproduces it, e.g.
// function.html?functions=relu,sigmoid,tanh&range=1000&probe=3&reluAtZero=0.5
// and the query can hide or lock controls by key (state.js, FUNCTION_CONTROL_KEYS):
// &hide=timing&lock=functions
import { bootScreen } from '../../core/boot.js';
import { controlsFromQuery } from '../../ui/query.js';
import { mountFunctionScreen } from './screen.js';

const root = document.querySelector('[data-screen="function"]');
const controls = controlsFromQuery(new URLSearchParams(window.location.search));
await bootScreen(root, (element) =>
  mountFunctionScreen(element, { useUrl: true, idPrefix: 'function', ...(controls ? { controls } : {}) }),
);
