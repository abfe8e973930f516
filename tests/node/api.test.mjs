// The JS API from Node: values against independent JS formulas, and bad input throwing an
// Error that names the field and the allowed range, with the object still usable afterwards.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import lab from './load.mjs';

const { activationValue, activationDerivative, activationCurve, Dataset, Network, names } = lab;

/** assert.throws with an Error whose message starts with `field:` and mentions `allowed`. */
function throwsNaming(fn, field, allowed) {
  assert.throws(fn, (error) => {
    assert.ok(error instanceof Error, `expected an Error, got ${error}`);
    assert.ok(error.message.startsWith(`${field}:`), `message "${error.message}" should name ${field}`);
    if (allowed) assert.ok(error.message.includes(allowed), `message "${error.message}" should say ${allowed}`);
    return true;
  });
}

const sigmoid = (x) => 1 / (1 + Math.exp(-x));
const reference = {
  relu: [(x) => Math.max(0, x), (x) => (x > 0 ? 1 : 0)],
  'leaky-relu': [(x) => (x > 0 ? x : 0.01 * x), (x) => (x > 0 ? 1 : 0.01)],
  elu: [(x) => (x > 0 ? x : Math.expm1(x)), (x) => (x > 0 ? 1 : Math.exp(x))],
  sigmoid: [sigmoid, (x) => sigmoid(x) * (1 - sigmoid(x))],
  tanh: [Math.tanh, (x) => 1 - Math.tanh(x) ** 2],
  softplus: [(x) => Math.log1p(Math.exp(x)), sigmoid],
  silu: [(x) => x * sigmoid(x), (x) => sigmoid(x) * (1 + x * (1 - sigmoid(x)))],
  linear: [(x) => x, () => 1],
  relu6: [(x) => Math.min(Math.max(0, x), 6), (x) => (x > 0 && x < 6 ? 1 : 0)],
};

test('activation values and derivatives match independent JS formulas', () => {
  for (const [name, [f, df]] of Object.entries(reference)) {
    for (const x of [-3.5, -1, -0.25, 0.3, 1, 2.75]) {
      const tolerance = 1e-5 * Math.max(1, Math.abs(f(x)));
      assert.ok(Math.abs(activationValue(name, x) - f(x)) < tolerance, `${name}(${x})`);
      assert.ok(Math.abs(activationDerivative(name, x) - df(x)) < 1e-5, `${name}'(${x})`);
    }
  }
  assert.equal(activationDerivative('relu', 0), 0);
  assert.equal(activationDerivative('relu', 0, { reluAtZero: 0.5 }), 0.5);
  assert.equal(activationDerivative('relu', 0, { reluAtZero: 1 }), 1);
  assert.equal(activationValue('leaky-relu', -2, { slope: 0.2 }), Math.fround(-0.4), 'f32 arithmetic');
  assert.equal(activationValue('relu', 1e30), Math.fround(1e30), 'ReLU never saturates on the right');
  assert.equal(activationDerivative('relu', 1e30), 1);
  assert.ok(activationDerivative('sigmoid', 30) < 1e-12, 'sigmoid does');
  const curve = activationCurve('relu', new Float32Array([-1, 0, 2]), true, undefined);
  assert.deepEqual(Array.from(curve), [0, 0, 1]);
  assert.ok(names().activations.includes('gelu-tanh'));
});

test('bad activation input names the field and the allowed values', () => {
  throwsNaming(() => activationValue('relu7', 1), 'name', 'leaky-relu');
  throwsNaming(() => activationValue('relu', NaN), 'x', 'finite');
  throwsNaming(() => activationValue('relu', 1, { reluAtZero: 0.3 }), 'reluAtZero', '0, 0.5 or 1');
  throwsNaming(() => activationValue('leaky-relu', 1, { slope: 2 }), 'slope', '0 to 1');
  throwsNaming(() => activationValue('leaky-relu', 1, { slope: 'steep' }), 'slope', 'number');
  throwsNaming(() => activationValue('relu', 1, [1, 2]), 'options', 'object');
  throwsNaming(() => activationCurve('relu', new Float32Array([1, NaN]), false), 'xs[1]', 'finite');
});

