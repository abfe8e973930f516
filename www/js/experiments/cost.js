// Claim e: ReLU is cheap to compute. Time the core's activations in this browser (many
// evaluations per call of `activationWorkload`, timed around the call), and a whole forward
// pass of the same network with each activation, repeated in a rotated order: medians and
// ranges. Timings are measurements of this machine, now: never deterministic.
import { ACTIVATION_OPTIONS, createProgress, free, SEED_PARAM, VERDICTS } from './common.js';
import { DOMAIN_PARAM, domainText } from './data.js';
import { createRandom, deriveSeed } from './random.js';
import { median } from './summary.js';
import { formatInteger, formatNumber, formatRatio, formatShare } from '../text/format.js';
import { activationName } from '../text/names.js';

/** The identity, timed as the cost of the loop itself (the workload's sweep and sum). */
export const BASELINE = 'linear';

/** What such timings can and cannot show (the card's note). */
export const TIMING_NOTE =
  'What these timings can show: the cost of each activation in this browser’s WebAssembly on this machine, now. Other work on the machine, power saving and the timer’s resolution move them, so every timing is repeated, in a rotated order, and the median and range (fastest to slowest) are shown; the identity’s time is the loop’s own cost. What they cannot show: the cost on other hardware (a GPU, another processor) or in other software, and anything about how well a network learns.';

export const cost = Object.freeze({
  id: 'cost',
  claim: 'e',
  title: 'Cost: how long one activation and one forward pass take in your browser',
  question: 'How long does one evaluation of ReLU take against tanh, sigmoid and GELU in this browser, and what does the choice change in a whole forward pass of the same network?',
  sources: Object.freeze([
    { note: 'No paper is the source here: ReLU is a compare and a select, with no exponential or division. This card times it in your own browser.' },
  ]),
  params: Object.freeze([
    { id: 'activations', label: 'Activations', kind: 'choices', default: ['relu', 'tanh', 'sigmoid', 'gelu'], options: ACTIVATION_OPTIONS },
    { id: 'evaluations', label: 'Evaluations per timing', kind: 'integer', default: 300_000, quick: 100_000, min: 10_000, max: 10_000_000 },
    { id: 'repeats', label: 'Repeats (each in a rotated order)', kind: 'integer', default: 7, quick: 3, min: 1, max: 50 },
    { id: 'layers', label: 'Hidden layer widths (forward pass)', kind: 'integers', default: [16, 16, 16], min: 1, max: 64, maxItems: 8, repeats: true },
    { id: 'points', label: 'Points per forward pass', kind: 'integer', default: 2048, quick: 1024, min: 16, max: 65536 },
    { id: 'passes', label: 'Forward passes per timing', kind: 'integer', default: 5, quick: 3, min: 1, max: 1000 },
    SEED_PARAM,
    DOMAIN_PARAM,
  ]),
  setup(params) {
    return `${formatInteger(params.evaluations)} evaluations per timing on inputs swept over [−4, 4]; forward passes of 2-[${params.layers.join(', ')}]-1 (He normal, the same weights for every activation) on ${formatInteger(params.points)} points in ${domainText(params.domain)}, ${params.passes} per timing; ${params.repeats} repeats in a rotated order, one warm-up round first.`;
  },
  run,
  verdict,
  note: TIMING_NOTE,
});

/** Milliseconds `work` takes. */
function timed(work) {
  const start = performance.now();
  work();
  return performance.now() - start;
}

/** { median, low, high } of a list of timings. */
const summarise = (values) => ({ median: median(values), low: Math.min(...values), high: Math.max(...values), repeats: values.length });

