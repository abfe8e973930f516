// What the Function screen says about negative inputs (claim i): the share of x < 0 each
// function maps to exactly 0 and its slope there, counted on the core's own samples
// (www/js/screens/function/negative.js through model.sampleCurves), and the words shown.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import './load.mjs';
import { createFunctionModel } from '../../www/js/screens/function/model.js';
import { negativeCells, negativeSide, roundingNote } from '../../www/js/screens/function/negative.js';
import { FUNCTION_SCREEN_DEFAULTS } from '../../www/js/screens/function/state.js';

const model = createFunctionModel();
const sample = (functions, range) => {
  const curves = model.sampleCurves(functions, { ...FUNCTION_SCREEN_DEFAULTS, functions, range });
  return Object.fromEntries(curves.map((curve) => [curve.name, curve]));
};

test('ReLU maps every negative input to exactly 0 with slope 0; leaky ReLU and ELU map none', () => {
  const curves = sample(['relu', 'leaky-relu', 'elu', 'relu6'], 5);
  const relu = curves.relu.negative;
  assert.equal(relu.count, 600, 'the samples left of 0 (x = 0 itself is not negative)');
  assert.equal(relu.zeros, relu.count);
  assert.equal(relu.zeroSlopes, relu.count);
  assert.deepEqual(negativeCells(relu), { value: 'every x', slope: '0 everywhere' });
  assert.deepEqual(negativeCells(curves.relu6.negative), { value: 'every x', slope: '0 everywhere' });
  const leaky = curves['leaky-relu'].negative;
  assert.equal(leaky.zeros, 0);
  assert.deepEqual(negativeCells(leaky), { value: 'none', slope: '0.01' });
  const elu = curves.elu.negative;
  assert.equal(elu.zeros, 0);
  assert.ok(elu.slopeMin > 0 && elu.slopeMax < 1, 'ELU keeps a slope between 0 and 1 there');
  assert.equal(negativeCells(elu).value, 'none');
  assert.equal(roundingNote(Object.values(curves)), '', 'no smooth function shows a zero here');
});

test('leaky ReLU with slope 0 is ReLU on x < 0; the counts follow the parameter', () => {
  const curves = model.sampleCurves(['leaky-relu'], { ...FUNCTION_SCREEN_DEFAULTS, slope: 0, range: 5 });
  assert.deepEqual(negativeCells(curves[0].negative), { value: 'every x', slope: '0 everywhere' });
});

test('far out, float32 rounds sigmoid to exactly 0: counted, placed, and explained as rounding', () => {
  const { sigmoid, relu } = sample(['relu', 'sigmoid'], 1000);
  const side = sigmoid.negative;
  assert.ok(side.zeros > 0 && side.zeros < side.count, 'some of the samples, not all');
  assert.ok(side.zerosBelow < -90 && side.zerosBelow > -120, `the zeros are left of about −104: ${side.zerosBelow}`);
  const cells = negativeCells(side);
  assert.match(cells.value, /^\d+% \(x below about −\d+\)$/);
  assert.doesNotMatch(cells.value, /^(0|100)%/);
  const note = roundingNote([relu, sigmoid]);
  assert.match(note, /^sigmoid never reaches exactly 0 for x < 0/);
  assert.match(note, /float32 rounding/);
});

test('negativeSide counts only x < 0; scattered zeros have no "below"; shares never read 0% or 100%', () => {
  const xs = [-4, -3, -2, -1, 0, 1];
  const side = negativeSide(xs, [0, 1, 0, 1, 0, 0], [0.5, 0.5, 0, 0.5, 0, 1]);
  assert.deepEqual(side, { count: 4, zeros: 2, zeroSlopes: 1, slopeMin: 0, slopeMax: 0.5, zerosBelow: null });
  assert.deepEqual(negativeCells(side), { value: '50%', slope: '0 to 0.5; exactly 0 on 25%' });
  const leading = negativeSide(xs, [0, 0, 0, 1, 5, 5], [0, 0, 0, 1, 1, 1]);
  assert.equal(leading.zerosBelow, -2);
  const many = Array.from({ length: 1000 }, (_, i) => -1000 + i);
  const almostAll = negativeSide(many, many.map((x) => (x < -1 ? 0 : 1)), many.map(() => 1));
  assert.equal(negativeCells(almostAll).value.startsWith('over 99%'), true);
  const almostNone = negativeSide(many, many.map((x) => (x === -1000 ? 0 : 1)), many.map(() => 1));
  assert.equal(negativeCells(almostNone).value.startsWith('0.1%'), true);
});
