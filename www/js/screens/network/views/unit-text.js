// Words and numbers about units and layers, shared by the diagram, the meters and the
// inspector. Pure functions of plain values (no DOM, no wasm). Indices are 0-based in data and
// 1-based in text: `{ layer: 1, unit: 4 }` is "Layer 2, unit 5".
import { formatDecimal, formatInteger, formatShare } from '../../../text/format.js';
import { activationFormula as formulaOf, activationName } from '../../../text/names.js';

/** Share of training points below which a living unit is flagged "nearly dead". */
export const NEARLY_DEAD_SHARE = 0.05;

const SUBSCRIPT_DIGITS = '₀₁₂₃₄₅₆₇₈₉';

/**
 * The points the statistics count, with their number: "250 training points", or, when the
 * screen passes grid statistics because there is no training data (`train.noData`),
 * "10,000 points of the input grid".
 */
export function pointsPhrase(train) {
  const count = formatInteger(train?.examples ?? 0);
  return train?.noData ? `${count} points of the input grid` : `${count} training points`;
}

/** 12 → "₁₂". */
export function subscript(number) {
  return String(number).replace(/\d/g, (digit) => SUBSCRIPT_DIGITS[digit]);
}

/** The ReLU family besides ReLU: units that can be off everywhere and still pass gradient. */
const RELU_FAMILY = Object.freeze(['leaky-relu', 'prelu', 'elu']);

/**
 * Whether units of `activation` are marked when z ≤ 0 on every point: ReLU ("dead") and its
 * family ("inactive"). For sigmoid, tanh and the smooth ones, z ≤ 0 everywhere is no failure
 * (they still have a slope and an output there), so they carry no mark.
 */
export function marksOffUnits(activation) {
  return activation === 'relu' || RELU_FAMILY.includes(activation);
}

/**
 * What state a hidden unit is in on the training set:
 * "dead" (ReLU, z ≤ 0 on every point), "inactive" (the same for other activations, which still
 * pass gradient), "nearly-dead" / "nearly-inactive" (active on under 5% of the points),
 * or "active". With `marked` false (not the ReLU family, see marksOffUnits) only "active".
 */
export function unitState(unitStats, canDie, marked = true) {
  if (unitStats.dead) return 'dead';
  if (!canDie && !marked) return 'active';
  if (unitStats.neverActive) return canDie ? 'dead' : 'inactive';
  if (unitStats.activeShare < NEARLY_DEAD_SHARE) return canDie ? 'nearly-dead' : 'nearly-inactive';
  return 'active';
}

/** "dead", "nearly dead", … as words; "" for an active unit. */
export function stateWords(state) {
  const words = {
    dead: 'dead',
    inactive: 'inactive',
    'nearly-dead': 'nearly dead',
    'nearly-inactive': 'nearly inactive',
  };
  return words[state] ?? '';
}

/** "Layer 2, unit 5". */
export function unitName(layer, unit) {
  return `Layer ${layer + 1}, unit ${unit + 1}`;
}

/**
 * The unit's accessible name, e.g.
 * "Layer 2, unit 5: dead — never active on the 250 training points".
 * `points` is pointsPhrase(train).
 */
export function unitLabel(layer, unit, state, activeShare, points) {
  const name = unitName(layer, unit);
  switch (state) {
    case 'dead':
      return `${name}: dead — never active on the ${points}`;
    case 'inactive':
      return `${name}: inactive — z ≤ 0 on all ${points}, but it still passes gradient`;
    case 'nearly-dead':
    case 'nearly-inactive':
      return `${name}: ${stateWords(state)} — active on only ${formatShare(activeShare)} of the ${points}`;
    default:
      return `${name}: active on ${formatShare(activeShare)} of the ${points}`;
  }
}

/** One sentence: why the unit is in its state and what that means for learning. */
export function stateReason(state, layer, activation) {
  const name = activationName(activation);
  switch (state) {
    case 'dead':
      return (
        'Its z is ≤ 0 for every training point, so it always outputs 0, its gradient is zero ' +
        'and it cannot recover by itself' +
        (layer === 0
          ? ': its inputs are the data, which never change (only an optimiser’s leftover ' +
            'momentum can still move its weights for a few steps).'
          : '; a change in the layers below can bring it back.')
      );
    case 'inactive':
      return (
        `Its z is ≤ 0 for every training point, but ${name} still has a slope there, so it ` +
        'keeps getting gradient and can recover (a ReLU unit would be dead).'
      );
    case 'nearly-dead':
      return (
        'It is active on fewer than 5% of the training points, so it learns from very few of ' +
        'them and one more push could kill it.'
      );
    case 'nearly-inactive':
      return `Its z is > 0 on fewer than 5% of the training points; ${name} still passes gradient.`;
    default:
      return 'It is active on part of the training data, so it passes values forward and gradient back.';
  }
}

/**
 * The unit's pre-activation written out with its live weights, e.g.
 * "z = 0.84·a₁ − 1.20·a₂ + 0.10" (layer 0 reads x₁, x₂). With more than `maxTerms` inputs,
 * only the largest terms are shown, in input order, and "…" stands for the rest.
 */
export function preActivationFormula(weightRow, bias, layer, maxTerms = 4) {
  const symbol = layer === 0 ? 'x' : 'a';
  let indices = weightRow.map((_, index) => index);
  const shortened = indices.length > maxTerms;
  if (shortened) {
    indices = indices
      .sort((a, b) => Math.abs(weightRow[b]) - Math.abs(weightRow[a]))
      .slice(0, maxTerms)
      .sort((a, b) => a - b);
  }
  let text = 'z =';
  indices.forEach((index, position) => {
    const weight = weightRow[index];
    const sign = position === 0 ? (weight < 0 ? ' −' : ' ') : weight < 0 ? ' − ' : ' + ';
    text += `${sign}${Math.abs(weight).toFixed(2)}·${symbol}${subscript(index + 1)}`;
  });
  if (shortened) text += ' + …';
  text += ` ${bias < 0 ? '−' : '+'} ${Math.abs(bias).toFixed(2)}`;
  return text;
}

/** "a = ReLU(z) = max(0, z)"; PReLU shows its learned slope. */
export function activationFormula(activation, preluSlope = null) {
  const name = activationName(activation);
  if (activation === 'prelu') {
    const slope = preluSlope === null ? 'a' : formatDecimal(preluSlope);
    return `a = PReLU(z) = max(0, z) + ${slope}·min(0, z)`;
  }
  if (activation === 'linear') return 'a = z';
  return `a = ${name}(z) = ${formulaOf(activation) || 'f(z)'}`;
}

/** Euclidean norm of a row of numbers. */
export function norm(values) {
  let sum = 0;
  for (const value of values) sum += value * value;
  return Math.sqrt(sum);
}
