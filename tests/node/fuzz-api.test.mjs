// A seeded, bounded fuzzer over every export of the JS API (issue 9, "the project's own
// fuzzers"). Thousands of random calls, with hostile values of every JS type in every argument
// and option: NaN, ±Infinity, −0, huge and negative numbers, strings, BigInt, Symbol, null,
// undefined, objects, arrays, array-likes with negative or huge lengths, typed arrays of the
// wrong kind, proxies that throw, revoked proxies, getters that throw, freed objects.
//
// The oracle: every call returns, or throws an `Error` (never a `WebAssembly.RuntimeError`)
// whose message starts with the name of one of that call's arguments or options; the objects
// stay usable after every call; wasm memory stays flat. Calls on a freed *receiver*
// (`network.free(); network.step`) are checked in the JS glue (.ci/glue.mjs): their Error
// names the object (`network: …`, `dataset: …`), counted apart; tests/node/freed.test.mjs
// calls every member that way.
//
// Replay a run: FUZZ_SEED=<the printed seed> node --test tests/node/fuzz-api.test.mjs
// Budget: FUZZ_CALLS (default 20000) calls or FUZZ_SECONDS (default 40) seconds, whichever first.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import lab from './load.mjs';

const { Dataset, Network } = lab;

const seed = Number(process.env.FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31));
const maxCalls = Number(process.env.FUZZ_CALLS ?? 20000);
const maxSeconds = Number(process.env.FUZZ_SECONDS ?? 40);

