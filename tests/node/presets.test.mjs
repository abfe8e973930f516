// Every preset of the network screen shows its effect with its own fixed seeds: each one is
// run through the wasm API exactly as the screen runs it (its data, network and training
// settings, for its step count) and the effect it promises is asserted.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import lab from './load.mjs';
import { PRESETS } from '../../www/js/screens/network/presets.js';
import {
  datasetOptions,
  networkConfig,
  presetState,
  trainOptions,
} from '../../www/js/screens/network/state.js';

const { Dataset, Network } = lab;

/** Build the preset's run, measure at step 0, train its steps, measure again. */
function runPreset(id) {
  const state = presetState(id);
  const preset = PRESETS.find((p) => p.id === id);
  const data = Dataset.generate(datasetOptions(state));
  const network = new Network(networkConfig(state));
  try {
    const atStart = network.stats(data, 'train');
    const result = network.train(data, preset.steps, trainOptions(state));
    const atEnd = network.stats(data, 'train');
    const test = network.stats(data, 'test');
    return { result, atStart, atEnd, testAccuracy: test.accuracy, units: state.network.hidden.reduce((a, b) => a + b, 0) };
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

test('kill: a high learning rate leaves most units dead and accuracy collapses', () => {
  const run = runs.get('kill');
  assert.ok(run.atEnd.deadUnits >= 16, report('kill'));
  assert.ok(run.atEnd.deadUnits > run.atStart.deadUnits + 10, report('kill'));
  assert.ok(run.testAccuracy < 0.75, report('kill'));
  assert.ok(run.testAccuracy < runs.get('healthy').testAccuracy - 0.2);
});

test('negative bias: most units are dead at step 0 and stay dead', () => {
  const run = runs.get('negative-bias');
  assert.ok(run.atStart.deadUnits >= (3 * run.units) / 4, report('negative-bias'));
  assert.ok(run.atEnd.deadUnits >= run.atStart.deadUnits, report('negative-bias'));
});

test('revive (PReLU) and leaky: far fewer inactive units than dead in the kill run, and they learn', () => {
  const killed = runs.get('kill').atEnd.deadUnits;
  const prelu = runs.get('revive');
  assert.equal(prelu.atEnd.deadUnits, 0, 'only ReLU units can be dead');
  assert.ok(prelu.atEnd.neverActiveUnits <= killed / 4, `${report('revive')} vs ${report('kill')}`);
  assert.ok(prelu.testAccuracy > 0.9, report('revive'));
  const leaky = runs.get('leaky');
  assert.equal(leaky.atEnd.deadUnits, 0);
  assert.ok(leaky.atEnd.neverActiveUnits < killed, `${report('leaky')} vs ${report('kill')}`);
  assert.ok(leaky.testAccuracy > 0.9, report('leaky'));
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
