// The network screen's controls: one delegated listener that turns input into partial states
// and actions, and a sync that shows a state (their HTML is in controls-markup.js). Every
// control sits in an element with data-control="key", so an embedding page can hide or disable
// it by key (options.controls of mountNetworkScreen, through ui/lesson-controls.js like every
// screen). No wasm, no module-level state.
import { applyControlLocks, LOCK_TITLE } from '../../ui/lesson-controls.js';
import { formatInteger, formatRate } from '../../text/format.js';
import { FASTEST_LABEL, FASTEST_SPEED } from './cadence.js';
import { PRESETS } from './presets.js';
import { LEARNING_RATES, LIMITS, nearestRateIndex } from './state.js';

/** Every control key, for options.controls.hidden / .disabled. */
export const CONTROL_KEYS = Object.freeze([
  'presets', 'play', 'step', 'reset', 'new-seed', 'share',
  'dataset', 'noise', 'test-ratio', 'regenerate', 'draw', 'add-point', 'clear',
  'layers', 'activation', 'slope', 'relu-at-zero', 'init', 'bias-init',
  'learning-rate', 'optimizer', 'batch-size', 'regularization', 'speed', 'keep-weights',
  'inspect', 'activation-l1',
]);

/** The per-layer rows: "Layer 1  [−] 8 units [+]". */
function renderLayers(hidden) {
  if (hidden.length === 0) return '<li class="nw-layers__none">No hidden layer: the output is a straight line of the inputs.</li>';
  return hidden
    .map(
      (units, layer) => `
      <li class="nw-layers__row">
        <span class="nw-layers__name">Layer ${layer + 1}</span>
        <span class="nw-stepper">
          <button type="button" class="button button--small" data-action="units" data-layer="${layer}" data-delta="-1" data-focus-key="units-${layer}--1" aria-label="One unit fewer in layer ${layer + 1}" ${units <= LIMITS.units.min ? 'disabled' : ''}>−</button>
          <span class="nw-layers__units" aria-live="off">${units} unit${units === 1 ? '' : 's'}</span>
          <button type="button" class="button button--small" data-action="units" data-layer="${layer}" data-delta="1" data-focus-key="units-${layer}-1" aria-label="One unit more in layer ${layer + 1}" ${units >= LIMITS.units.max ? 'disabled' : ''}>+</button>
        </span>
      </li>`,
    )
    .join('');
}

/** Read a setting element's value as the state wants it (undefined when unusable). */
function readSetting(element) {
  const type = element.dataset.type;
  if (type === 'bool') return /** @type {HTMLInputElement} */ (element).checked;
  const raw = element.value;
  if (type === 'ladder') return LEARNING_RATES[Number(raw)];
  if (type === 'speed') return Number(raw) > LIMITS.stepsPerFrame.max ? FASTEST_SPEED : Math.round(Number(raw));
  if (type === 'number' || type === 'int') {
    if (raw.trim() === '') return undefined;
    const value = Number(raw);
    if (!Number.isFinite(value)) return undefined;
    return type === 'int' ? Math.round(value) : value;
  }
  return raw;
}

/** { a: { b: value } } from "a.b" and value. */
function partialOf(path, value) {
  const [group, key] = path.split('.');
  return key === undefined ? { [group]: value } : { [group]: { [key]: value } };
}

/**
 * Listen to every control inside `root` (one delegated listener per event type).
 * handlers: { change(partial), action(name, element) , mode(value) }
 * Returns a stop function.
 */
export function bindControls(root, handlers) {
  const onInput = (event) => {
    const element = event.target;
    if (element.matches('[data-mode]')) {
      if (event.type === 'change') handlers.mode(element.value);
      return;
    }
    if (!element.matches('[data-setting]')) return;
    // Ranges and selects act at once; typed numbers when committed (change: Enter or blur).
    const live = element.type === 'range' || element.tagName === 'SELECT';
    if (element.type === 'checkbox' && event.type !== 'change') return;
    if (event.type === 'input' && !live) return;
    if (event.type === 'change' && live && element.type === 'range') return; // already applied
    const value = readSetting(element);
    handlers.change(partialOf(element.dataset.setting, value), element);
  };
  const onClick = (event) => {
    const button = event.target.closest('button[data-action]');
    if (!button || button.disabled || !root.contains(button)) return;
    handlers.action(button.dataset.action, button);
  };
  const onKey = (event) => {
    if (event.key === 'Enter' && event.target.matches('[data-field="inspect-index"]')) {
      event.preventDefault();
      handlers.action('inspect', event.target);
    }
    if (event.key === 'Enter' && event.target.matches('[data-add]')) {
      event.preventDefault();
      handlers.action('add-point', event.target);
    }
  };
  root.addEventListener('input', onInput);
  root.addEventListener('change', onInput);
  root.addEventListener('click', onClick);
  root.addEventListener('keydown', onKey);
  return () => {
    root.removeEventListener('input', onInput);
    root.removeEventListener('change', onInput);
    root.removeEventListener('click', onClick);
    root.removeEventListener('keydown', onKey);
  };
}

