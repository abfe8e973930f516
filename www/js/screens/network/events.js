// Unit events (a unit died or came back) gathered into messages: the core keeps the last 256
// events, oldest first, and the screen reads that list now and then; each read may repeat
// events already seen. New ones are batched for EVENT_BATCH_MS so that one message says them
// all ("Units 1.2 and 3.4 died between steps 40 and 90."), and the latest few messages are
// kept for the visible log. The log keeps up with the run: its top line words the batch being
// gathered and is rewritten as soon as new events come in (only the spoken message waits for
// the batch to close). Pure: no DOM, no wasm; the words come from the function passed in.

/** Unit events are gathered for this long (ms) before one message says them all. */
export const EVENT_BATCH_MS = 3000;
/** Messages kept in the visible event log. */
export const EVENT_LOG_LENGTH = 4;

/** @typedef {{ step: number, layer: number, unit: number, died: boolean }} UnitEvent */

const eventKey = (event) => `${event.step}:${event.layer}:${event.unit}:${event.died}`;

/**
 * The events of `events` (the core's list, oldest first) that come after `seen`, the last
 * event taken ({ key, step } or null): after it when it is still in the list, else (it was
 * pushed out of the core's 256) every event after its step.
 * @param {UnitEvent[]} events
 * @param {{ key: string, step: number } | null} seen
 */
export function eventsAfter(events, seen) {
  if (seen === null) return events;
  for (let i = events.length - 1; i >= 0; i -= 1) {
    if (eventKey(events[i]) === seen.key) return events.slice(i + 1);
  }
  const start = events.findIndex((event) => event.step > seen.step);
  return start < 0 ? [] : events.slice(start);
}

/**
 * A batcher of one run's events.
 * @param {{ batchMs?: number, logLength?: number }} [options]
 */
export function createEventBatcher({ batchMs = EVENT_BATCH_MS, logLength = EVENT_LOG_LENGTH } = {}) {
  /** @type {{ key: string, step: number } | null} */
  let seen = null;
  /** @type {UnitEvent[]} */
  let batch = [];
  let batchStart = 0;
  /** @type {string[]} */
  let log = [];
  let lineOpen = false; // log[0] words the batch being gathered
  let logVersion = 0;
  let unsaid = ''; // notes (and the batch they closed) for the next `take` to return

  return {
    /** The messages of the log, newest first (at most logLength). */
    get log() {
      return log;
    },

    /** Changes whenever the log changed (the screen rewrites the list then). */
    get logVersion() {
      return logVersion;
    },

    /** Events taken and not said yet. */
    get pending() {
      return batch.length;
    },

    /** A new run (or a reset): forget what was seen, the batch and the log. */
    reset() {
      seen = null;
      batch = [];
      log = [];
      lineOpen = false;
      logVersion += 1;
      unsaid = '';
    },

    /**
     * Put `text` (the activation switched, say) at the top of the log as a line of its own,
     * after taking `before.events` (the events up to that moment, worded by
     * `before.describe`) into the batch and closing it. Events taken later start a new line.
     * The closed batch's message and `text` are returned by the next `take`, to be said.
     * @param {string} text
     * @param {{ events: UnitEvent[], now: number, describe: (batch: UnitEvent[]) => string } | null} [before]
     */
    note(text, before = null) {
      const due = before ? this.take(before.events, before.now, { flush: false, describe: before.describe }) : '';
      const closed = batch.length > 0 && lineOpen ? log[0] : '';
      batch = [];
      lineOpen = false;
      log = [text, ...log].slice(0, logLength);
      logVersion += 1;
      unsaid = [unsaid, due, closed, text].filter(Boolean).join(' ');
    },

    /**
     * Take the new events of `events` at time `now` (ms); the top line of the log words the
     * open batch at once. When the batch is due (its first event is batchMs old) or `flush` (a
     * pause, a step, a moment), return one message for the whole batch, `describe(batch)`, to
     * be said, and close the batch (its line stays in the log); else return ''. Notes not said
     * yet (note) come first.
     * @param {UnitEvent[]} events
     * @param {number} now
     * @param {{ flush: boolean, describe: (batch: UnitEvent[]) => string }} how
     */
    take(events, now, { flush, describe }) {
      const fresh = eventsAfter(events, seen);
      if (fresh.length) {
        if (batch.length === 0) batchStart = now;
        batch.push(...fresh);
        const last = fresh[fresh.length - 1];
        seen = { key: eventKey(last), step: last.step };
        const line = describe(batch);
        log = (lineOpen ? [line, ...log.slice(1)] : [line, ...log]).slice(0, logLength);
        lineOpen = true;
        logVersion += 1;
      }
      const notes = unsaid;
      unsaid = '';
      if (batch.length === 0 || (!flush && now - batchStart < batchMs)) return notes;
      const message = log[0];
      batch = [];
      lineOpen = false;
      return notes ? `${notes} ${message}` : message;
    },
  };
}
