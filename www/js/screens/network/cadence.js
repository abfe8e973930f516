// The Network screen's cadence: how much it trains on a frame, and when it measures the
// statistics and reads the unit events. Pure: no DOM, no wasm (training goes through the
// function it is given, time through the clock it is given), so it is tested in Node.
//
// While playing, a frame (one in REDUCED_MOTION_FRAMES with reduced motion, see
// ui/training-controls.js) trains stepsPerFrame × framesPerUpdate steps within a time budget,
// owing the rest to the next frames; the maps are drawn every frame, the statistics (numbers,
// meters, unit states, charts, the traced point) are measured at most every STATS_INTERVAL_MS.
// Paused, stepped, at a moment (pause, reset, a preset's end, divergence) or on a new network,
// every frame measures.
//
// At the top speed ("as fast as it draws", FASTEST_SPEED) there is no fixed number of steps:
// every playing frame, reduced motion or not, trains for FASTEST_BUDGET_MS (the rest of the
// frame draws), in calls sized from the measured time per step and never larger than the core
// allows one call to do (stepsPerCall). Nothing is owed from one frame to the next. When frames
// come late (a busy machine, a slower display), the budget shrinks, down to a quarter, and
// grows back while they come on time: drawing smoothly comes first.

/** Training time allowed per frame (ms); steps left over are trained on the next frames. */
export const TRAIN_BUDGET_MS = 20;
/** Frames after start-up with a smaller training budget (the code is not optimised yet). */
export const START_FRAMES = 20;
/** While playing, the statistics are measured at most this often (ms). */
export const STATS_INTERVAL_MS = 100;
/** While playing, events are read at least every this many measurements. */
export const EVENT_READ_MEASUREMENTS = 3;
/** Steps owed are capped at this many frames' worth (a slow machine does not fall behind for ever). */
const OWED_FRAMES = 4;
/** The top speed's value of state.stepsPerFrame (and of the URL's `speed`), and its name. */
export const FASTEST_SPEED = 'max';
export const FASTEST_LABEL = 'as fast as it draws';
/** Training time per frame at the top speed (ms): about half of a 60 Hz frame. */
export const FASTEST_BUDGET_MS = 8;
/** At most this many `train` calls a frame at the top speed (the budget is met in 2 to 4). */
const FASTEST_CALLS = 16;
/** A call shorter than this (ms) is too short to time with a page's clock. */
const TIMED_MS = 0.5;
/** A frame is late when it comes this many display periods after the one before. */
const LATE_FRAME = 1.5;
/** The top speed's budget shrinks to this share at most… */
const LEAST_SHARE = 0.25;
/** …by this factor a late frame, and grows back by this much a frame on time. */
const LATE_SHRINK = 0.75;
const ON_TIME_GROWTH = 0.02;
/** Gaps longer than this (ms) are pauses or hidden tabs, not late frames; shorter than the
 * other, not a display's period (none is faster than 240 Hz). */
const GAP_MS = 250;
const SHORTEST_PERIOD_MS = 4;
/**
 * The work one `train` call may do as the core counts it (README: limits: 500 million, an
 * example costing parameters + units + 32), with half kept as a margin for history records.
 */
const TRAIN_WORK_PER_CALL = 250_000_000;

/**
 * The most steps one `train` call may take on a network of `params` parameters and `units`
 * hidden units with batches of `batch` examples, within the core's per-call work bound.
 * @param {{ params: number, units: number, batch: number }} network
 */
export function stepsPerCall({ params, units, batch }) {
  return Math.max(1, Math.floor(TRAIN_WORK_PER_CALL / (Math.max(1, batch) * (params + units + 32))));
}

/**
 * The cadence of one screen. `clock()` gives the time in ms (performance.now in the page).
 * @param {{ clock?: () => number }} [options]
 */