/** Put the value of `state` into one setting control. */
export function showSetting(element, state) {
  const path = element.dataset.setting.split('.');
  const value = path.length === 1 ? state[path[0]] : state[path[0]][path[1]];
  if (element.dataset.type === 'bool') {
    const box = /** @type {HTMLInputElement} */ (element);
    if (box.checked !== Boolean(value)) box.checked = Boolean(value);
    return;
  }
  let text;
  if (element.dataset.type === 'ladder') text = String(nearestRateIndex(value));
  else if (element.dataset.type === 'speed') text = String(value === FASTEST_SPEED ? LIMITS.stepsPerFrame.max + 1 : value);
  else if (element.dataset.setting === 'train.learningRate') text = formatRate(value);
  else text = String(value);
  // A rate from a link that is not one of the select's stops gets an option of its own.
  if (element.tagName === 'SELECT' && ![.../** @type {HTMLSelectElement} */ (element).options].some((option) => option.value === text)) {
    /** @type {HTMLSelectElement} */ (element).add(new Option(text, text));
  }
  if (element.value !== text) element.value = text;
}

/**
 * Show `state` in the controls. `info`: { activePresetId, trainCount, activation (the run's
 * now, shown by the activation select), schedule (its switches in words, '' for none) }.
 * `locks`: the screen's resolveControls(…), re-applied (applyControlLocks, with the lock note
 * `noteId`) since the layer rows are rebuilt and some controls are enabled here by state.
 */
