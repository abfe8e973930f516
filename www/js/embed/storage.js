// Opt-in memory of an embed's settings (the `remember` attribute). Nothing is stored unless a
// teacher asks for it. Every access is guarded: in a sandboxed iframe (opaque origin), with
// storage blocked or full, reading gives null and writing does nothing.

const PREFIX = 'relu-lab:';

/** The storage key for `name` on this page. */
export function storageKey(name, path) {
  return `${PREFIX}${path}:${name}`;
}

/** The stored value for `key`, parsed, or null. */
export function readStored(key) {
  try {
    const text = globalThis.localStorage?.getItem(key);
    return text ? JSON.parse(text) : null;
  } catch {
    return null;
  }
}

/** Store `value` (JSON) under `key`; false when storage is unavailable. */
export function writeStored(key, value) {
  try {
    globalThis.localStorage?.setItem(key, JSON.stringify(value));
    return true;
  } catch {
    return false;
  }
}
