// Component: the network diagram. Columns for the inputs, every hidden layer and the output;
// each hidden unit is a square showing its activation map over the input plane, with an
// accessible button on top of it (roving tabindex: Tab enters, arrow keys move). Dead units
// are greyed, hatched and badged "✕"; nearly dead ones get a dashed border and "!". When a unit
// is selected, a card below shows its formula with live weights, its state and why, and a
// larger map. When an example is traced, its values and gates are drawn on the diagram.
//
// Contract: createDiagram(container, { onSelectUnit({ layer, unit }) }) → { update, destroy }.
// update(snapshot) is called once per drawn frame; its typed arrays are views into wasm memory
// that are copied here and never kept.
import { sizeCanvas } from '../../../canvas.js';
import { diagramGeometry, drawNetworkDiagram, drawUnitSquare } from '../../../draw/network-diagram.js';
import { watchMedia, watchWidth } from '../../../media.js';
import { readNetworkTheme } from './view-theme.js';
import {
  activationFormula,
  activationName,
  formatNorm,
  formatNumber,
  formatShare,
  norm,
  pointsPhrase,
  preActivationFormula,
  stateReason,
  stateWords,
  subscript,
  unitLabel,
  unitName,
  unitState,
} from './unit-text.js';

const BADGES = { dead: '✕', inactive: '−', 'nearly-dead': '!', 'nearly-inactive': '!' };
const CARD_MAP_SIZE = 120;

/** Small inline legend samples; colours come from CSS classes. */
const sample = (body) =>
  `<svg class="diagram-legend__sample" viewBox="0 0 36 16" aria-hidden="true" focusable="false">${body}</svg>`;
const LEGEND = `
  <li>${sample('<line x1="2" y1="8" x2="34" y2="8" class="diagram-legend__positive"/>')}<span>solid orange: positive weight</span></li>
  <li>${sample('<line x1="2" y1="8" x2="34" y2="8" class="diagram-legend__negative"/>')}<span>dashed blue: negative weight; thicker lines are larger weights</span></li>
  <li><span class="diagram-legend__unit diagram-legend__unit--dead" aria-hidden="true">✕</span><span>hatched with ✕: <strong>dead</strong>, z ≤ 0 on every training point</span></li>
  <li><span class="diagram-legend__unit diagram-legend__unit--nearly" aria-hidden="true">!</span><span>dashed with !: <strong>nearly dead</strong>, active on under 5% of training points</span></li>
  <li data-legend="inactive" hidden><span class="diagram-legend__unit diagram-legend__unit--inactive" aria-hidden="true">−</span><span>dotted with −: <strong>inactive</strong> (not ReLU: z ≤ 0 everywhere, still passes gradient)</span></li>
  <li data-legend="trace" hidden><span class="diagram-legend__glyph" aria-hidden="true">⊣</span><span>gate closed: no gradient passes back</span></li>
  <li data-legend="trace" hidden><span class="diagram-legend__glyph" aria-hidden="true">←</span><span>gradient passes to the weights; z, a: forward values; ∂a, ∂z: dL/da, dL/dz</span></li>`;

/** An RGBA view as a Uint8ClampedArray over the same bytes (views may arrive as Uint8Array). */
function clampedView(view) {
  if (view instanceof Uint8ClampedArray) return view;
  return new Uint8ClampedArray(view.buffer, view.byteOffset, view.byteLength);
}

/** Set `text` on `element` only when it changed (no layout work every frame). */
function setText(element, text) {
  if (element.textContent !== text) element.textContent = text;
}

function setAttribute(element, name, value) {
  if (element.getAttribute(name) !== value) element.setAttribute(name, value);
}

/**
 * Mount the diagram into `container`.
 * options: {
 *   onSelectUnit({ layer, unit }): a unit was hovered, focused or tapped (0-based indices),
 *   headingLevel: level of the unit card's heading (3),
 *   idPrefix: prefix for element ids (random when absent)
 * }
 * Returns { update(snapshot), destroy() }.
 */
