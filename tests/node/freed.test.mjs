// Issue 9, item 6 (in part): a method or getter of a Network or Dataset called after its own
// free() is an Error naming the object, never wasm-bindgen's "null pointer passed to rust" or a
// WebAssembly.RuntimeError. The check sits in the JS glue (.ci/glue.mjs, run by .ci/build.sh).
//
// Every member is found twice over: on the prototype (what runs) and in the generated
// relu_lab.d.ts (what is documented), so a member added later is tested without a change here.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import lab from './load.mjs';

const { Dataset, Network } = lab;

/** The instance members the .d.ts declares for `name` (methods and getters; no statics). */
function declaredMembers(name) {
  const types = readFileSync(new URL('../../www/pkg/relu_lab.d.ts', import.meta.url), 'utf8');
  const body = types.match(new RegExp(`^export class ${name} \\{\\n([\\s\\S]*?)^\\}`, 'm'))?.[1];
  assert.ok(body, `relu_lab.d.ts declares class ${name}`);
  const members = new Set();
  for (const line of body.split('\n')) {
    const match = line.match(/^ {4}(?:readonly )?([A-Za-z_]\w*)[(:]/);
    if (match && match[1] !== 'constructor') members.add(match[1]);
  }
  return members;
}

/** Each instance member of `Class`'s prototype: its key and whether it is a getter. */
function ownMembers(Class) {
  return Reflect.ownKeys(Class.prototype)
    .filter((key) => key !== 'constructor' && key !== '__destroy_into_raw')
    .map((key) => ({ key, getter: typeof Object.getOwnPropertyDescriptor(Class.prototype, key).get === 'function' }));
}

const label = (key) => (typeof key === 'symbol' ? `[${key.description}]` : key);

/** Valid arguments for each method, so that only the receiver is wrong. */
function argumentsFor(key, data) {
  const table = {
    train: [data, 1, {}],
    evaluateGrid: [4],
    outputConstantOnDomain: [4],
    inspect: [new Float32Array([0.5, -0.5]), 1],
    predict: [new Float32Array([0, 0])],
    setActivation: ['all', 'relu'],
    setParams: [new Float32Array(0)],
    count: ['train'],
    points: ['train'],
    labels: ['train'],
  };
  return table[key] ?? [data, 'train'];
}

/** `call` throws a plain Error whose message names `field` and says the object was freed. */
function throwsFreed(call, field, Class, member) {
  let caught = null;
  try {
    call();
  } catch (error) {
    caught = error;
  }
  assert.ok(caught !== null, `${member}: throws`);
  assert.ok(!(caught instanceof WebAssembly.RuntimeError), `${member}: not a RuntimeError (${caught.message})`);
  assert.ok(caught instanceof Error, `${member}: an Error, got ${String(caught)}`);
  assert.doesNotMatch(caught.message, /null pointer/, `${member}: not wasm-bindgen's own message`);
  assert.ok(
    caught.message.startsWith(`${field}: must be a live ${Class.name} (`),
    `${member}: the message names the object: "${caught.message}"`,
  );
  assert.match(caught.message, /freed \(free\(\) was called on it\)/, `${member}: says it was freed`);
  assert.ok(caught.message.includes(label(member)), `${member}: names the member: "${caught.message}"`);
}

for (const [Class, field, make] of [
  [Network, 'network', () => new Network({ hidden: [3], seed: 1 })],
  [Dataset, 'dataset', () => Dataset.generate({ name: 'xor', n: 20, seed: 1 })],
]) {
  test(`every member of a freed ${Class.name} throws an Error naming the ${field}`, () => {
    const members = ownMembers(Class);
    const keys = new Set(members.map(({ key }) => key));
    for (const name of declaredMembers(Class.name)) assert.ok(keys.has(name), `${Class.name}.${name} (in the .d.ts) is on the prototype`);
    const data = Dataset.generate({ name: 'circle', n: 30, seed: 2 });
    let tested = 0;
    for (const { key, getter } of members) {
      if (key === 'free' || key === Symbol.dispose) continue;
      const object = make();
      object.free();
      if (getter) throwsFreed(() => object[key], field, Class, key);
      else throwsFreed(() => object[key](...argumentsFor(key, data)), field, Class, key);
      tested += 1;
    }
    assert.ok(tested >= (Class === Network ? 25 : 5), `${tested} members tested`);
    // A live object of the same class is unaffected, and data passed to a freed one stays usable.
    const live = make();
    if (live instanceof Network) assert.equal(live.step, 0);
    else assert.ok(live.count('train') > 0);
    assert.ok(data.count('train') > 0);
    live.free();
    data.free();
  });
}

test('free() and [Symbol.dispose]() on an object already freed do nothing', () => {
  for (const object of [new Network({ hidden: [2] }), Dataset.generate({ n: 10 })]) {
    object.free();
    assert.equal(object.free(), undefined);
    if (Symbol.dispose) assert.equal(object[Symbol.dispose](), undefined);
  }
});

test('a method called on an object of another class is an Error naming the object, never a trap', () => {
  const data = Dataset.generate({ n: 10 });
  const network = new Network({ hidden: [2] });
  const cases = [
    [() => Network.prototype.stats.call(data, data, 'train'), 'network: must be a live Network (to call stats()), got a Dataset'],
    [() => Network.prototype.free.call(data), 'network: must be a live Network (to call free()), got a Dataset'],
    [() => Dataset.prototype.count.call(network, 'train'), 'dataset: must be a live Dataset (to call count()), got a Network'],
    [() => Object.getOwnPropertyDescriptor(Network.prototype, 'step').get.call(undefined), 'network: must be a live Network (to read step), got undefined'],
    [() => Network.prototype.reset.call({ __wbg_ptr: 8 }), 'network: must be a live Network (to call reset()), got an object'],
  ];
  for (const [call, message] of cases) assert.throws(call, (error) => error instanceof Error && !(error instanceof WebAssembly.RuntimeError) && error.message === message);
  // Both are still whole.
  assert.equal(network.train(data, 2).steps, 2);
  assert.ok(data.count('train') > 0);
  network.free();
  data.free();
});
