// The "Kill, then revive" scenario over several network seeds, run through the screen's own
// run (www/js/screens/network/run.js, whose schedule switches the activation in place): ReLU
// at a killing learning rate until most units are dead, then leaky ReLU from the same weights.
// Dead and active are SCIENCE.md's: a unit is dead when z <= 0 on every training point (and it
// is ReLU); it is active on a point when z > 0. The counts come from the core's statistics,
// never from the page's words; the preset's sentence is checked against them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import './load.mjs'; // initialises the core that run.js imports
import { findPreset } from '../../www/js/screens/network/presets.js';
import { createRun } from '../../www/js/screens/network/run.js';
import { presetState, scheduleWithSwitch, trainOptions } from '../../www/js/screens/network/state.js';
import { formatPercent } from '../../www/js/text/format.js';
import { EXPLODING_FACTOR } from '../../www/js/screens/network/explain.js';

const PRESET = findPreset('kill-revive');
const SEEDS = Array.from({ length: 12 }, (_, i) => i + 1); // the sentence's "seeds 1 to 12"

/** [layer, unit] of every dead unit in `stats` (the core's `dead`: ReLU and z <= 0 everywhere). */
const deadUnits = (stats) =>
  stats.layers.flatMap((layer, l) => layer.units.flatMap((unit, u) => (unit.dead ? [[l, u]] : [])));

/** Those of `units` that are active (z > 0) on at least one training point in `stats`. */
const activeOf = (units, stats) => units.filter(([l, u]) => !stats.layers[l].units[u].neverActive);
const activeAmong = (units, stats) => activeOf(units, stats).length;

/**
 * Run the preset with network seed `seed` (and `schedule`, the preset's by default): measure
 * the dead units at the switch step, then which of them are active 300 steps later and at the
 * end. Returns the figures, the switches told to onSwitch and the run's own list.
 */
function revive(seed, schedule) {
  const state = presetState(PRESET.id);
  state.network.seed = seed;
  if (schedule) state.schedule = schedule;
  const switchAt = presetState(PRESET.id).schedule[0].step;
  const run = createRun(state);
  const told = [];
  run.onSwitch = (change) => told.push(change);
  const options = trainOptions(state);
  try {
    assert.equal(run.train(switchAt, options).steps, switchAt);
    assert.equal(run.activation, 'relu', 'still ReLU at the switch step: the switch trains from it');
    const atSwitch = run.stats().train;
    const dead = deadUnits(atSwitch);
    run.train(300, options);
    const soonUnits = activeOf(dead, run.stats().train);
    const events = run.events();
    const result = run.train(PRESET.steps - run.step, options);
    const end = run.measure(20);
    const history = new Float32Array(7 * 512);
    const records = Array.from({ length: run.copyHistory(history) }, (_, r) => ({ step: history[r * 7], loss: history[r * 7 + 1] }));
    return {
      seed,
      dead,
      unitCount: run.unitCount,
      accuracyAtSwitch: atSwitch.accuracy,
      soon: soonUnits.length,
      soonUnits,
      back: activeAmong(dead, end.train),
      backFirstLayer: activeAmong(dead.filter(([l]) => l === 0), end.train),
      testAccuracy: end.test.accuracy,
      diverged: result.diverged,
      records,
      sparsity: end.train.sparsity,
      told,
      switches: run.switches(),
      activation: run.activation,
      events,
    };
  } finally {
    run.free();
  }
}

const revived = SEEDS.map((seed) => revive(seed));
const keptOnRelu = SEEDS.map((seed) => revive(seed, []));
const share = (run) => run.back / run.dead.length;
const report = (runs) => runs.map((r) => `seed ${r.seed}: ${r.back}/${r.dead.length}`).join(', ');

test('the schedule switches every hidden layer to leaky ReLU once, at its step, in place', () => {
  const { step, activation } = PRESET.state.schedule[0];
  for (const run of revived) {
    assert.equal(run.diverged, false, `seed ${run.seed}`);
    assert.deepEqual(run.switches, [{ step, layer: null, activation }], `seed ${run.seed}`);
    assert.equal(run.activation, activation);
    assert.equal(run.told.length, 1, 'onSwitch is told once');
    assert.equal(run.told[0].step, step);
    assert.equal(run.told[0].from, 'relu');
    // What the page says at the switch ("22 of the 24 units were dead") is the count measured here.
    assert.equal(run.told[0].dead, run.dead.length, `seed ${run.seed}`);
  }
  for (const run of keptOnRelu) assert.deepEqual(run.switches, []);
});

test('most units are dead before the switch, over every seed', () => {
  for (const run of revived) {
    assert.ok(run.dead.length >= run.unitCount / 2, `seed ${run.seed}: ${run.dead.length} of ${run.unitCount} dead`);
  }
});

