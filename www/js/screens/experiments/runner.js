// The worker host: runs one experiment at a time in a module Web Worker, so the page stays
// responsive; cancel() terminates the worker (a new one starts with the next run). Messages of
// an older job (one cancelled or replaced) are dropped.

/**
 * @param {(message: any) => void} onMessage the worker's progress, done and error messages
 */
export function createRunner(onMessage) {
  /** @type {Worker | null} */
  let worker = null;
  let job = 0;
  let busy = false;

  function spawn() {
    const created = new Worker(new URL('../../experiments/worker.js', import.meta.url), { type: 'module' });
    created.addEventListener('message', (event) => {
      if (event.data?.job !== job) return;
      if (event.data.type !== 'progress') busy = false;
      onMessage(event.data);
    });
    created.addEventListener('error', (event) => {
      busy = false;
      event.preventDefault();
      onMessage({ type: 'error', job, message: event.message || 'the worker could not start' });
    });
    return created;
  }

  function stop() {
    if (worker) worker.terminate();
    worker = null;
    busy = false;
  }

  return {
    /** Start experiment `id`; a run still going is stopped first. Returns the job number. */
    start(id, params) {
      if (busy) stop();
      worker ??= spawn();
      job += 1;
      busy = true;
      worker.postMessage({ type: 'run', job, id, params });
      return job;
    },
    /** Stop the run in progress (its messages are dropped). */
    cancel() {
      job += 1;
      stop();
    },
    get busy() {
      return busy;
    },
    destroy() {
      job += 1;
      stop();
    },
  };
}
