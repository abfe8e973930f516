// The linear pieces of a one-input ReLU network, computed exactly from its weights (claim b):
// walk the interval layer by layer, splitting every piece where a unit's pre-activation (an
// affine function of x on that piece) crosses 0, so no piece is missed however short. Also the
// linear regions of a two-input network on a grid, from its pre-activations. Pure JS over the
// plain numbers of `network.params()` and `network.layout()`; float64 arithmetic.

/** Relative tolerance under which two slopes count as the same line. */
const SAME_SLOPE = 1e-9;

/**
 * @typedef {{ fanIn: number, fanOut: number, activation: string, weights: number, biases: number }} LayerLayout
 * @typedef {{ from: number, to: number, slope: number, intercept: number }} Piece
 */

/**
 * Split one interval by the units of one layer: returns the sub-intervals with each unit's
 * activation as an affine function (slope, intercept) of x on it.
 */
function splitByLayer(segment, layer, params) {
  const { fanIn, fanOut, weights, biases } = layer;
  const zSlope = new Float64Array(fanOut);
  const zIntercept = new Float64Array(fanOut);
  const cuts = [];
  for (let j = 0; j < fanOut; j += 1) {
    let p = 0;
    let q = params[biases + j];
    for (let k = 0; k < fanIn; k += 1) {
      const w = params[weights + j * fanIn + k];
      p += w * segment.slopes[k];
      q += w * segment.intercepts[k];
    }
    zSlope[j] = p;
    zIntercept[j] = q;
    if (p !== 0) {
      const root = -q / p;
      if (root > segment.from && root < segment.to) cuts.push(root);
    }
  }
  cuts.sort((a, b) => a - b);
  const edges = [segment.from, ...cuts, segment.to];
  const parts = [];
  for (let i = 0; i + 1 < edges.length; i += 1) {
    const from = edges[i];
    const to = edges[i + 1];
    if (!(to > from)) continue;
    const middle = (from + to) / 2;
    const slopes = new Float64Array(fanOut);
    const intercepts = new Float64Array(fanOut);
    for (let j = 0; j < fanOut; j += 1) {
      if (zSlope[j] * middle + zIntercept[j] > 0) {
        slopes[j] = zSlope[j];
        intercepts[j] = zIntercept[j];
      }
    }
    parts.push({ from, to, slopes, intercepts });
  }
  return parts;
}

/**
 * The linear pieces of a one-input network whose hidden layers are all ReLU, on [from, to].
 * Returns `{ pieces: Piece[], regions, breakpoints }`: `pieces` are the maximal intervals on
 * which the output is one line (adjacent activation regions with the same slope merged),
 * `regions` the number of intervals with one activation pattern, `breakpoints` the x where the
 * output's slope changes.
 * @param {readonly LayerLayout[]} layout
 * @param {ArrayLike<number>} params
 * @param {[number, number]} interval
 */
export function linearPieces(layout, params, [from, to]) {
  if (layout[0]?.fanIn !== 1) throw new Error('linearPieces: the network must have one input');
  const hidden = layout.slice(0, -1);
  for (const layer of hidden) {
    if (layer.activation !== 'relu') throw new Error(`linearPieces: every hidden layer must be ReLU (found ${layer.activation})`);
  }
  let segments = [{ from, to, slopes: Float64Array.of(1), intercepts: Float64Array.of(0) }];
  for (const layer of hidden) segments = segments.flatMap((segment) => splitByLayer(segment, layer, params));
  const output = layout.at(-1);
  /** @type {Piece[]} */
  const regions = segments.map((segment) => {
    let slope = 0;
    let intercept = params[output.biases];
    for (let k = 0; k < output.fanIn; k += 1) {
      const v = params[output.weights + k];
      slope += v * segment.slopes[k];
      intercept += v * segment.intercepts[k];
    }
    return { from: segment.from, to: segment.to, slope, intercept };
  });
  const pieces = [];
  for (const region of regions) {
    const last = pieces.at(-1);
    if (last && Math.abs(last.slope - region.slope) <= SAME_SLOPE * (1 + Math.abs(last.slope))) last.to = region.to;
    else pieces.push({ ...region });
  }
  return { pieces, regions: regions.length, breakpoints: pieces.slice(1).map((piece) => piece.from) };
}

