// Claim f: faster convergence than sigmoid and tanh. Train seeded networks with 3 hidden layers
// until they reach a target training accuracy, for each activation at its best learning rate
// from a small grid (chosen on separate tuning seeds), with plain SGD and Adam, on the circle and
// the spirals; report the steps it took over many seeds and the runs that never got there.
import { ACTIVATION_OPTIONS, createProgress, DATASET_OPTIONS, free, OPTIMIZER_OPTIONS, SEED_PARAM, VERDICTS } from './common.js';
import { DOMAIN_PARAM, domainText, experimentData } from './data.js';
import { deriveSeed } from './random.js';
import { formatInteger, formatPercent, formatRate, formatRatio } from '../text/format.js';
import { activationName, datasetName, optimizerName } from '../text/names.js';

/** Krizhevsky, Sutskever & Hinton 2012, Fig. 1 (SCIENCE.md f): ReLU about 6× faster than tanh. */
export const KRIZHEVSKY_FACTOR = 6;

export const convergence = Object.freeze({
  id: 'convergence',
  claim: 'f',
  title: 'Convergence: how many steps each activation needs to reach a target accuracy',
  question:
    'How many training steps does a network with 3 hidden layers need to reach 97% training accuracy with ReLU, tanh and sigmoid, each at its best learning rate, with plain SGD and with Adam, over many seeds?',
  sources: Object.freeze([
    { paper: 'krizhevsky2012', finding: 'Fig. 1: a 4-layer CNN with ReLU reached 25% CIFAR-10 training error about 6× faster than with tanh.' },
    { note: 'On tiny 2-D problems the gap is smaller; its size depends on the architecture and the learning rate.' },
  ]),
  params: Object.freeze([
    { id: 'activations', label: 'Activations', kind: 'choices', default: ['relu', 'tanh', 'sigmoid'], options: ACTIVATION_OPTIONS },
    { id: 'optimizers', label: 'Optimisers', kind: 'choices', default: ['sgd', 'adam'], quick: ['sgd'], options: OPTIMIZER_OPTIONS },
    { id: 'datasets', label: 'Data sets', kind: 'choices', default: ['circle', 'spiral'], quick: ['circle'], options: DATASET_OPTIONS },
    { id: 'sgdRates', label: 'Learning-rate grid, plain SGD and momentum', kind: 'numbers', default: [0.1, 0.3, 1], quick: [0.3, 1], min: 1e-5, max: 10 },
    { id: 'adamRates', label: 'Learning-rate grid, Adam', kind: 'numbers', default: [0.003, 0.01, 0.03], min: 1e-5, max: 10 },
    { id: 'target', label: 'Target training accuracy', kind: 'number', default: 0.97, min: 0.5, max: 1 },
    { id: 'maxSteps', label: 'Most steps per run', kind: 'integer', default: 1500, quick: 1000, min: 20, max: 20000 },
    { id: 'checkEvery', label: 'Check the accuracy every … steps', kind: 'integer', default: 25, min: 1, max: 1000 },
    { id: 'layers', label: 'Hidden layer widths', kind: 'integers', default: [8, 8, 8], min: 1, max: 64, maxItems: 8, repeats: true },
    { id: 'batchSize', label: 'Batch size', kind: 'integer', default: 20, min: 1, max: 10000 },
    { id: 'points', label: 'Training points', kind: 'integer', default: 200, min: 20, max: 5000 },
    { id: 'seeds', label: 'Seeds per activation (measured)', kind: 'integer', default: 10, quick: 3, min: 1, max: 50 },
    { id: 'tuneSeeds', label: 'Seeds per learning rate (choosing it)', kind: 'integer', default: 1, min: 1, max: 10 },
    SEED_PARAM,
    DOMAIN_PARAM,
  ]),
  setup(params) {
    return `2-[${params.layers.join(', ')}]-1, He normal, ${formatInteger(params.points)} training points on ${domainText(params.domain)}, batch ${params.batchSize}; steps to ${formatPercent(params.target, 0)} training accuracy (checked every ${params.checkEvery}, at most ${formatInteger(params.maxSteps)}); the best rate of each grid chosen on ${params.tuneSeeds} tuning seed${params.tuneSeeds === 1 ? '' : 's'}, then ${params.seeds} other seeds measured, from base seed ${params.seed}.`;
  },
  run,
  verdict,
});

/** The learning-rate grid of an optimiser. */
const gridOf = (params, optimizer) => (optimizer === 'adam' ? params.adamRates : params.sgdRates);

/** Steps to reach the target (null if never, or diverged), training one network. */
function stepsToTarget(core, data, params, { activation, optimizer, learningRate, seed }) {
  let network = null;
  try {
    network = new core.Network({ inputs: 2, hidden: params.layers, activation, init: 'he-normal', seed });
    const options = { optimizer, learningRate, batchSize: params.batchSize, record: false };
    for (let step = 0; step < params.maxSteps; ) {
      const chunk = Math.min(params.checkEvery, params.maxSteps - step);
      const result = network.train(data, chunk, options);
      step += chunk;
      if (result.diverged) return null;
      if (network.accuracy(data, 'train') >= params.target) return step;
    }
    return null;
  } finally {
    free(network);
  }
}

/** The median of step counts, with "never" (null) as infinitely many. */
export function medianSteps(steps) {
  if (steps.length === 0) return null;
  const sorted = steps.map((s) => s ?? Infinity).sort((a, b) => (a === b ? 0 : a - b));
  const middle = Math.floor(sorted.length / 2);
  const value = sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  return Number.isFinite(value) ? value : null;
}

