// The one module of the Function screen that calls the wasm core: the activations it offers,
// each plotted curve and its slope sampled over the x range, f and f′ at the probe, ReLU's
// one-sided slopes at 0, and the timing of one evaluation. Everything it returns is plain
// numbers and typed arrays the caller owns (activationCurve returns copies).
//
// Requires `await init()` of ../../../pkg/relu_lab.js before createFunctionModel is called.
import { activationCurve, activationDerivative, activationValue, activationWorkload, names } from '../../../pkg/relu_lab.js';
import { measureActivations } from './benchmark.js';
import { negativeSide } from './negative.js';
import { FLAT_THRESHOLD, activationOptions } from './state.js';

/** Samples per curve; odd, so that x = 0 (where derivatives may jump) is one of them. */
const SAMPLES = 1201;
// The core computes in float32: compare with 0.01 as float32 sees it, so that a slope of
// exactly 0.01 (leaky ReLU's default) does not count as below it.
const FLAT_LIMIT = Math.fround(FLAT_THRESHOLD);
/** Just left and right of 0, to read one-sided derivatives from the core. */
const ONE_SIDE = 1e-6;
/** A derivative whose two sides at 0 differ by more than this jumps there. */
const JUMP = 0.01;

/**
 * Runs of consecutive samples where |slope| is below the flat limit, as [x0, x1] pairs.
 * @param {Float32Array} xs
 * @param {Float32Array} slopes
 * @returns {[number, number][]}
 */
export function flatRuns(xs, slopes) {
  const runs = [];
  let start = -1;
  for (let i = 0; i <= xs.length; i += 1) {
    const flat = i < xs.length && Math.abs(slopes[i]) < FLAT_LIMIT;
    if (flat && start < 0) start = i;
    if (!flat && start >= 0) {
      runs.push(/** @type {[number, number]} */ ([xs[start], xs[i - 1]]));
      start = -1;
    }
  }
  return runs;
}

/**
 * @typedef {{ xs: Float32Array, ys: Float32Array }} Segment
 * @typedef {{ name: string, values: Float32Array, slopes: Float32Array,
 *   valueSegments: Segment[], slopeSegments: Segment[],
 *   jump: { y: number, filled: boolean }[] | null, flat: [number, number][],
 *   negative: import('./negative.js').NegativeSide }} SampledCurve
 */

/** The Function screen's access to the core. */
export function createFunctionModel() {
  /** The core's activation names, in its order. @type {readonly string[]} */
  const available = Object.freeze([...names().activations]);

  /**
   * Sample each of `functions` over [−range, range] with the state's activation options: its
   * values and slopes, the segments to stroke (a slope that jumps at 0 is drawn as two pieces,
   * with dots for the values at 0: filled where used), where it is nearly flat, and what it
   * does with the negative inputs (negative.js).
   * @returns {SampledCurve[]}
   */
  function sampleCurves(functions, state) {
    const { range } = state;
    const options = activationOptions(state);
    const xs = new Float32Array(SAMPLES);
    const half = (SAMPLES - 1) / 2;
    for (let i = 0; i < SAMPLES; i += 1) xs[i] = (range * (i - half)) / half;
    const atZero = Float32Array.from([-ONE_SIDE, 0, ONE_SIDE]);
    return functions.map((name) => {
      const values = activationCurve(name, xs, false, options);
      const slopes = activationCurve(name, xs, true, options);
      const [left, zero, right] = activationCurve(name, atZero, true, options);
      let slopeSegments = [{ xs, ys: slopes }];
      let jump = null;
      if (Math.abs(left - right) > JUMP) {
        slopeSegments = [
          { xs: xs.subarray(0, half), ys: slopes.subarray(0, half) },
          { xs: xs.subarray(half + 1), ys: slopes.subarray(half + 1) },
        ];
        jump = [{ y: zero, filled: true }];
        for (const side of new Set([left, right])) {
          if (Math.abs(side - zero) > 1e-6) jump.push({ y: side, filled: false });
        }
      }
      return {
        name,
        values,
        slopes,
        valueSegments: [{ xs, ys: values }],
        slopeSegments,
        jump,
        flat: flatRuns(xs, slopes),
        negative: negativeSide(xs, values, slopes),
      };
    });
  }

  /** The core's f(x) and f′(x) for each of `functions` at the state's probe. */
  function probeValues(functions, state) {
    const options = activationOptions(state);
    return functions.map((name) => ({
      name,
      value: activationValue(name, state.probe, options),
      slope: activationDerivative(name, state.probe, options),
    }));
  }

  /** ReLU′ just left of 0, just right of 0, and at exactly 0 (the convention), from the core. */
  function reluSlopesAtZero(state) {
    const options = activationOptions(state);
    return {
      left: activationDerivative('relu', -ONE_SIDE, options),
      right: activationDerivative('relu', ONE_SIDE, options),
      zero: activationDerivative('relu', 0, options),
    };
  }

  /**
   * Time one evaluation of every activation with the state's options (see benchmark.js):
   * a promise of [{ name, nanoseconds, count }], or null when `signal` aborted it.
   */
  function measureAll(state, { signal, onProgress }) {
    const options = activationOptions(state);
    const time = (name, count) => {
      const start = performance.now();
      activationWorkload(name, count, options);
      return performance.now() - start;
    };
    return measureActivations(available, time, { signal, onProgress });
  }

  return { available, sampleCurves, probeValues, reluSlopesAtZero, measureAll };
}
