// Claim k: "for large inputs the output plateaus". The slope (derivative) of ReLU, sigmoid, tanh
// and the capped ReLU6 at growing positive inputs, on a log axis, from the core, checked against
// central finite differences of the core's own values. ReLU6 needs a core that has it.
import { createProgress, SEED_PARAM, VERDICTS } from './common.js';
import { hasActivation, NEEDS_NEWER_CORE, needsCoreText, CORE_FEATURES } from './capabilities.js';
import { formatNumber } from '../text/format.js';
import { activationName } from '../text/names.js';

const SATURATION_OPTIONS = Object.freeze(
  ['relu', 'sigmoid', 'tanh', 'relu6', 'leaky-relu', 'elu', 'gelu', 'softplus'].map((value) => Object.freeze({ value, label: value === 'relu6' ? 'ReLU6' : activationName(value) })),
);

/** Display name, ReLU6 included (older name tables may not know it). */
export const saturationName = (name) => (name === 'relu6' ? 'ReLU6' : activationName(name));

export const saturation = Object.freeze({
  id: 'saturation',
  claim: 'k',
  title: 'Saturation: does ReLU plateau for large inputs?',
  question: 'What is the slope of ReLU, sigmoid, tanh and ReLU6 at growing positive inputs, from 0.01 to 1,000?',
  sources: Object.freeze([
    { paper: 'krizhevsky2012', finding: 'Calls ReLU units “non-saturating”: for positive inputs the slope stays 1.' },
    { note: 'Sigmoid, tanh and the capped ReLU6 go flat for large inputs; ReLU only on its negative side.' },
  ]),
  params: Object.freeze([
    { id: 'activations', label: 'Activations', kind: 'choices', default: ['relu', 'sigmoid', 'tanh', 'relu6'], options: SATURATION_OPTIONS },
    { id: 'largest', label: 'Largest input', kind: 'number', default: 1000, min: 10, max: 1e6 },
    { id: 'points', label: 'Inputs (log-spaced from 0.01)', kind: 'integer', default: 61, quick: 31, min: 5, max: 1000 },
    SEED_PARAM,
  ]),
  setup(params) {
    return `Inputs from 0.01 to ${formatNumber(params.largest)}, ${params.points} log-spaced; slope from the core’s derivative, checked by central differences of its values; no network, no randomness.`;
  },
  requires: Object.freeze(['relu6']),
  run,
  verdict,
});

/** Log-spaced inputs from 0.01 to `largest`. */
export const saturationInputs = (points, largest) => Array.from({ length: points }, (_, i) => 10 ** (-2 + (i / (points - 1)) * (Math.log10(largest) + 2)));

function run(core, params, onProgress) {
  const xs = saturationInputs(params.points, params.largest);
  const usable = params.activations.filter((name) => hasActivation(core, name));
  const missing = params.activations.filter((name) => !usable.includes(name));
  const progress = createProgress(usable.length, onProgress);
  const series = [];
  const partial = () => ({ series: series.map((s) => ({ ...s })), missing: [...missing], xs });
  for (const name of usable) {
    const slopes = Array.from(core.activationCurve(name, Float64Array.from(xs), true, {}));
    const values = Array.from(core.activationCurve(name, Float64Array.from(xs), false, {}));
    // Central differences of the core's values, with a step small against x (float32 values).
    let worst = 0;
    xs.forEach((x, i) => {
      const h = Math.max(1e-3, 1e-2 * x);
      if (name === 'relu6' && Math.abs(x - 6) < 2 * h) return; // the kink at 6
      const difference = (core.activationValue(name, x + h, {}) - core.activationValue(name, x - h, {})) / (2 * h);
      worst = Math.max(worst, Math.abs(difference - slopes[i]));
    });
    series.push({ activation: name, slopes, values, finiteDifferenceError: worst });
    progress.report(1, partial);
  }
  return partial();
}

function verdict(results) {
  const missingText = results.missing.length > 0 ? ` ${needsCoreText(results.missing.map((name) => (name === 'relu6' ? CORE_FEATURES.relu6.text : saturationName(name))))}` : '';
  const relu = results.series.find((s) => s.activation === 'relu');
  if (!relu) {
    return results.missing.includes('relu6') && results.series.length === 0
      ? { verdict: NEEDS_NEWER_CORE, sentence: missingText.trim() }
      : { verdict: VERDICTS.incomplete, sentence: `Include ReLU to test the claim.${missingText}` };
  }
  const last = results.xs.length - 1;
  const at = (s, i) => `${formatNumber(s.slopes[i], 2)}`;
  const largest = formatNumber(results.xs[last]);
  const others = results.series.filter((s) => s !== relu);
  const slopesAtLargest = others.map((s) => `${saturationName(s.activation)} ${at(s, last)}`).join(', ');
  const at10 = results.xs.findIndex((x) => x >= 10);
  const check = Math.max(...results.series.map((s) => s.finiteDifferenceError));
  const reluFlat = relu.slopes.every((slope) => slope === 1);
  const sentence =
    `ReLU’s slope is ${reluFlat ? 'exactly 1 at every input measured' : `between ${formatNumber(Math.min(...relu.slopes), 2)} and ${formatNumber(Math.max(...relu.slopes), 2)}`}, up to ${largest}, where its output is ${formatNumber(relu.values[last])}` +
    (others.length > 0 ? `; at ${largest} the others’ slopes are ${slopesAtLargest}${at10 > 0 ? ` (at ${formatNumber(results.xs[at10], 2)}: ${others.map((s) => `${saturationName(s.activation)} ${at(s, at10)}`).join(', ')})` : ''}.` : '.') +
    ` The core’s derivatives agree with central differences of its values to within ${formatNumber(check, 2)}.`;
  const plateaus = others.filter((s) => ['sigmoid', 'tanh', 'relu6'].includes(s.activation));
  const othersFlat = plateaus.every((s) => s.slopes[last] < 1e-3);
  if (reluFlat && othersFlat) {
    const flat = plateaus.length > 0 ? `; ${plateaus.map((s) => saturationName(s.activation)).join(', ').replace(/, ([^,]*)$/, ' and $1')} do` : '';
    return { verdict: VERDICTS.false, sentence: `${sentence} ReLU does not plateau for positive inputs${flat}: the claim is false.${missingText}` };
  }
  return { verdict: VERDICTS.notShown, sentence: `${sentence} This run does not show ReLU at slope 1 with the others flat.${missingText}` };
}
