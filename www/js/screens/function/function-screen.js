// Screen: activation functions up close. Plot any of the core's activations with their slopes
// on a shared x axis, move a probe along x (pointer or keyboard) to read f(x) and f'(x), zoom
// from ±2 to ±1000 to see which functions flatten, look at ReLU's corner at 0, read the
// formulas, and time one evaluation of each function in this browser.
//
// A mountable component with no module-level state: several can live on one page. A teacher
// can hide or lock its controls by key (FUNCTION_CONTROL_KEYS); a host can read and change its
// settings as one plain object (getState, setState) and hear about the learner's changes
// (onStateChange).
// Requires `await init()` of ../../../pkg/relu_lab.js before mounting.
import {
  activationCurve,
  activationDerivative,
  activationValue,
  names,
} from '../../../pkg/relu_lab.js';
import { readTheme } from '../../ui/theme.js';
import { sizeCanvas } from '../../ui/canvas.js';
import { drawFunctionPlot, functionPlotLayout, niceTicks } from '../../draw/function-plot.js';
import { createFrameLoop } from '../../ui/loop.js';
import { watchMedia, watchWidth } from '../../ui/observe.js';
import { formatNumber } from '../../text/format.js';
import { measureActivations } from './benchmark.js';
import { COLOR_SLOTS, activationStyle, swatchSvg } from './catalog.js';
import { formulasFor } from './formulas.js';
import { applyControlLocks, createStateNotifier, isPlainObject, lockNoteHtml, resolveControls, toNumber } from '../../ui/lesson-controls.js';

/** The zoom ladder: half-widths of the x range, roughly evenly spaced on a log scale. */
export const RANGES = Object.freeze([2, 3, 5, 10, 20, 50, 100, 200, 500, 1000]);
/** Probe step (arrow keys) for each half-width; Shift, Page Up and Page Down move ten. */
const PROBE_STEPS = Object.freeze({
  2: 0.05,
  3: 0.05,
  5: 0.1,
  10: 0.25,
  20: 0.5,
  50: 1,
  100: 2.5,
  200: 5,
  500: 10,
  1000: 25,
});
/** Samples per curve; odd, so that x = 0 (where derivatives may jump) is one of them. */
const SAMPLES = 1201;
/** A slope is "nearly flat" below this magnitude. */
export const FLAT_THRESHOLD = 0.01;
// The core computes in float32: compare with 0.01 as float32 sees it, so that a slope of
// exactly 0.01 (leaky ReLU's default) does not count as below it.
const FLAT_LIMIT = Math.fround(FLAT_THRESHOLD);
/** Just left and right of 0, to read ReLU's one-sided derivatives from the core. */
const ONE_SIDE = 1e-6;

export const FUNCTION_SCREEN_DEFAULTS = Object.freeze({
  functions: Object.freeze(['relu', 'sigmoid', 'tanh']),
  range: 5,
  probe: 1,
  slope: 0.01,
  eluAlpha: 1,
  preluSlope: 0.25,
  reluAtZero: 0,
});

const PARAMETERS = Object.freeze([
  {
    key: 'slope',
    label: 'Leaky ReLU slope \u03b1',
    min: 0,
    max: 1,
    rangeMax: 0.5,
    step: 0.01,
    hint: 'for x < 0; the core accepts 0 to 1',
  },
  {
    key: 'eluAlpha',
    label: 'ELU \u03b1',
    min: 0.1,
    max: 10,
    rangeMax: 3,
    step: 0.1,
    hint: 'the level ELU approaches on the left is \u2212\u03b1',
  },
  {
    key: 'preluSlope',
    label: 'PReLU slope a',
    min: -1,
    max: 1,
    rangeMax: 1,
    step: 0.05,
    hint: 'learned in a network; here fixed',
  },
]);

/**
 * Keys of options.controls.hidden / .disabled, and the groups of controls each stands for:
 *   functions   the function checkboxes
 *   range       the zoom slider (alias zoom)
 *   probe       the probe: its handle, dragging on the plot, "Move the probe to x = 0"
 *   parameters  leaky ReLU slope, ELU alpha, PReLU slope (sliders and fields)
 *   convention  the ReLU'(0) choice (alias relu-at-zero)
 *   options     parameters and convention together
 *   timing      the "Measure" section (alias measure)
 */
