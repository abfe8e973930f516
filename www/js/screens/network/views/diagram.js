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
// that are copied here and never kept. A snapshot's statistics belong to its layout (the
// screen never hands the statistics of one network with the layout of another).
//
// The parts, each in its own file: the markup (diagram-markup.js), the unit buttons with their
// labels and dead marks (diagram-units.js), the unit maps (diagram-maps.js), the connections
// layer (diagram-links.js) and the unit card (unit-card.js). Cost per frame: a frame repaints
// only what changed, attributes are written only when they change, and while playing nothing
// is painted when the diagram is scrolled out of view.
import { diagramGeometry } from '../../../draw/network-diagram.js';
import { watchMedia } from '../../../ui/observe.js';
import { readTheme } from '../../../ui/theme.js';
import { createDiagramLinks } from './diagram-links.js';
import { createUnitMaps } from './diagram-maps.js';
import { diagramHtml } from './diagram-markup.js';
import { listenToUnits } from './diagram-input.js';
import { createUnitButtons, labelStage } from './diagram-units.js';
import { createUnitCard } from './unit-card.js';
import { marksOffUnits, pointsPhrase, unitState } from './unit-text.js';
import { NETWORK_TOKENS } from './view-theme.js';
import { watchView } from './view-watch.js';

/** Where unit squares must be touch targets (WCAG 2.5.5), and how large they are then. */
const TOUCH_QUERY = '(pointer: coarse), (max-width: 40rem)';
const TOUCH_UNIT = 44;

/**
 * Copy the parameters view `params` into plain per-layer arrays of `layout`: { weights,
 * biases, slopes }, or null for a detached view (wasm memory grew after it was taken: length 0).
 */
function copyParameters(layout, params) {
  if (!params || params.length === 0) return null;
  return {
    weights: layout.map((layer) => ({
      fanIn: layer.fanIn,
      fanOut: layer.fanOut,
      values: params.slice(layer.weights, layer.weights + layer.fanIn * layer.fanOut),
    })),
    biases: layout.map((layer) => params.slice(layer.biases, layer.biases + layer.fanOut)),
    slopes: layout.map((layer) =>
      layer.slopes === null || layer.slopes === undefined ? null : params.slice(layer.slopes, layer.slopes + layer.fanOut),
    ),
  };
}

/** Each hidden unit's state on the training set, per layer, from `train` (stats or null). */
function unitStates(hidden, train) {
  const layers = train?.layers ?? [];
  return hidden.map((layer, index) => {
    const stats = layers[index];
    const marked = marksOffUnits(layer.activation);
    return Array.from({ length: layer.fanOut }, (_, unit) => (stats ? unitState(stats.units[unit], stats.canDie, marked) : 'active'));
  });
}

/**
 * Take the snapshot's layout, parameters, statistics, trace and selection into `model` (plain
 * copies). Returns { structureChanged (another architecture), statsChanged }.
 */
function takeSnapshot(model, snapshot) {
  const layout = snapshot.layout ?? [];
  const structureKey = layout.map((l) => `${l.fanIn}:${l.fanOut}:${l.activation}`).join(',');
  const structureChanged = structureKey !== model.structureKey;
  model.layout = layout;
  model.structureKey = structureKey;
  const parameters = copyParameters(layout, snapshot.params);
  if (parameters) Object.assign(model, parameters);
  // The statistics may be the same object as last frame (measured less often than drawn).
  const train = snapshot.train;
  const statsChanged = train !== model.train || structureChanged;
  if (statsChanged) {
    model.train = train;
    model.trainLayers = train?.layers ?? [];
    model.points = pointsPhrase(train);
    model.states = unitStates(layout.slice(0, -1), train);
  }
  // Without a step yet, show the first one, as the inspector does.
  const step = snapshot.traceStep ?? { phase: 'forward', layer: 0 };
  model.trace = snapshot.trace ? { step, layers: snapshot.trace.layers, point: snapshot.point ?? null } : null;
  model.selected = snapshot.selected ?? null;
  return { structureChanged, statsChanged };
}

/** The diagram's elements in `container` (after diagramHtml). */
function diagramParts(container) {
  const root = /** @type {HTMLElement} */ (container.querySelector('.network-diagram'));
  return {
    root,
    scroller: /** @type {HTMLElement} */ (root.querySelector('.network-diagram__scroller')),
    stage: /** @type {HTMLElement} */ (root.querySelector('.network-diagram__stage')),
    canvas: /** @type {HTMLCanvasElement} */ (root.querySelector('.network-diagram__canvas')),
    legendInactive: /** @type {HTMLElement} */ (root.querySelector('[data-legend="inactive"]')),
    legendTrace: /** @type {HTMLElement[]} */ (Array.from(root.querySelectorAll('[data-legend="trace"]'))),
  };
}

/** The model before the first snapshot (takeSnapshot fills it). */
function emptyModel() {
  return {
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
    shownSelection: null,
  };
}

/** "layer.unit" of the selected unit, or '' with none. */
const selectionKey = (selected) => (selected ? `${selected.layer}.${selected.unit}` : '');

/**
 * The unit card below the diagram: keeps the selected unit's full-resolution map from each
 * frame's pixels (when that unit is shown) and draws the card from the model.
 */
function createCardPainter(root, { model, units, maps, colours }) {
  const card = createUnitCard(/** @type {HTMLElement} */ (root.querySelector('.unit-card')));
  const hidden = () => model.layout.slice(0, -1);
  return {
    draw() {
      card.draw(model, hidden(), maps.cardImage(selectionKey(model.selected)), colours());
    },
    keep(unitPixels) {
      const selected = model.selected;
      if (!selected || !units.at(selected.layer, selected.unit)) return;
      const index = hidden().slice(0, selected.layer).reduce((sum, layer) => sum + layer.fanOut, 0) + selected.unit;
      maps.copyCard(unitPixels, index, selectionKey(selected));
    },
  };
}

