// Component: per-layer meters on the training set. A table with one row per hidden layer:
// sparsity (share of exact zeros) with a bar, the dead (or inactive) count with one pip per
// unit, and the gradient flow, ‖dL/dz‖ on a log scale from 10⁻⁶ to 10 with ‖dL/dW‖ beside it,
// so vanishing gradients (tiny bars in early layers) and dying units show side by side.
// Every bar has its number printed next to it.
//
// Contract: createMeters(container, options) → { update(snapshot), redraw(), destroy() }.
// A bar is redrawn only when its filled length (in device pixels), size or colours changed,
// and text and attributes are written only when they changed; while playing out of view,
// bars are not drawn at all.
import { sizeCanvas } from '../../../ui/canvas.js';
import { drawMeterBar, logShare } from '../../../draw/meter-bars.js';
import { setData, setText } from '../../../ui/dom.js';
import { readTheme } from '../../../ui/theme.js';
import { formatNorm, formatNumber, formatRatio, formatShare } from '../../../text/format.js';
import { activationName } from '../../../text/names.js';
import { NETWORK_TOKENS } from './view-theme.js';
import { marksOffUnits, NEARLY_DEAD_SHARE, pointsPhrase } from './unit-text.js';
import { watchView } from './view-watch.js';

/** The gradient bars' log scale. */
export const GRADIENT_SCALE = { min: 1e-6, max: 10 };
/** Tick positions: 10⁻⁶, 10⁻⁵, …, 1. */
const DECADES = Array.from({ length: 7 }, (_, i) =>
  logShare(10 ** (i - 6), GRADIENT_SCALE.min, GRADIENT_SCALE.max),
);
const BAR_HEIGHT = 12;

const valueOf = (cell) => cell.querySelector('.layer-meters__value');

/**
 * "Gradient ‖dL/dz‖ at layer 1 is 1/1,894 of that at layer 6" — the vanishing (or growing)
 * ratio as a factor, never a percentage.
 */
export function flowSummary(layers) {
  if (layers.length < 2) return '';
  const first = layers[0].gradZNorm;
  const last = layers[layers.length - 1].gradZNorm;
  if (!(first >= 0) || !Number.isFinite(last)) return '';
  if (last === 0) {
    // dL/da does reach the last hidden layer; its closed gates (f′(z) = 0) stop it there.
    return `dL/dz is 0 in layer ${layers.length}: the gradient dL/da reaches it from the output, ` +
      'but every gate there is closed (f′(z) = 0 on every training point), so nothing passes to the layers below.';
  }
  const ratio = first / last;
  const words = ratio >= 0.95 && ratio <= 1.05 ? 'about the same as' : ratio < 1 ? `${formatRatio(ratio)} of` : formatRatio(ratio);
  return `Gradient ‖dL/dz‖ at layer 1 is ${words} that at layer ${layers.length}.`;
}

/** Root mean square of a layer's activations over (example, unit) pairs: √(variance + mean²). */
export function activationScale(layer) {
  const mean = layer.activationMean;
  const variance = layer.activationVariance;
  if (!Number.isFinite(mean) || !Number.isFinite(variance)) return NaN;
  return Math.sqrt(Math.max(0, variance) + mean * mean);
}

const DEFAULT_HEADING = 'Layers on the training set';

/** The component's markup: heading, summary, the table's head (rows come later) and the hint. */
function metersHtml(level, idPrefix, heading) {
  return `
    <div class="layer-meters">
      <h${level} id="${idPrefix}-title">${heading}</h${level}>
      <p class="layer-meters__summary" data-field="summary"></p>
      <div class="layer-meters__scroller view-scroller">
        <table class="layer-meters__table" aria-labelledby="${idPrefix}-title">
          <thead><tr>
            <th scope="col">Layer</th>
            <th scope="col">Sparsity <span class="muted">exact zeros</span></th>
            <th scope="col" data-field="dead-heading">Dead units</th>
            <th scope="col">Activation scale <span class="muted">RMS of a</span></th>
            <th scope="col">Gradient flow <span class="muted">‖dL/dz‖, log scale 10⁻⁶ to 10</span></th>
          </tr></thead>
          <tbody></tbody>
        </table>
      </div>
      <p class="hint">Sparsity: share of (point, unit) pairs whose output is exactly 0.
      Dead: ReLU units with z ≤ 0 on every training point (other activations: “inactive”, they
      still pass gradient). Activation scale: the root mean square of the layer’s outputs a;
      with ReLU it stays level across depth with He initialisation, shrinks with Xavier and
      grows with N(0, 1). Gradient flow: the size of dL/dz in each layer, averaged over the
      training set; ‖dL/dW‖ is the weights’ gradient. Each tick on a gradient bar is a factor of 10.</p>
    </div>`;
}

