// Claim d: ReLU induces sparsity. The share of exactly-zero activations ((example, unit) pairs)
// per hidden layer at initialisation and after training, on every data set, over seeds; and
// against the strength of an L1 penalty on the activations (Glorot et al. 2011), next to the
// accuracy. The penalty needs a core that has it; without it only penalty 0 is measured.
import { createProgress, DATASET_OPTIONS, free, OPTIMIZER_OPTIONS, SEED_PARAM, VERDICTS } from './common.js';
import { hasActivationPenalty, NEEDS_NEWER_CORE, needsCoreText, CORE_FEATURES } from './capabilities.js';
import { DOMAIN_PARAM, domainText, experimentData } from './data.js';
import { deriveSeed } from './random.js';
import { median } from './summary.js';
import { trainInChunks } from './training.js';
import { formatInteger, formatNumber, formatRate, formatShare } from '../text/format.js';
import { datasetName, optimizerName } from '../text/names.js';

export const sparsity = Object.freeze({
  id: 'sparsity',
  claim: 'd',
  title: 'Sparsity: how many activations are exactly zero, and what an activation penalty does',
  question:
    'What share of the (example, unit) pairs of each hidden layer is exactly 0, at initialisation and after training, on each data set? How does an L1 penalty on the activations change it, and what does it cost in accuracy?',
  sources: Object.freeze([
    { paper: 'glorot2011', finding: 'High sparsity after training with an L1 penalty on the activations.' },
    { note: 'About half of the activations ((example, unit) pairs) are exactly zero at a symmetric init with zero bias. A penalty on the weights is a different thing; too much sparsity costs capacity.' },
  ]),
  params: Object.freeze([
    { id: 'datasets', label: 'Data sets', kind: 'choices', default: ['circle', 'xor', 'gaussians', 'spiral'], quick: ['circle'], options: DATASET_OPTIONS },
    { id: 'penalties', label: 'Activation penalties (L1 strength)', kind: 'numbers', default: [0, 0.001, 0.003, 0.01, 0.03, 0.1], quick: [0, 0.01, 0.1], min: 0, max: 1 },
    { id: 'layers', label: 'Hidden layer widths', kind: 'integers', default: [16, 16, 16], min: 1, max: 64, maxItems: 8, repeats: true },
    { id: 'steps', label: 'Training steps', kind: 'integer', default: 400, quick: 200, min: 1, max: 20000 },
    { id: 'optimizer', label: 'Optimiser', kind: 'choice', default: 'adam', options: OPTIMIZER_OPTIONS },
    { id: 'learningRate', label: 'Learning rate', kind: 'number', default: 0.01, min: 1e-5, max: 10 },
    { id: 'batchSize', label: 'Batch size', kind: 'integer', default: 20, min: 1, max: 10000 },
    { id: 'points', label: 'Points (half for training, half for testing)', kind: 'integer', default: 400, min: 20, max: 10000 },
    { id: 'seeds', label: 'Seeds per setting', kind: 'integer', default: 4, quick: 2, min: 1, max: 50 },
    SEED_PARAM,
    DOMAIN_PARAM,
  ]),
  setup(params) {
    return `2-[${params.layers.join(', ')}]-1 ReLU, He normal, zero bias; ${formatInteger(params.points)} points on ${domainText(params.domain)} (half for training); ${formatInteger(params.steps)} steps of ${optimizerName(params.optimizer)} at ${formatRate(params.learningRate)}, batch ${params.batchSize}; sparsity on the training set; ${params.seeds} seeds per setting from base seed ${params.seed}.`;
  },
  requires: Object.freeze(['activationL1']),
  run,
  verdict,
});

