// Component: one ReLU unit on the plane. Sliders and number fields set w1, w2 and b; the plane
// shows the unit's output as a heatmap, the inactive half hatched, the hinge line and the arrow
// of w, with the training points. A table gives the core's forward and backward pass at one
// training point and the gradient over the whole set; a button takes one gradient step. When
// every training point is on the inactive side the unit is dead: the screen says so, and the
// step changes nothing.
//
// Requires `await init()` of ../../../pkg/relu_lab.js before mounting.
import { readTheme } from '../../ui/theme.js';
import { sizeCanvas } from '../../ui/canvas.js';
import { drawNeuronPlane, neuronPlaneHeight, PLANE_MARGIN } from '../../draw/neuron-plane.js';
import { formatPercent } from '../../text/format.js';
import { watchMedia, watchWidth } from '../../ui/observe.js';
import { formatNumber } from '../../text/format.js';
import { isPlainObject, resolveControls, toNumber } from '../../ui/lesson-controls.js';
import { createUnitModel } from './unit-model.js';

const DOMAIN = [-6, 6];
const RESOLUTION = 96;
const LEARNING_RATES = Object.freeze([0.01, 0.03, 0.1, 0.3, 1]);
const SLIDERS = Object.freeze([
  { key: 'w1', label: 'w\u2081', name: 'weight w1', min: -3, max: 3, step: 0.05 },
  { key: 'w2', label: 'w\u2082', name: 'weight w2', min: -3, max: 3, step: 0.05 },
  { key: 'b', label: 'b', name: 'bias b', min: -10, max: 10, step: 0.1 },
]);
/** Starting values: alive, but far from the best fit, so that gradient steps have work to do. */
export const UNIT_DEFAULTS = Object.freeze({ w1: 1, w2: -0.5, b: 0 });
/** A dead configuration: z = 0.5·x1 + 0.5·x2 − 8 < 0 everywhere on the data. */
export const DEAD_UNIT = Object.freeze({ w1: 0.5, w2: 0.5, b: -8 });

const clamp = (value, low, high) => Math.min(high, Math.max(low, value));
/** The ladder's learning rate closest to `rate` (on a log scale); 0.1 for a non-positive one. */
function nearestRate(rate) {
  if (!(rate > 0)) return 0.1;
  return LEARNING_RATES.reduce((best, r) =>
    Math.abs(Math.log(r / rate)) < Math.abs(Math.log(best / rate)) ? r : best,
  );
}
/** A weight for a field: at most 4 decimals, no float noise. */
const fieldValue = (value) => String(Number(value.toFixed(4)));

function markSvg(shape, classIndex) {
  const body =
    shape === 'triangle' ? '<polygon points="8,2.5 14,13 2,13"/>' : '<circle cx="8" cy="8" r="5"/>';
  return `<svg class="mark mark--filled mark--class${classIndex}" viewBox="0 0 16 16" aria-hidden="true" focusable="false">${body}</svg>`;
}

/**
 * Mount the component into `element`.
 * options: {
 *   loop: the page's frame loop, required,
 *   w1, w2, b: starting weights and bias (UNIT_DEFAULTS),
 *   data: Dataset.generate options for the 2-D training set ({ name: 'gaussians', n: 40,
 *         noise: 0.1, seed: 1 }),
 *   learningRate: for the gradient step (0.1; snapped to one of 0.01, 0.03, 0.1, 0.3, 1),
 *   point: the inspected training point, 0-based (the first of class 1),
 *   locks: resolveControls(…) of the screen (applied to the markup by the screen; here they
 *     stop the plane's click from choosing a point when `inspect` is locked),
 *   onChange(): called after each change by the learner (the screen debounces),
 *   idPrefix: prefix for element ids
 * }
 * Returns { destroy(), getState(), setState(partial), redraw() }: the state is
 * { w1, w2, b, learningRate, point }.
 */
