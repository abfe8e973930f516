// The Network screen's cadence (www/js/screens/network/cadence.js) and the shared reduced-motion
// cadence (www/js/ui/training-controls.js): which frames train, how many steps a frame trains
// within its budget, which frames measure the statistics and read the unit events.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  createCadence, EVENT_READ_MEASUREMENTS, STATS_INTERVAL_MS, TRAIN_BUDGET_MS, offKeyOf,
} from '../../www/js/screens/network/cadence.js';
import { framesPerUpdate, isUpdateFrame, REDUCED_MOTION_FRAMES } from '../../www/js/ui/training-controls.js';

/** A fake run: `train(count)` adds steps and advances the clock by `msPerStep` each. */
function fakeRun({ msPerStep = 0, divergeAt = Infinity } = {}) {
  const run = { step: 0, calls: [], time: 0 };
  run.clock = () => run.time;
  run.train = (count) => {
    run.calls.push(count);
    run.step += count;
    run.time += count * msPerStep;
    return { diverged: run.step >= divergeAt };
  };
  return run;
}

/** Play `frames` update frames of the cadence on `run`; returns the steps trained per frame. */
function play(cadence, run, frames, pace) {
  const trained = [];
  for (let frame = 0; frame < frames; frame += 1) {
    const before = run.step;
    const steps = cadence.stepsDue({ ...pace, step: run.step });
    cadence.train(steps, { ...pace, train: run.train, step: () => run.step });
    cadence.frameDrawn();
    trained.push(run.step - before);
  }
  return trained;
}

test('every frame trains normally; with reduced motion one in REDUCED_MOTION_FRAMES does', () => {
  assert.equal(framesPerUpdate(false), 1);
  assert.equal(framesPerUpdate(true), REDUCED_MOTION_FRAMES);
  const updates = (frames) => Array.from({ length: 36 }, (_, i) => i + 1).filter((i) => isUpdateFrame(i, frames));
  assert.equal(updates(1).length, 36);
  assert.deepEqual(updates(REDUCED_MOTION_FRAMES), [12, 24, 36]);
});

test('the first full frame shows the start; then each update trains steps × frames per update', () => {
  const run = fakeRun();
  const cadence = createCadence({ clock: run.clock });
  const pace = { stepsPerFrame: 10, framesPerUpdate: 1, stopAt: null };
  assert.deepEqual(play(cadence, run, 4, pace), [0, 10, 10, 10]);
  // Reduced motion: fewer updates, the same pace per second (12 frames' steps at once).
  const slow = fakeRun();
  const reduced = createCadence({ clock: slow.clock });
  assert.deepEqual(play(reduced, slow, 3, { ...pace, framesPerUpdate: REDUCED_MOTION_FRAMES }), [0, 120, 120]);
});

test('training stops at a preset’s step count, and at divergence', () => {
  const run = fakeRun();
  const cadence = createCadence({ clock: run.clock });
  const trained = play(cadence, run, 6, { stepsPerFrame: 40, framesPerUpdate: 1, stopAt: 100 });
  assert.deepEqual(trained, [0, 40, 40, 20, 0, 0]);
  assert.equal(run.step, 100);

  const diverging = fakeRun({ divergeAt: 7 });
  const second = createCadence({ clock: diverging.clock });
  second.frameDrawn();
  const result = second.train(50, { stepsPerFrame: 50, framesPerUpdate: 1, stopAt: null, train: diverging.train, step: () => diverging.step });
  assert.equal(result.diverged, true);
  assert.ok(diverging.step < 50, 'no step after the one that diverged');
});