test('bad network configs name the field and the range, and never trap', () => {
  throwsNaming(() => new Network({ inputs: 3 }), 'inputs', '1 to 2');
  throwsNaming(() => new Network({ hidden: [4, 65] }), 'hidden[1]', '1 to 64');
  throwsNaming(() => new Network({ hidden: [4, -1] }), 'hidden[1]', '1 to 64');
  throwsNaming(() => new Network({ hidden: [4, 2.5] }), 'hidden[1]', 'whole number');
  throwsNaming(() => new Network({ hidden: new Array(33).fill(2) }), 'hidden', 'at most 32');
  throwsNaming(() => new Network({ hidden: 'wide' }), 'hidden', 'array');
  throwsNaming(() => new Network({ hidden: [4, 'x'] }), 'hidden[1]', 'number');
  throwsNaming(() => new Network({ activation: 'swish' }), 'activation', 'relu');
  throwsNaming(() => new Network({ hidden: [2, 2], activation: ['relu'] }), 'activation', 'one per hidden layer');
  throwsNaming(() => new Network({ init: 'kaiming' }), 'init', 'he-normal');
  throwsNaming(() => new Network({ biasInit: Infinity }), 'biasInit', '-10 to 10');
  throwsNaming(() => new Network({ seed: -1 }), 'seed', '0 to');
  throwsNaming(() => new Network({ seed: 1.5 }), 'seed', 'whole number');
  throwsNaming(() => new Network({ loss: 'hinge' }), 'loss', 'mse, bce');
  throwsNaming(() => new Network(42), 'config', 'object');
});

test('bad data and training input throw and leave the objects usable', () => {
  throwsNaming(() => Dataset.generate({ name: 'moons' }), 'name', 'circle');
  throwsNaming(() => Dataset.generate({ n: 1e9 }), 'n', '2 to 10000');
  throwsNaming(() => Dataset.generate({ n: -5 }), 'n', '2 to 10000');
  throwsNaming(() => Dataset.generate({ noise: NaN }), 'noise', '0 to 0.5');
  throwsNaming(() => Dataset.generate({ testRatio: 1 }), 'testRatio', '0 to 0.9');
  throwsNaming(() => Dataset.fromPoints(2, [0, 0, 1], [1, 0], 0, 1), 'points', 'expected 4 numbers');
  throwsNaming(() => Dataset.fromPoints(2, [0, 0, 1, 1], [1, 2], 0, 1), 'labels[1]', '0 or 1');
  throwsNaming(() => Dataset.fromPoints(2, [0, NaN], [1], 0, 1), 'points[1]', 'finite');

  const data = Dataset.generate({ name: 'circle', n: 200, seed: 3 });
  const network = new Network({ hidden: [4, 2], seed: 3 });
  throwsNaming(() => network.train(data, 10, { learningRate: 100 }), 'learningRate', '0.00001 to 10');
  throwsNaming(() => network.train(data, 10, { learningRate: NaN }), 'learningRate');
  throwsNaming(() => network.train(data, 10, { optimizer: 'rmsprop' }), 'optimizer', 'adam');
  throwsNaming(() => network.train(data, 10, { batchSize: 0 }), 'batchSize', '1 to 10000');
  throwsNaming(() => network.train(data, -1, {}), 'steps', '0 to 1000000');
  throwsNaming(() => network.train(data, 1e12, {}), 'steps', '0 to 1000000');
  throwsNaming(() => network.stats(data, 'validation'), 'split', 'train, test');
  throwsNaming(() => network.evaluateGrid(1000), 'resolution', '2 to 256');
  throwsNaming(() => network.inspect(new Float32Array([1]), 1), 'point', '2 coordinate');
  throwsNaming(() => network.setParams(new Float32Array(3)), 'params', 'must have');
  const regression = Dataset.generate({ name: 'sin', n: 50 });
  throwsNaming(() => network.train(regression, 1, {}), 'dataset', '2 input');

  // Still usable after every error above.
  const report = network.train(data, 200, { learningRate: 0.03 });
  assert.equal(report.steps, 200);
  assert.equal(report.diverged, false);
  assert.ok(Number.isFinite(report.batchLoss));
  assert.equal(network.step, 200);
});