export function mountSingleUnit(element, options) {
  const { loop } = options;
  const prefix = options.idPrefix;
  const locks = options.locks ?? resolveControls(null, {});
  const onChangeOption = typeof options.onChange === 'function' ? options.onChange : () => {};
  const userChanged = () => onChangeOption();
  const start = {
    w1: clamp(toNumber(options.w1) ?? UNIT_DEFAULTS.w1, -3, 3),
    w2: clamp(toNumber(options.w2) ?? UNIT_DEFAULTS.w2, -3, 3),
    b: clamp(toNumber(options.b) ?? UNIT_DEFAULTS.b, -10, 10),
  };
  const model = createUnitModel({ ...start, data: options.data });
  const count = model.count;
  // By default inspect the first class-1 point: at the start it is on the active side, so its
  // gradients are not all 0.
  const firstClassOne = Math.max(0, model.train.labels.findIndex((label) => label >= 0.5));
  let selected = clamp(Math.round(toNumber(options.point) ?? firstClassOne), 0, count - 1);
  const learningRate = nearestRate(toNumber(options.learningRate) ?? 0.1);

  const sliderRows = SLIDERS.map(
    (s) => `
      <div class="nu-slider">
        <label for="${prefix}-${s.key}" class="nu-slider__label">${s.label}</label>
        <input type="range" data-param="${s.key}" min="${s.min}" max="${s.max}" step="${s.step}" aria-label="${s.name} (slider)">
        <input type="number" id="${prefix}-${s.key}" data-param="${s.key}" min="${s.min}" max="${s.max}" step="0.01" inputmode="decimal" aria-label="${s.name}">
      </div>`,
  ).join('');
  const rateOptions = LEARNING_RATES.map(
    (rate) => `<option value="${rate}"${rate === learningRate ? ' selected' : ''}>${rate}</option>`,
  ).join('');

  element.innerHTML = `
    <div class="nu-unit">
      <figure class="nu-plane">
        <div class="nu-canvas"><canvas role="img" aria-label="The unit's output over the input plane, with its hinge line"></canvas></div>
        <figcaption>
          <ul class="legend legend--marks">
            <li>${markSvg('circle', 0)}<span>blue circle: class 0</span></li>
            <li>${markSvg('triangle', 1)}<span>orange triangle: class 1</span></li>
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
          <div data-control="weights">${sliderRows}</div>
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
            <select id="${prefix}-rate" data-role="rate">${rateOptions}</select>
          </span>
          <button type="button" class="button button--primary" data-action="step" data-control="step">Take a gradient step</button>
        </div>
        <p class="hint" data-control-text="step">One step of gradient descent on the mean loss over all ${count} training
        points, taken by the core: each of w\u2081, w\u2082, b moves by \u2212(learning rate) \u00d7 its
        gradient. The read-out v = ${formatNumber(model.readout.weight)}, c = ${formatNumber(model.readout.bias)} stays fixed.</p>
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

  const $ = (selector) => element.querySelector(selector);
  const canvas = $('canvas');
  const holder = $('.nu-canvas');
  const rows = $('[data-part="rows"]');
  const rateSelect = $('[data-role="rate"]');
  const pointInput = $('[data-role="point"]');
  const fields = {
    status: $('[data-field="status"]'),
    steps: $('[data-field="steps"]'),
    largest: $('[data-field="largest"]'),
    pointHead: $('[data-field="point-head"]'),
    coreNorm: $('[data-field="core-norm"]'),
    announcer: $('[data-field="announcer"]'),
  };
  const mapCanvas = document.createElement('canvas');
  mapCanvas.width = RESOLUTION;
  mapCanvas.height = RESOLUTION;
  const mapContext = mapCanvas.getContext('2d');

  let width = 0;
  let theme = readUnitTheme();
  let steps = 0;
  let wasDead = null;
  let plane = { deadOnPlane: false, largest: 0 };
  let whole = null;

  function readUnitTheme() {
    const host = element.firstElementChild ?? element;
    const style = getComputedStyle(host);
    const read = (name) => style.getPropertyValue(name).trim();
    return { ...readTheme(host), hatch: read('--unit-hatch'), mapInk: read('--unit-ink'), mapPaper: read('--unit-paper') };
  }

  /** Show the model's weights in the sliders and fields. */
  function syncInputs() {
    const params = model.get();
    for (const input of element.querySelectorAll('[data-param]')) {
      const value = params[input.dataset.param];
      if (document.activeElement === input && input.type === 'number') continue;
      input.value = fieldValue(value);
    }
    for (const input of element.querySelectorAll('input[type="range"][data-param]')) {
      input.setAttribute('aria-valuetext', fieldValue(params[input.dataset.param]).replace('-', '\u2212'));
    }
  }

  function statusHtml(params) {
    if (whole.dead) {
      const plain = plane.deadOnPlane
        ? 'It is inactive on the whole plane shown, too.'
        : 'It is still active on part of the plane, but no training point lies there.';
      return `
        <p class="nu-badge nu-badge--dead"><span class="nu-badge__icon" aria-hidden="true">\u2715</span>
        <strong>Dead on the training set</strong></p>
        <p>z = w\u00b7x + b \u2264 0 on all ${count} training points, so the unit outputs 0 on every
        one and its slope ReLU\u2032(z) is 0 on every one. Every gradient with respect to w\u2081, w\u2082
        and b is therefore exactly 0: gradient descent cannot move the unit, and it cannot
        recover by itself. ${plain} Move a slider to revive it.</p>`;
    }
    return `
      <p class="nu-badge nu-badge--alive"><span class="nu-badge__icon" aria-hidden="true">\u2713</span>
      <strong>Alive: active on ${whole.activeCount} of ${count} training points</strong></p>
      <p>On those points z > 0, the slope is 1 and gradient flows to w\u2081, w\u2082 and b; on the
      others it is blocked. Training accuracy ${formatPercent(whole.accuracy, 0)}, mean loss
      ${formatNumber(whole.loss)} (w = (${formatNumber(params.w1, 3)}, ${formatNumber(params.w2, 3)}),
      b = ${formatNumber(params.b, 3)}).</p>`;
  }

  function render() {
    const params = model.get();
    whole = model.whole();
    const point = model.inspectPoint(selected);
    const classText = point.label >= 0.5 ? 'class 1 (triangle)' : 'class 0 (circle)';
    fields.pointHead.textContent = `Point ${selected + 1}`;
    const row = (name, here, mean = '\u2014', key = '') =>
      `<tr${key ? ` data-row="${key}"` : ''}><th scope="row">${name}</th><td>${here}</td><td>${mean}</td></tr>`;
    const num = (value, key) => `<span data-value="${value}" data-key="${key}">${formatNumber(value)}</span>`;
    rows.innerHTML = [
      row('input x = (x\u2081, x\u2082)', `(${formatNumber(point.x1, 3)}, ${formatNumber(point.x2, 3)}), ${classText}`),
      row('z = w\u00b7x + b', num(point.z, 'z'), '\u2014', 'z'),
      row('a = ReLU(z)', num(point.a, 'a'), '\u2014', 'a'),
      row('ReLU\u2032(z)', num(point.gate, 'gate'), `active on ${whole.activeCount} of ${count}`, 'gate'),
      row('p = \u03c3(v\u00b7a + c), chance of class 1', num(point.probability, 'p'), `accuracy ${formatPercent(whole.accuracy, 0)}`, 'p'),
      row('loss L', num(point.loss, 'loss'), num(whole.loss, 'loss-mean'), 'loss'),
      row('\u2202L/\u2202z', num(point.gradZ, 'grad-z'), '\u2014', 'grad-z'),
      row('\u2202L/\u2202w\u2081', num(point.gradW1, 'grad-w1'), num(whole.gradW1, 'grad-w1-mean'), 'grad-w1'),
      row('\u2202L/\u2202w\u2082', num(point.gradW2, 'grad-w2'), num(whole.gradW2, 'grad-w2-mean'), 'grad-w2'),
      row('\u2202L/\u2202b', num(point.gradB, 'grad-b'), num(whole.gradB, 'grad-b-mean'), 'grad-b'),
    ].join('');
    fields.coreNorm.textContent = formatNumber(whole.coreGradWNorm);
    fields.coreNorm.dataset.value = String(whole.coreGradWNorm);

    plane = model.paintPlane(mapContext, RESOLUTION);
    fields.largest.textContent = formatNumber(plane.largest, 3);
    fields.status.innerHTML = statusHtml(params);
    fields.status.dataset.state = whole.dead ? 'dead' : 'alive';
    fields.steps.textContent = String(steps);
    canvas.setAttribute(
      'aria-label',
      `The input plane from \u22126 to 6 on both axes with ${count} training points (class 0 blue circles ` +
        `around (\u22122, \u22122), class 1 orange triangles around (2, 2)). The unit with w = ` +
        `(${formatNumber(params.w1, 3)}, ${formatNumber(params.w2, 3)}) and b = ${formatNumber(params.b, 3)} ` +
        (whole.dead
          ? `is dead on the training set: every point lies on the hatched inactive side.`
          : `is active on ${whole.activeCount} of the points; the rest lie on the hatched inactive side.`) +
        ` Point ${selected + 1} is circled.`,
    );
    if (wasDead !== null && wasDead !== whole.dead) {
      announce(
        whole.dead
          ? `The unit is now dead on the training set: z \u2264 0 on every point, so every gradient is 0.`
          : `The unit is alive again: active on ${whole.activeCount} of ${count} training points.`,
      );
    }
    wasDead = whole.dead;
    loop.request(draw);
  }

  function announce(text) {
    fields.announcer.textContent = text;
  }

  function draw() {
    if (!width) return;
    const height = neuronPlaneHeight(width);
    const ctx = sizeCanvas(canvas, width, height);
    const params = model.get();
    drawNeuronPlane(ctx, {
      width,
      height,
      domain: DOMAIN,
      map: mapCanvas,
      ...params,
      train: model.train,
      selected,
      deadText: whole?.dead ? '\u2715 DEAD on the training set' : null,
      theme,
    });
  }

  function setParams(params) {
    model.set(params);
    syncInputs();
    render();
  }

  function takeStep() {
    const lossBefore = whole.loss;
    const rate = Number(rateSelect.value);
    const { before, after } = model.step(rate);
    steps += 1;
    syncInputs();
    render();
    const unchanged = before.w1 === after.w1 && before.w2 === after.w2 && before.b === after.b;
    if (unchanged) {
      announce(
        whole.dead
          ? `Gradient step ${steps} changed nothing: the unit is dead on the training set, so the ` +
              'gradients of w\u2081, w\u2082 and b are all exactly 0.'
          : `Gradient step ${steps} changed nothing: the gradient is 0 here.`,
      );
    } else {
      const move = (name, key) =>
        `${name} ${formatNumber(before[key], 3)} \u2192 ${formatNumber(after[key], 3)}`;
      announce(
        `Gradient step ${steps} with learning rate ${rate}: ${move('w1', 'w1')}, ${move('w2', 'w2')}, ` +
          `${move('b', 'b')}; mean loss ${formatNumber(lossBefore, 3)} \u2192 ${formatNumber(whole.loss, 3)}.`,
      );
    }
  }

  // ---- events -----------------------------------------------------------------------------

  /** Whether an event comes from a control a teacher locked (disabled, so only by script). */
  const fromLocked = (target) => target.closest?.('[data-locked]') != null;

  const onInput = (event) => {
    const input = event.target;
    if (fromLocked(input)) return;
    if (input.dataset.param) {
      const spec = SLIDERS.find((s) => s.key === input.dataset.param);
      const value = Number(input.value);
      if (input.value === '' || !Number.isFinite(value)) return;
      if (input.type === 'number' && (value < spec.min || value > spec.max)) return;
      setParams({ ...model.get(), [spec.key]: clamp(value, spec.min, spec.max) });
      userChanged();
    } else if (input.dataset.role === 'point') {
      const value = Math.round(Number(input.value));
      if (value >= 1 && value <= count) {
        selected = value - 1;
        render();
        userChanged();
      }
    }
  };
  const onChange = (event) => {
    const input = event.target;
    if (fromLocked(input)) return;
    userChanged();
    if (input.dataset.param && input.type === 'number') {
      const spec = SLIDERS.find((s) => s.key === input.dataset.param);
      const value = Number(input.value);
      const params = model.get();
      const next = Number.isFinite(value) && input.value !== '' ? clamp(value, spec.min, spec.max) : params[spec.key];
      input.value = fieldValue(next);
      setParams({ ...params, [spec.key]: next });
    } else if (input.dataset.role === 'point') {
      const value = clamp(Math.round(Number(input.value)) || 1, 1, count);
      input.value = String(value);
      selected = value - 1;
      render();
    }
  };
  const onClick = (event) => {
    const button = event.target.closest('button[data-action]');
    if (!button || button.disabled || fromLocked(button)) return;
    const action = button.dataset.action;
    userChanged();
    if (action === 'step') takeStep();
    else if (action === 'reset') {
      steps = 0;
      setParams(start);
      announce('Weights and bias set back to their starting values.');
    } else if (action === 'preset-dead') {
      setParams({ ...DEAD_UNIT });
    }
  };
  /** Pick the training point nearest a click or tap on the plane. */
  const onPointerDown = (event) => {
    if (!width || locks.blocked('inspect')) return;
    const rect = canvas.getBoundingClientRect();
    const side = width - PLANE_MARGIN.left - PLANE_MARGIN.right;
    const x1 = DOMAIN[0] + ((event.clientX - rect.left - PLANE_MARGIN.left) / side) * (DOMAIN[1] - DOMAIN[0]);
    const x2 = DOMAIN[1] - ((event.clientY - rect.top - PLANE_MARGIN.top) / side) * (DOMAIN[1] - DOMAIN[0]);
    const { points } = model.train;
    let best = -1;
    let bestDistance = Infinity;
    for (let i = 0; i < count; i += 1) {
      const d = Math.hypot(points[2 * i] - x1, points[2 * i + 1] - x2);
      if (d < bestDistance) {
        bestDistance = d;
        best = i;
      }
    }
    // Within about 16 px of a point.
    if (best >= 0 && (bestDistance / (DOMAIN[1] - DOMAIN[0])) * side < 16) {
      selected = best;
      pointInput.value = String(best + 1);
      render();
      announce(`Inspecting training point ${best + 1}.`);
      userChanged();
    }
  };

  element.addEventListener('input', onInput);
  element.addEventListener('change', onChange);
  element.addEventListener('click', onClick);
  canvas.addEventListener('pointerdown', onPointerDown);

  const stopWidth = watchWidth(holder, (newWidth) => {
    width = newWidth;
    loop.request(draw);
  });
  const scheme = watchMedia('(prefers-color-scheme: dark)', () => {
    theme = readUnitTheme();
    loop.request(draw);
  });

  syncInputs();
  render();

  return {
    /** { w1, w2, b, learningRate, point }: the weights as the core holds them (float32). */
    getState() {
      return { ...model.get(), learningRate: Number(rateSelect.value), point: selected };
    },
    /**
     * Change any of those fields; returns the ones ignored (not numbers). Weights are clamped
     * to the sliders' ranges unless equal to the current ones (gradient steps may have taken
     * them outside, and setState(getState()) must change nothing); the learning rate snaps to
     * the nearest of its choices; the point is clamped to the training set.
     */
    setState(partial) {
      const problems = [];
      if (!isPlainObject(partial)) return problems;
      const current = model.get();
      const next = { ...current };
      let moved = false;
      for (const spec of SLIDERS) {
        if (partial[spec.key] === undefined) continue;
        const value = toNumber(partial[spec.key]);
        if (value === undefined) problems.push(spec.key);
        else if (value !== current[spec.key]) {
          next[spec.key] = clamp(value, spec.min, spec.max);
          moved = true;
        }
      }
      if (partial.learningRate !== undefined) {
        const value = toNumber(partial.learningRate);
        if (value === undefined) problems.push('learningRate');
        else rateSelect.value = String(nearestRate(value));
      }
      let pointMoved = false;
      if (partial.point !== undefined) {
        const value = toNumber(partial.point);
        if (value === undefined) problems.push('point');
        else {
          const point = clamp(Math.round(value), 0, count - 1);
          pointMoved = point !== selected;
          selected = point;
          pointInput.value = String(selected + 1);
        }
      }
      if (moved) {
        model.set(next);
        syncInputs();
      }
      if (moved || pointMoved) render();
      return problems;
    },
    redraw() {
      theme = readUnitTheme();
      loop.request(draw);
    },
    destroy() {
      loop.cancel(draw);
      stopWidth();
      scheme.stop();
      element.removeEventListener('input', onInput);
      element.removeEventListener('change', onChange);
      element.removeEventListener('click', onClick);
      canvas.removeEventListener('pointerdown', onPointerDown);
      model.free();
      element.replaceChildren();
    },
  };
}
