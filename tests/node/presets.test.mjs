// Every preset of the network screen shows its effect with its own fixed seeds: each one is
// run through the wasm API exactly as the screen runs it (its data, network and training
// settings, for its step count) and the effect it promises is asserted.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import lab from './load.mjs';
import { PRESETS } from '../../www/js/screens/network/presets.js';
import {
  datasetOptions,
  defaultState,
  mergeState,
  networkConfig,
  presetState,
  trainOptions,
} from '../../www/js/screens/network/state.js';

const { Dataset, Network } = lab;

/**
 * Build the preset's run, measure at step 0, train its steps (switching the activation in
 * place where its schedule says), measure again.
 */
function runPreset(id) {
  const state = presetState(id);
  const preset = PRESETS.find((p) => p.id === id);
  const data = Dataset.generate(datasetOptions(state));
  const network = new Network(networkConfig(state));
  try {
    const atStart = network.stats(data, 'train');
    const bornDead = network.outputConstantOnDomain(100).constant;
    let steps = 0;
    for (const { step, activation } of state.schedule) {
      steps += network.train(data, step - network.step, trainOptions(state)).steps;
      network.setActivation('all', activation);
    }
    const result = network.train(data, preset.steps - network.step, trainOptions(state));
    result.steps += steps;
    const atEnd = network.stats(data, 'train');
    const test = network.stats(data, 'test');
    return {
      result,
      atStart,
      atEnd,
      bornDead,
      events: network.events(),
      testAccuracy: test.accuracy,
      testLoss: test.loss,
      units: state.network.hidden.reduce((a, b) => a + b, 0),
    };
  } finally {
    network.free();
    data.free();
  }
}

/** ‖dL/dz‖ at the first hidden layer over that at the last. */
const gradientRatio = (stats) => stats.layers[0].gradZNorm / stats.layers.at(-1).gradZNorm;

const runs = new Map(PRESETS.map((preset) => [preset.id, runPreset(preset.id)]));
const report = (id) => {
  const run = runs.get(id);
  return `${id}: dead ${run.atStart.deadUnits} → ${run.atEnd.deadUnits}, inactive ${run.atEnd.neverActiveUnits}, test accuracy ${run.testAccuracy.toFixed(3)}`;
};

test('every preset trains without diverging', () => {
  for (const [id, run] of runs) {
    assert.equal(run.result.diverged, false, id);
    assert.equal(run.result.steps, PRESETS.find((p) => p.id === id).steps, id);
  }
});

test('healthy: above 90% test accuracy with few dead units', () => {
  const run = runs.get('healthy');
  assert.ok(run.testAccuracy > 0.9, report('healthy'));
  assert.ok(run.atEnd.deadUnits <= 3, report('healthy'));
});

test('kill: a high learning rate leaves most units dead and accuracy collapses to chance', () => {
  const run = runs.get('kill');
  assert.ok(run.atEnd.deadUnits >= 16, report('kill'));
  assert.ok(run.atEnd.deadUnits > run.atStart.deadUnits + 10, report('kill'));
  assert.ok(run.testAccuracy < 0.6, report('kill'));
  assert.ok(run.testAccuracy < runs.get('healthy').testAccuracy - 0.2);
});

test('kill: its sentence agrees with its events (a few units come back, mostly in the first steps)', () => {
  const run = runs.get('kill');
  const back = run.events.filter((event) => !event.died);
  assert.ok(back.length > 0, 'the log shows units coming back');
  const early = back.filter((event) => event.step <= 100).length;
  assert.ok(early > back.length / 2, `most come back early: ${back.map((e) => e.step)}`);
  // No first-layer unit comes back once its deaths are long past (the momentum has faded).
  for (const event of back.filter((e) => e.layer === 0)) {
    const died = run.events.filter((e) => e.layer === 0 && e.unit === event.unit && e.died && e.step < event.step);
    assert.ok(died.length > 0 && event.step - died.at(-1).step <= 20, `first-layer unit ${event.unit + 1} back at ${event.step}`);
  }
});

test('dead from the start (bias −5): most units are dead at step 0, stay dead, and the output is constant', () => {
  const run = runs.get('negative-bias');
  assert.equal(run.atStart.deadUnits, 20, report('negative-bias')); // "20 of the 24 units"
  assert.ok(run.atEnd.deadUnits >= run.atStart.deadUnits, report('negative-bias'));
  assert.equal(run.atStart.layers[1].dead + run.atStart.layers[2].dead, 16, 'layers 2 and 3 entirely dead');
  assert.equal(run.bornDead, true, 'born dead: constant output at initialisation');
});

test('PReLU at the same high rate: no unit dies, most test points are right, yet the loss is about 13', () => {
  const prelu = runs.get('prelu');
  assert.equal(prelu.atEnd.deadUnits, 0, 'only ReLU units can be dead');
  assert.ok(prelu.atEnd.neverActiveUnits <= 2, report('prelu'));
  assert.ok(prelu.testAccuracy > 0.9, report('prelu'));
  assert.ok(prelu.atEnd.loss > 10 && prelu.atEnd.loss < 20, `training loss ${prelu.atEnd.loss}`);
});