test('a network trains, reports statistics and resets to the same run', () => {
  const data = Dataset.generate({ name: 'circle', n: 500, noise: 0.1, testRatio: 0.5, seed: 1 });
  const network = new Network({ inputs: 2, hidden: [6, 6], activation: 'relu', seed: 1 });
  network.train(data, 3000, { optimizer: 'sgd', learningRate: 0.03, batchSize: 10 });
  const stats = network.stats(data, 'test');
  assert.ok(stats.accuracy > 0.9, `test accuracy ${stats.accuracy}`);
  assert.equal(stats.layers.length, 2);
  assert.equal(stats.layers[0].units.length, 6);
  for (const layer of stats.layers) {
    assert.ok(layer.sparsity >= 0 && layer.sparsity <= 1);
    const counted = layer.units.filter((u) => u.dead).length;
    assert.equal(layer.dead, counted);
  }
  const lossAfter = network.loss(data, 'train');
  const weights = Array.from(network.params());
  network.reset();
  assert.equal(network.step, 0);
  network.train(data, 3000, { optimizer: 'sgd', learningRate: 0.03, batchSize: 10 });
  assert.equal(network.loss(data, 'train'), lossAfter, 'same seed, same run');
  assert.deepEqual(Array.from(network.params()), weights);

  const history = network.historyColumns();
  assert.equal(history.length % 7, 0);
  assert.ok(history.length / 7 <= 512);
});

test('grid views read wasm memory directly and match predict()', () => {
  const network = new Network({ hidden: [5, 3], seed: 4 });
  network.evaluateGrid(16);
  const output = network.gridOutput();
  assert.equal(output.length, 256);
  assert.equal(output.buffer, lab.wasmMemory().buffer, 'a view, not a copy');
  // Row 0 is the top (largest x2), column 0 the left (smallest x1), cell centres on [-6, 6].
  const cell = 12 / 16;
  const point = new Float32Array([-6 + cell / 2, 6 - cell / 2, -6 + 3.5 * cell, 6 - 1.5 * cell]);
  const predicted = network.predict(point);
  assert.ok(Math.abs(predicted[0] - network.gridOutput()[0]) < 1e-5);
  assert.ok(Math.abs(predicted[1] - network.gridOutput()[16 + 3]) < 1e-5);
  assert.equal(network.gridActivations().length, 8 * 256);
  const pixels = network.gridOutputPixels();
  assert.ok(pixels instanceof Uint8ClampedArray, 'ready for new ImageData(pixels, R, R)');
  assert.equal(pixels.buffer, lab.wasmMemory().buffer, 'a view, not a copy');
  assert.equal(pixels.length, 256 * 4);
  assert.ok(network.gridUnitPixels() instanceof Uint8ClampedArray);
  assert.equal(network.gridUnitPixels().length, 8 * 256 * 4);
  assert.deepEqual(names().domains, { plane: [-6, 6], line: [-1, 1] });
  const gridPoints = network.gridPoints();
  assert.equal(gridPoints.length, 2 * 256);
  assert.deepEqual(Array.from(gridPoints.subarray(0, 2)), [-6 + cell / 2, 6 - cell / 2]);
});

test('born dead: a deep narrow ReLU network is often constant on the domain', () => {
  let constant = 0;
  for (let seed = 0; seed < 20; seed++) {
    const network = new Network({ hidden: new Array(20).fill(2), seed });
    if (network.outputConstantOnDomain(24).constant) constant += 1;
    network.free();
  }
  assert.ok(constant >= 10, `${constant} of 20 born dead`);
});

// Issue 9: hostile input. Each test below failed before the fix it names.

/** The wasm memory's size in bytes now. */
const memoryBytes = () => lab.wasmMemory().buffer.byteLength;

/** assert.throws with a plain Error (never a RuntimeError from the wasm) naming `field`. */
function throwsPlain(fn, field, came) {
  assert.throws(fn, (error) => {
    assert.ok(error instanceof Error, `expected an Error, got ${String(error)}`);
    assert.ok(!(error instanceof WebAssembly.RuntimeError), `a trap: ${error.message}`);
    assert.ok(error.message.startsWith(`${field}:`), `message "${error.message}" should name ${field}`);
    if (came) assert.ok(error.message.includes(came), `message "${error.message}" should say what came: ${came}`);
    return true;
  });
}

