// One training run of the network screen: the only module of the screen that calls the wasm
// core. It owns a Dataset and a Network built from a screen state, trains them, and reads
// what the screen shows. Views into wasm memory are taken last, checked, and handed to the
// caller for immediate use: any later call into wasm may grow memory and detach them.
//
// The state's schedule of activation switches is the run's too: training stops at each
// switch's step, switches every hidden layer in place (same weights), tells `onSwitch`, and goes
// on, so the same run happens whatever the frames' step counts. A reset replays it from step 0.
//
// Requires `await init()` of ../../../pkg/relu_lab.js before createRun is called.
import { Dataset, Network } from '../../../pkg/relu_lab.js';
import { activationAt, datasetOptions, networkConfig } from './state.js';

/**
 * What a run tells the screen after a switch of activation in place: the step it trains from,
 * the activations before and after, the units that were dead (ReLU) or inactive (others) on
 * the training set just before, the core's unit events up to then, and each layer's activation
 * before.
 * @typedef {{ step: number, from: string, to: string, dead: number, inactive: number, unitCount: number,
 *   events: { step: number, layer: number, unit: number, died: boolean }[], activations: string[] }} ActivationChange
 */

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
 * The run's reading methods, in wasm memory's order (evaluate the grid, then measure and
 * view it): `currentNetwork()` is the run's network now (a reset may replace it), `data` its
 * Dataset (null without a point) and `testSet` the copy of its test split.
 */
function readers(currentNetwork, data, testSet) {
  let resolution = 0;
  return {
    /** Evaluate the R×R grid (for `views` and, without data, `stats`). */
    grid(R) {
      resolution = R;
      currentNetwork().evaluateGrid(R);
    },

    /**
     * Measure, after `grid`: `train` (stats on the training set with gradient norms; without
     * data, the statistics over the grid) and `test` (score: loss and accuracy only, or null
     * when there is no test point). Plain objects, safe to keep.
     */
    stats() {
      let train;
      if (data) {
        train = currentNetwork().stats(data, 'train');
      } else {
        train = currentNetwork().gridStats();
        train.noData = true;
      }
      const test = testSet.labels.length > 0 ? currentNetwork().score(data, 'test') : null;
      return { train, test };
    },

    /** `grid(R)`, then `stats()`. */
    measure(R) {
      this.grid(R);
      return this.stats();
    },

    /** Units that died or came back (the last 256), oldest first. */
    events() {
      return currentNetwork().events();
    },

    /**
     * Copy the history columns (7 numbers a record) into `target` (a Float32Array of at least
     * 7 × 512); returns the number of records.
     */
    copyHistory(target) {
      const columns = currentNetwork().historyColumns();
      const length = Math.min(columns.length, target.length);
      target.set(columns.subarray(0, length));
      return Math.floor(length / 7);
    },

    /** One example's forward and backward pass (a plain object). */
    inspect(point) {
      return currentNetwork().inspect([point.x1, point.x2], point.label);
    },

    /**
     * Fresh views of the last grid (after `grid`): output pixels, every hidden unit's pixels
     * (null when `units` is false: they are not even coloured then), and the parameters. Use
     * them at once; the next wasm call may detach them.
     */
    views(units = true) {
      for (let attempt = 0; attempt < 3; attempt += 1) {
        const outputPixels = currentNetwork().gridOutputPixels();
        const unitPixels = units ? currentNetwork().gridUnitPixels() : null;
        const params = currentNetwork().params();
        if (!detached(outputPixels) && !(unitPixels && detached(unitPixels)) && !detached(params)) {
          return { outputPixels, unitPixels, params, resolution };
        }
      }
      throw new Error('wasm memory kept growing while reading the grid');
    },
  };
}

/**
 * A run of the network described by `state` (data and network settings; training settings
 * are passed to `train`). Throws the core's Error for a bad setting.
 */
