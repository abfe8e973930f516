// What the two training experiments (dying, revival) share: their network and data parameters,
// and reading which hidden units are inactive on the training set. Pure JS over the core.
import { DATASET_OPTIONS } from './common.js';

export const TRAINING_PARAMS = Object.freeze([
  { id: 'layers', label: 'Hidden layer widths', kind: 'integers', default: [16, 16, 16, 16], min: 1, max: 64, maxItems: 32, repeats: true },
  { id: 'steps', label: 'Training steps', kind: 'integer', default: 400, quick: 150, min: 1, max: 20000 },
  { id: 'batchSize', label: 'Batch size', kind: 'integer', default: 20, min: 1, max: 10000, help: 'The number of training points (or more) trains full batch.' },
  { id: 'seeds', label: 'Seeds per setting', kind: 'integer', default: 6, quick: 2, min: 1, max: 50 },
  { id: 'dataset', label: 'Data set', kind: 'choice', default: 'circle', options: DATASET_OPTIONS },
  { id: 'points', label: 'Points (half for training, half for testing)', kind: 'integer', default: 400, min: 20, max: 10000 },
]);

/** Hidden units of a stats result, in order: `true` where the unit never activates on the set. */
export function inactiveUnits(stats) {
  return stats.layers.flatMap((layer) => layer.units.map((unit) => unit.neverActive));
}

/** Share of `true` in a list of flags. */
export const shareOf = (flags) => (flags.length > 0 ? flags.filter(Boolean).length / flags.length : 0);

/** The network config both experiments start from. */
export function networkConfig(params, extra) {
  return { inputs: 2, hidden: params.layers, init: 'he-normal', ...extra };
}

/** Training options of the core for these params. */
export function trainOptions(params, optimizer, learningRate) {
  return { optimizer, learningRate, batchSize: Math.min(params.batchSize, 10000), record: false };
}
