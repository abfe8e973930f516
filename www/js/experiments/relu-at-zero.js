// Claim j: ReLU is not differentiable at 0. Does the value used for ReLU'(0) (0, ½ or 1) change
// a training run? Count the exactly-zero pre-activations met in training and compare each run's
// final parameters, bit for bit, with the same seed's run at ReLU'(0) = 0: for continuous data
// and for inputs on a coarse grid, in float32 and (with a core that emulates it) in float16.
import { createProgress, free, SEED_PARAM, VERDICTS } from './common.js';
import { hasFloat16, NEEDS_NEWER_CORE, needsCoreText, CORE_FEATURES } from './capabilities.js';
import { DOMAIN_PARAM, domainText, experimentData } from './data.js';
import { deriveSeed } from './random.js';
import { formatInteger } from '../text/format.js';

const PRECISION_OPTIONS = Object.freeze([
  Object.freeze({ value: 'float32', label: 'float32' }),
  Object.freeze({ value: 'float16', label: 'float16 (emulated: every stored value rounded)' }),
]);
const INPUT_OPTIONS = Object.freeze([
  Object.freeze({ value: 'continuous', label: 'continuous (the data set as generated)' }),
  Object.freeze({ value: 'grid', label: 'on a coarse grid (each coordinate rounded)' }),
]);

export const reluAtZero = Object.freeze({
  id: 'relu-at-zero',
  claim: 'j',
  title: 'ReLU′(0): does the value at the kink change training?',
  question:
    'How many exactly-zero pre-activations does training meet, and does choosing ReLU′(0) = 0, ½ or 1 change the trained network, bit for bit, in float32 and in float16?',
  sources: Object.freeze([
    { paper: 'bertoin2021', finding: 'The choice of ReLU′(0) changed float32 training runs surprisingly often, float16 runs always, float64 runs never; with plain SGD, 0 worked best.' },
    { note: 'Any value in [0, 1] is a valid subgradient; PyTorch, TensorFlow and JAX use 0, and did long before that paper.' },
  ]),
  params: Object.freeze([
    { id: 'precisions', label: 'Precision', kind: 'choices', default: ['float32', 'float16'], options: PRECISION_OPTIONS },
    { id: 'inputs', label: 'Inputs', kind: 'choices', default: ['continuous', 'grid'], options: INPUT_OPTIONS },
    { id: 'gridStep', label: 'Grid step (coarse inputs)', kind: 'number', default: 0.25, min: 0.01, max: 1 },
    { id: 'layers', label: 'Hidden layer widths', kind: 'integers', default: [16, 16], min: 1, max: 64, maxItems: 8, repeats: true },
    { id: 'steps', label: 'Training steps', kind: 'integer', default: 300, quick: 150, min: 1, max: 20000 },
    { id: 'learningRate', label: 'Learning rate (plain SGD)', kind: 'number', default: 0.1, min: 1e-5, max: 10 },
    { id: 'batchSize', label: 'Batch size', kind: 'integer', default: 20, min: 1, max: 10000 },
    { id: 'points', label: 'Training points (circle)', kind: 'integer', default: 200, min: 20, max: 5000 },
    { id: 'seeds', label: 'Seeds', kind: 'integer', default: 5, quick: 2, min: 1, max: 50 },
    SEED_PARAM,
    DOMAIN_PARAM,
  ]),
  setup(params) {
    return `2-[${params.layers.join(', ')}]-1 ReLU, He normal, zero bias; ${formatInteger(params.points)} circle points on ${domainText(params.domain)} (or rounded to multiples of ${params.gridStep}); ${formatInteger(params.steps)} steps of plain SGD at ${params.learningRate}, batch ${params.batchSize}; ReLU′(0) = 0, ½, 1 with the same seed; ${params.seeds} seeds from base seed ${params.seed}.`;
  },
  requires: Object.freeze(['float16']),
  run,
  verdict,
});

/** The data: as generated, or every coordinate rounded to a multiple of `step`. */
function dataFor(core, params, inputs) {
  const data = experimentData(core, { n: params.points, seed: deriveSeed(params.seed, 'relu-at-zero', 'data'), domain: params.domain });
  if (inputs === 'continuous') return data;
  try {
    const points = Float32Array.from(data.points('train'), (v) => Math.round(v / params.gridStep) * params.gridStep);
    return core.Dataset.fromPoints(2, points, Float32Array.from(data.labels('train')), 0, 1);
  } finally {
    data.free();
  }
}

