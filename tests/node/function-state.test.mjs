// The Function screen's state (www/js/screens/function/state.js): the defaults, how a partial
// state is clamped and snapped, how malformed values are ignored and listed (never thrown),
// that getState → setState is a round trip, and the state in a link's query string (written,
// read back, malformed links). Pure module: no wasm, no DOM.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import lab from './load.mjs';
import {
  FUNCTION_SCREEN_DEFAULTS,
  FUNCTION_STATE_KEYS,
  RANGES,
  decodeFunctionQuery,
  functionQuery,
  mergeFunctionState,
  nearestRange,
  snapProbe,
  stateFromOptions,
} from '../../www/js/screens/function/state.js';

const AVAILABLE = lab.names().activations;
const merge = (partial, base = FUNCTION_SCREEN_DEFAULTS) => mergeFunctionState(base, partial, AVAILABLE);

test('the defaults are a valid state of known functions, and an empty partial keeps them', () => {
  for (const name of FUNCTION_SCREEN_DEFAULTS.functions) assert.ok(AVAILABLE.includes(name), name);
  assert.ok(RANGES.includes(FUNCTION_SCREEN_DEFAULTS.range));
  assert.deepEqual(Object.keys(FUNCTION_SCREEN_DEFAULTS), [...FUNCTION_STATE_KEYS]);
  const { state, problems } = merge({});
  assert.deepEqual(problems, []);
  assert.deepEqual(state, { ...FUNCTION_SCREEN_DEFAULTS, functions: ['relu', 'sigmoid', 'tanh'] });
  // The result is a copy: changing it leaves the defaults alone.
  state.functions.push('elu');
  assert.deepEqual(FUNCTION_SCREEN_DEFAULTS.functions, ['relu', 'sigmoid', 'tanh']);
});

test('functions keep the core’s order, from an array or a comma-separated string, any case', () => {
  assert.deepEqual(merge({ functions: ['tanh', 'ReLU', ' gelu '] }).state.functions, ['relu', 'gelu', 'tanh']);
  assert.deepEqual(merge({ functions: 'sigmoid,relu' }).state.functions, ['relu', 'sigmoid']);
  assert.deepEqual(merge({ functions: [] }).state.functions, []);
});

test('out-of-range values are clamped or snapped, not refused', () => {
  // The range snaps to the ladder on a log scale.
  assert.equal(merge({ range: 7 }).state.range, 5);
  assert.equal(merge({ range: 8 }).state.range, 10);
  assert.equal(merge({ range: 1e9 }).state.range, 1000);
  assert.equal(merge({ range: 0.001 }).state.range, 2);
  assert.equal(merge({ range: '20' }).state.range, 20);
  assert.equal(nearestRange(-1), FUNCTION_SCREEN_DEFAULTS.range);
  // The probe stays inside the range, also when only the range shrinks.
  assert.equal(merge({ probe: 40 }).state.probe, 5);
  assert.equal(merge({ probe: -40, range: 20 }).state.probe, -20);
  assert.equal(merge({ range: 2 }, { ...FUNCTION_SCREEN_DEFAULTS, range: 1000, probe: -300 }).state.probe, -2);
  // Parameters are clamped to what the core accepts.
  const { state, problems } = merge({ slope: 7, eluAlpha: 0, preluSlope: -3 });
  assert.deepEqual(problems, []);
  assert.deepEqual([state.slope, state.eluAlpha, state.preluSlope], [1, 0.1, -1]);
});

