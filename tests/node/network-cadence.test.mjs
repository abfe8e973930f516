// The Network screen's cadence (www/js/screens/network/cadence.js) and the shared reduced-motion
// cadence (www/js/ui/training-controls.js): which frames train, how many steps a frame trains
// within its budget (and, at the top speed, how it fills a time budget each frame), which frames
// measure the statistics and read the unit events.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  createCadence, EVENT_READ_MEASUREMENTS, FASTEST_BUDGET_MS, START_FRAMES, STATS_INTERVAL_MS, TRAIN_BUDGET_MS, offKeyOf,
  FASTEST_SPEED, stepsPerCall,
} from '../../www/js/screens/network/cadence.js';
import { decodeHash, defaultState, encodeHash, mergeState } from '../../www/js/screens/network/state.js';
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

/** Warm `cadence` up past its start-up frames. */
function warmUp(cadence) {
  for (let i = 0; i <= START_FRAMES; i += 1) cadence.frameDrawn();
}

test('the top speed trains for its time budget each frame, in few calls, whatever the pace', () => {
  for (const msPerStep of [0.005, 0.05, 0.7]) {
    const run = fakeRun({ msPerStep });
    const cadence = createCadence({ clock: run.clock });
    warmUp(cadence);
    const frame = () => {
      const start = run.time;
      const calls = run.calls.length;
      const result = cadence.trainFor({ callLimit: 1e6, stopAt: null, train: run.train, step: () => run.step });
      return { ms: run.time - start, calls: run.calls.length - calls, steps: result.steps };
    };
    frame(); // the first frame of a network learns its pace (one step first)
    for (let i = 0; i < 5; i += 1) {
      const { ms, calls, steps } = frame();
      // Within the budget, and using most of it: 90% of what is left, call after call.
      assert.ok(ms <= FASTEST_BUDGET_MS, `${msPerStep} ms a step: ${ms} ms`);
      assert.ok(ms >= FASTEST_BUDGET_MS - Math.max(2 * msPerStep, 0.3), `${msPerStep} ms a step: only ${ms} ms`);
      assert.ok(calls <= 6, `${calls} calls`);
      assert.equal(steps, Math.round(ms / msPerStep));
    }
    assert.ok(Math.abs(cadence.msPerStep / msPerStep - 1) < 0.01, `estimate ${cadence.msPerStep} ms a step`);
    assert.equal(cadence.owed, 0, 'nothing is owed at the top speed');
  }
});

test('the top speed: no step on the first full frame, a quarter budget while warming up, one step at least', () => {
  const run = fakeRun({ msPerStep: 0.01 });
  const cadence = createCadence({ clock: run.clock });
  const pace = { callLimit: 1e6, stopAt: null, train: run.train, step: () => run.step };
  assert.equal(cadence.trainFor(pace).steps, 0, 'the first full frame shows the start');
  cadence.frameDrawn();
  cadence.trainFor(pace);
  const start = run.time;
  cadence.trainFor(pace);
  assert.ok(run.time - start <= FASTEST_BUDGET_MS / 4 + 1e-9, `cold: ${run.time - start} ms`);
  // A step slower than the whole budget (a huge network, or a held-up call): still one a frame.
  const slow = fakeRun({ msPerStep: 3 * FASTEST_BUDGET_MS });
  const stuck = createCadence({ clock: slow.clock });
  warmUp(stuck);
  for (let i = 0; i < 3; i += 1) {
    assert.equal(stuck.trainFor({ ...pace, train: slow.train, step: () => slow.step }).steps, 1);
  }
});

test('the top speed: a clock too coarse to time a call still fills the frame in a few calls', () => {
  // The page's clock moves in steps of 0.1 ms; a step takes 2 µs.
  const run = fakeRun({ msPerStep: 0.002 });
  const coarse = () => Math.floor(run.time * 10) / 10;
  const cadence = createCadence({ clock: coarse });
  warmUp(cadence);
  const pace = { callLimit: 1e6, stopAt: null, train: run.train, step: () => run.step };
  cadence.trainFor(pace);
  const before = run.step;
  const calls = run.calls.length;
  cadence.trainFor(pace);
  assert.ok(run.step - before > 0.8 * (FASTEST_BUDGET_MS / 0.002), `${run.step - before} steps`);
  assert.ok(run.calls.length - calls <= 6, `${run.calls.length - calls} calls`);
});

