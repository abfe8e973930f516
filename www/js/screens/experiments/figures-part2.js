// The figures of part 2's experiments (cost, convergence, negative inputs, sparsity, ReLU′(0),
// saturation): plot panels, legend, note, table and text alternative from the results JSON.
// Pure functions; no DOM, no wasm.
import { BASELINE, TIMING_NOTE } from '../../experiments/cost.js';
import { convergenceSummary } from '../../experiments/convergence.js';
import { meanSparsity } from '../../experiments/sparsity.js';
import { saturationName } from '../../experiments/saturation.js';
import { median, spread } from '../../experiments/summary.js';
import { formatInteger, formatLoss, formatNumber, formatRate, formatShare } from '../../text/format.js';
import { activationName, datasetName, optimizerName } from '../../text/names.js';

const legendOf = (series) => series.map(({ label, slot, reference }) => ({ label, slot, reference }));

export function costFigure(results) {
  const rows = results.timings;
  const categories = rows.map((r) => (r.activation === BASELINE ? 'loop alone' : activationName(r.activation)));
  const evaluation = { label: 'time per evaluation (median; range fastest–slowest)', slot: 0, points: rows.map((r, x) => ({ x, y: r.nanoseconds.median, low: r.nanoseconds.low, high: r.nanoseconds.high })) };
  const forward = { label: 'time per forward pass (median; range)', slot: 1, points: rows.filter((r) => r.forwardMilliseconds).map((r) => ({ x: rows.indexOf(r), y: r.forwardMilliseconds.median, low: r.forwardMilliseconds.low, high: r.forwardMilliseconds.high })) };
  const spec = (label) => ({ xScale: 'category', categories, yScale: 'linear', xLabel: 'activation', yLabel: label, joinPoints: false });
  return {
    panels: [
      { kind: 'lines', label: 'Dot plot: nanoseconds per evaluation of each activation', spec: { ...spec('nanoseconds per evaluation'), series: [evaluation] } },
      { kind: 'lines', label: 'Dot plot: milliseconds per forward pass with each activation', spec: { ...spec('milliseconds per pass'), series: [forward] } },
    ],
    legend: legendOf([evaluation, forward]),
    note: TIMING_NOTE,
    table: {
      caption: `Timings in this browser: ${formatInteger(results.evaluations)} evaluations per timing, forward passes of 2-[${results.layers.join(', ')}]-1 on ${formatInteger(results.points)} points; median and range over the repeats`,
      columns: ['activation', 'ns per evaluation', 'range', 'ms per forward pass', 'range', 'repeats'],
      rows: rows.map((r, i) => [categories[i], formatNumber(r.nanoseconds.median, 3), `${formatNumber(r.nanoseconds.low, 3)} – ${formatNumber(r.nanoseconds.high, 3)}`, formatNumber(r.forwardMilliseconds?.median, 3), r.forwardMilliseconds ? `${formatNumber(r.forwardMilliseconds.low, 3)} – ${formatNumber(r.forwardMilliseconds.high, 3)}` : '—', formatInteger(r.nanoseconds.repeats)]),
    },
    alt: `Per evaluation: ${rows.map((r, i) => `${categories[i]} ${formatNumber(r.nanoseconds.median, 2)} ns`).join(', ')}. Per forward pass: ${rows.map((r, i) => `${categories[i]} ${formatNumber(r.forwardMilliseconds?.median, 3)} ms`).join(', ')}.`,
  };
}

