// Claim i: "negative inputs carry no signal". One ReLU unit drops the negative side, but a layer
// need not: relu(x) − relu(−x) = x, computed here by a two-unit network in the core. What ReLU
// does leave is a positive mean shift of the activations, layer after layer, which ELU reduces:
// measured at initialisation over seeded networks.
import { ACTIVATION_OPTIONS, createProgress, free, SEED_PARAM, VERDICTS } from './common.js';
import { DOMAIN_PARAM, domainText, experimentData } from './data.js';
import { deriveSeed } from './random.js';
import { median, spread } from './summary.js';
import { formatInteger, formatNumber } from '../text/format.js';
import { activationName } from '../text/names.js';

/** Points of the plotted identity. */
const IDENTITY_POINTS = 201;

export const negativeInputs = Object.freeze({
  id: 'negative-inputs',
  claim: 'i',
  title: 'Negative inputs: what a ReLU layer passes, and the positive shift it leaves',
  question:
    'Does a ReLU layer lose everything below zero? And how far above zero do the activations sit, layer after layer, with ReLU and with ELU?',
  sources: Object.freeze([
    { paper: 'clevert2015', finding: 'ELU’s negative values bring the mean activation closer to zero; ReLU’s outputs are never negative, so their mean is positive.' },
    { note: 'relu(x) − relu(−x) = x: one unit drops the negative side, but a layer of two need not.' },
  ]),
  params: Object.freeze([
    { id: 'activations', label: 'Activations', kind: 'choices', default: ['relu', 'elu'], options: ACTIVATION_OPTIONS },
    { id: 'depth', label: 'Hidden layers', kind: 'integer', default: 10, quick: 6, min: 1, max: 32 },
    { id: 'units', label: 'Units per hidden layer', kind: 'integer', default: 16, min: 1, max: 64 },
    { id: 'nets', label: 'Networks per activation', kind: 'integer', default: 30, quick: 8, min: 1, max: 500 },
    { id: 'points', label: 'Points (circle)', kind: 'integer', default: 200, quick: 100, min: 10, max: 5000 },
    SEED_PARAM,
    DOMAIN_PARAM,
  ]),
  setup(params) {
    return `The identity: 1 input on [−${params.domain}, ${params.domain}], hidden units relu(x) and relu(−x), output their difference. The shift: 2 inputs on ${domainText(params.domain)} (${formatInteger(params.points)} circle points), ${params.depth} hidden layers of ${params.units} units, He normal, zero bias; ${params.nets} fresh networks per activation from base seed ${params.seed}; no training.`;
  },
  run,
  verdict,
});

/** The two-unit network relu(x) − relu(−x), its output on the line, and its largest error. */
function identityLayer(core, domain) {
  const network = new core.Network({ inputs: 1, hidden: [2], activation: 'relu', seed: 1 });
  try {
    const [hidden, output] = network.layout();
    const params = new Float32Array(network.params().length);
    params.set([1, -1], hidden.weights); // z₁ = x, z₂ = −x
    params.set([0, 0], hidden.biases);
    params.set([1, -1], output.weights); // y = relu(x) − relu(−x)
    params[output.biases] = 0;
    network.setParams(params);
    const xs = Float32Array.from({ length: IDENTITY_POINTS }, (_, i) => -domain + (2 * domain * i) / (IDENTITY_POINTS - 1));
    const ys = Array.from(network.predict(xs));
    let maxError = 0;
    ys.forEach((y, i) => {
      maxError = Math.max(maxError, Math.abs(y - xs[i]));
    });
    const x = Array.from(xs);
    return { x, output: ys, positive: x.map((v) => Math.max(0, v)), negative: x.map((v) => -Math.max(0, -v)), maxError };
  } finally {
    network.free();
  }
}

/**
 * The mean of a layer's activations over their root mean square: a shift that does not depend
 * on the activations' scale (0 when centred, 1 when all equal and positive; 1/√π ≈ 0.56 for ReLU
 * of a centred normal z). 0 for a layer that is 0 everywhere.
 */
