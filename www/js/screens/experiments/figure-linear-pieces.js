// The linear-pieces experiment's figure: pieces against depth (one series per width, the
// sawtooth as a reference), the example network's function with its breakpoints, one hidden
// layer as a sum of hinges, and the plane's linear regions. Pure.
import { formatInteger, formatNumber } from '../../text/format.js';

function countPanel(results, params) {
  const series = params.widths.map((width, slot) => ({
    label: `${width} units per layer (median, 10th–90th percentile)`,
    slot,
    points: results.cells.filter((c) => c.width === width && c.nets > 0).map((c) => ({ x: c.depth, y: c.pieces, low: c.low, high: c.high })),
  }));
  const saw = { label: 'sawtooth: 2 units per layer, weights set by hand (2^L pieces)', slot: series.length, reference: true, points: results.sawtooth.map((s) => ({ x: s.depth, y: s.pieces })) };
  return {
    panel: { kind: 'lines', label: 'Line plot: linear pieces against depth, one line per width, log scale', spec: { xScale: 'linear', yScale: 'log', xLabel: 'hidden layers', yLabel: 'linear pieces', series: [saw, ...series] } },
    legend: [...series, saw].map(({ label, slot, reference }) => ({ label, slot, reference })),
  };
}

function examplePanel(example, domain) {
  return {
    kind: 'lines',
    label: `Line plot: the example network’s function on one input with its ${example.breakpoints.length} breakpoints marked`,
    spec: {
      xScale: 'linear',
      yScale: 'linear',
      xDomain: [-domain, domain],
      xLabel: `x (breakpoints ▲); 1-[${example.layers.join(', ')}]-1`,
      yLabel: 'network output',
      xMarks: example.breakpoints,
      series: [{ label: 'output', slot: 0, markers: false, points: example.curve }],
    },
  };
}

function hingePanel(hinges, domain) {
  const parts = hinges.parts.map((points, j) => ({ label: `hinge ${j + 1}`, slot: (j + 1) % 6, reference: true, points }));
  return {
    kind: 'lines',
    label: `Line plot: one hidden layer of ${hinges.units} units, each unit’s hinge and their sum`,
    spec: {
      xScale: 'linear',
      yScale: 'linear',
      xDomain: [-domain, domain],
      xLabel: `x; 1-[${hinges.units}]-1: output = sum of the hinges + bias`,
      yLabel: 'value',
      xMarks: hinges.hinges.map((h) => h.position).filter((p) => p !== null && p > -domain && p < domain),
      series: [...parts, { label: 'sum', slot: 0, markers: false, points: hinges.sum }],
    },
  };
}

export function linearPiecesFigure(results, params) {
  const domain = results.domain ?? params.domain;
  const { panel, legend } = countPanel(results, params);
  /** @type {any[]} */
  const panels = [panel];
  const notes = [];
  if (results.example) {
    panels.push(examplePanel(results.example, domain));
    notes.push(`The example network has ${results.example.pieces} linear pieces (${results.example.regions} intervals with one activation pattern); dense sampling at ${formatInteger(results.example.samples)} points counts ${results.example.sampledPieces}.`);
  }
  if (results.hinges) {
    panels.push(hingePanel(results.hinges, domain));
    notes.push(`One hidden layer: the output is the sum of ${results.hinges.units} hinges v·relu(w·x + b) (dotted, their positions ▲) plus the output bias ${formatNumber(results.hinges.outputBias, 2)}; it has ${results.hinges.pieces} pieces.`);
  }
  if (results.plane) {
    const { plane } = results;
    panels.push({
      kind: 'regions',
      label: `Picture: the linear regions of a 2-[${plane.layers.join(', ')}]-1 network on the plane, ${plane.count} regions, each one colour`,
      spec: { resolution: plane.resolution, region: plane.region, count: plane.count, domain },
    });
    notes.push(`The plane: ${formatInteger(plane.count)} regions of a 2-[${plane.layers.join(', ')}]-1 network on a ${plane.resolution} × ${plane.resolution} grid, each one colour with its borders drawn; on each region every unit keeps its side of 0, so the network is linear there (regions smaller than the grid’s spacing are missed).`);
  }
  const rows = results.cells.map((c) => [String(c.width), String(c.depth), formatInteger(c.nets), formatNumber(c.pieces), `${formatNumber(c.low)} – ${formatNumber(c.high)}`, formatNumber(c.mean, 3), formatNumber(c.regions)]);
  for (const s of results.sawtooth) rows.push([`2 (sawtooth)`, String(s.depth), '1', formatInteger(s.pieces), '—', formatInteger(s.pieces), formatInteger(s.pieces)]);
  const measured = results.cells.filter((c) => c.nets > 0);
  const deepest = measured.at(-1);
  return {
    panels,
    legend,
    note: notes.join(' '),
    table: {
      caption: 'Linear pieces on one input, counted exactly from the weights: median, 10th–90th percentiles and mean over networks, and the intervals with one activation pattern',
      columns: ['width', 'depth', 'nets', 'pieces (median)', 'spread', 'mean', 'activation patterns (median)'],
      rows,
    },
    alt: deepest
      ? `${measured.length} cells counted; at width ${deepest.width} and depth ${deepest.depth} the median is ${formatNumber(deepest.pieces)} pieces${results.plane ? `; the picture shows ${formatInteger(results.plane.count)} linear regions` : ''}.`
      : 'No cell counted yet.',
  };
}
