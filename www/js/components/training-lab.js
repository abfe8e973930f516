// Component: a small network training live on a 2-D data set. It shows the decision map with
// the data points, test accuracy and loss, dead units and sparsity per hidden layer (text and
// small meters), play / pause / step / reset controls, and a polite live region that speaks on
// pause, step, reset and divergence (never every frame).
//
// Requires `await init()` of ../pkg/relu_lab.js before mounting.
import { readTheme } from '../ui/theme.js';
import { sizeCanvas } from '../ui/canvas.js';
import { decisionMapHeight, drawDecisionMap } from '../draw/decision-map.js';
import { formatInteger, formatLoss, formatPercent } from '../text/format.js';
import { describeMap, describeState } from '../lab/describe.js';
import { createTrainingSession } from '../lab/session.js';
import { watchMedia, watchWidth } from '../ui/observe.js';

/** The 2-D domain of the generated data sets, on both axes. */
const DOMAIN = [-6, 6];
/** With reduced motion, train and redraw once every this many frames (about 5 per second). */
const REDUCED_MOTION_FRAMES = 12;

const INIT_NAMES = {
  'he-normal': 'He-normal',
  'he-uniform': 'He-uniform',
  'xavier-normal': 'Xavier-normal',
  'xavier-uniform': 'Xavier-uniform',
};
const OPTIMIZER_NAMES = { sgd: 'plain SGD', momentum: 'SGD with momentum', adam: 'Adam' };

/** Small inline SVG marks matching drawPointMark, for the legend. */
function markSvg(shape, filled, classIndex) {
  const body =
    shape === 'triangle'
      ? '<polygon points="8,2.5 14,13 2,13"/>'
      : '<circle cx="8" cy="8" r="5"/>';
  const classes = `mark mark--class${classIndex}${filled ? ' mark--filled' : ''}`;
  return `<svg class="${classes}" viewBox="0 0 16 16" aria-hidden="true" focusable="false">${body}</svg>`;
}

const ACTIVATION_NAMES = { relu: 'ReLU', 'leaky-relu': 'leaky ReLU', prelu: 'PReLU', elu: 'ELU' };

/** "2 inputs → 6 → 6 ReLU units → 1 output" from a normalised Network config. */
function architectureText(config) {
  const widths = config.hidden.join(' → ');
  // The normalised config lists one activation per hidden layer.
  const names = [...new Set([].concat(config.activation))].map((n) => ACTIVATION_NAMES[n] ?? n);
  return `${config.inputs} inputs → ${widths} ${names.join('/')} units → 1 output`;
}

/**
 * Mount the lab into `element`.
 * options: {
 *   loop:    the page's frame loop (createFrameLoop), required,
 *   data:    Dataset.generate options,
 *   network: Network config,
 *   train:   Network.train options ({ optimizer, learningRate, batchSize }),
 *   classes: sentence naming where each class lies, for the map's text alternative,
 *   stepsPerFrame: training steps per animation frame while playing (5),
 *   stepSize: steps the Step button trains (one epoch),
 *   resolution: decision-map grid side (100),
 *   autoplay: start playing (default: unless the user prefers reduced motion),
 *   idPrefix: prefix for element ids (unique per instance)
 * }
 * Returns { destroy() }.
 */