test('PReLU at the same high rate over network seeds 1 to 8: six end below 0.4, two at 13 and 223', () => {
  const losses = [];
  for (let seed = 1; seed <= 8; seed += 1) {
    const state = presetState('prelu');
    state.network.seed = seed;
    const data = Dataset.generate(datasetOptions(state));
    const network = new Network(networkConfig(state));
    try {
      network.train(data, 2000, trainOptions(state));
      losses.push(network.stats(data, 'train').loss);
    } finally {
      network.free();
      data.free();
    }
  }
  assert.equal(losses.filter((loss) => loss < 0.4).length, 6, String(losses));
  const high = losses.filter((loss) => loss >= 0.4).sort((a, b) => a - b);
  assert.equal(Math.round(high[0]), 13, String(losses));
  assert.equal(Math.round(high[1]), 223, String(losses));
});

test('the old id "revive" still opens the PReLU run', () => {
  assert.equal(presetState('revive').preset, 'prelu');
  assert.equal(presetState('revive').network.activation, 'prelu');
});

test('leaky: far fewer inactive units than dead in the kill run, and it learns', () => {
  const killed = runs.get('kill').atEnd.deadUnits;
  const leaky = runs.get('leaky');
  assert.equal(leaky.atEnd.deadUnits, 0);
  assert.ok(leaky.atEnd.neverActiveUnits < killed, `${report('leaky')} vs ${report('kill')}`);
  assert.ok(leaky.testAccuracy > 0.9, report('leaky'));
});

test('vanishing: each sigmoid layer passes back about a fifth of its gradient at step 0', () => {
  const layers = runs.get('vanishing').atStart.layers;
  for (let i = 1; i < layers.length; i += 1) {
    const factor = layers[i - 1].gradZNorm / layers[i].gradZNorm;
    assert.ok(factor > 0.15 && factor < 0.35, `layer ${i} / layer ${i + 1}: ${factor}`);
  }
  assert.ok(gradientRatio(runs.get('vanishing').atStart) < 1 / 1000, 'more than a thousand times smaller');
});

test('vanishing: the deep sigmoid gradient at layer 1 is far below the ReLU + He one', () => {
  const sigmoid = runs.get('vanishing');
  const reluHe = runs.get('relu-he');
  for (const [name, stats] of [['at step 0', 'atStart'], ['after training', 'atEnd']]) {
    const sigmoidRatio = gradientRatio(sigmoid[stats]);
    const reluRatio = gradientRatio(reluHe[stats]);
    assert.ok(sigmoidRatio < 0.005, `sigmoid first/last ${sigmoidRatio} ${name}`);
    assert.ok(reluRatio > 0.25 && reluRatio < 4, `ReLU + He first/last ${reluRatio} ${name}`);
    assert.ok(sigmoidRatio * 100 < reluRatio, name);
  }
  assert.ok(sigmoid.testAccuracy < 0.6, report('vanishing'));
  assert.ok(reluHe.testAccuracy > 0.9, report('relu-he'));
});

test('the penalty on the activations raises the sparsity, and past a point costs accuracy and kills units', () => {
  // The default run (3 × 8 ReLU, plain SGD at 0.03) for 3,000 steps, network seeds 1 to 5.
  const measure = (rate) => {
    const runs = [];
    for (let seed = 1; seed <= 5; seed += 1) {
      const state = mergeState(defaultState(), { network: { seed }, train: { activationL1: rate } }).state;
      const data = Dataset.generate(datasetOptions(state));
      const network = new Network(networkConfig(state));
      try {
        network.train(data, 3000, trainOptions(state));
        const stats = network.stats(data, 'train');
        runs.push({ sparsity: stats.sparsity, dead: stats.deadUnits, accuracy: network.score(data, 'test').accuracy });
      } finally {
        network.free();
        data.free();
      }
    }
    return runs;
  };
  const none = measure(0);
  const some = measure(0.01);
  const much = measure(0.1);
  for (let i = 0; i < 5; i += 1) {
    assert.ok(some[i].sparsity > none[i].sparsity + 0.05, `seed ${i + 1}: ${none[i].sparsity} → ${some[i].sparsity}`);
    assert.ok(some[i].accuracy > 0.95, `seed ${i + 1} at 0.01: accuracy ${some[i].accuracy}`);
  }
  const fell = much.filter((run) => run.accuracy < 0.6).length;
  assert.ok(fell >= 1, `at 0.1 some runs fall to chance: ${much.map((r) => r.accuracy)}`);
  assert.ok(much.every((run, i) => run.dead > none[i].dead), `at 0.1 more units die: ${much.map((r) => r.dead)}`);
});