test('a slow network trains within the frame budget and owes the rest, never more than 4 frames’ worth', () => {
  const run = fakeRun({ msPerStep: 3 });
  const cadence = createCadence({ clock: run.clock });
  for (let i = 0; i < 30; i += 1) cadence.frameDrawn(); // warm
  const pace = { stepsPerFrame: 100, framesPerUpdate: 1, stopAt: null, train: run.train, step: () => run.step };
  const start = run.time;
  cadence.train(100, pace);
  // It stops once the budget is spent: one chunk past it at most.
  assert.ok(run.time - start <= TRAIN_BUDGET_MS + 8 * 3, `trained for ${run.time - start} ms`);
  assert.ok(run.step < 100);
  assert.equal(cadence.owed, 100 - run.step);
  for (let i = 0; i < 20; i += 1) cadence.train(100, pace);
  assert.ok(cadence.owed <= 400, `owes ${cadence.owed} steps`);
  // The first chunk of a cold start is a single step (a big network must not overrun at once).
  const cold = fakeRun({ msPerStep: 1 });
  createCadence({ clock: cold.clock }).train(10, { ...pace, train: cold.train, step: () => cold.step });
  assert.equal(cold.calls[0], 1);
  // A fast network takes few calls: the chunk grows while there is time.
  const fast = fakeRun();
  const warm = createCadence({ clock: fast.clock });
  for (let i = 0; i < 30; i += 1) warm.frameDrawn();
  warm.train(400, { ...pace, stepsPerFrame: 400, train: fast.train, step: () => fast.step });
  assert.equal(fast.step, 400);
  assert.ok(fast.calls.length <= 7, `${fast.calls.length} calls`);
});

test('statistics: measured at once for a new network, else while playing at most every STATS_INTERVAL_MS', () => {
  const cadence = createCadence({ clock: () => 0 });
  const playing = { playing: true, moment: null };
  assert.equal(cadence.measureDue(null, { version: 1, step: 0, now: 0, ...playing }), true);
  const last = { version: 1, step: 10, at: 1000 };
  assert.equal(cadence.measureDue(last, { version: 1, step: 10, now: 5000, ...playing }), false, 'same step');
  assert.equal(cadence.measureDue(last, { version: 1, step: 20, now: 1000 + STATS_INTERVAL_MS - 1, ...playing }), false);
  assert.equal(cadence.measureDue(last, { version: 1, step: 20, now: 1000 + STATS_INTERVAL_MS, ...playing }), true);
  // Paused, or at a moment (pause, step, reset, preset end, divergence): every new step.
  assert.equal(cadence.measureDue(last, { version: 1, step: 11, now: 1001, playing: false, moment: null }), true);
  assert.equal(cadence.measureDue(last, { version: 1, step: 11, now: 1001, playing: true, moment: 'step' }), true);
  // A rebuilt network (a wider layer, issue 9) or a reset: never the old statistics, even
  // 1 ms later and at the same step number.
  assert.equal(cadence.measureDue(last, { version: 2, step: 10, now: 1001, ...playing }), true);
  assert.equal(cadence.measureDue(last, { version: 2, step: 0, now: 1001, ...playing }), true);
});

test('events: read when a unit turned off or on, at moments and paused, else every few measurements', () => {
  const cadence = createCadence({ clock: () => 0 });
  const playing = { playing: true, moment: null, measured: true };
  const reads = [];
  for (let i = 0; i < 2 * EVENT_READ_MEASUREMENTS; i += 1) reads.push(cadence.eventsDue({ ...playing, offKey: '' }));
  assert.deepEqual(reads, [false, false, true, false, false, true]);
  assert.equal(cadence.eventsDue({ ...playing, offKey: '01' }), true, 'a unit died');
  assert.equal(cadence.eventsDue({ ...playing, offKey: '01' }), false);
  assert.equal(cadence.eventsDue({ ...playing, offKey: '00' }), true, 'it came back');
  assert.equal(cadence.eventsDue({ ...playing, offKey: '00', moment: 'pause' }), true);
  assert.equal(cadence.eventsDue({ playing: false, moment: null, measured: true, offKey: '00' }), true);
  // Frames that do not measure read them only at moments and paused.
  assert.equal(cadence.eventsDue({ playing: true, moment: null, measured: false }), false);
  assert.equal(cadence.eventsDue({ playing: true, moment: 'step', measured: false }), true);
  assert.equal(cadence.eventsDue({ playing: false, moment: null, measured: false }), true);
});

test('offKeyOf: one character per hidden unit, 1 when never active', () => {
  const unit = (neverActive) => ({ neverActive });
  const train = { layers: [{ units: [unit(false), unit(true)] }, { units: [unit(true)] }] };
  assert.equal(offKeyOf(train), '01|1');
});
