// What <relu-lab> knows about each screen: its title, its style sheets, how to load its module
// and how to mount it from an embed's config (and, for the function and neuron screens, how to
// take changed settings without mounting again: `update`). Screens are loaded on demand (a page
// with one Function screen never downloads the Network screen); the bundles include them all.
import { networkHash, screenOptions } from './config.js';
import { createNetworkMilestones } from './milestones.js';

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
  al1: 'activation-l1',
  keep: 'keep-weights',
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
    mount(
      modules,
      element,
      config,
      { loop, idPrefix, kept, changed = [], presetChanged = false, onStateChange, onMilestone },
    ) {
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
      if (onStateChange) options.onStateChange = onStateChange;
      if (config.autoplay !== null) options.autoplay = config.autoplay;
      // The guide's "seen" is stored only when the page opted in to storage (`remember`).
      if (config.remember) options.remember = config.remember;
      const instance = modules.screen.mountNetworkScreen(element, options);
      if (onMilestone) watchNetworkMilestones(instance, modules.state, loop, config.goalAccuracy, onMilestone);
      return { instance, problems };
    },
  }),
  function: Object.freeze({
    title: 'Activation functions',
    styles: ['css/function.css'],
    load: async () => ({ screen: await import('../screens/function/screen.js') }),
    mount(modules, element, config, carry) {
      const { mountFunctionScreen, FUNCTION_CONTROL_KEYS } = modules.screen;
      const { options, problems } = settingsScreenOptions(config, FUNCTION_CONTROL_KEYS, carry);
      return { instance: mountFunctionScreen(element, options), problems };
    },
    update: (mounted, config, changed) =>
      updateSettings(mounted.instance, mounted.modules.screen.FUNCTION_SCREEN_DEFAULTS, config, changed),
  }),
  neuron: Object.freeze({
    title: 'One neuron',
    styles: ['css/neuron.css'],
    load: async () => ({ screen: await import('../screens/neuron/screen.js') }),
    mount(modules, element, config, carry) {
      const { mountNeuronScreen, NEURON_CONTROL_KEYS } = modules.screen;
      const { options, problems } = settingsScreenOptions(config, NEURON_CONTROL_KEYS, carry);
      if (config.autoplay !== null) options.autoplay = config.autoplay;
      return { instance: mountNeuronScreen(element, options), problems };
    },
    update: (mounted, config, changed) =>
      updateSettings(mounted.instance, mounted.modules.screen.NEURON_SCREEN_DEFAULTS, config, changed),
  }),
  experiments: Object.freeze({
    title: 'Experiments',
    styles: ['css/experiments.css'],
    load: async () => ({ screen: await import('../screens/experiments/screen.js') }),
    // One experiment (`experiment`, with its parameters as attributes); its run and the
    // parameters the reader changed are not carried over a remount.
    mount(modules, element, config, { loop, idPrefix, onStateChange, onMilestone }) {
      const { experiment = null, ...params } = config.settings;
      const options = { experiment, params, single: true, useHash: false, loop, idPrefix };
      if (onStateChange) options.onStateChange = onStateChange;
      // A finished run ({ experiment, verdict, elapsed, params }) is the experiment-done milestone.
      if (onMilestone) {
        options.onRunDone = ({ experiment: id, verdict, elapsed, params: used }) =>
          onMilestone('experiment-done', { experiment: id, verdict: verdict?.verdict ?? null, sentence: verdict?.sentence ?? '', elapsed, params: used });
      }
      return { instance: modules.screen.mountExperimentsScreen(element, options), problems: [] };
    },
  }),
});

/**
 * After each drawn frame of a network screen, check its milestones (milestones.js) against the
 * frame's summary and the preset still active. The preset is looked up only when the step moved.
 */
function watchNetworkMilestones(instance, stateModule, loop, goalAccuracy, onMilestone) {
  const tracker = createNetworkMilestones({ goalAccuracy, emit: onMilestone });
  let lastStep = -1;
  let preset = null;
  loop.afterFrame(() => {
    const summary = instance.summary;
    if (!summary || summary.step === lastStep) return;
    if (summary.step < lastStep || lastStep < 0 || preset) {
      const active = stateModule.activePreset(instance.getState());
      preset = active ? { id: active.id, steps: active.steps } : null;
    }
    lastStep = summary.step;
    tracker.check(summary, preset);
  });
}

/**
 * Mount options of the function or neuron screen (their state has the same fields as their
 * options). `kept`: the state of the instance this one replaces (hide or lock changed) or a
 * remembered one, with the attributes in `changed` written over it; without it, the attributes.
 * The screen checks and clamps every value, so a stale or foreign remembered state is harmless.
 * hide and lock: the screen's control keys (`known`); unknown ones are listed in `problems`.
 */
function settingsScreenOptions(config, known, { loop, idPrefix, kept, changed = [], onStateChange }) {
  const problems = [];
  const settings =
    kept !== null && typeof kept === 'object' && !Array.isArray(kept)
      ? { ...kept, ...screenOptions({ settings: pick(config.settings, changed) }, problems) }
      : screenOptions(config, problems);
  const hidden = controlKeys(config.hide, known, {}, problems, 'hide');
  const disabled = controlKeys(config.lock, known, {}, problems, 'lock');
  const options = { ...settings, controls: { hidden, disabled }, loop, idPrefix };
  if (onStateChange) options.onStateChange = onStateChange;
  return { options, problems };
}

/**
 * Give a mounted function or neuron screen the settings whose attributes changed, live (the
 * learner's other settings and a training run go on). A removed attribute sets the screen's
 * default back. Returns the values ignored.
 */
function updateSettings(instance, defaults, config, changed) {
  const problems = [];
  const partial = screenOptions({ settings: pick(config.settings, changed) }, problems);
  for (const key of changed) {
    if (config.settings[key] === undefined && Object.hasOwn(defaults, key)) partial[key] = defaults[key];
  }
  problems.push(...instance.setState(partial));
  return problems;
}

function pick(object, keys) {
  const result = {};
  for (const key of keys) if (object[key] !== undefined) result[key] = object[key];
  return result;
}
