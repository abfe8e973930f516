// Claim g: dying neurons. Train many seeded ReLU networks for a fixed number of steps across a
// sweep of learning rates (plain SGD and Adam, bias 0) and of bias inits (SGD at a fixed rate),
// and measure the share of dead units (on the training set) and the test accuracy.
import { createProgress, free, SEED_PARAM, VERDICTS } from './common.js';
import { DOMAIN_PARAM, domainText, experimentData } from './data.js';
import { deriveSeed } from './random.js';
import { median } from './summary.js';
import { inactiveUnits, networkConfig, shareOf, trainInChunks, trainOptions, TRAINING_PARAMS } from './training.js';
import { formatInteger, formatNumber, formatRate, formatShare } from '../text/format.js';
import { capitalized, datasetName, optimizerName } from '../text/names.js';

export const dying = Object.freeze({
  id: 'dying',
  claim: 'g',
  title: 'Dying ReLU: how the learning rate and the bias init kill units',
  question: 'After training, what share of ReLU units is dead (z ≤ 0 on every training point), against the learning rate and the bias init, and what does it cost in accuracy?',
  sources: Object.freeze([
    { paper: 'lu2020', finding: 'Dead units and born-dead networks at initialisation: a deep, narrow network dies with a probability that tends to 1.' },
    { note: 'A dead unit gets zero gradient for its weights and bias. Causes: a large learning rate, a negative bias, a bad init.' },
  ]),
  params: Object.freeze([
    { id: 'sgdRates', label: 'Plain SGD learning rates', kind: 'numbers', default: [0.03, 0.1, 0.3, 1, 3], quick: [0.03, 3], min: 1e-5, max: 10 },
    { id: 'adamRates', label: 'Adam learning rates', kind: 'numbers', default: [0.001, 0.003, 0.01, 0.03, 0.1, 0.3], quick: [0.003, 0.3], min: 1e-5, max: 10 },
    { id: 'biasInits', label: 'Bias inits (plain SGD)', kind: 'numbers', default: [-1, -0.5, -0.2, 0, 0.1], quick: [-1, 0], min: -10, max: 10 },
    { id: 'biasRate', label: 'SGD rate of the bias sweep', kind: 'number', default: 0.1, min: 1e-5, max: 10 },
    ...TRAINING_PARAMS,
    SEED_PARAM,
    DOMAIN_PARAM,
  ]),
  setup(params) {
    return `${datasetName(params.dataset)}, ${formatInteger(params.points)} points on ${domainText(params.domain)} (half for training), 2-[${params.layers.join(', ')}]-1 ReLU, He init; ${formatInteger(params.steps)} steps of batch ${params.batchSize}; ${params.seeds} seeds per setting from base seed ${params.seed}.`;
  },
  run,
  verdict,
});

/** The settings of a run: the learning-rate sweeps at bias 0, then the bias sweep. */
function settings(params) {
  const list = [];
  for (const learningRate of params.sgdRates) list.push({ optimizer: 'sgd', learningRate, biasInit: 0 });
  for (const learningRate of params.adamRates) list.push({ optimizer: 'adam', learningRate, biasInit: 0 });
  for (const biasInit of params.biasInits) {
    const known = list.some((s) => s.optimizer === 'sgd' && s.learningRate === params.biasRate && s.biasInit === biasInit);
    if (!known) list.push({ optimizer: 'sgd', learningRate: params.biasRate, biasInit });
  }
  return list;
}

