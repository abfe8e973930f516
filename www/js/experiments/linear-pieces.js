// Claim b: a ReLU network computes a piecewise-linear function. On one input, count its linear
// pieces exactly from the weights (pieces.js) for freshly initialised networks across width and
// depth; show one network's function with its breakpoints, one hidden layer as a sum of hinges,
// the sawtooth that depth makes possible, and a two-input network's linear regions on the plane.
import { createProgress, free, SEED_PARAM, VERDICTS } from './common.js';
import { DOMAIN_PARAM, evaluateOnDomain } from './data.js';
import { activationRegions, linearPieces, sampledPieces, sawtoothParams } from './pieces.js';
import { deriveSeed } from './random.js';
import { mean, median, spread } from './summary.js';
import { formatInteger, formatNumber } from '../text/format.js';

/** Points of the dense sampling that checks the example network's exact count. */
export const CHECK_SAMPLES = 4001;

export const linearPiecesExperiment = Object.freeze({
  id: 'linear-pieces',
  claim: 'b',
  title: 'Linear pieces: a ReLU network is piecewise linear, and depth composes its hinges',
  question:
    'How many linear pieces does a freshly initialised ReLU network on one input have, counted exactly from its weights, as it gets wider and deeper? What does one hidden layer add up to, and what do its linear regions look like on the plane?',
  sources: Object.freeze([
    { paper: 'telgarsky2016', finding: 'The sawtooth: 2^L pieces from L layers of 2 units.' },
    { paper: 'montufar2014', finding: 'Deep ReLU networks can have many more linear regions than shallow ones with the same number of units.' },
    { note: 'A ReLU network computes a piecewise-linear function: with one hidden layer on one input, a sum of hinges; deeper layers compose the hinges.' },
  ]),
  params: Object.freeze([
    { id: 'widths', label: 'Widths (units per hidden layer)', kind: 'integers', default: [2, 4, 8], quick: [2, 8], min: 1, max: 64, maxItems: 6 },
    { id: 'depths', label: 'Depths (hidden layers)', kind: 'integers', default: [1, 2, 3, 4, 6, 8], quick: [1, 2, 4], min: 1, max: 16, maxItems: 10 },
    { id: 'nets', label: 'Networks per cell', kind: 'integer', default: 40, quick: 10, min: 1, max: 1000 },
    { id: 'biasInit', label: 'Bias init', kind: 'number', default: 0.1, min: -10, max: 10, help: 'With zero biases a ReLU network is positively homogeneous, f(cx) = c·f(x) for c > 0: on one input it has at most 2 pieces.' },
    { id: 'layers', label: 'Example network’s hidden layers', kind: 'integers', default: [6, 6, 6], min: 1, max: 16, maxItems: 6, repeats: true },
    { id: 'units', label: 'Units of the one-layer (hinge) example', kind: 'integer', default: 5, min: 1, max: 6 },
    { id: 'resolution', label: 'Grid points per side (the plane)', kind: 'integer', default: 128, quick: 96, min: 16, max: 256 },
    SEED_PARAM,
    DOMAIN_PARAM,
  ]),
  setup(params) {
    const d = params.domain;
    return `1 input on [−${d}, ${d}] (2 inputs on [−${d}, ${d}]² for the plane), ReLU, He normal weights, bias ${formatNumber(params.biasInit)}; ${formatInteger(params.nets)} fresh networks per cell, seeds from base seed ${params.seed}; pieces counted exactly from the weights; no training.`;
  },
  run,
  verdict,
});

/** Evaluate the pieces at their ends: the exact polyline of the function. */
const polyline = (pieces) => [...pieces.map((p) => ({ x: p.from, y: p.slope * p.from + p.intercept })), { x: pieces.at(-1).to, y: pieces.at(-1).slope * pieces.at(-1).to + pieces.at(-1).intercept }];

/** A one-input ReLU network (the caller frees it). */
const lineNetwork = (core, hidden, biasInit, seed) => new core.Network({ inputs: 1, hidden, activation: 'relu', init: 'he-normal', biasInit, seed });

