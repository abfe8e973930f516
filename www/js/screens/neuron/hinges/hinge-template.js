// The sum of hinges' markup: the fit plot with its legend, the target, the points editor, the
// unit count, the training controls (ui/training-controls.js's markup contract), the readout,
// each unit's part and the table of units. A pure function; the views fill in the numbers.
import { capitalized, optimizerName } from '../../../text/names.js';
import { POINT_Y, TARGETS, UNITS } from './hinge-state.js';

/** The target choices as radio buttons, `target` checked. */
function targetRadios(prefix, target) {
  return TARGETS.map(
    (t) =>
      `<label class="nu-radio"><input type="radio" name="${prefix}-target" value="${t.value}" data-role="target"${
        t.value === target ? ' checked' : ''
      }><span>${t.label}</span></label>`,
  ).join('');
}

/**
 * The sum of hinges' markup.
 * @param {{ prefix: string, target: string, units: number, stepSize: number,
 *   optimizer: string, learningRate: number }} parts
 */
export function hingeSumHtml({ prefix, target, units, stepSize, optimizer, learningRate }) {
  return `
    <div class="nu-hinges">
      <div class="nu-hinges__main">
        <figure class="nu-fit">
          <div class="nu-fit__canvas"><canvas role="img" aria-label="The network's fit, the sum of its hinges, against the target"></canvas></div>
          <figcaption>
            <ul class="legend">
              <li><svg class="legend__sample" viewBox="0 0 36 12" aria-hidden="true" focusable="false"><line x1="2" y1="6" x2="34" y2="6" class="legend__curve"/></svg><span>thick line: the network\u2019s output, the sum of the hinges plus c</span></li>
              <li><svg class="legend__sample" viewBox="0 0 36 12" aria-hidden="true" focusable="false"><line x1="2" y1="6" x2="34" y2="6" class="nu-legend__part"/></svg><span>thin dashed: each unit\u2019s hinge v\u00b7ReLU(w\u00b7x + b)</span></li>
              <li><svg class="legend__sample" viewBox="0 0 36 12" aria-hidden="true" focusable="false"><circle cx="18" cy="6" r="4" class="nu-legend__point"/></svg><span>circles: the training points</span></li>
              <li><svg class="legend__sample" viewBox="0 0 36 12" aria-hidden="true" focusable="false"><polygon points="18,1 24,11 12,11" class="nu-legend__hinge"/></svg><span>triangle and dotted line: a hinge, x = \u2212b/w</span></li>
            </ul>
          </figcaption>
        </figure>
      </div>

      <div class="nu-panel">
        <fieldset class="nu-fieldset" data-control="target">
          <legend>Target</legend>
          <div class="nu-radios">${targetRadios(prefix, target)}</div>
        </fieldset>

        <div class="nu-points" data-part="points-editor" data-control="draw">
          <p class="hint">Click or tap the plot to add a point, or type one:</p>
          <div class="nu-points__row">
            <label for="${prefix}-px">x</label>
            <input type="number" id="${prefix}-px" data-role="point-x" min="-1" max="1" step="0.05" value="0" inputmode="decimal">
            <label for="${prefix}-py">y</label>
            <input type="number" id="${prefix}-py" data-role="point-y" min="${POINT_Y[0]}" max="${POINT_Y[1]}" step="0.05" value="0.5" inputmode="decimal">
            <button type="button" class="button" data-action="add-point">Add point</button>
          </div>
          <div class="controls">
            <button type="button" class="button" data-action="remove-point">Remove last point</button>
            <button type="button" class="button" data-action="clear-points">Clear points</button>
          </div>
          <p class="hint" data-field="point-count"></p>
        </div>

        <div class="nu-units" data-control="units">
          <label for="${prefix}-units">Hidden ReLU units: <strong data-field="units">${units}</strong></label>
          <div class="nu-units__inputs">
            <input type="range" data-role="units" min="${UNITS.min}" max="${UNITS.max}" step="1" value="${units}" aria-label="Hidden ReLU units (slider)">
            <input type="number" id="${prefix}-units" data-role="units" min="${UNITS.min}" max="${UNITS.max}" step="1" value="${units}">
          </div>
        </div>

        <div class="controls" role="group" aria-label="Training controls" data-control-group>
          <button type="button" class="button button--primary" data-action="play" data-control="play">
            <span class="button__icon" aria-hidden="true" data-field="play-icon">\u25b6</span>
            <span data-field="play-label">Play</span>
          </button>
          <button type="button" class="button" data-action="step" data-control="train-step">Step +${stepSize}</button>
          <button type="button" class="button" data-action="reset" data-control="reset">Reset</button>
        </div>
        <p class="hint">${capitalized(optimizerName(optimizer))}, learning rate ${learningRate}, every point in each step; Reset goes
        back to step 0 with the same starting weights.</p>

        <div class="notice" data-field="diverged" hidden>
          <p><strong>Training stopped: it diverged</strong> (the loss became infinite or not a
          number). Press <em>Reset</em> to start again.</p>
        </div>

        <dl class="readout">
          <div><dt>Step</dt><dd data-field="step">0</dd></div>
          <div><dt>Training loss</dt><dd data-field="loss">\u2014</dd></div>
          <div><dt>Linear pieces</dt><dd data-field="pieces">\u2014</dd></div>
          <div><dt>Dead units</dt><dd data-field="dead">\u2014</dd></div>
        </dl>
        <p class="hint">Loss: mean of (output \u2212 target)\u00b2/2 over the training points. Linear
        pieces: distinct hinge positions inside [\u22121, 1], plus one. Dead: z \u2264 0 on the whole
        domain [\u22121, 1], so the unit adds nothing there and no training point gives it a gradient.</p>
      </div>
    </div>

    <figure class="nu-parts">
      <figcaption><h3 id="${prefix}-parts">Each unit\u2019s part, v\u00b7ReLU(w\u00b7x + b)</h3>
      <p class="hint">Same x axis as above, one shared y scale (\u00b1<span data-field="parts-scale">\u2014</span>).
      Adding these curves and the output bias c gives the thick line.</p></figcaption>
      <canvas role="img" aria-labelledby="${prefix}-parts" aria-describedby="${prefix}-parts-text"></canvas>
      <p class="visually-hidden" id="${prefix}-parts-text" data-field="parts-text"></p>
    </figure>
    <details class="values nu-units-table" data-part="details">
      <summary>Show every unit as a table</summary>
      <table>
        <caption>Each hidden unit: weight, bias, output weight, hinge</caption>
        <thead><tr><th scope="col">Unit</th><th scope="col">w</th><th scope="col">b</th><th scope="col">v</th><th scope="col">Hinge \u2212b/w</th><th scope="col">On [\u22121, 1]</th></tr></thead>
        <tbody data-part="unit-rows"></tbody>
      </table>
    </details>
    <p class="visually-hidden" role="status" aria-live="polite" aria-atomic="true" data-field="announcer"></p>`;
}