function run(core, params, onProgress) {
  const float16 = hasFloat16(core);
  const precisions = params.precisions.filter((p) => p === 'float32' || float16);
  const missing = precisions.length < params.precisions.length ? [CORE_FEATURES.float16.text] : [];
  const progress = createProgress(Math.max(1, precisions.length * params.inputs.length * params.seeds * 3), onProgress);
  const runs = [];
  const partial = () => ({ runs: runs.map((r) => ({ ...r })), missing, steps: params.steps });
  for (const inputs of params.inputs) {
    const data = dataFor(core, params, inputs);
    try {
      for (const precision of precisions) {
        for (let index = 0; index < params.seeds; index += 1) {
          const seed = deriveSeed(params.seed, 'relu-at-zero', index);
          let reference = null;
          for (const value of [0, 0.5, 1]) {
            let network = null;
            try {
              const config = { inputs: 2, hidden: params.layers, activation: 'relu', init: 'he-normal', reluAtZero: value, seed };
              network = new core.Network(precision === 'float16' ? { ...config, precision } : config);
              network.train(data, params.steps, { optimizer: 'sgd', learningRate: params.learningRate, batchSize: params.batchSize, record: false });
              const final = Array.from(network.params());
              reference ??= final;
              runs.push({ precision, inputs, reluAtZero: value, seed, exactZeros: network.zeroPreActivationsSeen, finalLoss: network.loss(data, 'train'), differs: final.some((v, i) => !Object.is(v, reference[i])) });
            } finally {
              free(network);
            }
            progress.report(1, partial);
          }
        }
      }
    } finally {
      data.free();
    }
  }
  return partial();
}

/**
 * The runs grouped by precision and inputs (float32 first, continuous first): per group the
 * number of seeds, those that met an exact zero pre-activation (withZeros), those whose trained
 * network a ReLU′(0) choice changed (changed), and the most exact zeros in one run (zeros).
 */
export function zeroGroups(results) {
  const groups = [];
  for (const precision of ['float32', 'float16']) {
    for (const inputs of ['continuous', 'grid']) {
      const runs = results.runs.filter((r) => r.precision === precision && r.inputs === inputs);
      if (runs.length === 0) continue;
      const seeds = [...new Set(runs.map((r) => r.seed))];
      const withZeros = seeds.filter((seed) => runs.some((r) => r.seed === seed && r.exactZeros > 0)).length;
      const changed = seeds.filter((seed) => runs.some((r) => r.seed === seed && r.differs)).length;
      const zeros = Math.max(...runs.map((r) => r.exactZeros));
      groups.push({ precision, inputs, seeds: seeds.length, withZeros, changed, zeros });
    }
  }
  return groups;
}

function verdict(results) {
  const missing = results.missing.length > 0 ? ` ${needsCoreText(results.missing)}` : '';
  const groups = zeroGroups(results);
  if (groups.length === 0) return { verdict: results.missing.length > 0 ? NEEDS_NEWER_CORE : VERDICTS.incomplete, sentence: missing.trim() || 'Not measured yet.' };
  const text = (g) =>
    `${g.precision}, ${g.inputs === 'grid' ? 'grid inputs' : 'continuous inputs'}: exact zeros in ${g.withZeros} of ${g.seeds} seeds (at most ${formatInteger(g.zeros)} in a run), ReLU′(0) changed the trained network in ${g.changed} of ${g.seeds}`;
  const sentence = `Over ${formatInteger(results.steps)} training steps, ${groups.map(text).join('; ')}.`;
  const continuous = groups.find((g) => g.precision === 'float32' && g.inputs === 'continuous');
  const harmless = continuous && continuous.withZeros === 0 && continuous.changed === 0;
  if (harmless) {
    return {
      verdict: VERDICTS.true,
      sentence: `${sentence} On continuous float32 data no pre-activation is exactly 0, so the value at the kink never matters there; it can matter only where exact zeros occur: the claim is true, and harmless in practice.${missing}`,
    };
  }
  return { verdict: VERDICTS.notShown, sentence: `${sentence} In this run continuous float32 data met exact zeros or changed with ReLU′(0).${missing}` };
}
