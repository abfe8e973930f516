// The Network screen's event batching (www/js/screens/network/events.js): every unit event the
// core reports is said once, in order, at the step it happened, none lost when the screen reads
// the core's list only now and then (and the list drops its oldest), and the log keeps the
// latest messages.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createEventBatcher, EVENT_BATCH_MS, EVENT_LOG_LENGTH, eventsAfter } from '../../www/js/screens/network/events.js';
import { describeEvents } from '../../www/js/screens/network/describe.js';

/** The core keeps the last `capacity` events, oldest first. */
function fakeCore(capacity = 256) {
  const all = [];
  return {
    all,
    push(event) {
      all.push(event);
    },
    events: () => all.slice(-capacity),
  };
}

const event = (step, layer, unit, died = true) => ({ step, layer, unit, died });
/** A describe function that keeps every batch it was asked to word. */
function recorder() {
  const batches = [];
  return { batches, describe: (batch) => (batches.push(batch.map((e) => ({ ...e }))), `batch ${batches.length}`) };
}

test('events are batched for EVENT_BATCH_MS, then said in one message, in order', () => {
  const core = fakeCore();
  const batcher = createEventBatcher();
  const words = recorder();
  const take = (now, flush = false) => batcher.take(core.events(), now, { flush, describe: words.describe });
  core.push(event(10, 0, 1));
  assert.equal(take(0), '');
  core.push(event(12, 1, 3));
  assert.equal(take(EVENT_BATCH_MS - 1), '', 'not yet due');
  assert.equal(take(EVENT_BATCH_MS - 1), '', 'reading the same list again adds nothing');
  assert.equal(take(EVENT_BATCH_MS), 'batch 2', 'the batch as it stood when it closed');
  assert.deepEqual(words.batches[1], [event(10, 0, 1), event(12, 1, 3)]);
  assert.equal(batcher.pending, 0);
  assert.equal(take(2 * EVENT_BATCH_MS), '', 'nothing new, nothing said');
  // A pause, a step or another moment says the batch at once.
  core.push(event(20, 0, 1, false));
  assert.equal(take(2 * EVENT_BATCH_MS + 1, true), 'batch 3');
  assert.deepEqual(words.batches[2], [event(20, 0, 1, false)]);
});

test('the log keeps up: its top line words the open batch as soon as events come in', () => {
  const core = fakeCore();
  const batcher = createEventBatcher();
  const words = recorder();
  const take = (now) => batcher.take(core.events(), now, { flush: false, describe: words.describe });
  const version = batcher.logVersion;
  core.push(event(33, 0, 1));
  assert.equal(take(0), '', 'not said yet');
  assert.deepEqual(batcher.log, ['batch 1'], 'but in the log at once');
  assert.notEqual(batcher.logVersion, version);
  core.push(event(40, 1, 2));
  take(10);
  assert.deepEqual(batcher.log, ['batch 2'], 'the same line, rewritten with the new event');
  assert.deepEqual(words.batches[1], [event(33, 0, 1), event(40, 1, 2)]);
  assert.equal(take(EVENT_BATCH_MS), 'batch 2');
  core.push(event(90, 2, 0));
  take(EVENT_BATCH_MS + 1);
  assert.deepEqual(batcher.log, ['batch 3', 'batch 2'], 'a closed batch keeps its line; the next opens a new one');
});

test('none lost, none repeated, each at its step, however rarely the list is read', () => {
  // A seeded run: 3,000 events over 20,000 steps, read at irregular times; the core keeps 256.
  let seed = 7;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const core = fakeCore(256);
  const batcher = createEventBatcher();
  const words = recorder();
  const spoken = [];
  const take = (now, flush) => {
    const message = batcher.take(core.events(), now, { flush, describe: words.describe });
    if (message) spoken.push(message);
  };
  let step = 0;
  let now = 0;
  for (let i = 0; i < 3000; i += 1) {
    step += 1 + Math.floor(random() * 12);
    core.push(event(step, Math.floor(random() * 3), Math.floor(random() * 8), random() < 0.5));
    now += random() * 40;
    // Reads come at most every ~200 events (within the core's 256), sometimes after each one.
    if (random() < 0.3 || i % 200 === 199) take(now, random() < 0.05);
  }
  take(now, true);
  // Each spoken message is the wording of one closed batch ("batch k": the k-th wording).
  const said = spoken.flatMap((message) => words.batches[Number(message.split(' ')[1]) - 1]);
  assert.equal(said.length, core.all.length);
  assert.deepEqual(said, core.all, 'every event once, in order, with its own step');
  // The log keeps the latest EVENT_LOG_LENGTH messages, newest first.
  assert.equal(batcher.log.length, EVENT_LOG_LENGTH);
  assert.deepEqual(batcher.log, spoken.slice(-EVENT_LOG_LENGTH).reverse());
});

test('when the last event seen was dropped from the core’s list, the ones after its step are taken', () => {
  const seen = { key: '5:0:0:true', step: 5 };
  const list = [event(7, 0, 1), event(9, 1, 1)];
  assert.deepEqual(eventsAfter(list, seen), list);
  assert.deepEqual(eventsAfter([event(3, 0, 0), event(5, 0, 0), event(6, 1, 0)], seen), [event(6, 1, 0)]);
  assert.deepEqual(eventsAfter([event(3, 0, 0)], seen), []);
  assert.deepEqual(eventsAfter(list, null), list);
});

test('a reset forgets the batch and the log; the next run starts afresh', () => {
  const batcher = createEventBatcher();
  const words = recorder();
  batcher.take([event(4, 0, 0)], 0, { flush: true, describe: words.describe });
  batcher.take([event(4, 0, 0), event(8, 0, 1)], 1, { flush: false, describe: words.describe });
  assert.equal(batcher.pending, 1);
  batcher.reset();
  assert.equal(batcher.pending, 0);
  assert.deepEqual(batcher.log, []);
  // A new run's list starts again at low steps: nothing is mistaken for already seen.
  assert.equal(batcher.take([event(4, 0, 0)], 2, { flush: true, describe: words.describe }), 'batch 3');
});

test('the screen’s words for a batch name the units and the steps', () => {
  const batcher = createEventBatcher();
  const message = batcher.take([event(40, 0, 1), event(90, 2, 3), event(95, 1, 0, false)], 0, {
    flush: true,
    describe: (batch) => describeEvents(batch, ['relu', 'relu', 'relu', 'linear']),
  });
  assert.equal(message, 'Units 1.2 and 3.4 died between steps 40 and 90. Unit 2.1 came back at step 95.');
  assert.equal(batcher.log[0], message);
});
