// Milestones: named moments of a run that a course page can react to (reveal the next
// question, say). The element dispatches each as `relu-lab-milestone` { name, figures }; the
// iframe page posts it as a `milestone` message, the anywidget sends it to Python.
//
//   preset-effect    network: a preset's run reached the step where its effect shows (the
//                    step at which the screen pauses the first time)
//   accuracy         network: the test accuracy reached the `goal-accuracy` attribute's value
//   diverged         network: the training diverged (a loss or weight stopped being finite)
//   experiment-done  experiments: a run finished, with its verdict
// Each fires once per run: a reset or a new network (the step going back) arms them again.
// Pure; importable from Node (tests/node/embed.test.mjs).

export const MILESTONES = Object.freeze(['preset-effect', 'accuracy', 'diverged', 'experiment-done']);

/**
 * The figures of a network frame's summary (network/describe.js summarise) that a milestone
 * carries: step, accuracies and losses (null without data), and the dead units (units with
 * z ≤ 0 on every training point; counted for ReLU only, else null) of unitCount.
 */
export function networkFigures(summary) {
  return {
    step: summary.step,
    testAccuracy: summary.testAccuracy,
    trainAccuracy: summary.trainAccuracy,
    trainLoss: summary.trainLoss,
    testLoss: summary.testLoss,
    deadUnits: summary.canDie ? summary.offCount : null,
    unitCount: summary.unitCount,
  };
}

/**
 * A tracker of the network screen's milestones. `goalAccuracy`: a share (0–1) or null;
 * `emit(name, figures)` is called once per milestone and run.
 * `check(summary, preset)`: after a drawn frame, with the frame's summary (or null) and the
 * active preset ({ id, steps }, or null when the settings left it).
 */
export function createNetworkMilestones({ goalAccuracy = null, emit }) {
  let fired = new Set();
  let lastStep = -1;
  const once = (name, figures) => {
    if (fired.has(name)) return;
    fired.add(name);
    emit(name, figures);
  };
  return {
    check(summary, preset) {
      if (!summary) return;
      if (summary.step < lastStep) fired = new Set(); // a reset or a new run
      lastStep = summary.step;
      if (summary.diverged) once('diverged', networkFigures(summary));
      if (preset && summary.step >= preset.steps) once('preset-effect', { preset: preset.id, ...networkFigures(summary) });
      if (goalAccuracy !== null && summary.testAccuracy !== null && summary.testAccuracy >= goalAccuracy) {
        once('accuracy', { goal: goalAccuracy, ...networkFigures(summary) });
      }
    },
  };
}

/**
 * "0.9", "90%" or "90" (a number above 1 is a percentage) → 0.9; null for anything else or a
 * share outside (0, 1].
 */
export function parseGoalAccuracy(text) {
  if (text == null) return null;
  const match = String(text).trim().match(/^(\d+(?:\.\d+)?)\s*(%?)$/);
  if (!match) return null;
  const value = Number(match[1]);
  const share = match[2] || value > 1 ? value / 100 : value;
  return share > 0 && share <= 1 ? share : null;
}
