// Dev harness for the Network screen's views: the screen's own run (run.js, the one module that
// calls the core) built from the screen's own presets (presets.js), a snapshot read exactly as
// the screen reads it (snapshot.js), and the diagram, meters and inspector mounted on one page.
// Query: ?preset=<a preset id of presets.js, "kill" by default>, &seed= (network seed),
// &hidden=8,8 (hidden widths), &activation=, &steps= (training steps before showing; the
// preset's by default), &inspect=1 (follow training point 1), &play=1 (keep training),
// &resolution= (unit map grid side), &select=layer.unit (1-based).
import { coreReady } from '../js/core/load.js';
import { createFrameLoop } from '../js/ui/loop.js';
import { createCadence } from '../js/screens/network/cadence.js';
import { findPreset } from '../js/screens/network/presets.js';
import { createRun } from '../js/screens/network/run.js';
import { createFrameReader } from '../js/screens/network/snapshot.js';
import { mergeState, presetState, trainOptions } from '../js/screens/network/state.js';
import { createDiagram } from '../js/screens/network/views/diagram.js';
import { createInspector } from '../js/screens/network/views/inspector.js';
import { createMeters } from '../js/screens/network/views/meters.js';
import { NEARLY_DEAD_SHARE } from '../js/screens/network/views/unit-text.js';

/** Steps trained per frame with &play=1, and by the "Train +100" button. */
const PLAY_STEPS = 5;
const TRAIN_STEPS = 100;

/** The scenario from the query string: a screen state and what to show. */
function readScenario(query) {
  const preset = findPreset(query.get('preset') ?? '') ?? findPreset('kill');
  const network = {};
  if (query.has('seed')) network.seed = Number(query.get('seed'));
  if (query.has('hidden')) network.hidden = query.get('hidden').split(',').filter(Boolean).map(Number);
  if (query.has('activation')) network.activation = query.get('activation');
  const select = query.get('select')?.split('.').map((n) => Number(n) - 1);
  return {
    preset: preset.id,
    state: mergeState(presetState(preset.id), { network }).state,
    steps: query.has('steps') ? Number(query.get('steps')) : preset.steps,
    inspect: query.get('inspect') === '1',
    play: query.get('play') === '1',
    resolution: Number(query.get('resolution') ?? 50),
    selected: select?.length === 2 ? { layer: select[0], unit: select[1] } : null,
  };
}

function mountHarness(page, scenario) {
  const run = createRun(scenario.state);
  const options = trainOptions(scenario.state);
  run.train(scenario.steps, options);
  const reader = createFrameReader(scenario.resolution);
  const cadence = createCadence();
  const loop = createFrameLoop();
  const reducedMotion = window.matchMedia('(prefers-reduced-motion: reduce)');
  const summary = page.querySelector('[data-field="harness-summary"]');
  const state = { playing: scenario.play, selected: scenario.selected, traceStep: null, point: null };

  const diagram = createDiagram(page.querySelector('[data-view="diagram"]'), {
    onSelectUnit(unit) {
      state.selected = unit;
      loop.request(render);
    },
  });
  const meters = createMeters(page.querySelector('[data-view="meters"]'));
  const inspector = createInspector(page.querySelector('[data-view="inspector"]'), {
    onStep(step) {
      state.traceStep = step;
      loop.request(render);
    },
    onClose() {
      Object.assign(state, { traceStep: null, point: null });
      loop.request(render);
    },
  });

  /** Follow training point `index` (0-based) through the network. */
  function inspectPoint(index) {
    const { points, labels } = run.trainSet;
    state.point = { x1: points[2 * index], x2: points[2 * index + 1], label: labels[index] };
    state.traceStep = { phase: 'forward', layer: 0 };
  }

  /** Read the snapshot as the screen does, and hand it to every view. */
  function render(now) {
    if (state.playing) {
      run.train(PLAY_STEPS, options);
      loop.request(render);
    }
    const { snapshot } = reader.read(run, {
      version: 1,
      cadence,
      playing: state.playing,
      moment: null,
      now,
      selected: state.selected,
      point: state.point,
      traceStep: state.traceStep,
      diagramInView: true,
      reducedMotion: reducedMotion.matches,
      partial: null,
    });
    const started = performance.now();
    diagram.update(snapshot);
    meters.update(snapshot);
    inspector.update(snapshot);
    // The views' own cost per frame (not training or wasm), for a quick look in dev tools.
    summary.dataset.viewsMs = (performance.now() - started).toFixed(2);
    const train = snapshot.train;
    const nearly = train.layers.flatMap((layer) =>
      layer.units.filter((unit) => !unit.neverActive && unit.activeShare < NEARLY_DEAD_SHARE),
    ).length;
    summary.dataset.deadUnits = String(train.deadUnits);
    summary.dataset.nearlyDead = String(nearly);
    summary.dataset.step = String(snapshot.step);
    summary.textContent =
      `Preset ${scenario.preset}, step ${snapshot.step}: training accuracy ` +
      `${(100 * train.accuracy).toFixed(1)}%, ${train.deadUnits} dead units, ${nearly} nearly dead.`;
  }

  const actions = {
    play(button) {
      state.playing = !state.playing;
      button.textContent = state.playing ? 'Pause' : 'Play';
      loop.request(render);
    },
    train() {
      run.train(TRAIN_STEPS, options);
      loop.request(render);
    },
    inspect() {
      inspectPoint(0);
      loop.request(render);
    },
  };
  page.querySelector('.controls').addEventListener('click', (event) => {
    const button = event.target.closest('button[data-action]');
    if (button) actions[button.dataset.action](button);
  });
  if (state.playing) page.querySelector('[data-action="play"]').textContent = 'Pause';
  if (scenario.inspect) inspectPoint(0);
  loop.request(render);
}

await coreReady();
mountHarness(document.querySelector('main'), readScenario(new URLSearchParams(location.search)));
