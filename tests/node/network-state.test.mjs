// The network screen's state model (www/js/screens/network/state.js): its lists match the
// core's names, the URL hash round-trips exactly, and a bad hash never throws: it loads the
// defaults (or the valid part) and names what it ignored.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import lab from './load.mjs';
import {
  ACTIVATIONS, DATASETS, INITS, LEARNING_RATES, OPTIMIZERS, activePreset, decodeHash,
  decodePoints, defaultState, encodeHash, encodePoints, mergeState, needsRebuild, presetState,
  quantisePoint,
} from '../../www/js/screens/network/state.js';
import { PRESETS } from '../../www/js/screens/network/presets.js';

test('the screen offers exactly the core’s activations, inits, optimisers and 2-D data sets', () => {
  const names = lab.names();
  assert.deepEqual([...ACTIVATIONS], names.activations);
  assert.deepEqual([...INITS], names.inits);
  assert.deepEqual([...OPTIMIZERS], names.optimizers);
  for (const name of DATASETS.filter((n) => n !== 'custom')) assert.ok(names.datasets.includes(name));
  assert.deepEqual(names.domains.plane, [-6, 6]);
});

test('every hash round-trips to the same state', () => {
  const states = [defaultState(), ...PRESETS.map((p) => presetState(p.id))];
  const custom = mergeState(defaultState(), {
    data: { name: 'custom', noise: 0.35, testRatio: 0.2, seed: 123456789, points: [[1.234, -5.99, 1], [6, 6, 0], [-6, 0.05, 1]] },
    network: { hidden: [], activation: 'leaky-relu', slope: 0.2, reluAtZero: 0.5, init: 'uniform', biasInit: -2.5, seed: 2 ** 40 },
    train: { optimizer: 'momentum', learningRate: 0.00002, batchSize: 7, regularization: 'l1', regularizationRate: 0.003 },
    stepsPerFrame: 42,
  });
  assert.deepEqual(custom.problems, []);
  states.push(custom.state);
  for (const state of states) {
    const decoded = decodeHash(`#${encodeHash(state)}`);
    assert.deepEqual(decoded.problems, []);
    assert.deepEqual(decoded.state, state);
  }
  assert.deepEqual(custom.state.data.points[0], [1.25, -6, 1], 'points sit on the 0.05 grid');
});

test('points pack into 3 characters each', () => {
  const points = [];
  for (let i = 0; i < 50; i += 1) points.push(quantisePoint(-6 + i * 0.24, 6 - i * 0.17, i % 2));
  const text = encodePoints(points);
  assert.equal(text.length, 150);
  assert.deepEqual(decodePoints(text), points);
  assert.equal(decodePoints('ab'), undefined);
  assert.equal(decodePoints('!!!'), undefined);
});

test('a malformed or out-of-range hash keeps the valid part and names the rest', () => {
  const cases = [
    ['#lr=abc', ['lr']],
    ['#lr=100', ['lr']],
    ['#layers=8,99,4', ['layers']],
    ['#layers=1,2,3,4,5,6,7,8,9,1,2,3,4,5,6,7,8', ['layers']], // 17 layers: one too many
    ['#keep=yes', ['keep']],
    ['#then=leaky-relu', ['then']], // no step
    ['#then=leaky-relu@', ['then']],
    ['#then=leaky-relu@12x', ['then']],
    ['#then=swish@100', ['then']], // no such activation
    ['#then=elu@0', ['then']], // a switch trains from step 1 or later
    ['#then=elu@300,relu@200', ['then']], // not in step order
    ['#then=elu@3,elu@3', ['then']],
    ['#then=elu@1.5', ['then']],
    ['#then=', ['then']],
    ['#then=elu@1,elu@2,elu@3,elu@4,elu@5,elu@6,elu@7,elu@8,elu@9', ['then']], // 9: one too many
    ['#al1=2', ['al1']],
    ['#al1=-0.01', ['al1']],
    ['#al1=lots', ['al1']],
    ['#act=swish&noise=-1', ['act', 'noise']],
    ['#pts=@@@', ['pts']],
    ['#seed=1.5&dseed=-3', ['seed', 'dseed']],
    ['#%E0%A4%A', ['%E0%A4%A']],
    ['#preset=nope', ['preset']],
    ['#v=9', ['v']],
    ['#whatever', ['whatever']],
  ];
  for (const [hash, problems] of cases) {
    const { state, problems: found } = decodeHash(hash);
    assert.deepEqual(found.sort(), problems.sort(), hash);
    assert.deepEqual(state, defaultState(), hash);
  }
  const partly = decodeHash('#lr=abc&opt=adam&layers=4,4');
  assert.deepEqual(partly.problems, ['lr']);
  assert.equal(partly.state.train.optimizer, 'adam');
  assert.deepEqual(partly.state.network.hidden, [4, 4]);
  assert.equal(partly.state.train.learningRate, defaultState().train.learningRate);
  assert.deepEqual(decodeHash('').problems, []);
  assert.equal(decodeHash('').empty, true);
});

