// Numbers as text for readouts and screen readers: a true minus sign, at most a few
// significant digits, and an exponent for very small or very large magnitudes. Pure functions.

const MINUS = '\u2212';

/** Replace ASCII hyphen-minus signs (also in exponents) by the typographic minus. */
function withMinus(text) {
  return text.replace(/-/g, MINUS);
}

/**
 * A value with up to `digits` significant digits, trailing zeros dropped:
 * 0.77729 → "0.7773", −2 → "−2", 1000 → "1000", 4.54e−5 → "4.54e−5", 0 → "0".
 * NaN, null, undefined → "—"; ±Infinity → "∞" with its sign.
 */
export function formatNumber(value, digits = 4) {
  if (value === null || value === undefined || Number.isNaN(value)) return '—';
  if (!Number.isFinite(value)) return value > 0 ? '∞' : `${MINUS}∞`;
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

/** A value with a fixed number of decimals and a true minus sign: (−0.5, 2) → "−0.50". */
export function formatFixed(value, decimals) {
  if (value === null || value === undefined || Number.isNaN(value)) return '—';
  const text = value.toFixed(decimals);
  // "-0.00" reads as a negative zero; show it as zero.
  return Number(text) === 0 ? (0).toFixed(decimals) : withMinus(text);
}
