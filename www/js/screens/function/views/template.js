// The Function screen's markup: the figure with its probe, the readout, the controls, ReLU's
// corner at 0, the formulas and the timing section. A pure function of the state; the views
// fill in the numbers. Controls carry data-control keys (state.js CONTROL_GROUPS) for hiding
// and locking.
import { activationName } from '../../../text/names.js';
import { lockNoteHtml } from '../../../ui/lesson-controls.js';
import { copyLinkHtml, linkNoticeHtml } from '../../../ui/url-state.js';
import { swatchSvg } from '../catalog.js';
import { PARAMETERS, RANGES, RELU_AT_ZERO } from '../state.js';

/** One checkbox per activation the core offers, ticked when plotted. */
function choiceItems(available, functions) {
  return available
    .map(
      (name) =>
        `<li><label class="fn-choice"><input type="checkbox" value="${name}" data-role="function"${
          functions.includes(name) ? ' checked' : ''
        }>${swatchSvg(name)}<span>${activationName(name)}${name === 'relu' ? ' <span class="muted">(reference)</span>' : ''}</span></label></li>`,
    )
    .join('');
}

/** A slider and a number field per activation parameter. */
function parameterRows(prefix, state) {
  return PARAMETERS.map(
    (p) => `
      <div class="fn-param">
        <label for="${prefix}-${p.key}">${p.label}</label>
        <div class="fn-param__inputs">
          <input type="range" id="${prefix}-${p.key}-range" data-param="${p.key}" min="${p.min}" max="${p.rangeMax}" step="${p.step}" value="${state[p.key]}" aria-label="${p.label} (slider)">
          <input type="number" id="${prefix}-${p.key}" data-param="${p.key}" min="${p.min}" max="${p.max}" step="${p.step / 10}" value="${state[p.key]}" aria-describedby="${prefix}-${p.key}-hint" inputmode="decimal">
        </div>
        <p class="hint" id="${prefix}-${p.key}-hint">${p.hint}</p>
      </div>`,
  ).join('');
}

/** The ReLU′(0) choices as radio buttons. */
function conventionRadios(prefix, state) {
  return RELU_AT_ZERO.map(
    ({ value, text }) =>
      `<label class="fn-radio"><input type="radio" name="${prefix}-convention" value="${value}" data-role="convention"${
        state.reluAtZero === value ? ' checked' : ''
      }><span>${text}</span></label>`,
  ).join('');
}

/** What each function does with the negative inputs (the shaded half): readout.showNegative fills it. */
function negativeHtml() {
  return `
            <div class="fn-negative" data-control="negative">
              <table class="fn-readout fn-negative__table" data-part="negative">
                <caption>Negative inputs, the shaded half: x from <span data-field="negative-range"></span> to 0
                (<span data-field="negative-count"></span> points sampled from the core)</caption>
                <thead><tr><th scope="col">Function</th><th scope="col">Sent to exactly 0</th><th scope="col">Slope f\u2032(x) there</th></tr></thead>
                <tbody data-part="negative-rows"></tbody>
              </table>
              <p class="hint">ReLU maps every negative input to exactly 0, with slope 0: one ReLU unit passes
              neither signal nor gradient from x &lt; 0. A layer need not lose that half, though:
              relu(x) \u2212 relu(\u2212x) = x, as the \u201cNegative inputs\u201d experiment checks in the core.</p>
              <p class="hint" data-field="negative-rounding" hidden></p>
            </div>`;
}

/**
 * The whole screen's markup; with `link` (the state is kept in the URL), the link notice and
 * "Copy link" at the top.
 * @param {{ prefix: string, state: import('../state.js').FunctionState, available: readonly string[],
 *   locks: ReturnType<typeof import('../../../ui/lesson-controls.js').resolveControls>, noteId: string,
 *   link?: boolean }} parts
 */
