// Claim h: are ReLU's unbounded outputs a source of instability? The mean of a² per hidden
// layer across depth at initialisation, for He, Xavier and N(0, 1) weights, beside the
// per-layer gain n·Var(w)/2 of SCIENCE.md (ReLU, zero-mean symmetric weights, zero bias).
import { ACTIVATION_OPTIONS, createProgress, free, INIT_OPTIONS, SEED_PARAM, VERDICTS } from './common.js';
import { DOMAIN_PARAM, domainText, experimentData, inputMeanSquare } from './data.js';
import { deriveSeed } from './random.js';
import { jsonNumber, mean, spread } from './summary.js';
import { formatInteger, formatRatio } from '../text/format.js';
import { activationName, initName } from '../text/names.js';

/** Var(w) of a layer with `fanIn` inputs and `fanOut` outputs, for the core's inits. */
export function weightVariance(init, fanIn, fanOut) {
  switch (init) {
    case 'he-normal':
    case 'he-uniform':
      return 2 / fanIn;
    case 'xavier-normal':
    case 'xavier-uniform':
      return 2 / (fanIn + fanOut);
    case 'normal':
      return 1;
    case 'uniform':
      return 1 / 12; // uniform on ±0.5
    default:
      return 0;
  }
}

/** SCIENCE.md's per-layer gain for ReLU: n_{l−1}·Var(w)/2. */
export const reluGain = (init, fanIn, fanOut) => (fanIn * weightVariance(init, fanIn, fanOut)) / 2;

export const activationScale = Object.freeze({
  id: 'activation-scale',
  claim: 'h',
  title: 'Activation scale across depth: unbounded, or kept in check by the init?',
  question: 'At initialisation, does the size of ReLU activations (the mean of a²) grow, shrink or stay flat from layer to layer, with He, Xavier and N(0, 1) weights?',
  sources: Object.freeze([
    { paper: 'he2015', finding: 'For ReLU, E[a_l²] = (n·Var(w)/2)·E[a_{l−1}²]: He init, Var(w) = 2/n, keeps the scale across depth.' },
    { paper: 'glorot2010', finding: 'Xavier init, Var(w) = 2/(fan_in + fan_out).' },
  ]),
  params: Object.freeze([
    { id: 'inits', label: 'Weight initialisations', kind: 'choices', default: ['he-normal', 'xavier-normal', 'normal'], options: INIT_OPTIONS },
    { id: 'activation', label: 'Activation', kind: 'choice', default: 'relu', options: ACTIVATION_OPTIONS },
    { id: 'units', label: 'Units per hidden layer', kind: 'integer', default: 16, min: 2, max: 64 },
    { id: 'depth', label: 'Hidden layers', kind: 'integer', default: 10, quick: 8, min: 2, max: 32 },
    { id: 'nets', label: 'Networks per init', kind: 'integer', default: 50, quick: 8, min: 1, max: 500 },
    { id: 'points', label: 'Points (circle)', kind: 'integer', default: 200, quick: 100, min: 10, max: 2000 },
    SEED_PARAM,
    DOMAIN_PARAM,
  ]),
  setup(params) {
    return `2 inputs on ${domainText(params.domain)} (${formatInteger(params.points)} circle points), ${params.depth} hidden layers of ${params.units} ${activationName(params.activation)} units, zero bias; ${params.nets} fresh networks per init, seeds from base seed ${params.seed}; no training.`;
  },
  run,
  verdict,
});

