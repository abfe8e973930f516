// The network screen's controls: HTML for each group, one delegated listener that turns
// input into partial states and actions, and a sync that shows a state. Every control sits in
// an element with data-control="key", so an embedding page can hide or disable it by key
// (options.controls of mountNetworkScreen, through ui/lesson-controls.js like every screen).
// No wasm, no module-level state.
import { applyControlLocks } from '../../ui/lesson-controls.js';
import { formatInteger, formatRate } from '../../text/format.js';
import { activationName, capitalized, datasetName, initName, optimizerName } from '../../text/names.js';
import { PRESETS } from './presets.js';
import {
  ACTIVATIONS, DATASETS, DOMAIN, INITS, LEARNING_RATES, LIMITS, OPTIMIZERS, REGULARIZATION_RATES,
  RELU_AT_ZERO, nearestRateIndex,
} from './state.js';

/** Every control key, for options.controls.hidden / .disabled. */
export const CONTROL_KEYS = Object.freeze([
  'presets', 'play', 'step', 'reset', 'new-seed', 'share',
  'dataset', 'noise', 'test-ratio', 'regenerate', 'draw', 'add-point', 'clear',
  'layers', 'activation', 'slope', 'relu-at-zero', 'init', 'bias-init',
  'learning-rate', 'optimizer', 'batch-size', 'regularization', 'speed',
  'inspect',
]);

/** ReLU′(0) conventions as the select shows them. */
const RELU_AT_ZERO_NAMES = { 0: "0 (PyTorch, TensorFlow, JAX)", 0.5: '½', 1: '1' };

/** Display names of the select options, from the one names table (text/names.js). */
const sentence = (name) => (value) => capitalized(name(value));
const DATASET_LABEL = sentence(datasetName);
const INIT_LABEL = sentence(initName);
const OPTIMIZER_LABEL = sentence(optimizerName);
const ACTIVATION_LABEL = activationName;

/** <option>s for `values`; `label` is a table or a function of the value. */
const options = (values, label) =>
  values
    .map((value) => `<option value="${value}">${(typeof label === 'function' ? label(value) : label[value]) ?? value}</option>`)
    .join('');

/** The preset buttons and the sentence of the chosen one. */
export function renderPresets(id) {
  return `
    <section class="nw-presets" data-control="presets" aria-labelledby="${id('presets-title')}">
      <h2 class="nw-subhead" id="${id('presets-title')}">Scenarios</h2>
      <div class="nw-presets__buttons">
        ${PRESETS.map(
          (preset) =>
            `<button type="button" class="button button--small nw-preset" data-action="preset" data-preset="${preset.id}" aria-pressed="false" aria-describedby="${id('preset-sentence')}">${preset.title}</button>`,
        ).join('')}
      </div>
      <p class="nw-presets__sentence" id="${id('preset-sentence')}" data-field="preset-sentence">Pick a scenario, or change any setting below.</p>
    </section>`;
}

