// The Network screen's settings in the URL hash: read at start, written (debounced) after every
// change, and read again when the learner edits the address. A copied link reproduces the run.
import { setText } from '../../ui/dom.js';
import { decodeHash, encodeHash } from './state.js';

/** The address is rewritten this long (ms) after the last change. */
export const HASH_DELAY_MS = 150;

/** Address edits taken by any screen of this page (<html data-links-taken>). */
let linksTaken = 0;

/**
 * The state a page starts from: the hash's when it holds settings, else `fallback`.
 * Returns { state, problems } (the hash's fields that could not be used).
 */
export function startState(fallback) {
  const decoded = decodeHash(window.location.hash);
  return decoded.empty ? { state: fallback, problems: [] } : { state: decoded.state, problems: decoded.problems };
}

/**
 * Keep the address in step with the screen. `getState()` is the screen's state;
 * `onLinkState(state, problems)` is called when the learner edited the address.
 * @param {{ getState: () => object, onLinkState: (state: object, problems: string[]) => void }} options
 */
export function createHashSync({ getState, onLinkState }) {
  let timer = 0;

  const writeNow = () => {
    const hash = `#${encodeHash(getState())}`;
    if (window.location.hash !== hash) window.history.replaceState(null, '', hash);
  };

  /** @param {HashChangeEvent} event */
  const onHashChange = (event) => {
    // The address the learner went to, from the event: a write of ours that was due when they
    // edited the address may have run before this event and put our old state back in
    // window.location, and that old state would then be taken instead of their link.
    const hash = new URL(event.newURL).hash;
    // A fragment naming an element on the page is navigation, not settings: keep ours.
    const fragment = hash.slice(1);
    if (fragment && !fragment.includes('=') && document.getElementById(fragment)) {
      writeNow();
    } else {
      const decoded = decodeHash(hash);
      onLinkState(decoded.state, decoded.problems);
    }
    // A signal for tests and tools: how many address edits the page has taken in full.
    linksTaken += 1;
    document.documentElement.dataset.linksTaken = String(linksTaken);
  };
  window.addEventListener('hashchange', onHashChange);

  return {
    /**
     * Put the state into the address. Dragging a slider changes it many times a second, and
     * browsers throttle frequent history updates, so writes wait for a short pause unless `now`.
     */
    write({ now = false } = {}) {
      clearTimeout(timer);
      if (now) writeNow();
      else timer = setTimeout(writeNow, HASH_DELAY_MS);
    },
    stop() {
      clearTimeout(timer);
      window.removeEventListener('hashchange', onHashChange);
    },
  };
}

/** Show, or hide when there is none, the notice about a link's unusable settings. */
export function showLinkProblems(notice, noticeText, problems) {
  notice.hidden = problems.length === 0;
  if (problems.length) {
    setText(
      noticeText,
      `Some settings in this link could not be used (${problems.join(', ')}), so their ` +
        'defaults are shown instead. Everything else comes from the link.',
    );
  }
}
