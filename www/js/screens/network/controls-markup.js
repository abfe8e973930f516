// The Network screen's controls as HTML: the presets, the toolbar with its readouts, the
// settings (data, network, training) and the "Inspect one point" controls. Every control sits
// in an element with data-control="key" (controls.js CONTROL_KEYS), so an embedding page can
// hide or lock it. Pure strings: no DOM, no wasm.
import { activationName, capitalized, datasetName, initName, optimizerName } from '../../text/names.js';
import { formatRate } from '../../text/format.js';
import { FASTEST_BUDGET_MS, FASTEST_LABEL } from './cadence.js';
import { PRESETS } from './presets.js';
import {
  ACTIVATION_L1_RATES, ACTIVATIONS, DATASETS, DOMAIN, INITS, LEARNING_RATES, LIMITS, OPTIMIZERS,
  REGULARIZATION_RATES, RELU_AT_ZERO,
} from './state.js';

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
      <p class="nw-presets__link" data-field="preset-link" hidden><a href=""></a></p>
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
        <button type="button" class="button nw-settings-toggle" data-action="settings" aria-controls="${id('settings')}" aria-expanded="false">Settings</button>
        <button type="button" class="button" data-action="guide" aria-controls="${id('guide')}" aria-expanded="false">What am I looking at?</button>
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
 * @param {{ id?: string, hint?: string, hintId?: string, output?: boolean }} [extra]
 */
function field(key, label, control, { id, hint, hintId, output } = {}) {
  return `
    <div class="nw-field" data-control="${key}">
      <div class="nw-field__label"><label for="${id}">${label}</label>${output ? `<output for="${id}" data-output="${key}"></output>` : ''}</div>
      ${control}
      ${hint ? `<p class="hint nw-field__hint"${hintId ? ` id="${hintId}"` : ''}>${hint}</p>` : ''}
    </div>`;
}

/** Data, network and training settings. */
export function renderSettings(id) {
  const tab = (group, label) => `<button type="button" class="button button--small" data-action="settings-tab" data-group="${group}" aria-current="false">${label}</button>`;
  return `
    <div class="nw-settings__head">
      <div class="nw-tabs" role="group" aria-label="Settings groups">${tab('data', 'Data')}${tab('network', 'Network')}${tab('train', 'Training')}</div>
      <button type="button" class="button button--small" data-action="settings-close">Close settings</button>
    </div>
    <fieldset class="nw-group" data-group="data" data-control-group>
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

    <fieldset class="nw-group" data-group="network" data-control-group>
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
      ${field('activation', 'Activation', `<select id="${id('activation')}" data-setting="network.activation" aria-describedby="${id('schedule')}">${options(ACTIVATIONS, ACTIVATION_LABEL)}</select>`, { id: id('activation') })}
      <p class="hint nw-schedule" id="${id('schedule')}" data-field="schedule" hidden></p>
      <div class="nw-field nw-check" data-control="keep-weights">
        <label><input type="checkbox" id="${id('keep-weights')}" data-setting="keepWeights" data-type="bool" aria-describedby="${id('keep-hint')}"> Keep the weights when the activation changes</label>
        <p class="hint nw-field__hint" id="${id('keep-hint')}">On: a new activation chosen after step 0 switches every hidden layer of the trained network in place, and training goes on from the same weights (say from ReLU to leaky ReLU, to watch dead units come back); the link records the switch. Off, or at step 0: a new activation starts a new network at step 0.</p>
      </div>
      ${field('slope', 'Leaky slope below zero', `<input type="range" id="${id('slope')}" min="0" max="1" step="0.01" data-setting="network.slope" data-type="number">`, { id: id('slope'), output: true })}
      ${field('relu-at-zero', 'ReLU′(0), the slope used at exactly 0', `<select id="${id('relu-at-zero')}" data-setting="network.reluAtZero" data-type="number">${options(RELU_AT_ZERO, RELU_AT_ZERO_NAMES)}</select>`, { id: id('relu-at-zero') })}
      ${field('init', 'Weight initialisation', `<select id="${id('init')}" data-setting="network.init">${options(INITS, INIT_LABEL)}</select>`, { id: id('init') })}
      ${field('bias-init', 'Initial bias', `<input type="range" id="${id('bias-init')}" min="${LIMITS.biasInit.min}" max="${LIMITS.biasInit.max}" step="0.5" data-setting="network.biasInit" data-type="number">`, { id: id('bias-init'), output: true })}
      <p class="hint" data-field="network-seed"></p>
    </fieldset>

    <fieldset class="nw-group" data-group="train" data-control-group>
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
        <p class="hint nw-field__hint nw-pair__hint">The penalty is on the weights: L2 shrinks every weight a little each step; L1 pulls weights to exactly 0, and at a high rate (0.03 here) it kills units. Neither makes the activations much sparser: that takes the penalty on the activations below (Glorot et al. 2011).</p>
      </div>
      ${field('activation-l1', 'Penalty on the activations (L1, |a|)', `<select id="${id('activation-l1')}" data-setting="train.activationL1" data-type="number" aria-describedby="${id('activation-l1-hint')}">${options(ACTIVATION_L1_RATES, (rate) => (rate === 0 ? '0 (off)' : formatRate(rate)))}</select>`, { id: id('activation-l1'), hint: 'Adds to the loss the rate times the batch mean of Σ|a| over the hidden units: a penalty on the activations a, not on the weights. With ReLU it pushes activations to exactly 0, so the sparsity rises (Glorot et al. 2011); past a point it costs accuracy and kills units.', hintId: id('activation-l1-hint') })}
      ${field('speed', 'Speed: steps per frame', `<input type="range" id="${id('speed')}" min="${LIMITS.stepsPerFrame.min}" max="${LIMITS.stepsPerFrame.max + 1}" step="1" data-setting="stepsPerFrame" data-type="speed">`, { id: id('speed'), output: true, hint: `At the right end: ${FASTEST_LABEL}, training for about ${FASTEST_BUDGET_MS} ms of every frame.` })}
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
