// What the two training experiments (dying, revival) share: their network and data parameters,
// and reading which hidden units are inactive on the training set. Pure JS over the core.
import { DATASET_OPTIONS } from './common.js';

export const TRAINING_PARAMS = Object.freeze([
  { id: 'layers', label: 'Hidden layer widths', kind: 'integers', default: [16, 16, 16, 16], min: 1, max: 32, maxItems: 16, repeats: true },
  { id: 'steps', label: 'Training steps', kind: 'integer', default: 400, quick: 150, min: 1, max: 20000 },
  { id: 'batchSize', label: 'Batch size', kind: 'integer', default: 20, min: 1, max: 1000, help: 'The number of training points (or more) trains full batch.' },
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
  return { optimizer, learningRate, batchSize: Math.min(params.batchSize, 1000), record: false };
}

/**
 * The work one `train` call may do, as the core counts it (README: limits: 500 million, an
 * example costing parameters + units + 32), with half kept as a margin for history records.
 */
const TRAIN_WORK_PER_CALL = 250_000_000;

/**
 * `network.train(data, steps, options)` split into calls that each stay within the core's
 * bound on one call's work, so any allowed parameters train. Returns what one call would:
 * `{ steps, diverged, exploding, collapsed, batchLoss }` of the whole run.
 */
export function trainInChunks(network, data, steps, options) {
  const units = network.config.hidden.reduce((sum, width) => sum + width, 0);
  const perExample = network.params().length + units + 32;
  const batch = Math.max(1, Math.min(options.batchSize ?? 10, data.count('train')));
  const chunk = Math.max(1, Math.floor(TRAIN_WORK_PER_CALL / (batch * perExample)));
  let result = { steps: 0, diverged: false, exploding: false, collapsed: false, batchLoss: NaN };
  for (let done = 0; done < steps && !result.diverged; ) {
    const part = network.train(data, Math.min(chunk, steps - done), options);
    done += part.steps;
    result = { ...part, steps: done };
    if (part.steps === 0) break;
  }
  return result;
}
