// What each plotted function does with negative inputs (claim i of the article: "negative inputs
// carry no signal"), measured on the core's own samples over the plotted x < 0: how many it maps
// to exactly 0, and its slope there. ReLU maps every one to 0 with slope 0, so one ReLU unit
// passes neither signal nor gradient from that side; leaky ReLU, PReLU and ELU do not. Pure:
// plain numbers in, numbers and words out; no DOM, no wasm.
import { formatNumber, formatShare } from '../../text/format.js';
import { activationName } from '../../text/names.js';

/**
 * Smooth activations that are never exactly 0 for x < 0 in exact arithmetic: an exact 0 of one
 * of them on the core's float32 samples is a tiny value rounded to 0.
 */
const NEVER_ZERO_ON_NEGATIVES = Object.freeze(['elu', 'gelu', 'gelu-tanh', 'silu', 'softplus', 'sigmoid', 'tanh']);

/**
 * @typedef {{ count: number, zeros: number, zeroSlopes: number, slopeMin: number, slopeMax: number,
 *   zerosBelow: number | null }} NegativeSide
 */

/**
 * The samples with x < 0 of one curve: how many (count), how many have f(x) exactly 0 (zeros)
 * and f′(x) exactly 0 (zeroSlopes), the smallest and largest slope, and, when the zeros are
 * exactly the leftmost samples, the largest x among them (zerosBelow; null otherwise).
 * @param {ArrayLike<number>} xs
 * @param {ArrayLike<number>} values
 * @param {ArrayLike<number>} slopes
 * @returns {NegativeSide}
 */
export function negativeSide(xs, values, slopes) {
  let count = 0;
  let zeros = 0;
  let zeroSlopes = 0;
  let slopeMin = Infinity;
  let slopeMax = -Infinity;
  let leading = 0; // zeros from the left end, unbroken
  let lastLeading = null;
  for (let i = 0; i < xs.length; i += 1) {
    if (!(xs[i] < 0)) continue;
    count += 1;
    if (values[i] === 0) {
      zeros += 1;
      if (leading === count - 1) {
        leading = count;
        lastLeading = xs[i];
      }
    }
    if (slopes[i] === 0) zeroSlopes += 1;
    slopeMin = Math.min(slopeMin, slopes[i]);
    slopeMax = Math.max(slopeMax, slopes[i]);
  }
  const zerosBelow = zeros > 0 && zeros < count && leading === zeros ? lastLeading : null;
  return { count, zeros, zeroSlopes, slopeMin, slopeMax, zerosBelow };
}

/** A share that is neither none nor all, never printed as "0%" or "100%". */
function partialShare(part, whole) {
  const text = formatShare(part / whole);
  if (text === '100%') return 'over 99%';
  if (Number.parseFloat(text) === 0) return 'under 0.1%';
  return text;
}

/**
 * The two cells of a function's row: f(x) exactly 0 ("every x" / "none" / a share, and below
 * which x), and f′(x) on x < 0 (its value or range, and how often it is exactly 0).
 * @param {NegativeSide} side
 */
export function negativeCells(side) {
  const { count, zeros, zeroSlopes, slopeMin, slopeMax, zerosBelow } = side;
  if (count === 0) return { value: '—', slope: '—' };
  let value = zeros === count ? 'every x' : zeros === 0 ? 'none' : partialShare(zeros, count);
  if (zerosBelow !== null) value += ` (x below about ${formatNumber(zerosBelow, 2)})`;
  let slope = slopeMin === slopeMax ? formatNumber(slopeMin, 2) : `${formatNumber(slopeMin, 2)} to ${formatNumber(slopeMax, 2)}`;
  if (zeroSlopes === count) slope = '0 everywhere';
  else if (zeroSlopes > 0) slope += `; exactly 0 on ${partialShare(zeroSlopes, count)}`;
  return { value, slope };
}

/**
 * A sentence for the smooth functions among `curves` ({ name, negative }) that show exact
 * zeros on x < 0 (in value or slope): float32 rounding, not the function. '' when none does.
 */
export function roundingNote(curves) {
  const rounded = curves.filter(
    (curve) => NEVER_ZERO_ON_NEGATIVES.includes(curve.name) && (curve.negative.zeros > 0 || curve.negative.zeroSlopes > 0),
  );
  if (rounded.length === 0) return '';
  const names = rounded.map((curve) => activationName(curve.name));
  const list = names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
  const their = names.length === 1 ? 'its slope does' : 'their slopes do';
  return `${list} never ${names.length === 1 ? 'reaches' : 'reach'} exactly 0 for x < 0, and ${their} so at one point at most: ` +
    'the exact zeros counted here come from float32 rounding.';
}
