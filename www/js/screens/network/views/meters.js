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
import { watchMedia, watchScrollable, watchVisible, watchWidth } from '../../../ui/observe.js';
import { readTheme } from '../../../ui/theme.js';
import { formatNorm, formatShare } from '../../../text/format.js';
import { activationName } from '../../../text/names.js';
import { NETWORK_TOKENS } from './view-theme.js';
import { NEARLY_DEAD_SHARE, pointsPhrase } from './unit-text.js';

/** The gradient bars' log scale. */
export const GRADIENT_SCALE = { min: 1e-6, max: 10 };
/** Tick positions: 10⁻⁶, 10⁻⁵, …, 1. */
const DECADES = Array.from({ length: 7 }, (_, i) =>
  logShare(10 ** (i - 6), GRADIENT_SCALE.min, GRADIENT_SCALE.max),
);
const BAR_HEIGHT = 12;

const valueOf = (cell) => cell.querySelector('.layer-meters__value');

/** "Layer 1's gradient is 0.02% of layer 6's" — the vanishing ratio, in words. */
function flowSummary(layers) {
  if (layers.length < 2) return '';
  const first = layers[0].gradZNorm;
  const last = layers[layers.length - 1].gradZNorm;
  if (!(first >= 0) || !(last > 0)) return 'No gradient reaches the last hidden layer.';
  const ratio = first / last;
  const words =
    ratio >= 0.1
      ? `${(ratio * 100).toFixed(0)}%`
      : ratio >= 0.001
        ? `${(ratio * 100).toPrecision(2)}%`
        : `1/${Math.round(1 / ratio).toLocaleString('en-US')}`;
  return `Gradient ‖dL/dz‖ at layer 1 is ${words} of that at layer ${layers.length}.`;
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
  const level = options.headingLevel ?? 3;
  const idPrefix = options.idPrefix ?? `meters-${crypto.randomUUID().slice(0, 8)}`;
  container.innerHTML = `
    <div class="layer-meters">
      <h${level} id="${idPrefix}-title">${options.heading ?? 'Layers on the training set'}</h${level}>
      <p class="layer-meters__summary" data-field="summary"></p>
      <div class="layer-meters__scroller view-scroller">
        <table class="layer-meters__table" aria-labelledby="${idPrefix}-title">
          <thead><tr>
            <th scope="col">Layer</th>
            <th scope="col">Sparsity <span class="muted">exact zeros</span></th>
            <th scope="col" data-field="dead-heading">Dead units</th>
            <th scope="col">Gradient flow <span class="muted">‖dL/dz‖, log scale 10⁻⁶ to 10</span></th>
          </tr></thead>
          <tbody></tbody>
        </table>
      </div>
      <p class="hint">Sparsity: share of (point, unit) pairs whose output is exactly 0.
      Dead: ReLU units with z ≤ 0 on every training point (other activations: “inactive”, they
      still pass gradient). Gradient flow: the size of dL/dz in each layer, averaged over the
      training set; ‖dL/dW‖ is the weights’ gradient. Each tick on a gradient bar is a factor of 10.</p>
    </div>`;
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
    body.innerHTML = hidden
      .map(
        (layer, index) => `
        <tr data-layer="${index}">
          <th scope="row">Layer ${index + 1}<span class="muted">${layer.fanOut} ${activationName(layer.activation)}</span></th>
          <td data-field="sparsity"><span class="layer-meters__value"></span><canvas aria-hidden="true"></canvas></td>
          <td data-field="dead"><span class="layer-meters__value"></span>
            <span class="pips" aria-hidden="true">${'<span class="pip"></span>'.repeat(layer.fanOut)}</span></td>
          <td data-field="grad-z"><span class="layer-meters__value"></span><canvas aria-hidden="true"></canvas>
            <span class="layer-meters__secondary" data-field="grad-w"></span></td>
        </tr>`,
      )
      .join('');
    rows = Array.from(body.rows, (row) => ({
      sparsity: row.querySelector('[data-field="sparsity"]'),
      dead: row.querySelector('[data-field="dead"]'),
      gradZ: row.querySelector('[data-field="grad-z"]'),
      gradW: row.querySelector('[data-field="grad-w"]'),
      pips: Array.from(row.querySelectorAll('.pip')),
    }));
  }

  function drawBars() {
    if (!rows.length) return;
    theme ??= readTheme(root, NETWORK_TOKENS);
    rows.forEach((row, index) => {
      const value = values[index];
      if (!value) return;
      const bars = [
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
      const ratio = window.devicePixelRatio || 1;
      for (const { canvas, share, ticks, fill } of bars) {
        const filled = share === null ? -1 : Math.round(Math.max(share * barWidth, share > 0 ? 2 : 0) * ratio);
        const key = `${barWidth}|${ratio}|${themeVersion}|${filled}`;
        if (drawn.get(canvas) === key) continue;
        drawn.set(canvas, key);
        const ctx = sizeCanvas(canvas, barWidth, BAR_HEIGHT);
        const barTheme = { ...theme, fill };
        drawMeterBar(ctx, { width: barWidth, height: BAR_HEIGHT, share, ticks, theme: barTheme });
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
    let dead = 0;
    let inactive = 0;
    let nearly = 0;
    layers.forEach((layer, index) => {
      const row = rows[index];
      if (!row) return;
      const word = layer.canDie ? 'dead' : 'inactive';
      const count = layer.canDie ? layer.dead : layer.neverActive;
      if (layer.canDie) dead += count;
      else inactive += count;
      const nearlyHere = layer.units.filter((u) => !u.neverActive && u.activeShare < NEARLY_DEAD_SHARE).length;
      nearly += nearlyHere;
      setText(valueOf(row.sparsity), formatShare(layer.sparsity));
      setData(row.sparsity, 'value', String(layer.sparsity));
      setText(
        valueOf(row.dead),
        `${count} of ${layer.units.length} ${word}` + (nearlyHere ? `, ${nearlyHere} nearly` : ''),
      );
      setData(row.dead, 'value', String(count));
      layer.units.forEach((unit, u) => row.pips[u]?.classList.toggle('pip--dead', unit.neverActive));
      setText(valueOf(row.gradZ), formatNorm(gradient(layer.gradZNorm)));
      setData(row.gradZ, 'value', String(gradient(layer.gradZNorm)));
      setText(row.gradW, `‖dL/dW‖ ${formatNorm(gradient(layer.gradWNorm))}`);
      setData(row.gradW, 'value', String(gradient(layer.gradWNorm)));
    });
    const total = layers.reduce((sum, layer) => sum + layer.units.length, 0);
    const parts = [
      `${dead} of ${total} units dead`,
      inactive ? `${inactive} inactive` : '',
      nearly ? `${nearly} nearly ${dead || !inactive ? 'dead' : 'inactive'}` : '',
    ].filter(Boolean);
    const lead = noData
      ? `No training data: counted over the ${pointsPhrase(snapshot.train)}, without gradients. `
      : '';
    const flow = noData ? '' : ` ${flowSummary(layers)}`;
    setText(summary, total ? `${lead}${parts.join(', ')}.${flow}` : 'This network has no hidden layer.');
    if (inView || !snapshot.playing) drawBars();
  }

  /** Read the colours from CSS again and redraw the bars (after a theme change). */
  function redraw() {
    theme = readTheme(root, NETWORK_TOKENS);
    themeVersion += 1;
    drawBars();
  }

  const stopWidth = watchWidth(root, (width) => {
    // Room for the two bars beside the layer names and counts; never below 48 px.
    barWidth = Math.round(Math.max(48, Math.min(160, (width - 150) / 3)));
    drawBars();
  });
  const scheme = watchMedia('(prefers-color-scheme: dark)', redraw);
  const stopScrollable = watchScrollable(
    root.querySelector('.layer-meters__scroller'),
    `${options.heading ?? 'Layers on the training set'} (table, scrolls sideways)`,
  );
  const stopVisible = watchVisible(root, (visible) => {
    inView = visible;
    if (visible) drawBars();
  });

  return {
    update,
    redraw,
    destroy() {
      stopWidth();
      scheme.stop();
      stopScrollable();
      stopVisible();
      container.replaceChildren();
    },
  };
}