export function createRun(state) {
  const data = buildDataset(state);
  const config = networkConfig(state);
  let network;
  try {
    network = new Network(config);
  } catch (error) {
    data?.free();
    throw error;
  }
  let layout = network.layout();
  let normalised = network.config;
  const hidden = normalised.hidden;
  const unitCount = hidden.reduce((sum, width) => sum + width, 0);
  const trainSet = copySplit(data, 'train');
  const testSet = copySplit(data, 'test');
  /** The switches to make, in step order; `applied` of them are made. */
  let schedule = (state.schedule ?? []).map((entry) => ({ ...entry }));
  let applied = 0;
  /** network.switches() as of the last switch (read once then, not every frame). */
  /** @type {{ step: number, layer: number | null, activation: string }[]} */
  let switchList = [];

  /**
   * Switch every hidden layer to `activation` now, keeping the weights, and tell onSwitch what
   * the run was like just before (an ActivationChange).
   * @param {string} activation
   */
  function switchNow(activation) {
    const activations = layout.map((layer) => layer.activation);
    const before = data ? network.stats(data, 'train') : null;
    const events = network.events();
    network.setActivation('all', /** @type {import('../../../pkg/relu_lab.js').ActivationName} */ (activation));
    layout = network.layout();
    normalised = network.config;
    switchList = network.switches();
    run.onSwitch?.({
      step: network.step,
      from: activations[0] ?? state.network.activation,
      to: activation,
      dead: before ? before.deadUnits : 0,
      inactive: before ? before.neverActiveUnits : 0,
      unitCount,
      events,
      activations,
    });
  }

  /** Make the scheduled switches that are due: those at or before the step training goes from. */
  function switchDue() {
    while (applied < schedule.length && schedule[applied].step <= network.step) {
      const { activation } = schedule[applied];
      applied += 1;
      if (layout.slice(0, -1).some((layer) => layer.activation !== activation)) switchNow(activation);
    }
  }

  const run = {
    ...readers(() => network, data, testSet),
    /** The learner's data: copies, safe to keep. */
    trainSet,
    testSet,
    /** Whether there is a training point at all (a custom set may be empty). */
    hasData: trainSet.labels.length > 0,
    /** network.layout(), read again only after a switch of activation. */
    get layout() {
      return layout;
    },
    /** Hidden widths and their total. */
    hidden,
    unitCount,
    /** The normalised config (activation names per layer, etc.), as of the last switch. */
    get config() {
      return normalised;
    },
    /**
     * Called (inside `train` or `switchActivation`) after each switch of activation, with what
     * the run was like just before it. Set by the screen.
     * @type {((change: ActivationChange) => void) | null}
     */
    onSwitch: null,
    /** Called after a reset that went back to the activation of step 0. Set by the screen. */
    /** @type {(() => void) | null} */
    onReset: null,

    get step() {
      return network.step;
    },
    get diverged() {
      return network.diverged;
    },

    /**
     * Train `steps` steps with `options`, making the scheduled switches on the way; returns
     * the core's report ({ steps, batchLoss, diverged, … }) with `steps` summed over the parts.
     */
    train(steps, options) {
      if (!data || steps <= 0) return { steps: 0, batchLoss: NaN, diverged: network.diverged };
      let done = 0;
      let report = null;
      while (done < steps) {
        switchDue();
        const next = applied < schedule.length ? schedule[applied].step - network.step : Infinity;
        const part = Math.min(steps - done, next);
        report = network.train(data, part, options);
        done += report.steps;
        if (report.diverged || report.steps < part) break;
      }
      return { ...report, steps: done };
    },

    /**
     * Back to step 0 with the same seed and the activation of step 0. After a switch the
     * network is built again from the state's config (the core's reset would start the new
     * activation, whose initial weights differ); the schedule will be replayed.
     */
    reset() {
      const switched = switchList.length > 0 || layout[0]?.activation !== config.activation;
      if (switched) {
        const fresh = new Network(config);
        network.free();
        network = fresh;
        layout = network.layout();
        normalised = network.config;
      } else {
        network.reset();
      }
      applied = 0;
      switchList = [];
      if (switched) run.onReset?.();
    },

    /**
     * The switches made so far since step 0 ({ step, layer, activation }, `layer` null for
     * every hidden layer), oldest first: network.switches() as read after the last one.
     */
    switches() {
      return switchList;
    },

    /** The activation of every hidden layer now ('' without hidden layers). */
    get activation() {
      return hidden.length ? layout[0].activation : '';
    },

    /**
     * The learner switches every hidden layer to `activation` now and goes on from the same
     * weights and biases (PReLU slopes start at their usual value): the switches scheduled
     * after this step are dropped and this one is added (state.js scheduleWithSwitch makes the
     * same schedule for the screen's state). Returns false, changing nothing, at step 0 or
     * without hidden layers (a new network is the way there).
     * @param {string} activation
     */
    switchActivation(activation) {
      const step = network.step;
      if (step === 0 || hidden.length === 0) return false;
      schedule = [...schedule.slice(0, applied).filter((entry) => entry.step < step), { step, activation }];
      applied = schedule.length - 1;
      switchDue();
      return true;
    },

    /** The activation the schedule trains with from step `step` on (0: the one of step 0). */
    activationAt(step) {
      return activationAt({ network: { activation: config.activation }, schedule }, step);
    },

    /** Release the wasm memory; the run is unusable afterwards. */
    free() {
      network.free();
      data?.free();
    },
  };
  return run;
}