const CONTROL_GROUPS = Object.freeze({
  functions: ['functions'],
  range: ['range'],
  zoom: ['range'],
  probe: ['probe'],
  parameters: ['parameters'],
  convention: ['convention'],
  'relu-at-zero': ['convention'],
  options: ['parameters', 'convention'],
  timing: ['timing'],
  measure: ['timing'],
});
/** Every key options.controls accepts. */
export const FUNCTION_CONTROL_KEYS = Object.freeze(Object.keys(CONTROL_GROUPS));
/** The fields of the screen's state (getState, setState; the same names as the mount options). */
export const FUNCTION_STATE_KEYS = Object.freeze([
  'functions',
  'range',
  'probe',
  'slope',
  'eluAlpha',
  'preluSlope',
  'reluAtZero',
]);
const RELU_AT_ZERO = Object.freeze([0, 0.5, 1]);

const clamp = (value, low, high) => Math.min(high, Math.max(low, value));

/**
 * `partial` checked and merged over the state `base`: { state, problems }. `available`: the
 * core's activation names. `functions` (an array or a comma-separated string) keeps the known
 * names in the core's order; `range` snaps to the zoom ladder; `probe` is clamped into the
 * range (a new range clamps the old probe too); the parameters are clamped to what the core
 * accepts; `reluAtZero` must be 0, 0.5 or 1. Unknown keys and names and values of the wrong
 * type are ignored and listed in `problems`. Never throws.
 */
export function mergeFunctionState(base, partial, available) {
  const state = { ...base, functions: [...base.functions] };
  const problems = [];
  if (!isPlainObject(partial)) return { state, problems: ['state'] };
  for (const key of Object.keys(partial)) {
    if (!FUNCTION_STATE_KEYS.includes(key)) problems.push(key.slice(0, 24));
  }
  const given = (key) => partial[key] !== undefined;
  const number = (key) => {
    const value = toNumber(partial[key]);
    if (value === undefined) problems.push(key);
    return value;
  };
  if (given('functions')) {
    const list = typeof partial.functions === 'string' ? partial.functions.split(',') : partial.functions;
    if (Array.isArray(list)) {
      const wanted = new Set(list.map((name) => String(name).trim().toLowerCase()).filter(Boolean));
      for (const name of wanted) if (!available.includes(name)) problems.push(`functions: ${name.slice(0, 24)}`);
      state.functions = available.filter((name) => wanted.has(name));
    } else {
      problems.push('functions');
    }
  }
  if (given('range')) {
    const range = number('range');
    if (range !== undefined && range > 0) state.range = nearestRange(range);
    else if (range !== undefined) problems.push('range');
  }
  if (given('probe')) {
    const probe = number('probe');
    if (probe !== undefined) state.probe = probe;
  }
  state.probe = clamp(state.probe, -state.range, state.range);
  for (const spec of PARAMETERS) {
    if (!given(spec.key)) continue;
    const value = number(spec.key);
    if (value !== undefined) state[spec.key] = clamp(value, spec.min, spec.max);
  }
  if (given('reluAtZero')) {
    const value = toNumber(partial.reluAtZero);
    if (RELU_AT_ZERO.includes(value)) state.reluAtZero = value;
    else problems.push('reluAtZero');
  }
  return { state, problems };
}

/** The ladder value closest to `range` (on a log scale). */
function nearestRange(range) {
  if (!(range > 0)) return FUNCTION_SCREEN_DEFAULTS.range;
  return RANGES.reduce((best, r) =>
    Math.abs(Math.log(r / range)) < Math.abs(Math.log(best / range)) ? r : best,
  );
}

/** Round to a multiple of `step`, free of float drift. */
function snap(value, step) {
  return Number((Math.round(value / step) * step).toFixed(6));
}

/** Runs of consecutive samples where |slope| is below the flat limit, as [x0, x1] pairs. */
function flatRuns(xs, slopes) {
  const runs = [];
  let start = -1;
  for (let i = 0; i <= xs.length; i += 1) {
    const flat = i < xs.length && Math.abs(slopes[i]) < FLAT_LIMIT;
    if (flat && start < 0) start = i;
    if (!flat && start >= 0) {
      runs.push([xs[start], xs[i - 1]]);
      start = -1;
    }
  }
  return runs;
}

