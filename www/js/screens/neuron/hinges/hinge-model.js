// The shallow network of the Neuron screen: 1 input, one hidden layer of ReLU units, a linear
// output, mean squared error. Its output is a sum of hinges,
//   y(x) = c + Σ_j v_j · ReLU(w_j·x + b_j),
// each bending at x = −b_j / w_j. This is the one place in that part of the screen that calls
// the wasm core; views into wasm memory are taken, used and dropped inside one call.
//
// Requires `await init()` of ../../../../pkg/relu_lab.js before createHingeModel is called.
import { Dataset, Network, names } from '../../../../pkg/relu_lab.js';

/** Targets the core generates on [−1, 1]. */
export const GENERATED_TARGETS = Object.freeze(['abs', 'sin', 'step']);
/** Two hinge positions closer than this count as one bend. */
const SAME_HINGE = 1e-3;

/**
 * options: {
 *   units: hidden units, 1 to 16 (6),
 *   target: 'abs' | 'sin' | 'step' | 'points' ('sin'),
 *   points: [[x, y], …] the learner's points (used when target is 'points'),
 *   data: { n: 40, noise: 0, seed: 1 } for the generated targets,
 *   network: { seed: 1, init: 'he-normal' },
 *   train: { optimizer: 'adam', learningRate: 0.01 } (one batch of every point per step),
 *   resolution: points on the line for drawing (200)
 * }
 */
export function createHingeModel(options) {
  const domain = names().domains.line;
  const resolution = options.resolution ?? 200;
  const dataOptions = { n: 40, noise: 0, seed: 1, ...options.data };
  const networkOptions = { seed: 1, init: 'he-normal', ...options.network };
  const trainOptions = { optimizer: 'adam', learningRate: 0.01, ...options.train };
  let data = null;
  let network = null;
  let units = 0;
  let copy = { xs: new Float32Array(0), ys: new Float32Array(0) };
  // The grid's points are the centres of R equal cells of the domain, left to right.
  const xs = Float32Array.from(
    { length: resolution },
    (_, i) => domain[0] + ((domain[1] - domain[0]) * (2 * i + 1)) / (2 * resolution),
  );

  function setData(target, points) {
    const next =
      target === 'points'
        ? points.length
          ? Dataset.fromPoints(
              1,
              Float32Array.from(points, ([x]) => x),
              Float32Array.from(points, ([, y]) => y),
              0,
              dataOptions.seed,
            )
          : null
        : Dataset.generate({ ...dataOptions, name: target, testRatio: 0 });
    data?.free();
    data = next;
    copy = data
      ? { xs: data.points('train').slice(), ys: data.labels('train').slice() }
      : { xs: new Float32Array(0), ys: new Float32Array(0) };
  }

  function setUnits(count) {
    const next = new Network({
      ...networkOptions,
      inputs: 1,
      hidden: [count],
      activation: 'relu',
      loss: 'mse',
    });
    network?.free();
    network = next;
    units = count;
  }

  setData(options.target ?? 'sin', options.points ?? []);
  try {
    setUnits(options.units ?? 6);
  } catch (error) {
    data?.free();
    throw error;
  }

  return {
    domain,
    xs,
    get units() {
      return units;
    },
    /** True when there is at least one point to fit. */
    get hasData() {
      return data !== null;
    },
    /** The training points, copied: { xs, ys }. */
    points() {
      return copy;
    },
    setData,
    setUnits,

    /** Train `steps` full-batch steps. Returns { steps, diverged }. */
    advance(steps) {
      if (!data) return { steps: 0, diverged: network.diverged };
      const result = network.train(data, steps, {
        ...trainOptions,
        batchSize: copy.xs.length,
        record: false,
      });
      return { steps: result.steps, diverged: result.diverged };
    },

    /** Back to step 0 with the same seed. */
    reset() {
      network.reset();
    },

    /**
     * Everything the view shows, as plain copies: step, loss, the fit and each unit's part
     * over the grid, and per unit its weight, bias, output weight, hinge position and whether
     * it is dead on the whole domain (z ≤ 0 at every grid point).
     */
    measure() {
      network.evaluateGrid(resolution);
      // Plain objects and copies first: any call may grow wasm memory and detach a view.
      const gridStats = network.gridStats();
      const [hidden, output] = network.layout();
      const params = network.params().slice();
      const loss = data ? network.loss(data, 'train') : null;
      const fit = network.gridOutput().slice();
      const activations = network.gridActivations().slice();
      const parts = [];
      const unitList = [];
      for (let u = 0; u < units; u += 1) {
        const w = params[hidden.weights + u];
        const b = params[hidden.biases + u];
        const v = params[output.weights + u];
        const part = new Float32Array(resolution);
        for (let i = 0; i < resolution; i += 1) part[i] = v * activations[u * resolution + i];
        parts.push(part);
        const dead = gridStats.layers[0].units[u].dead;
        const hinge = w !== 0 ? -b / w : null;
        const inside = hinge !== null && hinge > domain[0] && hinge < domain[1];
        unitList.push({ index: u, w, b, v, hinge: inside && !dead ? hinge : null, rawHinge: hinge, dead });
      }
      // Linear pieces: one more than the distinct bends inside the domain of units alive there.
      const bends = unitList
        .map((unit) => unit.hinge)
        .filter((h) => h !== null)
        .sort((a, b) => a - b);
      let distinct = 0;
      for (let i = 0; i < bends.length; i += 1) {
        if (i === 0 || bends[i] - bends[i - 1] > SAME_HINGE) distinct += 1;
      }
      return {
        step: network.step,
        diverged: network.diverged,
        loss,
        fit,
        parts,
        units: unitList,
        outputBias: params[output.biases],
        pieces: distinct + 1,
        deadCount: unitList.filter((unit) => unit.dead).length,
      };
    },

    free() {
      network?.free();
      data?.free();
      network = null;
      data = null;
    },
  };
}