test('after the switch a large share of the dead units is active again, on every seed', () => {
  for (const run of revived) {
    assert.ok(share(run) >= 0.75, report(revived));
    assert.ok(run.soon / run.dead.length >= 0.6, `seed ${run.seed}: ${run.soon} active 300 steps after the switch`);
    assert.ok(run.testAccuracy > 0.95, `seed ${run.seed}: test accuracy ${run.testAccuracy}`);
  }
  const mean = revived.reduce((sum, run) => sum + share(run), 0) / revived.length;
  assert.ok(mean >= 0.85, `mean share ${mean}`);
  // First-layer units come back too: under leaky ReLU they get gradient (under ReLU they cannot).
  const firstLayer = revived.reduce((sum, run) => sum + run.backFirstLayer, 0);
  assert.ok(firstLayer >= 10, `first-layer units back: ${firstLayer}`);
});

test('kept on ReLU, the same dead units stay dead', () => {
  for (const run of keptOnRelu) assert.equal(run.back, 0, report(keptOnRelu));
});

test('the preset’s sentence says what the runs do', () => {
  const shown = revived.find((run) => run.seed === presetState(PRESET.id).network.seed);
  const { sentence } = PRESET;
  assert.ok(sentence.includes(`by then ${shown.dead.length} of the ${shown.unitCount} units are dead`), sentence);
  assert.ok(shown.accuracyAtSwitch <= 0.6, 'accuracy is close to chance at the switch');
  assert.ok(sentence.includes(`By step 1,300, ${shown.soon} of the ${shown.dead.length} are active again`), `${shown.soon}`);
  assert.ok(sentence.includes(`at step 3,000, ${shown.back} are, and test accuracy is above 95%`), `${shown.back}`);
  // "right after the switch the loss jumps (the warning says so), then falls again": the
  // screen's warning (explain.js) fires at 10 times the best loss so far.
  const switchAt = PRESET.state.schedule[0].step;
  const best = Math.min(...shown.records.filter((r) => r.step <= switchAt).map((r) => r.loss));
  const jump = Math.max(...shown.records.filter((r) => r.step > switchAt && r.step <= switchAt + 300).map((r) => r.loss));
  assert.ok(sentence.includes('right after the switch the loss jumps'));
  assert.ok(jump > EXPLODING_FACTOR * best && jump > 1, `best ${best} before, ${jump} after`);
  assert.ok(shown.records.at(-1).loss < jump / EXPLODING_FACTOR, `then falls: ${shown.records.at(-1).loss}`);
  assert.ok(sentence.includes('so the sparsity falls to 0'));
  assert.equal(shown.sparsity, 0);
  const shares = revived.map(share);
  const range = `${formatPercent(Math.min(...shares), 0)} to ${formatPercent(Math.max(...shares), 0)}`;
  assert.ok(sentence.includes(`seeds 1 to 12, ${range} of the dead units come back; kept on ReLU, none does`), range);
});

test('the log can list them: each unit active again 300 steps after the switch has a “came back” event', () => {
  const shown = revived.find((run) => run.seed === presetState(PRESET.id).network.seed);
  const switchAt = PRESET.state.schedule[0].step;
  const back = new Set(shown.events.filter((e) => !e.died && e.step > switchAt).map((e) => `${e.layer}.${e.unit}`));
  assert.ok(shown.soonUnits.length > 0);
  for (const [l, u] of shown.soonUnits) assert.ok(back.has(`${l}.${u}`), `unit ${l + 1}.${u + 1} is active again with no event`);
});

test('a reset replays the run from step 0, switch included; the learner’s switch joins the schedule', () => {
  const state = presetState(PRESET.id);
  const options = trainOptions(state);
  const run = createRun(state);
  try {
    run.train(1500, options);
    const first = run.stats().train;
    run.reset();
    assert.equal(run.step, 0);
    assert.equal(run.activation, 'relu');
    assert.deepEqual(run.switches(), []);
    run.train(1500, options);
    assert.deepEqual(run.stats().train.loss, first.loss, 'the same run again');
    assert.equal(run.switches().length, 1);
    // The learner switches to ELU at step 1,500: the run's schedule and the state's agree.
    assert.equal(run.switchActivation('elu'), true);
    assert.equal(run.activation, 'elu');
    const schedule = scheduleWithSwitch(state.schedule, 1500, 'elu');
    assert.deepEqual(run.switches().map(({ step, activation }) => ({ step, activation })), schedule);
    run.train(100, options);
    const after = run.stats().train.loss;
    // A new run of that state and schedule goes the same way.
    const again = createRun({ ...state, schedule });
    try {
      again.train(1600, options);
      assert.equal(again.stats().train.loss, after);
    } finally {
      again.free();
    }
  } finally {
    run.free();
  }
});
