// What an embed asks for, read from the <relu-lab> element's attributes or from embed.html's
// query string (the same keys in both). Pure functions of strings; no DOM, no wasm, importable
// from Node (tests/node/embed.test.mjs).
//
//   screen   function | neuron | network (network by default)
//   preset   a preset id of that screen (network: healthy, kill, negative-bias, …)
//   hide     comma-separated control keys the screen should not show
//   lock     comma-separated control keys shown but not changeable
//   theme    auto (follow the reader's system) | light | dark | contrast (projector)
//   height, width   CSS lengths; a bare number means pixels
//   remember        opt in to keeping the learner's settings in localStorage (value: a key)
//   autoplay        start training without a click ("false" to forbid)
//   layout          auto (compact in a short frame) | full | compact: the main picture, play
//                   and the figures that matter, the rest behind one button
//   goal-accuracy   a test accuracy ("0.9" or "90%") that fires the `accuracy` milestone
// and every setting the screen keeps in its URL hash, by the hash key (lr=0.3) or by a
// readable name (learning-rate="0.3"): see SCREEN_SETTINGS.
//
// `hidden` is not one of them: it is HTML's own global attribute, which hides the element
// (`<relu-lab hidden="8,8">` shows nothing, as for any element). The network's hidden layers
// are `layers`. A query string is not an attribute, so embed.html still reads the old
// `?hidden=8,8` as `layers` (QUERY_ALIASES, queryAttributes).

import { EXPERIMENT_SETTINGS } from '../experiments/keys.js';
import { parseGoalAccuracy } from './milestones.js';

export const SCREENS = Object.freeze(['function', 'neuron', 'network', 'experiments']);
export const DEFAULT_SCREEN = 'network';
export const THEMES = Object.freeze(['auto', 'light', 'dark', 'contrast']);
/** auto: compact when the embed is given a height below COMPACT_BELOW (element.js). */
export const LAYOUTS = Object.freeze(['auto', 'full', 'compact']);

/** Keys every screen understands. */
export const COMMON_KEYS = Object.freeze([
  'screen',
  'preset',
  'hide',
  'lock',
  'theme',
  'height',
  'width',
  'remember',
  'autoplay',
  'layout',
  'goal-accuracy',
]);

/**
 * Per screen: readable attribute name → the screen's own key. For the network screen the
 * target is the URL-hash key of www/js/screens/network/state.js (`layers="8,8"`); the short
 * hash keys are accepted as they are. No name here may be a global HTML attribute (`hidden`,
 * `title`, `id`…), which would change what the element is, not what it shows.
 * For the function and neuron screens the target is their mount option (function/screen.js,
 * neuron/screen.js; the same keys as their pages' query strings).
 */
export const SCREEN_SETTINGS = Object.freeze({
  network: Object.freeze({
    data: 'data',
    dataset: 'data',
    noise: 'noise',
    test: 'test',
    'test-ratio': 'test',
    dseed: 'dseed',
    'data-seed': 'dseed',
    pts: 'pts',
    points: 'pts',
    layers: 'layers',
    act: 'act',
    activation: 'act',
    slope: 'slope',
    relu0: 'relu0',
    'relu-at-zero': 'relu0',
    init: 'init',
    bias: 'bias',
    'bias-init': 'bias',
    seed: 'seed',
    opt: 'opt',
    optimizer: 'opt',
    lr: 'lr',
    'learning-rate': 'lr',
    batch: 'batch',
    'batch-size': 'batch',
    reg: 'reg',
    regularization: 'reg',
    rate: 'rate',
    'regularization-rate': 'rate',
    speed: 'speed',
    'steps-per-frame': 'speed',
    al1: 'al1',
    'activation-l1': 'al1',
    keep: 'keep',
    'keep-weights': 'keep',
    then: 'then',
  }),
  function: Object.freeze({
    functions: 'functions',
    activations: 'functions',
    range: 'range',
    probe: 'probe',
    slope: 'slope',
    'elu-alpha': 'eluAlpha',
    eluAlpha: 'eluAlpha',
    'prelu-slope': 'preluSlope',
    preluSlope: 'preluSlope',
    'relu-at-zero': 'reluAtZero',
    reluAtZero: 'reluAtZero',
  }),
  neuron: Object.freeze({
    w1: 'w1',
    w2: 'w2',
    b: 'b',
    bias: 'b',
    'learning-rate': 'learningRate',
    learningRate: 'learningRate',
    units: 'units',
    target: 'target',
  }),
  // The experiment (`experiment="born-dead"`) and its parameters (experiments/keys.js).
  experiments: EXPERIMENT_SETTINGS,
});

/** Every attribute the element watches (observedAttributes). */
export const ATTRIBUTE_KEYS = Object.freeze([
  ...new Set([...COMMON_KEYS, ...Object.values(SCREEN_SETTINGS).flatMap((table) => Object.keys(table))]),
]);

const LOWER_KEYS = new Set(ATTRIBUTE_KEYS.map((key) => key.toLowerCase()));

/**
 * Whether `key` is one of the embed's keys (for copying a query string onto the element).
 * Attribute names are case-insensitive, so "eluAlpha" and "elualpha" are the same key.
 */
export function isEmbedKey(key) {
  return LOWER_KEYS.has(String(key).toLowerCase());
}

/**
 * Old query-string names of embed.html → the attribute they mean now. `hidden` was once the
 * layers' readable name; as an attribute it is HTML's `hidden`, so only a query string (an old
 * link) may still use it. When both are given, `layers` wins.
 */
export const QUERY_ALIASES = Object.freeze({ hidden: 'layers' });

