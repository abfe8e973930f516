// Claim c: does ReLU avoid the vanishing gradient? At initialisation, the ratio of the
// gradient-flow norm (|dL/dz| averaged over the batch) at the first hidden layer to that at the
// last, against depth, for several activation + init pairings.
import { createProgress, free, SEED_PARAM, VERDICTS } from './common.js';
import { DOMAIN_PARAM, domainText, experimentData } from './data.js';
import { deriveSeed } from './random.js';
import { geometricMean, jsonNumber, spread } from './summary.js';
import { formatInteger, formatRatio } from '../text/format.js';
import { activationName, initName } from '../text/names.js';

const PAIRING_OPTIONS = Object.freeze(
  [
    ['sigmoid', 'xavier-normal'],
    ['tanh', 'xavier-normal'],
    ['relu', 'xavier-normal'],
    ['relu', 'he-normal'],
    ['leaky-relu', 'he-normal'],
    ['elu', 'he-normal'],
    ['gelu', 'he-normal'],
  ].map(([activation, init]) =>
    Object.freeze({ value: `${activation}:${init}`, label: `${activationName(activation)} + ${initName(init).replace(/ \(.*\)/, '')}` }),
  ),
);

/** "relu:he-normal" → { activation, init }. */
export const splitPairing = (pairing) => {
  const [activation, init] = String(pairing).split(':');
  return { activation, init };
};

export const gradientDepth = Object.freeze({
  id: 'gradient-depth',
  claim: 'c',
  title: 'Gradient flow against depth: does ReLU avoid the vanishing gradient?',
  question:
    'At initialisation, how much of the last hidden layer’s gradient reaches the first, as networks get deeper, for sigmoid, tanh and ReLU with Xavier or He init?',
  sources: Object.freeze([
    { paper: 'glorot2010', finding: 'How the backward signal shrinks across the layers of deep sigmoid and tanh networks; Xavier init.' },
    { paper: 'he2015', finding: 'He init for ReLU, which preserves the backward signal across depth; PReLU.' },
    { note: 'sigmoid′ ≤ 1/4 and tanh′ ≤ 1; ReLU’s slope is 1 where a unit is active and 0 where it is not.' },
  ]),
  params: Object.freeze([
    { id: 'pairings', label: 'Activation + init', kind: 'choices', default: PAIRING_OPTIONS.slice(0, 4).map((o) => o.value), options: PAIRING_OPTIONS },
    { id: 'depths', label: 'Depths (hidden layers)', kind: 'integers', default: [1, 2, 4, 6, 8, 10, 16, 24, 32], quick: [1, 4, 10], min: 1, max: 32, maxItems: 10 },
    { id: 'units', label: 'Units per hidden layer', kind: 'integer', default: 16, min: 1, max: 64 },
    { id: 'nets', label: 'Networks per point', kind: 'integer', default: 20, quick: 6, min: 1, max: 200 },
    { id: 'points', label: 'Training points (circle)', kind: 'integer', default: 100, quick: 60, min: 10, max: 2000 },
    SEED_PARAM,
    DOMAIN_PARAM,
  ]),
  setup(params) {
    return `2 inputs on ${domainText(params.domain)} (${formatInteger(params.points)} circle points), ${params.units} units per layer, zero bias, BCE loss; ${params.nets} fresh networks per depth, seeds from base seed ${params.seed}; no training.`;
  },
  run,
  verdict,
});

function run(core, params, onProgress) {
  const { pairings, depths, units: width, nets, points, seed, domain } = params;
  let total = 0;
  for (const depth of depths) total += pairings.length * nets * depth;
  const progress = createProgress(total, onProgress);
  const series = [];
  const partial = () => ({ series: series.map((entry) => ({ ...entry })) });
  const data = experimentData(core, { n: points, seed: deriveSeed(seed, 'gradient-depth', 'data'), domain });
  try {
    for (const pairing of pairings) {
      const { activation, init } = splitPairing(pairing);
      for (const depth of depths) {
        const ratios = [];
        let zeros = 0;
        const entry = { activation, init, depth, ratio: null, low: null, high: null, nets: 0, zeroRatios: 0 };
        series.push(entry);
        for (let index = 0; index < nets; index += 1) {
          let network = null;
          try {
            network = new core.Network({ inputs: 2, hidden: Array(depth).fill(width), activation, init, seed: deriveSeed(seed, 'gradient-depth', depth, index) });
            const { layers } = network.stats(data, 'train');
            const first = layers[0].gradZNorm;
            const last = layers[depth - 1].gradZNorm;
            if (first > 0 && last > 0) ratios.push(first / last);
            else zeros += 1;
          } finally {
            free(network);
          }
          Object.assign(entry, summarise(ratios), { nets: index + 1, zeroRatios: zeros });
          progress.report(depth, partial);
        }
      }
    }
  } finally {
    data.free();
  }
  return { series, width, domain };
}

function summarise(ratios) {
  if (ratios.length === 0) return { ratio: null, low: null, high: null };
  const { low, high } = spread(ratios);
  return { ratio: jsonNumber(geometricMean(ratios)), low: jsonNumber(low), high: jsonNumber(high) };
}

const pairingLabel = ({ activation, init }) => `${activationName(activation)} + ${initName(init).replace(/ \(.*\)/, '')}`;

function verdict(results) {
  const measured = results.series.filter((entry) => entry.ratio !== null);
  const depths = [...new Set(measured.map((entry) => entry.depth))].sort((a, b) => a - b);
  const deep = depths.filter((depth) => depth >= 2).at(-1);
  if (deep === undefined) {
    return { verdict: VERDICTS.incomplete, sentence: 'Measure at least one depth of 2 or more hidden layers.' };
  }
  // The depth quoted: 10 if measured, else the deepest measured up to 16, else the deepest.
  const quoted = depths.includes(10) ? 10 : (depths.filter((depth) => depth <= 16 && depth >= 2).at(-1) ?? deep);
  const at = measured.filter((entry) => entry.depth === quoted);
  const figures = at.map((entry) => `${formatRatio(entry.ratio)} with ${pairingLabel(entry)}`).join(', ');
  const sentence = `At depth ${quoted} the first hidden layer gets ${figures} of the last layer’s gradient (geometric means over ${at[0]?.nets ?? 0} networks).`;
  const find = (activation, init) => at.find((entry) => entry.activation === activation && entry.init === init);
  const sigmoid = find('sigmoid', 'xavier-normal');
  const he = find('relu', 'he-normal');
  const xavier = find('relu', 'xavier-normal');
  if (!sigmoid || !he) {
    return { verdict: VERDICTS.incomplete, sentence: `${sentence} Include sigmoid + Xavier and ReLU + He to test the claim.` };
  }
  const vanishes = sigmoid.ratio < 0.1;
  const preserved = he.ratio > 1 / 5 && he.ratio < 5 && (!xavier || he.ratio > 10 * xavier.ratio);
  const between = !xavier || (xavier.ratio < he.ratio && xavier.ratio > sigmoid.ratio);
  if (vanishes && preserved && between) {
    return {
      verdict: VERDICTS.partly,
      sentence: `${sentence} Sigmoid’s gradient vanishes; ReLU keeps it only with He init${xavier ? ', with Xavier it still shrinks' : ''}: the claim is partly true.`,
    };
  }
  return { verdict: VERDICTS.notShown, sentence: `${sentence} This run does not show the pattern SCIENCE.md describes (sigmoid + Xavier below 1/10, ReLU + He within a factor of 5 of 1).` };
}