function run(core, params, onProgress) {
  const list = [BASELINE, ...params.activations.filter((a) => a !== BASELINE)];
  const { evaluations, repeats, passes } = params;
  const random = createRandom(deriveSeed(params.seed, 'cost', 'points'));
  const points = Float32Array.from({ length: 2 * params.points }, () => (2 * random.next() - 1) * params.domain);
  const networks = new Map();
  const progress = createProgress((repeats + 1) * list.length * 2, onProgress);
  const timings = new Map(list.map((name) => [name, { evaluation: [], forward: [] }]));
  let sink = 0;
  const partial = () => summary(list, timings, params);
  try {
    for (const name of list) {
      networks.set(name, new core.Network({ inputs: 2, hidden: params.layers, activation: name, init: 'he-normal', seed: deriveSeed(params.seed, 'cost', 'network') }));
    }
    for (let round = 0; round <= repeats; round += 1) {
      // Round 0 warms up (compiles, fills caches) and is not counted.
      const order = list.map((_, i) => list[(i + round) % list.length]);
      for (const name of order) {
        const evaluation = timed(() => {
          sink += core.activationWorkload(name, evaluations, {});
        });
        if (round > 0) timings.get(name).evaluation.push((evaluation * 1e6) / evaluations);
        progress.report(1, partial);
        const network = networks.get(name);
        const forward = timed(() => {
          for (let pass = 0; pass < passes; pass += 1) sink += network.predict(points)[0];
        });
        if (round > 0) timings.get(name).forward.push(forward / passes);
        progress.report(1, partial);
      }
    }
  } finally {
    for (const network of networks.values()) free(network);
  }
  return { ...partial(), checksum: Number.isFinite(sink) };
}

function summary(list, timings, params) {
  const rows = [];
  for (const name of list) {
    const { evaluation, forward } = timings.get(name);
    if (evaluation.length === 0) continue;
    rows.push({
      activation: name,
      nanoseconds: summarise(evaluation),
      forwardMilliseconds: forward.length > 0 ? summarise(forward) : null,
    });
  }
  return { timings: rows, layers: [...params.layers], points: params.points, evaluations: params.evaluations };
}

function verdict(results) {
  const rows = results.timings.filter((row) => row.activation !== BASELINE);
  const relu = rows.find((row) => row.activation === 'relu');
  const baseline = results.timings.find((row) => row.activation === BASELINE);
  const others = rows.filter((row) => row.activation !== 'relu');
  if (!relu || others.length === 0) {
    return { verdict: VERDICTS.incomplete, sentence: 'Time ReLU and at least one other activation to compare them.' };
  }
  const ns = (row) => `${formatNumber(row.nanoseconds.median, 2)} ns`;
  const each = others.map((row) => `${activationName(row.activation)} ${ns(row)} (${formatRatio(row.nanoseconds.median / relu.nanoseconds.median)})`).join(', ');
  const loop = baseline ? ` The loop alone (the identity) takes ${ns(baseline)}.` : '';
  const slowest = others.reduce((a, b) => ((b.forwardMilliseconds?.median ?? 0) > (a.forwardMilliseconds?.median ?? 0) ? b : a));
  let forward = '';
  if (relu.forwardMilliseconds && slowest.forwardMilliseconds) {
    const ms = (row) => `${formatNumber(row.forwardMilliseconds.median, 3)} ms`;
    const saved = 1 - relu.forwardMilliseconds.median / slowest.forwardMilliseconds.median;
    forward = ` A forward pass of 2-[${results.layers.join(', ')}]-1 on ${formatInteger(results.points)} points takes ${ms(relu)} with ReLU and ${ms(slowest)} with ${activationName(slowest.activation)} (${formatShare(Math.max(0, saved))} less with ReLU).`;
  }
  const sentence = `Median time per evaluation in this browser: ReLU ${ns(relu)} (range ${formatNumber(relu.nanoseconds.low, 2)}–${formatNumber(relu.nanoseconds.high, 2)}), ${each}.${loop}${forward}`;
  const expensive = others.filter((row) => ['tanh', 'sigmoid', 'gelu', 'gelu-tanh', 'elu', 'silu', 'softplus'].includes(row.activation));
  const cheapest = expensive.length > 0 && expensive.every((row) => row.nanoseconds.median > relu.nanoseconds.median);
  return cheapest
    ? { verdict: VERDICTS.true, sentence: `${sentence} ReLU is the cheapest of those that need exp, tanh or erf: the claim is true.` }
    : { verdict: VERDICTS.notShown, sentence: `${sentence} In this run ReLU was not cheaper than every activation that needs exp, tanh or erf.` };
}
