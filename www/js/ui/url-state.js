// A screen's settings in the page address, so that a copied link reproduces what the learner
// sees: the address's key=value pairs read once at the start, written back after every change
// (debounced, with history.replaceState: no new history entry), a notice naming what a link
// held that could not be used, and a "Copy link" button. The settings live in the query string
// (part 'search', the Function and Neuron screens) or in the hash (part 'hash', the Network
// screen's format). Only a screen that owns its page uses this; an embed or a screen on the
// start page leaves the address alone (the screens' `useUrl: false`, their default).
//
// No screen state here: each screen encodes and decodes its own (its state.js).
import { setText } from './dom.js';

/** The address is rewritten this long (ms) after the last change. */
export const URL_WRITE_DELAY_MS = 150;
/** Keys of a page's query string that configure the lesson, not the state (hide, lock). */
export const LESSON_KEYS = Object.freeze(['hide', 'lock']);

/**
 * The key=value pairs of an address part ("?a=1&b=2", "#a=1", or without the sign). Never
 * throws: a pair that cannot be decoded, or a key without "=", is listed in `problems`.
 * Later pairs win. Returns { values: Map<string, string>, problems: string[] }.
 * @param {string} text
 */
export function parsePairs(text) {
  /** @type {Map<string, string>} */
  const values = new Map();
  /** @type {string[]} */
  const problems = [];
  for (const part of String(text ?? '').replace(/^[?#]/, '').split('&')) {
    if (part === '') continue;
    const at = part.indexOf('=');
    try {
      const key = decodeURIComponent((at < 0 ? part : part.slice(0, at)).replace(/\+/g, ' '));
      if (at < 0) problems.push(key.slice(0, 24));
      else values.set(key, decodeURIComponent(part.slice(at + 1).replace(/\+/g, ' ')));
    } catch {
      problems.push(part.slice(0, 24));
    }
  }
  return { values, problems };
}

/**
 * The values of `keys` among `pairs` (parsePairs' values) as a plain object of strings, and
 * the keys that are neither `keys` nor LESSON_KEYS (listed as problems: a typo in a link).
 * @param {Map<string, string>} pairs
 * @param {readonly string[]} keys
 * @returns {{ given: Record<string, string>, unknown: string[] }}
 */
export function pickPairs(pairs, keys) {
  /** @type {Record<string, string>} */
  const given = {};
  /** @type {string[]} */
  const unknown = [];
  for (const [key, value] of pairs) {
    if (keys.includes(key)) given[key] = value;
    else if (!LESSON_KEYS.includes(key)) unknown.push(key.slice(0, 24));
  }
  return { given, unknown };
}

/**
 * "a=1&b=x,y" from [key, value] pairs: each part percent-encoded, except the characters a
 * value list uses (",", ":") and "~", which stay readable.
 * @param {Iterable<[string, string]>} pairs
 */
export function pairsText(pairs) {
  const encode = (text) => encodeURIComponent(text).replace(/%2C/gi, ',').replace(/%3A/gi, ':');
  return Array.from(pairs, ([key, value]) => `${encode(key)}=${encode(value)}`).join('&');
}

/**
 * Keep part `part` ('search' or 'hash') of the address in step with a screen. `encode()`
 * returns the part's text for the current state (without "?" or "#"); in the query string
 * the lesson keys already there (hide, lock) are kept in front of it. `onAddressChange(text)`
 * (hash only) is called when the learner edits the hash; a fragment that names an element on
 * the page (a skip link) is navigation, not settings, and the state is written back over it.
 * @param {{ part: 'search' | 'hash', encode: () => string,
 *   onAddressChange?: (text: string) => void, delay?: number }} options
 * @returns {{ write(options?: { now?: boolean }): void, link(): string, stop(): void }}
 */
export function createUrlSync({ part, encode, onAddressChange, delay = URL_WRITE_DELAY_MS }) {
  let timer = 0;

  /** The address with the current state in its part. */
  function link() {
    const url = new URL(window.location.href);
    if (part === 'hash') {
      url.hash = encode();
    } else {
      const kept = [...new URLSearchParams(url.search)].filter(([key]) => LESSON_KEYS.includes(key));
      url.search = [pairsText(kept), encode()].filter(Boolean).join('&');
    }
    return url.href;
  }

  function writeNow() {
    clearTimeout(timer);
    const href = link();
    if (href !== window.location.href) window.history.replaceState(window.history.state, '', href);
  }

  const onHashChange = () => {
    const fragment = window.location.hash.slice(1);
    if (fragment && !fragment.includes('=') && document.getElementById(fragment)) writeNow();
    else onAddressChange?.(window.location.hash);
  };
  const listening = part === 'hash' && typeof onAddressChange === 'function';
  if (listening) window.addEventListener('hashchange', onHashChange);

  return {
    /**
     * Put the state into the address. A slider changes it many times a second and browsers
     * throttle frequent history updates, so writes wait for a short pause unless `now`.
     */
    write({ now = false } = {}) {
      clearTimeout(timer);
      if (now) writeNow();
      else timer = window.setTimeout(writeNow, delay);
    },
    link,
    stop() {
      clearTimeout(timer);
      if (listening) window.removeEventListener('hashchange', onHashChange);
    },
  };
}

/** The notice's words for a link whose settings `problems` could not be used. */
export function linkProblemsText(problems) {
  return (
    `Some settings in this link could not be used (${problems.join(', ')}), so their ` +
    'defaults are shown instead. Everything else comes from the link.'
  );
}

/**
 * The notice about a link's settings that could not be used: hidden until there are some
 * (createLinkControls' showProblems). Put it at the top of the screen.
 */
export function linkNoticeHtml() {
  return `
    <div class="notice" data-field="link-notice" hidden>
      <p data-field="link-notice-text"></p>
      <button type="button" class="button" data-action="dismiss-link-notice">Dismiss</button>
    </div>`;
}

/**
 * The "Copy link" button with what it does (`what`, visible) and a status line, in a row.
 * `control`: the data-control key a teacher hides it by. Put it near the top of the screen.
 * @param {{ prefix: string, control?: string, what: string }} options
 */
export function copyLinkHtml({ prefix, control = 'link', what }) {
  return `
    <div class="controls link-controls" data-control="${control}">
      <button type="button" class="button" data-action="copy-link" aria-describedby="${prefix}-link-hint">Copy link</button>
      <p class="hint" id="${prefix}-link-hint">${what}</p>
      <p class="hint" data-field="link-status" role="status" aria-live="polite"></p>
    </div>`;
}

/**
 * Wire the link controls inside `element` (linkNoticeHtml, copyLinkHtml): "Copy link" writes the address
 * now and copies it (or shows it to copy by hand), "Dismiss" hides the notice.
 * `sync`: createUrlSync(…). `copied`: what the status says after a copy. Returns
 * { showProblems(problems), stop() }.
 * @param {HTMLElement} element
 * @param {{ sync: ReturnType<typeof createUrlSync>, copied: string }} options
 */
export function createLinkControls(element, { sync, copied }) {
  const notice = /** @type {HTMLElement} */ (element.querySelector('[data-field="link-notice"]'));
  const noticeText = element.querySelector('[data-field="link-notice-text"]');
  const status = /** @type {HTMLElement} */ (element.querySelector('[data-field="link-status"]'));
  const say = (text) => {
    if (status.textContent === text) status.textContent = '';
    status.textContent = text;
  };

  async function copy() {
    sync.write({ now: true });
    const href = window.location.href;
    try {
      await navigator.clipboard.writeText(href);
      say(copied);
    } catch {
      say(`Copy this link by hand: ${href}`);
    }
  }

  const onClick = (event) => {
    const button = /** @type {HTMLElement} */ (event.target).closest?.('button[data-action]');
    if (!(button instanceof HTMLButtonElement) || button.disabled) return;
    if (button.dataset.action === 'copy-link') copy();
    else if (button.dataset.action === 'dismiss-link-notice') {
      notice.hidden = true;
      /** @type {HTMLButtonElement | null} */ (element.querySelector('button[data-action="copy-link"]'))?.focus();
    }
  };
  element.addEventListener('click', onClick);

  return {
    /** Show the notice naming `problems`, or hide it when there are none. */
    showProblems(problems) {
      notice.hidden = problems.length === 0;
      if (problems.length) setText(noticeText, linkProblemsText(problems));
    },
    stop() {
      element.removeEventListener('click', onClick);
    },
  };
}
