// Component: the big map. It shows the network's output over the input plane with the train
// and test points (or, while a unit is selected in the diagram, that unit's activation map),
// a legend, and takes clicks and taps: pick a data point to inspect, or add a point of your
// own. Drawing is done by the pure drawDecisionMap; this component never calls wasm.
import { sizeCanvas } from '../../ui/canvas.js';
import { decisionMapHeight, drawDecisionMap, mapFrame, mapPointAt, mapPosition } from '../../draw/decision-map.js';
import { markSvg } from '../../ui/marks.js';
import { watchWidth } from '../../ui/observe.js';

/** How far (CSS pixels) a click may land from a point and still pick it. */
const PICK_RADIUS = { mouse: 12, touch: 20 };

/** The map's markup: heading, the two canvases (image below, axes and points above), legends. */
function mapMarkup(id) {
  return `
    <figure class="nw-map">
      <div class="nw-map__head">
        <h3 class="nw-subhead" id="${id('map-title')}" data-field="map-title">Output: what the network predicts</h3>
        <button type="button" class="button button--small" data-action="show-output" hidden>Show the output</button>
      </div>
      <div class="nw-map__canvas">
        <canvas class="nw-map__base" aria-hidden="true"></canvas>
        <canvas class="nw-map__overlay" role="img" aria-label="The network's prediction over the input plane, with the data points" aria-describedby="${id('map-hint')}"></canvas>
      </div>
      <figcaption>
        <p class="hint" id="${id('map-hint')}" data-field="map-hint"></p>
        <ul class="legend legend--marks" data-legend="output">
          <li>${markSvg('circle', { filled: true, classIndex: 0 })}${markSvg('triangle', { filled: true, classIndex: 1 })}<span>filled: training points</span></li>
          <li>${markSvg('circle', { filled: false, classIndex: 0 })}${markSvg('triangle', { filled: false, classIndex: 1 })}<span>outlined: test points</span></li>
          <li>${markSvg('circle', { filled: true, classIndex: 0 })}<span>circle: class 0</span></li>
          <li>${markSvg('triangle', { filled: true, classIndex: 1 })}<span>triangle: class 1</span></li>
          <li class="legend__wide"><span class="ramp" aria-hidden="true"></span><span>background: predicted class 0 (blue) … unsure (pale) … class 1 (orange)</span></li>
        </ul>
        <ul class="legend" data-legend="unit" hidden>
          <li class="legend__wide"><span class="ramp" aria-hidden="true"></span><span>the unit’s output: negative (blue) … 0 (pale) … positive (orange); a dead ReLU unit is pale everywhere</span></li>
        </ul>
      </figcaption>
    </figure>`;
}

/**
 * The train or test point nearest to (px, py) in CSS pixels within `radius`, as
 * { x1, x2, label, split, index }, or null. `sets` holds train and test { points, labels }.
 */
function nearestPoint(sets, px, py, radius, geometry) {
  let best = null;
  let bestDistance = radius * radius;
  for (const split of ['train', 'test']) {
    const { points, labels } = sets[split];
    for (let i = 0; i < labels.length; i += 1) {
      const p = mapPosition(points[2 * i], points[2 * i + 1], geometry);
      const d = (p.px - px) ** 2 + (p.py - py) ** 2;
      if (d <= bestDistance) {
        bestDistance = d;
        best = { x1: points[2 * i], x2: points[2 * i + 1], label: labels[i] >= 0.5 ? 1 : 0, split, index: i };
      }
    }
  }
  return best;
}

/**
 * Mount the map into `container`.
 * options: {
 *   idPrefix,
 *   domain: [min, max] of both inputs,
 *   requestDraw(): ask the screen for a frame (after a resize),
 *   onPick({ x1, x2, label, split, index }): a data point was clicked (inspect mode),
 *   onAdd({ x1, x2 }): the plane was clicked in add mode,
 *   onShowOutput(): the "show the output" button was pressed while a unit was shown
 * }
 * Returns { update(data), setLabel(text), destroy() }.
 */
