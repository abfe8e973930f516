// Component: the network diagram. Columns for the inputs, every hidden layer and the output;
// each hidden unit is a square showing its activation map over the input plane, with an
// accessible button on top of it (roving tabindex: Tab enters, arrow keys move). Dead units
// are greyed, hatched and badged "✕"; nearly dead ones get a dashed border and "!". When a unit
// is selected, a card below shows its formula with live weights, its state and why, and a
// larger map. When an example is traced, its values and gates are drawn on the diagram.
//
// Contract: createDiagram(container, { onSelectUnit({ layer, unit }) })
//   → { update, redraw, destroy }.
// update(snapshot) is called once per drawn frame; its typed arrays are views into wasm memory
// that are copied here and never kept.
//
// Cost per frame: a frame repaints only what changed. One canvas holds the connections, the
// nodes and the trace, redrawn only when they changed (new weights: at once when paused; while
// playing at most every LINKS_INTERVAL_MS, LINKS_PER_FRAME lines a frame into a buffer that is
// copied in when complete, since rasterising lines is slow), and the unit maps: each shrunk in JS
// to the size it is shown at and written with one putImageData into the unit's square (no
// scaled drawImage; connections never enter the squares). The dead / nearly dead marks are CSS
// on the unit buttons above the canvas. Attributes are written only when they change, and
// while playing nothing is painted when the diagram is scrolled out of view.
import { sizeCanvas } from '../../../ui/canvas.js';
import {
  diagramGeometry,
  drawDiagramLinks,
  drawUnitSquare,
  linkParts,
  sampleColumns,
  scaleUnitMap,
} from '../../../draw/network-diagram.js';
import { watchMedia, watchWidth } from '../../../ui/observe.js';
import { watchScrollable, watchVisible } from '../../../ui/observe.js';
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
/** While playing, the connections are redrawn at most this often (ms)… */
const LINKS_INTERVAL_MS = 200;
/** …and about this many of them are drawn per frame (rasterising a line costs ~10–20 µs). */
const LINKS_PER_FRAME = 48;

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