/** Play, step, reset, new seed, and the readouts. */
export function renderToolbar(id) {
  return `
    <div class="nw-toolbar">
      <div class="controls" role="group" aria-label="Training">
        <span data-control="play"><button type="button" class="button button--primary" data-action="play">
          <span class="button__icon" aria-hidden="true" data-field="play-icon">▶</span><span data-field="play-label">Play</span>
        </button></span>
        <span data-control="step"><button type="button" class="button" data-action="step" aria-describedby="${id('step-hint')}">Step</button></span>
        <span data-control="reset"><button type="button" class="button" data-action="reset" aria-describedby="${id('reset-hint')}">Reset</button></span>
        <span data-control="new-seed"><button type="button" class="button" data-action="new-seed" aria-describedby="${id('seed-hint')}">New seed</button></span>
        <span data-control="share"><button type="button" class="button" data-action="share" aria-describedby="${id('share-hint')}">Copy link</button></span>
      </div>
      <p class="visually-hidden" id="${id('share-hint')}">Copies the address of this run: it holds every setting, so it reproduces the same run.</p>
      <p class="visually-hidden" id="${id('step-hint')}">Trains one mini-batch step.</p>
      <p class="visually-hidden" id="${id('reset-hint')}">Back to step 0 with the same seed: the same weights and batches.</p>
      <p class="visually-hidden" id="${id('seed-hint')}">A new network seed: other initial weights and batches.</p>
      <dl class="readout nw-readout">
        <div><dt>Step</dt><dd data-field="step">0</dd></div>
        <div><dt>Test accuracy</dt><dd data-field="test-accuracy">—</dd></div>
        <div><dt>Training loss</dt><dd data-field="train-loss">—</dd></div>
        <div><dt>Test loss</dt><dd data-field="test-loss">—</dd></div>
        <div><dt data-field="off-label">Dead units</dt><dd data-field="dead-units">—</dd></div>
      </dl>
    </div>`;
}

/**
 * A labelled field wrapper with a control key.
 * @param {string} key
 * @param {string} label
 * @param {string} control the control's HTML
 * @param {{ id?: string, hint?: string, output?: boolean }} [extra]
 */
function field(key, label, control, { id, hint, output } = {}) {
  return `
    <div class="nw-field" data-control="${key}">
      <div class="nw-field__label"><label for="${id}">${label}</label>${output ? `<output for="${id}" data-output="${key}"></output>` : ''}</div>
      ${control}
      ${hint ? `<p class="hint nw-field__hint">${hint}</p>` : ''}
    </div>`;
}

