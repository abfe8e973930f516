// The page's animation loop: the only module that calls requestAnimationFrame. Also the waits
// start-up uses to stay in short tasks: nextTask(), animationFrames(count), afterPaint(frames).
//
// Components never call requestAnimationFrame themselves. They ask the loop to run a task on
// the next frame with `request(task)`; a task that wants to keep animating requests itself
// again. Requests are de-duplicated (asking twice before a frame runs the task once), so a
// resize, a theme change and a training frame landing together cost one redraw.

/**
 * Create a frame loop. Several components can share one loop; each owns its tasks.
 * @returns {{ request(task: (now: number) => void): void,
 *             cancel(task: (now: number) => void): void,
 *             destroy(): void }}
 */
export function createFrameLoop() {
  let pending = new Set();
  let handle = 0;
  let destroyed = false;

  function tick(now) {
    handle = 0;
    const tasks = pending;
    pending = new Set();
    for (const task of tasks) {
      try {
        task(now);
      } catch (error) {
        // One failing task must not stop the others; report it like an uncaught error.
        reportError(error);
      }
    }
  }

  return {
    /** Run `task(now)` once, on the next animation frame. */
    request(task) {
      if (destroyed) return;
      pending.add(task);
      if (!handle) handle = requestAnimationFrame(tick);
    },
    /** Forget a requested task that has not run yet. */
    cancel(task) {
      pending.delete(task);
      if (pending.size === 0 && handle) {
        cancelAnimationFrame(handle);
        handle = 0;
      }
    },
    /** Stop for good: pending tasks are dropped and later requests ignored. */
    destroy() {
      destroyed = true;
      pending.clear();
      if (handle) cancelAnimationFrame(handle);
      handle = 0;
    },
  };
}

/** Resolves in a task of its own (a macrotask): what awaits it runs apart from the current task. */
export function nextTask() {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * Resolves after the next `count` animation frames: in a hidden tab, which draws none, only
 * once the tab is shown again (work that should wait for the learner to look).
 */
export function animationFrames(count = 1) {
  return new Promise((resolve) => {
    let left = count;
    const frame = () => (--left > 0 ? requestAnimationFrame(frame) : resolve(undefined));
    requestAnimationFrame(frame);
  });
}

/**
 * Resolves in the task after the page's next `frames` paints (at once in a hidden tab, which
 * paints nothing): a page whose first paint needs no script imports its screen's code after it,
 * so the browser shows the page's text first.
 */
export function afterPaint(frames = 1) {
  if (document.visibilityState === 'hidden') return Promise.resolve(undefined);
  return animationFrames(frames).then(nextTask);
}
