// The one number formatter: every number a screen, chart, legend or spoken summary shows goes
// through one of these named styles, so the same value reads the same everywhere. Pure
// functions; a true minus sign (−); "—" stands for "not defined" (null, undefined, NaN).
//
//   formatNumber(0.77729)      "0.7773"   up to 4 significant digits (readouts, probes)
//   formatNumber(0.77729, 2)   "0.78"     fewer digits where space is short
//   formatDecimal(-0.4123)     "−0.41"    2 decimals under 10, fewer above (unit cards, traces)
//   formatFixed(-0.5, 2)       "−0.50"    a fixed number of decimals (sliders)
//   formatInteger(1200)        "1,200"
//   formatPercent(0.9764)      "97.6%"
//   formatShare(0.421)         "42%"      one decimal below 5%, so "nearly" reads true
//   formatLoss(0.12345)        "0.123"    "∞" when it overflowed
//   formatNorm(0.0000361)      "3.6 × 10⁻⁵"
//   formatRate(0.00003)        "0.00003"  a learning rate as typed (no exponent)
//   formatRatio(1 / 1894)      "1/1,894"  a factor, never "29159%"; formatRatio(20) "×20"

const MINUS = '\u2212';
const SUPERSCRIPT_DIGITS = '⁰¹²³⁴⁵⁶⁷⁸⁹';
const integerFormat = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/** @param {unknown} value */
const undefinedNumber = (value) => value === null || value === undefined || Number.isNaN(value);

/** Replace ASCII hyphen-minus signs (also in exponents) by the typographic minus. */
function withMinus(text) {
  return text.replace(/-/g, MINUS);
}

/** ±∞ with its sign. */
const infinity = (value) => (value > 0 ? '∞' : `${MINUS}∞`);

/**
 * A value with up to `digits` significant digits, trailing zeros dropped:
 * 0.77729 → "0.7773", −2 → "−2", 1000 → "1000", 4.54e−5 → "4.54e−5", 0 → "0".
 * @param {number | null | undefined} value
 */
export function formatNumber(value, digits = 4) {
  if (undefinedNumber(value)) return '—';
  if (!Number.isFinite(value)) return infinity(value);
  if (value === 0) return '0';
  const magnitude = Math.abs(value);
  if (magnitude < 1e-3 || magnitude >= 1e6) {
    const [mantissa, exponent] = value.toExponential(Math.max(0, digits - 2)).split('e');
    const trimmed = mantissa.includes('.') ? mantissa.replace(/\.?0+$/, '') : mantissa;
    return withMinus(`${trimmed}e${exponent.replace('+', '')}`);
  }
  let text = value.toPrecision(digits);
  if (text.includes('e')) text = String(Number(text)); // e.g. 1.000e+3 → "1000"
  if (text.includes('.')) text = text.replace(/\.?0+$/, '');
  return withMinus(text);
}

/**
 * A plain decimal for cards and traces: 2 decimals under 10, fewer above, exponent form for
 * tiny values. −0.4123 → "−0.41", 123.4 → "123", 0.00042 → "4.2e−4", 0 → "0".
 * @param {number | null | undefined} value
 */
export function formatDecimal(value) {
  if (undefinedNumber(value)) return '—';
  if (!Number.isFinite(value)) return infinity(value);
  if (value === 0) return '0';
  const size = Math.abs(value);
  if (size < 0.005) return withMinus(value.toExponential(1).replace('e+', 'e'));
  if (size >= 100) return withMinus(value.toFixed(0));
  if (size >= 10) return withMinus(value.toFixed(1));
  return withMinus(value.toFixed(2));
}

/**
 * A value with a fixed number of decimals: (−0.5, 2) → "−0.50"; −0.001 at 2 → "0.00".
 * @param {number | null | undefined} value
 * @param {number} decimals
 */
export function formatFixed(value, decimals) {
  if (undefinedNumber(value)) return '—';
  const text = value.toFixed(decimals);
  // "-0.00" reads as a negative zero; show it as zero.
  return Number(text) === 0 ? (0).toFixed(decimals) : withMinus(text);
}

/** 1200 → "1,200". @param {number | null | undefined} value */
export function formatInteger(value) {
  return Number.isFinite(value) ? integerFormat.format(value) : '—';
}

/** 0.9764 → "97.6%" (digits = 1) or "98%" (digits = 0). @param {number | null | undefined} share */
export function formatPercent(share, digits = 1) {
  if (undefinedNumber(share) || !Number.isFinite(share)) return '—';
  return `${(share * 100).toFixed(digits)}%`;
}

/** Share of points below which formatShare keeps a decimal. */
const FINE_SHARE = 0.05;

/** 0.421 → "42%"; shares under 5% keep one decimal ("2.4%"). @param {number | null | undefined} share */
export function formatShare(share) {
  if (undefinedNumber(share) || !Number.isFinite(share)) return '—';
  const percent = share * 100;
  if (percent > 0 && percent < FINE_SHARE * 100) return `${percent.toFixed(1)}%`;
  return `${percent.toFixed(0)}%`;
}

/** A loss to 3 decimals, "∞" when it overflowed. @param {number | null | undefined} value */
export function formatLoss(value) {
  if (undefinedNumber(value)) return '—';
  if (!Number.isFinite(value)) return '∞';
  return value.toFixed(3);
}

/** A norm in scientific form for the meters: 0.0000361 → "3.6 × 10⁻⁵", 0.07 → "0.070". */
export function formatNorm(value) {
  if (undefinedNumber(value)) return '—';
  if (!Number.isFinite(value)) return '∞';
  if (value === 0) return '0';
  if (value >= 0.01 && value < 100) return value.toPrecision(2);
  if (value >= 100 && value < 1e5) return value.toFixed(0);
  const [mantissa, exponent] = value.toExponential(1).split('e');
  const power = String(Number(exponent))
    .replace('-', '⁻')
    .replace(/\d/g, (digit) => SUPERSCRIPT_DIGITS[Number(digit)]);
  return `${mantissa} × 10${power}`;
}

/** A learning rate as typed: 0.00003 → "0.00003", 10 → "10" (no exponent from 1e-5 up). */
export function formatRate(rate) {
  return String(Number(rate.toPrecision(6)));
}

/**
 * A ratio as a factor: 20 → "×20", 1 / 1894 → "1/1,894", 0.5 → "1/2", 1.5 → "×1.5", 1 → "×1".
 * Ratios never read as percentages ("29159%").
 * @param {number | null | undefined} ratio
 */
export function formatRatio(ratio) {
  if (undefinedNumber(ratio) || ratio < 0) return '—';
  if (ratio === 0) return '0';
  if (!Number.isFinite(ratio)) return '×∞';
  if (ratio >= 1) return `×${ratio >= 10 ? formatInteger(ratio) : formatNumber(ratio, 2)}`;
  const inverse = 1 / ratio;
  return `1/${inverse >= 10 ? formatInteger(inverse) : formatNumber(inverse, 2)}`;
}
