// Part 2's experiments in Node with the core loaded by initSync: determinism, the direction of
// each effect SCIENCE.md describes, the independent checks (exact piece counts against dense
// sampling and against the core's own output), the claims table's data, and the experiments
// that need a newer core saying so instead of showing a result.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import lab from './load.mjs';
import { experiments, runExperiment } from '../../www/js/experiments/index.js';
import { quickParams } from '../../www/js/experiments/params.js';
import { linearPieces, sampledPieces, sawtoothParams, activationRegions } from '../../www/js/experiments/pieces.js';
import { deriveSeed } from '../../www/js/experiments/random.js';
import { medianSteps } from '../../www/js/experiments/convergence.js';
import { missingFeatures, NEEDS_NEWER_CORE } from '../../www/js/experiments/capabilities.js';
import { figureOf } from '../../www/js/screens/experiments/figures.js';
import { CLAIMS } from '../../www/js/screens/experiments/claims-data.js';
import { firstSentence } from '../../www/js/screens/experiments/claims-table.js';
import { decodeHash, encodeHash } from '../../www/js/screens/experiments/state.js';

const run = (id, params) => runExperiment(lab, id, params);
const PART2 = ['linear-pieces', 'sparsity', 'cost', 'convergence', 'negative-inputs', 'relu-at-zero', 'saturation'];

test('part 2 experiments are listed, with quick settings, figures and verdicts that cite numbers', () => {
  assert.deepEqual(experiments.map((e) => e.id).slice(5), PART2);
  for (const id of PART2) {
    const e = experiments.find((x) => x.id === id);
    const params = quickParams(e.params);
    const { results, verdict } = run(id, params);
    assert.match(verdict.sentence, /\d/, `${id}: the verdict cites a number`);
    const figure = figureOf(id, results, params);
    assert.ok(figure.panels.length >= 1 && figure.table.rows.length >= 1 && figure.alt.length > 10, id);
  }
});

test('determinism: the same parameters give the same JSON (timings aside), and the seed matters', () => {
  for (const id of PART2.filter((x) => x !== 'cost')) {
    const params = quickParams(experiments.find((x) => x.id === id).params);
    const first = JSON.stringify(run(id, params));
    assert.equal(JSON.stringify(run(id, params)), first, id);
    if (id !== 'saturation') assert.notEqual(JSON.stringify(run(id, { ...params, seed: 7 }).results), JSON.stringify(JSON.parse(first).results), id);
  }
  // Cost: the structure is fixed even though the timings are not.
  const { results } = run('cost', { evaluations: 20000, repeats: 2, points: 64, passes: 1 });
  assert.deepEqual(results.timings.map((t) => t.activation), ['linear', 'relu', 'tanh', 'sigmoid', 'gelu']);
  for (const t of results.timings) assert.ok(t.nanoseconds.repeats === 2 && t.nanoseconds.low <= t.nanoseconds.median && t.nanoseconds.median <= t.nanoseconds.high);
});

test('linear pieces: counts grow with depth; one layer of n units has at most n + 1; the sawtooth has 2^L', () => {
  const { results, verdict } = run('linear-pieces', { widths: [4], depths: [1, 6], nets: 20 });
  const at = (depth) => results.cells.find((c) => c.depth === depth);
  assert.ok(at(6).pieces > at(1).pieces + 2, `${at(1).pieces} → ${at(6).pieces}`);
  assert.ok(at(1).high <= 5, 'one hidden layer of 4 units: at most 5 pieces');
  assert.deepEqual(results.sawtooth.map((s) => s.pieces), [2, 64]);
  assert.equal(verdict.verdict, 'true');
  assert.match(verdict.sentence, new RegExp(`${at(1).pieces} → ${at(6).pieces} with 4 units`));
  // Zero biases: positively homogeneous, so at most 2 pieces on one input.
  const homogeneous = run('linear-pieces', { widths: [8], depths: [3], nets: 10, biasInit: 0 });
  assert.ok(homogeneous.results.cells[0].high <= 2);
});