export function convergenceFigure(results, params) {
  const summary = convergenceSummary(results);
  const settings = [...new Set(summary.map((s) => `${s.dataset}|${s.optimizer}`))];
  const limit = results.maxSteps;
  const panels = settings.map((setting) => {
    const [dataset, optimizer] = setting.split('|');
    const rows = summary.filter((s) => s.dataset === dataset && s.optimizer === optimizer);
    const categories = rows.map((s) => `${activationName(s.activation)} (${formatRate(s.learningRate)})`);
    const reached = { label: 'each run that reached the target', slot: 0, points: rows.flatMap((s, x) => s.steps.filter((v) => v !== null).map((y) => ({ x, y }))) };
    const typical = {
      label: 'median and 10th–90th percentile of the runs that reached it',
      slot: 1,
      points: rows.map((s, x) => {
        const done = s.steps.filter((v) => v !== null);
        return done.length > 0 ? { x, y: median(done), ...spread(done) } : null;
      }).filter(Boolean),
    };
    const never = { label: `never reached (drawn at the limit, ${formatInteger(limit)})`, slot: 4, points: rows.filter((s) => s.never > 0).map((s) => ({ x: rows.indexOf(s), y: limit })) };
    return {
      kind: 'lines',
      label: `Dot plot: steps to the target on ${datasetName(dataset)} with ${optimizerName(optimizer)}, by activation`,
      spec: { xScale: 'category', categories, yScale: 'linear', yDomain: [0, limit], xLabel: `${datasetName(dataset)}, ${optimizerName(optimizer)} (rate)`, yLabel: 'steps to target', joinPoints: false, series: [reached, typical, never] },
      series: [reached, typical, never],
    };
  });
  const grid = `Learning-rate grids: plain SGD and momentum ${params.sgdRates.map(formatRate).join(', ')}; Adam ${params.adamRates.map(formatRate).join(', ')}.`;
  const chosen = results.best.map((b) => `${datasetName(b.dataset)}, ${optimizerName(b.optimizer)}, ${activationName(b.activation)}: ${formatRate(b.learningRate)}`).join('; ');
  return {
    panels: panels.map(({ kind, label, spec }) => ({ kind, label, spec })),
    legend: panels.length > 0 ? legendOf(panels[0].series) : [],
    note: `${grid} Chosen on the tuning seeds (fewest steps on average, a run that never got there counted as twice the limit): ${chosen || '—'}.`,
    table: {
      caption: `Steps to ${formatShare(results.target)} training accuracy at each activation’s best rate: median over the measured seeds (never-reached runs count as more than any), and how many never reached it within ${formatInteger(limit)} steps`,
      columns: ['data set', 'optimiser', 'activation', 'rate', 'runs', 'median steps', 'never reached', 'each run'],
      rows: summary.map((s) => [datasetName(s.dataset), optimizerName(s.optimizer), activationName(s.activation), formatRate(s.learningRate), formatInteger(s.runs), s.median === null ? `> ${formatInteger(limit)}` : formatInteger(s.median), formatInteger(s.never), s.steps.map((v) => (v === null ? 'never' : String(v))).join(', ')]),
    },
    alt: summary.map((s) => `${datasetName(s.dataset)}, ${optimizerName(s.optimizer)}, ${activationName(s.activation)}: median ${s.median === null ? `over ${formatInteger(limit)}` : formatInteger(s.median)} steps, ${s.never} of ${s.runs} never`).join('; ') + '.',
  };
}

export function negativeInputsFigure(results, params) {
  const panels = [];
  const legend = [];
  if (results.identity) {
    const { x, positive, negative, output } = results.identity;
    const series = [
      { label: 'relu(x): one unit drops the negative side', slot: 1, markers: false, points: x.map((v, i) => ({ x: v, y: positive[i] })) },
      { label: '−relu(−x): a second unit keeps it', slot: 2, markers: false, points: x.map((v, i) => ({ x: v, y: negative[i] })) },
      { label: 'the two-unit network’s output, relu(x) − relu(−x) = x', slot: 0, markers: false, points: x.map((v, i) => ({ x: v, y: output[i] })) },
    ];
    panels.push({ kind: 'lines', label: 'Line plot: relu(x), −relu(−x) and their sum, which is x', spec: { xScale: 'linear', yScale: 'linear', xLabel: 'x', yLabel: 'value', series } });
    legend.push(...legendOf(series));
  }
  const layerSeries = params.activations.map((activation, i) => ({
    label: `${activationName(activation)}: mean ÷ root mean square, per layer`,
    slot: 3 + i,
    points: results.series.filter((e) => e.activation === activation && e.shift !== null).map((e) => ({ x: e.layer, y: e.shift, low: e.low, high: e.high })),
  }));
  panels.push({ kind: 'lines', label: 'Line plot: the mean activation over its root mean square per hidden layer, by activation', spec: { xScale: 'linear', yScale: 'linear', yDomain: [-0.2, 1], xLabel: 'hidden layer', yLabel: 'mean ÷ rms of a', series: layerSeries } });
  legend.push(...legendOf(layerSeries));
  return {
    panels,
    legend,
    note: 'Mean ÷ root mean square is 0 for activations centred on zero and 1 if they were all equal and positive; it does not depend on their scale.',
    table: {
      caption: 'Per hidden layer at initialisation: the mean activation over its root mean square (median and 10th–90th percentiles over networks) and the mean activation itself',
      columns: ['activation', 'layer', 'nets', 'mean ÷ rms', 'spread', 'mean activation'],
      rows: results.series.map((e) => [activationName(e.activation), String(e.layer), formatInteger(e.nets), formatNumber(e.shift, 3), `${formatNumber(e.low, 3)} – ${formatNumber(e.high, 3)}`, formatNumber(e.mean, 3)]),
    },
    alt: `${results.identity ? `The two-unit layer’s output equals x to within ${formatNumber(results.identity.maxError, 2)}. ` : ''}${layerSeries.map((s) => `${s.label}: ${s.points.map((p) => formatNumber(p.y, 2)).join(', ')}`).join('; ')}.`,
  };
}

