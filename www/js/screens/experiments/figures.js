// Each experiment's results as what the card shows: plot panels (specs for the pure draw
// functions), the legend, the table of numbers and the text alternative. Pure functions of the
// results JSON; no DOM, no wasm.
import { bornDeadFigure } from './figure-born-dead.js';
import { linearPiecesFigure } from './figure-linear-pieces.js';
import { convergenceFigure, costFigure, negativeInputsFigure, reluAtZeroFigure, saturationFigure, sparsityFigure } from './figures-part2.js';
import { median, spread } from '../../experiments/summary.js';
import { splitPairing } from '../../experiments/gradient-depth.js';
import { formatInteger, formatNumber, formatRatio, formatRate, formatShare } from '../../text/format.js';
import { activationName, initName, optimizerName } from '../../text/names.js';

/** "ReLU + He normal" for a pairing. */
const pairingLabel = (activation, init) => `${activationName(activation)} + ${initName(init).replace(/ \(.*\)/, '')}`;
const shortInit = (init) => initName(init).replace(/ \(.*\)/, '');

/** A series' first and last points as words, for the text alternative. */
function seriesSummary(series, xName, format) {
  const points = series.points.filter((p) => p.y !== null && p.y !== undefined);
  if (points.length === 0) return `${series.label}: not measured yet`;
  const first = points[0];
  const last = points.at(-1);
  return `${series.label}: ${format(first.y)} at ${xName} ${first.x}, ${format(last.y)} at ${xName} ${last.x}`;
}

function gradientFigure(results, params) {
  const order = params.pairings;
  const series = order.map((pairing, slot) => {
    const { activation, init } = splitPairing(pairing);
    const entries = results.series.filter((e) => e.activation === activation && e.init === init);
    return { label: pairingLabel(activation, init), slot, points: entries.map((e) => ({ x: e.depth, y: e.ratio, low: e.low, high: e.high })) };
  });
  const rows = results.series.map((e) => [pairingLabel(e.activation, e.init), String(e.depth), formatInteger(e.nets), formatRatio(e.ratio), `${formatRatio(e.low)} – ${formatRatio(e.high)}`, formatInteger(e.zeroRatios)]);
  return {
    panels: [{ kind: 'lines', label: 'Line plot: gradient ratio first/last hidden layer against depth, log scale', spec: { xScale: 'linear', yScale: 'log', xLabel: 'hidden layers', yLabel: 'first / last layer gradient', series } }],
    legend: series.map(({ label, slot }) => ({ label, slot })),
    table: {
      caption: 'Ratio of the gradient-flow norm |dL/dz| at the first hidden layer to the last, at initialisation: geometric mean and 10th–90th percentiles over networks',
      columns: ['activation + init', 'depth', 'nets', 'ratio', 'spread', 'nets with a zero norm'],
      rows,
    },
    alt: `${series.map((s) => seriesSummary(s, 'depth', formatRatio)).join('; ')}.`,
  };
}

function scaleFigure(results, params) {
  const series = [];
  params.inits.forEach((init, slot) => {
    const entries = results.series.filter((e) => e.init === init);
    series.push({ label: shortInit(init), slot, points: entries.map((e) => ({ x: e.layer, y: e.meanSquare, low: e.low, high: e.high })) });
    if (entries.some((e) => e.predicted !== null)) {
      series.push({ label: `${shortInit(init)}, predicted by the gain n·Var(w)/2`, slot, reference: true, points: entries.map((e) => ({ x: e.layer, y: e.predicted })) });
    }
  });
  const rows = results.series.map((e) => [shortInit(e.init), String(e.layer), formatNumber(e.meanSquare, 3), `${formatNumber(e.low, 3)} – ${formatNumber(e.high, 3)}`, formatNumber(e.predicted, 3)]);
  return {
    panels: [{ kind: 'lines', label: 'Line plot: mean of a squared per hidden layer, log scale', spec: { xScale: 'linear', yScale: 'log', xLabel: 'hidden layer', yLabel: 'mean of a²', series } }],
    legend: series.map(({ label, slot, reference }) => ({ label, slot, reference })),
    table: {
      caption: 'Mean of a² per hidden layer at initialisation: mean and 10th–90th percentiles over networks, and the prediction from the per-layer gain',
      columns: ['init', 'layer', 'mean a²', 'spread', 'predicted'],
      rows,
    },
    alt: `${series.filter((s) => !s.reference).map((s) => seriesSummary(s, 'layer', (v) => formatNumber(v, 3))).join('; ')}.`,
  };
}

/** Median and spread of a field over runs, grouped by `key(run)`; groups in first-seen order. */
function grouped(runs, key, field) {
  const groups = new Map();
  for (const run of runs) {
    const k = key(run);
    if (!groups.has(k)) groups.set(k, []);
    groups.get(k).push(run[field] ?? 0.5);
  }
  return [...groups].map(([k, values]) => ({ key: k, y: median(values), ...spread(values), runs: values.length }));
}

