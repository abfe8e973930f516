// The worker host: runs one experiment at a time in a module Web Worker, so the page stays
// responsive; cancel() terminates the worker (a new one starts with the next run). Messages of
// an older job (one cancelled or replaced) are dropped.
//
// The worker starts by its URL. Where that cannot work (a bundler that leaves the URL pointing
// nowhere, as esbuild does: an error before the worker's first message, or a SecurityError),
// it starts from worker-source.js instead, loaded only then: in the npm package that module
// holds the worker's bundled source and starts it from a blob: URL; in www/ it has none.

/** The worker by its URL; null when the browser refuses to create it at all. */
function workerByUrl() {
  try {
    return new Worker(new URL('../../experiments/worker.js', import.meta.url), { type: 'module' });
  } catch {
    return null;
  }
}

/**
 * @param {(message: any) => void} onMessage the worker's progress, done and error messages
 */
export function createRunner(onMessage) {
  /** @type {Worker | null} */
  let worker = null;
  let job = 0;
  let busy = false;
  /** Once the worker by URL has failed to start, every later one comes from its source. */
  let fromSource = false;
  /** Counts the workers asked for, so a source worker that arrives too late is dropped. */
  let generation = 0;
  /** The run posted last: posted again to a source worker that replaces a failed one. */
  let lastRun = null;

  function fail(message) {
    busy = false;
    onMessage({ type: 'error', job, message });
  }

  /** @param {Worker} created */
  function listen(created) {
    let heard = false;
    created.addEventListener('message', (event) => {
      heard = true;
      if (event.data?.job !== job) return;
      if (event.data.type !== 'progress') busy = false;
      onMessage(event.data);
    });
    created.addEventListener('error', (event) => {
      event.preventDefault();
      if (!heard && !fromSource && created === worker) {
        created.terminate();
        worker = null;
        startFromSource(event.message || 'the worker could not start');
        return;
      }
      fail(event.message || 'the worker could not start');
    });
    return created;
  }

  /** The worker from its bundled source (lazily imported); `reason` says why if there is none. */
  function startFromSource(reason) {
    fromSource = true;
    const mine = (generation += 1);
    import('./worker-source.js')
      .then(({ startWorkerFromSource }) => startWorkerFromSource())
      .then((created) => {
        if (mine !== generation) {
          created?.terminate();
        } else if (!created) {
          fail(reason);
        } else {
          worker = listen(created);
          if (busy && lastRun?.job === job) created.postMessage(lastRun);
        }
      })
      .catch((error) => {
        if (mine === generation) fail(error instanceof Error ? error.message : String(error));
      });
  }

  function spawn() {
    generation += 1;
    const created = fromSource ? null : workerByUrl();
    if (created) worker = listen(created);
    else startFromSource('the worker could not start');
  }

  function stop() {
    if (worker) worker.terminate();
    worker = null;
    generation += 1;
    busy = false;
  }

  return {
    /** Start experiment `id`; a run still going is stopped first. Returns the job number. */
    start(id, params) {
      if (busy) stop();
      job += 1;
      busy = true;
      lastRun = { type: 'run', job, id, params };
      if (!worker) spawn();
      if (worker) worker.postMessage(lastRun);
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
