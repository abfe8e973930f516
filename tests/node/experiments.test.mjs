// The experiments engine (www/js/experiments/) in Node, with the core loaded by initSync:
// determinism, the direction of each effect SCIENCE.md describes, and independent checks.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import lab from './load.mjs';
import { experiments, findExperiment, runExperiment } from '../../www/js/experiments/index.js';
import { changedParamEntries, defaultParams, normalizeParams, quickParams } from '../../www/js/experiments/params.js';
import { deriveSeed, createRandom } from '../../www/js/experiments/random.js';
import { bornDeadFormula } from '../../www/js/experiments/born-dead.js';
import { evaluateOnDomain } from '../../www/js/experiments/data.js';
import { decodeHash, encodeHash } from '../../www/js/screens/experiments/state.js';
import { figureOf } from '../../www/js/screens/experiments/figures.js';
import { median } from '../../www/js/experiments/summary.js';

const run = (id, params) => runExperiment(lab, id, params);

test('every experiment has the module shape, and its defaults and quick setting are valid', () => {
  assert.deepEqual(experiments.map((e) => e.id).slice(0, 5), ['born-dead', 'gradient-depth', 'activation-scale', 'dying', 'revival']);
  for (const e of experiments) {
    for (const key of ['id', 'title', 'question', 'sources', 'params', 'setup', 'run', 'verdict']) assert.ok(e[key], `${e.id}.${key}`);
    // Saturation evaluates activations only: no data, so no domain (tests/node/experiments-part2.test.mjs).
    if (e.id === 'saturation') continue;
    assert.ok(e.params.some((p) => p.id === 'seed') && e.params.some((p) => p.id === 'domain'), `${e.id}: seed and domain`);
    assert.deepEqual(normalizeParams(e.params, quickParams(e.params)).problems, []);
    assert.match(e.setup(defaultParams(e.params)), /\[−1, 1\]²/);
  }
  assert.equal(findExperiment('gradient-depth').claim, 'c');
});

test('parameters are clamped, malformed ones fall back and are listed', () => {
  const { params } = findExperiment('born-dead');
  const checked = normalizeParams(params, { nets: 99999, widths: '2, 4,x', depths: '3,1', domain: '6' });
  assert.equal(checked.params.nets, 2500);
  assert.deepEqual(checked.params.widths, defaultParams(params).widths);
  assert.deepEqual(checked.params.depths, [3, 1]);
  assert.equal(checked.params.domain, 6);
  assert.deepEqual(checked.problems, ['widths']);
  // Layer widths may repeat; sweep values may not.
  assert.deepEqual(normalizeParams(findExperiment('dying').params, { layers: '8,8,8' }).params.layers, [8, 8, 8]);
  assert.deepEqual(changedParamEntries(params, { ...defaultParams(params), nets: 50 }), [['nets', '50']]);
});

test('derived seeds are reproducible, distinct and within the core’s range', () => {
  assert.equal(deriveSeed(1, 'a', 2), deriveSeed(1, 'a', 2));
  const seeds = new Set();
  for (let i = 0; i < 2000; i += 1) seeds.add(deriveSeed(7, 'net', i));
  assert.equal(seeds.size, 2000);
  for (const seed of seeds) assert.ok(Number.isSafeInteger(seed) && seed >= 0);
  assert.notEqual(deriveSeed(1, 'x'), deriveSeed(2, 'x'));
  const a = createRandom(5);
  const b = createRandom(5);
  assert.equal(a.next(), b.next());
});

test('the link records the experiment and its changed parameters, and restores them', () => {
  const { state } = decodeHash('#experiment=dying&adamRates=0.003,0.3&seeds=3');
  assert.equal(state.experiment, 'dying');
  assert.deepEqual(state.params.dying.adamRates, [0.003, 0.3]);
  assert.equal(encodeHash(state), 'experiment=dying&adamRates=0.003,0.3&seeds=3');
  assert.deepEqual(decodeHash('#experiment=nope').problems, ['experiment']);
});

test('each experiment gives the same JSON twice (determinism), and a different seed changes it', () => {
  // Timings (cost) are measurements, and saturation draws nothing at random: part 2's tests.
  for (const e of experiments.filter((x) => !['cost', 'saturation'].includes(x.id))) {
    const params = quickParams(e.params);
    const first = JSON.stringify(run(e.id, params));
    assert.equal(JSON.stringify(run(e.id, params)), first, e.id);
    const other = JSON.stringify(run(e.id, { ...params, seed: 2 }).results);
    assert.notEqual(other, JSON.stringify(JSON.parse(first).results), e.id);
  }
});