function run(core, params, onProgress) {
  const { inits, activation, units: width, depth, nets, points, seed, domain } = params;
  const progress = createProgress(inits.length * nets, onProgress);
  const data = experimentData(core, { n: points, seed: deriveSeed(seed, 'activation-scale', 'data'), domain });
  const series = [];
  const partial = () => ({ series: series.map((entry) => ({ ...entry })) });
  try {
    const inputScale = inputMeanSquare(data);
    for (const init of inits) {
      const byLayer = Array.from({ length: depth }, () => []);
      const entries = predictedScale(init, activation, width, depth, inputScale).map((predicted, layer) => ({
        init, activation, layer: layer + 1, meanSquare: null, low: null, high: null, predicted: jsonNumber(predicted), nets: 0,
      }));
      series.push(...entries);
      for (let index = 0; index < nets; index += 1) {
        let network = null;
        try {
          network = new core.Network({ inputs: 2, hidden: Array(depth).fill(width), activation, init, seed: deriveSeed(seed, 'activation-scale', index) });
          const { layers } = network.score(data, 'train');
          // E[a²] over the layer's (example, unit) pairs = variance + mean².
          layers.forEach((layer, l) => byLayer[l].push(layer.activationVariance + layer.activationMean ** 2));
        } finally {
          free(network);
        }
        entries.forEach((entry, l) => {
          const { low, high } = spread(byLayer[l]);
          Object.assign(entry, { meanSquare: jsonNumber(mean(byLayer[l])), low: jsonNumber(low), high: jsonNumber(high), nets: index + 1 });
        });
        progress.report(1, partial);
      }
    }
  } finally {
    data.free();
  }
  return { series, width, depth, domain };
}

/**
 * E[a_l²] predicted layer by layer from the inputs' mean square, for ReLU only (null for other
 * activations, where the factor 1/2 does not hold).
 */
function predictedScale(init, activation, width, depth, inputScale) {
  if (activation !== 'relu') return Array(depth).fill(null);
  const values = [];
  let scale = inputScale * reluGain(init, 2, width);
  for (let layer = 0; layer < depth; layer += 1) {
    if (layer > 0) scale *= reluGain(init, width, width);
    values.push(scale);
  }
  return values;
}

function verdict(results) {
  const inits = [...new Set(results.series.map((entry) => entry.init))];
  const growth = inits
    .map((init) => {
      const entries = results.series.filter((entry) => entry.init === init && entry.meanSquare !== null);
      if (entries.length < 2) return null;
      const first = entries[0];
      const last = entries[entries.length - 1];
      const predicted = first.predicted !== null ? last.predicted / first.predicted : null;
      return { init, factor: last.meanSquare / first.meanSquare, predicted, layers: last.layer, nets: last.nets };
    })
    .filter(Boolean);
  if (growth.length === 0) return { verdict: VERDICTS.incomplete, sentence: 'No layer measured yet.' };
  const parts = growth.map(
    (g) => `${formatRatio(g.factor)} with ${initName(g.init).replace(/ \(.*\)/, '')}${g.predicted !== null ? ` (predicted ${formatRatio(g.predicted)})` : ''}`,
  );
  const activation = results.series[0].activation;
  const sentence = `From layer 1 to layer ${growth[0].layers}, the mean of a² changes by ${parts.join(', ')} (means over ${growth[0].nets} ${activationName(activation)} networks).`;
  const factor = (init) => growth.find((g) => g.init === init)?.factor;
  const he = factor('he-normal');
  const xavier = factor('xavier-normal');
  const normal = factor('normal');
  if (activation !== 'relu' || he === undefined || xavier === undefined || normal === undefined) {
    return { verdict: VERDICTS.incomplete, sentence: `${sentence} Measure ReLU with He, Xavier and N(0, 1) weights to test the claim.` };
  }
  if (he > 0.5 && he < 2 && xavier < 0.5 && normal > 2) {
    return {
      verdict: VERDICTS.partly,
      sentence: `${sentence} Activations grow without bound only when the per-layer gain n·Var(w)/2 exceeds 1 (N(0, 1)); He init keeps it at 1 and the scale flat: partly true.`,
    };
  }
  return { verdict: VERDICTS.notShown, sentence: `${sentence} This run does not show He flat, Xavier shrinking and N(0, 1) growing.` };
}
