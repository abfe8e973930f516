// Claim g, the fixes: start from networks where most units are inactive (a negative bias init,
// or a killing learning rate), train on with ReLU, leaky ReLU, PReLU and ELU, and measure the
// share of the initially inactive units that become active again, and the accuracy.
import { ACTIVATION_OPTIONS, createProgress, free, OPTIMIZER_OPTIONS, SEED_PARAM, VERDICTS } from './common.js';
import { DOMAIN_PARAM, domainText, experimentData } from './data.js';
import { deriveSeed } from './random.js';
import { median } from './summary.js';
import { inactiveUnits, networkConfig, shareOf, trainInChunks, trainOptions, TRAINING_PARAMS } from './training.js';
import { formatInteger, formatRate, formatShare } from '../text/format.js';
import { activationName, datasetName, optimizerName } from '../text/names.js';

const START_OPTIONS = Object.freeze([
  Object.freeze({ value: 'negative-bias', label: 'a negative bias init' }),
  Object.freeze({ value: 'high-rate', label: 'ReLU trained at a killing learning rate (Adam)' }),
]);

export const revival = Object.freeze({
  id: 'revival',
  claim: 'g',
  title: 'Reviving dead units: leaky ReLU, PReLU and ELU against ReLU',
  question: 'Starting from networks where most units are inactive, which activations bring them back to life when training goes on?',
  sources: Object.freeze([
    { paper: 'maas2013', finding: 'Leaky ReLU: a small slope for x < 0, so an inactive unit still gets a gradient.' },
    { paper: 'he2015', finding: 'PReLU: that slope is learned.' },
    { paper: 'clevert2015', finding: 'ELU: α(eˣ − 1) for x < 0.' },
  ]),
  params: Object.freeze([
    { id: 'activations', label: 'Activations', kind: 'choices', default: ['relu', 'leaky-relu', 'prelu', 'elu'], options: ACTIVATION_OPTIONS },
    { id: 'start', label: 'Start from', kind: 'choice', default: 'negative-bias', options: START_OPTIONS },
    { id: 'biasInit', label: 'Bias init (negative-bias start)', kind: 'number', default: -1, min: -10, max: 10 },
    { id: 'killRate', label: 'Killing Adam rate (high-rate start)', kind: 'number', default: 0.3, min: 1e-5, max: 10 },
    { id: 'killSteps', label: 'Killing steps (high-rate start)', kind: 'integer', default: 100, min: 1, max: 5000 },
    { id: 'optimizer', label: 'Optimiser', kind: 'choice', default: 'adam', options: OPTIMIZER_OPTIONS },
    { id: 'learningRate', label: 'Learning rate', kind: 'number', default: 0.01, min: 1e-5, max: 10 },
    ...TRAINING_PARAMS,
    SEED_PARAM,
    DOMAIN_PARAM,
  ]),
  setup(params) {
    const start = params.start === 'negative-bias' ? `bias init ${params.biasInit}` : `ReLU trained ${params.killSteps} steps with Adam at ${formatRate(params.killRate)}`;
    return `${datasetName(params.dataset)}, ${formatInteger(params.points)} points on ${domainText(params.domain)} (half for training), 2-[${params.layers.join(', ')}]-1, He init, start: ${start}; then ${formatInteger(params.steps)} steps of ${optimizerName(params.optimizer)} at ${formatRate(params.learningRate)}, batch ${params.batchSize}; ${params.seeds} seeds from base seed ${params.seed}.`;
  },
  run,
  verdict,
});

/** Copy every weight and bias of `from` into `to` (same widths; PReLU slopes keep their init). */
function copyWeights(from, to) {
  const source = Float32Array.from(from.params());
  const target = Float32Array.from(to.params());
  const fromLayout = from.layout();
  to.layout().forEach((layer, l) => {
    const origin = fromLayout[l];
    const count = layer.fanIn * layer.fanOut + layer.fanOut; // weights then biases
    target.set(source.subarray(origin.weights, origin.weights + count), layer.weights);
  });
  to.setParams(target);
}

