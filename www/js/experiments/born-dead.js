// Born dead (Lu, Shin, Su & Karniadakis 2020): the share of freshly initialised ReLU networks
// whose output is constant on the whole input domain, for each width and depth.
import { createProgress, free, INIT_OPTIONS, SEED_PARAM, VERDICTS } from './common.js';
import { DOMAIN_PARAM, domainText, evaluateOnDomain } from './data.js';
import { deriveSeed } from './random.js';
import { formatInteger, formatShare } from '../text/format.js';
import { initName } from '../text/names.js';

/** Deepest network the Network screen opens (its LIMITS.layers.max and units.max). */
export const NETWORK_SCREEN_LIMITS = Object.freeze({ layers: 16, units: 16 });

/** SCIENCE.md's closed form for one input on [0, 1], zero biases: 1 − (1 − 2^−N)^H. */
export function bornDeadFormula(width, depth) {
  return 1 - (1 - 2 ** -width) ** depth;
}

export const bornDead = Object.freeze({
  id: 'born-dead',
  claim: null,
  title: 'Born dead: narrow, deep ReLU networks that are constant from the start',
  question:
    'How likely is a freshly initialised ReLU network to compute a constant function on the whole input domain, for each width and depth?',
  sources: Object.freeze([
    { paper: 'lu2020', finding: 'A deep, narrow ReLU network with symmetric init is born dead (constant on the whole input domain) with a probability that tends to 1 as depth grows at fixed width.' },
  ]),
  params: Object.freeze([
    { id: 'widths', label: 'Widths (units per hidden layer)', kind: 'integers', default: [2, 3, 4, 5, 6, 7, 8], quick: [2, 4, 8], min: 1, max: 64, maxItems: 10 },
    { id: 'depths', label: 'Depths (hidden layers)', kind: 'integers', default: [1, 2, 3, 4, 6, 8, 12, 16, 24, 32], quick: [1, 4, 16], min: 1, max: 32, maxItems: 10 },
    { id: 'nets', label: 'Networks per cell', kind: 'integer', default: 200, quick: 20, min: 1, max: 2500, help: '2,500 gives a standard error of at most 0.01 (minutes).' },
    { id: 'init', label: 'Weight initialisation', kind: 'choice', default: 'he-normal', options: INIT_OPTIONS },
    { id: 'biasInit', label: 'Bias init', kind: 'number', default: 0, min: -10, max: 10 },
    { id: 'resolution', label: 'Grid points per side', kind: 'integer', default: 32, quick: 24, min: 8, max: 128, help: 'The domain is tested on an R × R grid.' },
    SEED_PARAM,
    DOMAIN_PARAM,
  ]),
  setup(params) {
    return `2 inputs on ${domainText(params.domain)} (an ${params.resolution} × ${params.resolution} grid), ReLU, ${initName(params.init)} weights, bias ${params.biasInit}; ${formatInteger(params.nets)} fresh networks per cell, seeds from base seed ${params.seed}; no training.`;
  },
  run,
  verdict,
});

/**
 * @param {any} core
 * @param {Record<string, any>} params normalised
 * @param {(progress: any) => void} [onProgress]
 */
function run(core, params, onProgress) {
  const { widths, depths, nets, init, biasInit, seed, domain, resolution } = params;
  const cost = (width, depth) => depth * (width + 2);
  let total = 0;
  for (const width of widths) for (const depth of depths) total += nets * cost(width, depth);
  const cells = [];
  const progress = createProgress(total, onProgress);
  const partial = () => ({ cells: cells.map((cell) => ({ ...cell })) });
  for (const depth of depths) {
    for (const width of widths) {
      const cell = { width, depth, nets: 0, bornDead: 0, share: 0, formula: bornDeadFormula(width, depth), exampleSeed: null };
      cells.push(cell);
      for (let index = 0; index < nets; index += 1) {
        const networkSeed = deriveSeed(seed, 'born-dead', width, depth, index);
        let network = null;
        try {
          network = new core.Network({ inputs: 2, hidden: Array(depth).fill(width), activation: 'relu', init, biasInit, seed: networkSeed });
          evaluateOnDomain(network, domain);
          const { constant } = network.outputConstantOnDomain(resolution);
          cell.nets += 1;
          if (constant) {
            cell.bornDead += 1;
            cell.exampleSeed ??= networkSeed;
          }
          cell.share = cell.bornDead / cell.nets;
        } finally {
          free(network);
        }
        progress.report(cost(width, depth), partial);
      }
    }
  }
  return { cells, grid: resolution, domain, biasInit, init };
}

/** The cell of `cells` at (width, depth). */
const cellAt = (cells, width, depth) => cells.find((cell) => cell.width === width && cell.depth === depth && cell.nets > 0);

/** @param {{ cells: any[] }} results */
function verdict(results) {
  const cells = results.cells.filter((cell) => cell.nets > 0);
  const widths = [...new Set(cells.map((cell) => cell.width))].sort((a, b) => a - b);
  const depths = [...new Set(cells.map((cell) => cell.depth))].sort((a, b) => a - b);
  if (widths.length < 2 || depths.length < 2) {
    return { verdict: VERDICTS.incomplete, sentence: 'Measure at least two widths and two depths to see how the share changes.' };
  }
  const narrow = widths[0];
  const wide = widths[widths.length - 1];
  const shallow = depths[0];
  const deep = depths[depths.length - 1];
  const a = cellAt(cells, narrow, shallow);
  const b = cellAt(cells, narrow, deep);
  const c = cellAt(cells, wide, deep);
  if (!a || !b || !c) return { verdict: VERDICTS.incomplete, sentence: 'The run stopped before the corner cells were measured.' };
  const grows = b.share > a.share;
  const falls = c.share < b.share;
  const sentence =
    `At width ${narrow}, ${formatShare(a.share)} of ${formatInteger(a.nets)} networks with ${shallow} hidden layer${shallow === 1 ? '' : 's'} ` +
    `are born dead and ${formatShare(b.share)} with ${deep}; at depth ${deep}, width ${wide} brings it to ${formatShare(c.share)}. ` +
    `The one-input formula 1 − (1 − 2^−N)^H gives ${formatShare(b.formula)} for width ${narrow} and depth ${deep}, an upper bound for two inputs on a symmetric domain.`;
  return {
    verdict: grows && falls ? VERDICTS.shown : VERDICTS.notShown,
    sentence: `${sentence} ${grows && falls ? 'The share grows with depth and falls with width, as Lu et al. found.' : 'In this run the share does not both grow with depth and fall with width.'}`,
  };
}