export function syncControls(root, state, info, locks, noteId) {
  const set = (selector, apply) => {
    for (const element of root.querySelectorAll(selector)) apply(element);
  };
  // The focused element: in a shadow root (an embed), document.activeElement is the host.
  const focused = root.getRootNode().activeElement;
  // Settings: do not overwrite the number the learner is typing in.
  set('[data-setting]', (element) => {
    if (!(element.type === 'number' && element === focused)) showSetting(element, state);
  });
  const outputs = {
    noise: `${Math.round(state.data.noise * 100)}%`,
    'test-ratio': `${Math.round(state.data.testRatio * 100)}%`,
    slope: String(state.network.slope),
    'bias-init': state.network.biasInit < 0 ? `−${Math.abs(state.network.biasInit)}` : String(state.network.biasInit),
    speed: state.stepsPerFrame === FASTEST_SPEED ? FASTEST_LABEL : String(state.stepsPerFrame),
  };
  set('[data-output]', (element) => {
    element.textContent = outputs[element.dataset.output] ?? '';
  });
  set('input[type="range"][data-setting="train.learningRate"]', (element) => {
    element.setAttribute('aria-valuetext', formatRate(state.train.learningRate));
  });
  set('input[type="range"][data-setting="data.noise"]', (element) => element.setAttribute('aria-valuetext', outputs.noise));
  set('input[type="range"][data-setting="stepsPerFrame"]', (element) => element.setAttribute('aria-valuetext', outputs.speed));
  set('input[type="range"][data-setting="data.testRatio"]', (element) => element.setAttribute('aria-valuetext', outputs['test-ratio']));
  set('input[type="range"][data-setting="network.biasInit"]', (element) => element.setAttribute('aria-valuetext', outputs['bias-init']));

  // The activation select shows the one the run has now (a scheduled switch may have changed
  // it); the schedule is said under it.
  if (info.activation) {
    set('select[data-setting="network.activation"]', (element) => {
      const select = /** @type {HTMLSelectElement} */ (element);
      if (select.value !== info.activation) select.value = info.activation;
    });
  }
  set('[data-field="schedule"]', (element) => {
    element.hidden = !info.schedule;
    if (element.textContent !== (info.schedule ?? '')) element.textContent = info.schedule ?? '';
  });
  // Activation-specific fields show only when they apply (at the start or after a switch).
  const activations = [state.network.activation, ...(state.schedule ?? []).map((entry) => entry.activation)];
  set('[data-control="slope"]', (element) => { element.hidden = !activations.includes('leaky-relu'); });
  set('[data-control="relu-at-zero"]', (element) => { element.hidden = !activations.includes('relu'); });
  set('select[data-setting="train.regularizationRate"]', (element) => { element.disabled = state.train.regularization === 'none'; });

  // Layers: rebuild the rows only when the widths changed, keeping focus on the same button.
  const list = root.querySelector('[data-field="layers"]');
  if (list && list.dataset.widths !== state.network.hidden.join(',')) {
    const focusKey = focused?.dataset?.focusKey;
    list.dataset.widths = state.network.hidden.join(',');
    list.innerHTML = renderLayers(state.network.hidden);
    if (focusKey) {
      const again = root.querySelector(`[data-focus-key="${focusKey}"]`);
      if (again && !again.disabled) again.focus();
      else if (focusKey.startsWith('units-')) list.querySelector('button:not(:disabled)')?.focus();
    }
  }
  set('[data-field="layer-count"]', (element) => { element.textContent = String(state.network.hidden.length); });
  set('[data-action="remove-layer"]', (element) => { element.disabled = state.network.hidden.length <= LIMITS.layers.min; });
  set('[data-action="add-layer"]', (element) => { element.disabled = state.network.hidden.length >= LIMITS.layers.max; });

  set('[data-field="network-seed"]', (element) => { element.textContent = `Network seed ${state.network.seed}: it fixes the initial weights and the order of the batches.`; });
  set('[data-field="data-seed"]', (element) => { element.textContent = `Data seed ${state.data.seed}.`; });
  const own = state.data.points.length;
  set('[data-field="own-points"]', (element) => {
    element.textContent = state.data.name === 'custom'
      ? `${formatInteger(own)} point${own === 1 ? '' : 's'} of your own${own === 0 ? ': add some to train' : ''}.`
      : own > 0 ? `${formatInteger(own)} of your own point${own === 1 ? '' : 's'} added to the set.` : '';
  });
  set('[data-action="clear"]', (element) => { element.disabled = state.data.name === 'custom' && own === 0; });
  set('[data-action="add-point"]', (element) => { element.disabled = own >= LIMITS.points.max; });

  // Presets.
  set('[data-action="preset"]', (element) => {
    element.setAttribute('aria-pressed', String(element.dataset.preset === info.activePresetId));
  });
  const preset = PRESETS.find((p) => p.id === info.activePresetId);
  set('[data-field="preset-sentence"]', (element) => {
    element.textContent = preset
      ? `${preset.sentence} Playing stops at step ${formatInteger(preset.steps)}, where the effect shows.`
      : state.preset
        ? 'Settings changed since the scenario was chosen: this is your own run now.'
        : 'Pick a scenario, or change any setting below.';
  });
  const link = preset && 'link' in preset ? preset.link : null;
  set('[data-field="preset-link"]', (element) => {
    element.hidden = !link;
    const anchor = element.querySelector('a');
    if (link && anchor && anchor.getAttribute('href') !== link.href) {
      anchor.setAttribute('href', link.href);
      anchor.textContent = link.text;
    }
  });

  // Inspect: the number field's range follows the training set.
  set('[data-field="inspect-index"]', (element) => {
    element.max = String(Math.max(1, info.trainCount));
    element.disabled = info.trainCount === 0;
  });
  applyControlLocks(root, locks, noteId);
  showLockedText(root);
}

/**
 * Every locked control group says so in visible text, "Fixed for this lesson" (its title and
 * the described note are for pointers and screen readers; a phone shows neither).
 */
export function showLockedText(root) {
  for (const group of root.querySelectorAll('[data-control][data-locked]')) {
    if (group.querySelector(':scope > .nw-locked')) continue;
    const text = document.createElement('span');
    text.className = 'nw-locked';
    text.textContent = LOCK_TITLE;
    group.append(text);
  }
}