/** The network a run starts from, for `activation`: fresh, or with the killed ReLU weights. */
function startingNetwork(core, params, activation, seed, killed) {
  const biasInit = params.start === 'negative-bias' ? params.biasInit : 0;
  const network = new core.Network(networkConfig(params, { activation, biasInit, seed }));
  if (killed) copyWeights(killed, network);
  return network;
}

function run(core, params, onProgress) {
  const progress = createProgress(params.seeds * params.activations.length, onProgress);
  const runs = [];
  const partial = () => ({ runs: runs.map((entry) => ({ ...entry })) });
  const data = experimentData(core, { name: params.dataset, n: params.points, testRatio: 0.5, seed: deriveSeed(params.seed, 'revival', 'data'), domain: params.domain });
  try {
    for (let index = 0; index < params.seeds; index += 1) {
      const seed = deriveSeed(params.seed, 'revival', index);
      let killed = null;
      try {
        if (params.start === 'high-rate') {
          killed = new core.Network(networkConfig(params, { activation: 'relu', seed }));
          trainInChunks(killed, data, params.killSteps, trainOptions(params, 'adam', params.killRate));
        }
        for (const activation of params.activations) {
          runs.push(trainOne(core, params, data, activation, seed, killed));
          progress.report(1, partial);
        }
      } finally {
        free(killed);
      }
    }
  } finally {
    data.free();
  }
  return { runs, units: params.layers.reduce((sum, width) => sum + width, 0) };
}

function trainOne(core, params, data, activation, seed, killed) {
  let network = null;
  try {
    network = startingNetwork(core, params, activation, seed, killed);
    const before = inactiveUnits(network.stats(data, 'train'));
    const result = trainInChunks(network, data, params.steps, trainOptions(params, params.optimizer, params.learningRate));
    const after = inactiveUnits(network.stats(data, 'train'));
    const inactive = before.filter(Boolean).length;
    const revived = before.filter((flag, unit) => flag && !after[unit]).length;
    return {
      activation,
      seed,
      inactiveAtStart: shareOf(before),
      inactiveUnits: inactive,
      revivedShare: inactive > 0 ? revived / inactive : null,
      inactiveAtEnd: shareOf(after),
      accuracy: result.diverged ? null : network.accuracy(data, 'test'),
      diverged: result.diverged,
    };
  } finally {
    free(network);
  }
}

function verdict(results) {
  const activations = [...new Set(results.runs.map((r) => r.activation))];
  const summary = activations.map((activation) => {
    const runs = results.runs.filter((r) => r.activation === activation);
    const revived = runs.filter((r) => r.revivedShare !== null).map((r) => r.revivedShare);
    return {
      activation,
      inactive: median(runs.map((r) => r.inactiveAtStart)),
      revived: revived.length > 0 ? median(revived) : null,
      accuracy: median(runs.map((r) => r.accuracy ?? 0.5)),
      runs: runs.length,
    };
  });
  if (summary.length === 0) return { verdict: VERDICTS.incomplete, sentence: 'No run finished yet.' };
  const parts = summary.map(
    (s) => `${activationName(s.activation)} ${s.revived === null ? 'had none inactive' : `revives ${formatShare(s.revived)}`} (accuracy ${formatShare(s.accuracy)})`,
  );
  const sentence = `${formatShare(summary[0].inactive)} of the units start inactive on the training set; ${parts.join(', ')} (medians over ${summary[0].runs} seeds).`;
  const relu = summary.find((s) => s.activation === 'relu');
  const others = summary.filter((s) => s.activation !== 'relu' && s.revived !== null);
  if (!relu || relu.revived === null || others.length === 0) {
    return { verdict: VERDICTS.incomplete, sentence: `${sentence} Compare ReLU with at least one of its fixes.` };
  }
  const best = others.reduce((a, b) => (b.revived > a.revived ? b : a));
  if (relu.revived < 0.1 && best.revived >= relu.revived + 0.3) {
    return {
      verdict: VERDICTS.true,
      sentence: `${sentence} Dead ReLU units stay dead, while ${activationName(best.activation)} brings ${formatShare(best.revived)} of them back: dying is real, and the fix works.`,
    };
  }
  return { verdict: VERDICTS.notShown, sentence: `${sentence} This run does not show ReLU staying dead while a fix revives the units.` };
}
