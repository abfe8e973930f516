// A frame loop that can be held: while suspended (the embed is off screen or its tab hidden)
// requested tasks wait instead of running, and they run on the first frame after resume.
// It has the interface of createFrameLoop (loop.js), which it wraps: loop.js still owns
// requestAnimationFrame. Screens mounted by <relu-lab> get this loop as `options.loop`.
//
// For a short grace period after creation frames run even while suspended, so that a screen
// mounted off screen still draws once and writes its text alternatives (canvas labels,
// summaries) for assistive technology; after that it is held until seen.
import { createFrameLoop } from '../ui/loop.js';

/** How long after creation frames run whatever the visibility (ms). */
export const GRACE_MS = 1000;

/**
 * @returns {{ request(task): void, cancel(task): void, destroy(): void,
 *             suspend(): void, resume(): void, readonly suspended: boolean,
 *             readonly frames: number, afterFrame(callback): void }}
 * `frames` counts the animation frames in which tasks ran; `afterFrame(callback)` has
 * callback() called after each of them (the embed's milestones read the frame's figures).
 */
export function createGatedLoop({ graceMs = GRACE_MS } = {}) {
  const base = createFrameLoop();
  const start = performance.now();
  let pending = new Set();
  let suspended = false;
  let frames = 0;
  let graceTimer = 0;
  let after = null;
  const inGrace = () => performance.now() - start < graceMs;

  function tick(now) {
    if (suspended && !inGrace()) return; // held: the tasks stay pending until resume()
    const tasks = pending;
    pending = new Set();
    frames += 1;
    for (const task of tasks) {
      try {
        task(now);
      } catch (error) {
        reportError(error);
      }
    }
    if (after) {
      try {
        after();
      } catch (error) {
        reportError(error);
      }
    }
  }

  return {
    request(task) {
      pending.add(task);
      if (!suspended || inGrace()) base.request(tick);
    },
    cancel(task) {
      pending.delete(task);
      if (pending.size === 0) base.cancel(tick);
    },
    destroy() {
      clearTimeout(graceTimer);
      pending.clear();
      base.destroy();
    },
    suspend() {
      suspended = true;
      if (!inGrace()) base.cancel(tick);
    },
    resume() {
      suspended = false;
      if (pending.size > 0) base.request(tick);
    },
    get suspended() {
      return suspended;
    },
    get frames() {
      return frames;
    },
    afterFrame(callback) {
      after = callback;
    },
  };
}
