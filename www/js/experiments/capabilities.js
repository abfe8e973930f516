// What the loaded core can do, for the experiments that need functions added after part 1:
// ReLU6, an L1 penalty on the activations, and float16 emulation. Each is detected from the core
// itself (its names, its normalised config, or the effect of a training option), never assumed:
// an experiment whose core lacks a function says so instead of showing a result.

/** The verdict word of a run the core cannot do. */
export const NEEDS_NEWER_CORE = 'needs a newer core';

/** Does `core` list the activation `name`? */
export const hasActivation = (core, name) => Boolean(core.names().activations?.includes(name));

/** Does training with `{ activationL1 }` change the parameters (not silently ignored)? */
export function hasActivationPenalty(core) {
  const data = core.Dataset.generate({ name: 'circle', n: 20, testRatio: 0, seed: 1 });
  const train = (penalty) => {
    const network = new core.Network({ inputs: 2, hidden: [3], seed: 1 });
    try {
      network.train(data, 1, { optimizer: 'sgd', learningRate: 0.1, batchSize: 20, record: false, activationL1: penalty });
      return Array.from(network.params());
    } finally {
      network.free();
    }
  };
  try {
    const without = train(0);
    const withPenalty = train(0.5);
    return without.some((value, i) => value !== withPenalty[i]);
  } catch {
    return false;
  } finally {
    data.free();
  }
}

/** Does the core keep `precision: "float16"` in a network's config? */
export function hasFloat16(core) {
  let network = null;
  try {
    network = new core.Network({ inputs: 1, hidden: [1], precision: 'float16' });
    return network.config?.precision === 'float16';
  } catch {
    return false;
  } finally {
    network?.free();
  }
}

/** Each feature: how to test for it, and how the card names it when it is missing. */
export const CORE_FEATURES = Object.freeze({
  relu6: { test: (core) => hasActivation(core, 'relu6'), text: 'the ReLU6 activation (min(max(0, x), 6))' },
  activationL1: { test: hasActivationPenalty, text: 'an L1 penalty on the activations (training option activationL1)' },
  float16: { test: hasFloat16, text: 'float16 emulation (network option precision: "float16")' },
});

/**
 * The texts of the features of `names` that `core` lacks (an empty list when it has them all).
 * @param {any} core
 * @param {readonly string[]} names keys of CORE_FEATURES
 */
export function missingFeatures(core, names) {
  return names.filter((name) => !CORE_FEATURES[name].test(core)).map((name) => CORE_FEATURES[name].text);
}

/** The sentence a card shows for missing features. */
export const needsCoreText = (missing) => `This core lacks ${missing.join(' and ')}: that part needs a newer core, so it is not measured and no figure is shown for it.`;
