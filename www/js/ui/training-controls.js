// The one play / pause / step / reset scaffold, with the reduced-motion cadence and the
// "diverged" notice. Used by the Network screen and by the Neuron screen's hinge sum; each keeps
// its own markup, words and training, and this module does what they have in common. No
// module-level state: every call makes an independent set of controls.
//
// Markup contract (inside `root`; the screen writes it):
//   button[data-action="play"]   the play / pause button, holding
//     [data-field="play-icon"]   its icon ("▶" / "❚❚") and
//     [data-field="play-label"]  its label ("Play" / "Pause");
//   button[data-action="step"]   optional: one training step (or a few);
//   button[data-action="reset"]  optional, one or more (say, one in the toolbar and one in the
//                                notice): back to step 0;
//   [data-field="diverged"]      optional: the notice shown when training diverged (hidden).
// A button inside an element with data-locked (ui/lesson-controls.js) is never operated.
//
// Cadence: while playing, the screen's frame task calls `tick()` once per animation frame;
// it says whether this frame trains and redraws. Normally every frame does; when the learner
// prefers reduced motion, one frame in REDUCED_MOTION_FRAMES does (about 5 updates a second),
// training `framesPerUpdate` frames' worth of steps at once so that the pace per second stays.
//
// API:
//   const training = createTrainingControls(root, {
//     loop,                 // ui/loop.js frame loop
//     frame,                // the screen's frame task: requested when playing starts
//     canTrain(),           // whether training can run now (there is data, it did not diverge)
//     locks,                // resolveControls(…) of the screen (optional)
//     lockKeys: { play: 'play', step: 'step' },  // the lock keys of the two buttons
//     onPause(),            // the learner paused (Pause button or pause()): say so
//     onStep(), onReset(),  // the Step and Reset buttons (after playing stopped)
//     onPlayingChange(playing),  // after every change of `playing` (optional)
//   });
//   training.playing, training.framesPerUpdate, training.reducedMotion   (read-only)
//   training.play()        start, unless canTrain() says no (returns whether it plays)
//   training.pause()       stop; calls onPause when it was playing
//   training.stop()        stop without words (a rebuild, a preset's end, divergence)
//   training.tick()        per playing frame: does this frame train? (see Cadence)
//   training.refresh()     disable Play and Step when !canTrain() or locked (after a change)
//   training.showDiverged()  stop, show the notice, move focus from Play or Step into it
//   training.hideDiverged()  hide the notice; focus in it goes to Play (refresh() first, so
//                            that Play is enabled again)
//   training.destroy()
import { watchMedia } from './observe.js';
import { setText } from './dom.js';

/** With reduced motion, train and redraw once every this many frames (about 5 per second). */
export const REDUCED_MOTION_FRAMES = 12;

/** The play button's icon and label for each state. */
const PLAY_FACE = Object.freeze({
  paused: { icon: '▶', label: 'Play' },
  playing: { icon: '❚❚', label: 'Pause' },
});

/** Frames between two training updates: 1, or REDUCED_MOTION_FRAMES with reduced motion. */
export function framesPerUpdate(reducedMotion) {
  return reducedMotion ? REDUCED_MOTION_FRAMES : 1;
}

/** Whether playing frame number `frameIndex` (1 for the first after Play) trains and redraws. */
export function isUpdateFrame(frameIndex, frames) {
  return frameIndex % frames === 0;
}

/**
 * The controls of one training component (see the API at the top of this file).
 * @param {HTMLElement} root
 * @param {{
 *   loop: { request(task: (now: number) => void): void },
 *   frame: (now: number) => void,
 *   canTrain: () => boolean,
 *   locks?: { blocked(key: string): boolean },
 *   lockKeys?: { play?: string, step?: string },
 *   onPause?: () => void,
 *   onStep?: () => void,
 *   onReset?: () => void,
 *   onPlayingChange?: (playing: boolean) => void,
 * }} options
 */
export function createTrainingControls(root, options) {
  const { loop, frame, canTrain } = options;
  const blocked = (key) => Boolean(key && options.locks?.blocked(key));
  const lockKeys = { play: 'play', step: 'step', ...options.lockKeys };
  const find = (selector) => /** @type {HTMLElement | null} */ (root.querySelector(selector));
  const playButton = /** @type {HTMLButtonElement} */ (find('button[data-action="play"]'));
  const stepButton = /** @type {HTMLButtonElement | null} */ (find('button[data-action="step"]'));
  const playIcon = find('[data-field="play-icon"]');
  const playLabel = find('[data-field="play-label"]');
  const notice = find('[data-field="diverged"]');

  let playing = false;
  let frameIndex = 0;
  let frames = 1;
  const motion = watchMedia('(prefers-reduced-motion: reduce)', (reduce) => {
    frames = framesPerUpdate(reduce);
  });
  frames = framesPerUpdate(motion.matches);

  const focused = () => /** @type {Document | ShadowRoot} */ (root.getRootNode()).activeElement;

  function setPlaying(value) {
    playing = Boolean(value) && canTrain();
    const face = playing ? PLAY_FACE.playing : PLAY_FACE.paused;
    if (playIcon) setText(playIcon, face.icon);
    if (playLabel) setText(playLabel, face.label);
    if (playing) {
      frameIndex = 0;
      loop.request(frame);
    }
    options.onPlayingChange?.(playing);
    return playing;
  }

  function pause() {
    if (!playing) return;
    setPlaying(false);
    options.onPause?.();
  }

  /** The buttons operate only when enabled and not inside a locked group. */
  const operable = (button) => !button.disabled && !button.closest('[data-locked]');

  const onClick = (event) => {
    const button = /** @type {Element} */ (event.target).closest?.('button[data-action]');
    if (!button || !root.contains(button) || !operable(button)) return;
    const action = button.getAttribute('data-action');
    if (action === 'play') {
      if (playing) pause();
      else setPlaying(true);
    } else if (action === 'step' && options.onStep) {
      setPlaying(false);
      options.onStep();
    } else if (action === 'reset' && options.onReset) {
      setPlaying(false);
      options.onReset();
    }
  };
  root.addEventListener('click', onClick);

  return {
    get playing() {
      return playing;
    },
    get framesPerUpdate() {
      return frames;
    },
    get reducedMotion() {
      return frames > 1;
    },
    play: () => setPlaying(true),
    pause,
    stop: () => {
      setPlaying(false);
    },
    tick() {
      frameIndex += 1;
      return isUpdateFrame(frameIndex, frames);
    },
    refresh() {
      const cannot = !canTrain();
      const playDisabled = cannot || blocked(lockKeys.play);
      if (playButton.disabled !== playDisabled) playButton.disabled = playDisabled;
      if (stepButton) {
        const stepDisabled = cannot || blocked(lockKeys.step);
        if (stepButton.disabled !== stepDisabled) stepButton.disabled = stepDisabled;
      }
    },
    showDiverged() {
      setPlaying(false);
      if (!notice) return;
      notice.hidden = false;
      const focus = focused();
      if (focus === playButton || (stepButton && focus === stepButton)) {
        const target = notice.querySelector('button') ?? find('button[data-action="reset"]');
        /** @type {HTMLElement | null} */ (target)?.focus();
      }
    },
    hideDiverged() {
      if (!notice || notice.hidden) return;
      if (notice.contains(focused())) playButton.focus();
      notice.hidden = true;
    },
    destroy() {
      playing = false;
      motion.stop();
      root.removeEventListener('click', onClick);
    },
  };
}
