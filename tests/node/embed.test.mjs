// The embed layer's pure parts: reading attributes and query strings (www/js/embed/config.js),
// the postMessage protocol (protocol.js) and the theme rewriting of media queries and
// selectors (theme.js). The browser side is tested by tests/e2e/embed.spec.mjs.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  ATTRIBUTE_KEYS,
  changedSettings,
  isEmbedKey,
  networkHash,
  parseList,
  parseSize,
  queryAttributes,
  readConfig,
  screenOptions,
} from '../../www/js/embed/config.js';
import {
  createMessage,
  originAllowed,
  parseOrigins,
  postTargets,
  readInbound,
  readOutbound,
  requestId,
} from '../../www/js/embed/protocol.js';
import { containerCondition, mediaForTheme, remToHost, retargetSelector } from '../../www/js/embed/theme.js';
import { describeIgnored, explainIgnored, REASONS } from '../../www/js/embed/ignored.js';
import { createNetworkMilestones, networkFigures, parseGoalAccuracy } from '../../www/js/embed/milestones.js';
import { decodeHash } from '../../www/js/screens/network/state.js';

const from = (object) => (name) => object[name] ?? null;

test('config: defaults, and bad values fall back with a problem listed', () => {
  const config = readConfig(from({}));
  assert.equal(config.screen, 'network');
  assert.equal(config.theme, 'auto');
  assert.deepEqual(config.hide, []);
  assert.equal(config.remember, null);
  assert.equal(config.autoplay, null);
  assert.deepEqual(config.problems, []);

  const bad = readConfig(from({ screen: 'everything', theme: 'neon', height: 'tall' }));
  assert.equal(bad.screen, 'network');
  assert.equal(bad.theme, 'auto');
  assert.equal(bad.height, null);
  assert.deepEqual(bad.problems, ['screen', 'theme', 'height']);
});

test('config: lists, sizes, flags, remember', () => {
  assert.deepEqual(parseList(' optimizer, batch ,,Batch '), ['optimizer', 'batch']);
  assert.equal(parseSize('520'), '520px');
  assert.equal(parseSize('40rem'), '40rem');
  assert.equal(parseSize('80vh'), '80vh');
  assert.equal(parseSize('calc(1px)'), null);
  const config = readConfig(from({ autoplay: 'false', remember: '', screen: 'function' }));
  assert.equal(config.autoplay, false);
  assert.equal(config.remember, 'function');
  assert.equal(readConfig(from({ autoplay: '' })).autoplay, true);
  assert.equal(readConfig(from({ remember: 'lesson-3' })).remember, 'lesson-3');
});

test('config: network settings by readable name or hash key give the URL-hash state', () => {
  const config = readConfig(
    from({ screen: 'network', preset: 'kill', layers: '8,8', 'learning-rate': '0.1', opt: 'sgd', activation: 'leaky-relu' }),
  );
  assert.deepEqual(config.settings, { layers: '8,8', act: 'leaky-relu', opt: 'sgd', lr: '0.1' });
  const hash = networkHash(config);
  assert.equal(hash, 'preset=kill&layers=8,8&act=leaky-relu&opt=sgd&lr=0.1');
  const { state, problems } = decodeHash(hash);
  assert.deepEqual(problems, []);
  assert.deepEqual(state.network.hidden, [8, 8]);
  assert.equal(state.network.activation, 'leaky-relu');
  assert.equal(state.train.optimizer, 'sgd');
  assert.equal(state.train.learningRate, 0.1);
  assert.equal(state.preset, 'kill');
});

test('config: every readable network key maps to a key the hash understands', () => {
  const keys = [
    ['data', 'xor'], ['noise', '0.2'], ['test-ratio', '0.3'], ['data-seed', '7'], ['layers', '4'],
    ['activation', 'elu'], ['slope', '0.1'], ['relu-at-zero', '1'], ['init', 'he-uniform'],
    ['bias-init', '0.5'], ['seed', '9'], ['optimizer', 'momentum'], ['learning-rate', '0.01'],
    ['batch-size', '20'], ['regularization', 'l2'], ['regularization-rate', '0.001'], ['speed', '3'],
  ];
  for (const [name, value] of keys) {
    const config = readConfig(from({ screen: 'network', [name]: value }));
    const { problems } = decodeHash(networkHash(config));
    assert.deepEqual(problems, [], `${name}=${value}`);
  }
});

