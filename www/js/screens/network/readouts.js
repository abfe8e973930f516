// The Network screen's numbers and text alternatives: the toolbar's readouts, the read-only
// data attributes for tests and embedding pages, and the accessible names of the big map and
// the charts (rewritten when the words would change, never every frame).
import { setData, setText } from '../../ui/dom.js';
import { formatInteger, formatLoss, formatPercent } from '../../text/format.js';
import { describeCharts, describeMap, describeUnitMap } from './describe.js';

/**
 * Write `summary` (describe.js summarise) into the readouts and `root`'s data attributes.
 * @param {HTMLElement} root
 * @param {ReturnType<typeof import('./template.js').screenParts>['fields']} fields
 */
export function showReadouts(root, fields, summary, playing) {
  setText(fields.step, formatInteger(summary.step));
  setText(fields.testAccuracy, formatPercent(summary.testAccuracy));
  setText(fields.trainLoss, formatLoss(summary.trainLoss));
  setText(fields.testLoss, formatLoss(summary.testLoss));
  setText(fields.offLabel, summary.canDie || !summary.countsOff ? 'Dead units' : 'Inactive units');
  setText(fields.deadUnits, summary.unitCount ? `${summary.offCount} of ${summary.unitCount}` : '—');
  // Read-only hooks for tests and embedding pages: full-precision numbers.
  setData(root, 'step', String(summary.step));
  setData(root, 'trainLoss', String(summary.trainLoss));
  setData(root, 'testLoss', String(summary.testLoss));
  setData(root, 'testAccuracy', String(summary.testAccuracy));
  setData(root, 'offUnits', String(summary.offCount));
  setData(root, 'playing', String(playing));
}

/**
 * The plain-words notes: why units are off at step 0 (`startText`, '' for none) and the
 * learning-rate warning beside the charts (`warning`: { text } or null).
 * @param {ReturnType<typeof import('./template.js').screenParts>['fields']} fields
 */
export function showNotes(fields, startText, warning) {
  setText(fields.startNote, startText);
  if (fields.startNote.hidden !== !startText) fields.startNote.hidden = !startText;
  setText(fields.rateWarningText, warning ? warning.text : '');
  if (fields.rateWarning.hidden !== !warning) fields.rateWarning.hidden = !warning;
  fields.rateWarning.dataset.kind = warning ? warning.kind : '';
}

/** History record `r` of the 7-column history as an object. */
function historyRecord(history, r) {
  return {
    step: history[r * 7],
    trainLoss: history[r * 7 + 1],
    testLoss: history[r * 7 + 2],
    trainAccuracy: history[r * 7 + 3],
    testAccuracy: history[r * 7 + 4],
    deadUnits: history[r * 7 + 5],
    sparsity: history[r * 7 + 6],
  };
}

/**
 * Rewrite the canvases' text alternatives: the big map's (the output, or the selected unit
 * when its map shows: `unit` = { selected, stats, activation }) and the charts'.
 * `about`: { trainCount, testCount, history, count, events }.
 */
export function describeCanvases({ heatmap, charts }, summary, unit, about) {
  if (unit) {
    heatmap.setLabel(describeUnitMap(summary, unit.selected, unit.stats, unit.activation));
  } else {
    heatmap.setLabel(describeMap(summary, { trainCount: about.trainCount, testCount: about.testCount }));
  }
  const { history, count } = about;
  charts.setLabels(describeCharts(summary, {
    count,
    first: count ? historyRecord(history, 0) : null,
    last: count ? historyRecord(history, count - 1) : null,
    events: about.events,
  }));
}