/**
 * Mount the screen into `element`.
 * options (all optional): {
 *   functions: activation names plotted at the start (['relu', 'sigmoid', 'tanh']),
 *   range: half-width of the x range, 2 to 1000 (5; snapped to the zoom ladder),
 *   probe: the probe's starting x (1),
 *   slope, eluAlpha, preluSlope, reluAtZero: activation options (0.01, 1, 0.25, 0),
 *   controls: { hidden: [keys], disabled: [keys] } controls a teacher hides or locks
 *     (FUNCTION_CONTROL_KEYS; unknown keys are ignored),
 *   onStateChange(state): called after the learner changes a setting, once the changes settle
 *     (not per pixel of a drag), with getState()'s object,
 *   loop: a frame loop to share (createFrameLoop); the screen makes its own otherwise,
 *   idPrefix: prefix for element ids (unique per instance)
 * }
 * Out-of-range options are clamped; unknown function names and malformed values are ignored.
 * Returns {
 *   destroy(),
 *   getState(): { functions, range, probe, slope, eluAlpha, preluSlope, reluAtZero }, a copy
 *     (the same fields as the options),
 *   setState(partial): change any of those fields (checked as mergeFunctionState does) and
 *     show them; returns the fields ignored. setState(getState()) changes nothing.
 *   redraw(): read the colours from CSS again and repaint (after a theme change)
 * }
 */
