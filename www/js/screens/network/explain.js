// Plain-words explanations the Network screen adds beside its numbers: why some units are dead
// at step 0, and when the learning rate is too high (the loss exploding, or ReLU units dying
// until accuracy falls to chance). Pure functions of plain numbers: no DOM, no wasm.
import { formatInteger, formatLoss, formatPercent, formatRate } from '../../text/format.js';
import { optimizerName } from '../../text/names.js';

/** The loss is "exploding" when it is this many times its best so far (and above 1). */
export const EXPLODING_FACTOR = 10;
/** Accuracy at or below this is "close to chance" on the two-class sets. */
export const CHANCE_ACCURACY = 0.6;

/** "layer 2" / "layers 2 and 3" / "layers 1, 2 and 3" (1-based). */
function layerList(indices) {
  const names = indices.map((index) => String(index + 1));
  if (names.length === 1) return `layer ${names[0]}`;
  return `layers ${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

/**
 * Why units are off at step 0, or '' when none is. `start`: { dead: [count per hidden layer] }
 * measured at step 0; `word`: "dead" (ReLU) or "inactive" (its family); `biasInit`: the
 * initial bias.
 * @param {{ dead: number[] } | null} start
 * @param {{ word: string, unitCount: number, biasInit: number }} about
 */
export function startNote(start, { word, unitCount, biasInit }) {
  if (!start) return '';
  const total = start.dead.reduce((sum, count) => sum + count, 0);
  if (total === 0) return '';
  const layers = start.dead.map((count, index) => (count > 0 ? index : -1)).filter((index) => index >= 0);
  const head = `At step 0, ${formatInteger(total)} of the ${formatInteger(unitCount)} units were already ` +
    `${word} (${layerList(layers)}): ${word} from the start, at initialisation, before any training.`;
  if (biasInit < 0) {
    return `${head} Every bias starts at ${formatRate(biasInit).replace('-', '−')}, which pushes z below zero on every training point.`;
  }
  const deeper = layers.some((index) => index > 0)
    ? ' This happens in deeper layers: a first-layer unit with zero bias splits the plane through ' +
      'its middle, so it is active on part of the data; a deeper unit reads the outputs of the ' +
      'layer below, which are never negative, so when its weights on them are mostly negative, ' +
      'z ≤ 0 on every point.'
    : '';
  return head + deeper;
}

/**
 * A warning that the learning rate is too high, or null. Two signs, checked on the training
 * set after step 0: the loss far above its best so far, and (ReLU) most units dead since the
 * start while accuracy is close to chance. Training goes on (only NaN or ∞ stop it).
 * `now`: { step, trainLoss, accuracy (test, else training), offCount, unitCount, canDie };
 * `best`: { loss, step } the lowest training loss recorded (null before any);
 * `startOff`: units off at step 0; `train`: { optimizer, learningRate }.
 * Returns { kind: 'exploding' | 'dying', text } or null.
 */
export function learningRateWarning(now, best, startOff, train) {
  if (!(now.step > 0)) return null;
  const rate = `${formatRate(train.learningRate)} with ${optimizerName(train.optimizer)}`;
  const died = now.offCount - startOff;
  if (
    now.canDie &&
    now.unitCount > 0 &&
    now.offCount >= now.unitCount / 2 &&
    died >= now.unitCount / 4 &&
    Number.isFinite(now.accuracy) &&
    now.accuracy <= CHANCE_ACCURACY
  ) {
    return {
      kind: 'dying',
      text: `The learning rate is too high for these ReLU units: most of them died ` +
        `(${formatInteger(now.offCount)} of ${formatInteger(now.unitCount)} are dead, ` +
        `${formatInteger(startOff)} were at step 0), and accuracy fell to ${formatPercent(now.accuracy, 0)}, ` +
        `close to chance. A dead unit gets no gradient, so more training will not bring most of them ` +
        `back. Lower the learning rate (now ${rate}) and press Reset, or switch to leaky ReLU keeping the ` +
        'weights (the “Kill, then revive” scenario): under it the same units get gradient again.',
    };
  }
  if (
    best &&
    Number.isFinite(now.trainLoss) &&
    now.trainLoss > 1 &&
    now.trainLoss > EXPLODING_FACTOR * best.loss
  ) {
    return {
      kind: 'exploding',
      text: `The loss is exploding: the training loss is ${formatLoss(now.trainLoss)}, far above its ` +
        `best so far (${formatLoss(best.loss)} at step ${formatInteger(best.step)}). The steps overshoot: ` +
        `the learning rate (${rate}) is too high for this network. Training goes on; lower the ` +
        'learning rate and press Reset.',
    };
  }
  return null;
}

/**
 * The lowest training loss in the history columns (7 numbers a record, `count` records),
 * with its step, or null.
 * @param {Float32Array} history
 * @param {number} count
 */
export function bestLoss(history, count) {
  let best = null;
  for (let r = 0; r < count; r += 1) {
    const loss = history[r * 7 + 1];
    if (Number.isFinite(loss) && (best === null || loss < best.loss)) best = { loss, step: history[r * 7] };
  }
  return best;
}