test('a preset named in the hash is the base for the other keys', () => {
  const kill = decodeHash('#preset=kill');
  assert.deepEqual(kill.state, presetState('kill'));
  assert.equal(activePreset(kill.state).id, 'kill');
  const changed = decodeHash('#preset=kill&lr=0.01');
  assert.equal(changed.state.train.learningRate, 0.01);
  assert.equal(changed.state.train.optimizer, 'adam');
  assert.equal(activePreset(changed.state), null, 'a changed preset is no longer that preset');
});

test('only data and network changes rebuild the run', () => {
  const base = defaultState();
  const change = (partial) => needsRebuild(base, mergeState(base, partial).state);
  assert.equal(change({ train: { learningRate: 0.1 } }), false);
  assert.equal(change({ stepsPerFrame: 20 }), false);
  assert.equal(change({ network: { hidden: [8, 8] } }), true);
  assert.equal(change({ data: { noise: 0.2 } }), true);
  assert.equal(change({ data: { points: [[0, 0, 1]] } }), true);
  assert.ok(LEARNING_RATES.includes(0.03) && LEARNING_RATES.includes(0.3) && LEARNING_RATES.includes(1));
  assert.equal(LEARNING_RATES[0], 1e-5);
  assert.equal(LEARNING_RATES.at(-1), 10);
});

test('unit events are told in one short batched message, 1-based', async () => {
  const { describeEvents, describeSummary } = await import('../../www/js/screens/network/describe.js');
  const relu = ['relu', 'relu', 'relu', 'linear'];
  assert.equal(describeEvents([{ step: 1240, layer: 1, unit: 4, died: true }], relu), 'Unit 2.5 died at step 1,240.');
  assert.equal(
    describeEvents([
      { step: 10, layer: 0, unit: 1, died: true },
      { step: 12, layer: 2, unit: 0, died: true },
      { step: 15, layer: 0, unit: 3, died: false },
    ], relu),
    'Units 1.2 and 3.1 died between steps 10 and 12. Unit 1.4 came back at step 15.',
  );
  assert.equal(
    describeEvents([{ step: 3, layer: 1, unit: 4, died: true }, { step: 9, layer: 1, unit: 4, died: false }], relu),
    'Unit 2.5 died and came back between steps 3 and 9.',
  );
  assert.equal(describeEvents([{ step: 7, layer: 0, unit: 0, died: true }], ['leaky-relu', 'linear']), 'Unit 1.1 became inactive at step 7.');
  const many = Array.from({ length: 9 }, (_, unit) => ({ step: 100 + unit, layer: 0, unit, died: true }));
  assert.equal(describeEvents(many, relu), 'Units 1.1, 1.2, 1.3, 1.4, 1.5, 1.6 and 3 more died between steps 100 and 108.');
  assert.equal(
    describeSummary({ testAccuracy: 0.973, trainAccuracy: 0.98, unitCount: 16, offCount: 3, canDie: true, sparsity: [0.48, 0.2] }),
    'test accuracy 97%, 3 of 16 units dead, layer 1 48% sparse, layer 2 20% sparse',
  );
});

test('the switch schedule and the activation penalty round-trip in the hash', async () => {
  const { activationAt, scheduleWithSwitch, trainOptions } = await import('../../www/js/screens/network/state.js');
  const one = decodeHash('#then=leaky-relu@1200');
  assert.deepEqual(one.problems, []);
  assert.deepEqual(one.state.schedule, [{ step: 1200, activation: 'leaky-relu' }]);
  assert.match(encodeHash(one.state), /&then=leaky-relu@1200(&|$)/);
  const two = decodeHash('#act=relu&then=leaky-relu@1200,elu@3000&al1=0.003');
  assert.deepEqual(two.problems, []);
  assert.deepEqual(two.state.schedule, [{ step: 1200, activation: 'leaky-relu' }, { step: 3000, activation: 'elu' }]);
  assert.equal(two.state.train.activationL1, 0.003);
  assert.equal(trainOptions(two.state).activationL1, 0.003);
  for (const state of [one.state, two.state]) {
    const again = decodeHash(`#${encodeHash(state)}`);
    assert.deepEqual(again.problems, []);
    assert.deepEqual(again.state, state);
  }
  // No schedule: no key (old links stay as they were); "none" only overrides a preset's.
  assert.doesNotMatch(encodeHash(defaultState()), /then=/);
  assert.match(encodeHash(defaultState()), /&al1=0&/);
  const revive = presetState('kill-revive');
  assert.deepEqual(revive.schedule, [{ step: 1000, activation: 'leaky-relu' }]);
  assert.match(encodeHash(revive), /&then=leaky-relu@1000(&|$)/);
  const without = decodeHash('#preset=kill-revive&then=none');
  assert.deepEqual(without.problems, []);
  assert.deepEqual(without.state.schedule, []);
  assert.equal(activePreset(without.state), null, 'without its switch it is not the scenario');
  assert.deepEqual(decodeHash(`#${encodeHash(without.state)}`).state, without.state);
  // A malformed schedule keeps the base's (the preset's here) and names the key.
  const bad = decodeHash('#preset=kill-revive&then=elu@x');
  assert.deepEqual(bad.problems, ['then']);
  assert.deepEqual(bad.state.schedule, revive.schedule);
  // Which activation trains from a step, and the learner's switch in place.
  assert.equal(activationAt(revive, 999), 'relu');
  assert.equal(activationAt(revive, 1000), 'leaky-relu');
  assert.deepEqual(scheduleWithSwitch(revive.schedule, 1500, 'elu'), [{ step: 1000, activation: 'leaky-relu' }, { step: 1500, activation: 'elu' }]);
  assert.deepEqual(scheduleWithSwitch(revive.schedule, 400, 'elu'), [{ step: 400, activation: 'elu' }], 'later switches are dropped');
  assert.deepEqual(scheduleWithSwitch(revive.schedule, 1000, 'prelu'), [{ step: 1000, activation: 'prelu' }], 'one at the same step is replaced');
  // A schedule changes the run: it rebuilds, and two states with different ones are not the same run.
  assert.equal(needsRebuild(defaultState(), one.state), true);
  assert.equal(needsRebuild(one.state, decodeHash(`#${encodeHash(one.state)}`).state), false);
});