export function sparsityFigure(results, params) {
  const { runs } = results;
  const layers = runs[0]?.sparsityByLayer.length ?? 0;
  const layerAxis = Array.from({ length: layers }, (_, l) => l + 1);
  const byLayer = (list, field) => layerAxis.map((layer) => {
    const values = list.map((r) => r[field][layer - 1]);
    return { x: layer, y: median(values), ...spread(values) };
  });
  const plain = runs.filter((r) => r.penalty === 0);
  const layerSeries = [{ label: 'at initialisation (every data set)', slot: 0, points: runs.length > 0 ? byLayer(runs, 'sparsityAtInit') : [] }];
  params.datasets.forEach((dataset, i) => {
    const list = plain.filter((r) => r.dataset === dataset);
    if (list.length > 0) layerSeries.push({ label: `after training, ${datasetName(dataset)}`, slot: i + 1, points: byLayer(list, 'sparsityByLayer') });
  });
  const penalties = [...new Set(runs.map((r) => r.penalty))].sort((a, b) => a - b);
  const categories = penalties.map((p) => formatNumber(p));
  const penaltySeries = [
    { label: 'zero activations (mean over layers)', slot: 0, points: penalties.map((p, x) => { const v = runs.filter((r) => r.penalty === p).map((r) => meanSparsity(r.sparsityByLayer)); return { x, y: median(v), ...spread(v) }; }) },
    { label: 'test accuracy', slot: 5, points: penalties.map((p, x) => { const v = runs.filter((r) => r.penalty === p).map((r) => r.accuracy ?? 0.5); return { x, y: median(v), ...spread(v) }; }) },
  ];
  const share = { yScale: 'linear', yDomain: [0, 1], yLabel: 'share' };
  return {
    panels: [
      { kind: 'lines', label: 'Line plot: share of exactly-zero activations per hidden layer, at initialisation and after training', spec: { ...share, xScale: 'linear', xLabel: 'hidden layer', series: layerSeries } },
      { kind: 'lines', label: 'Dot plot: zero activations and test accuracy against the activation penalty', spec: { ...share, xScale: 'category', categories, xLabel: 'L1 penalty on the activations', joinPoints: true, series: penaltySeries } },
    ],
    legend: legendOf([...layerSeries, ...penaltySeries.map((s) => ({ ...s, label: `${s.label} (penalty sweep)` }))]),
    note: results.missing.length > 0 ? `Needs a newer core: ${results.missing.join(', ')}. Only the penalty 0 was measured.` : '',
    table: {
      caption: 'Share of exactly-zero activations ((example, unit) pairs) per hidden layer on the training set, and the test accuracy: medians over seeds',
      columns: ['data set', 'penalty', 'runs', 'at init, by layer', 'after training, by layer', 'accuracy'],
      rows: params.datasets.flatMap((dataset) => penalties.map((penalty) => {
        const list = runs.filter((r) => r.dataset === dataset && r.penalty === penalty);
        if (list.length === 0) return null;
        const perLayer = (field) => layerAxis.map((l) => formatShare(median(list.map((r) => r[field][l - 1])))).join(', ');
        return [datasetName(dataset), formatNumber(penalty), formatInteger(list.length), perLayer('sparsityAtInit'), perLayer('sparsityByLayer'), formatShare(median(list.map((r) => r.accuracy ?? 0.5)))];
      }).filter(Boolean)),
    },
    alt: `${layerSeries.map((s) => `${s.label}: ${s.points.map((p) => formatShare(p.y)).join(', ')}`).join('; ')}. Against the penalty: ${penaltySeries.map((s) => `${s.label} ${s.points.map((p, i) => `${categories[i]}: ${formatShare(p.y)}`).join(', ')}`).join('; ')}.`,
  };
}

