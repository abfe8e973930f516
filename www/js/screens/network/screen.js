// Screen: the network playground. A network trains live on a 2-D data set; the learner
// changes the data, the network and the training, and watches the decision map, every unit's
// activation map, dead and nearly dead units, sparsity and gradient flow per layer, charts
// over time, and one point followed through the forward and backward pass.
//
// mountNetworkScreen(element, options) is a component with no module-level state: several can
// live on one page. One frame task does, per drawn frame: train N steps, evaluate the grid,
// rasterise, then hand one snapshot to every view (typed arrays in it are views into wasm
// memory, valid only during that frame). The statistics (numbers, meters, unit states, charts)
// are measured with it when paused and at most every STATS_INTERVAL_MS while playing; the
// maps are drawn every frame. The frame loop (createFrameLoop) is the only caller of
// requestAnimationFrame. Start-up is spread over several frames (see startSteps).
//
// Requires `await init()` of ../../../pkg/relu_lab.js before mounting.
import { readTheme } from '../../ui/theme.js';
import { formatInteger, formatLoss, formatPercent } from '../../text/format.js';
import { createFrameLoop } from '../../ui/loop.js';
import { watchMedia } from '../../ui/observe.js';
import { createCharts } from './charts.js';
import {
  applyLocks, bindControls, CONTROL_KEYS, renderInspect, renderPresets, renderSettings,
  renderToolbar, showSetting, syncControls,
} from './controls.js';
import {
  canDie, describeCharts, describeEvents, describeMap, describeMoment, describeUnitMap,
  summarise, summaryKey, unitName,
} from './describe.js';
import { createHeatmap } from './heatmap.js';
import { findPreset } from './presets.js';
import { createRun } from './run.js';
import { createDiagram } from './views/diagram.js';
import { createInspector } from './views/inspector.js';
import { createMeters } from './views/meters.js';
import { watchVisible } from '../../ui/observe.js';
import {
  activePreset, cloneState, decodeHash, defaultState, DOMAIN, encodeHash, LIMITS, mergeState,
  needsRebuild, presetState, quantisePoint, trainOptions,
} from './state.js';

/** With reduced motion, train and redraw once every this many frames. */
const REDUCED_MOTION_FRAMES = 12;
/** Training time allowed per frame (ms); steps left over are trained on the next frames. */
const TRAIN_BUDGET_MS = 20;
/** Frames after start-up with a smaller training budget (the code is not optimised yet). */
const START_FRAMES = 20;
/** Unit events are gathered for this long (ms) before one message says them all. */
const EVENT_BATCH_MS = 3000;
/** While playing, events are read at least every this many measurements. */
const EVENT_READ_MEASUREMENTS = 3;
/** Messages kept in the visible event log. */
const EVENT_LOG_LENGTH = 4;
/** The address is rewritten this long (ms) after the last change. */
const HASH_DELAY_MS = 150;
/** History records the core keeps, 7 numbers each. */
const HISTORY_RECORDS = 512;
/**
 * While playing, the statistics (and so the numbers, meters, unit states, charts and the
 * traced point) are measured at most this often (ms); the maps are drawn every frame. Paused,
 * stepped or at a moment, every frame measures.
 */
const STATS_INTERVAL_MS = 100;

/** A whole number for a new seed (shown in the URL, so short). */
const newSeed = () => Math.floor(Math.random() * 1_000_000);

/**
 * Mount the screen into `element`.
 * options: {
 *   useHash: read and write the settings in the URL hash (true; false when embedded),
 *   state: a partial state to start from when the hash gives none (or always, without hash),
 *   preset: a preset id to start from (instead of `state`),
 *   autoplay: start playing (default: unless the user prefers reduced motion),
 *   controls: { hidden: [keys], disabled: [keys] } (keys: CONTROL_KEYS),
 *   resolution: the grid side for every map (100),
 *   loop: a shared frame loop (one is created otherwise),
 *   idPrefix: prefix for element ids (unique per instance),
 *   onStateChange(state): called with a copy of the settings after the learner changed them
 *     (a control, a preset, a button such as New seed; not setState, not every frame)
 * }
 * Returns { destroy(), getState(), setState(partial), play(), pause(), redraw(), summary }.
 */