test('linear pieces, checked independently: the core’s output on every piece, and dense sampling', () => {
  let agree = 0;
  for (let index = 0; index < 12; index += 1) {
    const network = new lab.Network({ inputs: 1, hidden: [5, 5, 5], biasInit: 0.1, seed: deriveSeed(3, 'check', index) });
    const { pieces } = linearPieces(network.layout(), network.params(), [-1, 1]);
    // At three points inside every piece, the core's output lies on the piece's line.
    const xs = Float32Array.from(pieces.flatMap((p) => [0.25, 0.5, 0.75].map((t) => p.from + t * (p.to - p.from))));
    const ys = network.predict(xs);
    xs.forEach((x, i) => {
      const p = pieces[Math.floor(i / 3)];
      assert.ok(Math.abs(ys[i] - (p.slope * x + p.intercept)) < 1e-4, `net ${index}, x ${x}`);
    });
    // Dense sampling finds no more pieces, and the same number when no two breakpoints are close.
    const n = 4001;
    const step = 2 / (n - 1);
    const sampled = sampledPieces(Array.from(network.predict(Float32Array.from({ length: n }, (_, i) => -1 + i * step))), step);
    assert.ok(sampled <= pieces.length, `net ${index}: sampled ${sampled} > exact ${pieces.length}`);
    const gaps = pieces.slice(1).map((p, i) => p.from - pieces[i].from);
    const bends = pieces.slice(1).map((p, i) => Math.abs(p.slope - pieces[i].slope) / (1 + Math.abs(p.slope) + Math.abs(pieces[i].slope)));
    if (gaps.every((g) => g > 4 * step) && bends.every((b) => b > 0.02)) {
      assert.equal(sampled, pieces.length, `net ${index}`);
      agree += 1;
    }
    network.free();
  }
  assert.ok(agree >= 3, `only ${agree} networks had well-separated breakpoints`);
  // The sawtooth's parameters, in the core, give the tent map composed: 0 at the ends, 1 at 0.
  const saw = new lab.Network({ inputs: 1, hidden: [2, 2, 2], seed: 1 });
  saw.setParams(sawtoothParams(saw.layout()));
  assert.deepEqual(Array.from(saw.predict(new Float32Array([-1, -0.75, 0, 1]))).map((v) => Math.round(v * 1000) / 1000), [0, 1, 0, 0]);
  saw.free();
});

test('activation regions: one region for a linear layer, more with more units', () => {
  const count = (hidden) => {
    const network = new lab.Network({ inputs: 2, hidden, biasInit: 0.1, seed: 5 });
    network.evaluateGrid(48);
    const units = hidden.reduce((a, b) => a + b, 0);
    const { count: regions, region } = activationRegions(network.gridPreActivations(), units, 48 * 48);
    assert.equal(region.length, 48 * 48);
    network.free();
    return regions;
  };
  assert.ok(count([1]) <= 2);
  assert.ok(count([8, 8]) > count([2]));
});

test('convergence: ReLU needs fewer steps than sigmoid on the circle with plain gradient descent', () => {
  const { results, verdict } = run('convergence', { optimizers: ['sgd'], datasets: ['circle'], sgdRates: [0.3, 1], seeds: 4, maxSteps: 1000 });
  const steps = (activation) => medianSteps(results.runs.filter((r) => r.activation === activation).map((r) => r.steps));
  assert.ok(steps('relu') !== null, 'ReLU reaches 97%');
  assert.ok(steps('sigmoid') === null || steps('sigmoid') > 2 * steps('relu'), `sigmoid ${steps('sigmoid')} vs ReLU ${steps('relu')}`);
  assert.equal(verdict.verdict, 'partly');
  assert.match(verdict.sentence, /6×/);
  assert.match(verdict.sentence, new RegExp(`ReLU ${Math.round(steps('relu'))} `));
  assert.equal(medianSteps([100, null, null]), null);
  assert.equal(medianSteps([100, 200, null]), 200);
});

test('negative inputs: the two-unit layer is the identity; ReLU’s shift is larger than ELU’s', () => {
  const { results, verdict } = run('negative-inputs', { depth: 4, nets: 6 });
  assert.ok(results.identity.maxError < 1e-6);
  assert.deepEqual(results.identity.output.slice(0, 3), results.identity.x.slice(0, 3));
  const shift = (activation) => results.series.filter((e) => e.activation === activation).reduce((s, e) => s + e.shift, 0) / 4;
  assert.ok(shift('relu') > 0.35, `ReLU ${shift('relu')}`);
  assert.ok(shift('elu') < shift('relu') - 0.15, `ELU ${shift('elu')}`);
  assert.equal(verdict.verdict, 'partly');
});

