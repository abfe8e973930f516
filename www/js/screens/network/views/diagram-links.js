// The connections layer of the network diagram: one canvas holds the connections, the input
// and output nodes and the traced values, redrawn only when they changed: new weights at once
// when paused, while playing at most every LINKS_INTERVAL_MS, LINKS_PER_FRAME lines a frame
// into a buffer that is copied in when complete (rasterising lines is slow). The unit maps are
// put into their squares after every redraw (diagram-maps.js).
import { sizeCanvas } from '../../../ui/canvas.js';
import { formatDecimal } from '../../../text/format.js';
import { drawDiagramLinks, linkParts } from '../../../draw/network-diagram.js';

/** While playing, the connections are redrawn at most this often (ms)… */
const LINKS_INTERVAL_MS = 200;
/** …and about this many of them are drawn per frame (rasterising a line costs ~10–20 µs). */
const LINKS_PER_FRAME = 48;

/** Whether two lists of Float32Arrays (or { values }) hold the same numbers (NaN equals NaN). */
export function sameValues(a, b) {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i += 1) {
    const x = a[i].values ?? a[i];
    const y = b[i].values ?? b[i];
    if (x.length !== y.length) return false;
    for (let j = 0; j < x.length; j += 1) if (x[j] !== y[j] && !(x[j] !== x[j] && y[j] !== y[j])) return false;
  }
  return true;
}

/** One character per hidden unit, "1" when dead, layers joined by "|". */
const deadKeyOf = (states) => states.map((layer) => layer.map((state) => (state === 'dead' ? 1 : 0)).join('')).join('|');

/**
 * The connections layer of one diagram on `canvas`. `diagram`: { model (layout, states,
 * weights, trace, structureKey: one snapshot, consistent), geometry(), theme(), themeVersion(),
 * blitMaps() }.
 */
export function createDiagramLinks(canvas, diagram) {
  let links = { key: '', dead: '', weights: null, traceLayers: null, at: -Infinity }; // what the canvas shows
  let job = null; // a redraw of the connections spread over frames: { data, shows, parts, next, at }
  let buffer = null; // the canvas it is drawn into

  /** The data of the links layer (everything but the unit maps). */
  function linksData() {
    const { model } = diagram;
    const geometry = diagram.geometry();
    return {
      width: geometry.width,
      height: geometry.height,
      geometry,
      inputLabels: ['x₁', 'x₂'].slice(0, model.layout[0].fanIn),
      outputLabel: 'out',
      layers: model.states.map((states) => ({ units: states.map((state) => ({ image: null, state })) })),
      weights: model.weights,
      trace: model.trace,
      formatValue: formatDecimal,
      theme: diagram.theme(),
    };
  }

  /**
   * Draw the next part of the pending connections into an off-screen buffer and rasterise it
   * now (a frame pays for a few dozen lines, not for all of them); with the last part, copy
   * the buffer onto the canvas and put the maps again. Returns whether the canvas changed.
   */
  function drawPart() {
    const geometry = diagram.geometry();
    if (!buffer) {
      buffer = document.createElement('canvas');
      // Read back once a frame to rasterise the part now: keep it in memory, not on a GPU.
      buffer.getContext('2d', { willReadFrequently: true });
    }
    const bufferContext = sizeCanvas(buffer, geometry.width, geometry.height);
    drawDiagramLinks(bufferContext, job.data, job.parts[job.next]);
    job.next += 1;
    if (job.next < job.parts.length) {
      bufferContext.getImageData(0, 0, 1, 1);
      return false;
    }
    const done = job;
    job = null;
    const ctx = sizeCanvas(canvas, geometry.width, geometry.height);
    ctx.save();
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, canvas.width, canvas.height);
    ctx.drawImage(buffer, 0, 0);
    ctx.restore();
    links = { ...done.shows, at: done.at };
    diagram.blitMaps();
    return true;
  }

  return {
    /** The architecture or the size changed: the next draw starts from scratch. */
    invalidate() {
      links.key = '';
    },

    /**
     * Redraw the connections layer when what it shows changed: at once for the size, the
     * theme or the traced step; for new weights, units turning dead or alive (their
     * connections fade) and new traced values, at once when paused, and while playing at
     * most every LINKS_INTERVAL_MS and spread over frames. `force` redraws at once in any
     * case. Returns whether the canvas was redrawn (and so the maps put again).
     */
    draw(playing, force = false) {
      const { model } = diagram;
      const geometry = diagram.geometry();
      if (!geometry || !model.layout.length) return false;
      const trace = model.trace;
      const key = [
        geometry.width,
        geometry.height,
        window.devicePixelRatio || 1,
        diagram.themeVersion(),
        model.structureKey,
        trace ? `${trace.step.phase}${trace.step.layer}:${trace.point?.x1},${trace.point?.x2}` : '',
      ].join('#');
      const dead = deadKeyOf(model.states);
      const shows = { key, dead, weights: model.weights, traceLayers: trace?.layers };
      const now = performance.now();
      const changed = () =>
        dead !== links.dead ||
        trace?.layers !== links.traceLayers ||
        (links.weights !== model.weights && !(links.weights && sameValues(links.weights, model.weights)));
      // The very first drawing while playing is spread over frames like any other (start-up).
      const first = links.key === '' && playing && !force && !job;
      if (first) {
        sizeCanvas(canvas, geometry.width, geometry.height);
        links.key = key;
        links.at = -Infinity;
        diagram.blitMaps();
      }
      if (force || key !== links.key || (!playing && (job || changed()))) {
        // All at once, on the canvas.
        job = null;
        const ctx = sizeCanvas(canvas, geometry.width, geometry.height);
        drawDiagramLinks(ctx, linksData());
        links = { ...shows, at: now };
        diagram.blitMaps();
        return true;
      }
      if (!playing) return false;
      if (!job) {
        if (!first && (now - links.at < LINKS_INTERVAL_MS || !changed())) return false;
        const data = linksData();
        job = { data, shows, parts: linkParts(data.weights, LINKS_PER_FRAME), next: 0, at: now };
      }
      return drawPart();
    },
  };
}