function exampleFunction(core, params, interval) {
  const seed = deriveSeed(params.seed, 'linear-pieces', 'example');
  const network = lineNetwork(core, params.layers, params.biasInit, seed);
  try {
    const { pieces, regions, breakpoints } = linearPieces(network.layout(), network.params(), interval);
    const step = (interval[1] - interval[0]) / (CHECK_SAMPLES - 1);
    const xs = Float32Array.from({ length: CHECK_SAMPLES }, (_, i) => interval[0] + i * step);
    const sampled = sampledPieces(Array.from(network.predict(xs)), step);
    // The core's own output at the middle of every piece, against the piece's line.
    const middles = Float32Array.from(pieces, (p) => (p.from + p.to) / 2);
    const outputs = network.predict(middles);
    let midpointError = 0;
    pieces.forEach((p, i) => {
      midpointError = Math.max(midpointError, Math.abs(outputs[i] - (p.slope * middles[i] + p.intercept)));
    });
    return { layers: [...params.layers], seed, pieces: pieces.length, regions, breakpoints, curve: polyline(pieces), sampledPieces: sampled, samples: CHECK_SAMPLES, midpointError };
  } finally {
    network.free();
  }
}

function hingeExample(core, params, interval) {
  const seed = deriveSeed(params.seed, 'linear-pieces', 'hinges');
  const network = lineNetwork(core, [params.units], params.biasInit, seed);
  try {
    const layout = network.layout();
    const values = network.params();
    const [hidden, output] = layout;
    const hinges = [];
    const xs = new Set(interval);
    for (let j = 0; j < params.units; j += 1) {
      const w = values[hidden.weights + j];
      const b = values[hidden.biases + j];
      const v = values[output.weights + j];
      const position = w !== 0 ? -b / w : null;
      if (position !== null && position > interval[0] && position < interval[1]) xs.add(position);
      hinges.push({ w, b, v, position });
    }
    const sorted = [...xs].sort((a, c) => a - c);
    const parts = hinges.map(({ w, b, v }) => sorted.map((x) => ({ x, y: v * Math.max(0, w * x + b) })));
    const bias = values[output.biases];
    const sum = sorted.map((x, i) => ({ x, y: bias + parts.reduce((total, part) => total + part[i].y, 0) }));
    const { pieces } = linearPieces(layout, values, interval);
    return { units: params.units, seed, hinges, parts, sum, outputBias: bias, pieces: pieces.length };
  } finally {
    network.free();
  }
}

function planeRegions(core, params) {
  const seed = deriveSeed(params.seed, 'linear-pieces', 'plane');
  const network = new core.Network({ inputs: 2, hidden: params.layers, activation: 'relu', init: 'he-normal', biasInit: params.biasInit, seed });
  try {
    evaluateOnDomain(network, params.domain);
    const r = params.resolution;
    network.evaluateGrid(r);
    const units = params.layers.reduce((sum, width) => sum + width, 0);
    const { region, count } = activationRegions(network.gridPreActivations(), units, r * r);
    return { layers: [...params.layers], seed, resolution: r, region, count };
  } finally {
    network.free();
  }
}

