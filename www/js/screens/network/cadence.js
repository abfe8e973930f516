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

/**
 * The cadence of one screen. `clock()` gives the time in ms (performance.now in the page).
 * @param {{ clock?: () => number }} [options]
 */
export function createCadence({ clock = () => performance.now() } = {}) {
  let owed = 0; // steps asked for and not trained yet
  let fullFrames = 0; // full frames drawn since mounting
  let measurementsSinceEvents = 0;
  let lastOffKey = '';

  return {
    /** Steps still owed. */
    get owed() {
      return owed;
    },

    /** A new network or a reset: nothing is owed any more. */
    forget() {
      owed = 0;
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
     * @param {{ stepsPerFrame: number, framesPerUpdate: number, stopAt: number | null,
     *           train: (count: number) => { diverged: boolean }, step: () => number }} run
     */
    train(steps, { stepsPerFrame, framesPerUpdate, stopAt, train, step }) {
      owed = Math.min(owed + steps, stepsPerFrame * framesPerUpdate * OWED_FRAMES);
      const start = clock();
      // Over the first frames the code is still cold (slow): a smaller budget, one step first.
      const warm = fullFrames > START_FRAMES;
      const budget = warm ? TRAIN_BUDGET_MS : TRAIN_BUDGET_MS / 4;
      // Small first chunk: a big network with big batches must not overrun the budget at once.
      let chunk = Math.max(1, Math.min(owed, warm ? 8 : 1));
      while (owed > 0) {
        const take = Math.min(chunk, owed);
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