/** A tuning score: the mean steps with a never-reached run counted as twice the budget. */
const tuningScore = (steps, maxSteps) => steps.reduce((sum, s) => sum + (s ?? 2 * maxSteps), 0) / steps.length;

function run(core, params, onProgress) {
  const groups = [];
  for (const dataset of params.datasets) for (const optimizer of params.optimizers) for (const activation of params.activations) groups.push({ dataset, optimizer, activation });
  let total = 0;
  for (const group of groups) total += gridOf(params, group.optimizer).length * params.tuneSeeds + params.seeds;
  const progress = createProgress(total, onProgress);
  const tuning = [];
  const runs = [];
  const best = [];
  const partial = () => ({ runs: runs.map((r) => ({ ...r })), tuning: tuning.map((r) => ({ ...r })), best: best.map((b) => ({ ...b })), maxSteps: params.maxSteps, target: params.target });
  for (const dataset of params.datasets) {
    const data = experimentData(core, { name: dataset, n: params.points, seed: deriveSeed(params.seed, 'convergence', 'data', dataset), domain: params.domain });
    try {
      for (const group of groups.filter((g) => g.dataset === dataset)) {
        let chosen = null;
        for (const learningRate of gridOf(params, group.optimizer)) {
          const steps = [];
          for (let index = 0; index < params.tuneSeeds; index += 1) {
            const seed = deriveSeed(params.seed, 'convergence', 'tune', index);
            const reached = stepsToTarget(core, data, params, { ...group, learningRate, seed });
            steps.push(reached);
            tuning.push({ ...group, learningRate, seed, steps: reached });
            progress.report(1, partial);
          }
          const score = tuningScore(steps, params.maxSteps);
          if (!chosen || score < chosen.score) chosen = { learningRate, score };
        }
        best.push({ ...group, learningRate: chosen.learningRate, score: chosen.score });
        for (let index = 0; index < params.seeds; index += 1) {
          const seed = deriveSeed(params.seed, 'convergence', 'measure', index);
          runs.push({ ...group, learningRate: chosen.learningRate, seed, steps: stepsToTarget(core, data, params, { ...group, learningRate: chosen.learningRate, seed }) });
          progress.report(1, partial);
        }
      }
    } finally {
      data.free();
    }
  }
  return partial();
}

/** Per (dataset, optimizer, activation) of measured runs: median steps and never-reached count. */
export function convergenceSummary(results) {
  const keys = new Map();
  for (const r of results.runs) {
    const key = `${r.dataset}|${r.optimizer}|${r.activation}`;
    if (!keys.has(key)) keys.set(key, { dataset: r.dataset, optimizer: r.optimizer, activation: r.activation, learningRate: r.learningRate, steps: [] });
    keys.get(key).steps.push(r.steps);
  }
  return [...keys.values()].map((g) => ({ ...g, median: medianSteps(g.steps), never: g.steps.filter((s) => s === null).length, runs: g.steps.length }));
}

function verdict(results) {
  const summary = convergenceSummary(results);
  const settings = [...new Set(summary.map((s) => `${s.dataset}|${s.optimizer}`))];
  const phrases = [];
  const factors = [];
  let faster = 0;
  let compared = 0;
  for (const setting of settings) {
    const [dataset, optimizer] = setting.split('|');
    const rows = summary.filter((s) => s.dataset === dataset && s.optimizer === optimizer);
    const relu = rows.find((s) => s.activation === 'relu');
    const others = rows.filter((s) => s.activation !== 'relu');
    const text = (s) =>
      s.median === null
        ? `${activationName(s.activation)} not reached in ${s.never} of ${s.runs} runs`
        : `${activationName(s.activation)} ${formatInteger(s.median)} (rate ${formatRate(s.learningRate)}${s.never > 0 ? `, ${s.never} of ${s.runs} never` : ''})`;
    phrases.push(`${datasetName(dataset)}, ${optimizerName(optimizer)}: ${rows.map(text).join(', ')}`);
    if (!relu) continue;
    for (const other of others) {
      // Both never reaching the target decides nothing.
      if (relu.median === null && other.median === null) continue;
      compared += 1;
      if ((relu.median ?? Infinity) < (other.median ?? Infinity)) faster += 1;
      if (other.activation === 'tanh' && relu.median !== null) factors.push(other.median === null ? `more than ${formatRatio(results.maxSteps / relu.median)}` : formatRatio(other.median / relu.median));
    }
  }
  if (compared === 0) return { verdict: VERDICTS.incomplete, sentence: 'Measure ReLU and at least one other activation.' };
  const tanh = factors.length > 0 ? ` Against tanh the measured factor is ${factors.join(', ')}; Krizhevsky et al. 2012 measured about ${KRIZHEVSKY_FACTOR}× for a 4-layer CNN on CIFAR-10.` : ` Krizhevsky et al. 2012 measured about ${KRIZHEVSKY_FACTOR}× against tanh for a 4-layer CNN on CIFAR-10.`;
  const sentence = `Median steps to ${formatPercent(results.target, 0)} training accuracy (at most ${formatInteger(results.maxSteps)}), each activation at its best rate of the grid: ${phrases.join('; ')}.${tanh}`;
  const mostly = faster > compared / 2;
  return mostly
    ? { verdict: VERDICTS.partly, sentence: `${sentence} ReLU was faster in ${faster} of ${compared} comparisons; the size of the gap depends on the data, the optimiser and the learning rate: the claim is partly true.` }
    : { verdict: VERDICTS.notShown, sentence: `${sentence} ReLU was faster in only ${faster} of ${compared} comparisons in this run.` };
}