function run(core, params, onProgress) {
  const list = settings(params);
  const progress = createProgress(list.length * params.seeds, onProgress);
  const runs = [];
  const partial = () => ({ runs: runs.map((entry) => ({ ...entry })) });
  const data = experimentData(core, { name: params.dataset, n: params.points, testRatio: 0.5, seed: deriveSeed(params.seed, 'dying', 'data'), domain: params.domain });
  try {
    for (let index = 0; index < params.seeds; index += 1) {
      const seed = deriveSeed(params.seed, 'dying', index);
      for (const setting of list) {
        let network = null;
        try {
          network = new core.Network(networkConfig(params, { activation: 'relu', biasInit: setting.biasInit, seed }));
          const before = network.stats(data, 'train');
          const result = trainInChunks(network, data, params.steps, trainOptions(params, setting.optimizer, setting.learningRate));
          const after = network.stats(data, 'train');
          runs.push({
            ...setting,
            seed,
            deadShare: shareOf(inactiveUnits(after)),
            deadAtInit: shareOf(inactiveUnits(before)),
            deadAtInitByLayer: before.layers.map((layer) => layer.neverActive / layer.units.length),
            accuracy: result.diverged ? null : network.accuracy(data, 'test'),
            diverged: result.diverged,
          });
        } finally {
          free(network);
        }
        progress.report(1, partial);
      }
    }
  } finally {
    data.free();
  }
  return { runs, units: params.layers.reduce((sum, width) => sum + width, 0), steps: params.steps };
}

/** Median dead share and accuracy of the runs matching `test`. */
function medians(runs, test) {
  const matching = runs.filter(test);
  if (matching.length === 0) return null;
  const accuracies = matching.map((r) => r.accuracy ?? 0.5);
  return { dead: median(matching.map((r) => r.deadShare)), accuracy: median(accuracies), runs: matching.length };
}

function verdict(results) {
  const { runs } = results;
  const rateRuns = (optimizer) => runs.filter((r) => r.optimizer === optimizer && r.biasInit === 0);
  const phrase = [];
  const pairs = [];
  for (const optimizer of ['adam', 'sgd']) {
    const rates = [...new Set(rateRuns(optimizer).map((r) => r.learningRate))].sort((a, b) => a - b);
    if (rates.length < 2) continue;
    const low = medians(runs, (r) => r.optimizer === optimizer && r.biasInit === 0 && r.learningRate === rates[0]);
    const high = medians(runs, (r) => r.optimizer === optimizer && r.biasInit === 0 && r.learningRate === rates.at(-1));
    pairs.push([low, high]);
    phrase.push(
      `${capitalized(optimizerName(optimizer))} at ${formatRate(rates.at(-1))} leaves ${formatShare(high.dead)} of the units dead (accuracy ${formatShare(high.accuracy)}), at ${formatRate(rates[0])} ${formatShare(low.dead)} (${formatShare(low.accuracy)})`,
    );
  }
  const biases = [...new Set(runs.filter((r) => r.optimizer === 'sgd').map((r) => r.biasInit))].sort((a, b) => a - b);
  if (biases.length >= 2 && biases[0] < 0) {
    const negative = medians(runs, (r) => r.optimizer === 'sgd' && r.biasInit === biases[0]);
    phrase.push(`a bias init of ${formatNumber(biases[0])} leaves ${formatShare(negative.dead)} dead (accuracy ${formatShare(negative.accuracy)})`);
    const zero = medians(runs, (r) => r.optimizer === 'sgd' && r.biasInit === biases.at(-1));
    pairs.push([zero, negative]);
  }
  if (pairs.length === 0) return { verdict: VERDICTS.incomplete, sentence: 'Measure at least two learning rates or two bias inits.' };
  const zeroBias = runs.filter((r) => r.biasInit === 0);
  const atInit = zeroBias.length > 0 ? ` With zero bias, ${formatShare(median(zeroBias.map((r) => r.deadAtInit)))} of the units are dead already at initialisation.` : '';
  const sentence = `Median over seeds after ${formatInteger(results.steps)} steps: ${phrase.join('; ')}.${atInit}`;
  const killing = pairs.filter(([mild, harsh]) => harsh.dead >= mild.dead + 0.2);
  const costs = killing.some(([mild, harsh]) => harsh.accuracy < mild.accuracy - 0.1);
  return killing.length > 0
    ? { verdict: VERDICTS.true, sentence: `${sentence} Large steps or negative biases kill units${costs ? ', and accuracy falls with them' : ''}: the claim is true.` }
    : { verdict: VERDICTS.notShown, sentence: `${sentence} No setting of this run killed many more units than the mildest one.` };
}
