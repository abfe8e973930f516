// What <relu-lab> knows about each screen: its title, its style sheets, how to load its module
// and how to mount it from an embed's config. Screens are loaded on demand (a page with one
// Function screen never downloads the Network screen); the bundles include them all.
import { networkHash, screenOptions } from './config.js';

/**
 * Readable names for the network screen's control keys (controls.js CONTROL_KEYS), so that
 * hide="batch,lr" works as well as hide="batch-size,learning-rate".
 */
const NETWORK_CONTROL_ALIASES = Object.freeze({
  batch: 'batch-size',
  lr: 'learning-rate',
  act: 'activation',
  data: 'dataset',
  test: 'test-ratio',
  bias: 'bias-init',
  relu0: 'relu-at-zero',
  opt: 'optimizer',
  reg: 'regularization',
  rate: 'regularization',
  'regularization-rate': 'regularization',
  hidden: 'layers',
  'steps-per-frame': 'speed',
  seed: 'new-seed',
  preset: 'presets',
});

/** Known control keys of `keys` after aliases; unknown ones are reported, not passed on. */
function controlKeys(keys, known, aliases, problems, what) {
  const result = [];
  for (const key of keys) {
    const name = aliases[key] ?? key;
    if (known.includes(name)) result.push(name);
    else problems.push(`${what}: ${key}`);
  }
  return result;
}

export const SCREEN_ADAPTERS = Object.freeze({
  network: Object.freeze({
    title: 'Network playground',
    styles: ['css/network-views.css', 'css/network.css'],
    load: async () => {
      const [screen, state, controls] = await Promise.all([
        import('../screens/network/screen.js'),
        import('../screens/network/state.js'),
        import('../screens/network/controls.js'),
      ]);
      return { screen, state, controls };
    },
    /**
     * `kept`: the state of the instance this one replaces (same screen), to carry over;
     * `changed`: the setting keys whose attributes changed since (they override `kept`).
     */
    mount(modules, element, config, { loop, idPrefix, kept, changed = [], presetChanged = false }) {
      const { decodeHash, encodeHash } = modules.state;
      const problems = [];
      let hash = networkHash(config);
      if (kept && !presetChanged) {
        // The kept run, with the changed attributes written after it (later keys win). A kept
        // state that cannot be written (a stale or foreign `remember` entry) is ignored.
        const extra = networkHash({ preset: null, settings: pick(config.settings, changed) });
        try {
          hash = encodeHash(kept) + (extra ? `&${extra}` : '');
        } catch {
          problems.push('remembered state');
        }
      }
      const decoded = decodeHash(hash);
      problems.push(...decoded.problems);
      const known = modules.controls.CONTROL_KEYS;
      const hidden = controlKeys(config.hide, known, NETWORK_CONTROL_ALIASES, problems, 'hide');
      const disabled = controlKeys(config.lock, known, NETWORK_CONTROL_ALIASES, problems, 'lock');
      const options = {
        useHash: false,
        loop,
        idPrefix,
        state: decoded.state,
        controls: { hidden, disabled },
      };
      if (config.autoplay !== null) options.autoplay = config.autoplay;
      return { instance: modules.screen.mountNetworkScreen(element, options), problems };
    },
  }),
  function: Object.freeze({
    title: 'Activation functions',
    styles: ['css/function.css'],
    load: async () => ({ screen: await import('../screens/function/function-screen.js') }),
    mount(modules, element, config, { loop, idPrefix }) {
      const problems = config.hide.length || config.lock.length ? ['hide/lock: not supported by this screen'] : [];
      const options = { ...screenOptions(config, problems), loop, idPrefix };
      return { instance: modules.screen.mountFunctionScreen(element, options), problems };
    },
  }),
  neuron: Object.freeze({
    title: 'One neuron',
    styles: ['css/neuron.css'],
    load: async () => ({ screen: await import('../screens/neuron/neuron-screen.js') }),
    mount(modules, element, config, { loop, idPrefix }) {
      const problems = config.hide.length || config.lock.length ? ['hide/lock: not supported by this screen'] : [];
      const options = { ...screenOptions(config, problems), loop, idPrefix };
      return { instance: modules.screen.mountNeuronScreen(element, options), problems };
    },
  }),
});

function pick(object, keys) {
  const result = {};
  for (const key of keys) if (object[key] !== undefined) result[key] = object[key];
  return result;
}
