// One training run of the network screen: the only module of the screen that calls the wasm
// core. It owns a Dataset and a Network built from a screen state, trains them, and reads
// what the screen shows. Views into wasm memory are taken last, checked, and handed to the
// caller for immediate use: any later call into wasm may grow memory and detach them.
//
// Requires `await init()` of ../../../pkg/relu_lab.js before createRun is called.
import { Dataset, Network } from '../../../pkg/relu_lab.js';
import { datasetOptions, networkConfig } from './state.js';

/** A typed-array view whose memory was detached by a wasm memory growth. */
const detached = (view) => view.buffer.byteLength === 0;

/**
 * Build the data set of `state`: the generated set, plus the learner's points when there are
 * some (then all points are split again, with the data seed); null when there is no point.
 */
function buildDataset(state) {
  const options = datasetOptions(state);
  const own = state.data.points;
  if (own.length === 0) return options ? Dataset.generate(options) : null;
  const points = [];
  const labels = [];
  if (options) {
    const generated = Dataset.generate(options);
    try {
      for (const split of /** @type {const} */ (['train', 'test'])) {
        points.push(...generated.points(split));
        labels.push(...generated.labels(split));
      }
    } finally {
      generated.free();
    }
  }
  for (const [x1, x2, label] of own) {
    points.push(x1, x2);
    labels.push(label);
  }
  return Dataset.fromPoints(2, points, labels, state.data.testRatio, state.data.seed);
}

/** Copy a split's points and labels (small; they never change during a run). */
function copySplit(data, split) {
  if (!data) return { points: new Float32Array(0), labels: new Float32Array(0) };
  return { points: data.points(split).slice(), labels: data.labels(split).slice() };
}

/**
 * A run of the network described by `state` (data and network settings; training settings
 * are passed to `train`). Throws the core's Error for a bad setting.
 */
export function createRun(state) {
  const data = buildDataset(state);
  let network;
  try {
    network = new Network(networkConfig(state));
  } catch (error) {
    data?.free();
    throw error;
  }
  const layout = network.layout();
  const hidden = network.config.hidden;
  const unitCount = hidden.reduce((sum, width) => sum + width, 0);
  const trainSet = copySplit(data, 'train');
  const testSet = copySplit(data, 'test');
  let resolution = 0;

  return {
    /** The learner's data: copies, safe to keep. */
    trainSet,
    testSet,
    /** Whether there is a training point at all (a custom set may be empty). */
    hasData: trainSet.labels.length > 0,
    /** network.layout(), read once. */
    layout,
    /** Hidden widths and their total. */
    hidden,
    unitCount,
    /** The normalised config (activation names per layer, etc.). */
    config: network.config,

    get step() {
      return network.step;
    },
    get diverged() {
      return network.diverged;
    },

    /** Train `steps` steps with `options`; returns { steps, batchLoss, diverged }. */
    train(steps, options) {
      if (!data || steps <= 0) return { steps: 0, batchLoss: NaN, diverged: network.diverged };
      return network.train(data, steps, options);
    },

    /** Back to step 0 with the same seed. */
    reset() {
      network.reset();
    },

    /**
     * Switch every hidden layer to `activation` and go on from the same weights and biases
     * (PReLU slopes start at their usual value): the revival lesson, ReLU → leaky ReLU on a
     * network whose units died. Returns whether the run switched; false means the caller must
     * build a new network instead (step 0), as it did before this existed.
     *
     * TODO(core): the bindings do not have this call yet. It needs
     *   network.setActivation(layer: number | 'all', name: string, options?: { slope, eluAlpha,
     *   reluAtZero, preluSlope }) → void
     * keeping params() except the PReLU slopes (added or dropped, so layout() changes), keeping
     * step, history and events (an event "switched to leaky ReLU at step N" would mark the chart),
     * and the optimiser state for weights and biases. Until then this falls back (returns false).
     * @param {string} activation
     */
    switchActivation(activation) {
      const core = /** @type {{ setActivation?: (layer: number | 'all', name: string) => void }} */ (
        /** @type {unknown} */ (network)
      );
      if (typeof core.setActivation !== 'function') return false;
      core.setActivation('all', activation);
      this.layout = network.layout();
      this.config = network.config;
      return true;
    },

    /** Evaluate the R×R grid (for `views` and, without data, `stats`). */
    grid(R) {
      resolution = R;
      network.evaluateGrid(R);
    },

    /**
     * Measure, after `grid`: `train` (stats on the training set with gradient norms; without
     * data, the statistics over the grid) and `test` (score: loss and accuracy only, or null
     * when there is no test point). Plain objects, safe to keep.
     */
    stats() {
      let train;
      if (data) {
        train = network.stats(data, 'train');
      } else {
        train = network.gridStats();
        train.noData = true;
      }
      const test = testSet.labels.length > 0 ? network.score(data, 'test') : null;
      return { train, test };
    },

    /** `grid(R)`, then `stats()`. */
    measure(R) {
      this.grid(R);
      return this.stats();
    },

    /** Units that died or came back (the last 256), oldest first. */
    events() {
      return network.events();
    },

    /**
     * Copy the history columns (7 numbers a record) into `target` (a Float32Array of at least
     * 7 × 512); returns the number of records.
     */
    copyHistory(target) {
      const columns = network.historyColumns();
      const length = Math.min(columns.length, target.length);
      target.set(columns.subarray(0, length));
      return Math.floor(length / 7);
    },

    /** One example's forward and backward pass (a plain object). */
    inspect(point) {
      return network.inspect([point.x1, point.x2], point.label);
    },

    /**
     * Fresh views of the last grid (after `grid`): output pixels, every hidden unit's pixels
     * (null when `units` is false: they are not even coloured then), and the parameters. Use
     * them at once; the next wasm call may detach them.
     */
    views(units = true) {
      for (let attempt = 0; attempt < 3; attempt += 1) {
        const outputPixels = network.gridOutputPixels();
        const unitPixels = units ? network.gridUnitPixels() : null;
        const params = network.params();
        if (!detached(outputPixels) && !(unitPixels && detached(unitPixels)) && !detached(params)) {
          return { outputPixels, unitPixels, params, resolution };
        }
      }
      throw new Error('wasm memory kept growing while reading the grid');
    },

    /** Release the wasm memory; the run is unusable afterwards. */
    free() {
      network.free();
      data?.free();
    },
  };
}