test('config: `hidden` is HTML\'s attribute, not a setting; old query strings still mean layers', () => {
  // As an attribute `hidden` hides the element, so it is neither read nor observed.
  assert.deepEqual(readConfig(from({ hidden: '8,8' })).settings, {});
  assert.ok(!ATTRIBUTE_KEYS.includes('hidden'));
  assert.ok(!isEmbedKey('hidden'));
  assert.deepEqual(readConfig(from({ layers: '8,8' })).settings, { layers: '8,8' });
  // embed.html's query: an old link's `hidden` becomes `layers`; never the attribute `hidden`.
  const attributes = (query) => queryAttributes(new URLSearchParams(query));
  assert.deepEqual(attributes('screen=network&hidden=8,8'), [['screen', 'network'], ['layers', '8,8']]);
  assert.deepEqual(attributes('HIDDEN=4'), [['layers', '4']]);
  // The current name wins whatever the order; for a key given twice, the last value.
  assert.deepEqual(attributes('layers=2&hidden=8,8'), [['layers', '2']]);
  assert.deepEqual(attributes('hidden=8,8&layers=2&layers=3'), [['layers', '3']]);
  // Keys that are not the embed's are dropped: origin is read by the page, the rest are noise.
  assert.deepEqual(attributes('origin=https://lms.example&onload=x&eluAlpha=2&title=t'), [['elualpha', '2']]);
  const hash = networkHash(readConfig(from(Object.fromEntries(attributes('hidden=16,8')))));
  assert.deepEqual(decodeHash(hash).state.network.hidden, [16, 8]);
});

test('config: a broken UTF-16 value (a lone surrogate) is written, then refused by the screen', () => {
  const config = readConfig(from({ seed: '\ud800', lr: '0.1\udc00', act: 'tanh😀' }));
  const hash = networkHash(config); // threw "URI malformed" before
  assert.equal(hash, 'act=tanh%F0%9F%98%80&seed=%EF%BF%BD&lr=0.1%EF%BF%BD');
  assert.deepEqual(decodeHash(hash).problems.sort(), ['act', 'lr', 'seed']);
});

test('config: function and neuron settings become mount options', () => {
  const fn = readConfig(from({ screen: 'function', functions: 'relu, gelu', range: '1000', 'elu-alpha': '2' }));
  assert.deepEqual(screenOptions(fn), { functions: ['relu', 'gelu'], range: 1000, eluAlpha: 2 });
  const problems = [];
  const neuron = readConfig(from({ screen: 'neuron', w1: '0.5', b: '-8', target: 'ABS', units: 'many' }));
  assert.deepEqual(screenOptions(neuron, problems), { w1: 0.5, b: -8, target: 'abs' });
  assert.deepEqual(problems, ['units']);
});

test('config: keys are case-insensitive, as HTML attributes are', () => {
  assert.ok(isEmbedKey('eluAlpha'));
  assert.ok(isEmbedKey('elualpha'));
  assert.ok(isEmbedKey('learning-rate'));
  assert.ok(!isEmbedKey('origin'));
  assert.ok(!isEmbedKey('onload'));
  assert.ok(ATTRIBUTE_KEYS.includes('screen'));
});

test('config: changed settings', () => {
  const a = readConfig(from({ lr: '0.1', act: 'relu' }));
  const b = readConfig(from({ lr: '0.3', act: 'relu', batch: '5' }));
  assert.deepEqual(changedSettings(a, b).sort(), ['batch', 'lr']);
});

test('protocol: messages of the right shape only', () => {
  assert.deepEqual(createMessage('resize', { height: 10 }), { height: 10, source: 'relu-lab', version: 1, type: 'resize' });
  // A payload cannot override the envelope.
  assert.equal(createMessage('ready', { source: 'evil', type: 'x' }).source, 'relu-lab');
  const ok = (type, extra) => ({ source: 'relu-lab', version: 1, type, ...extra });
  assert.ok(readInbound(ok('play')));
  assert.ok(readInbound(ok('set-state', { state: { train: { learningRate: 0.1 } } })));
  assert.ok(readInbound(ok('set-theme', { theme: 'dark' })));
  for (const data of [
    null, 'play', [], { type: 'play' }, ok('play', { version: 2 }), ok('play', { source: 'other' }),
    ok('ready'), ok('eval'), ok('set-state', { state: null }), ok('set-state', { state: [] }),
    ok('set-state'), ok('set-theme', { theme: 3 }),
  ]) {
    assert.equal(readInbound(data), null, JSON.stringify(data));
  }
  assert.ok(readOutbound(ok('resize', { height: 300 })));
  assert.equal(readOutbound(ok('resize', { height: -1 })), null);
  assert.equal(readOutbound(ok('resize', { height: 'big' })), null);
  assert.equal(readOutbound(ok('play')), null);
});

