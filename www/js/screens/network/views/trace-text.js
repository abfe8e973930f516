// Words for one traced example: the step sequence and a plain explanation of each step.
// Pure functions of the plain trace object from network.inspect() (no DOM, no wasm).
import { formatDecimal, formatNorm } from '../../../text/format.js';
import { activationName } from '../../../text/names.js';
import { norm } from './unit-text.js';

/**
 * Every step of a trace with `layerCount` layers (hidden layers then the output): forward
 * through layer 1 … output, then backward from the output to layer 1.
 */
export function traceSteps(layerCount) {
  const forward = Array.from({ length: layerCount }, (_, layer) => ({ phase: 'forward', layer }));
  const backward = forward.map(({ layer }) => ({ phase: 'backward', layer })).reverse();
  return [...forward, ...backward];
}

/** "Layer 2" or "Output". */
export function layerTitle(layer, layerCount) {
  return layer === layerCount - 1 ? 'Output' : `Layer ${layer + 1}`;
}

/** "Layer 2 forward", "Output backward". */
export function stepTitle(step, layerCount) {
  return `${layerTitle(step.layer, layerCount)} ${step.phase}`;
}

const indicesWhere = (values, test) =>
  Array.from(values, (value, index) => index).filter((index) => test(values[index], index));

const sigmoid = (x) => 1 / (1 + Math.exp(-x));

/** "z = −0.41 < 0" or "z = 0 ≤ 0". */
const zBelow = (z) => `z = ${formatDecimal(z)} ${z < 0 ? '<' : '≤'} 0`;

function forwardHidden(values, name, title, activation) {
  const count = values.z.length;
  const closed = indicesWhere(values.gate, (gate) => gate === 0);
  if (activation === 'relu') {
    if (closed.length === 0) {
      return `${title}: every unit has z > 0, so ReLU passes z on unchanged (a = z) and every gate is open.`;
    }
    const first = closed[0];
    let others = ` The other ${count - 1} units have z > 0 and pass it on.`;
    if (closed.length === count) {
      others = ` All ${count} units output 0 with a closed gate here: nothing passes on from this layer.`;
    } else if (closed.length > 1) {
      others =
        ` In all, ${closed.length} of ${count} units output 0 with a closed gate here; ` +
        `${count - closed.length} pass their z on.`;
    }
    return (
      `${title}: unit ${first + 1} has ${zBelow(values.z[first])}, so ReLU outputs 0 and its ` +
      `gate is closed: no gradient will pass back through it.${count > 1 ? others : ''}`
    );
  }
  const slopes = Array.from(values.gate);
  const low = Math.min(...slopes);
  const high = Math.max(...slopes);
  const closedText = closed.length
    ? ` ${closed.length} of ${count} gates are closed (slope exactly 0): no gradient will pass back through them.`
    : '';
  return (
    `${title}: each unit computes z = w·a + b and a = ${name}(z). Its slope ${name}′(z), the gate, ` +
    `is between ${formatDecimal(low)} and ${formatDecimal(high)} here; on the way back it scales ` +
    `the gradient by that much.${closedText}`
  );
}

function backwardHidden(values, name, title, activation) {
  const count = values.z.length;
  const arriving = norm(values.gradA);
  if (arriving === 0) {
    return (
      `${title}: no gradient arrives here (dL/da = 0 for every unit), because every path ` +
      'from the output is blocked above, so nothing in or below this layer learns from this point.'
    );
  }
  const rule = `each unit gets dL/da from the layer above and multiplies it by its gate: dL/dz = dL/da · ${name}′(z).`;
  const closed = indicesWhere(values.gate, (gate, index) => gate === 0 && values.gradA[index] !== 0);
  const allClosed = indicesWhere(values.gate, (gate) => gate === 0);
  if (allClosed.length > 0) {
    const first = closed[0] ?? allClosed[0];
    return (
      `${title}: ${rule} Unit ${first + 1}'s gate is closed (${zBelow(values.z[first])}), so its ` +
      `dL/da = ${formatDecimal(values.gradA[first])} is blocked: dL/dz = 0 and its incoming ` +
      `weights learn nothing from this point. ${allClosed.length} of ${count} gates are closed here.`
    );
  }
  if (activation === 'relu') return `${title}: ${rule} Every gate is open, so the gradient passes through unchanged.`;
  return (
    `${title}: ${rule} The slopes shrink it from ‖dL/da‖ = ${formatNorm(arriving)} to ` +
    `‖dL/dz‖ = ${formatNorm(norm(values.gradZ))}.`
  );
}

/**
 * One or two sentences explaining `step` of `trace`.
 * activations: one name per trace layer (from layout); point: { x1, x2, label } | null;
 * loss: "bce" (the output is a logit) or "mse".
 */
export function explainStep(step, trace, activations, point, loss = 'bce') {
  const layerCount = trace.layers.length;
  const values = trace.layers[step.layer];
  const title = stepTitle(step, layerCount);
  const isOutput = step.layer === layerCount - 1;
  const label = point ? formatDecimal(point.label) : '?';
  if (isOutput && step.phase === 'forward') {
    const z = values.z[0];
    const meaning =
      loss === 'bce'
        ? ` (a logit: σ(z) = ${formatDecimal(sigmoid(z))} is its probability of class 1)`
        : '';
    return (
      `${title}: the network's output is z = ${formatDecimal(z)}${meaning}. ` +
      `The label is ${label}, so the loss is ${formatDecimal(trace.loss)}.`
    );
  }
  if (isOutput) {
    const formula = loss === 'bce' ? 'σ(z) − y' : 'the error';
    const below =
      layerCount > 1 ? ` and flows back along the output's weights to layer ${layerCount - 1}` : '';
    const gradient = formatDecimal(values.gradZ[0]);
    return `${title}: the loss gradient dL/dz = ${formula} = ${gradient} starts here${below}.`;
  }
  const activation = activations[step.layer] ?? 'relu';
  const name = activationName(activation);
  return step.phase === 'forward'
    ? forwardHidden(values, name, title, activation)
    : backwardHidden(values, name, title, activation);
}
