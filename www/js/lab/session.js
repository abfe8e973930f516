// A training session: the one place on the training screen that calls the wasm core.
// It owns a Dataset and a Network, trains, measures, and paints the decision map. Views into
// wasm memory are taken, used and dropped inside one call: memory may grow on any later call,
// which detaches old views.
//
// Requires `await init()` of ../pkg/relu_lab.js before createTrainingSession is called.
import { Dataset, Network } from '../../pkg/relu_lab.js';

/**
 * An RGBA view as a Uint8ClampedArray over the same bytes (no copy). `gridOutputPixels` is
 * documented as a Uint8ClampedArray but arrives as a Uint8Array, which `new ImageData` rejects.
 */
function clampedView(view) {
  if (view instanceof Uint8ClampedArray) return view;
  return new Uint8ClampedArray(view.buffer, view.byteOffset, view.byteLength);
}

/**
 * options: {
 *   data:    Dataset.generate options, e.g. { name, n, noise, testRatio, seed },
 *   network: Network config, e.g. { inputs, hidden, activation, init, seed },
 *   train:   Network.train options, e.g. { optimizer, learningRate, batchSize },
 *   resolution: side of the decision-map grid (100)
 * }
 * Throws the core's Error (with a clear message) for a bad option.
 */
export function createTrainingSession(options) {
  const resolution = options.resolution ?? 100;
  const data = Dataset.generate(options.data);
  let network;
  try {
    network = new Network(options.network);
  } catch (error) {
    data.free();
    throw error;
  }
  // The points never change: copy them once (small), so drawing needs no wasm views.
  const split = (name) => ({
    points: data.points(name).slice(),
    labels: data.labels(name).slice(),
  });
  const train = split('train');
  const test = split('test');
  const trainOptions = { ...options.train };
  const batchSize = trainOptions.batchSize ?? 10;

  return {
    train,
    test,
    resolution,
    config: network.config,
    /** Steps that make one pass over the training set (one epoch). */
    stepsPerEpoch: Math.ceil(train.labels.length / batchSize),

    /** Train `steps` mini-batch steps. Returns { steps, batchLoss, diverged }. */
    advance(steps) {
      return network.train(data, steps, trainOptions);
    },

    /** Back to step 0 with the same seed. */
    reset() {
      network.reset();
    },

    /**
     * A plain snapshot of what the screen shows: step, divergence, test accuracy and loss,
     * train loss, and dead units and sparsity per hidden layer on the training set.
     */
    measure() {
      const onTrain = network.stats(data, 'train');
      const onTest = network.stats(data, 'test');
      const layers = onTrain.layers.map((layer) => ({
        units: layer.units.length,
        dead: layer.dead,
        sparsity: layer.sparsity,
        deadUnits: layer.units.map((unit) => unit.dead),
      }));
      return {
        step: network.step,
        diverged: network.diverged,
        trainLoss: onTrain.loss,
        trainAccuracy: onTrain.accuracy,
        testLoss: onTest.loss,
        testAccuracy: onTest.accuracy,
        deadUnits: onTrain.deadUnits,
        totalUnits: layers.reduce((sum, layer) => sum + layer.units, 0),
        layers,
      };
    },

    /**
     * Evaluate the network over the grid and put its colours into `context`, the 2-D context
     * of an R×R canvas (R = resolution). The pixel view lives only inside this call.
     */
    paintMap(context) {
      network.evaluateGrid(resolution);
      const pixels = clampedView(network.gridOutputPixels());
      context.putImageData(new ImageData(pixels, resolution, resolution), 0, 0);
    },

    /** Release the wasm memory. The session is unusable afterwards. */
    free() {
      network.free();
      data.free();
    },
  };
}
