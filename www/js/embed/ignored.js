// What a setState (the element's method, the iframe's set-state, the anywidget's state trait)
// did not take, and why. Pure; importable from Node (tests/node/embed.test.mjs).
//
// A screen reports the fields it refused (network: "train.learningRate"; function and neuron:
// their keys, "functions: nope" for a name it does not know); the network screen passes over
// keys it does not know without a word. So the keys are also compared with the screen's own
// state before the change: a key (at any depth) that the state does not have is unknown.

/** The reasons, as the answers give them. */
export const REASONS = Object.freeze({
  unknown: 'unknown key',
  invalid: 'invalid value',
  notObject: 'not an object',
  noSettings: 'this screen has no settings to set',
});

/** Longest key named in an answer (a hostile key is cut, not echoed whole). */
const KEY_LENGTH = 48;

const isPlainObject = (value) => value !== null && typeof value === 'object' && !Array.isArray(value);
const cut = (key) => String(key).slice(0, KEY_LENGTH);

/** Keys of `partial` (dotted paths) that `state` does not have. */
export function unknownKeys(partial, state, prefix = '') {
  const unknown = [];
  for (const key of Object.keys(partial)) {
    const path = `${prefix}${key}`;
    if (!isPlainObject(state) || !Object.hasOwn(state, key)) unknown.push(path);
    else if (isPlainObject(partial[key]) && isPlainObject(state[key])) unknown.push(...unknownKeys(partial[key], state[key], `${path}.`));
  }
  return unknown;
}

/**
 * The answer to a setState: `[{ key, reason }]`, unknown keys first, then the fields the screen
 * refused (`problems`), each key once. `state`: the screen's state before the change.
 */
export function explainIgnored(partial, state, problems = []) {
  if (!isPlainObject(partial)) return [{ key: '', reason: REASONS.notObject }];
  const answer = [];
  const seen = new Set();
  const add = (key, reason) => {
    const name = cut(key);
    if (seen.has(name)) return;
    seen.add(name);
    answer.push({ key: name, reason });
  };
  for (const key of unknownKeys(partial, state)) add(key, REASONS.unknown);
  for (const problem of problems) {
    const text = String(problem);
    // "functions: nope": the key, and the value it could not use.
    const named = text.match(/^([^:]+):\s*(.+)$/);
    if (named) add(named[1], `${REASONS.invalid}: ${named[2].slice(0, KEY_LENGTH)}`);
    else if (text === 'state') add('', REASONS.notObject);
    else add(text, REASONS.invalid);
  }
  return answer;
}

/** "colour (unknown key), units (invalid value)": an answer in words, for a console or an error message. */
export function describeIgnored(ignored) {
  return ignored.map(({ key, reason }) => (key ? `${key} (${reason})` : reason)).join(', ');
}