test('saturation: ReLU’s slope stays 1, sigmoid and tanh go flat; ReLU6 only with a core that has it', () => {
  const { results, verdict } = run('saturation', {});
  const relu = results.series.find((s) => s.activation === 'relu');
  assert.ok(relu.slopes.every((s) => s === 1));
  for (const name of ['sigmoid', 'tanh']) assert.ok(results.series.find((s) => s.activation === name).slopes.at(-1) < 1e-6, name);
  assert.ok(results.series.every((s) => s.finiteDifferenceError < 1e-3), 'derivatives agree with finite differences');
  assert.equal(verdict.verdict, 'false');
  const hasRelu6 = lab.names().activations.includes('relu6');
  assert.equal(results.missing.includes('relu6'), !hasRelu6);
  if (hasRelu6) {
    const relu6 = results.series.find((s) => s.activation === 'relu6');
    const at = (x) => relu6.slopes[results.xs.findIndex((v) => v >= x)];
    assert.equal(at(1), 1);
    assert.equal(at(10), 0);
  } else {
    assert.match(verdict.sentence, /needs a newer core/);
    assert.ok(!results.series.some((s) => s.activation === 'relu6'), 'no fake ReLU6 curve');
  }
});

test('sparsity: about half zero at init; the penalty raises it (or the run says it needs a newer core)', () => {
  const { results, verdict } = run('sparsity', { datasets: ['circle'], penalties: [0, 0.1], seeds: 2, steps: 150 });
  const init = results.runs.map((r) => r.sparsityAtInit.reduce((a, b) => a + b) / r.sparsityAtInit.length);
  for (const share of init) assert.ok(share > 0.35 && share < 0.65, `at init ${share}`);
  if (missingFeatures(lab, ['activationL1']).length > 0) {
    assert.equal(verdict.verdict, NEEDS_NEWER_CORE);
    assert.ok(results.runs.every((r) => r.penalty === 0), 'no fake penalised run');
  } else {
    const mean = (p) => results.runs.filter((r) => r.penalty === p).map((r) => r.sparsityByLayer.reduce((a, b) => a + b) / r.sparsityByLayer.length).reduce((a, b) => a + b) / 2;
    assert.ok(mean(0.1) > mean(0) + 0.1, `${mean(0)} → ${mean(0.1)}`);
  }
});

test('ReLU′(0): no exact zeros and no difference on continuous float32 data; grid inputs meet zeros', () => {
  const { results, verdict } = run('relu-at-zero', { seeds: 2, steps: 100 });
  const of = (precision, inputs) => results.runs.filter((r) => r.precision === precision && r.inputs === inputs);
  assert.ok(of('float32', 'continuous').every((r) => r.exactZeros === 0 && !r.differs));
  assert.ok(of('float32', 'grid').some((r) => r.exactZeros > 0));
  assert.ok(of('float32', 'grid').filter((r) => r.reluAtZero === 0).every((r) => !r.differs), 'the reference run does not differ from itself');
  assert.equal(verdict.verdict, 'true');
  if (missingFeatures(lab, ['float16']).length > 0) {
    assert.equal(of('float16', 'continuous').length, 0, 'no fake float16 run');
    assert.match(verdict.sentence, /needs a newer core/);
  } else {
    assert.ok(of('float16', 'continuous').some((r) => r.exactZeros > 0), 'float16 meets exact zeros');
    assert.ok(of('float16', 'continuous').some((r) => r.differs), 'and the ReLU′(0) choice then changes the run');
  }
});

test('claims table: eleven claims with SCIENCE.md’s verdict words; each run names an experiment', () => {
  assert.deepEqual(CLAIMS.map((c) => c.letter), [...'abcdefghijk']);
  const words = { a: 'formula right, history wrong', b: 'true', c: 'partly', d: 'partly', e: 'true', f: 'partly, empirical', g: 'true', h: 'partly', i: 'partly', j: 'true, harmless in practice', k: 'false' };
  for (const claim of CLAIMS) {
    assert.equal(claim.verdict, words[claim.letter], claim.letter);
    if (claim.experiment) assert.ok(experiments.some((e) => e.id === claim.experiment), claim.experiment);
  }
  assert.equal(firstSentence('At depth 10 it is 1/3.2 of it. The rest.'), 'At depth 10 it is 1/3.2 of it.');
  // The claims-table run of each experiment finishes and cites figures.
  for (const claim of CLAIMS.filter((c) => c.experiment && c.experiment !== 'cost')) {
    const { verdict } = run(claim.experiment, claim.params);
    assert.match(firstSentence(verdict.sentence), /\d/, claim.letter);
  }
});

test('the link can name the claims table or the history card', () => {
  assert.equal(decodeHash('#experiment=claims').state.experiment, 'claims');
  assert.deepEqual(decodeHash('#experiment=claims').problems, []);
  assert.equal(encodeHash(decodeHash('#experiment=history').state), 'experiment=history');
  assert.equal(encodeHash(decodeHash('#experiment=convergence&seeds=12').state), 'experiment=convergence&seeds=12');
});
