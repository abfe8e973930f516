// What one frame of the Network screen shows, read from the run (run.js, the one module that
// calls the core): the evaluated grid, the statistics, the unit events, the traced point and
// the pixel views, gathered into the snapshot every view is handed. Calls that may allocate
// in wasm (and so grow its memory) come first, the views into wasm memory last: they are valid
// for this frame only.
//
// A snapshot never mixes two networks: the statistics, the trace and the pictures belong to the
// run version (a rebuild or a reset makes a new one) whose layout the snapshot carries.
import { offKeyOf } from './cadence.js';
import { unitName } from './describe.js';
import { createLayerHistory } from './layer-history.js';

/** History records the core keeps, 7 numbers each. */
export const HISTORY_RECORDS = 512;

/** An R×R canvas to put one map's pixels into (the heatmap scales it up). */
function makeImage(resolution) {
  const canvas = document.createElement('canvas');
  canvas.width = resolution;
  canvas.height = resolution;
  return { canvas, ctx: canvas.getContext('2d') };
}

/**
 * The frame reader of one screen, for maps of `resolution`² cells.
 * @param {number} resolution
 */
export function createFrameReader(resolution) {
  const history = new Float32Array(7 * HISTORY_RECORDS);
  const layerHistory = createLayerHistory();
  const outputImage = makeImage(resolution);
  const unitImage = makeImage(resolution);
  /** @type {{ version: number, step: number, at: number, stats: any, count: number } | null} */
  let measurement = null;
  /** @type {{ version: number, dead: number[] } | null} units off per layer at step 0 */
  let start = null;
  let gridOf = ''; // version:step of the evaluated grid
  let picturesOf = ''; // … of the coloured maps last handed to the views (with the selection)
  let trace = { key: '', value: null };

  /** Evaluate the grid, unless it is the one of this version and step already. */
  function grid(run, version) {
    const key = `${version}:${run.step}`;
    if (gridOf === key) return;
    run.grid(resolution);
    gridOf = key;
  }

  /** Measure the statistics of the evaluated grid and the training set. */
  function measure(run, version, now) {
    if (measurement?.version !== version) layerHistory.reset(run.hidden.length);
    measurement = { version, step: run.step, at: now, stats: run.stats(), count: run.copyHistory(history) };
    const train = measurement.stats.train;
    if (!train.noData) layerHistory.record(run.step, train);
    if (run.step === 0 && !train.noData) start = { version, dead: train.layers.map((layer) => layer.neverActive) };
  }

  /** The traced point's pass, at the statistics' pace (a new point or network at once). */
  function traceOf(run, version, point, measured) {
    if (!point) {
      trace = { key: '', value: null };
      return null;
    }
    const pointKey = `${version}|${point.x1},${point.x2},${point.label}`;
    if (measured || !trace.key.endsWith(`|${pointKey}`)) {
      const key = `${run.step}|${pointKey}`;
      if (key !== trace.key) trace = { key, value: run.inspect(point) };
    }
    return trace.value;
  }

  /**
   * Put the maps' pixels into the output and unit images; returns the unit pixels view (null
   * when the units were not coloured) and which unit the unit image shows (null: none).
   */
  function pictures(run, version, frame) {
    const { playing, moment, selected, diagramInView, partial } = frame;
    const diverged = run.diverged;
    // Unit maps are coloured only when they show (the diagram in view, a unit in the big map)
    // and, paused, only when they changed (the views keep the last ones).
    const key = `${version}:${run.step}|${selected ? unitName(selected) : ''}`;
    const fresh = key !== picturesOf || playing;
    const withPictures = partial?.pictures !== false;
    const unitsWanted = fresh && withPictures && (diagramInView || selected !== null || !playing || moment !== null);
    const views = run.views(unitsWanted);
    if (withPictures) picturesOf = key;
    if (!diverged && fresh) outputImage.ctx.putImageData(new ImageData(views.outputPixels, resolution, resolution), 0, 0);
    let unitShown = selected && !diverged && !fresh ? unitName(selected) : null; // kept from before
    if (selected && !diverged && views.unitPixels) {
      const size = resolution * resolution * 4;
      const index = run.hidden.slice(0, selected.layer).reduce((a, b) => a + b, 0) + selected.unit;
      const pixels = views.unitPixels.subarray(index * size, (index + 1) * size);
      if (pixels.length === size) {
        unitImage.ctx.putImageData(new ImageData(pixels, resolution, resolution), 0, 0);
        unitShown = unitName(selected);
      }
    }
    return { ...views, unitShown };
  }

  return {
    /** The history columns (7 numbers a record) of the last measurement. */
    history,
    /** Each hidden layer's sparsity over the measurements (layer-history.js). */
    layerHistory,
    /** The R×R images: the output map and the selected unit's map. */
    outputImage: outputImage.canvas,
    unitImage: unitImage.canvas,
    /** The last measurement: { version, step, at, stats: { train, test }, count }. */
    get measurement() {
      return measurement;
    },
    /** The units off per hidden layer at step 0 of the run `version`, or null. */
    startOf(version) {
      return start && start.version === version ? start : null;
    },
    grid,
    measure,

    /**
     * Read one frame. `frame`: { version (of the run), cadence, playing, moment, now,
     * selected, point, traceStep, diagramInView, partial ({ pictures: false } at start-up) }.
     * Returns { snapshot (for the views), measured (this frame measured), events (the core's
     * list, or null when not read), unitShown, diverged }.
     */
    read(run, frame) {
      const { version, cadence, playing, moment, now } = frame;
      // 1. Calls into wasm that may allocate come first. The grid changes only with the
      // network (a paused frame, for a hover, reuses it).
      grid(run, version);
      const measured = cadence.measureDue(measurement, { version, step: run.step, playing, moment, now });
      if (measured) measure(run, version, now);
      const eventsDue = cadence.eventsDue({
        measured,
        offKey: measured ? offKeyOf(measurement.stats.train) : '',
        playing,
        moment,
      });
      const events = eventsDue ? run.events() : null;
      const traced = traceOf(run, version, frame.point, measured);
      // 2. Views into wasm memory: taken now, used in this frame only.
      const { unitPixels, params, unitShown } = pictures(run, version, frame);
      const diverged = run.diverged;
      const snapshot = {
        step: run.step,
        playing,
        reducedMotion: frame.reducedMotion,
        layout: run.layout,
        params,
        train: measurement.stats.train,
        resolution,
        unitPixels,
        // The same key means the same grid pictures as the last frame (views may skip them).
        gridKey: diverged ? null : `${version}:${run.step}`,
        selected: frame.selected,
        trace: traced,
        traceStep: traced ? frame.traceStep : null,
        point: traced ? { x1: frame.point.x1, x2: frame.point.x2, label: frame.point.label } : null,
      };
      return { snapshot, measured, events, unitShown, diverged };
    },
  };
}
