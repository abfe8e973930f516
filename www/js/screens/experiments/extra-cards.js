// The two cards of the Experiments screen that are not experiments: the claims table and the
// history (claim a). Added after the experiment cards; the claims table is mounted the first
// time its card is shown, so its small runs start only when the learner asks for it.
import { mountClaimsTable } from './claims-table.js';
import { claimsCardHtml, historyCardHtml } from './history-card.js';
import { EXTRA_CARDS } from './state.js';
import { setHidden } from '../../ui/dom.js';

/**
 * Append the cards to `holder` (ids start with `prefix`); `chooser` holds the screen's
 * [data-choose] buttons; `linkBase` is where the claims table's links point.
 * Returns { show(id) (the card shown now: one of these or an experiment), destroy() }.
 * @param {Element} holder
 * @param {Element} chooser
 * @param {{ prefix: string, linkBase: string }} options
 */
export function createExtraCards(holder, chooser, { prefix, linkBase }) {
  holder.insertAdjacentHTML('beforeend', claimsCardHtml(prefix) + historyCardHtml(prefix));
  const cards = new Map(EXTRA_CARDS.map((id) => [id, /** @type {HTMLElement} */ (holder.querySelector(`[data-experiment="${id}"]`))]));
  /** The claims table, mounted the first time its card is shown. */
  let claimsTable = null;
  return {
    show(shown) {
      for (const [id, card] of cards) setHidden(card, id !== shown);
      for (const id of EXTRA_CARDS) chooser.querySelector(`[data-choose="${id}"]`)?.setAttribute('aria-current', String(id === shown));
      if (shown === 'claims' && !claimsTable) {
        claimsTable = mountClaimsTable(/** @type {HTMLElement} */ (cards.get('claims').querySelector('[data-field="claims"]')), {
          linkBase,
          idPrefix: `${prefix}-claims`,
        });
      }
    },
    destroy: () => claimsTable?.destroy(),
  };
}