/** Data, network and training settings. */
export function renderSettings(id) {
  return `
    <fieldset class="nw-group" data-group="data">
      <legend>Data</legend>
      ${field('dataset', 'Data set', `<select id="${id('dataset')}" data-setting="data.name">${options(DATASETS, DATASET_LABEL)}</select>`, { id: id('dataset') })}
      ${field('noise', 'Noise', `<input type="range" id="${id('noise')}" min="0" max="${LIMITS.noise.max}" step="0.05" data-setting="data.noise" data-type="number">`, { id: id('noise'), output: true })}
      ${field('test-ratio', 'Share kept for testing', `<input type="range" id="${id('test-ratio')}" min="0" max="${LIMITS.testRatio.max}" step="0.1" data-setting="data.testRatio" data-type="number">`, { id: id('test-ratio'), output: true })}
      <div class="nw-field" data-control="regenerate">
        <button type="button" class="button button--small" data-action="regenerate">New data (new data seed)</button>
        <p class="hint nw-field__hint" data-field="data-seed"></p>
      </div>
      <fieldset class="nw-subgroup" data-control="draw">
        <legend>Clicking the map</legend>
        <div class="nw-radios">
          <label><input type="radio" name="${id('mode')}" value="inspect" data-mode checked> inspects a point</label>
          <label><input type="radio" name="${id('mode')}" value="0" data-mode> adds class 0 <span class="nw-shape" aria-hidden="true">●</span></label>
          <label><input type="radio" name="${id('mode')}" value="1" data-mode> adds class 1 <span class="nw-shape" aria-hidden="true">▲</span></label>
        </div>
      </fieldset>
      <fieldset class="nw-subgroup" data-control="add-point">
        <legend>Add a point by its coordinates</legend>
        <div class="nw-inline">
          <label>x₁ <input type="number" id="${id('add-x1')}" data-add="x1" min="${DOMAIN[0]}" max="${DOMAIN[1]}" step="0.05" value="0" inputmode="decimal"></label>
          <label>x₂ <input type="number" id="${id('add-x2')}" data-add="x2" min="${DOMAIN[0]}" max="${DOMAIN[1]}" step="0.05" value="0" inputmode="decimal"></label>
          <label>class <select data-add="label"><option value="0">0 (circle)</option><option value="1">1 (triangle)</option></select></label>
          <button type="button" class="button button--small" data-action="add-point">Add point</button>
        </div>
      </fieldset>
      <div class="nw-field" data-control="clear">
        <button type="button" class="button button--small" data-action="clear">Clear all points</button>
        <p class="hint nw-field__hint" data-field="own-points"></p>
      </div>
    </fieldset>

    <fieldset class="nw-group" data-group="network">
      <legend>Network</legend>
      <div class="nw-field" data-control="layers">
        <div class="nw-layers__head">
          <span id="${id('layers-label')}">Hidden layers: <strong data-field="layer-count"></strong></span>
          <span class="nw-stepper">
            <button type="button" class="button button--small" data-action="remove-layer" data-focus-key="remove-layer" aria-label="Remove the last hidden layer">−</button>
            <button type="button" class="button button--small" data-action="add-layer" data-focus-key="add-layer" aria-label="Add a hidden layer">+</button>
          </span>
        </div>
        <ol class="nw-layers" data-field="layers" aria-labelledby="${id('layers-label')}"></ol>
      </div>
      ${field('activation', 'Activation', `<select id="${id('activation')}" data-setting="network.activation">${options(ACTIVATIONS, ACTIVATION_LABEL)}</select>`, { id: id('activation') })}
      ${field('slope', 'Leaky slope below zero', `<input type="range" id="${id('slope')}" min="0" max="1" step="0.01" data-setting="network.slope" data-type="number">`, { id: id('slope'), output: true })}
      ${field('relu-at-zero', 'ReLU′(0), the slope used at exactly 0', `<select id="${id('relu-at-zero')}" data-setting="network.reluAtZero" data-type="number">${options(RELU_AT_ZERO, RELU_AT_ZERO_NAMES)}</select>`, { id: id('relu-at-zero') })}
      ${field('init', 'Weight initialisation', `<select id="${id('init')}" data-setting="network.init">${options(INITS, INIT_LABEL)}</select>`, { id: id('init') })}
      ${field('bias-init', 'Initial bias', `<input type="range" id="${id('bias-init')}" min="${LIMITS.biasInit.min}" max="${LIMITS.biasInit.max}" step="0.5" data-setting="network.biasInit" data-type="number">`, { id: id('bias-init'), output: true })}
      <p class="hint" data-field="network-seed"></p>
    </fieldset>

    <fieldset class="nw-group" data-group="train">
      <legend>Training</legend>
      <div class="nw-field" data-control="learning-rate">
        <div class="nw-field__label"><label for="${id('lr')}">Learning rate</label>
          <label class="visually-hidden" for="${id('lr-number')}">Learning rate, typed</label>
          <input type="number" class="nw-number" id="${id('lr-number')}" min="${LIMITS.learningRate.min}" max="${LIMITS.learningRate.max}" step="any" data-setting="train.learningRate" data-type="number" inputmode="decimal">
        </div>
        <input type="range" id="${id('lr')}" min="0" max="${LEARNING_RATES.length - 1}" step="1" data-setting="train.learningRate" data-type="ladder">
        <p class="hint nw-field__hint">Log scale, 0.00001 to 10.</p>
      </div>
      ${field('optimizer', 'Optimiser', `<select id="${id('optimizer')}" data-setting="train.optimizer">${options(OPTIMIZERS, OPTIMIZER_LABEL)}</select>`, { id: id('optimizer') })}
      ${field('batch-size', 'Batch size', `<input type="number" class="nw-number" id="${id('batch-size')}" min="${LIMITS.batchSize.min}" max="${LIMITS.batchSize.max}" step="1" data-setting="train.batchSize" data-type="int" inputmode="numeric">`, { id: id('batch-size') })}
      <div class="nw-field nw-field--pair" data-control="regularization">
        <div>
          <div class="nw-field__label"><label for="${id('reg')}">Penalty</label></div>
          <select id="${id('reg')}" data-setting="train.regularization">${options(['none', 'l1', 'l2'], { none: 'None', l1: 'L1 (|w|)', l2: 'L2 (w²)' })}</select>
        </div>
        <div>
          <div class="nw-field__label"><label for="${id('reg-rate')}">Penalty rate</label></div>
          <select id="${id('reg-rate')}" data-setting="train.regularizationRate" data-type="number">${options(REGULARIZATION_RATES, {})}</select>
        </div>
      </div>
      ${field('speed', 'Speed: steps per frame', `<input type="range" id="${id('speed')}" min="${LIMITS.stepsPerFrame.min}" max="${LIMITS.stepsPerFrame.max}" step="1" data-setting="stepsPerFrame" data-type="int">`, { id: id('speed'), output: true })}
    </fieldset>`;
}