export function functionScreenHtml({ prefix, state, available, locks, noteId, link = false }) {
  const linkControls = link
    ? copyLinkHtml({ prefix, what: 'The address of this page with the functions, zoom, probe and parameters shown here.' })
    : '';
  return `
    <div class="fn-screen">${link ? linkNoticeHtml() : ''}${linkControls}
      <section class="screen-section" aria-labelledby="${prefix}-title">
        <h2 id="${prefix}-title">Activation functions and their slopes</h2>
        <p class="lede" data-control="intro">Pick functions to compare. The top panel shows each function f(x), the
        middle one its slope <span class="fn-nowrap">f\u2032(x)</span>, the factor by which backpropagation multiplies the gradient
        passing through a unit; the strip below hatches where that slope is nearly flat. Zoom
        out to \u00b11000: ReLU keeps rising with slope exactly 1, so it does not saturate for
        large inputs, while sigmoid and tanh flatten and their slopes fall below 0.01. ReLU is
        flat only on the negative side, where its output and slope are both 0.</p>
        <div class="fn-layout">
          <div class="fn-figure">
            <figure class="fn-plot">
              <div class="fn-canvas" data-part="holder">
                <canvas role="img" aria-label="Where each plotted slope is nearly flat" aria-describedby="${prefix}-flat"></canvas>
                <div class="fn-track" data-part="track" data-control="probe">
                  <div class="fn-probe" data-part="probe" role="slider" tabindex="0"
                    aria-label="Probe: the input x" aria-describedby="${prefix}-probe-hint"
                    aria-orientation="horizontal"><span class="fn-probe__knob" aria-hidden="true"></span></div>
                </div>
              </div>
              <figcaption data-control-text="probe">
                <p class="hint" id="${prefix}-probe-hint">The probe: drag it, or the plot, along x; or
                focus it and use the arrow keys (Shift for ten steps, Home and End for the ends).
                Solid dots mark a derivative's value at 0 where it jumps, open dots the value not used.</p>
              </figcaption>
            </figure>
            <div class="fn-readout-box" data-part="readout-box">
              <table class="fn-readout" data-part="readout">
                <caption>At the probe, <span data-field="probe-x"></span><span class="fn-readout__source"> (values from the WebAssembly core)</span></caption>
                <thead><tr><th scope="col">Function</th><th scope="col">f(x)</th><th scope="col">f\u2032(x)</th></tr></thead>
                <tbody data-part="readout-rows"></tbody>
              </table>
            </div>
            <p class="fn-flat" id="${prefix}-flat" data-field="flat"></p>
            ${negativeHtml()}
          </div>
          <div class="fn-controls" data-control-group>
            <fieldset class="fn-fieldset" data-control="functions">
              <legend>Functions to plot</legend>
              <ul class="fn-choices">${choiceItems(available, state.functions)}</ul>
            </fieldset>
            <div class="fn-zoom" data-control="range">
              <label for="${prefix}-zoom">Zoom: x from \u2212<span data-field="range-a">${state.range}</span> to <span data-field="range-b">${state.range}</span></label>
              <input type="range" id="${prefix}-zoom" data-role="zoom" min="0" max="${RANGES.length - 1}" step="1" value="${RANGES.indexOf(state.range)}" aria-describedby="${prefix}-zoom-hint">
              <p class="hint" id="${prefix}-zoom-hint">A log scale: \u00b12, 3, 5, 10, 20, 50 \u2026 1000.</p>
            </div>
            <fieldset class="fn-fieldset" data-control="parameters">
              <legend>Parameters</legend>
              ${parameterRows(prefix, state)}
            </fieldset>
          </div>
        </div>
      </section>

      <section class="screen-section" aria-labelledby="${prefix}-zero-title" data-control="corner">
        <h2 id="${prefix}-zero-title">ReLU at x = 0: a corner</h2>
        <div class="fn-zero">
          <div>
            <p>ReLU is not differentiable at 0: the slopes on the two sides differ. The core,
            asked just left and just right of 0:</p>
            <dl class="readout fn-zero__values">
              <div><dt>Slope just left of 0</dt><dd data-field="left-slope">—</dd></div>
              <div><dt>Slope just right of 0</dt><dd data-field="right-slope">—</dd></div>
              <div><dt>Used at exactly 0</dt><dd data-field="zero-slope">—</dd></div>
            </dl>
            <fieldset class="fn-fieldset fn-convention" data-control="convention">
              <legend>ReLU\u2032(0): the slope used at exactly 0</legend>
              ${conventionRadios(prefix, state)}
            </fieldset>
            <button type="button" class="button" data-action="probe-zero" data-control="probe">Move the probe to x = 0</button>
          </div>
          <div class="fn-zero__text">
            <p><strong>What the frameworks use.</strong> Any value from 0 to 1 is a valid
            subgradient at the corner, so the value used at 0 is a convention. PyTorch, TensorFlow
            and JAX all use ReLU\u2032(0) = 0, and did so long before anyone measured the choice.
            Later, Bertoin et al. (2021, \u201cNumerical influence of ReLU\u2032(0) on
            backpropagation\u201d, NeurIPS) did: with plain SGD, 0 worked best. Their study explains
            why the choice can matter; it is not why the frameworks chose 0.</p>
            <p><strong>Why it rarely matters.</strong> The convention is used only when a
            unit\u2019s input is exactly 0, and on continuous data like this lab\u2019s that almost never
            happens. Exact
            zeros are not impossible in floating point, though: Bertoin et al. found that the choice
            changes training runs in float32 surprisingly often, in float16 always, and in float64
            never.</p>
          </div>
        </div>
      </section>

      <section class="screen-section" aria-labelledby="${prefix}-formulas-title" data-control="formulas">
        <h2 id="${prefix}-formulas-title">Formulas</h2>
        <p class="lede">Each plotted function and its derivative, as the core computes them.</p>
        <div class="fn-formulas" data-part="formulas"></div>
      </section>

      <section class="screen-section" aria-labelledby="${prefix}-cost-title" data-control="timing">
        <h2 id="${prefix}-cost-title">How cheap is each function? Measured in your browser</h2>
        <p class="lede">ReLU is a compare and a select: no exponential, no division. Press the
        button to time one evaluation of every function here, in WebAssembly on your machine.</p>
        <div class="controls">
          <button type="button" class="button button--primary" data-action="measure">Measure</button>
        </div>
        <p class="hint" data-field="measure-status" role="status" aria-live="polite"></p>
        <figure class="fn-cost" data-part="cost" hidden>
          <ol class="fn-bars" data-part="bars"></ol>
          <figcaption class="hint">Nanoseconds per evaluation, fastest first: the median of 5
          timed runs of the core\u2019s <code>activationWorkload</code> (about 25 ms each), divided
          by the number of evaluations. ReLU is a compare and a select; GELU needs erf, and SiLU,
          sigmoid, softplus, ELU and tanh need an exponential. Each figure includes the loop
          around the evaluation (Linear, which only passes x through, shows that cost alone),
          and varies from run to run and machine to machine.</figcaption>
        </figure>
      </section>
      ${lockNoteHtml(locks, noteId)}
    </div>`;
}