/** float32's relative spacing (2^−23): the rounding of the sampled values. */
const FLOAT32_EPSILON = 2 ** -23;

/**
 * Count the slope changes of sampled values (x evenly spaced): a kink is where the slope of
 * one sample interval differs from the next by more than `tolerance` (relative) and more than
 * float32 rounding of the values can make it; adjacent kinks (one breakpoint inside an
 * interval bends two slopes) count once. Returns pieces = kinks + 1.
 * @param {ArrayLike<number>} ys
 * @param {number} step the spacing of the samples
 */
export function sampledPieces(ys, step, tolerance = 1e-3) {
  let largest = 0;
  for (let i = 0; i < ys.length; i += 1) largest = Math.max(largest, Math.abs(ys[i]));
  const noise = (16 * FLOAT32_EPSILON * largest) / step;
  let kinks = 0;
  let previousKink = -2;
  for (let i = 1; i + 1 < ys.length; i += 1) {
    const left = (ys[i] - ys[i - 1]) / step;
    const right = (ys[i + 1] - ys[i]) / step;
    if (Math.abs(right - left) > Math.max(noise, tolerance * (1 + Math.abs(left) + Math.abs(right)))) {
      if (i !== previousKink + 1) kinks += 1;
      previousKink = i;
    }
  }
  return kinks + 1;
}

/**
 * The activation regions of a network on a grid: `preActivations` holds every hidden unit's z
 * over the R × R grid points, unit after unit (the core's `gridPreActivations()` layout). Two
 * points share a region when every unit is on the same side of 0 at both. Returns
 * `{ region: number[] (per point, numbered in order of first appearance), count }`.
 * @param {ArrayLike<number>} preActivations
 * @param {number} units
 * @param {number} points
 */
export function activationRegions(preActivations, units, points) {
  const ids = new Map();
  const region = new Array(points);
  for (let p = 0; p < points; p += 1) {
    let key = '';
    let bits = 0;
    for (let j = 0; j < units; j += 1) {
      bits = bits * 2 + (preActivations[j * points + p] > 0 ? 1 : 0);
      if (j % 30 === 29 || j === units - 1) {
        key += `${bits.toString(36)}.`;
        bits = 0;
      }
    }
    let id = ids.get(key);
    if (id === undefined) {
      id = ids.size;
      ids.set(key, id);
    }
    region[p] = id;
  }
  return { region, count: ids.size };
}

/**
 * The parameters of a ReLU network of `depth` hidden layers of 2 units on one input that
 * computes the tent map t(u) = 2u on [0, ½], 2 − 2u on [½, 1] composed `depth` times, after
 * u = (x + 1)/2 maps [−1, 1] onto [0, 1]: 2^depth linear pieces from 2·depth units (Telgarsky
 * 2016's sawtooth). One hidden layer of n units has at most n + 1 pieces.
 * @param {readonly LayerLayout[]} layout of a network 1-[2 × depth]-1
 */
export function sawtoothParams(layout) {
  const size = layout.at(-1).biases + 1;
  const params = new Float64Array(size);
  layout.slice(0, -1).forEach((layer, index) => {
    if (index === 0) {
      // relu(u) and relu(u − ½) with u = (x + 1)/2.
      params[layer.weights] = 0.5;
      params[layer.weights + 1] = 0.5;
      params[layer.biases] = 0.5;
      params[layer.biases + 1] = 0;
    } else {
      // t = 2·a₁ − 4·a₂ of the layer below; relu(t) and relu(t − ½).
      params.set([2, -4, 2, -4], layer.weights);
      params[layer.biases] = 0;
      params[layer.biases + 1] = -0.5;
    }
  });
  const output = layout.at(-1);
  params[output.weights] = 2;
  params[output.weights + 1] = -4;
  params[output.biases] = 0;
  return Float32Array.from(params);
}
