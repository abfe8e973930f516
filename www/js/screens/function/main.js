// Entry point of function.html: load the wasm core once, then mount the Function screen.
// The query string can preselect what the screen shows, for a teacher's link, e.g.
// function.html?functions=relu,sigmoid,tanh&range=1000&probe=3&reluAtZero=0.5
// and hide or lock controls by key (state.js, FUNCTION_CONTROL_KEYS): &hide=timing&lock=functions
import { bootScreen } from '../../core/boot.js';
import { controlsFromQuery, numbersFromQuery, queryList } from '../../ui/query.js';
import { mountFunctionScreen } from './screen.js';

/** Screen options from the query string; absent or malformed keys are left to the defaults. */
function optionsFromQuery(search) {
  const query = new URLSearchParams(search);
  const options = {};
  if (query.has('functions')) options.functions = queryList(query, 'functions');
  numbersFromQuery(query, ['range', 'probe', 'slope', 'eluAlpha', 'preluSlope', 'reluAtZero'], options);
  const controls = controlsFromQuery(query);
  if (controls) options.controls = controls;
  return options;
}

const root = document.querySelector('[data-screen="function"]');
await bootScreen(root, (element) =>
  mountFunctionScreen(element, { ...optionsFromQuery(window.location.search), idPrefix: 'function' }),
);
