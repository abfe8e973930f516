// The postMessage protocol between embed.html (inside an iframe) and the page around it.
// Pure functions; no DOM, importable from Node (tests/node/embed.test.mjs).
//
// Every message, both ways, is a plain object { source: 'relu-lab', version: 1, type, ... }.
// From the embed:  ready  { screen }            once the screen is mounted
//                  resize { height }            the content height in CSS pixels, on change
//                  state  { state }             the screen's settings, when they change
//                  error  { message }           a request that could not be carried out
//                  set-state { ignored, id }    the answer to every set-state: what it did not
//                                               take, [{ key, reason }] (empty: all taken), and
//                                               the request's id when it had one
//                  milestone { name, figures }  a moment a course page can react to (milestones.js)
// To the embed:    set-state { state, id }      a partial state, validated by the screen (id:
//                                               optional, a string or number echoed in the answer)
//                  play, pause                  start or stop training
//                  set-theme { theme }          auto | light | dark | contrast
//                  get-state                    answered with a state message
// Anything else (another source, version or type, a non-object) is ignored.

export const SOURCE = 'relu-lab';
export const VERSION = 1;
export const INBOUND_TYPES = Object.freeze(['set-state', 'play', 'pause', 'set-theme', 'get-state']);
export const OUTBOUND_TYPES = Object.freeze(['ready', 'resize', 'state', 'error', 'set-state', 'milestone']);

/** A protocol message of `type` with the payload's fields. */
export function createMessage(type, payload = {}) {
  return { ...payload, source: SOURCE, version: VERSION, type };
}

/**
 * The message if `data` is a well-formed message the embed obeys, else null.
 * Checks the shape of each type's payload too (set-state needs an object state, set-theme a
 * string theme).
 */
export function readInbound(data) {
  if (!isProtocolObject(data) || !INBOUND_TYPES.includes(data.type)) return null;
  if (data.type === 'set-state') {
    const { state } = data;
    if (state === null || typeof state !== 'object' || Array.isArray(state)) return null;
  }
  if (data.type === 'set-theme' && typeof data.theme !== 'string') return null;
  return data;
}

/** The message if `data` is a well-formed message from an embed (for host pages), else null. */
export function readOutbound(data) {
  if (!isProtocolObject(data) || !OUTBOUND_TYPES.includes(data.type)) return null;
  if (data.type === 'resize' && !(Number.isFinite(data.height) && data.height >= 0)) return null;
  if (data.type === 'set-state' && !Array.isArray(data.ignored)) return null;
  if (data.type === 'milestone' && (typeof data.name !== 'string' || data.figures === null || typeof data.figures !== 'object')) return null;
  return data;
}

/** The id of a request, to echo in its answer: a short string or a finite number, else undefined. */
export function requestId(data) {
  const { id } = data ?? {};
  if (typeof id === 'string' && id.length <= 100) return id;
  if (typeof id === 'number' && Number.isFinite(id)) return id;
  return undefined;
}

function isProtocolObject(data) {
  return (
    data !== null &&
    typeof data === 'object' &&
    !Array.isArray(data) &&
    data.source === SOURCE &&
    data.version === VERSION &&
    typeof data.type === 'string'
  );
}

/**
 * The origins the embed obeys and posts to, from the `origin` query value: a comma- or
 * space-separated list of origins such as "https://lms.example". Returns null when no
 * origin was given, meaning "any": obey any parent and post with targetOrigin '*', which is
 * fine because what the embed posts is not secret. Entries that are not http(s) origins (a
 * path, a typo) are dropped; if none is left the list is empty and nothing is obeyed or
 * posted, so a typo never widens the restriction.
 */
export function parseOrigins(text) {
  if (text == null) return null;
  const origins = [];
  for (const item of String(text).split(/[\s,]+/)) {
    if (!item) continue;
    try {
      const url = new URL(item);
      if ((url.protocol === 'https:' || url.protocol === 'http:') && url.origin !== 'null') {
        if (!origins.includes(url.origin)) origins.push(url.origin);
      }
    } catch {
      // not a URL: dropped
    }
  }
  return origins;
}

/** Whether a message from `origin` is obeyed, given parseOrigins' result (null: any). */
export function originAllowed(allowed, origin) {
  return allowed === null || allowed.includes(origin);
}

/** The targetOrigin values to post to, given parseOrigins' result. */
export function postTargets(allowed) {
  return allowed === null ? ['*'] : allowed;
}