export function relativeShift(mean, variance) {
  const rms = Math.sqrt(Math.max(0, variance) + mean * mean);
  return rms > 0 ? mean / rms : 0;
}

function run(core, params, onProgress) {
  const { activations, depth, units, nets, seed, domain } = params;
  const progress = createProgress(activations.length * nets + 1, onProgress);
  const series = [];
  let identity = null;
  const partial = () => ({ identity, series: series.map((entry) => ({ ...entry })), depth, units });
  identity = identityLayer(core, domain);
  progress.report(1, partial);
  const data = experimentData(core, { n: params.points, seed: deriveSeed(seed, 'negative-inputs', 'data'), domain });
  try {
    for (const activation of activations) {
      const means = Array.from({ length: depth }, () => []);
      const shifts = Array.from({ length: depth }, () => []);
      const entries = means.map((_, layer) => ({ activation, layer: layer + 1, mean: null, shift: null, low: null, high: null, nets: 0 }));
      series.push(...entries);
      for (let index = 0; index < nets; index += 1) {
        let network = null;
        try {
          network = new core.Network({ inputs: 2, hidden: Array(depth).fill(units), activation, init: 'he-normal', seed: deriveSeed(seed, 'negative-inputs', index) });
          network.score(data, 'train').layers.forEach((layer, l) => {
            means[l].push(layer.activationMean);
            shifts[l].push(relativeShift(layer.activationMean, layer.activationVariance));
          });
        } finally {
          free(network);
        }
        entries.forEach((entry, l) => Object.assign(entry, { mean: median(means[l]), shift: median(shifts[l]), ...spread(shifts[l]), nets: index + 1 }));
        progress.report(1, partial);
      }
    }
  } finally {
    data.free();
  }
  return partial();
}

function verdict(results) {
  const { identity } = results;
  if (!identity) return { verdict: VERDICTS.incomplete, sentence: 'Not measured yet.' };
  const passes = identity.maxError < 1e-5;
  const first = `The two-unit layer relu(x) − relu(−x) gives back x on the whole line: the core’s output differs from x by at most ${formatNumber(identity.maxError, 2)} at ${identity.x.length} points, so the negative side is passed on.`;
  const byActivation = new Map();
  for (const entry of results.series.filter((e) => e.mean !== null)) {
    if (!byActivation.has(entry.activation)) byActivation.set(entry.activation, []);
    byActivation.get(entry.activation).push(entry);
  }
  const relu = byActivation.get('relu');
  if (!relu || byActivation.size < 2) return { verdict: VERDICTS.incomplete, sentence: `${first} Measure ReLU and another activation to compare the mean shift.` };
  const describe = (activation, entries) => `${activationName(activation)} ${formatNumber(entries[0].shift, 2)} at layer 1 and ${formatNumber(entries.at(-1).shift, 2)} at layer ${entries.at(-1).layer}`;
  const shifts = [...byActivation].map(([activation, entries]) => describe(activation, entries)).join('; ');
  const reluMean = relu.reduce((sum, e) => sum + e.shift, 0) / relu.length;
  const elu = byActivation.get('elu');
  const eluMean = elu ? elu.reduce((sum, e) => sum + e.shift, 0) / elu.length : null;
  const reduces = eluMean !== null && Math.abs(eluMean) < reluMean;
  const sentence = `${first} Per layer at initialisation, the mean activation over its root mean square (0 when centred; median over ${relu[0].nets} networks): ${shifts}.`;
  if (passes && reluMean > 0 && (eluMean === null || reduces)) {
    return {
      verdict: VERDICTS.partly,
      sentence: `${sentence} A layer loses no information, but ReLU’s activations sit above zero${reduces ? ', a shift ELU reduces' : ''}: the claim is partly true.`,
    };
  }
  return { verdict: VERDICTS.notShown, sentence: `${sentence} This run does not show both the identity and a smaller shift with ELU.` };
}