test('a switch of activation is a line of its own in the event log, said with the events before it', async () => {
  const { createEventBatcher } = await import('../../www/js/screens/network/events.js');
  const { describeEvents, describeSwitch, describeSchedule } = await import('../../www/js/screens/network/describe.js');
  const relu = ['relu', 'relu', 'linear'];
  const leaky = ['leaky-relu', 'leaky-relu', 'linear'];
  const batcher = createEventBatcher({ batchMs: 1000 });
  const died = [{ step: 40, layer: 0, unit: 1, died: true }];
  assert.equal(batcher.take(died, 0, { flush: false, describe: (b) => describeEvents(b, relu) }), '');
  const more = [...died, { step: 90, layer: 1, unit: 2, died: true }];
  const text = describeSwitch({ step: 100, from: 'relu', to: 'leaky-relu', dead: 2, inactive: 2, unitCount: 16 });
  assert.equal(text, 'Switched every hidden layer from ReLU to leaky ReLU at step 100, keeping the weights. ' +
    '2 of the 16 units were dead; as leaky ReLU units they are only inactive: the slope below zero passes gradient to them, so they can come back.');
  batcher.note(text, { events: more, now: 10, describe: (b) => describeEvents(b, relu) });
  assert.deepEqual(batcher.log, [text, 'Units 1.2 and 2.3 died between steps 40 and 90.']);
  assert.equal(batcher.pending, 0);
  // The next take says both (the frame's own words come first there), once.
  const back = [...more, { step: 120, layer: 0, unit: 1, died: false }];
  assert.equal(batcher.take(back, 20, { flush: true, describe: (b) => describeEvents(b, leaky) }),
    `Units 1.2 and 2.3 died between steps 40 and 90. ${text} Unit 1.2 became active again at step 120.`);
  assert.deepEqual(batcher.log, ['Unit 1.2 became active again at step 120.', text, 'Units 1.2 and 2.3 died between steps 40 and 90.']);
  assert.equal(batcher.take(back, 30, { flush: true, describe: (b) => describeEvents(b, leaky) }), '');
  // Other switches say what is true for them.
  assert.match(describeSwitch({ step: 5, from: 'relu', to: 'relu6', dead: 3, inactive: 3, unitCount: 8 }), /ReLU6 is flat below zero too, so they still get no gradient\.$/);
  assert.match(describeSwitch({ step: 5, from: 'leaky-relu', to: 'relu', dead: 0, inactive: 3, unitCount: 8 }), /3 of the 8 units had z ≤ 0 on every training point: as ReLU units they are dead now, with no gradient\.$/);
  assert.equal(describeSwitch({ step: 5, from: 'relu', to: 'elu', dead: 0, inactive: 0, unitCount: 8 }), 'Switched every hidden layer from ReLU to ELU at step 5, keeping the weights.');
  assert.equal(describeSchedule(presetState('kill-revive')), 'ReLU at step 0; every hidden layer switches at step 1,000 to leaky ReLU, keeping the weights.');
  assert.equal(describeSchedule(defaultState()), '');
});

test('a schedule holds at most 8 switches; a 9th in place is refused', async () => {
  const { LIMITS, scheduleWithSwitch } = await import('../../www/js/screens/network/state.js');
  let schedule = [];
  for (let k = 1; k <= LIMITS.schedule.max; k += 1) schedule = scheduleWithSwitch(schedule, k * 10, k % 2 ? 'elu' : 'relu');
  assert.equal(schedule.length, 8);
  assert.deepEqual(mergeState(defaultState(), { schedule }).problems, []);
  assert.equal(scheduleWithSwitch(schedule, 100, 'elu'), null);
  assert.deepEqual(scheduleWithSwitch(schedule, 80, 'tanh').at(-1), { step: 80, activation: 'tanh' }, 'replacing the last is fine');
});
