// Starting a standalone page: load the wasm core once, then mount a screen into `root`. If
// either fails, the page says so in plain words instead of staying on "Loading…".
import { coreReady } from './load.js';

/**
 * `mount(root)` after the core has loaded; returns what `mount` returns (awaited, so an async
 * mount's failure is reported too). `alongside` is a promise (say, a screen's modules loading)
 * awaited together with the core, whose value is passed to `mount` as its second argument.
 */
export async function bootScreen(root, mount, alongside = undefined) {
  try {
    const [, loaded] = await Promise.all([coreReady(), alongside]);
    return await mount(root, loaded);
  } catch (error) {
    showBootFailure(root, error);
    throw error;
  }
}

/** Replace what `root` shows with the words saying why the lab could not start. */
export function showBootFailure(root, error) {
  const message = document.createElement('p');
  message.className = 'notice';
  message.setAttribute('role', 'alert');
  message.textContent =
    `The lab could not start: ${error.message}. ` +
    'It needs a browser with WebAssembly and JavaScript modules (any current browser).';
  root.replaceChildren(message);
}
