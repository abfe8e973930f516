// Time one evaluation of each activation in this browser: the schedule of the measurement.
// The caller (model.js) gives `time(name, count)`, which evaluates f `count` times in the core
// (activationWorkload) and returns the milliseconds it took. Each timed call is one short task
// (about 25 ms; never more than about 50 ms), and the runner yields to the page between calls,
// so the page stays responsive while it measures. No wasm here.
import { nextTask } from '../../ui/loop.js';

/** Target duration of one timed run, in milliseconds. */
const TARGET_MS = 25;
/** Calibration stops growing the count once a run takes at least this long. */
const CALIBRATED_MS = 3;
/** Timed runs per activation; the median is reported. */
const RUNS = 5;
const MIN_COUNT = 1_000;
const MAX_COUNT = 10_000_000; // the core's limit

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** Resolve after the browser has had a chance to handle input and paint. */
const pause = nextTask;

/**
 * Measure every activation in `names`; `time(name, count)` runs one timed call (milliseconds).
 * First each is warmed up and its count calibrated; then the timed runs go round robin (one
 * run of each activation per round), so that a slow patch of the machine (another tab, a
 * frequency change) spreads over all of them instead of landing on one. `onProgress(text)`
 * reports what is being done. Returns a promise of [{ name, nanoseconds, count }] in the order
 * of `names`, or null when `signal.aborted` (checked between runs).
 */
export async function measureActivations(names, time, { onProgress, signal }) {
  const counts = [];
  for (const [index, name] of names.entries()) {
    onProgress?.(`Warming up ${index + 1} of ${names.length}`);
    await pause();
    if (signal.aborted) return null;
    // Warm up (the first calls compile and fill caches), then grow the count until a run is
    // long enough to time; each step is at most ten times the last, so no call runs long.
    let count = MIN_COUNT;
    time(name, count);
    let elapsed = time(name, count);
    while (elapsed < CALIBRATED_MS && count < MAX_COUNT) {
      await pause();
      if (signal.aborted) return null;
      count = Math.min(MAX_COUNT, count * 10);
      elapsed = time(name, count);
    }
    counts.push(
      Math.round(Math.min(MAX_COUNT, Math.max(MIN_COUNT, (count * TARGET_MS) / Math.max(elapsed, 0.01)))),
    );
  }
  const times = names.map(() => []);
  for (let run = 0; run < RUNS; run += 1) {
    onProgress?.(`Timing round ${run + 1} of ${RUNS}`);
    for (const [index, name] of names.entries()) {
      await pause();
      if (signal.aborted) return null;
      times[index].push(time(name, counts[index]));
    }
  }
  return names.map((name, index) => ({
    name,
    nanoseconds: (median(times[index]) * 1e6) / counts[index],
    count: counts[index],
  }));
}