export function mountFunctionScreen(element, options = {}) {
  const prefix = options.idPrefix ?? `fn-${Math.random().toString(36).slice(2, 8)}`;
  const ownLoop = !options.loop;
  const loop = options.loop ?? createFrameLoop();
  const available = names().activations;
  const given = Object.fromEntries(FUNCTION_STATE_KEYS.filter((key) => key in options).map((key) => [key, options[key]]));
  const { state: initial } = mergeFunctionState(FUNCTION_SCREEN_DEFAULTS, given, available);
  const selected = new Set(initial.functions);
  const params = {
    slope: initial.slope,
    eluAlpha: initial.eluAlpha,
    preluSlope: initial.preluSlope,
    reluAtZero: initial.reluAtZero,
  };
  let range = initial.range;
  let probeX = initial.probe;
  const locks = resolveControls(options.controls, CONTROL_GROUPS);
  const noteId = `${prefix}-locked`;

  const choiceItems = available
    .map((name) => {
      const style = activationStyle(name);
      return `<li><label class="fn-choice"><input type="checkbox" value="${name}" data-role="function"${
        selected.has(name) ? ' checked' : ''
      }>${swatchSvg(name)}<span>${style.label}${name === 'relu' ? ' <span class="muted">(reference)</span>' : ''}</span></label></li>`;
    })
    .join('');
  const parameterRows = PARAMETERS.map(
    (p) => `
      <div class="fn-param">
        <label for="${prefix}-${p.key}">${p.label}</label>
        <div class="fn-param__inputs">
          <input type="range" id="${prefix}-${p.key}-range" data-param="${p.key}" min="${p.min}" max="${p.rangeMax}" step="${p.step}" value="${params[p.key]}" aria-label="${p.label} (slider)">
          <input type="number" id="${prefix}-${p.key}" data-param="${p.key}" min="${p.min}" max="${p.max}" step="${p.step / 10}" value="${params[p.key]}" aria-describedby="${prefix}-${p.key}-hint" inputmode="decimal">
        </div>
        <p class="hint" id="${prefix}-${p.key}-hint">${p.hint}</p>
      </div>`,
  ).join('');
  const conventionRadios = [
    [0, '0 (PyTorch, TensorFlow, JAX)'],
    [0.5, '\u00bd (the mean of the two sides)'],
    [1, '1 (the right-hand slope)'],
  ]
    .map(
      ([value, text]) =>
        `<label class="fn-radio"><input type="radio" name="${prefix}-convention" value="${value}" data-role="convention"${
          params.reluAtZero === value ? ' checked' : ''
        }><span>${text}</span></label>`,
    )
    .join('');

  element.innerHTML = `
    <div class="fn-screen">
      <section class="screen-section" aria-labelledby="${prefix}-title">
        <h2 id="${prefix}-title">Activation functions and their slopes</h2>
        <p class="lede">Pick functions to compare. The top panel shows each function f(x), the
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
            <table class="fn-readout" data-part="readout">
              <caption>At the probe, <span data-field="probe-x"></span> (values from the WebAssembly core)</caption>
              <thead><tr><th scope="col">Function</th><th scope="col">f(x)</th><th scope="col">f\u2032(x)</th></tr></thead>
              <tbody data-part="readout-rows"></tbody>
            </table>
            <p class="fn-flat" id="${prefix}-flat" data-field="flat"></p>
          </div>
          <div class="fn-controls" data-control-group>
            <fieldset class="fn-fieldset" data-control="functions">
              <legend>Functions to plot</legend>
              <ul class="fn-choices">${choiceItems}</ul>
            </fieldset>
            <div class="fn-zoom" data-control="range">
              <label for="${prefix}-zoom">Zoom: x from \u2212<span data-field="range-a">${range}</span> to <span data-field="range-b">${range}</span></label>
              <input type="range" id="${prefix}-zoom" data-role="zoom" min="0" max="${RANGES.length - 1}" step="1" value="${RANGES.indexOf(range)}" aria-describedby="${prefix}-zoom-hint">
              <p class="hint" id="${prefix}-zoom-hint">A log scale: \u00b12, 3, 5, 10, 20, 50 \u2026 1000.</p>
            </div>
            <fieldset class="fn-fieldset" data-control="parameters">
              <legend>Parameters</legend>
              ${parameterRows}
            </fieldset>
          </div>
        </div>
      </section>

      <section class="screen-section" aria-labelledby="${prefix}-zero-title">
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
              ${conventionRadios}
            </fieldset>
            <button type="button" class="button" data-action="probe-zero" data-control="probe">Move the probe to x = 0</button>
          </div>
          <div class="fn-zero__text">
            <p><strong>Why frameworks pick 0.</strong> Any value from 0 to 1 is a valid
            subgradient at the corner, so the value is a convention. PyTorch, TensorFlow and JAX
            all use ReLU\u2032(0) = 0, and Bertoin et al. (2021, \u201cNumerical influence of
            ReLU\u2032(0) on backpropagation\u201d, NeurIPS) found that with plain SGD, 0 worked best.</p>
            <p><strong>Why it rarely matters.</strong> The convention is used only when a
            unit\u2019s input is exactly 0, and on continuous data like this lab\u2019s that almost never
            happens. Exact
            zeros are not impossible in floating point, though: Bertoin et al. found that the choice
            changes training runs in float32 surprisingly often, in float16 always, and in float64
            never.</p>
          </div>
        </div>
      </section>

      <section class="screen-section" aria-labelledby="${prefix}-formulas-title">
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

  const $ = (selector) => element.querySelector(selector);
  const canvas = $('canvas');
  const holder = $('[data-part="holder"]');
  const track = $('[data-part="track"]');
  const probe = $('[data-part="probe"]');
  const readoutRows = $('[data-part="readout-rows"]');
  const fields = {
    rangeA: $('[data-field="range-a"]'),
    rangeB: $('[data-field="range-b"]'),
    probeX: $('[data-field="probe-x"]'),
    flat: $('[data-field="flat"]'),
    leftSlope: $('[data-field="left-slope"]'),
    rightSlope: $('[data-field="right-slope"]'),
    zeroSlope: $('[data-field="zero-slope"]'),
    measureStatus: $('[data-field="measure-status"]'),
  };
  const zoom = $('[data-role="zoom"]');
  const formulasHost = $('[data-part="formulas"]');
  const cost = $('[data-part="cost"]');
  const bars = $('[data-part="bars"]');
  const measureButton = $('[data-action="measure"]');
  applyControlLocks(element, locks, noteId);
  // A probe the learner cannot move: the plot is not a drag surface either.
  if (locks.blocked('probe')) holder.dataset.probe = 'fixed';

  let width = 0;
  let theme = readFunctionTheme();
  let curves = [];
  let layout = null;
  let dragging = false;
  let benchmark = null; // { controller } while measuring

  function readFunctionTheme() {
    const style = getComputedStyle(element.firstElementChild ?? element);
    const colors = [];
    for (let slot = 1; slot <= COLOR_SLOTS; slot += 1) {
      colors.push(style.getPropertyValue(`--fn-${slot}`).trim() || '#000');
    }
    return { ...readTheme(element.firstElementChild ?? element), colors };
  }

  const coreOptions = () => ({ ...params });
  const order = () => available.filter((name) => selected.has(name));

  /** Sample every plotted curve from the core (one activationCurve call per curve). */
  function sample() {
    const xs = new Float32Array(SAMPLES);
    const half = (SAMPLES - 1) / 2;
    for (let i = 0; i < SAMPLES; i += 1) xs[i] = (range * (i - half)) / half;
    const opts = coreOptions();
    const atZero = Float32Array.from([-ONE_SIDE, 0, ONE_SIDE]);
    curves = order().map((name) => {
      const style = activationStyle(name);
      const values = activationCurve(name, xs, false, opts);
      const slopes = activationCurve(name, xs, true, opts);
      const [left, zero, right] = activationCurve(name, atZero, true, opts);
      const jumps = Math.abs(left - right) > 0.01;
      let slopeSegments = [{ xs, ys: slopes }];
      let jump = null;
      if (jumps) {
        // Draw the two sides apart, and the values at 0 as dots: filled where used.
        slopeSegments = [
          { xs: xs.subarray(0, half), ys: slopes.subarray(0, half) },
          { xs: xs.subarray(half + 1), ys: slopes.subarray(half + 1) },
        ];
        jump = [{ y: zero, filled: true }];
        for (const side of new Set([left, right])) {
          if (Math.abs(side - zero) > 1e-6) jump.push({ y: side, filled: false });
        }
      }
      return {
        name,
        label: style.label,
        shortLabel: style.shortLabel,
        color: theme.colors[style.slot - 1],
        slot: style.slot,
        dash: style.dash,
        lineWidth: style.lineWidth,
        marker: style.marker,
        xs,
        rawValues: values,
        rawSlopes: slopes,
        values: [{ xs, ys: values }],
        slopes: slopeSegments,
        jump,
        flat: flatRuns(xs, slopes),
      };
    });
  }

  function recolor() {
    for (const curve of curves) curve.color = theme.colors[curve.slot - 1];
  }

  function domainOf(key, floor, ceiling) {
    let low = floor;
    let high = ceiling;
    for (const curve of curves) {
      const values = curve[key];
      for (let i = 0; i < values.length; i += 1) {
        const v = values[i];
        if (v < low) low = v;
        if (v > high) high = v;
      }
    }
    const pad = (high - low) * 0.07;
    return [low - pad, high + pad];
  }

  function draw() {
    if (!width) return;
    layout = functionPlotLayout(width, curves.length);
    const ctx = sizeCanvas(canvas, width, layout.height);
    const valueDomain = domainOf('rawValues', -1, 1);
    const slopeDomain = domainOf('rawSlopes', 0, 1);
    const plotWidth = layout.right - layout.left;
    const xTicks = niceTicks(-range, range, Math.max(3, Math.floor(plotWidth / 70)));
    drawFunctionPlot(ctx, {
      layout,
      xDomain: [-range, range],
      valueDomain,
      slopeDomain,
      xTicks,
      valueTicks: niceTicks(valueDomain[0], valueDomain[1], layout.value.height / 45),
      slopeTicks: niceTicks(slopeDomain[0], slopeDomain[1], layout.slope.height / 40),
      curves,
      flatThreshold: FLAT_THRESHOLD,
      probe: {
        x: probeX,
        label: `x = ${formatNumber(probeX)}`,
        points: curves.map((curve) => probeValues(curve.name)),
      },
      theme,
    });
    placeProbe();
  }

  /** The core's f and f' at the probe for `name`. */
  function probeValues(name) {
    const opts = coreOptions();
    return {
      value: activationValue(name, probeX, opts),
      slope: activationDerivative(name, probeX, opts),
    };
  }

  function placeProbe() {
    if (!layout) return;
    const px = layout.left + ((probeX + range) / (2 * range)) * (layout.right - layout.left);
    probe.style.left = `${px}px`;
  }

  /** Update the readout table, the slider's value and (unless dragging) its spoken text. */
  function updateReadout() {
    const xText = formatNumber(probeX);
    fields.probeX.textContent = `x = ${xText}`;
    const rows = [];
    const spoken = [];
    for (const name of order()) {
      const { value, slope } = probeValues(name);
      const style = activationStyle(name);
      rows.push(
        `<tr data-name="${name}"><th scope="row"><span class="fn-readout__name">${swatchSvg(name)}${style.label}</span></th>` +
          `<td data-value="${value}">${formatNumber(value)}</td><td data-value="${slope}">${formatNumber(slope)}</td></tr>`,
      );
      spoken.push(`${style.label} ${formatNumber(value)}, slope ${formatNumber(slope)}`);
    }
    readoutRows.innerHTML = rows.length
      ? rows.join('')
      : '<tr><td colspan="3">No function selected: tick one above.</td></tr>';
    probe.setAttribute('aria-valuemin', String(-range));
    probe.setAttribute('aria-valuemax', String(range));
    // While dragging, the spoken value waits for the drag to end: no chatter per pixel.
    if (!dragging) commitProbeText(spoken);
  }

  function commitProbeText(spoken) {
    probe.setAttribute('aria-valuenow', String(probeX));
    probe.setAttribute(
      'aria-valuetext',
      `x = ${formatNumber(probeX)}${spoken.length ? `: ${spoken.join('; ')}` : ''}`,
    );
  }

  function describeFlat() {
    const parts = curves.map((curve) => {
      if (!curve.flat.length) return `${curve.label} nowhere`;
      const edge = (v) =>
        Math.abs(Math.abs(v) - range) < 1e-9 ? formatNumber(v) : `about ${formatNumber(v, 2)}`;
      const runs = curve.flat.map(([a, b]) => `from ${edge(a)} to ${edge(b)}`);
      return `${curve.label} ${runs.join(' and ')}`;
    });
    fields.flat.textContent = parts.length
      ? `Nearly flat, |f\u2032(x)| < ${FLAT_THRESHOLD}, between x = \u2212${range} and ${range}: ${parts.join('; ')}.`
      : 'No function selected.';
    const list = curves.map((c) => c.label).join(', ') || 'no function';
    canvas.setAttribute(
      'aria-label',
      `Three stacked panels over x from \u2212${range} to ${range}: ${list} (top), ` +
        'their slopes (middle), and hatched bars where each slope is nearly flat (bottom). ' +
        `A dashed probe line marks x = ${formatNumber(probeX)}.`,
    );
  }

  function updateZero() {
    const opts = coreOptions();
    fields.leftSlope.textContent = formatNumber(activationDerivative('relu', -ONE_SIDE, opts));
    fields.rightSlope.textContent = formatNumber(activationDerivative('relu', ONE_SIDE, opts));
    fields.zeroSlope.textContent = formatNumber(activationDerivative('relu', 0, opts));
  }

  function renderFormulas() {
    const names = order();
    formulasHost.innerHTML = names.length
      ? names
          .map((name) => {
            const { value, derivative, note } = formulasFor(name, params);
            return `<div class="fn-formula"><h3>${swatchSvg(name)}${activationStyle(name).label}</h3>${value}${derivative}${
              note ? `<p class="hint">${note}</p>` : ''
            }</div>`;
          })
          .join('')
      : '<p class="hint">Tick a function above to see its formula.</p>';
  }

  /** Everything that depends on the curves: resample, redraw, and the texts. */
  function refresh({ formulas = false } = {}) {
    sample();
    updateReadout();
    describeFlat();
    updateZero();
    if (formulas) renderFormulas();
    loop.request(draw);
  }

  /** Move the probe to `x`, snapped to the keyboard step so that x = 0 is easy to reach. */
  function setProbe(x, { announce = true } = {}) {
    probeX = clamp(snap(x, PROBE_STEPS[range]), -range, range);
    updateReadout();
    if (announce) describeFlat();
    loop.request(draw);
  }

  function setRange(newRange) {
    range = newRange;
    fields.rangeA.textContent = String(range);
    fields.rangeB.textContent = String(range);
    zoom.setAttribute('aria-valuetext', `x from \u2212${range} to ${range}`);
    probeX = clamp(probeX, -range, range);
    refresh();
  }

  // ---- events -----------------------------------------------------------------------------

  /** Whether an event comes from a control a teacher locked (disabled, so only by script). */
  const fromLocked = (target) => target.closest?.('[data-locked]') != null;

  const onChange = (event) => {
    const target = event.target;
    if (fromLocked(target)) return;
    if (target.dataset.role === 'function') {
      if (target.checked) selected.add(target.value);
      else selected.delete(target.value);
      refresh({ formulas: true });
    } else if (target.dataset.role === 'convention' && target.checked) {
      params.reluAtZero = Number(target.value);
      refresh({ formulas: true });
    } else if (target.dataset.param && target.type === 'number') {
      setParam(target.dataset.param, Number(target.value), target);
    } else {
      return;
    }
    notifier.notify();
  };

  const onInput = (event) => {
    const target = event.target;
    if (fromLocked(target)) return;
    if (target.dataset.role === 'zoom') {
      setRange(RANGES[Number(target.value)] ?? range);
    } else if (target.dataset.param && target.type === 'range') {
      setParam(target.dataset.param, Number(target.value), target);
    } else if (target.dataset.param && target.type === 'number' && target.value !== '') {
      const value = Number(target.value);
      const spec = PARAMETERS.find((p) => p.key === target.dataset.param);
      if (Number.isFinite(value) && value >= spec.min && value <= spec.max) {
        setParam(spec.key, value, target);
      }
    } else {
      return;
    }
    notifier.notify();
  };

  /** Set a parameter from `source` (a slider or number field) and mirror it in the other. */
  function setParam(key, raw, source) {
    const spec = PARAMETERS.find((p) => p.key === key);
    const value = Number.isFinite(raw) ? clamp(raw, spec.min, spec.max) : params[key];
    params[key] = value;
    for (const input of element.querySelectorAll(`[data-param="${key}"]`)) {
      // The field being typed in keeps its text unless it had to be clamped.
      if (input !== source || Number(input.value) !== value || input.value === '') {
        input.value = String(value);
      }
    }
    refresh({ formulas: true });
  }

  function xFromPointer(event) {
    if (!layout) return probeX;
    const rect = canvas.getBoundingClientRect();
    const px = event.clientX - rect.left;
    const share = (px - layout.left) / (layout.right - layout.left);
    return -range + clamp(share, 0, 1) * 2 * range;
  }

  const onPointerDown = (event) => {
    if (event.button !== 0 || locks.blocked('probe')) return;
    dragging = true;
    event.currentTarget.setPointerCapture?.(event.pointerId);
    probe.focus({ preventScroll: true });
    setProbe(xFromPointer(event), { announce: false });
    event.preventDefault();
  };
  const onPointerMove = (event) => {
    if (!dragging) return;
    setProbe(xFromPointer(event), { announce: false });
  };
  const onPointerEnd = () => {
    if (!dragging) return;
    dragging = false;
    updateReadout();
    describeFlat();
    notifier.notify();
  };

  const onKeyDown = (event) => {
    // A locked probe keeps its focus (its value is read out) but does not move.
    if (locks.blocked('probe')) return;
    const step = PROBE_STEPS[range];
    const big = step * 10;
    let next = null;
    switch (event.key) {
      case 'ArrowLeft':
      case 'ArrowDown':
        next = probeX - (event.shiftKey ? big : step);
        break;
      case 'ArrowRight':
      case 'ArrowUp':
        next = probeX + (event.shiftKey ? big : step);
        break;
      case 'PageDown':
        next = probeX - big;
        break;
      case 'PageUp':
        next = probeX + big;
        break;
      case 'Home':
        next = -range;
        break;
      case 'End':
        next = range;
        break;
      default:
        return;
    }
    event.preventDefault();
    setProbe(next);
    notifier.notify();
  };

  const onClick = (event) => {
    const button = event.target.closest('button[data-action]');
    if (!button || button.disabled || fromLocked(button)) return;
    if (button.dataset.action === 'probe-zero') {
      setProbe(0);
      probe.focus();
      notifier.notify();
    } else if (button.dataset.action === 'measure') {
      measure();
    }
  };

  async function measure() {
    if (benchmark) {
      benchmark.controller.abort();
      benchmark = null;
      measureButton.textContent = 'Measure';
      fields.measureStatus.textContent = 'Measurement stopped.';
      return;
    }
    const controller = new AbortController();
    benchmark = { controller };
    measureButton.textContent = 'Stop measuring';
    const list = available.slice();
    const results = await measureActivations(list, coreOptions(), {
      signal: controller.signal,
      onProgress: (text) => {
        fields.measureStatus.textContent = `Measuring: ${text}\u2026`;
      },
    });
    if (!results || controller.signal.aborted) return;
    benchmark = null;
    measureButton.textContent = 'Measure again';
    const sorted = results.sort((a, b) => a.nanoseconds - b.nanoseconds);
    const slowest = sorted[sorted.length - 1].nanoseconds;
    bars.innerHTML = sorted
      .map((r) => {
        const style = activationStyle(r.name);
        return `<li data-name="${r.name}"><span class="fn-bars__label">${style.label}</span>` +
          `<span class="fn-bars__bar" aria-hidden="true"><span class="fn-bars__fill fn-bars__fill--${style.slot}" data-share="${(r.nanoseconds / slowest).toFixed(4)}"></span></span>` +
          `<span class="fn-bars__value" data-ns="${r.nanoseconds}">${formatNumber(r.nanoseconds, 3)} ns</span></li>`;
      })
      .join('');
    for (const fill of bars.querySelectorAll('.fn-bars__fill')) {
      fill.style.transform = `scaleX(${fill.dataset.share})`;
    }
    cost.hidden = false;
    const relu = results.find((r) => r.name === 'relu');
    fields.measureStatus.textContent =
      `Done. Fastest: ${activationStyle(sorted[0].name).label}, ${formatNumber(sorted[0].nanoseconds, 3)} ns; ` +
      `slowest: ${activationStyle(sorted[sorted.length - 1].name).label}, ${formatNumber(slowest, 3)} ns` +
      (relu ? `; ReLU ${formatNumber(relu.nanoseconds, 3)} ns per evaluation.` : '.');
  }

  element.addEventListener('change', onChange);
  element.addEventListener('input', onInput);
  element.addEventListener('click', onClick);
  probe.addEventListener('keydown', onKeyDown);
  for (const target of [canvas, track]) {
    target.addEventListener('pointerdown', onPointerDown);
    target.addEventListener('pointermove', onPointerMove);
    target.addEventListener('pointerup', onPointerEnd);
    target.addEventListener('pointercancel', onPointerEnd);
    target.addEventListener('lostpointercapture', onPointerEnd);
  }

  const stopWidth = watchWidth(holder, (newWidth) => {
    width = newWidth;
    loop.request(draw);
  });
  const scheme = watchMedia('(prefers-color-scheme: dark)', () => {
    theme = readFunctionTheme();
    recolor();
    loop.request(draw);
  });

  // ---- state for a host ---------------------------------------------------------------------

  function getState() {
    return {
      functions: order(),
      range,
      probe: probeX,
      slope: params.slope,
      eluAlpha: params.eluAlpha,
      preluSlope: params.preluSlope,
      reluAtZero: params.reluAtZero,
    };
  }

  /** Show the state in every control (after setState). */
  function syncControls() {
    for (const input of element.querySelectorAll('input[data-role="function"]')) {
      input.checked = selected.has(input.value);
    }
    zoom.value = String(RANGES.indexOf(range));
    fields.rangeA.textContent = String(range);
    fields.rangeB.textContent = String(range);
    zoom.setAttribute('aria-valuetext', `x from \u2212${range} to ${range}`);
    for (const input of element.querySelectorAll('input[data-param]')) {
      const text = String(params[input.dataset.param]);
      if (input.value !== text) input.value = text;
    }
    for (const input of element.querySelectorAll('input[data-role="convention"]')) {
      input.checked = Number(input.value) === params.reluAtZero;
    }
  }

  function setState(partial) {
    const before = getState();
    const { state: next, problems } = mergeFunctionState(before, partial, available);
    if (JSON.stringify(next) !== JSON.stringify(before)) {
      selected.clear();
      for (const name of next.functions) selected.add(name);
      for (const spec of PARAMETERS) params[spec.key] = next[spec.key];
      params.reluAtZero = next.reluAtZero;
      range = next.range;
      probeX = next.probe;
      syncControls();
      refresh({ formulas: true });
    }
    notifier.sync();
    return problems;
  }

  zoom.setAttribute('aria-valuetext', `x from \u2212${range} to ${range}`);
  refresh({ formulas: true });
  const notifier = createStateNotifier(getState, options.onStateChange);

  return {
    getState,
    setState,
    redraw() {
      theme = readFunctionTheme();
      recolor();
      loop.request(draw);
    },
    destroy() {
      notifier.stop();
      benchmark?.controller.abort();
      benchmark = null;
      loop.cancel(draw);
      if (ownLoop) loop.destroy();
      stopWidth();
      scheme.stop();
      element.removeEventListener('change', onChange);
      element.removeEventListener('input', onInput);
      element.removeEventListener('click', onClick);
      element.replaceChildren();
    },
  };
}