test('the top speed: never a call over the core’s work bound, never past a preset’s end, stops at divergence', () => {
  const run = fakeRun({ msPerStep: 0.00005 }); // 160,000 steps fit in the budget
  const cadence = createCadence({ clock: run.clock });
  warmUp(cadence);
  const limit = stepsPerCall({ params: 393, units: 48, batch: 10 });
  for (let i = 0; i < 4; i += 1) cadence.trainFor({ callLimit: limit, stopAt: null, train: run.train, step: () => run.step });
  assert.ok(Math.max(...run.calls) <= limit, `largest call ${Math.max(...run.calls)} > ${limit}`);
  assert.ok(run.calls.filter((count) => count === limit).length > 0, 'the bound was reached');

  const preset = fakeRun({ msPerStep: 0.001 });
  const toEnd = createCadence({ clock: preset.clock });
  warmUp(toEnd);
  for (let i = 0; i < 10; i += 1) toEnd.trainFor({ callLimit: 1e6, stopAt: 5000, train: preset.train, step: () => preset.step });
  assert.equal(preset.step, 5000);

  const diverging = fakeRun({ msPerStep: 0.001, divergeAt: 300 });
  const broken = createCadence({ clock: diverging.clock });
  warmUp(broken);
  let result = { diverged: false };
  for (let i = 0; i < 5 && !result.diverged; i += 1) {
    result = broken.trainFor({ callLimit: 1e6, stopAt: null, train: diverging.train, step: () => diverging.step });
  }
  assert.equal(result.diverged, true);
  assert.ok(diverging.step - diverging.calls.at(-1) < 300, 'no call after the one that diverged');
});

test('stepsPerCall: the core’s bound of 250 million (half of 500 million) over batch × (parameters + units + 32)', () => {
  // 2→6×8→1: 393 parameters, 48 hidden units; batch 10.
  assert.equal(stepsPerCall({ params: 393, units: 48, batch: 10 }), Math.floor(250_000_000 / (10 * 473)));
  // The largest screen network (16 layers of 16) at batch 100: still some steps per call.
  const params = 2 * 16 + 16 + 15 * (16 * 16 + 16) + 16 + 1;
  assert.equal(stepsPerCall({ params, units: 256, batch: 100 }), Math.floor(250_000_000 / (100 * (params + 256 + 32))));
  assert.equal(stepsPerCall({ params: 1e9, units: 0, batch: 100 }), 1);
});

test('the URL’s speed: "max" is the top speed and reads back; 1 to 100 steps a frame still do', () => {
  const top = decodeHash('#speed=max');
  assert.deepEqual(top.problems, []);
  assert.equal(top.state.stepsPerFrame, FASTEST_SPEED);
  assert.match(encodeHash(top.state), /(^|&)speed=max(&|$)/);
  assert.equal(decodeHash(`#${encodeHash(top.state)}`).state.stepsPerFrame, FASTEST_SPEED);
  for (const old of ['1', '5', '100']) {
    const { state, problems } = decodeHash(`#speed=${old}`);
    assert.deepEqual(problems, []);
    assert.equal(state.stepsPerFrame, Number(old));
  }
  for (const bad of ['0', '101', 'MAX', 'fast']) assert.deepEqual(decodeHash(`#speed=${bad}`).problems, ['speed'], bad);
  assert.deepEqual(mergeState(defaultState(), { stepsPerFrame: FASTEST_SPEED }).problems, []);
});

test('the top speed: late frames shrink its budget (to a quarter at most), frames on time grow it back', () => {
  const run = fakeRun({ msPerStep: 0.001 });
  const cadence = createCadence({ clock: run.clock });
  warmUp(cadence);
  let now = 1000;
  const frame = (gap) => {
    now += gap;
    cadence.frameAt(now);
    const start = run.time;
    cadence.trainFor({ callLimit: 1e6, stopAt: null, train: run.train, step: () => run.step });
    return run.time - start;
  };
  for (let i = 0; i < 5; i += 1) frame(16.7);
  assert.equal(cadence.budgetShare, 1);
  assert.ok(frame(16.7) > 0.9 * FASTEST_BUDGET_MS);
  for (let i = 0; i < 20; i += 1) frame(33.4); // every frame late: a busy machine
  assert.equal(cadence.budgetShare, 0.25);
  assert.ok(frame(33.4) <= 0.25 * FASTEST_BUDGET_MS + 1e-9);
  for (let i = 0; i < 60; i += 1) frame(16.7);
  assert.equal(cadence.budgetShare, 1, 'back to the whole budget');
  // A pause (a long gap) is not a late frame; two callbacks in one millisecond are no display.
  frame(5000);
  frame(0.5);
  frame(16.7);
  assert.equal(cadence.budgetShare, 1);
});

test('the top speed: one held-up call (the machine busy elsewhere) does not slow the frames after it', () => {
  const run = fakeRun({ msPerStep: 0.005 });
  const cadence = createCadence({ clock: run.clock });
  warmUp(cadence);
  const pace = { callLimit: 1e6, stopAt: null, train: run.train, step: () => run.step };
  for (let i = 0; i < 3; i += 1) cadence.trainFor(pace);
  // One call is held up for 200 ms: its time per step is 100 times too long.
  const held = run.train;
  let once = true;
  const train = (count) => {
    const result = held(count);
    if (once) run.time += 200;
    once = false;
    return result;
  };
  cadence.trainFor({ ...pace, train });
  const steps = [];
  for (let i = 0; i < 5; i += 1) steps.push(cadence.trainFor(pace).steps);
  const full = FASTEST_BUDGET_MS / 0.005;
  assert.ok(steps.slice(2).every((count) => count > 0.8 * full), `steps per frame after it: ${steps.join(', ')}`);
});