export function reluAtZeroFigure(results) {
  const keys = [...new Set(results.runs.map((r) => `${r.precision}|${r.inputs}`))];
  const categories = keys.map((k) => k.replace('|', ', '));
  const share = (test) => keys.map((k, x) => {
    const runs = results.runs.filter((r) => `${r.precision}|${r.inputs}` === k);
    const seeds = [...new Set(runs.map((r) => r.seed))];
    return { x, y: seeds.filter((seed) => runs.some((r) => r.seed === seed && test(r))).length / Math.max(1, seeds.length) };
  });
  const series = [
    { label: 'seeds whose training met an exactly-zero pre-activation', slot: 0, points: share((r) => r.exactZeros > 0) },
    { label: 'seeds where ReLU′(0) = ½ or 1 changed the trained network', slot: 2, points: share((r) => r.differs) },
  ];
  return {
    panels: [{ kind: 'lines', label: 'Dot plot: share of seeds with exact zeros, and with a different trained network, by precision and inputs', spec: { xScale: 'category', categories, yScale: 'linear', yDomain: [0, 1], xLabel: 'precision, inputs', yLabel: 'share of seeds', joinPoints: false, series } }],
    legend: legendOf(series),
    note: results.missing.length > 0 ? `Needs a newer core: ${results.missing.join(', ')}.` : '',
    table: {
      caption: 'Every run: the exactly-zero pre-activations met in training, the final training loss, and whether the trained parameters differ from the same seed’s run with ReLU′(0) = 0',
      columns: ['precision, inputs', 'ReLU′(0)', 'seed', 'exact zeros', 'final loss', 'differs'],
      rows: results.runs.map((r) => [`${r.precision}, ${r.inputs}`, formatNumber(r.reluAtZero), String(r.seed), formatInteger(r.exactZeros), formatLoss(r.finalLoss), r.differs ? 'yes' : 'no']),
    },
    alt: `${series.map((s) => `${s.label}: ${s.points.map((p) => `${categories[p.x]} ${formatShare(p.y)}`).join(', ')}`).join('; ')}.`,
  };
}

export function saturationFigure(results) {
  const slopes = results.series.map((s, slot) => ({ label: saturationName(s.activation), slot, markers: false, points: results.xs.map((x, i) => ({ x, y: s.slopes[i] })) }));
  const values = results.series.map((s, slot) => ({ label: saturationName(s.activation), slot, markers: false, points: results.xs.map((x, i) => ({ x, y: s.values[i] })) }));
  const every = Math.max(1, Math.floor(results.xs.length / 12));
  const picked = results.xs.map((x, i) => i).filter((i) => i % every === 0 || i === results.xs.length - 1);
  return {
    panels: [
      { kind: 'lines', label: 'Line plot: the slope of each activation against the input, log axis', spec: { xScale: 'log', yScale: 'linear', yDomain: [0, 1.05], xLabel: 'input x (log scale)', yLabel: 'slope f′(x)', series: slopes } },
      { kind: 'lines', label: 'Line plot: the output of each activation against the input, log axes', spec: { xScale: 'log', yScale: 'log', xLabel: 'input x (log scale)', yLabel: 'output f(x)', series: values } },
    ],
    legend: legendOf(slopes),
    note: results.missing.length > 0 ? `Needs a newer core: ${results.missing.map(saturationName).join(', ')} (not drawn).` : '',
    table: {
      caption: 'Slope and output of each activation at growing inputs (from the core)',
      columns: ['x', ...results.series.flatMap((s) => [`${saturationName(s.activation)} slope`, `${saturationName(s.activation)} output`])],
      rows: picked.map((i) => [formatNumber(results.xs[i], 3), ...results.series.flatMap((s) => [formatNumber(s.slopes[i], 3), formatNumber(s.values[i], 4)])]),
    },
    alt: results.series.map((s) => `${saturationName(s.activation)}: slope ${formatNumber(s.slopes[0], 2)} at ${formatNumber(results.xs[0])}, ${formatNumber(s.slopes.at(-1), 2)} at ${formatNumber(results.xs.at(-1))}`).join('; ') + '.',
  };
}
