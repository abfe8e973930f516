// What one frame of the Network screen shows, read from the run (run.js, the one module that
// calls the core): the evaluated grid, the statistics, the unit events, the traced point and
// the pixel views, gathered into the snapshot every view is handed. Calls that may allocate
// in wasm (and so grow its memory) come first, the views into wasm memory last: they are valid
// for this frame only.
//
// A snapshot never mixes two networks: the statistics, the trace and the pictures belong to the
// run version (a rebuild or a reset makes a new one) whose layout the snapshot carries.
//
// The unit maps are coloured at the size the diagram shows them (`unitSide` device pixels, when
// smaller than the grid): after the output map is taken from the R×R grid, the core evaluates
// a unitSide² grid and colours its 48 maps (for 6×8 at 52 px, 48 × 2,704 pixels instead of
// 48 × 10,000), which the diagram puts into its squares as they are. While a unit is selected
// its maps come from the R×R grid, as the big map and the unit card show that unit at R×R.
import { offKeyOf } from './cadence.js';
import { unitName } from './describe.js';
import { createLayerHistory } from './layer-history.js';

/** History records the core keeps, 7 numbers each. */
export const HISTORY_RECORDS = 512;
/** The smallest grid the core evaluates (MIN_RESOLUTION in src/grid.rs). */
const MIN_SIDE = 2;

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
  let gridOf = ''; // version:step@side of the grid the core holds
  let picturesOf = ''; // … of the coloured maps last handed to the views (with the selection)
  let unitsAt = resolution; // the side of the unit maps last handed to the views
  let trace = { key: '', value: null };

  /** Evaluate the grid (of `side`, R by default), unless the core holds that one already. */
  function grid(run, version, side = resolution) {
    const key = `${version}:${run.step}@${side}`;
    if (gridOf === key) return;
    run.grid(side);
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
    const side = unitSideOf(frame.unitSide, selected, diverged);
    // Unit maps are coloured only when they show (the diagram in view, a unit in the big map)
    // and, paused, only when they changed (the views keep the last ones).
    const key = `${version}:${run.step}|${selected ? unitName(selected) : ''}|${side}`;
    const fresh = key !== picturesOf || playing;
    const withPictures = partial?.pictures !== false;
    const unitsWanted = fresh && withPictures && (diagramInView || selected !== null || !playing || moment !== null);
    let views = run.views(unitsWanted && side === resolution);
    if (withPictures) picturesOf = key;
    if (!diverged && fresh) outputImage.ctx.putImageData(new ImageData(views.outputPixels, resolution, resolution), 0, 0);
    if (unitsWanted && side !== resolution) {
      // The output is in its image: the core may now hold the small grid (and its views).
      grid(run, version, side);
      views = run.views(true);
    }
    if (views.unitPixels) unitsAt = views.resolution;
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
    return { ...views, unitShown, unitsAt };
  }

  /**
   * The grid side to colour the unit maps at: the diagram's (`shown`, device pixels) when it
   * is known and smaller than R, no unit is selected and the run did not diverge; else R.
   */
  function unitSideOf(shown, selected, diverged) {
    const side = Math.round(shown ?? 0);
    return side >= MIN_SIDE && side < resolution && selected === null && !diverged ? side : resolution;
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
     * selected, point, traceStep, diagramInView, unitSide (the side of a unit square in device
     * pixels, or 0: unknown), partial ({ pictures: false } at start-up) }.
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
      const { unitPixels, params, unitShown, unitsAt: unitResolution } = pictures(run, version, frame);
      const diverged = run.diverged;
      const snapshot = {
        step: run.step,
        playing,
        reducedMotion: frame.reducedMotion,
        layout: run.layout,
        params,
        train: measurement.stats.train,
        // The side of the unit maps (of unitPixels, or of the last ones): R, or the diagram's.
        resolution: unitResolution,
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