test('born dead: the share grows with depth and falls with width; verdict cites the figures', () => {
  const { results, verdict } = run('born-dead', { widths: [2, 8], depths: [1, 24], nets: 60 });
  const share = (w, d) => results.cells.find((c) => c.width === w && c.depth === d).share;
  assert.ok(share(2, 24) > share(2, 1) + 0.5, `depth: ${share(2, 1)} → ${share(2, 24)}`);
  assert.ok(share(8, 24) < share(2, 24) - 0.5, `width: ${share(2, 24)} → ${share(8, 24)}`);
  assert.equal(verdict.verdict, 'shown');
  assert.match(verdict.sentence, new RegExp(`${Math.round(100 * share(2, 24))}%`));
  // The measured share never exceeds the one-input formula by more than noise.
  for (const c of results.cells) assert.ok(c.share <= bornDeadFormula(c.width, c.depth) + 0.15, `${c.width}×${c.depth}`);
});

test('born dead, checked independently: a brute-force forward pass on many domain points', () => {
  const { results } = run('born-dead', { widths: [2, 3], depths: [6], nets: 12, resolution: 32 });
  const random = createRandom(99);
  const points = new Float32Array(2 * 4000);
  for (let i = 0; i < points.length; i += 1) points[i] = 2 * random.next() - 1; // [−1, 1]², not the grid
  for (const cell of results.cells) {
    let dead = 0;
    for (let index = 0; index < 12; index += 1) {
      const network = new lab.Network({ inputs: 2, hidden: Array(cell.depth).fill(cell.width), init: 'he-normal', seed: deriveSeed(1, 'born-dead', cell.width, cell.depth, index) });
      const outputs = network.predict(points);
      if (outputs.every((value) => value === outputs[0])) dead += 1;
      network.free();
    }
    assert.equal(cell.bornDead, dead, `${cell.width}×${cell.depth}`);
  }
});

test('the domain scaling computes the network on [−1, 1]² (against predict on scaled points)', () => {
  const network = new lab.Network({ inputs: 2, hidden: [5, 5], biasInit: 0.3, seed: 3 });
  const scaled = new lab.Network({ inputs: 2, hidden: [5, 5], biasInit: 0.3, seed: 3 });
  evaluateOnDomain(scaled, 1);
  const x = [0.5, -0.25];
  const direct = network.predict(new Float32Array(x))[0];
  const viaPlane = scaled.predict(new Float32Array(x.map((v) => v * 6)))[0];
  assert.ok(Math.abs(direct - viaPlane) < 1e-5, `${direct} vs ${viaPlane}`);
  network.free();
  scaled.free();
});

test('gradient depth: sigmoid + Xavier vanishes fast, ReLU + He stays near 1', () => {
  const { results, verdict } = run('gradient-depth', { depths: [2, 12], nets: 6 });
  const ratio = (activation, init, depth) => results.series.find((e) => e.activation === activation && e.init === init && e.depth === depth).ratio;
  assert.ok(ratio('sigmoid', 'xavier-normal', 12) < 1e-3, `sigmoid ${ratio('sigmoid', 'xavier-normal', 12)}`);
  assert.ok(ratio('sigmoid', 'xavier-normal', 12) < ratio('sigmoid', 'xavier-normal', 2) / 100);
  const he = ratio('relu', 'he-normal', 12);
  assert.ok(he > 0.2 && he < 5, `ReLU + He ${he}`);
  assert.ok(ratio('relu', 'xavier-normal', 12) < he / 10, 'Xavier shrinks ReLU’s signal');
  assert.equal(verdict.verdict, 'partly');
});