/** mulberry32: a small seeded generator, so a seed replays the same calls. */
function generator(state) {
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = generator(seed);
const pick = (list) => list[Math.floor(random() * list.length)];
const chance = (p) => random() < p;

// Objects of the library used as hostile values: live and freed ones.
const freedData = Dataset.generate({ n: 10 });
freedData.free();
const freedNetwork = new Network({ hidden: [1] });
freedNetwork.free();
const liveData = Dataset.generate({ name: 'xor', n: 30, seed: 7 });
const liveNetwork = new Network({ hidden: [2], seed: 7 });

const { proxy: revoked, revoke } = Proxy.revocable({}, {});
revoke();
const { proxy: revokedArray, revoke: revokeArray } = Proxy.revocable([1, 2], {});
revokeArray();

/** Hostile values of every JS type, made fresh on each call. */
const hostiles = [
  () => NaN, () => Infinity, () => -Infinity, () => -0, () => 0, () => 1, () => -1, () => 2,
  () => 0.5, () => 1e-5, () => 0.999, () => 1e-12, () => 2 ** 31, () => 2 ** 32 + 1, () => 2 ** 53,
  () => -(2 ** 53), () => 1e308, () => -1e308, () => 1e6, () => 1e9, () => 3.7, () => -5e-324,
  () => '', () => 'relu', () => 'train', () => 'test', () => 'sgd', () => 'circle', () => '1',
  () => 'NaN', () => 'x'.repeat(5000), () => '\u0000\ud800', () => true, () => false,
  () => 1n, () => 10n ** 30n, () => -1n, () => Symbol('s'), () => null, () => undefined,
  () => ({}), () => Object.create(null), () => [], () => [1, 2], () => [NaN, 'a'], () => new Array(7),
  () => [[1], [2]], () => ({ length: -1 }), () => ({ length: 2 ** 32 }), () => ({ length: 1e9 }),
  () => ({ length: 3, 0: 1, 1: 2, 2: 3 }), () => ({ length: 1e6, get 0() { throw new Error('getter'); } }),
  () => ({ valueOf() { throw new Error('valueOf'); }, toString() { throw new Error('toString'); } }),
  () => new Proxy({}, { get() { throw new Error('get trap'); }, has() { throw new Error('has trap'); } }),
  () => new Proxy([1, 2, 3], { get(t, k) { if (k === 'length') return 1e9; throw new Error('element'); } }),
  () => new Proxy([0, 0], {}), () => new Proxy(new Float32Array(2), {}),
  () => revoked, () => revokedArray, () => new Float32Array(0), () => new Float32Array(2),
  () => new Float32Array([NaN, Infinity]), () => new Float64Array([1e300, -1e300]), () => new Float32Array(3),
  () => new Int32Array(4), () => new Uint8Array(2), () => new BigInt64Array(2), () => new ArrayBuffer(8),
  () => new DataView(new ArrayBuffer(8)), () => () => 1, () => new Date(0), () => /re/, () => new Map(),
  () => new Error('an error'), () => Object.freeze({ learningRate: 1 }),
  () => liveData, () => freedData, () => liveNetwork, () => freedNetwork,
  () => ({ __wbg_ptr: 8, __key: 1 }), () => ({ __wbg_ptr: 0 }),
];
const hostile = () => pick(hostiles)();

/** `valid()` usually, a hostile value sometimes: calls get past the first check often. */
const mostly = (valid, p = 0.7) => () => (chance(p) ? valid() : hostile());
const int = (low, high) => () => low + Math.floor(random() * (high - low + 1));
const one = (...values) => () => pick(values);
const floats = (length, scale) => () => {
  const n = typeof length === 'function' ? length() : length;
  const values = Array.from({ length: n }, () => (random() * 2 - 1) * scale);
  return chance(0.5) ? new Float32Array(values) : values;
};
const activationNames = lab.names().activations;
const splits = one('train', 'test');

/** An options object: a random subset of `spec`'s keys with mostly valid values, or hostile. */
const options = (spec) => () => {
  if (chance(0.15)) return hostile();
  const object = {};
  for (const [key, value] of Object.entries(spec)) if (chance(0.4)) object[key] = chance(0.75) ? value() : hostile();
  if (chance(0.05)) return new Proxy(object, { get(t, k) { if (chance(0.5)) throw new Error('trap'); return Reflect.get(t, k); } });
  if (chance(0.05)) Object.defineProperty(object, pick(Object.keys(spec)), { get() { throw new Error('getter'); }, enumerable: true });
  return object;
};
const activationOptions = options({
  slope: () => random(), preluSlope: () => random() * 4 - 2, eluAlpha: () => 0.1 + random(), reluAtZero: one(0, 0.5, 1),
});
const trainOptions = options({
  optimizer: one('sgd', 'momentum', 'adam'), learningRate: () => 10 ** (-5 + random() * 6), batchSize: int(1, 64),
  momentum: () => random() * 0.999, beta1: () => random() * 0.99, beta2: () => 0.9 + random() * 0.09,
  epsilon: one(1e-8, 1e-12, 1), l1: () => random() * 0.01, l2: () => random() * 0.01, record: one(true, false),
});
const networkConfig = options({
  inputs: one(1, 2), hidden: () => Array.from({ length: int(0, 3)() }, int(1, 6)),
  activation: () => (chance(0.7) ? pick(activationNames) : [pick(activationNames)]), slope: () => random(),
  eluAlpha: () => 0.5 + random(), reluAtZero: one(0, 0.5, 1), init: one('he-normal', 'xavier-uniform', 'zeros', 'uniform'),
  biasInit: () => random() * 2 - 1, seed: int(0, 1000), loss: one('bce', 'mse'),
});
const datasetOptions = options({
  name: one('circle', 'xor', 'gaussians', 'spiral', 'abs', 'sin', 'step'), n: int(2, 300), noise: () => random() * 0.5,
  testRatio: () => random() * 0.9, seed: int(0, 1000),
});

// A small pool of live objects the calls work on; calls replace members now and then.
const pool = { data: [], networks: [] };
for (let i = 0; i < 3; i++) {
  pool.data.push(Dataset.generate({ name: pick(['circle', 'xor', 'sin']), n: 80, seed: i }));
  pool.networks.push(new Network({ inputs: pool.data[i].inputs, hidden: [3, 2], seed: i }));
}
const someData = () => (chance(0.85) ? pick(pool.data) : hostile());
const aNetwork = () => pick(pool.networks);
const aData = () => pick(pool.data);

/** Each export: its name, the names its errors may start with, and a call with random arguments. */
const exportsUnderTest = [
  ['activationValue', ['name', 'x', 'options', 'slope', 'preluSlope', 'eluAlpha', 'reluAtZero'],
    () => lab.activationValue(mostly(() => pick(activationNames))(), mostly(() => random() * 20 - 10)(), activationOptions())],
  ['activationDerivative', ['name', 'x', 'options', 'slope', 'preluSlope', 'eluAlpha', 'reluAtZero'],
    () => lab.activationDerivative(mostly(() => pick(activationNames))(), mostly(() => random() * 20 - 10)(), activationOptions())],
  ['activationCurve', ['name', 'xs', 'derivative', 'options', 'slope', 'preluSlope', 'eluAlpha', 'reluAtZero'],
    () => lab.activationCurve(mostly(() => pick(activationNames))(), mostly(floats(int(0, 50), 10))(), mostly(one(true, false))(), activationOptions())],
  ['activationWorkload', ['name', 'count', 'options', 'slope', 'preluSlope', 'eluAlpha', 'reluAtZero'],
    () => lab.activationWorkload(mostly(() => pick(activationNames))(), mostly(int(1, 2000))(), activationOptions())],
  ['names', [], () => lab.names()],
  ['Dataset.generate', ['options', 'name', 'n', 'noise', 'testRatio', 'seed'], () => Dataset.generate(datasetOptions())],
  ['Dataset.fromPoints', ['inputs', 'points', 'labels', 'testRatio', 'seed'], () => {
    const inputs = mostly(one(1, 2))();
    const count = int(1, 20)();
    return Dataset.fromPoints(inputs, mostly(floats(count * (inputs === 1 ? 1 : 2), 3))(),
      mostly(() => Array.from({ length: count }, () => (random() < 0.5 ? 0 : 1)))(), mostly(() => random() * 0.9)(), mostly(int(0, 99))());
  }],
  ['data.count', ['split'], () => aData().count(mostly(splits)())],
  ['data.points', ['split'], () => aData().points(mostly(splits)())],
  ['data.labels', ['split'], () => aData().labels(mostly(splits)())],
  ['data.getters', [], () => [aData().inputs, aData().name]],
  ['new Network', ['config', 'inputs', 'hidden', 'activation', 'slope', 'eluAlpha', 'reluAtZero', 'init', 'biasInit', 'seed', 'loss'],
    () => new Network(networkConfig())],
  ['network.train', ['data', 'dataset', 'steps', 'options', 'optimizer', 'learningRate', 'batchSize', 'momentum', 'beta1', 'beta2', 'epsilon', 'l1', 'l2', 'record'],
    () => aNetwork().train(someData(), mostly(one(0, 1, 5, 20))(), trainOptions())],
  ...['stats', 'score', 'gradient', 'loss', 'accuracy'].map((method) => [`network.${method}`, ['data', 'dataset', 'split'],
    () => aNetwork()[method](someData(), mostly(splits)())]),
  ['network.evaluateGrid', ['resolution', 'grid'], () => aNetwork().evaluateGrid(mostly(int(2, 40))())],
  ['network.outputConstantOnDomain', ['resolution', 'grid'], () => aNetwork().outputConstantOnDomain(mostly(int(2, 30))())],
  ...['gridPoints', 'gridOutput', 'gridActivations', 'gridPreActivations', 'gridOutputPixels', 'gridUnitPixels', 'gridStats']
    .map((method) => [`network.${method}`, ['grid'], () => aNetwork()[method]()]),
  ['network.setParams', ['params'], () => {
    const network = aNetwork();
    return network.setParams(mostly(floats(chance(0.8) ? network.params().length : int(0, 40)(), 1))());
  }],
  ['network.inspect', ['point', 'label'], () => {
    const network = aNetwork();
    return network.inspect(mostly(floats(network.config.inputs, 3))(), mostly(one(0, 1, 0.5))());
  }],
  ['network.predict', ['points'], () => {
    const network = aNetwork();
    return network.predict(mostly(floats(network.config.inputs * int(0, 30)(), 6))());
  }],
  ['network.readers', [], () => {
    const network = aNetwork();
    return [network.params(), network.layout(), network.historyColumns(), network.events(), network.config,
      network.step, network.diverged, network.zeroPreActivationsSeen];
  }],
  ['network.reset', [], () => aNetwork().reset()],
  // A freed receiver: the glue's check (.ci/glue.mjs), an Error naming the object.
  ['freed receiver', ['network', 'dataset'], () => pick([
    () => freedNetwork.train(liveData, 1), () => freedNetwork.stats(liveData, 'train'), () => freedNetwork.predict([0, 0]),
    () => freedNetwork.step, () => freedNetwork.config, () => freedNetwork.evaluateGrid(4), () => freedNetwork.params(),
    () => freedData.count('train'), () => freedData.points('test'), () => freedData.name, () => freedData.inputs,
  ])()],
];

/** The argument an error message names: its text before ':', without [i] or .length. */
const namedField = (message) => message.match(/^([A-Za-z_]\w*)(?:\[\d+\]|\.length)*: /)?.[1];

test(`JS API fuzz (seed ${seed}; replay with FUZZ_SEED=${seed})`, () => {
  console.log(`fuzz-api: seed ${seed} (replay: FUZZ_SEED=${seed} node --test tests/node/fuzz-api.test.mjs)`);
  const outcomes = new Map();
  const count = (key) => outcomes.set(key, (outcomes.get(key) ?? 0) + 1);
  const failures = [];
  const started = performance.now();
  let memoryAtWarmup = 0;
  let calls = 0;
  for (; calls < maxCalls && performance.now() - started < maxSeconds * 1000; calls++) {
    if (calls === Math.floor(maxCalls / 4)) memoryAtWarmup = lab.wasmMemory().buffer.byteLength;
    const [name, fields, call] = pick(exportsUnderTest);
    let result;
    try {
      result = call();
      count('returned');
    } catch (error) {
      if (error instanceof WebAssembly.RuntimeError) {
        count('BAD: RuntimeError (a trap)');
        failures.push(`${name}: RuntimeError ${error.message}`);
      } else if (!(error instanceof Error)) {
        count('BAD: threw a non-Error');
        failures.push(`${name}: threw ${String(error)}`);
      } else if (!fields.includes(namedField(error.message))) {
        count('BAD: Error naming no argument');
        failures.push(`${name}: "${error.message.slice(0, 160)}"`);
      } else if (name === 'freed receiver') {
        count('freed receiver: an Error naming the object');
      } else {
        count('threw an Error naming the argument');
      }
    }
    // New objects: keep a few in the pool (replacing others, which are freed), free the rest.
    for (const made of [result].flat()) {
      if (made instanceof Dataset || made instanceof Network) {
        const list = made instanceof Dataset ? pool.data : pool.networks;
        if (chance(0.3)) {
          const index = Math.floor(random() * list.length);
          list[index].free();
          list[index] = made;
        } else {
          made.free();
        }
      }
    }
    // Every object stays usable: no "recursive use of an object detected", no stuck borrow.
    for (const data of pool.data) {
      try {
        data.count('train');
      } catch (error) {
        failures.push(`after ${name}: a data set is unusable: ${error.message}`);
        count('BAD: object left unusable');
      }
    }
    const network = pool.networks[calls % pool.networks.length];
    try {
      void network.step;
      network.params();
    } catch (error) {
      failures.push(`after ${name}: a network is unusable: ${error.message}`);
      count('BAD: object left unusable');
    }
    if (failures.length > 20) break;
  }
  const seconds = (performance.now() - started) / 1000;
  const growth = lab.wasmMemory().buffer.byteLength - memoryAtWarmup;
  console.log(`fuzz-api: ${calls} calls over ${exportsUnderTest.length} exports in ${seconds.toFixed(1)} s; wasm memory grew ${(growth / 2 ** 20).toFixed(1)} MB after warm-up`);
  for (const [outcome, n] of [...outcomes].sort()) console.log(`fuzz-api:   ${String(n).padStart(6)}  ${outcome}`);
  for (const failure of failures.slice(0, 10)) console.log(`fuzz-api: FAILURE ${failure}`);

  assert.deepEqual(failures, [], `seed ${seed}: replay with FUZZ_SEED=${seed}`);
  assert.ok(calls >= Math.min(maxCalls, 2000), `only ${calls} calls ran`);
  assert.ok(growth <= 64 * 2 ** 20, `wasm memory grew by ${growth} bytes after warm-up`);
  // free() works on every object afterwards.
  for (const object of [...pool.data, ...pool.networks, liveData, liveNetwork]) object.free();
});