export function createCadence({ clock = () => performance.now() } = {}) {
  let owed = 0; // steps asked for and not trained yet
  let fullFrames = 0; // full frames drawn since mounting
  let measurementsSinceEvents = 0;
  let lastOffKey = '';
  let msPerStep = 0; // the top speed's estimate of one step's time (0: none yet)
  let share = 1; // the share of FASTEST_BUDGET_MS the top speed uses now
  let lastFrame = NaN; // the time of the last frame passed to trainFor
  let period = Infinity; // the display's frame period: the shortest gap seen (ms)

  return {
    /** Steps still owed. */
    get owed() {
      return owed;
    },

    /** A new network or a reset: nothing is owed any more (and a new network's pace is unknown). */
    forget() {
      owed = 0;
      msPerStep = 0;
    },

    /** The top speed's estimate of the time one step takes (ms; 0 before any). */
    get msPerStep() {
      return msPerStep;
    },

    /** The share of its budget the top speed trains for now (1: all of it). */
    get budgetShare() {
      return share;
    },

    /**
     * A frame at `now` (ms, the frame's timestamp): a late one shrinks the top speed's budget,
     * one on time grows it back.
     * @param {number} now
     */
    frameAt(now) {
      const gap = now - lastFrame;
      lastFrame = now;
      if (!(gap >= SHORTEST_PERIOD_MS) || gap > GAP_MS) return;
      period = Math.min(period, gap);
      share = gap > LATE_FRAME * period ? Math.max(LEAST_SHARE, share * LATE_SHRINK) : Math.min(1, share + ON_TIME_GROWTH);
    },

    /** One full frame was drawn (the first one does not train; the ones after warm up). */
    frameDrawn() {
      fullFrames += 1;
    },

    /**
     * Steps a playing update frame adds: none on the first full frame (it only shows the
     * start), else stepsPerFrame × framesPerUpdate, never past `stopAt` (a preset's step
     * count, or null) counting what is owed.
     * @param {{ stepsPerFrame: number, framesPerUpdate: number, stopAt: number | null, step: number }} at
     */
    stepsDue({ stepsPerFrame, framesPerUpdate, stopAt, step }) {
      let steps = fullFrames > 0 ? stepsPerFrame * framesPerUpdate : 0;
      if (stopAt !== null) steps = Math.max(0, Math.min(steps, stopAt - step - owed));
      return steps;
    },

    /**
     * Owe `steps` more, then train what is owed in chunks while the frame's budget lasts:
     * `train(count)` trains `count` steps and returns { diverged }; `step()` is the run's step.
     * Stops early on divergence or at `stopAt`. Returns { diverged }.
     * @param {number} steps
     * `callLimit` (optional): the most steps one call may take (stepsPerCall).
     * @param {{ stepsPerFrame: number, framesPerUpdate: number, stopAt: number | null, callLimit?: number,
     *           train: (count: number) => { diverged: boolean }, step: () => number }} run
     */
    train(steps, { stepsPerFrame, framesPerUpdate, stopAt, callLimit, train, step }) {
      owed = Math.min(owed + steps, stepsPerFrame * framesPerUpdate * OWED_FRAMES);
      const most = callLimit ?? Infinity;
      const start = clock();
      // Over the first frames the code is still cold (slow): a smaller budget, one step first.
      const warm = fullFrames > START_FRAMES;
      const budget = warm ? TRAIN_BUDGET_MS : TRAIN_BUDGET_MS / 4;
      // Small first chunk: a big network with big batches must not overrun the budget at once.
      let chunk = Math.max(1, Math.min(owed, warm ? 8 : 1));
      while (owed > 0) {
        const take = Math.min(chunk, owed, most);
        const result = train(take);
        owed -= take;
        if (result.diverged) return { diverged: true };
        if (stopAt !== null && step() >= stopAt) break;
        const elapsed = clock() - start;
        if (elapsed > budget) break;
        // Grow the chunk while there is time, so big step counts cost few calls.
        if (elapsed < budget / 4) chunk *= 2;
      }
      return { diverged: false };
    },

    /**
     * The top speed: train for `budget` ms × budgetShare (none on the first full frame, a
     * quarter while the code warms up), never past `stopAt`, in calls of at most `callLimit` steps sized from the
     * time a step took so far (the first call of a new network is one step; every frame trains
     * at least one). `train(count)`
     * trains and returns { diverged }; `step()` is the run's step. Returns { diverged, steps }.
     * @param {{ budget?: number, callLimit: number, stopAt: number | null,
     *           train: (count: number) => { diverged: boolean }, step: () => number }} run
     */
    trainFor({ budget = FASTEST_BUDGET_MS, callLimit, stopAt, train, step }) {
      owed = 0;
      const first = step();
      if (fullFrames === 0) return { diverged: false, steps: 0 };
      const allowed = (fullFrames > START_FRAMES ? budget : budget / 4) * share;
      const start = clock();
      for (let call = 0; call < FASTEST_CALLS; call += 1) {
        const left = allowed - (clock() - start);
        // Room for another step? Then as many as fit in 90% of what is left. The first call
        // of a frame trains at least one step, so a slow estimate (one call held up by the
        // machine) is measured again.
        if (call > 0 && (left <= 0 || left < msPerStep)) break;
        let take = msPerStep > 0 ? Math.floor((0.9 * left) / msPerStep) : 1;
        take = Math.max(1, Math.min(take, callLimit));
        if (stopAt !== null) take = Math.min(take, stopAt - step());
        if (take <= 0) break;
        const before = clock();
        const result = train(take);
        const took = clock() - before;
        // A running mean of the time per step, from calls long enough for the clock (its
        // resolution in a page is 5 to 100 µs); calls differ: cold code, caches, other tabs.
        // A call too short to time still bounds it: a step took under TIMED_MS / take (so an
        // estimate raised by one held-up call comes down, and small calls grow fast).
        if (took >= TIMED_MS) msPerStep = msPerStep > 0 ? 0.5 * (msPerStep + took / take) : took / take;
        else msPerStep = Math.min(msPerStep > 0 ? msPerStep : Infinity, TIMED_MS / take);
        if (result.diverged) return { diverged: true, steps: step() - first };
      }
      return { diverged: false, steps: step() - first };
    },

    /**
     * Whether this frame measures the statistics. `last`: the last measurement's
     * { version, step, at } (null before the first); `version` and `step`: the run's now.
     * A new network (another version) is always measured at once: its views must never be
     * handed the statistics of the network before it (another layout).
     * @param {{ version: number, step: number, at: number } | null} last
     * @param {{ version: number, step: number, playing: boolean, moment: string | null, now: number }} now
     */
    measureDue(last, { version, step, playing, moment, now }) {
      if (last === null || last.version !== version) return true;
      if (last.step === step) return false;
      return !playing || moment !== null || now - last.at >= STATS_INTERVAL_MS;
    },

    /**
     * Whether this frame reads the unit events (a list the core builds: not every frame).
     * After a measurement: when a unit turned off or on since the last one (`offKey`, one
     * character per unit), at moments and paused, and otherwise every EVENT_READ_MEASUREMENTS
     * measurements. Without one: at moments and paused only.
     * @param {{ measured: boolean, offKey?: string, playing: boolean, moment: string | null }} frame
     */
    eventsDue({ measured, offKey = '', playing, moment }) {
      if (!measured) return moment !== null || !playing;
      measurementsSinceEvents += 1;
      const flipped = offKey !== lastOffKey;
      lastOffKey = offKey;
      const due = flipped || moment !== null || !playing || measurementsSinceEvents >= EVENT_READ_MEASUREMENTS;
      if (due) measurementsSinceEvents = 0;
      return due;
    },
  };
}

/** One character per hidden unit, "1" when it is never active, layers joined by "|". */
export function offKeyOf(train) {
  return train.layers.map((layer) => layer.units.map((unit) => (unit.neverActive ? 1 : 0)).join('')).join('|');
}