function run(core, params, onProgress) {
  const { widths, depths, nets, biasInit, seed, domain } = params;
  const interval = /** @type {[number, number]} */ ([-domain, domain]);
  let total = 3;
  for (const width of widths) for (const depth of depths) total += nets * depth * width;
  const progress = createProgress(total, onProgress);
  const cells = [];
  const counts = new Map();
  /** @type {any} */
  const extra = { sawtooth: [], example: null, hinges: null, plane: null };
  const partial = () => ({ cells: cells.map((cell) => ({ ...cell })), ...extra, domain });
  for (const depth of depths) {
    for (const width of widths) {
      const cell = { width, depth, nets: 0, pieces: null, mean: null, low: null, high: null, regions: null };
      cells.push(cell);
      const pieces = [];
      const regions = [];
      counts.set(cell, pieces);
      for (let index = 0; index < nets; index += 1) {
        let network = null;
        try {
          network = lineNetwork(core, Array(depth).fill(width), biasInit, deriveSeed(seed, 'linear-pieces', width, depth, index));
          const counted = linearPieces(network.layout(), network.params(), interval);
          pieces.push(counted.pieces.length);
          regions.push(counted.regions);
        } finally {
          free(network);
        }
        Object.assign(cell, { nets: pieces.length, pieces: median(pieces), mean: mean(pieces), ...spread(pieces), regions: median(regions) });
        progress.report(depth * width, partial);
      }
    }
  }
  for (const depth of depths) {
    const network = lineNetwork(core, Array(depth).fill(2), 0, 1);
    try {
      network.setParams(sawtoothParams(network.layout()));
      extra.sawtooth.push({ depth, units: 2 * depth, pieces: linearPieces(network.layout(), network.params(), [-1, 1]).pieces.length });
    } finally {
      network.free();
    }
  }
  extra.example = exampleFunction(core, params, interval);
  progress.report(1, partial);
  extra.hinges = hingeExample(core, params, interval);
  progress.report(1, partial);
  extra.plane = planeRegions(core, params);
  progress.report(1, partial);
  return partial();
}

/** @param {any} results */
function verdict(results) {
  const cells = results.cells.filter((cell) => cell.nets > 0);
  const widths = [...new Set(cells.map((cell) => cell.width))].sort((a, b) => a - b);
  const depths = [...new Set(cells.map((cell) => cell.depth))].sort((a, b) => a - b);
  if (depths.length < 2 || !results.example) {
    return { verdict: VERDICTS.incomplete, sentence: 'Measure at least two depths to see how the count changes.' };
  }
  const at = (width, depth) => cells.find((cell) => cell.width === width && cell.depth === depth);
  const shallow = depths[0];
  const deep = depths.at(-1);
  const growth = widths.map((width) => ({ width, from: at(width, shallow), to: at(width, deep) })).filter((g) => g.from && g.to);
  const grows = growth.length > 0 && growth.every((g) => g.to.pieces > g.from.pieces);
  const d = results.domain;
  const figures = growth.map((g) => `${formatNumber(g.from.pieces)} → ${formatNumber(g.to.pieces)} with ${g.width} units per layer`).join(', ');
  const saw = results.sawtooth.at(-1);
  const sawOk = saw && saw.pieces === 2 ** saw.depth;
  const { example, hinges, plane } = results;
  const parts = [
    `Median linear pieces on [−${d}, ${d}], counted exactly from the weights, from ${shallow} to ${deep} hidden layer${deep === 1 ? '' : 's'}: ${figures} (${formatInteger(growth[0]?.to.nets ?? 0)} networks per cell).`,
    hinges ? `One hidden layer of ${hinges.units} units is a sum of ${hinges.units} hinges: ${hinges.pieces} pieces, at most units + 1.` : '',
    saw ? `Composed, 2 units per layer can do far more: the sawtooth with ${saw.depth} layers (${saw.units} units) has ${formatInteger(saw.pieces)} pieces.` : '',
    `The example network 1-[${example.layers.join(', ')}]-1 has ${example.pieces} pieces; dense sampling of the core’s output at ${formatInteger(example.samples)} points finds ${example.sampledPieces}${example.sampledPieces === example.pieces ? ' (they agree)' : ' (sampling misses breakpoints closer together than its spacing, or bending less than float32 rounding shows)'}, and at the middle of every piece the output is on the piece’s line to within ${formatNumber(example.midpointError, 2)}.`,
    plane ? `On the plane, the same layers show ${formatInteger(plane.count)} regions with one activation pattern each (the network is linear on each) on a ${plane.resolution} × ${plane.resolution} grid.` : '',
  ].filter(Boolean);
  const sentence = parts.join(' ');
  return grows && sawOk
    ? { verdict: VERDICTS.true, sentence: `${sentence} The network is piecewise linear and depth composes hinges: the claim is true.` }
    : { verdict: VERDICTS.notShown, sentence: `${sentence} In this run the count does not grow with depth for every width.` };
}
