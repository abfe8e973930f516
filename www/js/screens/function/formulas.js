// Each activation and its derivative as native MathML (no library), written from the formulas
// in the lab's science notes and the core's src/activation.rs. Pure functions returning markup.
import { formatNumber } from '../../text/format.js';

const mi = (name) => `<mi>${name}</mi>`;
const mn = (value) => `<mn>${value}</mn>`;
const mo = (op) => `<mo>${op}</mo>`;
const row = (...parts) => `<mrow>${parts.join('')}</mrow>`;
const frac = (top, bottom) => `<mfrac>${top}${bottom}</mfrac>`;
const sup = (base, power) => `<msup>${base}${power}</msup>`;
const sqrt = (body) => `<msqrt>${body}</msqrt>`;
// Parentheses hug their content (no operator spacing) and keep their size, except around
// fractions, where they grow to fit (bigParen).
const paren = (...parts) =>
  row('<mo stretchy="false" lspace="0" rspace="0">(</mo>', ...parts, '<mo stretchy="false" lspace="0" rspace="0">)</mo>');
const bigParen = (...parts) =>
  row('<mo lspace="0" rspace="0">(</mo>', ...parts, '<mo lspace="0" rspace="0">)</mo>');
const x = mi('x');
const call = (name, ...args) => row(mi(name), mo('&#x2061;'), paren(...args));
const prime = (name) => row(mi(name), '<mo lspace="0" rspace="0">&#x2032;</mo>');
const exp = (power) => sup(mi('e'), power);

/** A two- or three-case definition: { value, if condition } per row. */
function cases(...rows) {
  const body = rows
    .map(([value, condition]) => `<mtr><mtd>${value}</mtd><mtd>${condition}</mtd></mtr>`)
    .join('');
  return row(mo('{'), `<mtable>${body}</mtable>`);
}
const when = (...parts) => row(mtext('if'), mo('&#x2009;'), ...parts);
function mtext(text) {
  return `<mtext>${text}</mtext>`;
}
const gt0 = when(x, mo('&gt;'), mn(0));
const lt0 = when(x, mo('&lt;'), mn(0));
const le0 = when(x, mo('&#x2264;'), mn(0));
const eq0 = when(x, mo('='), mn(0));
const sigma = (arg) => row(mi('&#x3C3;'), mo('&#x2061;'), paren(arg));

function equation(lhs, rhs, label) {
  return `<math display="block" aria-label="${label}">${row(lhs, mo('='), rhs)}</math>`;
}

const f = (arg = x) => call('f', arg);
const fp = row(prime('f'), mo('&#x2061;'), paren(x));
const alpha = mi('&#x3B1;');
const a = mi('a');
const t = mi('t');
const minus = mo('&#x2212;');

/**
 * Each activation's formulas: `value` and `derivative` as [left side, right side, spoken label]
 * (equation's arguments), and `note` as text or a function of the current parameters.
 */
