// The born-dead experiment's heat map, table and links to the Network screen. Pure.
import { NETWORK_SCREEN_LIMITS } from '../../experiments/born-dead.js';
import { defaultState, encodeHash, mergeState } from '../network/state.js';
import { formatInteger, formatShare } from '../../text/format.js';

/**
 * The Network screen's link to the cell's first born-dead network, or null when that screen
 * cannot show it (too deep or wide), or shows it on another domain where it may not be dead
 * (its plane is [−6, 6]²: the same network only when the biases are zero, by homogeneity).
 */
export function networkLink(cell, results) {
  if (cell.exampleSeed === null || cell.depth > NETWORK_SCREEN_LIMITS.layers || cell.width > NETWORK_SCREEN_LIMITS.units) return null;
  if (results.biasInit !== 0 && results.domain !== 6) return null;
  const { state } = mergeState(defaultState(), {
    network: { hidden: Array(cell.depth).fill(cell.width), activation: 'relu', init: results.init, biasInit: results.biasInit, seed: cell.exampleSeed },
  });
  return `network.html#${encodeHash(state)}`;
}

export function bornDeadFigure(results, params) {
  const widths = [...params.widths];
  const depths = [...params.depths];
  const values = depths.map((depth) =>
    widths.map((width) => {
      const cell = results.cells.find((c) => c.width === width && c.depth === depth);
      return cell && cell.nets > 0 ? cell.share : null;
    }),
  );
  const links = results.cells.map((cell) => ({ width: cell.width, depth: cell.depth, href: networkLink(cell, results) }));
  const rows = results.cells.map((cell) => {
    const link = links.find((l) => l.width === cell.width && l.depth === cell.depth)?.href;
    return [
      String(cell.width),
      String(cell.depth),
      formatInteger(cell.nets),
      formatInteger(cell.bornDead),
      formatShare(cell.share),
      formatShare(cell.formula),
      link ? { text: `open one (${cell.depth}×${cell.width})`, href: link } : '—',
    ];
  });
  const measured = results.cells.filter((c) => c.nets > 0);
  const highest = measured.reduce((a, b) => (b.share > a.share ? b : a), measured[0] ?? null);
  return {
    panels: [
      {
        kind: 'heatmap',
        label: 'Heat map: share of born-dead networks by depth (rows) and width (columns), the number in each cell',
        spec: { columns: widths, rows: depths, values, xLabel: 'units per hidden layer (width)', yLabel: 'hidden layers (depth)' },
      },
    ],
    legend: [],
    links,
    table: {
      caption: 'Share of freshly initialised networks whose output is constant on the domain, beside the one-input formula 1 − (1 − 2^−N)^H',
      columns: ['width', 'depth', 'nets', 'born dead', 'share', 'formula (1 input, [0, 1])', 'Network screen'],
      rows,
    },
    alt: highest
      ? `${measured.length} cells measured; the largest share is ${formatShare(highest.share)} at width ${highest.width} and depth ${highest.depth}.`
      : 'No cell measured yet.',
  };
}