/** Whether two lists of Float32Arrays hold the same numbers. */
function sameValues(a, b) {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i += 1) {
    const x = a[i].values ?? a[i];
    const y = b[i].values ?? b[i];
    if (x.length !== y.length) return false;
    for (let j = 0; j < x.length; j += 1) if (x[j] !== y[j] && !(x[j] !== x[j] && y[j] !== y[j])) return false;
  }
  return true;
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
      <div class="network-diagram__scroller view-scroller">
        <div class="network-diagram__stage" role="group" aria-describedby="${id('hint')}">
          <canvas class="network-diagram__canvas" aria-hidden="true"></canvas>
        </div>
      </div>
      <ul class="legend diagram-legend">${LEGEND}</ul>
      <section class="unit-card" aria-labelledby="${id('card-title')}" hidden>
        <canvas class="unit-card__map" role="img" aria-label="Map of the selected unit's output over the input plane"></canvas>
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
  const scroller = root.querySelector('.network-diagram__scroller');
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
    train: null, // the statistics object the states were computed from
    statesKey: '',
    shownSelection: null,
  };
  let buttons = []; // per hidden layer, per unit
  let maps = []; // per hidden layer, per unit: ImageData of its map, as blitted (see sizeMaps)
  let mapSide = 0; // side of a unit square in canvas pixels
  let mapGrow = false; // squares larger than the grid: maps are kept at R×R and scaled up
  let shown = []; // per hidden layer, per unit: { label, state, selected } as last written
  let stageLabel = '';
  let resolution = 0; // grid side of the unit maps
  let mapsKey = ''; // which grid the map images hold (snapshot.gridKey); '' = unknown
  let mapsReady = false; // whether the map images hold a map yet
  let scaled = { side: 0, resolution: 0, columns: null, words: null };
  let growCanvas = null; // R×R scratch canvas when maps are scaled up
  // A copy of the last paused frame's unit pixels, to repaint the maps after a resize with no
  // frame to come (while playing, the next frame repaints them).
  let savedPixels = null;
  // The selected unit's map at full grid resolution, for the unit card.
  const cardImage = document.createElement('canvas');
  let cardImageOf = ''; // "layer.unit" whose map cardImage holds
  let links = { key: '', dead: '', weights: null, traceLayers: null, at: -Infinity }; // what the links canvas shows
  let linksJob = null; // a redraw of the connections spread over frames: { data, shows, parts, next, at }
  let linksBuffer = null; // the canvas it is drawn into
  let geometry = null;
  let availableWidth = 0;
  let roving = { layer: 0, unit: 0 };
  let lastRequested = '';
  // Colours are read on first use (in a frame, when styles are up to date), not while mounting:
  // reading them then would force a style recalculation of the new content.
  let theme = null;
  let themeVersion = 0;
  let inView = true;

  const hiddenLayers = () => model.layout.slice(0, -1);
  const activeElement = () => root.getRootNode().activeElement;

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
    const focused = stage.contains(activeElement()) ? { ...roving } : null;
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
    maps = buttons.map((layer) => layer.map(() => null));
    mapSide = 0;
    shown = buttons.map((layer) => layer.map(() => ({ label: null, state: null, selected: null })));
    mapsReady = false;
    mapsKey = '';
    savedPixels = null;
    cardImageOf = '';
    links.key = '';
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
    sizeMaps();
    links.key = '';
  }

  /**
   * Size the map images for the squares' side in canvas pixels: that side when it is at most
   * the grid's (shrunk in JS, blitted with putImageData), else R×R (scaled up by drawImage).
   * New images are refilled from the last paused frame's pixels, if any.
   */
  function sizeMaps() {
    if (!geometry || !resolution) return;
    const side = Math.max(1, Math.round(geometry.unitSize * (window.devicePixelRatio || 1)));
    const grow = side > resolution;
    const imageSide = grow ? resolution : side;
    if (side === mapSide && maps.every((layer) => layer.every((image) => image?.width === imageSide))) return;
    mapSide = side;
    mapGrow = grow;
    maps = maps.map((layer) => layer.map(() => new ImageData(imageSide, imageSide)));
    mapsKey = '';
    mapsReady = false;
    if (savedPixels) fillMaps(savedPixels, null);
  }

  /** The data of the links layer (everything but the unit maps). */
  function linksData() {
    theme ??= readNetworkTheme(root);
    return {
      width: geometry.width,
      height: geometry.height,
      geometry,
      inputLabels: ['x₁', 'x₂'].slice(0, model.layout[0].fanIn),
      outputLabel: 'out',
      layers: model.states.map((states) => ({ units: states.map((state) => ({ image: null, state })) })),
      weights: model.weights,
      trace: model.trace,
      formatValue: formatNumber,
      theme,
    };
  }

  /**
   * Redraw the connections layer when what it shows changed: at once for the size, the theme
   * or the traced step; for new weights, units turning dead or alive (their connections fade)
   * and new traced values, at once when paused, and while playing at most every
   * LINKS_INTERVAL_MS and spread over frames (see drawLinksPart). `force` redraws at once in
   * any case. Returns whether the canvas was redrawn (and so the maps put again).
   */
  function drawLinks(playing, force = false) {
    if (!geometry || !model.layout.length) return false;
    const trace = model.trace;
    const key = [
      geometry.width,
      geometry.height,
      window.devicePixelRatio || 1,
      themeVersion,
      model.structureKey,
      trace ? `${trace.step.phase}${trace.step.layer}:${trace.point?.x1},${trace.point?.x2}` : '',
    ].join('#');
    const dead = model.states.map((states) => states.map((state) => (state === 'dead' ? 1 : 0)).join('')).join('|');
    const shows = { key, dead, weights: model.weights, traceLayers: trace?.layers };
    const now = performance.now();
    const changed = () =>
      dead !== links.dead ||
      trace?.layers !== links.traceLayers ||
      (links.weights !== model.weights && !(links.weights && sameValues(links.weights, model.weights)));
    // The very first drawing while playing is spread over frames like any other (start-up).
    const first = links.key === '' && playing && !force && !linksJob;
    if (first) {
      sizeCanvas(canvas, geometry.width, geometry.height);
      links.key = key;
      links.at = -Infinity;
      blitMaps();
    }
    if (force || key !== links.key || (!playing && (linksJob || changed()))) {
      // All at once, on the canvas.
      linksJob = null;
      const ctx = sizeCanvas(canvas, geometry.width, geometry.height);
      drawDiagramLinks(ctx, linksData());
      links = { ...shows, at: now };
      blitMaps();
      return true;
    }
    if (!playing) return false;
    if (!linksJob) {
      if (!first && (now - links.at < LINKS_INTERVAL_MS || !changed())) return false;
      const data = linksData();
      linksJob = { data, shows, parts: linkParts(data.weights, LINKS_PER_FRAME), next: 0, at: now };
    }
    return drawLinksPart();
  }

  /**
   * Draw the next part of the pending connections into an off-screen buffer and rasterise it
   * now (a frame pays for a few dozen lines, not for all of them); with the last part, copy
   * the buffer onto the canvas and put the maps again. Returns whether the canvas changed.
   */
  function drawLinksPart() {
    const job = linksJob;
    if (!linksBuffer) {
      linksBuffer = document.createElement('canvas');
      // Read back once a frame to rasterise the part now: keep it in memory, not on a GPU.
      linksBuffer.getContext('2d', { willReadFrequently: true });
    }
    const buffer = sizeCanvas(linksBuffer, geometry.width, geometry.height);
    drawDiagramLinks(buffer, job.data, job.parts[job.next]);
    job.next += 1;
    if (job.next < job.parts.length) {
      buffer.getImageData(0, 0, 1, 1);
      return false;
    }
    linksJob = null;
    const ctx = sizeCanvas(canvas, geometry.width, geometry.height);
    ctx.save();
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, canvas.width, canvas.height);
    ctx.drawImage(linksBuffer, 0, 0);
    ctx.restore();
    links = { ...job.shows, at: job.at };
    blitMaps();
    return true;
  }

  /** Repaint everything from the model (resize, theme): links and the card. */
  function draw() {
    if (!geometry) return;
    drawLinks(false, true);
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

  /** Words over a view's bytes (a copy when the view is not 4-byte aligned). */
  function wordsOf(pixels) {
    if (pixels.byteOffset % 4 === 0) return new Uint32Array(pixels.buffer, pixels.byteOffset, pixels.length >> 2);
    if (!scaled.words || scaled.words.length !== pixels.length >> 2) scaled.words = new Uint32Array(pixels.length >> 2);
    new Uint8Array(scaled.words.buffer).set(pixels);
    return scaled.words;
  }

  /**
   * Fill the map images from the pixel view (R×R per unit, one after the other): shrunk to the
   * squares' side, or copied. Skipped when the snapshot says the grid is the one they already
   * hold (snapshot.gridKey). Returns whether they changed.
   */
  function fillMaps(unitPixels, gridKey) {
    const count = maps.reduce((sum, layer) => sum + layer.length, 0);
    const bytes = resolution * resolution * 4;
    if (!unitPixels || !resolution || !count || !mapSide || unitPixels.length < count * bytes) return false;
    const key = gridKey === undefined || gridKey === null ? '' : `${gridKey}`;
    if (key && key === mapsKey) return false;
    const pixels = clampedView(unitPixels);
    let words = null;
    let index = 0;
    for (const layer of maps) {
      for (const image of layer) {
        if (image.width === resolution) {
          image.data.set(pixels.subarray(index * bytes, (index + 1) * bytes));
        } else {
          words ??= wordsOf(pixels);
          if (scaled.side !== image.width || scaled.resolution !== resolution) {
            scaled = { ...scaled, side: image.width, resolution, columns: sampleColumns(resolution, image.width) };
          }
          const target = new Uint32Array(image.data.buffer);
          scaleUnitMap(words, index * resolution * resolution, resolution, target, image.width, scaled.columns);
        }
        index += 1;
      }
    }
    mapsKey = key;
    mapsReady = true;
    return true;
  }

  /** Put every unit's map into its square of the canvas (drawn by drawLinks first). */
  function blitMaps() {
    if (!geometry) return;
    const ctx = canvas.getContext('2d');
    if (!mapsReady || !mapSide) {
      // No map yet: plain squares.
      theme ??= readNetworkTheme(root);
      ctx.fillStyle = theme.background;
      for (const column of geometry.columns.slice(1, -1)) {
        for (const node of column) ctx.fillRect(node.x, node.y, node.size, node.size);
      }
      return;
    }
    const ratio = canvas.width / geometry.width;
    if (mapGrow) {
      if (!growCanvas) growCanvas = document.createElement('canvas');
      growCanvas.width = resolution;
      growCanvas.height = resolution;
    }
    const grow = growCanvas?.getContext('2d');
    maps.forEach((layer, layerIndex) =>
      layer.forEach((image, unit) => {
        const node = geometry.columns[layerIndex + 1][unit];
        if (!mapGrow) {
          ctx.putImageData(image, Math.round(node.x * ratio), Math.round(node.y * ratio));
        } else {
          grow.putImageData(image, 0, 0);
          ctx.imageSmoothingEnabled = true;
          ctx.drawImage(growCanvas, node.x, node.y, node.size, node.size);
        }
      }),
    );
  }

  /** Keep the selected unit's full-resolution map for the card (when it is shown). */
  function copyCardMap(unitPixels) {
    const selected = model.selected;
    if (!selected || !unitPixels || !resolution || !buttons[selected.layer]?.[selected.unit]) return;
    const bytes = resolution * resolution * 4;
    const index = hiddenLayers().slice(0, selected.layer).reduce((sum, layer) => sum + layer.fanOut, 0) + selected.unit;
    const slice = clampedView(unitPixels).subarray(index * bytes, (index + 1) * bytes);
    if (slice.length !== bytes) return;
    if (cardImage.width !== resolution) cardImage.width = resolution;
    if (cardImage.height !== resolution) cardImage.height = resolution;
    cardImage.getContext('2d').putImageData(new ImageData(slice, resolution, resolution), 0, 0);
    cardImageOf = `${selected.layer}.${selected.unit}`;
  }

  /** The units' names, marks and selection: written only where they changed. */
  function updateUnits() {
    model.states.forEach((states, layer) =>
      states.forEach((state, unit) => {
        const button = buttons[layer][unit];
        const last = shown[layer][unit];
        const share = model.trainLayers[layer]?.units[unit]?.activeShare ?? NaN;
        const label = unitLabel(layer, unit, state, share, model.points);
        if (label !== last.label) {
          button.setAttribute('aria-label', label);
          last.label = label;
        }
        if (state !== last.state) {
          button.setAttribute('data-state', state);
          button.setAttribute('data-dead', String(state === 'dead'));
          button.setAttribute('data-nearly-dead', String(state.startsWith('nearly')));
          button.lastChild.textContent = BADGES[state] ?? '';
          last.state = state;
        }
        const selected = model.selected?.layer === layer && model.selected?.unit === unit;
        if (selected !== last.selected) {
          button.classList.toggle('is-selected', selected);
          if (selected) button.setAttribute('aria-current', 'true');
          else button.removeAttribute('aria-current');
          last.selected = selected;
        }
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
    const label =
      `Network diagram: ${model.layout[0]?.fanIn ?? 2} inputs → ${shape} → 1 output. ` +
      `On the ${model.points}: ${flags.join(', ')}.`;
    if (label !== stageLabel) {
      stage.setAttribute('aria-label', label);
      stageLabel = label;
    }
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
    theme ??= readNetworkTheme(root);
    const ctx = sizeCanvas(cardMap, CARD_MAP_SIZE, CARD_MAP_SIZE);
    ctx.clearRect(0, 0, CARD_MAP_SIZE, CARD_MAP_SIZE);
    const image = mapsReady && cardImageOf === `${layer}.${unit}` ? cardImage : null;
    drawUnitSquare(ctx, { x: 0, y: 0, size: CARD_MAP_SIZE, image, state, theme });
  }

  function update(snapshot) {
    // Before this frame changes anything: reading styles later would force a recalculation.
    theme ??= readNetworkTheme(root);
    const layout = snapshot.layout ?? [];
    const structureKey = layout.map((l) => `${l.fanIn}:${l.fanOut}:${l.activation}`).join(',');
    model.layout = layout;
    if (structureKey !== model.structureKey) {
      model.structureKey = structureKey;
      rebuild();
      place();
    }
    if (snapshot.resolution && snapshot.resolution !== resolution) {
      resolution = snapshot.resolution;
      savedPixels = null;
      sizeMaps();
    }
    copyParameters(layout, snapshot.params);
    // The statistics may be the same object as last frame (measured less often than drawn).
    const train = snapshot.train;
    const statsChanged = train !== model.train || structureKey !== model.statesKey;
    if (statsChanged) {
      model.train = train;
      model.statesKey = structureKey;
      model.trainLayers = train?.layers ?? [];
      model.points = pointsPhrase(train);
      model.states = hiddenLayers().map((layer, index) => {
        const stats = model.trainLayers[index];
        return Array.from({ length: layer.fanOut }, (_, unit) =>
          stats ? unitState(stats.units[unit], stats.canDie) : 'active',
        );
      });
    }
    // Without a step yet, show the first one, as the inspector does.
    const step = snapshot.traceStep ?? { phase: 'forward', layer: 0 };
    model.trace = snapshot.trace
      ? { step, layers: snapshot.trace.layers, point: snapshot.point ?? null }
      : null;
    model.selected = snapshot.selected ?? null;
    if (model.selected && buttons[model.selected.layer]?.[model.selected.unit]) {
      if (!stage.contains(activeElement())) setRoving(model.selected.layer, model.selected.unit);
    }
    const selectedKey = model.selected ? `${model.selected.layer}.${model.selected.unit}` : '';
    if (statsChanged || selectedKey !== model.shownSelection) {
      model.shownSelection = selectedKey;
      updateUnits();
    }
    if (legendTrace[0]?.hidden !== !model.trace) legendTrace.forEach((item) => (item.hidden = !model.trace));
    // While playing out of view, nothing is painted; the frame that pauses paints it all.
    const playing = Boolean(snapshot.playing);
    if (playing && !inView) {
      mapsKey = '';
      return;
    }
    const mapsChanged = fillMaps(snapshot.unitPixels, snapshot.gridKey);
    copyCardMap(snapshot.unitPixels);
    if (playing) savedPixels = null;
    else if (snapshot.unitPixels?.length && (mapsChanged || !savedPixels)) {
      if (savedPixels?.length !== snapshot.unitPixels.length) savedPixels = new Uint8ClampedArray(snapshot.unitPixels.length);
      savedPixels.set(snapshot.unitPixels);
    }
    if (!drawLinks(playing) && mapsChanged) blitMaps();
    drawCard();
  }

  /** Read the colours from CSS again and repaint (after a theme change). */
  function redraw() {
    theme = readNetworkTheme(root);
    themeVersion += 1;
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
  const scheme = watchMedia('(prefers-color-scheme: dark)', redraw);
  const stopScrollable = watchScrollable(scroller, 'Network diagram (scrolls sideways)');
  const stopVisible = watchVisible(root, (visible) => {
    inView = visible;
  });

  return {
    update,
    redraw,
    destroy() {
      stopWidth();
      scheme.stop();
      stopScrollable();
      stopVisible();
      stage.removeEventListener('focusin', onFocusIn);
      stage.removeEventListener('click', onClick);
      stage.removeEventListener('pointerover', onPointerOver);
      stage.removeEventListener('keydown', onKeyDown);
      container.replaceChildren();
    },
  };
}