const FORMULAS = Object.freeze({
  relu: {
    value: [f(), call('max', mn(0), mo(','), x), 'f of x equals max of 0 and x'],
    derivative: [
      fp,
      cases([mn(1), gt0], [mn(0), lt0], [mi('c'), eq0]),
      'f prime of x is 1 if x is greater than 0, 0 if x is less than 0, c if x equals 0',
    ],
    note: (o) => `c is the ReLU\u2032(0) convention: 0, \u00bd or 1 (now ${formatNumber(o.reluAtZero)}).`,
  },
  'leaky-relu': {
    value: [f(), cases([x, gt0], [row(alpha, x), le0]), 'f of x is x if x is greater than 0, alpha times x otherwise'],
    derivative: [fp, cases([mn(1), gt0], [alpha, le0]), 'f prime of x is 1 if x is greater than 0, alpha otherwise'],
    note: (o) => `\u03b1 is the negative slope (now ${formatNumber(o.slope)}).`,
  },
  prelu: {
    value: [
      f(),
      row(call('max', mn(0), mo(','), x), mo('+'), a, mo('&#x2062;'), call('min', mn(0), mo(','), x)),
      'f of x equals max of 0 and x plus a times min of 0 and x',
    ],
    derivative: [fp, cases([mn(1), gt0], [a, le0]), 'f prime of x is 1 if x is greater than 0, a otherwise'],
    note: (o) =>
      `a is learned, one per unit; He et al. (2015) start it at 0.25 (now ${formatNumber(o.preluSlope)}). ` +
      'Its own gradient is \u2202f/\u2202a = min(0, x).',
  },
  elu: {
    value: [
      f(),
      cases([x, gt0], [row(alpha, paren(exp(x), minus, mn(1))), le0]),
      'f of x is x if x is greater than 0, alpha times e to the x minus 1 otherwise',
    ],
    derivative: [
      fp,
      cases([mn(1), gt0], [row(alpha, exp(x)), le0]),
      'f prime of x is 1 if x is greater than 0, alpha times e to the x otherwise',
    ],
    note: (o) => `\u03b1 = ${formatNumber(o.eluAlpha)}. On the negative side f\u2032(x) = f(x) + \u03b1.`,
  },
  gelu: {
    value: [
      f(),
      row(
        x,
        mo('&#x2062;'),
        mi('&#x3A6;'),
        paren(x),
        mo('='),
        frac(x, mn(2)),
        bigParen(mn(1), mo('+'), row(mi('erf'), mo('&#x2061;'), bigParen(frac(x, sqrt(mn(2)))))),
      ),
      'f of x equals x times Phi of x, which is x over 2 times 1 plus erf of x over root 2',
    ],
    derivative: [
      fp,
      row(mi('&#x3A6;'), paren(x), mo('+'), x, mo('&#x2062;'), mi('&#x3C6;'), paren(x)),
      'f prime of x equals Phi of x plus x times phi of x',
    ],
    note: '\u03a6 is the standard normal distribution function, \u03c6(x) = e^(\u2212x\u00b2/2)/\u221a(2\u03c0) its density.',
  },
  'gelu-tanh': {
    value: [f(), row(frac(x, mn(2)), bigParen(mn(1), mo('+'), t)), 'f of x equals x over 2 times 1 plus t'],
    derivative: [
      fp,
      row(
        frac(row(mn(1), mo('+'), t), mn(2)),
        mo('+'),
        frac(row(x, paren(mn(1), minus, sup(t, mn(2))), mi('s')), mn(2)),
      ),
      'f prime of x equals 1 plus t over 2, plus x times 1 minus t squared times s over 2',
    ],
    note:
      't = tanh(\u221a(2/\u03c0)(x + 0.044715x\u00b3)) and s = \u221a(2/\u03c0)(1 + 3\u00b70.044715x\u00b2), ' +
      'its slope: a cheaper approximation of GELU.',
  },
  silu: {
    value: [f(), row(x, mo('&#x2062;'), sigma(x)), 'f of x equals x times sigma of x'],
    derivative: [
      fp,
      row(sigma(x), mo('+'), x, mo('&#x2062;'), sigma(x), paren(mn(1), minus, sigma(x))),
      'f prime of x equals sigma of x plus x times sigma of x times 1 minus sigma of x',
    ],
    note: 'Swish x\u00b7\u03c3(\u03b2x) with \u03b2 = 1.',
  },
  softplus: {
    value: [f(), call('ln', mn(1), mo('+'), exp(x)), 'f of x equals the natural log of 1 plus e to the x'],
    derivative: [fp, sigma(x), 'f prime of x equals sigma of x'],
    note: 'Computed as max(x, 0) + ln(1 + e^\u2212|x|), which never overflows.',
  },
  sigmoid: {
    value: [
      sigma(x),
      frac(mn(1), row(mn(1), mo('+'), exp(row(mo('&#x2212;'), x)))),
      'sigma of x equals 1 over 1 plus e to the minus x',
    ],
    derivative: [
      row(prime('&#x3C3;'), mo('&#x2061;'), paren(x)),
      row(sigma(x), paren(mn(1), minus, sigma(x)), mo('&#x2264;'), frac(mn(1), mn(4))),
      'sigma prime of x equals sigma of x times 1 minus sigma of x, at most one quarter',
    ],
    note: '',
  },
  tanh: {
    value: [f(), call('tanh', x), 'f of x equals tanh of x'],
    derivative: [
      fp,
      row(mn(1), minus, sup(mi('tanh'), mn(2)), mo('&#x2061;'), x, mo('&#x2264;'), mn(1)),
      'f prime of x equals 1 minus tanh squared of x, at most 1',
    ],
    note: '',
  },
  relu6: {
    value: [f(), call('min', call('max', mn(0), mo(','), x), mo(','), mn(6)), 'f of x equals min of max of 0 and x, and 6'],
    derivative: [
      fp,
      cases(
        [mn(1), when(mn(0), mo('&lt;'), x, mo('&lt;'), mn(6))],
        [mn(0), when(x, mo('&lt;'), mn(0), mtext('or'), x, mo('&#x2265;'), mn(6))],
        [mi('c'), eq0],
      ),
      'f prime of x is 1 if x is between 0 and 6, 0 if x is less than 0 or at least 6, c if x equals 0',
    ],
    note: (o) => `Capped at 6: flat on both sides. c is the ReLU\u2032(0) convention (now ${formatNumber(o.reluAtZero)}).`,
  },
  linear: {
    value: [f(), x, 'f of x equals x'],
    derivative: [fp, mn(1), 'f prime of x equals 1'],
    note: 'The identity: no activation at all, slope 1 everywhere.',
  },
});

/**
 * The formulas of `name` with the current parameters.
 * options: { slope, eluAlpha, preluSlope, reluAtZero } (the numbers shown beside the symbols).
 * Returns { value, derivative, note } where value and derivative are <math> elements as
 * markup and note is plain text (or '').
 */
export function formulasFor(name, options) {
  const entry = Object.hasOwn(FORMULAS, name) ? FORMULAS[name] : null;
  if (!entry) return { value: '', derivative: '', note: 'No formula on file for this activation.' };
  return {
    value: equation(...entry.value),
    derivative: equation(...entry.derivative),
    note: typeof entry.note === 'function' ? entry.note(options) : entry.note,
  };
}
