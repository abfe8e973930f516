// The Neuron screen's state (www/js/screens/neuron/state.js and its parts' unit-state.js and
// hinge-state.js): the state in a link's query string (written short and exact, read back,
// malformed links named), and how the parts check a partial state. Pure modules: no wasm, no DOM.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  NEURON_SCREEN_DEFAULTS,
  NEURON_STATE_KEYS,
  decodeNeuronQuery,
  float32Text,
  neuronQuery,
  parsePointsText,
  pointsText,
} from '../../www/js/screens/neuron/state.js';
import { DEFAULT_POINTS, cleanPoints, mergeHingeState } from '../../www/js/screens/neuron/hinges/hinge-state.js';
import { mergeUnitState } from '../../www/js/screens/neuron/unit/unit-state.js';

/** A state as getState gives it: the weights as the core holds them, in float32. */
function screenState(overrides = {}) {
  const state = { ...NEURON_SCREEN_DEFAULTS, point: 20, points: DEFAULT_POINTS.map(([x, y]) => [x, y]), ...overrides };
  for (const key of ['w1', 'w2', 'b']) state[key] = Math.fround(state[key]);
  return state;
}

/** The state a link gives: the screen's parts apply the partial as setState does. */
function readBack(text, current = screenState()) {
  const { partial, problems } = decodeNeuronQuery(text);
  const unit = mergeUnitState(current, partial, 40);
  const hinges = mergeHingeState(current, partial);
  const { target, units, points } = hinges.next;
  const state = { ...current, ...unit.next, target, units, points };
  // The core holds the weights in float32, and getState reads them from there.
  for (const key of ['w1', 'w2', 'b']) state[key] = Math.fround(state[key]);
  return { state, problems: [...problems, ...unit.problems, ...hinges.problems] };
}

test('float32Text writes the shortest decimal that reads back as the same float32', () => {
  assert.equal(float32Text(Math.fround(0.8)), '0.8');
  assert.equal(float32Text(Math.fround(-0.5)), '-0.5');
  assert.equal(float32Text(0), '0');
  assert.equal(float32Text(Math.fround(-7.3)), '-7.3');
  for (const value of [Math.fround(1 / 3), Math.fround(-2.718281828), Math.fround(1e-7), Math.fround(9.87654321)]) {
    const text = float32Text(value);
    assert.equal(Math.fround(Number(text)), value, text);
    assert.ok(text.replace(/[-.]|e.*$/g, '').length <= 9, text);
  }
});

test('a link holds every field in order; the default points are left out', () => {
  assert.equal(neuronQuery(screenState()), 'w1=1&w2=-0.5&b=0&learningRate=0.1&point=20&target=sin&units=6');
  const text = neuronQuery(screenState({ w1: 0.8, target: 'points', points: [[-0.5, 1], [0.25, -1.5]] }));
  assert.equal(text, 'w1=0.8&w2=-0.5&b=0&learningRate=0.1&point=20&target=points&units=6&points=-0.5:1,0.25:-1.5');
  assert.deepEqual(
    text.split('&').map((pair) => pair.split('=')[0]),
    NEURON_STATE_KEYS,
  );
});

test('a link reads back as the same state, also after gradient steps (float32 weights)', () => {
  const states = [
    screenState(),
    screenState({ w1: 0.5, w2: 0.5, b: -8, learningRate: 1, point: 0, target: 'abs', units: 3 }),
    screenState({ w1: 1.2345678, w2: -2.9999, b: 9.87654, learningRate: 0.03, point: 39, target: 'points', units: 16, points: [] }),
    screenState({ target: 'step', points: [[0.1, 0.2], [-1, 1.5], [1, -1.5]] }),
  ];
  for (const state of states) {
    const text = neuronQuery(state);
    // Read over another state with the default points, as the screen does at the start: the
    // link alone gives the state (no points in it means the default ones).
    const other = screenState({ w1: -1, w2: 2, b: 3, learningRate: 0.01, point: 5, target: 'abs', units: 2 });
    const back = readBack(`?${text}`, other);
    assert.deepEqual(back.problems, [], text);
    // Leaving out the default points means: the default points.
    assert.deepEqual({ ...back.state, points: back.state.points.map(([x, y]) => [x, y]) }, state, text);
  }
});

test('points as x:y pairs; a broken pair is dropped and reported, the rest kept', () => {
  assert.equal(pointsText([[-0.9, -0.2], [0, 0.6]]), '-0.9:-0.2,0:0.6');
  assert.deepEqual(parsePointsText(''), []);
  assert.deepEqual(parsePointsText('-0.9:-0.2,0:0.6'), [[-0.9, -0.2], [0, 0.6]]);
  const parsed = parsePointsText('0:1,x:2,3,1:2:3,:1,0.5:0.5');
  assert.equal(parsed.length, 6);
  assert.deepEqual(cleanPoints(parsed), { points: [[0, 1], [0.5, 0.5]], dropped: true });
  const { state, problems } = readBack('?target=points&points=0:1,x:2');
  assert.deepEqual(problems, ['points']);
  assert.deepEqual(state.points, [[0, 1]]);
});

test('a malformed link: the current values for what it breaks, every broken field named', () => {
  const current = screenState();
  const { state, problems } = readBack('?w1=zz&w2=&b=-4&units=many&target=cosine&learningRate=0.3&bogus=1&hide=presets&lock=weights&x%E0=1', current);
  assert.deepEqual(problems, ['x%E0=1', 'bogus', 'w1', 'w2', 'target', 'units']);
  assert.deepEqual(state, { ...current, b: -4, learningRate: 0.3 });
  // Out-of-range values are clamped, not refused: they are no problem.
  const clamped = readBack('?w1=99&b=-99&units=40&point=400&learningRate=7');
  assert.deepEqual(clamped.problems, []);
  assert.deepEqual(
    [clamped.state.w1, clamped.state.b, clamped.state.units, clamped.state.point, clamped.state.learningRate],
    [3, -10, 16, 39, 1],
  );
  // An empty query is no change.
  assert.deepEqual(decodeNeuronQuery(''), { partial: {}, problems: [] });
});
