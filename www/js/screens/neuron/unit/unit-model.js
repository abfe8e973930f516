// The single ReLU unit of the Neuron screen: the one place in that part of the screen that
// calls the wasm core. The model is a network with 2 inputs, one hidden ReLU unit and a logit
// output, trained with binary cross-entropy:
//   z = w1·x1 + w2·x2 + b,  a = ReLU(z),  s = v·a + c,  p = σ(s)
// The read-out v, c is held fixed (v = 1, c = −2 by default: the unit must fire, a > 2, to
// call a point class 1), so the learner moves, and gradient steps change, only w1, w2 and b.
// Views into wasm memory are taken, used and dropped inside one call.
//
// Requires `await init()` of ../../../../pkg/relu_lab.js before createUnitModel is called.
import { Dataset, Network, activationValue } from '../../../../pkg/relu_lab.js';

/**
 * options: {
 *   data: Dataset.generate options for a 2-D set ({ name: 'gaussians', n: 40, noise: 0.1, seed: 1 };
 *         every point is a training point),
 *   readout: { weight: 1, bias: -2 } the fixed output weight v and bias c,
 *   seed: network seed (only fixes the starting values, which are replaced at once),
 *   w1, w2, b: the starting weights and bias
 * }
 */
export function createUnitModel(options) {
  const data = Dataset.generate({
    name: 'gaussians',
    n: 40,
    noise: 0.1,
    seed: 1,
    ...options.data,
    testRatio: 0,
  });
  let network;
  try {
    network = new Network({
      inputs: 2,
      hidden: [1],
      activation: 'relu',
      loss: 'bce',
      seed: options.seed ?? 1,
    });
  } catch (error) {
    data.free();
    throw error;
  }
  const [hidden, output] = network.layout();
  const at = {
    w1: hidden.weights,
    w2: hidden.weights + 1,
    b: hidden.biases,
    v: output.weights,
    c: output.biases,
  };
  const readout = { weight: 1, bias: -2, ...options.readout };
  // The points never change: copy them once (small), so drawing needs no wasm views.
  const train = { points: data.points('train').slice(), labels: data.labels('train').slice() };
  const count = train.labels.length;

  function set({ w1, w2, b }) {
    const values = network.params().slice();
    values[at.w1] = w1;
    values[at.w2] = w2;
    values[at.b] = b;
    values[at.v] = readout.weight;
    values[at.c] = readout.bias;
    network.setParams(values);
  }

  function get() {
    const values = network.params();
    return { w1: values[at.w1], w2: values[at.w2], b: values[at.b] };
  }

  /** The core's forward and backward pass on training point `index`. */
  function inspectPoint(index) {
    const x1 = train.points[2 * index];
    const x2 = train.points[2 * index + 1];
    const label = train.labels[index];
    const trace = network.inspect(Float32Array.from([x1, x2]), label);
    const unit = trace.layers[0];
    const gradZ = unit.gradZ[0];
    return {
      index,
      x1,
      x2,
      label,
      z: unit.z[0],
      a: unit.a[0],
      gate: unit.gate[0],
      logit: trace.output,
      probability: activationValue('sigmoid', trace.output, {}),
      loss: trace.loss,
      gradZ,
      // z = w1·x1 + w2·x2 + b, so the chain rule gives these from the core's dL/dz.
      gradW1: gradZ * x1,
      gradW2: gradZ * x2,
      gradB: gradZ,
    };
  }

  set({ w1: options.w1 ?? 1, w2: options.w2 ?? -0.5, b: options.b ?? 0 });

  return {
    train,
    count,
    readout,
    set,
    get,
    inspectPoint,

    /**
     * The whole training set: the core's mean loss, accuracy, dead flag and active share, and
     * the core's gradient of the mean loss with respect to w1, w2 and b.
     */
    whole() {
      const stats = network.stats(data, 'train');
      const layer = stats.layers[0];
      const unit = layer.units[0];
      const gradient = network.gradient(data, 'train');
      const { weights, biases } = network.layout()[0];
      return {
        loss: stats.loss,
        accuracy: stats.accuracy,
        dead: unit.dead,
        activeCount: Math.round(unit.activeShare * count),
        gradW1: gradient[weights],
        gradW2: gradient[weights + 1],
        gradB: gradient[biases],
        coreGradWNorm: layer.gradWNorm,
      };
    },

    /**
     * Paint the unit's output a over an R×R grid of the plane into `context` (an R×R canvas)
     * and return { deadOnPlane, largest }: whether z ≤ 0 at every grid point, and the largest
     * a on the grid (the darkest colour of the heatmap).
     */
    paintPlane(context, resolution) {
      network.evaluateGrid(resolution);
      const deadOnPlane = network.gridStats().layers[0].units[0].dead;
      let largest = 0;
      const activations = network.gridActivations();
      for (let i = 0; i < activations.length; i += 1) {
        if (activations[i] > largest) largest = activations[i];
      }
      // A fresh view of wasm memory (already a Uint8ClampedArray), used at once.
      context.putImageData(new ImageData(network.gridUnitPixels(), resolution, resolution), 0, 0);
      return { deadOnPlane, largest };
    },

    /**
     * One step of plain gradient descent on the mean loss over the whole training set, taken
     * by the core (SGD with one batch of every point), with the read-out held fixed.
     * Returns { before, after } weights.
     */
    step(learningRate) {
      const before = get();
      network.train(data, 1, { optimizer: 'sgd', learningRate, batchSize: count, record: false });
      const after = get();
      set(after); // puts the read-out back: only w1, w2 and b learn
      return { before, after, diverged: network.diverged };
    },

    free() {
      network.free();
      data.free();
    },
  };
}
