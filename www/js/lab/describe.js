// Plain-language summaries of a training snapshot, for the live region and the map's label.
// Pure functions of the snapshot from session.measure().
import { formatInteger, formatPercent } from '../text/format.js';

/** "0 of 12 units dead, layer 1 48% sparse, layer 2 25% sparse" (on the training set). */
export function describeUnits(snapshot) {
  const sparsity = snapshot.layers
    .map((layer, index) => `layer ${index + 1} ${formatPercent(layer.sparsity, 0)} sparse`)
    .join(', ');
  const dead = `${snapshot.deadUnits} of ${snapshot.totalUnits} units dead`;
  return sparsity ? `${dead}, ${sparsity}` : dead;
}

/**
 * The sentence announced on pause, step and reset, e.g.
 * "Paused at step 1,200: test accuracy 97%, 0 of 12 units dead, layer 1 48% sparse, …".
 * `event` is "pause", "step", "reset" or "diverged".
 */
export function describeState(snapshot, event) {
  const step = formatInteger(snapshot.step);
  if (event === 'diverged') {
    return (
      `Training stopped at step ${step} because it diverged: the loss became infinite or not ` +
      'a number. Press Reset to start again.'
    );
  }
  const lead = { pause: `Paused at step ${step}`, reset: `Reset to step ${step}` }[event] ??
    `Step ${step}`;
  const accuracy =
    snapshot.testAccuracy === null ? '' : `test accuracy ${formatPercent(snapshot.testAccuracy, 0)}, `;
  return `${lead}: ${accuracy}${describeUnits(snapshot)}.`;
}

/**
 * The decision map canvas's accessible name: what it shows and how well it fits.
 * about: { trainCount, testCount, classes } where `classes` says which class is where,
 * e.g. "class 0 (blue circles) is the outer ring, class 1 (orange triangles) the inner disc".
 */
export function describeMap(snapshot, about) {
  return (
    `Decision map after ${formatInteger(snapshot.step)} training steps. ` +
    'The background shows the network’s prediction over the input plane, −6 to 6 on both ' +
    'axes: blue for class 0, orange for class 1, pale where it is unsure. ' +
    `On top: ${about.trainCount} training points (filled) and ${about.testCount} test points ` +
    `(outlined); ${about.classes}. ` +
    (snapshot.testAccuracy === null
      ? ''
      : `Test accuracy ${formatPercent(snapshot.testAccuracy, 0)}.`)
  );
}