/** One table row per hidden layer of `hidden` (the layout without its output layer). */
function rowsHtml(hidden) {
  return hidden
    .map(
      (layer, index) => `
        <tr data-layer="${index}">
          <th scope="row">Layer ${index + 1}<span class="muted">${layer.fanOut} ${activationName(layer.activation)}</span></th>
          <td data-field="sparsity"><span class="layer-meters__value"></span><canvas width="80" height="12" aria-hidden="true"></canvas></td>
          <td data-field="dead"><span class="layer-meters__value"></span>
            <span class="pips" aria-hidden="true">${'<span class="pip"></span>'.repeat(layer.fanOut)}</span></td>
          <td data-field="scale"><span class="layer-meters__value"></span></td>
          <td data-field="grad-z"><span class="layer-meters__value"></span><canvas width="80" height="12" aria-hidden="true"></canvas>
            <span class="layer-meters__secondary" data-field="grad-w"></span></td>
        </tr>`,
    )
    .join('');
}

/** The cells of each row of `body`, found once per rebuild. */
function rowRefs(body) {
  return Array.from(body.rows, (row) => ({
    sparsity: row.querySelector('[data-field="sparsity"]'),
    dead: row.querySelector('[data-field="dead"]'),
    scale: row.querySelector('[data-field="scale"]'),
    gradZ: row.querySelector('[data-field="grad-z"]'),
    gradW: row.querySelector('[data-field="grad-w"]'),
    pips: Array.from(row.querySelectorAll('.pip')),
  }));
}

/** A row's two bars: the sparsity share and the gradient norm on the log scale. */
function barsOf(row, value, theme) {
  return [
    {
      canvas: row.sparsity.querySelector('canvas'),
      share: Number.isFinite(value.sparsity) ? value.sparsity : null,
      ticks: [0.25, 0.5, 0.75],
      fill: theme.fill,
    },
    {
      canvas: row.gradZ.querySelector('canvas'),
      share: logShare(value.gradZNorm, GRADIENT_SCALE.min, GRADIENT_SCALE.max),
      ticks: DECADES,
      fill: theme.gradientFill,
    },
  ];
}

/**
 * Write one layer's statistics into its row (text and data-value only where they changed).
 * `activation` is the layer's activation; `gradient(value)` hides gradients without data.
 * Returns the layer's counts { dead, inactive, nearly } for the summary.
 */
function writeLayerRow(row, layer, activation, gradient) {
  // Sigmoid, tanh and the smooth ones cannot die, and z ≤ 0 everywhere is no failure for them.
  const marked = layer.canDie || marksOffUnits(activation);
  const word = layer.canDie ? 'dead' : marked ? 'inactive' : 'dead (only ReLU units die)';
  const count = layer.canDie ? layer.dead : marked ? layer.neverActive : 0;
  const nearly = marked ? layer.units.filter((u) => !u.neverActive && u.activeShare < NEARLY_DEAD_SHARE).length : 0;
  setText(valueOf(row.sparsity), formatShare(layer.sparsity));
  setData(row.sparsity, 'value', String(layer.sparsity));
  setText(valueOf(row.dead), `${count} of ${layer.units.length} ${word}` + (nearly ? `, ${nearly} nearly` : ''));
  setData(row.dead, 'value', String(count));
  const scale = activationScale(layer);
  setText(valueOf(row.scale), formatNumber(scale, 2));
  setData(row.scale, 'value', String(scale));
  layer.units.forEach((unit, u) => row.pips[u]?.classList.toggle('pip--dead', marked && unit.neverActive));
  setText(valueOf(row.gradZ), formatNorm(gradient(layer.gradZNorm)));
  setData(row.gradZ, 'value', String(gradient(layer.gradZNorm)));
  setText(row.gradW, `‖dL/dW‖ ${formatNorm(gradient(layer.gradWNorm))}`);
  setData(row.gradW, 'value', String(gradient(layer.gradWNorm)));
  return { dead: layer.canDie ? count : 0, inactive: layer.canDie ? 0 : count, nearly };
}

/**
 * The summary line above the table: the dead (inactive, nearly dead) counts of every layer and
 * the gradient flow; without training data, which points were counted and no gradients.
 */
function metersSummary(layers, counts, train) {
  const total = layers.reduce((sum, layer) => sum + layer.units.length, 0);
  if (!total) return 'This network has no hidden layer.';
  const { dead, inactive, nearly } = counts;
  const parts = [
    `${dead} of ${total} units dead`,
    inactive ? `${inactive} inactive` : '',
    nearly ? `${nearly} nearly ${dead || !inactive ? 'dead' : 'inactive'}` : '',
  ].filter(Boolean);
  const noData = train?.noData === true;
  const lead = noData ? `No training data: counted over the ${pointsPhrase(train)}, without gradients. ` : '';
  const flow = noData ? '' : ` ${flowSummary(layers)}`;
  return `${lead}${parts.join(', ')}.${flow}`;
}

