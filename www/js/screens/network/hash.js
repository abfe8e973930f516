// The Network screen's URL hash: every setting of a state written as key=value pairs, read
// back without ever throwing. Pure functions of plain objects (state.js re-exports them).
//
// Only function declarations of state.js are used at the top level here: state.js imports
// this module back (to re-export it), and its constants are not initialised yet when this
// module runs.
import { FASTEST_SPEED } from './cadence.js';
import { findPreset } from './presets.js';
import { decodePoints, defaultState, encodePoints, mergeState, presetState } from './state.js';

/** Hash version: bump when a key changes meaning. */
const HASH_VERSION = '1';

/** Read a number written by String(number); undefined for anything else. */
function parseNumber(text) {
  if (!/^-?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(text)) return undefined;
  const value = Number(text);
  return Number.isFinite(value) ? value : undefined;
}

/**
 * The schedule of activation switches as text: "leaky-relu@1200,elu@3000" (activation @ the
 * step it trains from), "none" for no switch.
 */
const writeSchedule = (schedule) =>
  schedule.length ? schedule.map((entry) => `${entry.activation}@${entry.step}`).join(',') : 'none';

/** The inverse of writeSchedule; undefined for malformed text (the names are checked later). */
function readSchedule(text) {
  if (text === 'none') return [];
  const schedule = [];
  for (const part of text.split(',')) {
    const at = part.lastIndexOf('@');
    const step = at > 0 ? parseNumber(part.slice(at + 1)) : undefined;
    if (step === undefined) return undefined;
    schedule.push({ activation: part.slice(0, at), step });
  }
  return schedule;
}

/**
 * Hash keys: where each lives in the state, and how it is written and read.
 * @type {[key: string, group: string | null, field: string, write: (value: any) => string, read: (text: string) => any][]}
 */
const KEYS = [
  ['data', 'data', 'name', String, (t) => t],
  ['noise', 'data', 'noise', String, parseNumber],
  ['test', 'data', 'testRatio', String, parseNumber],
  ['dseed', 'data', 'seed', String, parseNumber],
  ['pts', 'data', 'points', encodePoints, decodePoints],
  ['layers', 'network', 'hidden', (h) => (h.length ? h.join(',') : '0'),
    (t) => (t === '0' ? [] : t.split(',').map(parseNumber))],
  ['act', 'network', 'activation', String, (t) => t],
  ['slope', 'network', 'slope', String, parseNumber],
  ['relu0', 'network', 'reluAtZero', String, parseNumber],
  ['init', 'network', 'init', String, (t) => t],
  ['bias', 'network', 'biasInit', String, parseNumber],
  ['seed', 'network', 'seed', String, parseNumber],
  ['opt', 'train', 'optimizer', String, (t) => t],
  ['lr', 'train', 'learningRate', String, parseNumber],
  ['batch', 'train', 'batchSize', String, parseNumber],
  ['reg', 'train', 'regularization', String, (t) => t],
  ['rate', 'train', 'regularizationRate', String, parseNumber],
  ['al1', 'train', 'activationL1', String, parseNumber],
  ['speed', null, 'stepsPerFrame', String, (t) => (t === FASTEST_SPEED ? t : parseNumber(t))],
  ['keep', null, 'keepWeights', (keep) => (keep ? '1' : '0'), (t) => (t === '1' ? true : t === '0' ? false : undefined)],
  ['then', null, 'schedule', writeSchedule, readSchedule],
];

/** Escape only what would break the hash's structure: commas and dots stay readable. */
const escapeValue = (text) => text.replace(/[%&=#\s]/g, (c) => encodeURIComponent(c));

/**
 * The hash (without "#") that stores `state` completely: every setting is written, so a link
 * means the same run even if the defaults change. User points and activation switches
 * (`then`) only when there are some.
 */
export function encodeHash(state) {
  const parts = [`v=${HASH_VERSION}`];
  if (state.preset) parts.push(`preset=${state.preset}`);
  for (const [key, group, field, write] of KEYS) {
    const value = group ? state[group][field] : state[field];
    if (key === 'pts' && value.length === 0) continue;
    // No switch is written only when the link's base (a preset) has some to override.
    if (key === 'then' && value.length === 0 && !(state.preset && findPreset(state.preset) && presetState(state.preset).schedule.length)) continue;
    parts.push(`${key}=${escapeValue(write(value))}`);
  }
  return parts.join('&');
}

/**
 * Read a hash ("#a=1&b=2" or without "#"). Never throws.
 * Returns { state, problems, empty }: `state` is complete (the default, or the named preset,
 * under every key that was given and valid); `problems` lists the keys that were malformed,
 * out of range or unknown, and were ignored; `empty` is true when there was no hash at all.
 */
export function decodeHash(hash) {
  const text = String(hash ?? '').replace(/^#/, '');
  if (text.trim() === '') return { state: defaultState(), problems: [], empty: true };
  const entries = [];
  const problems = [];
  for (const part of text.split('&')) {
    if (part === '') continue;
    const at = part.indexOf('=');
    let key;
    let value;
    try {
      key = decodeURIComponent(at < 0 ? part : part.slice(0, at));
      value = at < 0 ? undefined : decodeURIComponent(part.slice(at + 1));
    } catch {
      problems.push(part.slice(0, 24));
      continue;
    }
    if (value === undefined) problems.push(key.slice(0, 24));
    else entries.push([key, value]);
  }
  const given = new Map(entries);

  // A known preset is the base, so "#preset=kill" alone opens the kill run.
  let base = defaultState();
  let preset = null;
  if (given.has('preset')) {
    const found = findPreset(given.get('preset'));
    if (found) {
      base = presetState(found.id);
      preset = found.id;
    } else {
      problems.push('preset');
    }
  }
  if (given.has('v') && given.get('v') !== HASH_VERSION) problems.push('v');

  const partial = { data: {}, network: {}, train: {} };
  const pathOfKey = new Map();
  for (const [key, group, field, , read] of KEYS) {
    if (!given.has(key)) continue;
    let value;
    try {
      value = read(given.get(key));
    } catch {
      value = undefined;
    }
    if (value === undefined || (Array.isArray(value) && value.includes(undefined))) {
      problems.push(key);
      continue;
    }
    if (group) partial[group][field] = value;
    else partial[field] = value;
    pathOfKey.set(group ? `${group}.${field}` : field, key);
  }
  const known = new Set(['v', 'preset', ...KEYS.map(([key]) => key)]);
  // An unknown key is named; a value without a key ("&=1") as written, not as an empty name.
  for (const key of given.keys()) if (!known.has(key)) problems.push((key || `=${given.get(key)}`).slice(0, 24));

  const merged = mergeState(base, partial);
  for (const path of merged.problems) problems.push(pathOfKey.get(path) ?? path);
  merged.state.preset = preset;
  return { state: merged.state, problems: [...new Set(problems)], empty: false };
}