test('protocol: origins restrict, and a typo never widens', () => {
  assert.equal(parseOrigins(null), null);
  assert.ok(originAllowed(null, 'https://anyone.example'));
  assert.deepEqual(postTargets(null), ['*']);
  const allowed = parseOrigins('https://lms.example/course/1, http://127.0.0.1:8123 javascript:alert(1)');
  assert.deepEqual(allowed, ['https://lms.example', 'http://127.0.0.1:8123']);
  assert.ok(originAllowed(allowed, 'https://lms.example'));
  assert.ok(!originAllowed(allowed, 'https://evil.example'));
  assert.ok(!originAllowed(allowed, 'null'));
  const typo = parseOrigins('lms.example');
  assert.deepEqual(typo, []);
  assert.ok(!originAllowed(typo, 'https://lms.example'));
  assert.deepEqual(postTargets(typo), []);
});

test('theme: page selectors are pointed at the frame', () => {
  assert.equal(retargetSelector(':root', '.f'), '.f');
  assert.equal(retargetSelector('body', '.f'), '.f');
  assert.equal(retargetSelector('html, body.page--wide', '.f'), '.f, .f.page--wide');
  assert.equal(retargetSelector(':root .x > p', '.f'), '.f .x > p');
  assert.equal(retargetSelector('.tbody td', '.f'), '.tbody td');
  assert.equal(retargetSelector('.body', '.f'), '.body');
  assert.equal(retargetSelector('main:focus', '.f'), 'main:focus');
});

test('theme: colour-scheme media queries follow a forced theme', () => {
  const dark = '(prefers-color-scheme: dark)';
  assert.equal(mediaForTheme(dark, 'auto'), dark);
  assert.equal(mediaForTheme(dark, 'dark'), 'all');
  assert.equal(mediaForTheme(dark, 'light'), 'not all');
  assert.equal(mediaForTheme(dark, 'contrast'), 'not all');
  assert.equal(mediaForTheme('(prefers-color-scheme: light)', 'contrast'), 'all');
  assert.equal(mediaForTheme('screen and (prefers-color-scheme: dark) and (min-width: 40rem)', 'dark'), 'screen and (min-width: 40rem)');
  assert.equal(mediaForTheme('(prefers-color-scheme: dark), print', 'light'), 'print');
});

test('theme: width-only media queries become container conditions', () => {
  assert.equal(containerCondition('(min-width: 56rem)'), '(min-width: 56rem)');
  assert.equal(containerCondition('screen and (max-width: 30rem)'), '(max-width: 30rem)');
  assert.equal(containerCondition('(min-width: 40rem) and (max-width: 60rem)'), '(min-width: 40rem) and (max-width: 60rem)');
  assert.equal(containerCondition('(width >= 40rem)'), '(width >= 40rem)');
  assert.equal(containerCondition('(prefers-reduced-motion: no-preference)'), null);
  assert.equal(containerCondition('(min-width: 40rem), print'), null);
  assert.equal(containerCondition('print and (min-width: 40rem)'), null);
});

// ---- issue 14: set-state answers, milestones, layout and goal attributes, rem → host size ----

test('ignored: unknown keys at any depth, then the fields the screen refused, each once', () => {
  const state = { data: { name: 'circle', noise: 0.1 }, train: { learningRate: 0.03 }, preset: null };
  assert.deepEqual(explainIgnored({ train: { learningRate: 0.1 } }, state, []), []);
  assert.deepEqual(explainIgnored({ colour: 'red', train: { learningRate: 'fast', bogus: 1 } }, state, ['train.learningRate']), [
    { key: 'colour', reason: REASONS.unknown },
    { key: 'train.bogus', reason: REASONS.unknown },
    { key: 'train.learningRate', reason: REASONS.invalid },
  ]);
  // A key the screen itself names as unknown (function, neuron) is listed once.
  assert.deepEqual(explainIgnored({ extra: 1 }, { range: 8 }, ['extra']), [{ key: 'extra', reason: REASONS.unknown }]);
  assert.deepEqual(explainIgnored({ functions: ['relu', 'nope'] }, { functions: ['relu'] }, ['functions: nope']), [
    { key: 'functions', reason: `${REASONS.invalid}: nope` },
  ]);
  // __proto__ as an own key (JSON.parse makes one) is unknown, not inherited.
  assert.deepEqual(explainIgnored(JSON.parse('{"__proto__": {"x": 1}}'), state), [{ key: '__proto__', reason: REASONS.unknown }]);
  for (const bad of [null, [1], 'x', 3]) assert.deepEqual(explainIgnored(bad, state), [{ key: '', reason: REASONS.notObject }]);
  assert.equal(explainIgnored({ ['k'.repeat(500)]: 1 }, state)[0].key.length, 48);
  assert.equal(describeIgnored([{ key: 'colour', reason: 'unknown key' }, { key: '', reason: 'not an object' }]), 'colour (unknown key), not an object');
});

