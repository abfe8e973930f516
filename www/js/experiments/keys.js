// The keys an embed or a link may set on the Experiments screen: `experiment` and every
// parameter id of every experiment (tests/node/experiments.test.mjs checks this list against
// the modules). Kept apart from the modules so that <relu-lab> knows its attributes without
// loading the experiments.

export const EXPERIMENT_IDS = Object.freeze([
  'born-dead', 'gradient-depth', 'activation-scale', 'dying', 'revival',
  'linear-pieces', 'sparsity', 'cost', 'convergence', 'negative-inputs', 'relu-at-zero', 'saturation',
]);

export const EXPERIMENT_PARAMETER_IDS = Object.freeze([
  'widths', 'depths', 'nets', 'init', 'biasInit', 'resolution', 'seed', 'domain', 'pairings', 'units',
  'points', 'inits', 'activation', 'depth', 'sgdRates', 'adamRates', 'biasInits', 'biasRate', 'layers',
  'steps', 'batchSize', 'seeds', 'dataset', 'activations', 'start', 'killRate', 'killSteps', 'optimizer',
  'learningRate', 'evaluations', 'repeats', 'passes', 'optimizers', 'datasets', 'target', 'maxSteps',
  'checkEvery', 'tuneSeeds', 'penalties', 'precisions', 'inputs', 'gridStep', 'largest',
]);

/** Attribute name → screen key: each id as it is, and in kebab-case (`bias-init`). */
export const EXPERIMENT_SETTINGS = Object.freeze(
  Object.fromEntries([
    ['experiment', 'experiment'],
    ...EXPERIMENT_PARAMETER_IDS.flatMap((id) => {
      const kebab = id.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
      return kebab === id ? [[id, id]] : [[id, id], [kebab, id]];
    }),
  ]),
);