test('malformed values are ignored and listed, in the order met; nothing throws', () => {
  const base = { ...FUNCTION_SCREEN_DEFAULTS, functions: ['relu', 'gelu'], range: 1000, probe: -300, reluAtZero: 0.5 };
  const { state, problems } = merge(
    { range: -5, probe: 'far', functions: ['relu', 'nope'], slope: 7, reluAtZero: 2, extra: 1 },
    base,
  );
  assert.deepEqual(problems, ['extra', 'functions: nope', 'range', 'probe', 'reluAtZero']);
  assert.deepEqual(state, { ...base, functions: ['relu'], slope: 1 });
  for (const bad of [null, undefined, 3, 'relu', [1, 2]]) {
    assert.deepEqual(merge(bad, base), { state: base, problems: ['state'] }, String(bad));
  }
  assert.deepEqual(merge({ functions: 42 }, base).problems, ['functions']);
  assert.deepEqual(merge({ eluAlpha: NaN, preluSlope: '' }, base).problems, ['eluAlpha', 'preluSlope']);
  assert.deepEqual(merge({ reluAtZero: 0.25 }, base).problems, ['reluAtZero']);
  assert.equal(merge({ reluAtZero: '1' }, base).state.reluAtZero, 1);
  // An unknown key is cut short in the list.
  assert.deepEqual(merge({ ['k'.repeat(100)]: 1 }).problems, ['k'.repeat(24)]);
  // The base is never changed.
  assert.deepEqual(base.functions, ['relu', 'gelu']);
});

test('getState → setState is a round trip, also through JSON', () => {
  const { state } = merge({ functions: 'gelu,relu,elu', range: 50, probe: 3.7, slope: 0.2, eluAlpha: 2.5, preluSlope: -0.5, reluAtZero: 1 });
  const again = merge(JSON.parse(JSON.stringify(state)), state);
  assert.deepEqual(again, { state, problems: [] });
  // And merging a state over any other base gives that state.
  assert.deepEqual(merge(state).state, state);
});

test('the probe snaps to its keyboard step for the range, inside the range', () => {
  assert.equal(snapProbe(1.04, 5), 1);
  assert.equal(snapProbe(0.3 * 3, 5), 0.9); // no float drift (0.8999999…)
  assert.equal(snapProbe(-0.01, 5), 0);
  assert.equal(snapProbe(13, 1000), 25);
  assert.equal(snapProbe(9, 5), 5);
});

test('mount options give only their state fields', () => {
  const options = { functions: ['relu'], range: 10, controls: { hidden: ['timing'] }, idPrefix: 'x', loop: {} };
  assert.deepEqual(stateFromOptions(options), { functions: ['relu'], range: 10 });
});

const decode = (text, base = FUNCTION_SCREEN_DEFAULTS) => decodeFunctionQuery(text, base, AVAILABLE);

test('a link holds every field, readable, and reads back as the same state', () => {
  assert.equal(
    functionQuery(merge({}).state),
    'functions=relu,sigmoid,tanh&range=5&probe=1&slope=0.01&eluAlpha=1&preluSlope=0.25&reluAtZero=0',
  );
  const states = [
    merge({ functions: 'gelu,relu,elu', range: 50, probe: 3.7, slope: 0.2, eluAlpha: 2.5, preluSlope: -0.5, reluAtZero: 1 }).state,
    merge({ functions: [], range: 1000, probe: -999.1, slope: 0.013, reluAtZero: 0.5 }).state,
    merge({ probe: 0.1 + 0.2 }).state, // a number JavaScript writes with 17 digits
  ];
  for (const state of states) {
    const text = functionQuery(state);
    // Read over a different base: the link alone gives the state.
    const other = merge({ functions: 'linear', range: 2, probe: -1, slope: 0.5, reluAtZero: 1 }).state;
    assert.deepEqual(decode(`?${text}`, other), { state, problems: [] }, text);
  }
});

test('a link read with the lesson keys: hide and lock are no problem, other strangers are', () => {
  const { state, problems } = decode('?functions=elu&hide=timing&lock=functions&utm=x');
  assert.deepEqual(state.functions, ['elu']);
  assert.deepEqual(problems, ['utm']);
});

test('a malformed link: the defaults for what it breaks, every broken field named', () => {
  const { state, problems } = decode('?functions=relu,nope&range=abc&probe=&slope=7&reluAtZero=2&bad%ZZ=1&lonely');
  assert.deepEqual(problems, ['bad%ZZ=1', 'lonely', 'functions: nope', 'range', 'probe', 'reluAtZero']);
  assert.deepEqual(state, { ...FUNCTION_SCREEN_DEFAULTS, functions: ['relu'], slope: 1 });
  // An empty query changes nothing.
  assert.deepEqual(decode(''), { state: merge({}).state, problems: [] });
  // `functions=` is an empty list, not a mistake.
  assert.deepEqual(decode('?functions=').state.functions, []);
});
