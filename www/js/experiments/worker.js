// The experiments' worker: a module Web Worker that loads the wasm core itself and runs one
// experiment per message, off the page's main thread. Messages in: { type: 'run', job, id,
// params }. Out: { type: 'progress', job, done, total, nets, elapsed, partial, verdict } at most
// every PROGRESS_INTERVAL_MS, then { type: 'done', job, params, results, verdict, elapsed } or
// { type: 'error', job, message }. Cancelling is the page terminating the worker.
import * as core from '../../pkg/relu_lab.js';
import { coreReady } from '../core/load.js';
import { findExperiment, runExperiment } from './index.js';

/** Quiet time between two progress messages (ms): partial results drawn ~8 times a second. */
export const PROGRESS_INTERVAL_MS = 120;

self.addEventListener('message', async (event) => {
  const { type, job, id, params } = event.data ?? {};
  if (type !== 'run') return;
  try {
    await coreReady();
    const experiment = findExperiment(id);
    const started = performance.now();
    let last = started;
    const output = runExperiment(core, id, params, ({ done, total, nets, partial }) => {
      const now = performance.now();
      if (now - last < PROGRESS_INTERVAL_MS) return;
      last = now;
      const results = partial();
      self.postMessage({ type: 'progress', job, done, total, nets, elapsed: now - started, partial: results, verdict: experiment.verdict(results) });
    });
    self.postMessage({ type: 'done', job, ...output, elapsed: performance.now() - started });
  } catch (error) {
    self.postMessage({ type: 'error', job, message: error instanceof Error ? error.message : String(error) });
  }
});