/**
 * Mount the meters into `container`.
 * options: {
 *   heading: text of the heading ("Layers on the training set"), headingLevel (3),
 *   idPrefix: prefix for element ids (random when absent)
 * }
 * Returns { update(snapshot), destroy() }; update reads snapshot.layout and snapshot.train.
 */
export function createMeters(container, options = {}) {
  const heading = options.heading ?? DEFAULT_HEADING;
  const idPrefix = options.idPrefix ?? `meters-${crypto.randomUUID().slice(0, 8)}`;
  container.innerHTML = metersHtml(options.headingLevel ?? 3, idPrefix, heading);
  const root = container.querySelector('.layer-meters');
  const body = root.querySelector('tbody');
  const summary = root.querySelector('[data-field="summary"]');
  let rows = [];
  let structureKey = '';
  let values = []; // plain copies per layer: { sparsity, gradZNorm }
  let barWidth = 80;
  let theme = null; // read on first use, in a frame (see diagram.js)
  let themeVersion = 0;
  let inView = true;
  const drawn = new Map(); // canvas → what it shows
  let lastTrain = null;
  let lastKey = null;

  function rebuild(hidden) {
    const allReLU = hidden.every((layer) => layer.activation === 'relu');
    setText(root.querySelector('[data-field="dead-heading"]'), allReLU ? 'Dead units' : 'Dead or inactive units');
    root.querySelector('.layer-meters__scroller').hidden = hidden.length === 0;
    body.innerHTML = rowsHtml(hidden);
    rows = rowRefs(body);
  }

  function drawBars() {
    if (!rows.length) return;
    theme ??= readTheme(root, NETWORK_TOKENS);
    const ratio = window.devicePixelRatio || 1;
    rows.forEach((row, index) => {
      const value = values[index];
      if (!value) return;
      for (const { canvas, share, ticks, fill } of barsOf(row, value, theme)) {
        const filled = share === null ? -1 : Math.round(Math.max(share * barWidth, share > 0 ? 2 : 0) * ratio);
        const key = `${barWidth}|${ratio}|${themeVersion}|${filled}`;
        if (drawn.get(canvas) === key) continue;
        drawn.set(canvas, key);
        const ctx = sizeCanvas(canvas, barWidth, BAR_HEIGHT);
        drawMeterBar(ctx, { width: barWidth, height: BAR_HEIGHT, share, ticks, theme: { ...theme, fill } });
      }
    });
  }

  function update(snapshot) {
    theme ??= readTheme(root, NETWORK_TOKENS); // before this frame changes anything (see diagram.js)
    const hidden = (snapshot.layout ?? []).slice(0, -1);
    const key = hidden.map((l) => `${l.fanOut}:${l.activation}`).join(',');
    if (key !== structureKey) {
      structureKey = key;
      rebuild(hidden);
      drawn.clear();
    }
    // The statistics may be the same object as last frame (measured less often than drawn).
    if (snapshot.train === lastTrain && key === lastKey) return;
    lastTrain = snapshot.train;
    lastKey = key;
    const layers = snapshot.train?.layers ?? [];
    // Grid statistics (no training data) have no gradients: show "—", not 0.
    const noData = snapshot.train?.noData === true;
    const gradient = (value) => (noData ? NaN : value);
    values = layers.map((layer) => ({ sparsity: layer.sparsity, gradZNorm: gradient(layer.gradZNorm) }));
    const counts = { dead: 0, inactive: 0, nearly: 0 };
    layers.forEach((layer, index) => {
      if (!rows[index]) return;
      const layerCounts = writeLayerRow(rows[index], layer, hidden[index]?.activation, gradient);
      for (const name of Object.keys(counts)) counts[name] += layerCounts[name];
    });
    setText(summary, metersSummary(layers, counts, snapshot.train));
    if (inView || !snapshot.playing) drawBars();
  }

  /** Read the colours from CSS again and redraw the bars (after a theme change). */
  function redraw() {
    theme = readTheme(root, NETWORK_TOKENS);
    themeVersion += 1;
    drawBars();
  }

  const stopWatching = watchView(root, {
    scroller: root.querySelector('.layer-meters__scroller'),
    label: `${heading} (table, scrolls sideways)`,
    onWidth(width) {
      // Room for the two bars beside the layer names, counts and scales; never below 48 px.
      barWidth = Math.round(Math.max(48, Math.min(160, (width - 230) / 3)));
      drawBars();
    },
    onScheme: redraw,
    onVisible(visible) {
      inView = visible;
      if (visible) drawBars();
    },
  });

  return {
    update,
    redraw,
    destroy() {
      stopWatching();
      container.replaceChildren();
    },
  };
}