export function createDiagram(container, options = {}) {
  const onSelectUnit = options.onSelectUnit ?? (() => {});
  const heading = `h${options.headingLevel ?? 3}`;
  const idPrefix = options.idPrefix ?? `diagram-${crypto.randomUUID().slice(0, 8)}`;
  const id = (name) => `${idPrefix}-${name}`;

  container.innerHTML = `
    <div class="network-diagram">
      <p class="hint network-diagram__hint" id="${id('hint')}">Each square is a hidden unit,
      showing its output over the input plane (orange where it is positive). Hover, tap or focus
      a unit to see its formula; inside the diagram, arrow keys move between units.</p>
      <div class="network-diagram__scroller">
        <div class="network-diagram__stage" role="group" aria-describedby="${id('hint')}">
          <canvas class="network-diagram__canvas" aria-hidden="true"></canvas>
        </div>
      </div>
      <ul class="legend diagram-legend">${LEGEND}</ul>
      <section class="unit-card" aria-labelledby="${id('card-title')}" hidden>
        <canvas class="unit-card__map" role="img"></canvas>
        <div class="unit-card__body">
          <${heading} class="unit-card__title" id="${id('card-title')}"><span data-field="name"></span>
            <span class="unit-card__state" data-field="state"></span></${heading}>
          <p class="unit-card__formula"><code data-field="formula"></code></p>
          <p class="unit-card__formula"><code data-field="activation"></code></p>
          <p class="unit-card__note" data-field="inputs-note"></p>
          <dl class="unit-card__facts">
            <div><dt>Active on</dt><dd data-field="active"></dd></div>
            <div><dt>Weight size ‖w‖</dt><dd data-field="weight-size"></dd></div>
            <div><dt>Layer ‖dL/dz‖</dt><dd data-field="grad-z"></dd></div>
            <div><dt>Layer ‖dL/dW‖</dt><dd data-field="grad-w"></dd></div>
            <div data-field="trace-row" hidden><dt>Inspected point</dt><dd data-field="trace"></dd></div>
          </dl>
          <p class="unit-card__why" data-field="why"></p>
        </div>
      </section>
    </div>`;

  const root = container.querySelector('.network-diagram');
  const stage = root.querySelector('.network-diagram__stage');
  const canvas = root.querySelector('.network-diagram__canvas');
  const card = root.querySelector('.unit-card');
  const cardMap = card.querySelector('.unit-card__map');
  const cardField = (name) => card.querySelector(`[data-field="${name}"]`);
  const legendInactive = root.querySelector('[data-legend="inactive"]');
  const legendTrace = Array.from(root.querySelectorAll('[data-legend="trace"]'));

  // Plain copies of the last snapshot: enough to redraw on resize or theme change.
  const model = {
    structureKey: '',
    layout: [],
    weights: [],
    biases: [],
    slopes: [],
    states: [], // per hidden layer, per unit
    trainLayers: [],
    points: '0 training points', // pointsPhrase(train): which points the statistics count
    trace: null,
    selected: null,
  };
  let unitImages = []; // per hidden layer, per unit: an R×R canvas holding the map
  let mapsReady = false; // whether unitImages hold a map yet
  let buttons = []; // per hidden layer, per unit
  let geometry = null;
  let availableWidth = 0;
  let roving = { layer: 0, unit: 0 };
  let lastRequested = '';
  let theme = readNetworkTheme(root);

  const hiddenLayers = () => model.layout.slice(0, -1);

  function select(layer, unit) {
    const key = `${layer}.${unit}`;
    const selectedKey = model.selected ? `${model.selected.layer}.${model.selected.unit}` : '';
    if (key === lastRequested && key === selectedKey) return;
    lastRequested = key;
    onSelectUnit({ layer, unit });
  }

  function setRoving(layer, unit) {
    const previous = buttons[roving.layer]?.[roving.unit];
    if (previous) previous.tabIndex = -1;
    roving = { layer, unit };
    const next = buttons[layer]?.[unit];
    if (next) next.tabIndex = 0;
  }

  /** Rebuild the unit buttons and images after the architecture changed. */
  function rebuild() {
    const focused = stage.contains(document.activeElement) ? { ...roving } : null;
    for (const button of stage.querySelectorAll('.diagram-unit')) button.remove();
    const fragment = document.createDocumentFragment();
    buttons = hiddenLayers().map((layer, layerIndex) =>
      Array.from({ length: layer.fanOut }, (_, unit) => {
        const button = document.createElement('button');
        button.type = 'button';
        button.className = 'diagram-unit';
        button.tabIndex = -1;
        button.dataset.layer = String(layerIndex);
        button.dataset.unit = String(unit);
        button.innerHTML = '<span class="diagram-unit__badge" aria-hidden="true"></span>';
        fragment.append(button);
        return button;
      }),
    );
    stage.append(fragment);
    unitImages = buttons.map((layer) => layer.map(() => document.createElement('canvas')));
    mapsReady = false;
    // Keep the roving position (and focus) on the nearest unit that still exists.
    const layer = Math.max(0, Math.min(roving.layer, buttons.length - 1));
    const unit = buttons.length ? Math.min(roving.unit, buttons[layer].length - 1) : 0;
    roving = { layer, unit };
    const target = buttons[layer]?.[unit];
    if (target) target.tabIndex = 0;
    if (focused && target) target.focus();
    legendInactive.hidden = !model.layout.slice(0, -1).some((l) => l.activation !== 'relu');
  }

  /** Recompute where everything sits and move the buttons there. */
  function place() {
    if (!availableWidth || !model.layout.length) return;
    const sizes = [model.layout[0].fanIn, ...model.layout.map((layer) => layer.fanOut)];
    geometry = diagramGeometry(sizes, availableWidth);
    stage.style.width = `${geometry.width}px`;
    stage.style.height = `${geometry.height}px`;
    buttons.forEach((layer, layerIndex) =>
      layer.forEach((button, unit) => {
        const node = geometry.columns[layerIndex + 1][unit];
        Object.assign(button.style, {
          left: `${node.x}px`,
          top: `${node.y}px`,
          width: `${node.size}px`,
          height: `${node.size}px`,
        });
      }),
    );
  }

  const unitImage = (layer, unit) => (mapsReady ? (unitImages[layer]?.[unit] ?? null) : null);

  function draw() {
    if (!geometry) return;
    const ctx = sizeCanvas(canvas, geometry.width, geometry.height);
    drawNetworkDiagram(ctx, {
      width: geometry.width,
      height: geometry.height,
      geometry,
      inputLabels: ['x₁', 'x₂'].slice(0, model.layout[0].fanIn),
      outputLabel: 'out',
      layers: model.states.map((states, layer) => ({
        units: states.map((state, unit) => ({ image: unitImage(layer, unit), state })),
      })),
      weights: model.weights,
      trace: model.trace,
      formatValue: formatNumber,
      theme,
    });
    drawCard();
  }

  /** Copy the snapshot's parameters (a view) into plain per-layer arrays. */
  function copyParameters(layout, params) {
    // A detached view (wasm memory grew after it was taken) has length 0: keep the last copy.
    if (!params || params.length === 0) return;
    model.weights = layout.map((layer) => ({
      fanIn: layer.fanIn,
      fanOut: layer.fanOut,
      values: params.slice(layer.weights, layer.weights + layer.fanIn * layer.fanOut),
    }));
    model.biases = layout.map((layer) => params.slice(layer.biases, layer.biases + layer.fanOut));
    model.slopes = layout.map((layer) =>
      layer.slopes === null || layer.slopes === undefined
        ? null
        : params.slice(layer.slopes, layer.slopes + layer.fanOut),
    );
  }

  /** Paint every unit's R×R map from the pixel view into its own canvas (a copy). */
  function copyUnitMaps(unitPixels, resolution) {
    const count = buttons.flat().length;
    const bytes = resolution * resolution * 4;
    if (!unitPixels || !resolution || unitPixels.length < count * bytes) return;
    const pixels = clampedView(unitPixels);
    let index = 0;
    unitImages.forEach((layer) =>
      layer.forEach((image) => {
        if (image.width !== resolution) image.width = resolution;
        if (image.height !== resolution) image.height = resolution;
        const slice = pixels.subarray(index * bytes, (index + 1) * bytes);
        image.getContext('2d').putImageData(new ImageData(slice, resolution, resolution), 0, 0);
        index += 1;
      }),
    );
    mapsReady = true;
  }

  function updateUnits() {
    model.states.forEach((states, layer) =>
      states.forEach((state, unit) => {
        const button = buttons[layer][unit];
        const share = model.trainLayers[layer]?.units[unit]?.activeShare ?? NaN;
        setAttribute(button, 'aria-label', unitLabel(layer, unit, state, share, model.points));
        setAttribute(button, 'data-state', state);
        setAttribute(button, 'data-dead', String(state === 'dead'));
        setAttribute(button, 'data-nearly-dead', String(state.startsWith('nearly')));
        setText(button.firstChild, BADGES[state] ?? '');
        const selected = model.selected?.layer === layer && model.selected?.unit === unit;
        button.classList.toggle('is-selected', selected);
        if (selected) setAttribute(button, 'aria-current', 'true');
        else if (button.hasAttribute('aria-current')) button.removeAttribute('aria-current');
      }),
    );
    const units = model.states.flat();
    const count = (state) => units.filter((s) => s === state).length;
    const widths = hiddenLayers().map((layer) => layer.fanOut);
    const names = [...new Set(hiddenLayers().map((layer) => activationName(layer.activation)))];
    const shape = widths.length ? `${widths.join(' → ')} ${names.join('/')} units` : 'no hidden layer';
    const flags = [
      `${count('dead')} of ${units.length} hidden units dead`,
      count('nearly-dead') ? `${count('nearly-dead')} nearly dead` : '',
      count('inactive') ? `${count('inactive')} inactive` : '',
    ].filter(Boolean);
    setAttribute(
      stage,
      'aria-label',
      `Network diagram: ${model.layout[0]?.fanIn ?? 2} inputs → ${shape} → 1 output. ` +
        `On the ${model.points}: ${flags.join(', ')}.`,
    );
  }

  function drawCard() {
    const selected = model.selected;
    const layout = hiddenLayers()[selected?.layer];
    if (!selected || !layout || selected.unit >= layout.fanOut) {
      card.hidden = true;
      return;
    }
    card.hidden = false;
    const { layer, unit } = selected;
    const state = model.states[layer][unit];
    const stats = model.trainLayers[layer];
    const unitStats = stats?.units[unit];
    const weights = model.weights[layer].values;
    const row = Array.from(weights.subarray(unit * layout.fanIn, (unit + 1) * layout.fanIn));
    const bias = model.biases[layer][unit];
    setText(cardField('name'), unitName(layer, unit));
    setText(cardField('state'), stateWords(state) || 'active');
    cardField('state').dataset.state = state;
    setText(cardField('formula'), preActivationFormula(row, bias, layer));
    const preluSlope = model.slopes[layer]?.[unit] ?? null;
    setText(cardField('activation'), activationFormula(layout.activation, preluSlope));
    setText(
      cardField('inputs-note'),
      layer === 0
        ? 'x₁, x₂: the point’s coordinates; z: the unit’s input; a: its output.'
        : `a${subscript(1)}…a${subscript(layout.fanIn)}: the outputs of layer ${layer}` +
            (layout.fanIn > 4 ? '; the largest terms are shown, “…” stands for the rest.' : '.'),
    );
    setText(
      cardField('active'),
      unitStats ? `${formatShare(unitStats.activeShare)} of ${model.points}` : '—',
    );
    setText(cardField('weight-size'), formatNumber(norm(row)));
    setText(cardField('grad-z'), formatNorm(stats?.gradZNorm));
    setText(cardField('grad-w'), formatNorm(stats?.gradWNorm));
    setText(cardField('why'), stateReason(state, layer, layout.activation));
    const traced = model.trace?.layers[layer];
    cardField('trace-row').hidden = !traced;
    if (traced) {
      setText(
        cardField('trace'),
        `z = ${formatNumber(traced.z[unit])}, a = ${formatNumber(traced.a[unit])}, ` +
          `gate f′(z) = ${formatNumber(traced.gate[unit])}` +
          (traced.gate[unit] === 0 ? ' (closed)' : ''),
      );
    }
    setAttribute(
      cardMap,
      'aria-label',
      `Map of ${unitName(layer, unit).toLowerCase()}’s output over the input plane, −6 to 6 on ` +
        'both axes: orange where it is positive, blue where negative, pale where 0' +
        (state === 'dead' ? '; hatched because the unit is dead.' : '.'),
    );
    const ctx = sizeCanvas(cardMap, CARD_MAP_SIZE, CARD_MAP_SIZE);
    ctx.clearRect(0, 0, CARD_MAP_SIZE, CARD_MAP_SIZE);
    const image = unitImage(layer, unit);
    drawUnitSquare(ctx, { x: 0, y: 0, size: CARD_MAP_SIZE, image, state, theme });
  }

  function update(snapshot) {
    const layout = snapshot.layout ?? [];
    const structureKey = layout.map((l) => `${l.fanIn}:${l.fanOut}:${l.activation}`).join(',');
    model.layout = layout;
    if (structureKey !== model.structureKey) {
      model.structureKey = structureKey;
      rebuild();
      place();
    }
    copyParameters(layout, snapshot.params);
    copyUnitMaps(snapshot.unitPixels, snapshot.resolution);
    const train = snapshot.train;
    model.trainLayers = train?.layers ?? [];
    model.points = pointsPhrase(train);
    model.states = hiddenLayers().map((layer, index) => {
      const stats = model.trainLayers[index];
      return Array.from({ length: layer.fanOut }, (_, unit) =>
        stats ? unitState(stats.units[unit], stats.canDie) : 'active',
      );
    });
    // Without a step yet, show the first one, as the inspector does.
    const step = snapshot.traceStep ?? { phase: 'forward', layer: 0 };
    model.trace = snapshot.trace
      ? { step, layers: snapshot.trace.layers, point: snapshot.point ?? null }
      : null;
    model.selected = snapshot.selected ?? null;
    if (model.selected && buttons[model.selected.layer]?.[model.selected.unit]) {
      if (!stage.contains(document.activeElement)) setRoving(model.selected.layer, model.selected.unit);
    }
    legendTrace.forEach((item) => (item.hidden = !model.trace));
    updateUnits();
    draw();
  }

  // ---- interaction -------------------------------------------------------------------------

  const unitOf = (target) => {
    const button = target.closest?.('.diagram-unit');
    return button ? { layer: Number(button.dataset.layer), unit: Number(button.dataset.unit) } : null;
  };

  const onFocusIn = (event) => {
    const hit = unitOf(event.target);
    if (!hit) return;
    setRoving(hit.layer, hit.unit);
    select(hit.layer, hit.unit);
  };
  const onClick = (event) => {
    const hit = unitOf(event.target);
    if (hit) select(hit.layer, hit.unit);
  };
  const onPointerOver = (event) => {
    if (event.pointerType !== 'mouse') return;
    const hit = unitOf(event.target);
    if (hit) select(hit.layer, hit.unit);
  };
  const onKeyDown = (event) => {
    const hit = unitOf(event.target);
    if (!hit || event.altKey || event.ctrlKey || event.metaKey) return;
    let { layer, unit } = hit;
    const last = buttons.length - 1;
    switch (event.key) {
      case 'ArrowDown':
        unit += 1;
        break;
      case 'ArrowUp':
        unit -= 1;
        break;
      case 'ArrowRight':
        layer = Math.min(last, layer + 1);
        break;
      case 'ArrowLeft':
        layer = Math.max(0, layer - 1);
        break;
      case 'Home':
        unit = 0;
        break;
      case 'End':
        unit = buttons[layer].length - 1;
        break;
      default:
        return;
    }
    event.preventDefault();
    unit = Math.max(0, Math.min(buttons[layer].length - 1, unit));
    setRoving(layer, unit);
    buttons[layer][unit].focus();
  };
  stage.addEventListener('focusin', onFocusIn);
  stage.addEventListener('click', onClick);
  stage.addEventListener('pointerover', onPointerOver);
  stage.addEventListener('keydown', onKeyDown);

  const stopWidth = watchWidth(root, (width) => {
    availableWidth = width;
    place();
    draw();
  });
  const scheme = watchMedia('(prefers-color-scheme: dark)', () => {
    theme = readNetworkTheme(root);
    draw();
  });

  return {
    update,
    destroy() {
      stopWidth();
      scheme.stop();
      stage.removeEventListener('focusin', onFocusIn);
      stage.removeEventListener('click', onClick);
      stage.removeEventListener('pointerover', onPointerOver);
      stage.removeEventListener('keydown', onKeyDown);
      container.replaceChildren();
    },
  };
}
