// The Network screen's settings in the URL hash: read at start, written (debounced) after every
// change, and read again when the learner edits the address. A copied link reproduces the run.
import { setText } from '../../ui/dom.js';
import { decodeHash, encodeHash } from './state.js';

/** The address is rewritten this long (ms) after the last change. */
export const HASH_DELAY_MS = 150;

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

  const onHashChange = () => {
    // A fragment naming an element on the page is navigation, not settings: keep ours.
    const fragment = window.location.hash.slice(1);
    if (fragment && !fragment.includes('=') && document.getElementById(fragment)) {
      writeNow();
      return;
    }
    const decoded = decodeHash(window.location.hash);
    onLinkState(decoded.state, decoded.problems);
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