test('9.2: the documented lowest and highest values are accepted, and just past them refused', () => {
  const data = Dataset.generate({ name: 'circle', n: 60, seed: 2 });
  const network = new Network({ hidden: [3], seed: 2 });
  for (const options of [
    { learningRate: 1e-5 }, { learningRate: 10 }, { optimizer: 'momentum', momentum: 0.999 },
    { optimizer: 'adam', epsilon: 1e-12, beta1: 0.999999, beta2: 0.999999 }, { epsilon: 1 },
  ]) {
    assert.equal(network.train(data, 1, options).steps, 1, JSON.stringify(options));
  }
  throwsPlain(() => network.train(data, 1, { learningRate: 0.99999e-5 }), 'learningRate', '0.00001 to 10');
  throwsPlain(() => network.train(data, 1, { momentum: 0.9990001 }), 'momentum', '0 to 0.999');
  throwsPlain(() => network.train(data, 1, { epsilon: 0.9999e-12 }), 'epsilon');
  // Checked as the f64 given, not after rounding to f32 (0.90000001 rounds to 0.9 in f32).
  throwsPlain(() => Dataset.generate({ testRatio: 0.90000001 }), 'testRatio', '0 to 0.9');
  assert.equal(activationValue('leaky-relu', -1, { slope: 1 }), -1);
});

test('9.3: a non-string where a name goes is an Error naming the field, not a trap', () => {
  const data = Dataset.generate({ n: 40 });
  const network = new Network({ hidden: [2] });
  for (const bad of [1, true, 10n, Symbol('relu'), {}, ['relu'], null]) {
    throwsPlain(() => activationValue(bad, 0), 'name', 'must be one of relu');
    throwsPlain(() => data.count(bad), 'split', 'must be one of train, test');
    throwsPlain(() => network.stats(data, bad), 'split');
    throwsPlain(() => new Network({ init: bad }), 'init');
    throwsPlain(() => network.train(data, 1, { optimizer: bad }), 'optimizer');
  }
  throwsPlain(() => activationValue(1, 0), 'name', 'got the number 1');
  throwsPlain(() => data.points(10n), 'split', 'got a BigInt');
  throwsPlain(() => new Network({ activation: [Symbol('x')] }), 'activation[0]', 'got a Symbol');
  assert.equal(data.count('train') + data.count('test'), 40, 'still usable');
});

test('9.4: array-likes are refused before allocation; nothing traps and memory stays flat', () => {
  const network = new Network({ hidden: [2], seed: 1 });
  const data = Dataset.generate({ n: 20 });
  const before = memoryBytes();
  for (let i = 0; i < 50; i++) {
    throwsPlain(() => network.predict({ length: -1 }), 'points', 'got an object');
    throwsPlain(() => network.predict({ length: 1e8 }), 'points');
    throwsPlain(() => network.predict({ length: 1e6, get 0() { throw new Error('boom'); } }), 'points');
    throwsPlain(() => data.count({ length: 1e6 }), 'split');
    throwsPlain(() => activationCurve('relu', { length: 2 ** 31 }, false), 'xs');
    throwsPlain(() => network.setParams({ length: 25 }), 'params');
    throwsPlain(() => Dataset.fromPoints(2, { length: 4, 0: 1 }, [1, 0], 0, 1), 'points');
    throwsPlain(() => network.inspect('12', 1), 'point');
    // A Proxy of an array may lie about its length or throw from an element.
    throwsPlain(() => network.predict(new Proxy([], { get: (t, k) => (k === 'length' ? 1e9 : undefined) })), 'points', 'at most');
    throwsPlain(() => network.predict(new Proxy([1, 2], { get: (t, k) => { if (k === '1') throw new Error('trap'); return Reflect.get(t, k); } })), 'points[1]', 'threw');
  }
  assert.ok(memoryBytes() - before <= 1 << 20, `memory grew by ${memoryBytes() - before} bytes`);
  assert.equal(network.predict([0, 0, 1, 1]).length, 2, 'arrays still work');
  assert.equal(network.predict(new Float64Array([0, 0])).length, 1, 'and typed arrays');
});

test('9.5: a throwing options object or a revoked Proxy leaves both objects usable', () => {
  const data = Dataset.generate({ n: 40 });
  const network = new Network({ hidden: [2] });
  const { proxy, revoke } = Proxy.revocable({}, {});
  revoke();
  const throwing = { get learningRate() { throw new TypeError('no'); } };
  const trap = new Proxy({}, { get() { throw new Error('trap'); } });
  for (const options of [proxy, throwing, trap]) {
    assert.throws(() => network.train(data, 5, options), (e) => e instanceof Error && !(e instanceof WebAssembly.RuntimeError) && /^(options|optimizer|learningRate|batchSize)\b/.test(e.message));
  }
  throwsPlain(() => network.stats(proxy, 'train'), 'data');
  throwsPlain(() => new Network(proxy), 'config');
  throwsPlain(() => Dataset.generate(proxy), 'options');
  throwsPlain(() => activationValue('relu', 1, proxy), 'options');
  // Usable afterwards: no "recursive use of an object detected".
  assert.equal(network.train(data, 5, {}).steps, 5);
  assert.equal(data.count('train') > 0, true);
  network.free();
  data.free();
});

