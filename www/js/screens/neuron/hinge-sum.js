// Component: a shallow ReLU network on 1-D data, seen as a sum of hinges. 1 to 16 hidden units
// fit a target (|x|, sin πx, a step, or the learner's own points), trained live with play,
// pause, step and reset. One plot shows the fit against the points with every hinge position
// marked; small panels show each unit's scaled hinge; the text counts the linear pieces and
// the dead units. A polite live region speaks on pause, step, reset and changes, never per frame.
//
// Requires `await init()` of ../../../pkg/relu_lab.js before mounting.
import { readTheme } from '../../ui/theme.js';
import { sizeCanvas } from '../../ui/canvas.js';
import {
  FIT_MARGIN,
  drawHingeFit,
  drawHingeParts,
  hingeFitHeight,
  hingePartsLayout,
} from '../../draw/hinges.js';
import { formatInteger } from '../../text/format.js';
import { watchMedia, watchWidth } from '../../ui/observe.js';
import { formatNumber } from '../../text/format.js';
import { isPlainObject, resolveControls, toNumber } from '../../ui/lesson-controls.js';
import { createHingeModel } from './hinge-model.js';

const TARGETS = Object.freeze([
  { value: 'abs', label: '|x|' },
  { value: 'sin', label: 'sin(\u03c0x)' },
  { value: 'step', label: 'a step' },
  { value: 'points', label: 'your own points' },
]);
/** Where the learner's points may lie, and the fit plot's y range while editing them. */
const POINT_Y = [-1.5, 1.5];
/** The learner's points before they change them: a zig-zag that needs several hinges. */
export const DEFAULT_POINTS = Object.freeze(
  [
    [-0.9, -0.2],
    [-0.6, 0.5],
    [-0.3, 0.1],
    [0, 0.6],
    [0.3, 0],
    [0.6, 0.7],
    [0.9, 0.2],
  ].map((p) => Object.freeze(p)),
);
const MAX_POINTS = 200;
/** With reduced motion, train and redraw once every this many frames (about 5 per second). */
const REDUCED_MOTION_FRAMES = 12;

const clamp = (value, low, high) => Math.min(high, Math.max(low, value));

/**
 * The learner's points from any value: { points, dropped } with every [x, y] pair of finite
 * numbers clamped into the editor's box (at most MAX_POINTS), `dropped` true if anything else
 * was left out; null if `list` is not an array.
 */
function cleanPoints(list) {
  if (!Array.isArray(list)) return null;
  const valid = list.filter((p) => Array.isArray(p) && p.length === 2 && p.every(Number.isFinite));
  const points = valid.slice(0, MAX_POINTS).map(([x, y]) => [clamp(x, -1, 1), clamp(y, POINT_Y[0], POINT_Y[1])]);
  return { points, dropped: points.length !== list.length };
}

const samePoints = (a, b) => a.length === b.length && a.every((p, i) => p[0] === b[i][0] && p[1] === b[i][1]);

/**
 * Mount the component into `element`.
 * options: {
 *   loop: the page's frame loop, required,
 *   units: hidden units, 1 to 16 (6),
 *   target: 'abs' | 'sin' | 'step' | 'points' ('sin'),
 *   points: [[x, y], …] the learner's starting points (DEFAULT_POINTS),
 *   data, network, train: see createHingeModel,
 *   stepsPerFrame: training steps per frame while playing (5),
 *   stepSize: steps the Step button trains (25),
 *   autoplay: start playing (false; never with reduced motion),
 *   locks: resolveControls(…) of the screen (applied to the markup by the screen; here they keep
 *     locked buttons disabled, a hidden points editor hidden, and the plot from taking points),
 *   onChange(): called after each change of the state by the learner (the screen debounces),
 *   idPrefix: prefix for element ids
 * }
 * Returns { destroy(), getState(), setState(partial), redraw(), play(), pause() }: the state is
 * { target, units, points }.
 */