export function createHeatmap(container, options) {
  const id = (name) => `${options.idPrefix}-${name}`;
  container.innerHTML = mapMarkup(id);
  // Two layers. Below, the R×R map itself, stretched by CSS over the plotting frame: each
  // frame copies R×R pixels (not the whole enlarged picture) and the browser scales it. Above,
  // axes and points, redrawn only when they change (size, theme, data, highlight), since
  // hundreds of marks cost more than the image.
  const base = container.querySelector('.nw-map__base');
  const baseContext = base.getContext('2d');
  let placed = '';
  const canvas = container.querySelector('.nw-map__overlay');
  let overlayKey = '';
  const holder = container.querySelector('.nw-map__canvas');
  const title = container.querySelector('[data-field="map-title"]');
  const hint = container.querySelector('[data-field="map-hint"]');
  const showOutput = container.querySelector('[data-action="show-output"]');
  const legends = {
    output: container.querySelector('[data-legend="output"]'),
    unit: container.querySelector('[data-legend="unit"]'),
  };
  let width = 0;
  let last = null; // the last update's data: points for picking, mode
  let shownMode = ''; // the title, legend and hint shown: "unit|mode"
  let firstMapMarked = false;
  let drawnImage = ''; // imageKey of the image the base canvas holds

  const stopWidth = watchWidth(holder, (newWidth) => {
    width = Math.min(newWidth, 640);
    options.requestDraw();
  });

  function geometry() {
    return { width, height: decisionMapHeight(width), domain: options.domain };
  }

  function onClick(event) {
    if (!last || !width) return;
    const rect = canvas.getBoundingClientRect();
    const px = event.clientX - rect.left;
    const py = event.clientY - rect.top;
    const at = mapPointAt(px, py, geometry());
    if (!at) return;
    if (last.mode === 'add') {
      options.onAdd(at);
      return;
    }
    const radius = event.pointerType === 'touch' ? PICK_RADIUS.touch : PICK_RADIUS.mouse;
    const best = nearestPoint(last, px, py, radius, geometry());
    if (best) options.onPick(best);
  }
  canvas.addEventListener('click', onClick);
  const onShow = () => {
    // The button hides once the output shows: keep keyboard focus on the map it changed.
    const focused = container.getRootNode().activeElement === showOutput;
    options.onShowOutput();
    if (focused) {
      canvas.tabIndex = -1;
      canvas.focus();
    }
  };
  showOutput.addEventListener('click', onShow);

  return {
    /**
     * data: {
     *   image: an R×R canvas (output or the selected unit's map), or null (nothing to show),
     *   imageKey: the same while the image holds the same picture (optional: else copied always),
     *   unit: "2.5" when the image is a unit's map, else null,
     *   train, test: { points, labels } (copies),
     *   dataKey: changes when the points change, themeKey: changes with the theme,
     *   highlight: { x1, x2 } or null, mode: "inspect" | "add",
     *   theme
     * }
     */
    update(data) {
      last = data;
      const unit = data.unit;
      // Written only when they change: this runs every frame.
      const mode = `${unit}|${data.mode}`;
      if (mode !== shownMode) {
        shownMode = mode;
        title.textContent = unit ? `Unit ${unit}: its activation over the plane` : 'Output: what the network predicts';
        showOutput.hidden = !unit;
        legends.output.hidden = Boolean(unit);
        legends.unit.hidden = !unit;
        hint.textContent = data.mode === 'add'
          ? 'Click or tap the map to add a point of the chosen class.'
          : 'Click or tap a data point to follow it through the network.';
        canvas.classList.toggle('nw-map--adding', data.mode === 'add');
      }
      if (!width) return;
      const height = decisionMapHeight(width);
      const frame = mapFrame(width, height);
      const where = `${frame.left},${frame.top},${frame.width},${frame.height}`;
      if (where !== placed) {
        placed = where;
        Object.assign(base.style, {
          left: `${frame.left}px`,
          top: `${frame.top}px`,
          width: `${frame.width}px`,
          height: `${frame.height}px`,
        });
      }
      if (base.hidden !== !data.image) base.hidden = !data.image;
      // The image is copied when it changed (a paused frame, say for a hover, keeps it).
      const imageKey = data.image ? `${data.imageKey ?? Math.random()}|${data.image.width}` : '';
      if (data.image && imageKey !== drawnImage) {
        drawnImage = imageKey;
        if (base.width !== data.image.width) base.width = data.image.width;
        if (base.height !== data.image.height) base.height = data.image.height;
        baseContext.drawImage(data.image, 0, 0);
        // The page's first drawn map, for the load benchmark (tests/bench/load-bench.mjs);
        // looked up once per map, not every frame.
        if (!firstMapMarked) {
          firstMapMarked = true;
          if (performance.getEntriesByName('relu-lab:first-map').length === 0) performance.mark('relu-lab:first-map');
        }
      }
      const key = [width, data.themeKey, data.dataKey, Boolean(data.image), data.highlight?.x1, data.highlight?.x2].join('|');
      if (key === overlayKey) return;
      overlayKey = key;
      drawDecisionMap(sizeCanvas(canvas, width, height), {
        width,
        height,
        domain: options.domain,
        map: null,
        transparent: Boolean(data.image), // without a map (diverged) the frame is filled
        train: data.train,
        test: data.test,
        highlight: data.highlight,
        theme: data.theme,
      });
    },
    /** The canvas's accessible name (set on pause, step and threshold crossings). */
    setLabel(text) {
      canvas.setAttribute('aria-label', text);
    },
    destroy() {
      stopWidth();
      canvas.removeEventListener('click', onClick);
      showOutput.removeEventListener('click', onShow);
      container.replaceChildren();
    },
  };
}
