// Time one evaluation of each activation in this browser: the core's activationWorkload(name,
// count) evaluates f `count` times, and performance.now() around the call gives the time.
// Each timed call is one short task (about 25 ms; never more than about 50 ms), and the runner
// yields to the page between calls, so the page stays responsive while it measures.
import { activationWorkload } from '../../../pkg/relu_lab.js';

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
function pause() {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

function timeRun(name, count, options) {
  const start = performance.now();
  activationWorkload(name, count, options);
  return performance.now() - start;
}

/**
 * Measure every activation in `names` with `options` (the core's activation options).
 * First each is warmed up and its count calibrated; then the timed runs go round robin (one
 * run of each activation per round), so that a slow patch of the machine (another tab, a
 * frequency change) spreads over all of them instead of landing on one. `onProgress(text)`
 * reports what is being done. Returns a promise of [{ name, nanoseconds, count }] in the order
 * of `names`, or null when `signal.aborted` (checked between runs).
 */
export async function measureActivations(names, options, { onProgress, signal }) {
  const counts = [];
  for (const [index, name] of names.entries()) {
    onProgress?.(`Warming up ${index + 1} of ${names.length}`);
    await pause();
    if (signal.aborted) return null;
    // Warm up (the first calls compile and fill caches), then grow the count until a run is
    // long enough to time; each step is at most ten times the last, so no call runs long.
    let count = MIN_COUNT;
    timeRun(name, count, options);
    let elapsed = timeRun(name, count, options);
    while (elapsed < CALIBRATED_MS && count < MAX_COUNT) {
      await pause();
      if (signal.aborted) return null;
      count = Math.min(MAX_COUNT, count * 10);
      elapsed = timeRun(name, count, options);
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
      times[index].push(timeRun(name, counts[index], options));
    }
  }
  return names.map((name, index) => ({
    name,
    nanoseconds: (median(times[index]) * 1e6) / counts[index],
    count: counts[index],
  }));
}
