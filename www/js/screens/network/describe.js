// Words for the network screen: unit names, event messages, and the text alternatives of the
// canvases. Pure functions of plain data; importable from Node.
import { formatInteger, formatLoss, formatPercent } from '../../text/format.js';
import { activationName, capitalized } from '../../text/names.js';
import { marksOffUnits } from './views/unit-text.js';

/** "2.5" for layer index 1, unit index 4 (shown 1-based: layer 2, unit 5). */
export function unitName({ layer, unit }) {
  return `${layer + 1}.${unit + 1}`;
}

/**
 * Only ReLU units are called dead (they pass no gradient below zero); units of the other
 * activations with z ≤ 0 on every training point are inactive (SCIENCE.md).
 */
export function canDie(activation) {
  return activation === 'relu';
}

/** "Units 2.5, 3.1 and 3.4" / "Unit 2.5" / "Units 2.5, …, 1.3 and 5 more". */
function listUnits(events, most = 6) {
  const names = events.map(unitName);
  const word = names.length === 1 ? 'Unit' : 'Units';
  if (names.length === 1) return `${word} ${names[0]}`;
  if (names.length <= most) return `${word} ${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
  return `${word} ${names.slice(0, most).join(', ')} and ${names.length - most} more`;
}

/** "at step 1,240" or "between steps 1,200 and 1,240". */
function stepRange(events) {
  const first = events[0].step;
  const last = events.at(-1).step;
  return first === last
    ? `at step ${formatInteger(first)}`
    : `between steps ${formatInteger(first)} and ${formatInteger(last)}`;
}

/**
 * One short message for a batch of unit events ({ step, layer, unit, died }, oldest first):
 * "Unit 2.5 died at step 1,240." or "Units 1.2 and 3.4 died between steps 40 and 90. Unit 2.1
 * came back at step 95." `layerActivations[layer]` names each layer's activation, so units
 * of other activations "became inactive" / "became active again" instead.
 */
export function describeEvents(events, layerActivations) {
  if (events.length === 0) return '';
  // One line per unit: a unit that flipped an even number of times is back where it was.
  const byUnit = new Map();
  for (const event of events) {
    const key = `${event.layer}.${event.unit}`;
    if (!byUnit.has(key)) byUnit.set(key, []);
    byUnit.get(key).push(event);
  }
  const groups = new Map();
  for (const list of byUnit.values()) {
    const last = list.at(-1);
    const relu = canDie(layerActivations[last.layer]);
    let verb;
    if (list.length % 2 === 0) verb = relu ? 'died and came back' : 'went inactive and back';
    else if (last.died) verb = relu ? 'died' : 'became inactive';
    else verb = relu ? 'came back' : 'became active again';
    if (!groups.has(verb)) groups.set(verb, []);
    groups.get(verb).push({ ...last, first: list[0].step });
  }
  return Array.from(groups, ([verb, list]) => {
    list.sort((a, b) => a.first - b.first || a.layer - b.layer || a.unit - b.unit);
    const steps = [...list.map((e) => ({ step: e.first })), ...list.map((e) => ({ step: e.step }))]
      .sort((a, b) => a.step - b.step);
    return `${listUnits(list)} ${verb} ${stepRange(steps)}.`;
  }).join(' ');
}

/** The ReLU family besides ReLU: below zero they keep a slope, so an inactive unit gets gradient. */
const SLOPED_BELOW_ZERO = Object.freeze(['leaky-relu', 'prelu', 'elu']);

/**
 * What the screen says when every hidden layer switched its activation in place: `change` is
 * run.js's { step, from, to, dead, inactive, unitCount } (dead and inactive: units with z ≤ 0
 * on every training point just before the switch, as ReLU units or as others).
 * "Switched every hidden layer from ReLU to leaky ReLU at step 1,000, keeping the weights.
 * 22 of the 24 units were dead; as leaky ReLU units they are only inactive: the slope below
 * zero passes gradient to them, so they can come back."
 * @param {{ step: number, from: string, to: string, dead: number, inactive: number, unitCount: number }} change
 */
export function describeSwitch({ step, from, to, dead, inactive, unitCount }) {
  const head = `Switched every hidden layer from ${activationName(from)} to ${activationName(to)} at ` +
    `step ${formatInteger(step)}, keeping the weights.`;
  const of = (count) => `${formatInteger(count)} of the ${formatInteger(unitCount)} units`;
  if (canDie(from) && dead > 0) {
    if (SLOPED_BELOW_ZERO.includes(to)) {
      return `${head} ${of(dead)} were dead; as ${activationName(to)} units they are only inactive: ` +
        'the slope below zero passes gradient to them, so they can come back.';
    }
    if (to === 'relu6') return `${head} ${of(dead)} were dead; ReLU6 is flat below zero too, so they still get no gradient.`;
    return `${head} ${of(dead)} were dead under ReLU.`;
  }
  if (canDie(to) && inactive > 0) {
    return `${head} ${of(inactive)} had z ≤ 0 on every training point: as ReLU units they are dead now, with no gradient.`;
  }
  return head;
}

/**
 * The schedule of switches in words, or '' without one: "Starts with ReLU; at step 1,000
 * every hidden layer switches to leaky ReLU, keeping the weights."
 * @param {{ network: { activation: string }, schedule?: { step: number, activation: string }[] }} state
 */
export function describeSchedule(state) {
  const schedule = state.schedule ?? [];
  if (schedule.length === 0) return '';
  const steps = schedule.map((entry) => `at step ${formatInteger(entry.step)} to ${activationName(entry.activation)}`);
  const list = steps.length === 1 ? steps[0] : `${steps.slice(0, -1).join(', ')} and ${steps.at(-1)}`;
  return `${capitalized(activationName(state.network.activation))} at step 0; every hidden layer switches ${list}, keeping the weights.`;
}

/**
 * The state in one line, e.g. "test accuracy 97%, 3 of 24 units dead, layer 1 48% sparse,
 * layer 2 20% sparse". `summary` is from summarise().
 */
export function describeSummary(summary) {
  const parts = [];
  if (summary.testAccuracy !== null) parts.push(`test accuracy ${formatPercent(summary.testAccuracy, 0)}`);
  else if (summary.trainAccuracy !== null) parts.push(`training accuracy ${formatPercent(summary.trainAccuracy, 0)}`);
  if (summary.unitCount === 0) {
    parts.push('no hidden units');
  } else {
    parts.push(`${summary.offCount} of ${summary.unitCount} units ${summary.canDie || !summary.countsOff ? 'dead' : 'inactive'}`);
    summary.sparsity.forEach((share, index) => parts.push(`layer ${index + 1} ${formatPercent(share, 0)} sparse`));
  }
  return parts.join(', ');
}

/**
 * The plain numbers the words are made of, from a frame's measurements:
 * train (stats), test (score or null), hidden activation, step, diverged.
 */
export function summarise({ train, test, activation, step, diverged }) {
  const relu = canDie(activation);
  // Sigmoid, tanh and the smooth ones: z ≤ 0 everywhere is no failure, so none is counted.
  const counted = marksOffUnits(activation);
  const unitCount = train.layers.reduce((sum, layer) => sum + layer.units.length, 0);
  return {
    step,
    diverged,
    noData: Boolean(train.noData),
    testAccuracy: test ? test.accuracy : null,
    testLoss: test ? test.loss : null,
    trainAccuracy: train.noData ? null : train.accuracy,
    trainLoss: train.noData ? null : train.loss,
    canDie: relu,
    /** Whether the off units are counted at all ("Dead" for ReLU, "Inactive" for its family). */
    countsOff: counted,
    unitCount,
    offCount: relu ? train.deadUnits : counted ? train.neverActiveUnits : 0,
    sparsity: train.layers.map((layer) => layer.sparsity),
  };
}

/**
 * A key that changes when the words would change noticeably: accuracy by 5-point bands, the
 * dead or inactive count, sparsity by 10-point bands, divergence. Text alternatives are
 * rewritten when it changes (and on pause, step and reset), never every frame.
 */
export function summaryKey(summary) {
  const band = (share, width) => (share === null || !Number.isFinite(share) ? '-' : Math.floor(share * 100 / width));
  return [
    summary.diverged,
    band(summary.testAccuracy ?? summary.trainAccuracy, 5),
    summary.offCount,
    summary.unitCount,
    ...summary.sparsity.map((share) => band(share, 10)),
  ].join('|');
}

/** The decision map's accessible name. */
export function describeMap(summary, about) {
  const head = `Decision map after ${formatInteger(summary.step)} training steps: the background is the ` +
    'predicted class over the input plane, −6 to 6 on both axes, blue for class 0, orange for ' +
    'class 1, pale where unsure.';
  const points = about.trainCount + about.testCount === 0
    ? ' No data points yet.'
    : ` ${formatInteger(about.trainCount)} training points (filled) and ${formatInteger(about.testCount)} ` +
      'test points (outlined); class 0 are circles, class 1 triangles.';
  const state = summary.diverged
    ? ' Training diverged: there is no prediction to show.'
    : ` Now: ${describeSummary(summary)}.`;
  return head + points + state;
}

/** The accessible name of a selected unit's map. */
export function describeUnitMap(summary, selected, unitStats, activation) {
  const name = unitName(selected);
  const off = canDie(activation) ? 'dead' : 'inactive';
  const share = unitStats ? formatPercent(unitStats.activeShare, 0) : '—';
  const state = unitStats && unitStats.neverActive ? ` It is ${off}: z ≤ 0 on every training point.` : '';
  return `Activation map of unit ${name} (layer ${selected.layer + 1}, unit ${selected.unit + 1}) after ` +
    `${formatInteger(summary.step)} steps: orange where its output is positive, pale where it is ` +
    `0, blue where negative. Active (z > 0) on ${share} of the training points.${state}`;
}

/**
 * The charts' accessible names, { loss, accuracy, dead, sparsity }: what each shows and where
 * its series start and are now. `history`: { count, first, last } records as objects (step,
 * trainLoss, testLoss, trainAccuracy, testAccuracy, deadUnits, sparsity), `events`: marked.
 */
export function describeCharts(summary, history) {
  if (history.count === 0) {
    const none = 'no steps yet';
    return {
      loss: `Loss chart: ${none}.`,
      accuracy: `Accuracy chart: ${none}.`,
      dead: `Dead-unit chart: ${none}.`,
      sparsity: `Sparsity chart: ${none}.`,
    };
  }
  const { first, last } = history;
  const over = `over ${formatInteger(last.step)} steps`;
  return {
    loss: `Loss ${over}: training ${formatLoss(first.trainLoss)} at the start and ` +
      `${formatLoss(last.trainLoss)} now, test ${formatLoss(first.testLoss)} at the start and ` +
      `${formatLoss(last.testLoss)} now.`,
    accuracy: `Accuracy ${over}: training ${formatPercent(first.trainAccuracy, 0)} at the start and ` +
      `${formatPercent(last.trainAccuracy, 0)} now, test ${formatPercent(first.testAccuracy, 0)} at the ` +
      `start and ${formatPercent(last.testAccuracy, 0)} now.`,
    dead: `Dead units on the training set ${over}${summary.canDie ? '' : ' (only ReLU units can die)'}: ` +
      `${formatInteger(first.deadUnits)} at the start, ${formatInteger(last.deadUnits)} now` +
      `${history.events ? `; ${history.events} times a unit ${summary.canDie ? 'died or came back' : 'became inactive or active again'}, marked on the chart` : ''}.`,
    sparsity: `Sparsity of the hidden layers ${over}: ${formatPercent(first.sparsity, 0)} at the start, ` +
      `${formatPercent(last.sparsity, 0)} now.`,
  };
}

/** What the live region says on pause, step, reset, preset end and divergence. */
export function describeMoment(summary, moment) {
  const step = formatInteger(summary.step);
  if (moment === 'diverged') {
    return `Training stopped at step ${step}: it diverged. The learning rate is probably too high ` +
      'for this optimiser and initialisation. Press Reset to start again, or lower the learning rate.';
  }
  const lead = {
    pause: `Paused at step ${step}`,
    reset: `Reset to step ${step}`,
    rebuild: `New network at step ${step}`,
    preset: `Paused at step ${step}, where this scenario shows its effect`,
  }[moment] ?? `Step ${step}`;
  return `${lead}: ${describeSummary(summary)}.`;
}
