// Pieces every experiment shares: the seed parameter, option lists named as the other screens
// name them (text/names.js), the progress reporter and the verdict words. Pure; no DOM.
import { ACTIVATIONS, INITS, OPTIMIZERS, DATASETS } from '../text/names.js';

/** The base seed: every random draw of a run derives from it (random.js deriveSeed). */
export const SEED_PARAM = Object.freeze({ id: 'seed', label: 'Base seed', kind: 'integer', default: 1, min: 0, max: 1_000_000 });

const options = (table, names) => Object.freeze(names.map((value) => Object.freeze({ value, label: table[value] ?? value })));

/** Activations a hidden layer can have (the core's names). */
export const ACTIVATION_OPTIONS = options(
  Object.fromEntries(Object.entries(ACTIVATIONS).map(([key, entry]) => [key, entry.name])),
  ['relu', 'leaky-relu', 'prelu', 'elu', 'gelu', 'silu', 'softplus', 'sigmoid', 'tanh'],
);
/** Weight initialisations (the core's names). */
export const INIT_OPTIONS = options(INITS, ['he-normal', 'he-uniform', 'xavier-normal', 'xavier-uniform', 'normal', 'uniform']);
export const OPTIMIZER_OPTIONS = options(OPTIMIZERS, ['sgd', 'momentum', 'adam']);
export const DATASET_OPTIONS = options(DATASETS, ['circle', 'xor', 'gaussians', 'spiral']);

/**
 * The verdict words. For an experiment that tests a claim of SCIENCE.md, the claim's own verdict
 * (true, partly, false) when the measurement shows what SCIENCE.md says; "not shown" when this
 * run's figures do not; "incomplete" when the run holds too little to decide.
 */
export const VERDICTS = Object.freeze({
  true: 'true',
  partly: 'partly',
  false: 'false',
  shown: 'shown',
  notShown: 'not shown',
  incomplete: 'incomplete',
});

/**
 * A progress reporter over `total` units of work (nets weighted by their cost). `report(cost,
 * partial)` after each finished net: calls onProgress({ done, total, nets, partial() }) —
 * `partial` is a function, so the results so far are copied only when a caller wants them.
 * @param {number} total
 * @param {((progress: { done: number, total: number, nets: number, partial: () => any }) => void) | undefined} onProgress
 */
export function createProgress(total, onProgress) {
  let done = 0;
  let nets = 0;
  return {
    report(cost, partial) {
      done += cost;
      nets += 1;
      if (onProgress) onProgress({ done: Math.min(done, total), total, nets, partial });
    },
    get nets() {
      return nets;
    },
  };
}

/** Free a wasm object if there is one. */
export function free(object) {
  if (object) object.free();
}