export function mountTrainingLab(element, options) {
  const { loop } = options;
  const session = createTrainingSession(options);
  const stepsPerFrame = options.stepsPerFrame ?? 5;
  const stepSize = options.stepSize ?? session.stepsPerEpoch;
  const id = (name) => `${options.idPrefix}-${name}`;
  const config = session.config;
  const train = options.train ?? {};
  const about = {
    trainCount: session.train.labels.length,
    testCount: session.test.labels.length,
    classes: options.classes ?? 'class 0 points are blue circles, class 1 points orange triangles',
  };

  const layerRows = config.hidden
    .map(
      (units, index) => `
        <tr>
          <th scope="row">Layer ${index + 1} <span class="muted">${units} units</span></th>
          <td>
            <div class="cell-meter">
              <span class="cell-meter__text" data-field="sparsity">—</span>
              <span class="meter" aria-hidden="true"><span class="meter__fill"></span></span>
            </div>
          </td>
          <td>
            <div class="cell-meter">
              <span class="cell-meter__text" data-field="layer-dead">—</span>
              <span class="pips" aria-hidden="true">${'<span class="pip"></span>'.repeat(units)}</span>
            </div>
          </td>
        </tr>`,
    )
    .join('');

  element.innerHTML = `
    <div class="lab">
      <figure class="lab__map">
        <div class="lab__canvas"><canvas role="img" aria-label="Decision map of the small network, with the data points"></canvas></div>
        <figcaption>
          <ul class="legend legend--marks">
            <li>${markSvg('circle', true, 0)}${markSvg('triangle', true, 1)}<span>filled: ${about.trainCount} training points</span></li>
            <li>${markSvg('circle', false, 0)}${markSvg('triangle', false, 1)}<span>outlined: ${about.testCount} test points</span></li>
            <li>${markSvg('circle', true, 0)}<span>blue circle: class 0</span></li>
            <li>${markSvg('triangle', true, 1)}<span>orange triangle: class 1</span></li>
            <li class="legend__wide"><span class="ramp" aria-hidden="true"></span><span>background: the prediction, from blue (class 0) through pale (unsure) to orange (class 1)</span></li>
          </ul>
        </figcaption>
      </figure>

      <div class="lab__panel">
        <div class="controls" role="group" aria-label="Training controls">
          <button type="button" class="button button--primary" data-action="play">
            <span class="button__icon" aria-hidden="true" data-field="play-icon">▶</span>
            <span data-field="play-label">Play</span>
          </button>
          <button type="button" class="button" data-action="step" aria-describedby="${id('step-hint')}">Step +${formatInteger(stepSize)}</button>
          <button type="button" class="button" data-action="reset">Reset</button>
        </div>
        <p class="hint" id="${id('step-hint')}">Step trains ${formatInteger(stepSize)} mini-batch steps${
          stepSize === session.stepsPerEpoch ? ': one pass over the training set' : ''
        }. Playing trains ${formatInteger(stepsPerFrame)} steps per frame.</p>

        <div class="notice" data-field="diverged" hidden>
          <p><strong>Training stopped: it diverged.</strong> The loss grew too large to represent
          (it became infinite or “not a number”), so the weights no longer mean anything and
          training cannot go on. This usually means the learning rate is too high for this
          network. Press <em>Reset</em> to start again from step 0.</p>
        </div>

        <dl class="readout">
          <div><dt>Step</dt><dd data-field="step">0</dd></div>
          <div><dt>Test accuracy</dt><dd data-field="test-accuracy">—</dd></div>
          <div><dt>Test loss</dt><dd data-field="test-loss">—</dd></div>
          <div><dt>Training loss</dt><dd data-field="train-loss">—</dd></div>
        </dl>

        <h3 id="${id('units')}">Hidden units on the training set</h3>
        <p class="dead-total">Dead units: <strong><span data-field="dead-units">—</span> of ${formatInteger(
          config.hidden.reduce((sum, units) => sum + units, 0),
        )}</strong></p>
        <table class="layers" aria-labelledby="${id('units')}">
          <thead><tr><th scope="col">Layer</th><th scope="col">Sparsity</th><th scope="col">Dead</th></tr></thead>
          <tbody>${layerRows}</tbody>
        </table>
        <p class="hint">Squares: one per unit, filled when alive, outlined and struck
        through when dead.</p>
        <p class="hint">A unit is <strong>dead</strong> when its input z is ≤ 0 on every training
        point: it always outputs 0 and its weights get no gradient, so it cannot recover by
        itself (a unit in layer 2 can still come back if layer 1 changes).
        <strong>Sparsity</strong> is the share of (point, unit) pairs whose output is exactly 0;
        at He initialisation it is close to 50%.</p>

        <p class="hint config">${architectureText(config)} · ${INIT_NAMES[config.init] ?? config.init} initialisation, seed ${
          config.seed
        } · ${OPTIMIZER_NAMES[train.optimizer ?? 'sgd'] ?? train.optimizer}, learning rate ${
          train.learningRate ?? 0.03
        }, batches of ${train.batchSize ?? 10}</p>
      </div>
      <p class="visually-hidden" role="status" aria-live="polite" aria-atomic="true" data-field="announcer"></p>
    </div>`;

  const $ = (selector) => element.querySelector(selector);
  const $$ = (selector) => Array.from(element.querySelectorAll(selector));
  const canvas = $('canvas');
  const holder = $('.lab__canvas');
  const buttons = {
    play: $('[data-action="play"]'),
    step: $('[data-action="step"]'),
    reset: $('[data-action="reset"]'),
  };
  const fields = {
    playIcon: $('[data-field="play-icon"]'),
    playLabel: $('[data-field="play-label"]'),
    step: $('[data-field="step"]'),
    testAccuracy: $('[data-field="test-accuracy"]'),
    testLoss: $('[data-field="test-loss"]'),
    trainLoss: $('[data-field="train-loss"]'),
    deadUnits: $('[data-field="dead-units"]'),
    diverged: $('[data-field="diverged"]'),
    announcer: $('[data-field="announcer"]'),
  };
  const rows = $$('.layers tbody tr').map((row) => ({
    sparsity: row.querySelector('[data-field="sparsity"]'),
    meter: row.querySelector('.meter__fill'),
    dead: row.querySelector('[data-field="layer-dead"]'),
    pips: Array.from(row.querySelectorAll('.pip')),
  }));

  // The decision map's R×R pixels live in an offscreen canvas, scaled up when drawn.
  const mapImage = document.createElement('canvas');
  mapImage.width = session.resolution;
  mapImage.height = session.resolution;
  const mapContext = mapImage.getContext('2d');

  let width = 0;
  let theme = readTheme(element);
  let snapshot = null;
  let playing = false;
  let frameIndex = 0;
  // With reduced motion: no autoplay, and when playing, fewer and larger updates.
  let framesPerUpdate = 1;
  const motion = watchMedia('(prefers-reduced-motion: reduce)', (reduce) => {
    framesPerUpdate = reduce ? REDUCED_MOTION_FRAMES : 1;
  });
  framesPerUpdate = motion.matches ? REDUCED_MOTION_FRAMES : 1;

  /** Ask wasm for the current state: numbers and the map's pixels. */
  function measure() {
    snapshot = session.measure();
    session.paintMap(mapContext);
  }

  /** Show the last snapshot: canvas and text. Never calls wasm. */
  function draw() {
    if (!snapshot) return;
    if (width) {
      const height = decisionMapHeight(width);
      const ctx = sizeCanvas(canvas, width, height);
      drawDecisionMap(ctx, {
        width,
        height,
        domain: DOMAIN,
        // After divergence the outputs are NaN or infinite: show no prediction at all.
        map: snapshot.diverged ? null : mapImage,
        train: session.train,
        test: session.test,
        theme,
      });
    }
    fields.step.textContent = formatInteger(snapshot.step);
    fields.testAccuracy.textContent = formatPercent(snapshot.testAccuracy);
    fields.testLoss.textContent = formatLoss(snapshot.testLoss);
    fields.trainLoss.textContent = formatLoss(snapshot.trainLoss);
    fields.deadUnits.textContent = formatInteger(snapshot.deadUnits);
    snapshot.layers.forEach((layer, index) => {
      const row = rows[index];
      row.sparsity.textContent = formatPercent(layer.sparsity, 0);
      row.meter.style.transform = `scaleX(${Number.isFinite(layer.sparsity) ? layer.sparsity : 0})`;
      row.dead.textContent = `${layer.dead} of ${layer.units}`;
      layer.deadUnits.forEach((dead, unit) => row.pips[unit].classList.toggle('pip--dead', dead));
    });
  }

  /** Update everything that describes the state in words (not done every frame). */
  function describe(event) {
    canvas.setAttribute('aria-label', describeMap(snapshot, about));
    if (event) fields.announcer.textContent = describeState(snapshot, event);
  }

  function setPlaying(value) {
    playing = value;
    fields.playLabel.textContent = value ? 'Pause' : 'Play';
    fields.playIcon.textContent = value ? '❚❚' : '▶';
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
    const hadFocus = document.activeElement === buttons.play || document.activeElement === buttons.step;
    buttons.play.disabled = true;
    buttons.step.disabled = true;
    if (hadFocus) buttons.reset.focus();
    describe('diverged');
  }

  function frame() {
    if (!playing) return;
    frameIndex += 1;
    if (frameIndex % framesPerUpdate === 0) {
      const result = session.advance(stepsPerFrame * framesPerUpdate);
      measure();
      draw();
      if (result.diverged) {
        stopDiverged();
        return;
      }
    }
    loop.request(frame);
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
      const result = session.advance(stepSize);
      measure();
      loop.request(draw);
      if (result.diverged) stopDiverged();
      else describe('step');
    },
    reset() {
      setPlaying(false);
      session.reset();
      fields.diverged.hidden = true;
      buttons.play.disabled = false;
      buttons.step.disabled = false;
      measure();
      loop.request(draw);
      describe('reset');
    },
  };
  const onClick = (event) => {
    const button = event.target.closest('button[data-action]');
    if (button && !button.disabled) actions[button.dataset.action]();
  };
  element.addEventListener('click', onClick);

  const stopWidth = watchWidth(holder, (newWidth) => {
    width = newWidth;
    loop.request(draw);
  });
  const scheme = watchMedia('(prefers-color-scheme: dark)', () => {
    theme = readTheme(element);
    loop.request(draw);
  });

  measure();
  describe(null);
  loop.request(draw);
  if (options.autoplay ?? !motion.matches) setPlaying(true);

  return {
    destroy() {
      setPlaying(false);
      loop.cancel(draw);
      element.removeEventListener('click', onClick);
      stopWidth();
      scheme.stop();
      motion.stop();
      session.free();
      element.replaceChildren();
    },
  };
}
