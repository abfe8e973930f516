// The single unit in words and numbers: the alive/dead status, the table of the core's forward
// and backward pass, the plane's name, and what a gradient step did. Pure functions of the
// model's plain results (unit-model.js inspectPoint, whole, step); they return text or markup.
import { formatNumber, formatPercent } from '../../../text/format.js';

/**
 * The status block: dead on the training set (and whether on the plane shown too), or alive on
 * how many points, with accuracy, loss and the weights.
 */
export function statusHtml(whole, params, count, deadOnPlane) {
  if (whole.dead) {
    const plain = deadOnPlane
      ? 'It is inactive on the whole plane shown, too.'
      : 'It is still active on part of the plane, but no training point lies there.';
    return `
        <p class="nu-badge nu-badge--dead"><span class="nu-badge__icon" aria-hidden="true">\u2715</span>
        <strong>Dead on the training set</strong></p>
        <p>z = w\u00b7x + b \u2264 0 on all ${count} training points, so the unit outputs 0 on every
        one and its slope ReLU\u2032(z) is 0 on every one. Every gradient of the training loss with
        respect to w\u2081, w\u2082 and b is therefore exactly 0: gradient descent on this training
        set cannot move the unit. It reads the inputs directly, with no layer below it whose
        change could bring it back, so it cannot recover by itself. (A dead unit in a deeper
        layer can come back when the layers below it change.) ${plain} Move a slider to revive it.</p>`;
  }
  return `
      <p class="nu-badge nu-badge--alive"><span class="nu-badge__icon" aria-hidden="true">\u2713</span>
      <strong>Alive: active on ${whole.activeCount} of ${count} training points</strong></p>
      <p>On those points z > 0, the slope is 1 and gradient flows to w\u2081, w\u2082 and b; on the
      others it is blocked. Training accuracy ${formatPercent(whole.accuracy, 0)}, mean loss
      ${formatNumber(whole.loss)} (w = (${formatNumber(params.w1, 3)}, ${formatNumber(params.w2, 3)}),
      b = ${formatNumber(params.b, 3)}).</p>`;
}

/** The table's rows: each quantity at the inspected `point` and, where defined, over all `count`. */
export function passRowsHtml(point, whole, count) {
  const classText = point.label >= 0.5 ? 'class 1 (triangle)' : 'class 0 (circle)';
  const row = (name, here, mean = '\u2014', key = '') =>
    `<tr${key ? ` data-row="${key}"` : ''}><th scope="row">${name}</th><td>${here}</td><td>${mean}</td></tr>`;
  const num = (value, key) => `<span data-value="${value}" data-key="${key}">${formatNumber(value)}</span>`;
  return [
    row('input x = (x\u2081, x\u2082)', `(${formatNumber(point.x1, 3)}, ${formatNumber(point.x2, 3)}), ${classText}`),
    row('z = w\u00b7x + b', num(point.z, 'z'), '\u2014', 'z'),
    row('a = ReLU(z)', num(point.a, 'a'), '\u2014', 'a'),
    row('ReLU\u2032(z)', num(point.gate, 'gate'), `active on ${whole.activeCount} of ${count}`, 'gate'),
    row('p = \u03c3(v\u00b7a + c), chance of class 1', num(point.probability, 'p'), `accuracy ${formatPercent(whole.accuracy, 0)}`, 'p'),
    row('loss L', num(point.loss, 'loss'), num(whole.loss, 'loss-mean'), 'loss'),
    row('\u2202L/\u2202z', num(point.gradZ, 'grad-z'), '\u2014', 'grad-z'),
    row('\u2202L/\u2202w\u2081', num(point.gradW1, 'grad-w1'), num(whole.gradW1, 'grad-w1-mean'), 'grad-w1'),
    row('\u2202L/\u2202w\u2082', num(point.gradW2, 'grad-w2'), num(whole.gradW2, 'grad-w2-mean'), 'grad-w2'),
    row('\u2202L/\u2202b', num(point.gradB, 'grad-b'), num(whole.gradB, 'grad-b-mean'), 'grad-b'),
  ].join('');
}

/** The plane canvas's name: the points, the unit, and which point is circled. */
export function planeLabel(whole, params, count, selected) {
  return (
    `The input plane from \u22126 to 6 on both axes with ${count} training points (class 0 blue circles ` +
    `around (\u22122, \u22122), class 1 orange triangles around (2, 2)). The unit with w = ` +
    `(${formatNumber(params.w1, 3)}, ${formatNumber(params.w2, 3)}) and b = ${formatNumber(params.b, 3)} ` +
    (whole.dead
      ? `is dead on the training set: every point lies on the hatched inactive side.`
      : `is active on ${whole.activeCount} of the points; the rest lie on the hatched inactive side.`) +
    ` Point ${selected + 1} is circled.`
  );
}

/** What to say when the unit died or came back, or null when neither happened. */
export function lifeChangeText(wasDead, whole, count) {
  if (wasDead === null || wasDead === whole.dead) return null;
  return whole.dead
    ? `The unit is now dead on the training set: z \u2264 0 on every point, so every gradient is 0.`
    : `The unit is alive again: active on ${whole.activeCount} of ${count} training points.`;
}

/**
 * What gradient step number `steps` did: the weights' move (`before`, `after`) and the mean
 * loss's (`lossBefore`, `whole.loss`), or why nothing moved.
 */
export function stepText({ steps, rate, before, after, lossBefore, whole }) {
  const unchanged = before.w1 === after.w1 && before.w2 === after.w2 && before.b === after.b;
  if (unchanged) {
    return whole.dead
      ? `Gradient step ${steps} changed nothing: the unit is dead on the training set, so the ` +
          'gradients of w\u2081, w\u2082 and b are all exactly 0.'
      : `Gradient step ${steps} changed nothing: the gradient is 0 here.`;
  }
  const move = (key) => `${key} ${formatNumber(before[key], 3)} \u2192 ${formatNumber(after[key], 3)}`;
  return (
    `Gradient step ${steps} with learning rate ${rate}: ${move('w1')}, ${move('w2')}, ` +
    `${move('b')}; mean loss ${formatNumber(lossBefore, 3)} \u2192 ${formatNumber(whole.loss, 3)}.`
  );
}