function run(core, params, onProgress) {
  const penaltySupported = hasActivationPenalty(core);
  const penalties = penaltySupported ? params.penalties : params.penalties.filter((p) => p === 0);
  const missing = penaltySupported || penalties.length === params.penalties.length ? [] : [CORE_FEATURES.activationL1.text];
  const progress = createProgress(Math.max(1, params.datasets.length * penalties.length * params.seeds), onProgress);
  const runs = [];
  const partial = () => ({ runs: runs.map((r) => ({ ...r, sparsityByLayer: [...r.sparsityByLayer], sparsityAtInit: [...r.sparsityAtInit] })), missing, steps: params.steps });
  for (const dataset of params.datasets) {
    const data = experimentData(core, { name: dataset, n: params.points, testRatio: 0.5, seed: deriveSeed(params.seed, 'sparsity', 'data', dataset), domain: params.domain });
    try {
      for (let index = 0; index < params.seeds; index += 1) {
        const seed = deriveSeed(params.seed, 'sparsity', index);
        for (const penalty of penalties) {
          let network = null;
          try {
            network = new core.Network({ inputs: 2, hidden: params.layers, activation: 'relu', init: 'he-normal', seed });
            const before = network.score(data, 'train');
            const options = { optimizer: params.optimizer, learningRate: params.learningRate, batchSize: params.batchSize, record: false };
            const result = trainInChunks(network, data, params.steps, penalty > 0 ? { ...options, activationL1: penalty } : options);
            const after = network.score(data, 'train');
            runs.push({
              dataset,
              penalty,
              seed,
              sparsityAtInit: before.layers.map((layer) => layer.sparsity),
              sparsityByLayer: after.layers.map((layer) => layer.sparsity),
              accuracy: result.diverged ? null : network.accuracy(data, 'test'),
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
  }
  return partial();
}

/** The mean over layers of a run's per-layer sparsity. */
export const meanSparsity = (layers) => layers.reduce((sum, value) => sum + value, 0) / Math.max(1, layers.length);

function verdict(results) {
  const { runs } = results;
  const missing = results.missing.length > 0 ? ` ${needsCoreText(results.missing)}` : '';
  if (runs.length === 0) return { verdict: results.missing.length > 0 ? NEEDS_NEWER_CORE : VERDICTS.incomplete, sentence: missing.trim() || 'Not measured yet.' };
  const atInit = median(runs.map((r) => meanSparsity(r.sparsityAtInit)));
  const plain = runs.filter((r) => r.penalty === 0);
  const after = plain.length > 0 ? median(plain.map((r) => meanSparsity(r.sparsityByLayer))) : null;
  const penalties = [...new Set(runs.map((r) => r.penalty))].sort((a, b) => a - b);
  const accuracy = (list) => median(list.map((r) => r.accuracy ?? 0.5));
  let sentence = `At initialisation ${formatShare(atInit)} of the activations are exactly zero (median over runs, mean over layers)`;
  sentence += after !== null ? `; after ${formatInteger(results.steps)} steps without a penalty, ${formatShare(after)} (test accuracy ${formatShare(accuracy(plain))}).` : '.';
  const nearHalf = atInit > 0.4 && atInit < 0.6;
  if (penalties.length < 2 || plain.length === 0) {
    const word = results.missing.length > 0 ? NEEDS_NEWER_CORE : VERDICTS.incomplete;
    return { verdict: word, sentence: `${sentence}${missing || ' Measure at least two penalties, one of them 0, to see what the penalty does.'}` };
  }
  const strongest = runs.filter((r) => r.penalty === penalties.at(-1));
  const sparseStrong = median(strongest.map((r) => meanSparsity(r.sparsityByLayer)));
  const accuracyStrong = accuracy(strongest);
  const datasets = [...new Set(runs.map((r) => r.dataset))];
  sentence += ` With an activation penalty of ${formatNumber(penalties.at(-1))}: ${formatShare(sparseStrong)} zero, accuracy ${formatShare(accuracyStrong)} (on ${datasets.map(datasetName).join(', ')}).`;
  const rises = sparseStrong > after + 0.1;
  const costs = accuracyStrong < accuracy(plain) - 0.05;
  if (nearHalf && rises) {
    return {
      verdict: VERDICTS.partly,
      sentence: `${sentence} About half are zero at the start and the penalty raises it${costs ? ', at a cost in accuracy' : ''}; faster or less overfitting networks are not shown by this: the claim is partly true.${missing}`,
    };
  }
  return { verdict: VERDICTS.notShown, sentence: `${sentence} This run does not show both about half at the start and a rise with the penalty.${missing}` };
}
