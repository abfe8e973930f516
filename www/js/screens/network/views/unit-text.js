// Words and numbers about units and layers, shared by the diagram, the meters and the
// inspector. Pure functions of plain values (no DOM, no wasm). Indices are 0-based in data and
// 1-based in text: `{ layer: 1, unit: 4 }` is "Layer 2, unit 5".
import { formatInteger } from '../../../text/format.js';

/** Share of training points below which a living unit is flagged "nearly dead". */
export const NEARLY_DEAD_SHARE = 0.05;

const ACTIVATION_NAMES = {
  relu: 'ReLU',
  'leaky-relu': 'leaky ReLU',
  prelu: 'PReLU',
  elu: 'ELU',
  gelu: 'GELU',
  'gelu-tanh': 'GELU (tanh form)',
  silu: 'SiLU',
  softplus: 'softplus',
  sigmoid: 'sigmoid',
  tanh: 'tanh',
  linear: 'linear',
};

const ACTIVATION_FORMULAS = {
  relu: 'max(0, z)',
  'leaky-relu': 'z if z > 0, else α·z',
  elu: 'z if z > 0, else α(eᶻ − 1)',
  gelu: 'z·Φ(z)',
  'gelu-tanh': 'z/2·(1 + tanh(√(2/π)(z + 0.044715z³)))',
  silu: 'z·σ(z)',
  softplus: 'ln(1 + eᶻ)',
  sigmoid: '1 / (1 + e⁻ᶻ)',
  tanh: 'tanh(z)',
  linear: 'z',
};

const SUBSCRIPT_DIGITS = '₀₁₂₃₄₅₆₇₈₉';
const SUPERSCRIPT_DIGITS = '⁰¹²³⁴⁵⁶⁷⁸⁹';

/**
 * The points the statistics count, with their number: "250 training points", or, when the
 * screen passes grid statistics because there is no training data (`train.noData`),
 * "10,000 points of the input grid".
 */
export function pointsPhrase(train) {
  const count = formatInteger(train?.examples ?? 0);
  return train?.noData ? `${count} points of the input grid` : `${count} training points`;
}

/** "relu" → "ReLU". */
export function activationName(activation) {
  return ACTIVATION_NAMES[activation] ?? activation;
}

/** 12 → "₁₂". */
export function subscript(number) {
  return String(number).replace(/\d/g, (digit) => SUBSCRIPT_DIGITS[digit]);
}

/** Replace ASCII hyphen-minus by the typographic minus sign. */
function minus(text) {
  return text.replace(/^-/, '−');
}

/**
 * A plain decimal for the page: 2 decimals under 10, fewer above, exponent form for tiny
 * values. −0.4123 → "−0.41", 123.4 → "123", 0.00042 → "4.2e−4", 0 → "0".
 */
export function formatNumber(value) {
  if (value === null || value === undefined || Number.isNaN(value)) return '—';
  if (!Number.isFinite(value)) return value > 0 ? '∞' : '−∞';
  if (value === 0) return '0';
  const size = Math.abs(value);
  if (size < 0.005) return minus(value.toExponential(1)).replace('e-', 'e−').replace('e+', 'e');
  if (size >= 100) return minus(value.toFixed(0));
  if (size >= 10) return minus(value.toFixed(1));
  return minus(value.toFixed(2));
}

/** A norm in scientific form for the meters: 0.0000361 → "3.6 × 10⁻⁵", 0.07 → "0.070". */
export function formatNorm(value) {
  if (value === null || value === undefined || Number.isNaN(value)) return '—';
  if (!Number.isFinite(value)) return '∞';
  if (value === 0) return '0';
  if (value >= 0.01 && value < 100) return value.toPrecision(2);
  if (value >= 100 && value < 1e5) return value.toFixed(0);
  const [mantissa, exponent] = value.toExponential(1).split('e');
  const power = String(Number(exponent))
    .replace('-', '⁻')
    .replace(/\d/g, (digit) => SUPERSCRIPT_DIGITS[digit]);
  return `${mantissa} × 10${power}`;
}

/** 0.421 → "42%"; shares under 5% keep one decimal ("2.4%") so "nearly" reads true. */
export function formatShare(share) {
  if (share === null || share === undefined || !Number.isFinite(share)) return '—';
  const percent = share * 100;
  if (percent > 0 && percent < NEARLY_DEAD_SHARE * 100) return `${percent.toFixed(1)}%`;
  return `${percent.toFixed(0)}%`;
}

/**
 * What state a hidden unit is in on the training set:
 * "dead" (ReLU, z ≤ 0 on every point), "inactive" (the same for other activations, which still
 * pass gradient), "nearly-dead" / "nearly-inactive" (active on under 5% of the points),
 * or "active".
 */
export function unitState(unitStats, canDie) {
  if (unitStats.dead) return 'dead';
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
          ? ': its inputs are the data, which never change.'
          : '; only a change in the layers below could bring it back.')
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
    const slope = preluSlope === null ? 'a' : formatNumber(preluSlope);
    return `a = PReLU(z) = max(0, z) + ${slope}·min(0, z)`;
  }
  if (activation === 'linear') return 'a = z';
  return `a = ${name}(z) = ${ACTIVATION_FORMULAS[activation] ?? 'f(z)'}`;
}

/** Euclidean norm of a row of numbers. */
export function norm(values) {
  let sum = 0;
  for (const value of values) sum += value * value;
  return Math.sqrt(sum);
}