/** Pick a training point by keyboard and follow it through the network. */
export function renderInspect(id) {
  return `
    <fieldset class="nw-subgroup nw-inspect" data-control="inspect">
      <legend>Inspect one point</legend>
      <div class="nw-inline">
        <label for="${id('inspect-index')}">Training point</label>
        <input type="number" class="nw-number" id="${id('inspect-index')}" data-field="inspect-index" min="1" value="1" step="1" inputmode="numeric" aria-describedby="${id('inspect-hint')}">
        <span class="nw-stepper">
          <button type="button" class="button button--small" data-action="inspect-prev" aria-label="Previous training point">◀</button>
          <button type="button" class="button button--small" data-action="inspect-next" aria-label="Next training point">▶</button>
        </span>
        <button type="button" class="button button--small" data-action="inspect">Inspect</button>
        <button type="button" class="button button--small" data-action="inspect-close" hidden>Stop inspecting</button>
      </div>
      <p class="hint" id="${id('inspect-hint')}" data-field="inspect-hint">Arrow keys change the number; Enter or Inspect follows that point.</p>
    </fieldset>`;
}

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
  const raw = element.value;
  if (type === 'ladder') return LEARNING_RATES[Number(raw)];
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
  let text;
  if (element.dataset.type === 'ladder') text = String(nearestRateIndex(value));
  else if (element.dataset.setting === 'train.learningRate') text = formatRate(value);
  else text = String(value);
  if (element.value !== text) element.value = text;
}

/**
 * Show `state` in the controls. `info`: { activePresetId, trainCount }. `locks`: the screen's
 * resolveControls(…), re-applied (applyControlLocks, with the lock note `noteId`) since the
 * layer rows are rebuilt and some controls are enabled here by state.
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
    speed: String(state.stepsPerFrame),
  };
  set('[data-output]', (element) => {
    element.textContent = outputs[element.dataset.output] ?? '';
  });
  set('input[type="range"][data-setting="train.learningRate"]', (element) => {
    element.setAttribute('aria-valuetext', formatRate(state.train.learningRate));
  });
  set('input[type="range"][data-setting="data.noise"]', (element) => element.setAttribute('aria-valuetext', outputs.noise));
  set('input[type="range"][data-setting="data.testRatio"]', (element) => element.setAttribute('aria-valuetext', outputs['test-ratio']));
  set('input[type="range"][data-setting="network.biasInit"]', (element) => element.setAttribute('aria-valuetext', outputs['bias-init']));

  // Activation-specific fields show only when they apply.
  const activation = state.network.activation;
  set('[data-control="slope"]', (element) => { element.hidden = activation !== 'leaky-relu'; });
  set('[data-control="relu-at-zero"]', (element) => { element.hidden = activation !== 'relu'; });
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

  // Inspect: the number field's range follows the training set.
  set('[data-field="inspect-index"]', (element) => {
    element.max = String(Math.max(1, info.trainCount));
    element.disabled = info.trainCount === 0;
  });
  applyControlLocks(root, locks, noteId);
}