test('milestones: each once per run, armed again when the step goes back', () => {
  const fired = [];
  const tracker = createNetworkMilestones({ goalAccuracy: 0.9, emit: (name, figures) => fired.push([name, figures]) });
  const summary = (step, testAccuracy, extra = {}) => ({ step, testAccuracy, trainAccuracy: testAccuracy, trainLoss: 0.5, testLoss: 0.6, canDie: true, offCount: 2, unitCount: 24, diverged: false, ...extra });
  const preset = { id: 'kill', steps: 2000 };
  tracker.check(summary(100, 0.5), preset);
  tracker.check(summary(1990, 0.89), preset);
  assert.deepEqual(fired, []);
  tracker.check(summary(2000, 0.9), preset);
  assert.deepEqual(fired.map(([name]) => name), ['preset-effect', 'accuracy']);
  assert.deepEqual(fired[0][1], { preset: 'kill', step: 2000, testAccuracy: 0.9, trainAccuracy: 0.9, trainLoss: 0.5, testLoss: 0.6, deadUnits: 2, unitCount: 24 });
  assert.equal(fired[1][1].goal, 0.9);
  tracker.check(summary(2100, 0.95), preset);
  assert.equal(fired.length, 2);
  tracker.check(summary(0, 0.5), preset); // reset
  tracker.check(summary(2000, 0.95, { diverged: true, canDie: false }), null);
  assert.deepEqual(fired.slice(2).map(([name]) => name), ['diverged', 'accuracy']);
  assert.equal(fired[2][1].deadUnits, null); // not counted for an activation that cannot die
  assert.deepEqual(networkFigures(summary(5, null)).testAccuracy, null);
});

test('config: layout and goal-accuracy', () => {
  assert.equal(readConfig(from({})).layout, 'auto');
  assert.equal(readConfig(from({})).goalAccuracy, null);
  assert.equal(readConfig(from({ layout: ' Compact ' })).layout, 'compact');
  const bad = readConfig(from({ layout: 'tiny', 'goal-accuracy': 'high' }));
  assert.equal(bad.layout, 'auto');
  assert.deepEqual(bad.problems, ['layout', 'goal-accuracy']);
  for (const [text, share] of [['0.9', 0.9], ['90%', 0.9], ['90', 0.9], ['1', 1], ['100%', 1], ['0', null], ['150', null], ['-1', null], ['', null]]) {
    assert.equal(parseGoalAccuracy(text), share, text);
  }
  assert.ok(ATTRIBUTE_KEYS.includes('goal-accuracy') && ATTRIBUTE_KEYS.includes('layout'));
});

test('protocol: the set-state answer and milestones, request ids', () => {
  assert.ok(readOutbound(createMessage('set-state', { ignored: [] })));
  assert.equal(readOutbound(createMessage('set-state', { ignored: 'none' })), null);
  assert.ok(readOutbound(createMessage('milestone', { name: 'accuracy', figures: { step: 3 } })));
  assert.equal(readOutbound(createMessage('milestone', { name: 'accuracy' })), null);
  assert.equal(requestId({ id: 'q1' }), 'q1');
  assert.equal(requestId({ id: 7 }), 7);
  for (const id of [undefined, null, {}, Number.NaN, 'x'.repeat(101)]) assert.equal(requestId({ id }), undefined);
});

test('theme: rem lengths become the host element\'s size', () => {
  assert.equal(remToHost('padding: 0.75rem clamp(0.5rem, 2vw, 1rem);'), 'padding: calc(0.75 * var(--relu-lab-rem)) clamp(calc(0.5 * var(--relu-lab-rem)), 2vw, calc(1 * var(--relu-lab-rem)));');
  assert.equal(remToHost('margin: -2rem .5rem'), 'margin: calc(-2 * var(--relu-lab-rem)) calc(.5 * var(--relu-lab-rem))');
  assert.equal(remToHost('font-size: 1.5em; width: 12px; --premium: 1'), 'font-size: 1.5em; width: 12px; --premium: 1');
});

test('config: the revival settings (activation L1, keep the weights, the switch schedule) reach the Network screen by name', () => {
  const config = readConfig(from({ 'activation-l1': '0.01', 'keep-weights': '1', then: 'leaky-relu@1000' }));
  assert.deepEqual(config.problems, []);
  const { state, problems } = decodeHash(`#${networkHash(config)}`);
  assert.deepEqual(problems, []);
  assert.equal(state.train.activationL1, 0.01);
  assert.equal(state.keepWeights, true);
  assert.deepEqual(state.schedule.map((step) => [step.activation, step.step]), [['leaky-relu', 1000]]);
});
