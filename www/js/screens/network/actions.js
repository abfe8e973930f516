// The Network screen's buttons that change the settings or the view (play, step and reset are
// ui/training-controls.js's): data-action name → what it does, on the screen's context.
import { findPreset } from './presets.js';
import { LIMITS, mergeState, presetState, quantisePoint } from './state.js';

/** A whole number for a new seed (shown in the URL, so short). */
const newSeed = () => Math.floor(Math.random() * 1_000_000);

/**
 * Add the learner's point (x1, x2) of class `label` to the data set of `screen`.
 * @param {import('./context.js').NetworkScreen} screen
 */
export function addPoint(screen, x1, x2, label) {
  const { state } = screen;
  if (state.data.points.length >= LIMITS.points.max) {
    screen.announce(`You have added the most points there can be (${LIMITS.points.max}).`);
    return;
  }
  const points = [...state.data.points, quantisePoint(x1, x2, label)];
  screen.userState(mergeState(state, { data: { points } }).state);
  const [qx1, qx2] = points.at(-1);
  screen.announce(`Added a class ${label} point at x₁ = ${qx1}, x₂ = ${qx2}: ${points.length} of your own points. The network starts again from step 0.`);
}

/**
 * The actions of `screen`: name → function(button).
 * @param {import('./context.js').NetworkScreen} screen
 */
export function createActions(screen) {
  const { root, parts } = screen;
  const change = (partial) => screen.userState(mergeState(screen.state, partial).state);
  return {
    'new-seed'() {
      change({ network: { seed: newSeed() } });
      screen.announce(`New network seed ${screen.state.network.seed}: new initial weights, back to step 0.`);
    },
    regenerate() {
      change({ data: { seed: newSeed() } });
      screen.announce(`New data with seed ${screen.state.data.seed}: the network starts again from step 0.`);
    },
    clear() {
      change({ data: { name: 'custom', points: [] } });
      screen.setClickMode('0');
      screen.announce('All points cleared. Click or tap the map to add points, or type their coordinates.');
    },
    'add-point'() {
      const read = (name) => /** @type {HTMLInputElement} */ (root.querySelector(`[data-add="${name}"]`));
      const x1 = Number(read('x1').value);
      const x2 = Number(read('x2').value);
      if (!Number.isFinite(x1) || !Number.isFinite(x2) || read('x1').value === '' || read('x2').value === '') {
        screen.announce('Type both coordinates, from −6 to 6.');
        return;
      }
      addPoint(screen, x1, x2, Number(read('label').value));
    },
    preset(button) {
      const preset = findPreset(button.dataset.preset);
      if (!preset) return;
      const wasPlaying = screen.training.playing;
      screen.userState(presetState(preset.id), { keepPlaying: false });
      // A preset always starts from step 0, even when its settings were already shown.
      if (screen.run.step > 0 || screen.run.diverged) screen.resetRun();
      screen.stopAt = preset.steps;
      const autoplay = !screen.training.reducedMotion || wasPlaying;
      if (autoplay) screen.training.play();
      else screen.training.stop();
      screen.announce(`Scenario “${preset.title}”: ${preset.sentence}${autoplay ? '' : ' Press Play to run it.'}`);
    },
    'add-layer'() {
      const widths = screen.state.network.hidden;
      if (widths.length >= LIMITS.layers.max) return;
      change({ network: { hidden: [...widths, widths.at(-1) ?? 4] } });
    },
    'remove-layer'() {
      const widths = screen.state.network.hidden;
      if (widths.length <= LIMITS.layers.min) return;
      change({ network: { hidden: widths.slice(0, -1) } });
    },
    units(button) {
      const layer = Number(button.dataset.layer);
      const hidden = [...screen.state.network.hidden];
      hidden[layer] = Math.min(LIMITS.units.max, Math.max(LIMITS.units.min, hidden[layer] + Number(button.dataset.delta)));
      change({ network: { hidden } });
    },
    inspect() {
      screen.inspection.inspectTyped();
    },
    'inspect-prev'() {
      screen.inspection.previous();
    },
    'inspect-next'() {
      screen.inspection.next();
    },
    'inspect-close'() {
      screen.inspection.stop(true);
      parts.buttons.inspect.focus();
    },
    share() {
      screen.hashSync.write({ now: true });
      const link = window.location.href;
      const done = () => screen.announce('Link copied: it reproduces this run from step 0.');
      const failed = () => screen.announce(`Copy this link by hand: ${link}`);
      if (navigator.clipboard?.writeText) navigator.clipboard.writeText(link).then(done, failed);
      else failed();
    },
    guide() {
      screen.panels.toggleGuide();
    },
    'guide-close'() {
      screen.panels.closeGuide();
    },
    settings() {
      screen.panels.toggleSettings();
    },
    'settings-close'() {
      screen.panels.closeSettings();
    },
    'settings-tab'(button) {
      screen.panels.showGroup(button.dataset.group);
    },
    'dismiss-notice'() {
      parts.fields.hashNotice.hidden = true;
      parts.buttons.play.focus();
    },
  };
}