test('9.6: a wrong or freed object, or a BigInt, is an Error naming the argument and what came', () => {
  const data = Dataset.generate({ n: 40 });
  const network = new Network({ hidden: [2] });
  throwsPlain(() => network.train({}, 1), 'data', 'must be a Dataset, got an object');
  throwsPlain(() => network.train(network, 1), 'data', 'got a Network');
  throwsPlain(() => network.stats(42, 'train'), 'data', 'got the number 42');
  throwsPlain(() => network.train({ __wbg_ptr: 8, __key: 99999 }, 1), 'data', 'must be a Dataset');
  throwsPlain(() => network.train(data, 10n), 'steps', 'got a BigInt');
  throwsPlain(() => network.evaluateGrid(Symbol('r')), 'resolution', 'got a Symbol');
  throwsPlain(() => activationValue('relu', 2n), 'x', 'got a BigInt');
  throwsPlain(() => Dataset.fromPoints(2n, [0, 0], [1], 0, 1), 'inputs', 'got a BigInt');
  throwsPlain(() => new Network({ seed: 5n }), 'seed', 'got a BigInt');
  const freed = Dataset.generate({ n: 40 });
  freed.free();
  throwsPlain(() => network.train(freed, 1), 'data', 'freed');
  throwsPlain(() => network.loss(freed, 'train'), 'data', 'freed');
  assert.equal(network.train(data, 3).steps, 3, 'still usable');
});

test('9.8: one call cannot block for long; the limit names the argument and the way out', () => {
  const big = new Network({ hidden: new Array(32).fill(64), seed: 1 });
  const data = Dataset.generate({ n: 10000, testRatio: 0 });
  throwsPlain(() => big.train(data, 1e6, { batchSize: 3000, record: false }), 'steps', 'at most about');
  throwsPlain(() => big.train(data, 1, { batchSize: 4000, record: false }), 'batchSize', 'at most 3808');
  throwsPlain(() => big.train(data, 1, { batchSize: 10000 }), 'batchSize', 'at most');
  throwsPlain(() => big.predict(new Float32Array(2 * 65536)), 'points', 'too many');
  throwsPlain(() => big.stats(data, 'train'), 'data', 'too many');
  throwsPlain(() => big.evaluateGrid(256), 'resolution');
  const tiny = new Network({ hidden: [4, 2] });
  throwsPlain(() => tiny.train(data, 1e6, { batchSize: 10000, record: false }), 'steps', 'at most about');
  throwsPlain(() => tiny.train(data, 100000, {}), 'steps', 'recording history');
  // Calls just inside the limits are allowed. How long they take is printed, not asserted (the
  // machine is shared: README's limits say about half a second each on a quiet one).
  let start = performance.now();
  assert.equal(big.train(data, 1, { batchSize: 3000, record: false }).steps, 1);
  assert.equal(tiny.train(data, 1000, { batchSize: 1000, record: false }).steps, 1000);
  assert.equal(big.predict(new Float32Array(2 * 4000)).length, 4000);
  const largest = performance.now() - start;
  start = performance.now();
  assert.equal(tiny.train(data, 1e6, { batchSize: 1, record: false }).steps, 1e6);
  console.log(`# largest allowed calls: ${largest.toFixed(0)} ms; 1e6 steps of batch 1: ${(performance.now() - start).toFixed(0)} ms`);
  big.free();
  tiny.free();
});