export function mountNetworkScreen(element, options = {}) {
  const idPrefix = options.idPrefix ?? `nw-${Math.random().toString(36).slice(2, 8)}`;
  const id = (name) => `${idPrefix}-${name}`;
  const useHash = options.useHash ?? true;
  const resolution = options.resolution ?? 100;
  const loop = options.loop ?? createFrameLoop();
  const ownLoop = !options.loop;
  const locked = {
    // Without the hash there is no link to copy.
    hidden: new Set([...(options.controls?.hidden ?? []), ...(useHash ? [] : ['share'])]),
    disabled: new Set(options.controls?.disabled ?? []),
  };
  for (const key of [...locked.hidden, ...locked.disabled]) {
    if (!CONTROL_KEYS.includes(key)) throw new Error(`controls: unknown key "${key}"; one of ${CONTROL_KEYS.join(', ')}`);
  }

  // ---- the starting state ------------------------------------------------------------------
  let state;
  let hashProblems = [];
  {
    let base = defaultState();
    if (options.preset) base = presetState(options.preset);
    else if (options.state) base = mergeState(base, options.state).state;
    state = base;
    if (useHash) {
      const decoded = decodeHash(window.location.hash);
      if (!decoded.empty) {
        state = decoded.state;
        hashProblems = decoded.problems;
      }
    }
  }

  // ---- the page ------------------------------------------------------------------------------
  element.innerHTML = `
    <div class="nw" data-network-screen>
      ${renderPresets(id)}
      ${renderToolbar(id)}
      <div class="notice nw-notice" data-field="hash-notice" hidden>
        <p data-field="hash-notice-text"></p>
        <button type="button" class="button button--small" data-action="dismiss-notice">Dismiss</button>
      </div>
      <div class="notice nw-notice" data-field="diverged" hidden>
        <p><strong>Training stopped: it diverged.</strong> The loss grew too large to represent
        (it became infinite or “not a number”), so the weights no longer mean anything. The
        learning rate is probably too high for this optimiser and initialisation. Your settings
        are unchanged: press Reset to start again from step 0, or lower the learning rate first.</p>
        <button type="button" class="button button--small" data-action="reset">Reset</button>
      </div>
      <div class="nw-body">
        <div class="nw-settings" data-part="settings"></div>
        <section class="nw-network" aria-labelledby="${id('network-title')}">
          <h2 class="nw-title" id="${id('network-title')}">Inside the network</h2>
          <div data-view="diagram"><p class="loading">Loading the diagram…</p></div>
          <div class="nw-events" aria-labelledby="${id('events-title')}">
            <h3 class="nw-subhead" id="${id('events-title')}">Units that died or came back</h3>
            <ul class="nw-events__list" data-field="event-log"><li class="muted">None yet.</li></ul>
          </div>
          <div data-view="inspector" hidden></div>
          <div data-view="meters"></div>
        </section>
        <section class="nw-output" aria-labelledby="${id('output-title')}">
          <h2 class="nw-title" id="${id('output-title')}">What it learns</h2>
          <div data-part="heatmap"></div>
          ${renderInspect(id)}
          <div data-part="charts"></div>
        </section>
      </div>
      <p class="visually-hidden" role="status" aria-live="polite" aria-atomic="true" data-field="announcer"></p>
    </div>`;
  const root = element.querySelector('[data-network-screen]');
  const $ = (selector) => root.querySelector(selector);
  const fields = {
    playIcon: $('[data-field="play-icon"]'),
    playLabel: $('[data-field="play-label"]'),
    step: $('[data-field="step"]'),
    testAccuracy: $('[data-field="test-accuracy"]'),
    trainLoss: $('[data-field="train-loss"]'),
    testLoss: $('[data-field="test-loss"]'),
    deadUnits: $('[data-field="dead-units"]'),
    offLabel: $('[data-field="off-label"]'),
    hashNotice: $('[data-field="hash-notice"]'),
    hashNoticeText: $('[data-field="hash-notice-text"]'),
    diverged: $('[data-field="diverged"]'),
    eventLog: $('[data-field="event-log"]'),
    announcer: $('[data-field="announcer"]'),
    inspectIndex: $('[data-field="inspect-index"]'),
    inspectHint: $('[data-field="inspect-hint"]'),
  };
  const buttons = {
    play: $('[data-action="play"]'),
    step: $('[data-action="step"]'),
    inspect: $('[data-action="inspect"]'),
    inspectClose: $('[data-action="inspect-close"]'),
  };
  const slots = {
    diagram: $('[data-view="diagram"]'),
    meters: $('[data-view="meters"]'),
    inspector: $('[data-view="inspector"]'),
  };

  // ---- runtime state (per instance) ----------------------------------------------------------
  let destroyed = false;
  let run = null;
  let playing = false;
  let owedSteps = 0;
  let stopAt = null; // a preset's step count: playing pauses there once
  let frameIndex = 0;
  let hashTimer = 0;
  let framesSinceEvents = 0; // measurements since events were last read
  let lastOff = '';
  let pendingMoment = null; // 'step', 'reset', 'pause', 'preset', 'diverged' for the next frame
  let builtData = ''; // the data settings the run was built from
  let clickMode = 'inspect'; // or '0' / '1': add a point of that class
  let selected = null; // { layer, unit } shown in the big map
  let selectionSticky = false; // tapped or clicked: stays when the pointer or focus leaves
  let point = null; // the inspected point { x1, x2, label, split, index }
  let trace = null;
  let traceStep = null;
  let traceKey = '';
  let describedKey = '';
  let describedSelection = '';
  let lastSummary = null;
  const history = new Float32Array(7 * HISTORY_RECORDS);
  let markers = [];
  let eventsSeen = { key: null, step: -1 };
  let eventBatch = [];
  let eventBatchStart = 0;
  let eventLog = [];
  let runVersion = 0; // changes whenever the network is rebuilt or reset (for snapshot.gridKey)
  let measuredLast = null; // { measured, count, at, key, step }: the last statistics
  let gridOf = ''; // the run version and step of the evaluated grid
  let picturesOf = ''; // … of the coloured maps last handed to the views (with the selection)
  let diagramInView = true;
  const views = {};

  // The R×R images: the output map, and the selected unit's map.
  const makeImage = () => {
    const canvas = document.createElement('canvas');
    canvas.width = resolution;
    canvas.height = resolution;
    return { canvas, ctx: canvas.getContext('2d') };
  };
  const outputImage = makeImage();
  const unitImage = makeImage();

  // Motion and theme.
  let framesPerUpdate = 1;
  const motion = watchMedia('(prefers-reduced-motion: reduce)', (reduce) => {
    framesPerUpdate = reduce ? REDUCED_MOTION_FRAMES : 1;
  });
  framesPerUpdate = motion.matches ? REDUCED_MOTION_FRAMES : 1;
  let theme = null;
  let themeKey = 0;
  const readScreenTheme = () => {
    const style = getComputedStyle(root);
    const read = (name) => style.getPropertyValue(name).trim();
    themeKey += 1;
    return {
      ...readTheme(root),
      train: read('--nw-train'),
      test: read('--nw-test'),
      dead: read('--nw-dead'),
      sparsity: read('--nw-sparsity'),
      died: read('--nw-died'),
      revived: read('--nw-revived'),
      highlight: read('--nw-highlight'),
    };
  };
  // Read on the first frame, when styles are up to date (reading them while mounting would
  // force a style recalculation of the whole new screen in the mounting task).
  const scheme = watchMedia('(prefers-color-scheme: dark)', () => {
    theme = readScreenTheme();
    requestRender();
  });

  // ---- components ----------------------------------------------------------------------------
  const heatmap = createHeatmap($('[data-part="heatmap"]'), {
    idPrefix: id('map'),
    domain: DOMAIN,
    requestDraw: () => requestRender(),
    onPick(picked) {
      inspectPoint(picked);
    },
    onAdd(at) {
      addPoint(at.x1, at.x2, Number(clickMode));
    },
    onShowOutput() {
      selected = null;
      selectionSticky = false;
      requestRender();
    },
  });
  const charts = createCharts($('[data-part="charts"]'), {
    idPrefix: id('charts'),
    requestDraw: () => requestRender(),
  });

  // The three views. They are built on the first frame after mounting (not during it), so that
  // mounting and the first evaluation do not make one long task.
  const viewFactories = {
    diagram: () => createDiagram(slots.diagram, {
      idPrefix: id('diagram'),
      onSelectUnit(unit) {
        selected = unit;
        requestRender();
      },
    }),
    meters: () => createMeters(slots.meters, { idPrefix: id('meters') }),
    inspector: () => createInspector(slots.inspector, {
      idPrefix: id('inspector'),
      onStep(step) {
        traceStep = step;
        requestRender();
      },
      onClose() {
        stopInspecting(true);
      },
    }),
  };
  /** Build one of the views (see the start-up steps). */
  function buildView(name) {
    if (views[name] || destroyed) return;
    try {
      slots[name].replaceChildren();
      views[name] = viewFactories[name]();
    } catch (error) {
      views[name] = { update() {}, destroy() {} };
      slots[name].innerHTML = '<p class="hint">This part of the screen could not load.</p>';
      reportError(error);
    }
  }

  // Start-up, spread over frames so that no task is long: the page first lays out what is
  // mounted, then the settings and each view are built (and the address gets the full
  // settings), the first evaluation made and the views drawn for the first time (code runs
  // slowly the first time), one step per frame. The first full frame after them does not train.
  const startSteps = [
    () => {},
    () => {
      $('[data-part="settings"]').innerHTML = renderSettings(id);
      sync();
    },
    () => buildView('diagram'),
    () => buildView('meters'),
    () => {
      buildView('inspector'); // hidden: nothing to lay out
      writeHash({ now: true });
    },
    (now) => {
      run.grid(resolution);
      gridOf = `${runVersion}:${run.step}`;
      measure(now);
    },
    (now) => render(null, now, { views: ['diagram'], pictures: false }),
    (now) => render(null, now, { views: ['diagram'] }),
    (now) => render(null, now, { views: ['meters', 'inspector'] }),
    (now) => render(null, now, { views: ['heatmap'] }),
  ];
  let startStep = 0;
  let shownAll = false; // a full frame has been drawn
  let fullFrames = 0; // full frames drawn (training ramps up over the first ones)

  // ---- the run -------------------------------------------------------------------------------
  function rebuild() {
    run?.free();
    run = createRun(state);
    runVersion += 1;
    owedSteps = 0;
    const preset = activePreset(state);
    stopAt = preset ? preset.steps : null;
    resetEvents();
    traceStep = point ? { phase: 'forward', layer: 0 } : null;
    traceKey = '';
    if (selected && !(selected.layer < run.hidden.length && selected.unit < run.hidden[selected.layer])) selected = null;
    fields.diverged.hidden = true;
  }

  function resetEvents() {
    eventsSeen = { key: null, step: -1 };
    eventBatch = [];
    eventLog = [];
    markers = [];
    renderEventLog();
  }

  /** Train `steps` steps within the frame's time budget; the rest is owed to later frames. */
  function trainSome(steps) {
    owedSteps = Math.min(owedSteps + steps, state.stepsPerFrame * framesPerUpdate * 4);
    const options = trainOptions(state);
    const start = performance.now();
    // Over the first frames the code is still cold (slow): a smaller budget, one step first.
    const warm = fullFrames > START_FRAMES;
    const budget = warm ? TRAIN_BUDGET_MS : TRAIN_BUDGET_MS / 4;
    // Small first chunk: a big network with big batches must not overrun the budget at once.
    let chunk = Math.max(1, Math.min(owedSteps, warm ? 8 : 1));
    while (owedSteps > 0) {
      const take = Math.min(chunk, owedSteps);
      const result = run.train(take, options);
      owedSteps -= take;
      if (result.diverged) return result;
      if (stopAt !== null && run.step >= stopAt) break;
      const elapsed = performance.now() - start;
      if (elapsed > budget) break;
      // Grow the chunk while there is time, so big step counts cost few calls.
      if (elapsed < budget / 4) chunk *= 2;
    }
    return { diverged: false };
  }

  function frame(now) {
    if (destroyed) return;
    if (startStep < startSteps.length) {
      startSteps[startStep](now);
      startStep += 1;
      loop.request(frame);
      return;
    }
    let moment = pendingMoment;
    pendingMoment = null;
    if (playing) {
      frameIndex += 1;
      if (frameIndex % framesPerUpdate !== 0 && moment === null) {
        loop.request(frame);
        return;
      }
      let steps = shownAll ? state.stepsPerFrame * framesPerUpdate : 0;
      if (stopAt !== null) steps = Math.max(0, Math.min(steps, stopAt - run.step - owedSteps));
      const result = trainSome(steps);
      if (result.diverged) {
        moment = 'diverged';
        setPlaying(false);
      } else if (stopAt !== null && run.step >= stopAt) {
        stopAt = null;
        owedSteps = 0;
        moment = 'preset';
        setPlaying(false);
      }
    }
    render(moment, now);
    shownAll = true;
    fullFrames += 1;
    if (playing) loop.request(frame);
  }

  function requestRender() {
    if (!destroyed) loop.request(frame);
  }

  /** Measure the statistics of the evaluated grid and training set (kept in measuredLast). */
  function measure(now) {
    measuredLast = {
      measured: run.stats(),
      count: run.copyHistory(history),
      at: now,
      key: `${runVersion}:${run.step}`,
      step: run.step,
    };
  }

  /**
   * One drawn frame: measure, build the snapshot, update every view, then words. `partial`
   * (start-up): { views: only these ("diagram", "meters", "inspector", "heatmap"), nothing
   * else; pictures: false to hand the views no unit maps }.
   */
  function render(moment, now = performance.now(), partial = null) {
    // 1. Calls into wasm that may allocate (and so grow memory) come first. The grid every
    // frame; the statistics when paused, at a moment, or every STATS_INTERVAL_MS.
    theme ??= readScreenTheme();
    const statsKey = `${runVersion}:${run.step}`;
    // The grid changes only with the network (a paused frame, for a hover, reuses it).
    if (gridOf !== statsKey) {
      run.grid(resolution);
      gridOf = statsKey;
    }
    const measureNow =
      !measuredLast ||
      (measuredLast.key !== statsKey && (!playing || moment !== null || now - measuredLast.at >= STATS_INTERVAL_MS));
    let events = null;
    if (measureNow) {
      measure(now);
      // Events (a JS array built by the core) are read when a unit flipped since the last
      // measurement, at pauses and moments, and otherwise a few times a second.
      const offNow = measuredLast.measured.train.layers.map((layer) => layer.units.map((unit) => (unit.neverActive ? 1 : 0)).join('')).join('|');
      framesSinceEvents += 1;
      if (offNow !== lastOff || moment !== null || !playing || framesSinceEvents >= EVENT_READ_MEASUREMENTS) {
        events = run.events();
        framesSinceEvents = 0;
      }
      lastOff = offNow;
    } else if (moment !== null || !playing) {
      events = run.events();
    }
    const { measured, count } = measuredLast;
    // The traced point follows the statistics' pace (a new point at once).
    const pointKey = point ? `${point.x1},${point.x2},${point.label}` : '';
    if (point && (measureNow || !traceKey.endsWith(`|${pointKey}`))) {
      const key = `${run.step}|${pointKey}`;
      if (key !== traceKey) {
        trace = run.inspect(point);
        traceKey = key;
      }
    }
    if (!point) trace = null;
    const diverged = run.diverged;

    // 2. Views into wasm memory: taken now, used in this frame only.
    // Unit maps are coloured only when they show (the diagram in view, a unit in the big map)
    // and, paused, only when they changed (the views keep the last ones).
    const picturesKey = `${statsKey}|${selected ? unitName(selected) : ''}`;
    const fresh = picturesKey !== picturesOf || playing;
    const unitsWanted = fresh && partial?.pictures !== false && (diagramInView || selected !== null || !playing || moment !== null);
    const { outputPixels, unitPixels, params } = run.views(unitsWanted);
    if (partial?.pictures !== false) picturesOf = picturesKey;
    if (!diverged && fresh) outputImage.ctx.putImageData(new ImageData(outputPixels, resolution, resolution), 0, 0);
    let unitShown = selected && !diverged && !fresh ? unitName(selected) : null; // kept from before
    if (selected && !diverged && unitPixels) {
      const size = resolution * resolution * 4;
      const index = run.hidden.slice(0, selected.layer).reduce((a, b) => a + b, 0) + selected.unit;
      const pixels = unitPixels.subarray(index * size, (index + 1) * size);
      if (pixels.length === size) {
        unitImage.ctx.putImageData(new ImageData(pixels, resolution, resolution), 0, 0);
        unitShown = unitName(selected);
      }
    }
    const snapshot = {
      step: run.step,
      playing,
      reducedMotion: framesPerUpdate > 1,
      layout: run.layout,
      params,
      train: measured.train,
      resolution,
      unitPixels,
      // The same key means the same grid pictures as the last frame (views may skip them).
      gridKey: diverged ? null : statsKey,
      selected,
      trace,
      traceStep: trace ? traceStep : null,
      point: trace ? { x1: point.x1, x2: point.x2, label: point.label } : null,
    };
    for (const name of partial?.views ?? ['diagram', 'meters', 'inspector']) {
      if (!views[name]) continue;
      try {
        views[name].update(snapshot);
      } catch (error) {
        reportError(error);
      }
    }
    if (partial && !partial.views.includes('heatmap')) return;
    if (!partial) slots.inspector.hidden = !trace;

    // 3. No wasm from here on: own drawing and words.
    const activation = run.layout[0]?.activation ?? 'linear';
    const summary = summarise({ train: measured.train, test: measured.test, activation, step: measuredLast.step, diverged });
    lastSummary = summary;
    heatmap.update({
      image: diverged ? null : unitShown ? unitImage.canvas : outputImage.canvas,
      unit: unitShown,
      train: run.trainSet,
      test: run.testSet,
      dataKey: builtData,
      themeKey,
      highlight: point ? { x1: point.x1, x2: point.x2, color: theme.highlight } : null,
      mode: clickMode === 'inspect' ? 'inspect' : 'add',
      theme,
    });
    if (partial) return;
    if (events) markers = events.map((event) => ({ step: event.step, died: event.died }));
    // While playing, the charts take new numbers on the frame after a measurement (not on it:
    // one frame should not pay for both).
    if (!(measureNow && playing)) charts.update({
      columns: history,
      count,
      step: measuredLast.step,
      playing,
      markers,
      unitCount: run.unitCount,
      canDie: summary.canDie,
      theme,
      themeKey,
    });
    showReadouts(summary);
    const eventMessage = takeEvents(events ?? [], now, moment !== null || !playing);
    if (moment === 'diverged') showDiverged();
    const selection = `${unitShown}`;
    const newKey = summaryKey(summary);
    if (moment || newKey !== describedKey || selection !== describedSelection) {
      describedKey = newKey;
      describedSelection = selection;
      describe(summary, count, unitShown ? measured.train : null);
    }
    const spoken = [moment ? describeMoment(summary, moment) : '', eventMessage].filter(Boolean).join(' ');
    if (spoken) announce(spoken);
  }

  function showReadouts(summary) {
    const setText = (element, text) => {
      if (element.textContent !== text) element.textContent = text;
    };
    setText(fields.step, formatInteger(summary.step));
    setText(fields.testAccuracy, formatPercent(summary.testAccuracy));
    setText(fields.trainLoss, formatLoss(summary.trainLoss));
    setText(fields.testLoss, formatLoss(summary.testLoss));
    setText(fields.offLabel, summary.canDie ? 'Dead units' : 'Inactive units');
    setText(fields.deadUnits, summary.unitCount ? `${summary.offCount} of ${summary.unitCount}` : '—');
    // Read-only hooks for tests and embedding pages: full-precision numbers.
    const setData = (name, value) => {
      if (root.dataset[name] !== value) root.dataset[name] = value;
    };
    setData('step', String(summary.step));
    setData('trainLoss', String(summary.trainLoss));
    setData('testLoss', String(summary.testLoss));
    setData('testAccuracy', String(summary.testAccuracy));
    setData('offUnits', String(summary.offCount));
    setData('playing', String(playing));
    const blocked = run.diverged || !run.hasData;
    const setDisabled = (button, value) => {
      if (button.disabled !== value) button.disabled = value;
    };
    setDisabled(buttons.play, blocked || locked.disabled.has('play'));
    setDisabled(buttons.step, blocked || locked.disabled.has('step'));
  }

  /** Rewrite the canvases' text alternatives. */
  function describe(summary, count, unitStatsSource) {
    if (unitStatsSource && selected) {
      const unitStats = unitStatsSource.layers[selected.layer]?.units[selected.unit];
      heatmap.setLabel(describeUnitMap(summary, selected, unitStats, run.layout[selected.layer].activation));
    } else {
      heatmap.setLabel(describeMap(summary, { trainCount: run.trainSet.labels.length, testCount: run.testSet.labels.length }));
    }
    const record = (r) => ({
      step: history[r * 7],
      trainLoss: history[r * 7 + 1],
      testLoss: history[r * 7 + 2],
      trainAccuracy: history[r * 7 + 3],
      testAccuracy: history[r * 7 + 4],
      deadUnits: history[r * 7 + 5],
      sparsity: history[r * 7 + 6],
    });
    charts.setLabels(describeCharts(summary, {
      count,
      first: count ? record(0) : null,
      last: count ? record(count - 1) : null,
      events: markers.length,
    }));
  }

  // ---- unit events ----------------------------------------------------------------------------
  const eventKey = (event) => `${event.step}:${event.layer}:${event.unit}:${event.died}`;

  /** Gather new events; return one message when a batch is due (or `flush`), else ''. */
  function takeEvents(events, now, flush) {
    let start = 0;
    if (eventsSeen.key !== null) {
      let found = -1;
      for (let i = events.length - 1; i >= 0; i -= 1) {
        if (eventKey(events[i]) === eventsSeen.key) {
          found = i;
          break;
        }
      }
      start = found >= 0 ? found + 1 : events.findIndex((event) => event.step > eventsSeen.step);
      if (start < 0) start = events.length;
    }
    const fresh = events.slice(start);
    if (fresh.length) {
      if (eventBatch.length === 0) eventBatchStart = now;
      eventBatch.push(...fresh);
      const last = events.at(-1);
      eventsSeen = { key: eventKey(last), step: last.step };
    }
    if (eventBatch.length === 0 || (!flush && now - eventBatchStart < EVENT_BATCH_MS)) return '';
    const message = describeEvents(eventBatch, run.layout.map((layer) => layer.activation));
    eventBatch = [];
    eventLog = [message, ...eventLog].slice(0, EVENT_LOG_LENGTH);
    renderEventLog();
    return message;
  }

  function renderEventLog() {
    fields.eventLog.replaceChildren(
      ...(eventLog.length ? eventLog : ['None yet.']).map((text, index) => {
        const item = document.createElement('li');
        item.textContent = text;
        if (!eventLog.length) item.className = 'muted';
        else if (index === 0) item.className = 'nw-events__latest';
        return item;
      }),
    );
  }

  function announce(text) {
    // The same words twice in a row would not be read again: vary them invisibly.
    fields.announcer.textContent = fields.announcer.textContent === text ? `${text}\u00a0` : text;
  }

  // ---- playing ---------------------------------------------------------------------------------
  function setPlaying(value) {
    const can = run && !run.diverged && run.hasData;
    playing = Boolean(value && can);
    fields.playLabel.textContent = playing ? 'Pause' : 'Play';
    fields.playIcon.textContent = playing ? '❚❚' : '▶';
    root.dataset.playing = String(playing);
    if (playing) {
      frameIndex = 0;
      loop.request(frame);
    }
  }

  function showDiverged() {
    fields.diverged.hidden = false;
    const focus = root.getRootNode().activeElement;
    if (focus === buttons.play || focus === buttons.step) fields.diverged.querySelector('button').focus();
  }

  function pauseWithWords() {
    if (!playing) return;
    setPlaying(false);
    pendingMoment = 'pause';
    requestRender();
  }

  // ---- settings ----------------------------------------------------------------------------------
  /** Tell the embedding page that the learner changed the settings (never per frame). */
  function notifyState() {
    if (!options.onStateChange || destroyed) return;
    // A select fires both input and change: tell a change once.
    const key = JSON.stringify(state);
    if (key === notifiedState) return;
    notifiedState = key;
    try {
      options.onStateChange(cloneState(state));
    } catch (error) {
      reportError(error);
    }
  }

  /** applyState for a change the learner made, then tell the page. */
  function userState(next, applyOptions) {
    applyState(next, applyOptions);
    notifyState();
  }

  /** Make `next` the state: rebuild if data or network changed, write the hash, show it. */
  function applyState(next, { keepPlaying = true } = {}) {
    const rebuildNeeded = !run || needsRebuild(state, next);
    state = next;
    if (state.preset && !activePreset(state)) state.preset = null;
    if (rebuildNeeded) {
      const wasPlaying = playing;
      const dataKey = JSON.stringify(state.data);
      const dataChanged = dataKey !== builtData;
      rebuild();
      builtData = dataKey;
      if (dataChanged) stopInspecting(false);
      setPlaying(keepPlaying && wasPlaying);
    }
    writeHash();
    sync();
    requestRender();
  }

  /**
   * Put the state into the address. Dragging a slider changes it many times a second, and
   * browsers throttle frequent history updates, so writes wait for a short pause.
   */
  function writeHash({ now = false } = {}) {
    if (!useHash) return;
    clearTimeout(hashTimer);
    const write = () => {
      const hash = `#${encodeHash(state)}`;
      if (window.location.hash !== hash) window.history.replaceState(null, '', hash);
    };
    if (now) write();
    else hashTimer = setTimeout(write, HASH_DELAY_MS);
  }

  function sync() {
    syncControls(root, state, {
      activePresetId: activePreset(state)?.id ?? null,
      trainCount: run ? run.trainSet.labels.length : 0,
    }, locked);
    fields.inspectIndex.max = String(Math.max(1, run.trainSet.labels.length));
  }

  function change(partial, element) {
    // Typed numbers out of range are brought into range rather than refused.
    const clampTyped = (group, key, limits) => {
      const value = partial[group]?.[key];
      if (typeof value === 'number' && Number.isFinite(value)) {
        partial[group][key] = Math.min(limits.max, Math.max(limits.min, value));
      }
    };
    clampTyped('train', 'learningRate', LIMITS.learningRate);
    clampTyped('train', 'batchSize', LIMITS.batchSize);
    const { state: next, problems } = mergeState(state, partial);
    if (problems.length === 0) userState(next);
    if (element?.type === 'number') showSetting(element, state);
  }

  function addPoint(x1, x2, label) {
    if (state.data.points.length >= LIMITS.points.max) {
      announce(`You have added the most points there can be (${LIMITS.points.max}).`);
      return;
    }
    const points = [...state.data.points, quantisePoint(x1, x2, label)];
    userState(mergeState(state, { data: { points } }).state);
    const [qx1, qx2] = points.at(-1);
    announce(`Added a class ${label} point at x₁ = ${qx1}, x₂ = ${qx2}: ${points.length} of your own points. The network starts again from step 0.`);
  }

  // ---- inspecting one point ------------------------------------------------------------------
  function inspectPoint(picked) {
    point = picked;
    traceKey = '';
    traceStep = { phase: 'forward', layer: 0 }; // the first step, shown on the diagram at once
    buttons.inspectClose.hidden = false;
    if (picked.split === 'train') fields.inspectIndex.value = String(picked.index + 1);
    const where = picked.split === 'train' ? `training point ${picked.index + 1}` : `test point ${picked.index + 1}`;
    fields.inspectHint.textContent = `Following ${where}: x₁ = ${picked.x1.toFixed(2)}, x₂ = ${picked.x2.toFixed(2)}, class ${picked.label}. Step through its passes under the diagram.`;
    announce(`Inspecting ${where}, class ${picked.label}. Step through its forward and backward pass in the panel under the diagram.`);
    requestRender();
  }

  function inspectIndex(index) {
    const count = run.trainSet.labels.length;
    if (count === 0) return;
    const i = ((index % count) + count) % count;
    const { points, labels } = run.trainSet;
    inspectPoint({ x1: points[2 * i], x2: points[2 * i + 1], label: labels[i] >= 0.5 ? 1 : 0, split: 'train', index: i });
  }

  function stopInspecting(announceIt) {
    const had = point !== null;
    point = null;
    trace = null;
    traceStep = null;
    traceKey = '';
    buttons.inspectClose.hidden = true;
    fields.inspectHint.textContent = 'Arrow keys change the number; Enter or Inspect follows that point.';
    if (had && announceIt) {
      announce('Stopped inspecting the point.');
      if (slots.inspector.contains(root.getRootNode().activeElement)) buttons.inspect.focus();
    }
    requestRender();
  }

  // ---- actions -----------------------------------------------------------------------------------
  const actions = {
    play() {
      if (playing) pauseWithWords();
      else setPlaying(true);
    },
    step() {
      if (playing) setPlaying(false);
      if (!run.hasData || run.diverged) return;
      stopAt = null;
      const result = run.train(1, trainOptions(state));
      pendingMoment = result.diverged ? 'diverged' : 'step';
      requestRender();
    },
    reset() {
      setPlaying(false);
      run.reset();
      runVersion += 1;
      owedSteps = 0;
      const preset = activePreset(state);
      stopAt = preset ? preset.steps : null;
      resetEvents();
      traceKey = '';
      buttons.play.disabled = !run.hasData || locked.disabled.has('play');
      buttons.step.disabled = !run.hasData || locked.disabled.has('step');
      if (fields.diverged.contains(root.getRootNode().activeElement)) buttons.play.focus();
      fields.diverged.hidden = true;
      pendingMoment = 'reset';
      requestRender();
    },
    'new-seed'() {
      userState(mergeState(state, { network: { seed: newSeed() } }).state);
      announce(`New network seed ${state.network.seed}: new initial weights, back to step 0.`);
    },
    regenerate() {
      userState(mergeState(state, { data: { seed: newSeed() } }).state);
      announce(`New data with seed ${state.data.seed}: the network starts again from step 0.`);
    },
    clear() {
      userState(mergeState(state, { data: { name: 'custom', points: [] } }).state);
      setClickMode('0');
      announce('All points cleared. Click or tap the map to add points, or type their coordinates.');
    },
    'add-point'() {
      const read = (name) => root.querySelector(`[data-add="${name}"]`);
      const x1 = Number(read('x1').value);
      const x2 = Number(read('x2').value);
      if (!Number.isFinite(x1) || !Number.isFinite(x2) || read('x1').value === '' || read('x2').value === '') {
        announce('Type both coordinates, from −6 to 6.');
        return;
      }
      addPoint(x1, x2, Number(read('label').value));
    },
    preset(button) {
      const preset = findPreset(button.dataset.preset);
      if (!preset) return;
      const wasPlaying = playing;
      userState(presetState(preset.id), { keepPlaying: false });
      if (run.step > 0 || run.diverged) {
        // A preset always starts from step 0, even when its settings were already shown.
        run.reset();
        runVersion += 1;
        owedSteps = 0;
        resetEvents();
        fields.diverged.hidden = true;
      }
      stopAt = preset.steps;
      const autoplay = framesPerUpdate === 1 || wasPlaying;
      setPlaying(autoplay);
      announce(`Scenario “${preset.title}”: ${preset.sentence}${autoplay ? '' : ' Press Play to run it.'}`);
    },
    'add-layer'() {
      if (state.network.hidden.length >= LIMITS.layers.max) return;
      const widths = state.network.hidden;
      userState(mergeState(state, { network: { hidden: [...widths, widths.at(-1) ?? 4] } }).state);
    },
    'remove-layer'() {
      if (state.network.hidden.length <= LIMITS.layers.min) return;
      userState(mergeState(state, { network: { hidden: state.network.hidden.slice(0, -1) } }).state);
    },
    units(button) {
      const layer = Number(button.dataset.layer);
      const hidden = [...state.network.hidden];
      hidden[layer] = Math.min(LIMITS.units.max, Math.max(LIMITS.units.min, hidden[layer] + Number(button.dataset.delta)));
      userState(mergeState(state, { network: { hidden } }).state);
    },
    inspect() {
      inspectIndex(Number(fields.inspectIndex.value || 1) - 1);
    },
    'inspect-prev'() {
      inspectIndex((point?.split === 'train' ? point.index : Number(fields.inspectIndex.value || 1) - 1) - 1);
    },
    'inspect-next'() {
      inspectIndex((point?.split === 'train' ? point.index : Number(fields.inspectIndex.value || 1) - 1) + 1);
    },
    'inspect-close'() {
      stopInspecting(true);
      buttons.inspect.focus();
    },
    share() {
      writeHash({ now: true });
      const link = window.location.href;
      const done = () => announce('Link copied: it reproduces this run from step 0.');
      const failed = () => announce(`Copy this link by hand: ${link}`);
      if (navigator.clipboard?.writeText) navigator.clipboard.writeText(link).then(done, failed);
      else failed();
    },
    'dismiss-notice'() {
      fields.hashNotice.hidden = true;
      buttons.play.focus();
    },
  };

  function setClickMode(mode) {
    clickMode = mode;
    for (const radio of root.querySelectorAll('[data-mode]')) radio.checked = radio.value === mode;
    requestRender();
  }

  const stopControls = bindControls(root, {
    change,
    action(name, button) {
      // The views have their own buttons (data-action too); only ours are handled here.
      if (slots.diagram.contains(button) || slots.meters.contains(button) || slots.inspector.contains(button)) return;
      actions[name]?.(button);
    },
    mode(value) {
      setClickMode(value);
    },
  });

  // A unit hovered or focused in the diagram shows in the big map while it has the pointer or
  // focus; a unit tapped or clicked stays until "Show the output".
  const onDiagramPointerDown = (event) => {
    if (event.target.closest('.diagram-unit')) selectionSticky = true;
  };
  // "Show the output" (beside the big map) belongs to the selection: Tab from a unit reaches
  // it with the unit still shown; leaving it for anything but the diagram ends a passing one.
  const isShowOutput = (node) => Boolean(node?.closest?.('[data-action="show-output"]'));
  const onDiagramLeave = (event) => {
    if (selectionSticky || !selected) return;
    if (event.type === 'focusout' && (slots.diagram.contains(event.relatedTarget) || isShowOutput(event.relatedTarget))) return;
    if (event.type === 'pointerleave' && slots.diagram.contains(root.getRootNode().activeElement)) return;
    selected = null;
    requestRender();
  };
  const onShowOutputLeave = (event) => {
    if (!isShowOutput(event.target) || selectionSticky || !selected) return;
    if (slots.diagram.contains(event.relatedTarget)) return;
    selected = null;
    requestRender();
  };
  const heatmapSlot = $('[data-part="heatmap"]');
  heatmapSlot.addEventListener('focusout', onShowOutputLeave);
  // Off screen, the unit maps are not even coloured while playing.
  const stopDiagramWatch = watchVisible(slots.diagram, (visible) => {
    diagramInView = visible;
    if (visible) requestRender();
  });
  slots.diagram.addEventListener('pointerdown', onDiagramPointerDown);
  slots.diagram.addEventListener('pointerleave', onDiagramLeave);
  slots.diagram.addEventListener('focusout', onDiagramLeave);

  // The settings in the hash, when the learner edits the address.
  const onHashChange = () => {
    // A fragment naming an element on the page is navigation, not settings: keep ours.
    const fragment = window.location.hash.slice(1);
    if (fragment && !fragment.includes('=') && document.getElementById(fragment)) {
      writeHash({ now: true });
      return;
    }
    const decoded = decodeHash(window.location.hash);
    showHashNotice(decoded.problems);
    userState(decoded.state);
  };
  if (useHash) window.addEventListener('hashchange', onHashChange);

  function showHashNotice(problems) {
    fields.hashNotice.hidden = problems.length === 0;
    if (problems.length) {
      fields.hashNoticeText.textContent =
        `Some settings in this link could not be used (${problems.join(', ')}), so their ` +
        'defaults are shown instead. Everything else comes from the link.';
    }
  }

  // ---- start -------------------------------------------------------------------------------------
  showHashNotice(hashProblems);
  applyState(state);
  let notifiedState = JSON.stringify(state); // the settings onStateChange last told
  if (options.autoplay ?? !motion.matches) setPlaying(true);

  return {
    destroy() {
      destroyed = true;
      playing = false;
      clearTimeout(hashTimer);
      loop.cancel(frame);
      if (ownLoop) loop.destroy();
      stopControls();
      stopDiagramWatch();
      slots.diagram.removeEventListener('pointerdown', onDiagramPointerDown);
      slots.diagram.removeEventListener('pointerleave', onDiagramLeave);
      slots.diagram.removeEventListener('focusout', onDiagramLeave);
      heatmapSlot.removeEventListener('focusout', onShowOutputLeave);
      if (useHash) window.removeEventListener('hashchange', onHashChange);
      motion.stop();
      scheme.stop();
      heatmap.destroy();
      charts.destroy();
      for (const view of Object.values(views)) view.destroy();
      run?.free();
      run = null;
      element.replaceChildren();
    },
    /** A copy of the current settings. */
    getState() {
      return cloneState(state);
    },
    /** Change settings (any subset of a state); returns the fields that were refused. */
    setState(partial) {
      const { state: next, problems } = mergeState(state, partial);
      applyState(next);
      notifiedState = JSON.stringify(state); // the caller knows: not told back
      return problems;
    },
    play() {
      setPlaying(true);
    },
    pause() {
      pauseWithWords();
    },
    /**
     * Read the theme colours from CSS again and repaint every canvas, keeping the run (after
     * the page or an embedding element changed the theme).
     */
    redraw() {
      if (destroyed) return;
      theme = readScreenTheme();
      for (const view of Object.values(views)) view.redraw?.();
      requestRender();
    },
    /** The last frame's numbers (step, losses, accuracy, units), a copy. */
    get summary() {
      return lastSummary ? structuredClone(lastSummary) : null;
    },
  };
}
