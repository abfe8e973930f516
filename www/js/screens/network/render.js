// One drawn frame of the Network screen: read the frame from the run (snapshot.js), hand the
// snapshot to every view, then the screen's own drawing and words (no wasm from there on):
// the big map, the charts, the readouts, the event log and the live region.
import { announce } from '../../ui/dom.js';
import { canDie, describeEvents, describeMoment, summarise, summaryKey } from './describe.js';
import { renderEventLog } from './event-log.js';
import { bestLoss, learningRateWarning, startNote } from './explain.js';
import { describeCanvases, showNotes, showReadouts } from './readouts.js';
import { marksOffUnits } from './views/unit-text.js';

/** The diagram, the meters and the inspector, in the order they are updated. */
export const VIEW_NAMES = Object.freeze(['diagram', 'meters', 'inspector']);

/**
 * Draw one frame of `screen` (the per-instance context of screen.js). `moment`: null, or
 * 'step', 'reset', 'pause', 'preset', 'diverged' (said in words). `partial` (start-up):
 * { views: only these ("diagram", "meters", "inspector", "heatmap"), nothing else;
 * pictures: false to hand the views no unit maps }.
 */
export function renderFrame(screen, moment, now = performance.now(), partial = null) {
  const { run, parts } = screen;
  screen.theme ??= screen.readTheme();
  const point = screen.inspection.point;
  const selected = screen.selection.selected;
  const playing = screen.training.playing;
  const frame = screen.reader.read(run, {
    version: screen.version,
    cadence: screen.cadence,
    playing,
    moment,
    now,
    selected,
    point,
    traceStep: screen.inspection.traceStep,
    diagramInView: screen.diagramInView,
    unitSide: shownMapSide(screen.parts.slots.diagram),
    reducedMotion: screen.training.reducedMotion,
    partial,
  });
  for (const name of partial?.views ?? VIEW_NAMES) {
    const view = screen.views[name];
    if (!view) continue;
    try {
      view.update(frame.snapshot);
    } catch (error) {
      reportError(error);
    }
  }
  if (partial && !partial.views.includes('heatmap')) return;
  if (!partial) {
    parts.slots.inspector.hidden = !frame.snapshot.trace;
    if (frame.snapshot.trace) screen.inspection.reveal(parts.slots.inspector, screen.training.reducedMotion);
  }

  // No wasm from here on: own drawing and words.
  const { stats, count, step } = screen.reader.measurement;
  const activation = run.layout[0]?.activation ?? 'linear';
  const summary = summarise({ train: stats.train, test: stats.test, activation, step, diverged: frame.diverged });
  screen.lastSummary = summary;
  const theme = screen.theme;
  screen.heatmap.update({
    image: frame.diverged ? null : frame.unitShown ? screen.reader.unitImage : screen.reader.outputImage,
    unit: frame.unitShown,
    imageKey: `${frame.snapshot.gridKey}|${frame.unitShown}|${screen.version}`,
    train: run.trainSet,
    test: run.testSet,
    dataKey: screen.builtData,
    themeKey: screen.themeKey,
    highlight: point ? { x1: point.x1, x2: point.x2, color: theme.highlight } : null,
    mode: screen.clickMode === 'inspect' ? 'inspect' : 'add',
    theme,
  });
  if (partial) return;
  // Units that cannot die and are not of the ReLU family carry no marks, and no events either.
  const activations = run.layout.map((layer) => layer.activation);
  const events = frame.events?.filter((event) => marksOffUnits(activations[event.layer])) ?? null;
  if (events) screen.markers = events.map((event) => ({ step: event.step, died: event.died }));
  // While playing, the charts take new numbers on the frame after a measurement (not on it:
  // one frame should not pay for both).
  if (!(frame.measured && playing)) {
    screen.charts.update({
      columns: screen.reader.history,
      count,
      step,
      playing,
      markers: screen.markers,
      unitCount: run.unitCount,
      canDie: summary.canDie,
      layerHistory: screen.reader.layerHistory,
      theme,
      themeKey: screen.themeKey,
    });
  }
  showReadouts(parts.root, parts.fields, summary, playing);
  const warningText = explainFrame(screen, summary, stats, count);
  screen.training.refresh();
  const eventMessage = screen.events.take(events ?? [], now, {
    flush: moment !== null || !playing,
    describe: (batch) => describeEvents(batch, activations),
  });
  if (screen.events.logVersion !== screen.shownLog) {
    screen.shownLog = screen.events.logVersion;
    renderEventLog(parts.fields.eventLog, screen.events.log);
  }
  if (moment === 'diverged') screen.training.showDiverged();
  describeIfChanged(screen, summary, moment, frame.unitShown, stats.train);
  const spoken = [moment ? describeMoment(summary, moment) : '', eventMessage, warningText].filter(Boolean).join(' ');
  if (spoken) announce(parts.fields.announcer, spoken);
}

/**
 * The side in device pixels the diagram shows its unit maps at (diagram-units.js writes it on
 * the stage; 0 before the diagram is placed): the maps are coloured at that size.
 * @param {HTMLElement | undefined} slot
 */
function shownMapSide(slot) {
  const stage = /** @type {HTMLElement | null | undefined} */ (slot?.querySelector('[data-map-side]'));
  return Number(stage?.dataset.mapSide ?? 0);
}

/**
 * The notes in plain words: units off at step 0, and a too-high learning rate (beside the
 * charts). Returns the warning's text when it is new (to be said in the live region), else ''.
 */
function explainFrame(screen, summary, stats, count) {
  const { run, state } = screen;
  const start = screen.reader.startOf(screen.version);
  // The word for step 0 follows the activation the run had then, not after a switch.
  const startCanDie = canDie(run.activationAt(0));
  const countsOff = startCanDie || summary.countsOff;
  const startText = countsOff
    ? startNote(start, { word: startCanDie ? 'dead' : 'inactive', unitCount: run.unitCount, biasInit: state.network.biasInit })
    : '';
  const accuracy = stats.test ? stats.test.accuracy : stats.train.accuracy;
  const warning = stats.train.noData || summary.diverged
    ? null
    : learningRateWarning(
      { step: summary.step, trainLoss: summary.trainLoss, accuracy, offCount: summary.offCount, unitCount: summary.unitCount, canDie: summary.canDie },
      bestLoss(screen.reader.history, count),
      start ? start.dead.reduce((sum, dead) => sum + dead, 0) : 0,
      state.train,
    );
  showNotes(screen.parts.fields, startText, warning);
  const kind = warning ? `${screen.version}:${warning.kind}` : '';
  const isNew = kind !== '' && kind !== screen.warned;
  screen.warned = kind;
  return isNew ? warning.text : '';
}

/** Rewrite the text alternatives when the words would change (and at every moment). */
function describeIfChanged(screen, summary, moment, unitShown, train) {
  const key = summaryKey(summary);
  const selection = `${unitShown}`;
  if (!moment && key === screen.described.key && selection === screen.described.selection) return;
  screen.described = { key, selection };
  const selected = screen.selection.selected;
  const { run } = screen;
  const unit = unitShown && selected
    ? { selected, stats: train.layers[selected.layer]?.units[selected.unit], activation: run.layout[selected.layer].activation }
    : null;
  describeCanvases(screen, summary, unit, {
    trainCount: run.trainSet.labels.length,
    testCount: run.testSet.labels.length,
    history: screen.reader.history,
    count: screen.reader.measurement.count,
    events: screen.markers.length,
  });
}