function dyingFigure(results, params) {
  const { runs } = results;
  const rateSeries = [];
  const tableRows = [];
  let slot = 0;
  for (const optimizer of ['sgd', 'adam']) {
    const chosen = runs.filter((r) => r.optimizer === optimizer && r.biasInit === 0);
    if (chosen.length === 0) continue;
    for (const field of ['deadShare', 'accuracy']) {
      const points = grouped(chosen, (r) => r.learningRate, field).map((g) => ({ x: g.key, y: g.y, low: g.low, high: g.high }));
      rateSeries.push({ label: `${optimizerName(optimizer)}: ${field === 'deadShare' ? 'dead units' : 'test accuracy'}`, slot: slot++, points });
    }
  }
  const biasRuns = runs.filter((r) => r.optimizer === 'sgd' && r.learningRate === params.biasRate);
  const biasSeries = ['deadShare', 'accuracy'].map((field, i) => ({
    label: field === 'deadShare' ? 'dead units' : 'test accuracy',
    slot: i,
    points: grouped(biasRuns, (r) => r.biasInit, field).sort((a, b) => a.key - b.key).map((g) => ({ x: g.key, y: g.y, low: g.low, high: g.high })),
  }));
  for (const g of grouped(runs, (r) => `${r.optimizer} ${r.learningRate} ${r.biasInit}`, 'deadShare')) {
    const [optimizer, rate, bias] = g.key.split(' ');
    const same = runs.filter((r) => r.optimizer === optimizer && String(r.learningRate) === rate && String(r.biasInit) === bias);
    const accuracy = median(same.map((r) => r.accuracy ?? 0.5));
    const diverged = same.filter((r) => r.diverged).length;
    tableRows.push([optimizerName(optimizer), formatRate(Number(rate)), formatNumber(Number(bias)), formatInteger(g.runs), formatShare(g.y), `${formatShare(g.low)} – ${formatShare(g.high)}`, formatShare(accuracy), formatInteger(diverged)]);
  }
  const zeroBias = runs.filter((r) => r.biasInit === 0);
  const layers = zeroBias[0]?.deadAtInitByLayer.length ?? 0;
  const atInit = Array.from({ length: layers }, (_, l) => formatShare(median(zeroBias.map((r) => r.deadAtInitByLayer[l]))));
  const share = { yScale: 'linear', yDomain: [0, 1], yLabel: 'share' };
  return {
    panels: [
      { kind: 'lines', label: 'Line plot: dead units and accuracy against the learning rate, log scale', spec: { ...share, xScale: 'log', xLabel: 'learning rate (bias init 0)', series: rateSeries } },
      { kind: 'lines', label: 'Line plot: dead units and accuracy against the bias init', spec: { ...share, xScale: 'linear', xLabel: `bias init (plain SGD)`, series: biasSeries } },
    ],
    legend: rateSeries.map(({ label, slot }) => ({ label, slot })),
    secondLegend: biasSeries.map(({ label, slot }) => ({ label, slot })),
    note: layers > 0 ? `Dead at initialisation with zero bias, by hidden layer (median over runs): ${atInit.join(', ')}.` : '',
    table: {
      caption: 'Dead units (on the training set) and test accuracy after training: medians and 10th–90th percentiles over seeds',
      columns: ['optimiser', 'learning rate', 'bias init', 'runs', 'dead', 'spread', 'accuracy', 'diverged'],
      rows: tableRows,
    },
    alt: `${[...rateSeries.map((s) => seriesSummary(s, 'learning rate', formatShare)), ...biasSeries.map((s) => seriesSummary({ ...s, label: `bias sweep, ${s.label}` }, 'bias init', formatShare))].join('; ')}.`,
  };
}

function revivalFigure(results, params) {
  const activations = params.activations;
  const fields = [
    ['inactiveAtStart', 'inactive at the start'],
    ['revivedShare', 'of those, active again'],
    ['accuracy', 'test accuracy'],
  ];
  const series = fields.map(([field, label], slot) => ({
    label,
    slot,
    points: activations
      .map((activation, index) => {
        const values = results.runs.filter((r) => r.activation === activation && r[field] !== null).map((r) => r[field]);
        return values.length > 0 ? { x: index, y: median(values), ...spread(values) } : null;
      })
      .filter(Boolean),
  }));
  const rows = activations.map((activation) => {
    const runs = results.runs.filter((r) => r.activation === activation);
    const cell = (field) => {
      const values = runs.filter((r) => r[field] !== null).map((r) => r[field]);
      return values.length > 0 ? formatShare(median(values)) : '—';
    };
    return [activationName(activation), formatInteger(runs.length), cell('inactiveAtStart'), cell('revivedShare'), cell('inactiveAtEnd'), cell('accuracy')];
  });
  const categories = activations.map(activationName);
  return {
    panels: [{ kind: 'lines', label: 'Dot plot: share of units inactive at the start, revived, and accuracy, by activation', spec: { xScale: 'category', categories, yScale: 'linear', yDomain: [0, 1], xLabel: 'activation', yLabel: 'share', joinPoints: false, series } }],
    legend: series.map(({ label, slot }) => ({ label, slot })),
    table: {
      caption: 'Units inactive on the training set at the start, the share of them active again after training, and the test accuracy: medians over seeds',
      columns: ['activation', 'runs', 'inactive at start', 'revived', 'inactive at end', 'accuracy'],
      rows,
    },
    alt: `${series.map((s) => `${s.label}: ${s.points.map((p) => `${categories[p.x]} ${formatShare(p.y)}`).join(', ')}`).join('; ')}.`,
  };
}

const FIGURES = Object.freeze({
  'born-dead': bornDeadFigure,
  'gradient-depth': gradientFigure,
  'activation-scale': scaleFigure,
  dying: dyingFigure,
  revival: revivalFigure,
  'linear-pieces': linearPiecesFigure,
  sparsity: sparsityFigure,
  cost: costFigure,
  convergence: convergenceFigure,
  'negative-inputs': negativeInputsFigure,
  'relu-at-zero': reluAtZeroFigure,
  saturation: saturationFigure,
});

/**
 * What the card shows for `results` of experiment `id` run with `params`.
 * @returns {{ panels: any[], legend: any[], secondLegend?: any[], note?: string, links?: any[], table: { caption: string, columns: string[], rows: any[][] }, alt: string }}
 */
export function figureOf(id, results, params) {
  return FIGURES[id](results, params);
}