test('activation scale: He flat, Xavier shrinks, N(0, 1) blows up, near the gain formula', () => {
  const { results, verdict } = run('activation-scale', { depth: 8, nets: 10 });
  const growth = (init) => {
    const entries = results.series.filter((e) => e.init === init);
    return entries.at(-1).meanSquare / entries[0].meanSquare;
  };
  assert.ok(growth('he-normal') > 0.4 && growth('he-normal') < 2.5, `He ${growth('he-normal')}`);
  assert.ok(growth('xavier-normal') < 0.05, `Xavier ${growth('xavier-normal')}`);
  assert.ok(growth('normal') > 1e4, `N(0, 1) ${growth('normal')}`);
  // The prediction for layer 1 is exact in expectation: within 50% of the measured mean.
  const first = results.series.find((e) => e.init === 'he-normal' && e.layer === 1);
  assert.ok(Math.abs(first.meanSquare / first.predicted - 1) < 0.5, `${first.meanSquare} vs ${first.predicted}`);
  assert.equal(verdict.verdict, 'partly');
});

test('dying: Adam at 0.3 kills far more units than Adam at 0.003', () => {
  const { results, verdict } = run('dying', { sgdRates: [0.03], adamRates: [0.003, 0.3], biasInits: [0], seeds: 3, steps: 200 });
  const dead = (rate) => results.runs.filter((r) => r.optimizer === 'adam' && r.learningRate === rate).reduce((s, r) => s + r.deadShare, 0) / 3;
  assert.ok(dead(0.3) > dead(0.003) + 0.3, `${dead(0.003)} → ${dead(0.3)}`);
  assert.equal(verdict.verdict, 'true');
  assert.match(verdict.sentence, new RegExp(`Adam at 0.3 leaves ${Math.round(100 * median(results.runs.filter((r) => r.optimizer === 'adam' && r.learningRate === 0.3).map((r) => r.deadShare)))}%`));
});

test('revival: leaky ReLU revives far more units than ReLU', () => {
  const { results, verdict } = run('revival', { activations: ['relu', 'leaky-relu'], seeds: 2, steps: 200 });
  const revived = (activation) => results.runs.filter((r) => r.activation === activation).reduce((s, r) => s + r.revivedShare, 0) / 2;
  assert.ok(results.runs.every((r) => r.inactiveAtStart > 0.5), 'most units start inactive');
  assert.ok(revived('relu') < 0.05, `ReLU ${revived('relu')}`);
  assert.ok(revived('leaky-relu') > revived('relu') + 0.4, `leaky ${revived('leaky-relu')}`);
  assert.equal(verdict.verdict, 'true');
  const killed = run('revival', { activations: ['relu', 'elu'], start: 'high-rate', seeds: 1, steps: 100 });
  assert.ok(killed.results.runs.every((r) => r.inactiveUnits > 0));
});

test('figures: every experiment’s results give plot panels, a table and a text alternative', () => {
  for (const e of experiments) {
    const params = quickParams(e.params);
    const { results } = run(e.id, params);
    const figure = figureOf(e.id, results, params);
    assert.ok(figure.panels.length >= 1 && figure.table.rows.length >= 1 && figure.alt.length > 10, e.id);
  }
  const { results } = run('born-dead', { widths: [2], depths: [8], nets: 10 });
  const link = figureOf('born-dead', results, { widths: [2], depths: [8] }).links[0].href;
  assert.match(link, /^network\.html#.*layers=2,2,2,2,2,2,2,2/);
});

test('progress is reported per network with the partial results', () => {
  const seen = [];
  runExperiment(lab, 'born-dead', { widths: [2], depths: [2], nets: 5 }, (p) => seen.push({ ...p, cells: p.partial().cells }));
  assert.equal(seen.length, 5);
  assert.equal(seen.at(-1).done, seen.at(-1).total);
  assert.deepEqual(seen.map((p) => p.cells[0].nets), [1, 2, 3, 4, 5]);
});

test('the embed’s list of experiment keys matches the modules', async () => {
  const { EXPERIMENT_IDS, EXPERIMENT_PARAMETER_IDS } = await import('../../www/js/experiments/keys.js');
  const { PARAMETER_IDS } = await import('../../www/js/experiments/index.js');
  assert.deepEqual([...EXPERIMENT_IDS], experiments.map((e) => e.id));
  assert.deepEqual([...EXPERIMENT_PARAMETER_IDS].sort(), [...PARAMETER_IDS].sort());
  // None may be a key every screen understands (width, height…) or a global HTML attribute.
  for (const id of EXPERIMENT_PARAMETER_IDS) assert.ok(!['width', 'height', 'hidden', 'title', 'id', 'screen', 'theme', 'preset'].includes(id), id);
});