test('9.10: the train result reports silent divergence (exploding, collapsed) beside diverged', () => {
  const data = Dataset.generate({ name: 'circle', n: 300, noise: 0.1, seed: 1 });
  let flagged = 0;
  for (let seed = 0; seed < 6; seed++) {
    const network = new Network({ hidden: [8, 8, 8], seed });
    const result = network.train(data, 3000, { learningRate: 10, record: false });
    assert.equal(typeof result.exploding, 'boolean');
    assert.equal(typeof result.collapsed, 'boolean');
    if (!result.diverged && (result.exploding || result.collapsed)) flagged += 1;
    if (result.collapsed) assert.ok(network.accuracy(data, 'train') < 0.8, 'collapsed means no better than a constant');
    network.free();
  }
  assert.ok(flagged >= 3, `${flagged} of 6 runs at learning rate 10 flagged`);
  const healthy = new Network({ hidden: [8, 8], seed: 1 }).train(data, 3000, { learningRate: 0.03 });
  assert.deepEqual([healthy.diverged, healthy.exploding, healthy.collapsed], [false, false, false]);
});

test('setActivation switches in place: weights kept, PReLU slopes added and dropped, switch listed', () => {
  const data = Dataset.generate({ name: 'circle', n: 60, seed: 2 });
  const network = new Network({ inputs: 2, hidden: [4, 3], seed: 5 });
  try {
    network.train(data, 30, { optimizer: 'adam', learningRate: 0.01 });
    const before = Array.from(network.params());
    const events = network.events().length;
    network.setActivation('all', 'prelu');
    assert.equal(network.step, 30, 'the step is kept');
    assert.equal(network.events().length, events, 'the events are kept');
    assert.deepEqual(network.config.activation, ['prelu', 'prelu']);
    const layout = network.layout();
    assert.equal(network.params().length, before.length + 7, 'one slope per hidden unit');
    for (const [index, layer] of layout.slice(0, 2).entries()) {
      const old = 12 * index; // the old layout: [4] at 0 (12 values), [3] at 12 (15 values)
      const kept = layer.fanIn * layer.fanOut + layer.fanOut;
      assert.deepEqual(Array.from(network.params().slice(layer.weights, layer.weights + kept)), before.slice(old, old + kept));
      assert.deepEqual(Array.from(network.params().slice(layer.slopes, layer.slopes + layer.fanOut)), new Array(layer.fanOut).fill(0.25));
    }
    network.train(data, 5, { optimizer: 'adam', learningRate: 0.01 });
    network.setActivation(1, 'leaky-relu', { slope: 0.1 });
    assert.equal(network.layout()[1].slopes, null);
    assert.equal(network.config.slope, Math.fround(0.1));
    assert.deepEqual(network.switches(), [
      { step: 30, layer: null, activation: 'prelu' },
      { step: 35, layer: 1, activation: 'leaky-relu' },
    ]);
    throwsNaming(() => network.setActivation(2, 'relu'), 'layer', '0 to 1');
    throwsNaming(() => network.setActivation('first', 'relu'), 'layer', "'all'");
    throwsNaming(() => network.setActivation(0, 'swish'), 'name', 'relu6');
    throwsNaming(() => network.setActivation(0, 'prelu', { preluSlope: 20 }), 'preluSlope', '10');
    network.reset();
    assert.deepEqual(network.switches(), []);
  } finally {
    network.free();
    data.free();
  }
});

test('relu6, the activation penalty and float16 through the JS API', () => {
  assert.ok(names().activations.includes('relu6'));
  assert.equal(activationValue('relu6', 9), 6);
  assert.equal(activationDerivative('relu6', 6), 0);
  assert.equal(activationDerivative('relu6', 0, { reluAtZero: 1 }), 1);
  const data = Dataset.generate({ name: 'circle', n: 40, testRatio: 0, seed: 1 });
  const trained = (options, config = {}) => {
    const network = new Network({ inputs: 2, hidden: [3], seed: 1, ...config });
    try {
      network.train(data, 3, { learningRate: 0.1, batchSize: 40, record: false, ...options });
      return { params: Array.from(network.params()), precision: network.config.precision };
    } finally {
      network.free();
    }
  };
  try {
    assert.notDeepEqual(trained({ activationL1: 0.5 }).params, trained({}).params);
    throwsNaming(() => trained({ activationL1: 2 }), 'activationL1', '0 to 1');
    assert.equal(trained({}).precision, 'float32');
    const half = trained({}, { precision: 'float16' });
    assert.equal(half.precision, 'float16');
    assert.ok(half.params.every((v) => Math.abs(v) < 1e-4 || Number.isInteger(v * 2 ** (10 - Math.floor(Math.log2(Math.abs(v)))))), 'float16 parameters: 11 significant bits');
    throwsNaming(() => new Network({ precision: 'float64' }), 'precision', 'float16');
  } finally {
    data.free();
  }
});