export function mountHingeSum(element, options) {
  const { loop } = options;
  const prefix = options.idPrefix;
  const stepsPerFrame = options.stepsPerFrame ?? 5;
  const stepSize = options.stepSize ?? 25;
  const locks = options.locks ?? resolveControls(null, {});
  const userChanged = typeof options.onChange === 'function' ? options.onChange : () => {};
  let target = TARGETS.some((t) => t.value === options.target) ? options.target : 'sin';
  let points = (cleanPoints(options.points) ?? cleanPoints(DEFAULT_POINTS)).points;
  const startUnits = clamp(Math.round(toNumber(options.units) ?? 6), 1, 16);
  const model = createHingeModel({ ...options, units: startUnits, target, points });
  const learningRate = options.train?.learningRate ?? 0.01;
  const optimizerName =
    { sgd: 'Plain SGD', momentum: 'SGD with momentum', adam: 'Adam' }[options.train?.optimizer ?? 'adam'] ??
    options.train.optimizer;

  const targetRadios = TARGETS.map(
    (t) =>
      `<label class="nu-radio"><input type="radio" name="${prefix}-target" value="${t.value}" data-role="target"${
        t.value === target ? ' checked' : ''
      }><span>${t.label}</span></label>`,
  ).join('');

  element.innerHTML = `
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
          <div class="nu-radios">${targetRadios}</div>
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
          <label for="${prefix}-units">Hidden ReLU units: <strong data-field="units">${startUnits}</strong></label>
          <div class="nu-units__inputs">
            <input type="range" data-role="units" min="1" max="16" step="1" value="${startUnits}" aria-label="Hidden ReLU units (slider)">
            <input type="number" id="${prefix}-units" data-role="units" min="1" max="16" step="1" value="${startUnits}">
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
        <p class="hint">${optimizerName}, learning rate ${learningRate}, every point in each step; Reset goes
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
        domain [\u22121, 1], so the unit adds nothing anywhere and gets no gradient.</p>
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

  const $ = (selector) => element.querySelector(selector);
  const fitCanvas = $('.nu-fit canvas');
  const fitHolder = $('.nu-fit__canvas');
  const partsCanvas = $('.nu-parts canvas');
  const partsHolder = $('.nu-parts');
  const editor = $('[data-part="points-editor"]');
  const details = $('[data-part="details"]');
  const unitRows = $('[data-part="unit-rows"]');
  const buttons = {
    play: $('[data-action="play"]'),
    step: $('[data-action="step"]'),
    reset: $('[data-action="reset"]'),
  };
  const fields = {
    playIcon: $('[data-field="play-icon"]'),
    playLabel: $('[data-field="play-label"]'),
    step: $('[data-field="step"]'),
    loss: $('[data-field="loss"]'),
    pieces: $('[data-field="pieces"]'),
    dead: $('[data-field="dead"]'),
    units: $('[data-field="units"]'),
    diverged: $('[data-field="diverged"]'),
    partsScale: $('[data-field="parts-scale"]'),
    partsText: $('[data-field="parts-text"]'),
    pointCount: $('[data-field="point-count"]'),
    announcer: $('[data-field="announcer"]'),
  };

  let framesPerUpdate = 1;
  const motion = watchMedia('(prefers-reduced-motion: reduce)', (reduce) => {
    framesPerUpdate = reduce ? REDUCED_MOTION_FRAMES : 1;
  });
  if (motion.matches) framesPerUpdate = REDUCED_MOTION_FRAMES;
  let frameIndex = 0;
  let playing = false;
  let width = 0;
  let partsWidth = 0;
  let theme = readTheme(element);
  let snapshot = model.measure();

  function yDomain() {
    if (target === 'points') return POINT_Y;
    const { ys } = model.points();
    let low = 0;
    let high = 1;
    for (const y of ys) {
      low = Math.min(low, y);
      high = Math.max(high, y);
    }
    return [low - 0.25, high + 0.25];
  }

  function measure() {
    snapshot = model.measure();
    fields.step.textContent = formatInteger(snapshot.step);
    fields.loss.textContent = model.hasData ? formatNumber(snapshot.loss, 3) : '\u2014';
    fields.loss.dataset.value = String(snapshot.loss);
    fields.pieces.textContent = String(snapshot.pieces);
    fields.dead.textContent = `${snapshot.deadCount} of ${model.units}`;
  }

  function drawFit() {
    if (!width) return;
    const height = hingeFitHeight(width);
    const ctx = sizeCanvas(fitCanvas, width, height);
    drawHingeFit(ctx, {
      width,
      height,
      xDomain: model.domain,
      yDomain: yDomain(),
      xs: model.xs,
      fit: snapshot.fit,
      parts: snapshot.parts,
      points: model.points(),
      hinges: snapshot.units.map((u) => u.hinge).filter((h) => h !== null),
      theme,
    });
  }

  function partsScale() {
    let largest = 0;
    for (const part of snapshot.parts) for (const v of part) largest = Math.max(largest, Math.abs(v));
    largest = Math.max(0.5, largest);
    return Number((Math.ceil(largest * 4) / 4).toFixed(2)); // quarter steps: a stable scale
  }

  function drawParts() {
    if (!partsWidth) return;
    const layout = hingePartsLayout(partsWidth, model.units);
    const ctx = sizeCanvas(partsCanvas, partsWidth, layout.height);
    const yMax = partsScale();
    fields.partsScale.textContent = formatNumber(yMax);
    drawHingeParts(ctx, {
      width: partsWidth,
      layout,
      xDomain: model.domain,
      yMax,
      xs: model.xs,
      units: snapshot.units.map((unit, i) => ({
        index: unit.index,
        part: snapshot.parts[i],
        hinge: unit.hinge,
        dead: unit.dead,
        caption:
          `unit ${unit.index + 1}` +
          (unit.dead ? ' \u00b7 dead' : unit.hinge !== null ? ` \u00b7 hinge ${formatNumber(unit.hinge, 2)}` : ' \u00b7 no bend'),
      })),
      theme,
    });
  }

  function draw() {
    drawFit();
    drawParts();
  }

  /** Texts that describe the state in words: updated on pause, step, reset and changes. */
  function describe(event) {
    const hinges = snapshot.units
      .map((u) =>
        u.dead
          ? `unit ${u.index + 1} dead`
          : u.hinge !== null
            ? `unit ${u.index + 1} bends at x = ${formatNumber(u.hinge, 2)}`
            : `unit ${u.index + 1} straight on the domain`,
      )
      .join('; ');
    const targetLabel = TARGETS.find((t) => t.value === target).label;
    fitCanvas.setAttribute(
      'aria-label',
      `Fit of ${targetLabel} on x from \u22121 to 1 by ${model.units} ReLU units after ` +
        `${formatInteger(snapshot.step)} steps: training loss ${formatNumber(snapshot.loss, 3)}, ` +
        `${snapshot.pieces} linear pieces, ${snapshot.deadCount} dead units.`,
    );
    fields.partsText.textContent = `${hinges}.`;
    unitRows.innerHTML = snapshot.units
      .map(
        (u) =>
          `<tr><th scope="row">${u.index + 1}</th><td>${formatNumber(u.w, 3)}</td><td>${formatNumber(u.b, 3)}</td>` +
          `<td>${formatNumber(u.v, 3)}</td><td>${u.rawHinge === null ? '\u2014' : formatNumber(u.rawHinge, 3)}</td>` +
          `<td>${u.dead ? 'dead' : u.hinge !== null ? 'bends' : 'straight'}</td></tr>`,
      )
      .join('');
    if (!event) return;
    const lead =
      {
        pause: `Paused at step ${formatInteger(snapshot.step)}`,
        reset: `Reset to step ${formatInteger(snapshot.step)}`,
        units: `${model.units} hidden units, step ${formatInteger(snapshot.step)}`,
        target: `Target ${targetLabel}`,
        points: `${points.length} points`,
      }[event] ?? `Step ${formatInteger(snapshot.step)}`;
    fields.announcer.textContent = model.hasData
      ? `${lead}: training loss ${formatNumber(snapshot.loss, 3)}, ${snapshot.pieces} linear pieces, ` +
        `${snapshot.deadCount} of ${model.units} units dead on [\u22121, 1].`
      : `${lead}: add a point to fit.`;
  }

  function updateEditor() {
    editor.hidden = target !== 'points' || locks.hidden.has('draw');
    fitCanvas.classList.toggle('nu-fit__canvas--editing', target === 'points' && !locks.blocked('draw'));
    fields.pointCount.textContent = `${points.length} point${points.length === 1 ? '' : 's'}${
      points.length ? '' : ': add at least one to train'
    }.`;
    const canTrain = model.hasData && !snapshot.diverged;
    buttons.play.disabled = !canTrain || locks.blocked('play');
    buttons.step.disabled = !canTrain || locks.blocked('train-step');
  }

  function setPlaying(value) {
    playing = value;
    fields.playLabel.textContent = value ? 'Pause' : 'Play';
    fields.playIcon.textContent = value ? '\u275a\u275a' : '\u25b6';
    if (value) {
      frameIndex = 0;
      loop.request(frame);
    } else {
      loop.cancel(frame);
    }
  }

  function stopDiverged() {
    setPlaying(false);
    fields.diverged.hidden = false;
    updateEditor();
    if (document.activeElement === buttons.play || document.activeElement === buttons.step) buttons.reset.focus();
    fields.announcer.textContent = `Training stopped at step ${formatInteger(snapshot.step)}: it diverged. Press Reset.`;
  }

  function frame() {
    if (!playing) return;
    frameIndex += 1;
    if (frameIndex % framesPerUpdate === 0) {
      const result = model.advance(stepsPerFrame * framesPerUpdate);
      measure();
      draw();
      if (result.diverged) {
        stopDiverged();
        return;
      }
    }
    loop.request(frame);
  }

  /** After data or network changes: measure, redraw, describe. */
  function changed(event) {
    measure();
    updateEditor();
    loop.request(draw);
    describe(event);
  }

  function setPoints(next, event) {
    points = next;
    model.setData('points', points);
    if (!model.hasData) setPlaying(false);
    changed(event);
  }

  function addPoint(x, y) {
    if (points.length >= MAX_POINTS) {
      fields.announcer.textContent = `At most ${MAX_POINTS} points.`;
      return;
    }
    setPoints([...points, [clamp(x, -1, 1), clamp(y, POINT_Y[0], POINT_Y[1])]], null);
    fields.announcer.textContent =
      `Point added at x = ${formatNumber(points[points.length - 1][0], 3)}, ` +
      `y = ${formatNumber(points[points.length - 1][1], 3)}: ${points.length} points.`;
  }

  const actions = {
    play() {
      if (playing) {
        setPlaying(false);
        describe('pause');
      } else {
        setPlaying(true);
      }
    },
    step() {
      if (playing) setPlaying(false);
      const result = model.advance(stepSize);
      measure();
      loop.request(draw);
      if (result.diverged) stopDiverged();
      else describe('step');
    },
    reset() {
      setPlaying(false);
      model.reset();
      fields.diverged.hidden = true;
      changed('reset');
    },
    'add-point'() {
      const x = Number($('[data-role="point-x"]').value);
      const y = Number($('[data-role="point-y"]').value);
      if (!Number.isFinite(x) || !Number.isFinite(y)) {
        fields.announcer.textContent = 'Type a number for both x and y.';
        return;
      }
      addPoint(x, y);
    },
    'remove-point'() {
      if (!points.length) return;
      setPoints(points.slice(0, -1), 'points');
    },
    'clear-points'() {
      setPoints([], 'points');
    },
  };

  /** Whether an event comes from a control a teacher locked (disabled, so only by script). */
  const fromLocked = (target) => target.closest?.('[data-locked]') != null;

  /** Actions that change the state (getState), not only the training. */
  const STATE_ACTIONS = new Set(['add-point', 'remove-point', 'clear-points']);

  const onClick = (event) => {
    const button = event.target.closest('button[data-action]');
    if (!button || button.disabled || fromLocked(button) || !actions[button.dataset.action]) return;
    actions[button.dataset.action]();
    if (STATE_ACTIONS.has(button.dataset.action)) userChanged();
  };

  function showUnits(units, source) {
    for (const input of element.querySelectorAll('[data-role="units"]')) {
      if (input !== source || Number(input.value) !== units) input.value = String(units);
    }
    fields.units.textContent = String(units);
  }

  function setUnits(value, source) {
    const units = clamp(Math.round(value), 1, 16);
    showUnits(units, source);
    if (units === model.units) return;
    model.setUnits(units);
    fields.diverged.hidden = true;
    changed('units');
  }

  const onInput = (event) => {
    const input = event.target;
    if (fromLocked(input)) return;
    if (input.dataset.role === 'units' && input.value !== '') {
      const value = Number(input.value);
      if (value >= 1 && value <= 16) {
        setUnits(value, input);
        userChanged();
      }
    }
  };
  const onChange = (event) => {
    const input = event.target;
    if (fromLocked(input)) return;
    if (input.dataset.role === 'target' && input.checked) {
      target = input.value;
      model.setData(target, points);
      if (!model.hasData) setPlaying(false);
      changed('target');
      userChanged();
    } else if (input.dataset.role === 'units') {
      setUnits(Number(input.value) || model.units, null);
      userChanged();
    }
  };

  /** In points mode, a click or tap on the plot adds a point there. */
  const onPlotPointer = (event) => {
    if (target !== 'points' || !width || locks.blocked('draw')) return;
    const rect = fitCanvas.getBoundingClientRect();
    const height = hingeFitHeight(width);
    const frameWidth = width - FIT_MARGIN.left - FIT_MARGIN.right;
    const frameHeight = height - FIT_MARGIN.top - FIT_MARGIN.bottom;
    const px = event.clientX - rect.left - FIT_MARGIN.left;
    const py = event.clientY - rect.top - FIT_MARGIN.top;
    if (px < 0 || px > frameWidth || py < 0 || py > frameHeight) return;
    const [x0, x1] = model.domain;
    const [y0, y1] = POINT_Y;
    addPoint(x0 + (px / frameWidth) * (x1 - x0), y1 - (py / frameHeight) * (y1 - y0));
    userChanged();
  };

  element.addEventListener('click', onClick);
  element.addEventListener('input', onInput);
  element.addEventListener('change', onChange);
  fitCanvas.addEventListener('click', onPlotPointer);

  const stopWidth = watchWidth(fitHolder, (newWidth) => {
    width = newWidth;
    loop.request(draw);
  });
  const stopPartsWidth = watchWidth(partsHolder, (newWidth) => {
    partsWidth = newWidth;
    loop.request(draw);
  });
  const scheme = watchMedia('(prefers-color-scheme: dark)', () => {
    theme = readTheme(element);
    loop.request(draw);
  });

  measure();
  updateEditor();
  describe(null);
  loop.request(draw);
  if (options.autoplay && !motion.matches) setPlaying(true);

  return {
    /** { target, units, points }: points are the learner's, kept whichever target is shown. */
    getState() {
      return { target, units: model.units, points: points.map(([x, y]) => [x, y]) };
    },
    /**
     * Change any of those fields; returns the ones ignored or partly ignored (an unknown target,
     * a units value that is not a number, points that are not [x, y] pairs of numbers). Units
     * are rounded and clamped to 1 to 16, points clamped into the editor's box. Like the
     * controls: a new target keeps training the same network, a new unit count starts a new
     * one at step 0.
     */
    setState(partial) {
      const problems = [];
      if (!isPlainObject(partial)) return problems;
      let nextTarget = target;
      if (partial.target !== undefined) {
        const value = typeof partial.target === 'string' ? partial.target.trim().toLowerCase() : '';
        if (TARGETS.some((t) => t.value === value)) nextTarget = value;
        else problems.push('target');
      }
      let nextPoints = points;
      if (partial.points !== undefined) {
        const clean = cleanPoints(partial.points);
        if (clean === null || clean.dropped) problems.push('points');
        if (clean !== null && !samePoints(clean.points, points)) nextPoints = clean.points;
      }
      let nextUnits = model.units;
      if (partial.units !== undefined) {
        const value = toNumber(partial.units);
        if (value === undefined) problems.push('units');
        else nextUnits = clamp(Math.round(value), 1, 16);
      }
      const pointsChanged = nextPoints !== points;
      const dataChanged = nextTarget !== target || (pointsChanged && nextTarget === 'points');
      target = nextTarget;
      points = nextPoints;
      for (const input of element.querySelectorAll('input[data-role="target"]')) input.checked = input.value === target;
      if (dataChanged) model.setData(target, points);
      const unitsChanged = nextUnits !== model.units;
      showUnits(nextUnits, null);
      if (unitsChanged) {
        model.setUnits(nextUnits);
        fields.diverged.hidden = true;
      }
      if (dataChanged || unitsChanged) {
        if (!model.hasData) setPlaying(false);
        changed(unitsChanged ? 'units' : 'target');
      } else if (pointsChanged) {
        updateEditor();
      }
      return problems;
    },
    redraw() {
      theme = readTheme(element);
      loop.request(draw);
    },
    /** Start training, unless there is nothing to fit or it diverged (press Reset). */
    play() {
      if (!playing && model.hasData && !snapshot.diverged) setPlaying(true);
    },
    pause() {
      if (!playing) return;
      setPlaying(false);
      describe('pause');
    },
    destroy() {
      setPlaying(false);
      loop.cancel(draw);
      element.removeEventListener('click', onClick);
      element.removeEventListener('input', onInput);
      element.removeEventListener('change', onChange);
      fitCanvas.removeEventListener('click', onPlotPointer);
      stopWidth();
      stopPartsWidth();
      scheme.stop();
      motion.stop();
      model.free();
      element.replaceChildren();
    },
  };
}