/**
 * The attributes to set on <relu-lab> for a query string's entries (`[key, value]` pairs, as a
 * URLSearchParams gives them): embed keys only, lower-case, old names translated
 * (QUERY_ALIASES), the current name winning over an old one whatever the order, and for a key
 * given twice the last value. Any other key (`origin`, a typo, `onload`) is left out.
 */
export function queryAttributes(entries) {
  const current = new Map();
  const old = new Map();
  for (const [key, value] of entries) {
    const name = String(key).toLowerCase();
    const alias = Object.hasOwn(QUERY_ALIASES, name) ? QUERY_ALIASES[name] : null;
    if (alias !== null) old.set(alias, String(value));
    else if (isEmbedKey(name)) current.set(name, String(value));
  }
  for (const [name, value] of old) if (!current.has(name)) current.set(name, value);
  return [...current];
}

/** "optimizer, batch" → ['optimizer', 'batch']: trimmed, lower-case, no empties or repeats. */
export function parseList(text) {
  if (text == null) return [];
  return [
    ...new Set(
      String(text)
        .split(/[\s,]+/)
        .map((item) => item.trim().toLowerCase())
        .filter(Boolean),
    ),
  ];
}

/** "520" → "520px"; "40rem", "100%", "80vh" kept; anything else null. */
export function parseSize(text) {
  if (text == null) return null;
  const value = String(text).trim();
  if (/^\d+(\.\d+)?$/.test(value)) return `${Number(value)}px`;
  if (/^\d+(\.\d+)?(px|rem|em|vh|vw|svh|dvh|%|ch)$/.test(value)) return value;
  return null;
}

/** Boolean attribute: present and not "false"/"no"/"0". */
function parseFlag(text) {
  if (text == null) return null;
  return !['false', 'no', '0', 'off'].includes(String(text).trim().toLowerCase());
}

/**
 * Read an embed's configuration. `get(name)` returns the attribute or query value, or null.
 * Returns { screen, preset, hide, lock, theme, height, width, remember, autoplay, layout,
 * goalAccuracy, settings, problems }: `settings` maps the screen's own keys to the raw strings given (validated by
 * the screen), `problems` lists keys whose values were ignored. Never throws.
 */
export function readConfig(get) {
  const problems = [];
  const raw = (name) => {
    const value = get(name);
    return value == null ? null : String(value);
  };

  let screen = (raw('screen') ?? DEFAULT_SCREEN).trim().toLowerCase();
  if (!SCREENS.includes(screen)) {
    problems.push('screen');
    screen = DEFAULT_SCREEN;
  }
  let theme = (raw('theme') ?? 'auto').trim().toLowerCase();
  if (!THEMES.includes(theme)) {
    problems.push('theme');
    theme = 'auto';
  }
  const size = (name) => {
    const text = raw(name);
    const value = parseSize(text);
    if (text != null && value == null) problems.push(name);
    return value;
  };
  const remember = raw('remember');
  let layout = (raw('layout') ?? 'auto').trim().toLowerCase();
  if (!LAYOUTS.includes(layout)) {
    problems.push('layout');
    layout = 'auto';
  }
  const goalText = raw('goal-accuracy');
  const goalAccuracy = parseGoalAccuracy(goalText);
  if (goalText != null && goalAccuracy === null) problems.push('goal-accuracy');

  // The screen's settings: a readable name and the short key may both be given; the last
  // one listed in SCREEN_SETTINGS wins, which is fine because they mean the same thing.
  const settings = {};
  for (const [name, key] of Object.entries(SCREEN_SETTINGS[screen])) {
    const value = raw(name);
    if (value != null) settings[key] = value.trim();
  }
  const preset = raw('preset')?.trim() || null;

  return {
    screen,
    preset,
    hide: parseList(raw('hide')),
    lock: parseList(raw('lock')),
    theme,
    height: size('height'),
    width: size('width'),
    // remember="" (boolean form) uses a key made from the screen; remember="name" names it.
    remember: remember == null ? null : remember.trim() || screen,
    autoplay: parseFlag(raw('autoplay')),
    layout,
    goalAccuracy,
    settings,
    problems,
  };
}

/** The network screen's settings as a URL-hash string ("preset=kill&lr=0.3"). */
export function networkHash(config) {
  const params = [];
  if (config.preset) params.push(['preset', config.preset]);
  for (const [key, value] of Object.entries(config.settings)) params.push([key, value]);
  // A lone surrogate (a broken UTF-16 value, say seed="\ud800") would make encodeURIComponent
  // throw; as U+FFFD it is written, and the screen reports the value as one it could not use.
  const encode = (value) => encodeURIComponent(String(value).replace(/\p{Surrogate}/gu, '\ufffd'));
  return params.map(([key, value]) => `${key}=${encode(value).replace(/%2C/gi, ',')}`).join('&');
}

/**
 * The function or neuron screen's mount options from its settings: lists and names as they
 * are, numbers as numbers (a malformed number is dropped and listed in `problems`; the screen
 * clamps the rest).
 */
export function screenOptions(config, problems = []) {
  const options = {};
  for (const [key, value] of Object.entries(config.settings)) {
    if (key === 'functions') options.functions = parseList(value);
    else if (key === 'target') options.target = value.toLowerCase();
    else if (value !== '' && Number.isFinite(Number(value))) options[key] = Number(value);
    else problems.push(key);
  }
  return options;
}

/** Which keys differ between two configs' raw settings (for updating without remounting). */
export function changedSettings(before, after) {
  const keys = new Set([...Object.keys(before.settings), ...Object.keys(after.settings)]);
  return [...keys].filter((key) => before.settings[key] !== after.settings[key]);
}