/**
 * Mount the diagram into `container`.
 * options: {
 *   onSelectUnit({ layer, unit }): a unit was hovered, focused or tapped (0-based indices),
 *   headingLevel: level of the unit card's heading (3),
 *   idPrefix: prefix for element ids (random when absent)
 * }
 * Returns { update(snapshot), redraw(), destroy() }.
 */
export function createDiagram(container, options = {}) {
  const onSelectUnit = options.onSelectUnit ?? (() => {});
  const idPrefix = options.idPrefix ?? `diagram-${crypto.randomUUID().slice(0, 8)}`;
  container.innerHTML = diagramHtml((name) => `${idPrefix}-${name}`, `h${options.headingLevel ?? 3}`);

  const { root, scroller, stage, canvas, legendInactive, legendTrace } = diagramParts(container);
  // Plain copies of the last snapshot: enough to redraw on resize or theme change.
  const model = emptyModel();
  let geometry = null;
  let availableWidth = 0;
  let lastRequested = '';
  // Colours are read on first use (in a frame, when styles are up to date), not while mounting:
  // reading them then would force a style recalculation of the new content.
  let theme = null;
  let themeVersion = 0;
  let inView = true;
  const readColours = () => (theme ??= readTheme(root, NETWORK_TOKENS));

  const hiddenLayers = () => model.layout.slice(0, -1);
  let touchSized = false;
  const touch = watchMedia(TOUCH_QUERY, (matches) => {
    touchSized = matches;
    place();
    draw();
  });
  touchSized = touch.matches;
  const focused = () => /** @type {Document | ShadowRoot} */ (root.getRootNode()).activeElement;
  const units = createUnitButtons(stage);
  const maps = createUnitMaps({ background: () => readColours().background });
  const blitMaps = () => {
    if (geometry) maps.blit(canvas, geometry);
  };
  const links = createDiagramLinks(canvas, {
    model,
    geometry: () => geometry,
    theme: readColours,
    themeVersion: () => themeVersion,
    blitMaps,
  });
  const card = createCardPainter(root, { model, units, maps, colours: readColours });
  const selectedName = () => selectionKey(model.selected);

  function select(layer, unit) {
    const key = `${layer}.${unit}`;
    if (key === lastRequested && key === selectedName()) return;
    lastRequested = key;
    onSelectUnit({ layer, unit });
  }

  /** Rebuild the unit buttons and images after the architecture changed. */
  function rebuild() {
    const widths = hiddenLayers().map((layer) => layer.fanOut);
    units.rebuild(widths);
    maps.reset(widths);
    links.invalidate();
    legendInactive.hidden = !hiddenLayers().some((layer) => layer.activation !== 'relu' && marksOffUnits(layer.activation));
  }

  /** Recompute where everything sits and move the buttons there. */
  function place() {
    if (!availableWidth || !model.layout.length) return;
    const sizes = [model.layout[0].fanIn, ...model.layout.map((layer) => layer.fanOut)];
    // Touch targets of 44 × 44 px on phones and touch screens (the diagram scrolls sideways).
    geometry = diagramGeometry(sizes, availableWidth, touchSized ? { minUnit: TOUCH_UNIT } : {});
    stage.style.width = `${geometry.width}px`;
    stage.style.height = `${geometry.height}px`;
    units.place(geometry);
    maps.size(geometry.unitSize);
    links.invalidate();
  }

  function update(snapshot) {
    // Before this frame changes anything: reading styles later would force a recalculation.
    readColours();
    const { structureChanged, statsChanged } = takeSnapshot(model, snapshot);
    if (structureChanged) {
      rebuild();
      place();
    }
    if (snapshot.resolution && maps.setResolution(snapshot.resolution) && geometry) maps.size(geometry.unitSize);
    const selected = model.selected;
    if (selected && units.at(selected.layer, selected.unit) && !stage.contains(focused())) {
      units.setRoving(selected.layer, selected.unit);
    }
    if (statsChanged || selectedName() !== model.shownSelection) {
      model.shownSelection = selectedName();
      units.update(model);
      labelStage(stage, model, hiddenLayers());
    }
    if (legendTrace[0]?.hidden !== !model.trace) legendTrace.forEach((item) => (item.hidden = !model.trace));
    // While playing out of view, nothing is painted; the frame that pauses paints it all.
    const playing = Boolean(snapshot.playing);
    if (playing && !inView) {
      maps.forget();
      return;
    }
    const mapsChanged = maps.fill(snapshot.unitPixels, snapshot.gridKey);
    card.keep(snapshot.unitPixels);
    maps.keep(snapshot.unitPixels, playing, mapsChanged);
    if (!links.draw(playing) && mapsChanged) blitMaps();
    card.draw();
  }

  /** Repaint everything from the model (resize, theme): links and the card. */
  function draw() {
    if (!geometry) return;
    links.draw(false, true);
    card.draw();
  }

  /** Read the colours from CSS again and repaint (after a theme change). */
  function redraw() {
    theme = readTheme(root, NETWORK_TOKENS);
    themeVersion += 1;
    draw();
  }

  const stopInput = listenToUnits(stage, units, select);

  const stopWatching = watchView(root, {
    scroller,
    label: 'Network diagram (scrolls sideways)',
    onWidth(width) {
      availableWidth = width;
      place();
      draw();
    },
    onScheme: redraw,
    onVisible(visible) {
      inView = visible;
    },
  });

  return {
    update,
    redraw,
    destroy() {
      stopWatching();
      touch.stop();
      stopInput();
      container.replaceChildren();
    },
  };
}
