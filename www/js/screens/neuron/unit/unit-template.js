// The single unit's markup: the plane with its legend, the weight sliders and presets, the
// status, the gradient step, and the table of the core's forward and backward pass. A pure
// function; the views fill in the numbers. Controls carry data-control keys for hiding and
// locking (../state.js CONTROL_GROUPS).
import { formatNumber } from '../../../text/format.js';
import { markSvg } from '../../../ui/marks.js';
import { LEARNING_RATES, SLIDERS } from './unit-state.js';

/** A slider and a number field for each of w1, w2 and b (their values are set afterwards). */
function sliderRows(prefix) {
  return SLIDERS.map(
    (s) => `
      <div class="nu-slider">
        <label for="${prefix}-${s.key}" class="nu-slider__label">${s.label}</label>
        <input type="range" data-param="${s.key}" min="${s.min}" max="${s.max}" step="${s.step}" aria-label="${s.name} (slider)">
        <input type="number" id="${prefix}-${s.key}" data-param="${s.key}" min="${s.min}" max="${s.max}" step="0.01" inputmode="decimal" aria-label="${s.name}">
      </div>`,
  ).join('');
}

/** The learning rate choices, `learningRate` selected. */
function rateOptions(learningRate) {
  return LEARNING_RATES.map(
    (rate) => `<option value="${rate}"${rate === learningRate ? ' selected' : ''}>${rate}</option>`,
  ).join('');
}

/**
 * The single unit's markup.
 * @param {{ prefix: string, count: number, selected: number, learningRate: number,
 *   readout: { weight: number, bias: number } }} parts
 */
export function singleUnitHtml({ prefix, count, selected, learningRate, readout }) {
  return `
    <div class="nu-unit">
      <figure class="nu-plane">
        <div class="nu-canvas"><canvas role="img" aria-label="The unit's output over the input plane, with its hinge line"></canvas></div>
        <figcaption>
          <ul class="legend legend--marks">
            <li>${markSvg('circle', { classIndex: 0 })}<span>blue circle: class 0</span></li>
            <li>${markSvg('triangle', { classIndex: 1 })}<span>orange triangle: class 1</span></li>
            <li><span class="nu-key nu-key--hatch" aria-hidden="true"></span><span>hatched: the inactive side, z \u2264 0 (output 0, no gradient)</span></li>
            <li><span class="nu-key nu-key--line" aria-hidden="true"></span><span>black line: the hinge, w\u00b7x + b = 0; the arrow w points to the active side</span></li>
            <li class="legend__wide"><span class="nu-ramp" aria-hidden="true"></span><span>background: the unit\u2019s output a, pale at 0, deeper orange for larger a (darkest: a = <span data-field="largest">—</span>)</span></li>
          </ul>
          <p class="hint" data-control-text="inspect">Click or tap near a training point to inspect it.</p>
        </figcaption>
      </figure>

      <div class="nu-panel">
        <fieldset class="nu-fieldset" data-control-group>
          <legend>Weights and bias</legend>
          <div data-control="weights">${sliderRows(prefix)}</div>
          <div class="controls nu-presets" data-control="presets">
            <button type="button" class="button" data-action="reset">Back to the start</button>
            <button type="button" class="button" data-action="preset-dead" aria-describedby="${prefix}-dead-hint">Make it dead</button>
          </div>
          <p class="hint" id="${prefix}-dead-hint" data-control-text="presets">Make it dead: w = (0.5, 0.5), b = \u22128, which puts
          every training point on the inactive side.</p>
        </fieldset>

        <div class="nu-status" data-field="status"></div>

        <div class="nu-step" data-control-group>
          <span class="nu-step__rate" data-control="rate">
            <label for="${prefix}-rate">Learning rate</label>
            <select id="${prefix}-rate" data-role="rate">${rateOptions(learningRate)}</select>
          </span>
          <button type="button" class="button button--primary" data-action="step" data-control="step">Take a gradient step</button>
        </div>
        <p class="hint" data-control-text="step">One step of gradient descent on the mean loss over all ${count} training
        points, taken by the core: each of w\u2081, w\u2082, b moves by \u2212(learning rate) \u00d7 its
        gradient. The read-out v = ${formatNumber(readout.weight)}, c = ${formatNumber(readout.bias)} stays fixed.</p>
        <p class="nu-steps" data-control-text="step">Gradient steps taken: <strong data-field="steps">0</strong></p>

        <div class="nu-point" data-control="inspect">
          <label for="${prefix}-point">Inspect training point</label>
          <input type="number" id="${prefix}-point" data-role="point" min="1" max="${count}" step="1" value="${selected + 1}">
          <span class="muted">of ${count}</span>
        </div>
        <div class="nu-table-wrap">
          <table class="nu-table">
            <caption>The core\u2019s forward and backward pass</caption>
            <thead><tr><th scope="col">Quantity</th><th scope="col" data-field="point-head">Point</th><th scope="col">Mean over all ${count}</th></tr></thead>
            <tbody data-part="rows"></tbody>
          </table>
        </div>
        <p class="hint">\u2202L/\u2202w\u2081 = \u2202L/\u2202z \u00b7 x\u2081, \u2202L/\u2202w\u2082 = \u2202L/\u2202z \u00b7 x\u2082 and
        \u2202L/\u2202b = \u2202L/\u2202z, where \u2202L/\u2202z is the core\u2019s (from <code>inspect</code>); the
        mean column is the core\u2019s gradient of the mean loss over the training set. The norm of its
        weight part is <span data-field="core-norm">—</span>.</p>
      </div>
      <p class="visually-hidden" role="status" aria-live="polite" aria-atomic="true" data-field="announcer"></p>
    </div>`;
}
