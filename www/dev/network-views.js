// Dev harness for the Network screen's views: a real Dataset and Network from the wasm core,
// a snapshot built exactly as the screen builds it, and the diagram, meters and inspector
// mounted on one page. Query: ?preset=kill|healthy|vanishing, &seed= (network seed),
// &steps= (training steps before showing), &inspect=1 (follow training point 1), &play=1
// (keep training), &resolution= (unit map grid side), &select=layer.unit (1-based).
import init, { Dataset, Network } from '../pkg/relu_lab.js';
import { createFrameLoop } from '../js/ui/loop.js';
import { createDiagram } from '../js/screens/network/views/diagram.js';
import { createInspector } from '../js/screens/network/views/inspector.js';
import { createMeters } from '../js/screens/network/views/meters.js';
import { NEARLY_DEAD_SHARE } from '../js/screens/network/views/unit-text.js';

const DATA = { name: 'circle', n: 500, noise: 0.1, testRatio: 0.5, seed: 1 };
const PRESETS = {
  kill: {
    network: { hidden: [8, 8, 8], activation: 'relu', init: 'he-normal', seed: 0 },
    train: { optimizer: 'adam', learningRate: 0.3 },
    steps: 2000,
  },
  healthy: {
    network: { hidden: [8, 8, 8], activation: 'relu', init: 'he-normal', seed: 0 },
    train: { optimizer: 'sgd', learningRate: 0.03 },
    steps: 1000,
  },
  vanishing: {
    network: { hidden: [8, 8, 8, 8, 8, 8], activation: 'sigmoid', init: 'xavier-normal', seed: 0 },
    train: { optimizer: 'sgd', learningRate: 0.03 },
    steps: 0,
  },
};

/** The scenario from the query string. */
function readScenario(query) {
  const preset = PRESETS[query.get('preset')] ? query.get('preset') : 'kill';
  const base = PRESETS[preset];
  const network = { ...base.network };
  if (query.has('seed')) network.seed = Number(query.get('seed'));
  if (query.has('hidden')) network.hidden = query.get('hidden').split(',').filter(Boolean).map(Number);
  if (query.has('activation')) network.activation = query.get('activation');
  const select = query.get('select')?.split('.').map((n) => Number(n) - 1);
  return {
    preset,
    network,
    train: base.train,
    steps: query.has('steps') ? Number(query.get('steps')) : base.steps,
    inspect: query.get('inspect') === '1',
    play: query.get('play') === '1',
    resolution: Number(query.get('resolution') ?? 50),
    selected: select?.length === 2 ? { layer: select[0], unit: select[1] } : null,
  };
}

function mountHarness(page, scenario) {
  const data = Dataset.generate(DATA);
  const network = new Network(scenario.network);
  network.train(data, scenario.steps, scenario.train);
  const loop = createFrameLoop();
  const reducedMotion = window.matchMedia('(prefers-reduced-motion: reduce)');
  const summary = page.querySelector('[data-field="harness-summary"]');
  const state = {
    playing: scenario.play,
    selected: scenario.selected,
    trace: null,
    traceStep: null,
    point: null,
  };

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
      Object.assign(state, { trace: null, traceStep: null, point: null });
      loop.request(render);
    },
  });

  /** Follow training point `index` (0-based) through the network. */
  function inspectPoint(index) {
    const points = data.points('train');
    const point = { x1: points[2 * index], x2: points[2 * index + 1], label: data.labels('train')[index] };
    state.point = point;
    state.trace = network.inspect([point.x1, point.x2], point.label);
    state.traceStep = { phase: 'forward', layer: 0 };
  }

  /** Build the snapshot exactly as the screen does, and hand it to every view. */
  function render() {
    if (state.playing) {
      network.train(data, 5, scenario.train);
      if (state.point) state.trace = network.inspect([state.point.x1, state.point.x2], state.point.label);
      loop.request(render);
    }
    const layout = network.layout();
    const train = network.stats(data, 'train');
    network.evaluateGrid(scenario.resolution);
    // Views last, params after gridUnitPixels (which may allocate, growing wasm memory and
    // detaching older views): any later wasm call may detach them.
    const unitPixels = network.gridUnitPixels();
    const snapshot = {
      step: network.step,
      playing: state.playing,
      reducedMotion: reducedMotion.matches,
      layout,
      train,
      resolution: scenario.resolution,
      selected: state.selected,
      trace: state.trace,
      traceStep: state.traceStep,
      point: state.point,
      unitPixels,
      params: network.params(),
    };
    const started = performance.now();
    diagram.update(snapshot);
    meters.update(snapshot);
    inspector.update(snapshot);
    // The views' own cost per frame (not training or wasm), for a quick look in dev tools.
    summary.dataset.viewsMs = (performance.now() - started).toFixed(2);
    const nearly = train.layers.flatMap((layer) =>
      layer.units.filter((unit) => !unit.neverActive && unit.activeShare < NEARLY_DEAD_SHARE),
    ).length;
    summary.dataset.deadUnits = String(train.deadUnits);
    summary.dataset.nearlyDead = String(nearly);
    summary.dataset.step = String(network.step);
    summary.textContent =
      `Preset ${scenario.preset}, step ${network.step}: training accuracy ` +
      `${(100 * train.accuracy).toFixed(1)}%, ${train.deadUnits} dead units, ${nearly} nearly dead.`;
  }

  const actions = {
    play(button) {
      state.playing = !state.playing;
      button.textContent = state.playing ? 'Pause' : 'Play';
      loop.request(render);
    },
    train() {
      network.train(data, 100, scenario.train);
      if (state.point) state.trace = network.inspect([state.point.x1, state.point.x2], state.point.label);
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

await init();
mountHarness(document.querySelector('main'), readScenario(new URLSearchParams(location.search)));
