// Starting a standalone page: load the wasm core once, then mount a screen into `root`. If
// either fails, the page says so in plain words instead of staying on "Loading…".
import init from '../pkg/relu_lab.js';

/**
 * `mount(root)` after the core has loaded; returns what `mount` returns (awaited, so an async
 * mount's failure is reported too). `alongside` is a promise (say, a screen's modules loading)
 * awaited together with the core, whose value is passed to `mount` as its second argument.
 */
export async function bootScreen(root, mount, alongside = undefined) {
  try {
    const [, loaded] = await Promise.all([init(), alongside]);
    return await mount(root, loaded);
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
}

/** The comma-separated list in query key `key` (empty when absent). */
export function queryList(query, key) {
  return (query.get(key) ?? '').split(',').map((s) => s.trim()).filter(Boolean);
}

/** `{ hidden, disabled }` control keys from `?hide=…&lock=…`, or undefined when neither is given. */
export function controlsFromQuery(query) {
  if (!query.has('hide') && !query.has('lock')) return undefined;
  return { hidden: queryList(query, 'hide'), disabled: queryList(query, 'lock') };
}

/** Copy the finite numbers among `keys` from the query into `options`. */
export function numbersFromQuery(query, keys, options) {
  for (const key of keys) {
    const value = Number(query.get(key));
    if (query.has(key) && query.get(key) !== '' && Number.isFinite(value)) options[key] = value;
  }
  return options;
}
