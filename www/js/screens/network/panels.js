// Two panels of the Network screen: the "What am I looking at?" guide (one sentence per area,
// opened from one button; open on a first visit, closed after it, remembered only when the
// embedding page passes `remember`), and, on a narrow screen, the settings as a sheet over the
// lower part of the page, opened from the toolbar, with one tab per group (Data, Network,
// Training), so every setting is two taps from the top. On a wide screen the settings are a
// column and the Settings button is not shown (CSS).
import { readStored, storageKey, writeStored } from '../../embed/storage.js';

/** One sentence per area of the screen, in the order they appear on a wide screen. */
export const GUIDE = Object.freeze([
  ['Scenarios', 'one click sets up a run that shows one effect and says what to watch; playing stops where it shows.'],
  ['Play, Step, Reset', 'train the network on the training points one mini-batch step at a time; the numbers beside them are measured as it learns.'],
  ['Settings', 'the data, the network (layers, activation, initialisation) and the training (learning rate, optimiser); a change to the data or the network starts a new network at step 0 (with "Keep the weights when the activation changes" ticked, a new activation switches in place instead); training settings apply from the next step; the address keeps every setting.'],
  ['Inside the network', 'each square is one hidden unit, drawn as its output over the input plane; hatched with ✕ is a dead unit (z ≤ 0 on every training point). Hover or tap one for its formula.'],
  ['Units that died or came back', 'names units as they die or come back, and why some were dead from the start.'],
  ['Layers on the training set', 'per layer: the share of zeros (sparsity), the dead units, the size of the activations and of the gradient.'],
  ['What it learns', 'the network’s prediction over the plane, with the training points (filled) and test points (outlined); tap a point to follow it through the network.'],
  ['Over time', 'loss, accuracy, dead units and sparsity over the steps, with a mark where a unit died or came back.'],
]);

/** The guide's HTML; `id(name)` makes element ids. */
export function guideHtml(id) {
  return `
    <section class="nw-guide" id="${id('guide')}" data-field="guide" aria-labelledby="${id('guide-title')}" hidden>
      <h2 class="nw-subhead" id="${id('guide-title')}">What am I looking at?</h2>
      <ul class="nw-guide__list">
        ${GUIDE.map(([area, text]) => `<li><strong>${area}:</strong> ${text}</li>`).join('')}
      </ul>
      <button type="button" class="button button--small" data-action="guide-close">Close the guide</button>
    </section>`;
}

/**
 * The guide and the settings sheet of the screen `root`. `remember`: a name under which the
 * guide's "seen" is stored (the embedding page's `remember`), or null (nothing is stored);
 * `firstVisit`: whether the screen started from its defaults (no link, no preset), which opens
 * the guide when nothing is remembered.
 * @param {HTMLElement} root
 * @param {{ remember: string | null, firstVisit: boolean, announce: (text: string) => void }} options
 */
export function createPanels(root, { remember, firstVisit, announce }) {
  const guide = /** @type {HTMLElement} */ (root.querySelector('[data-field="guide"]'));
  const guideButton = /** @type {HTMLButtonElement} */ (root.querySelector('[data-action="guide"]'));
  const settingsButton = /** @type {HTMLButtonElement} */ (root.querySelector('[data-action="settings"]'));
  const seenKey = remember ? storageKey(`network:${remember}:guide-seen`, globalThis.location?.pathname ?? '') : null;

  function showGuide(open) {
    guide.hidden = !open;
    guideButton.setAttribute('aria-expanded', String(open));
  }
  const seen = seenKey ? readStored(seenKey) === true : false;
  showGuide(seenKey ? !seen : firstVisit);
  if (seenKey && !seen) writeStored(seenKey, true);

  function openSettings(open) {
    root.dataset.settingsOpen = String(open);
    settingsButton.setAttribute('aria-expanded', String(open));
  }
  openSettings(false);
  const onKey = (event) => {
    if (event.key === 'Escape' && root.dataset.settingsOpen === 'true' && root.querySelector('.nw-settings')?.contains(event.target)) {
      openSettings(false);
      settingsButton.focus();
    }
  };
  root.addEventListener('keydown', onKey);

  return {
    toggleGuide() {
      showGuide(guide.hidden);
      if (!guide.hidden) guide.scrollIntoView({ block: 'nearest' });
    },
    closeGuide() {
      showGuide(false);
      guideButton.focus();
    },
    toggleSettings() {
      const open = root.dataset.settingsOpen !== 'true';
      openSettings(open);
      if (open) /** @type {HTMLElement | null} */ (root.querySelector('[data-action="settings-tab"]'))?.focus();
    },
    closeSettings() {
      openSettings(false);
      settingsButton.focus();
    },
    /** A tab of the sheet: bring its group (data, network, train) to the top of the sheet. */
    showGroup(name) {
      const group = /** @type {HTMLElement | null} */ (root.querySelector(`.nw-group[data-group="${name}"]`));
      if (!group) return;
      for (const tab of root.querySelectorAll('[data-action="settings-tab"]')) {
        tab.setAttribute('aria-current', String(/** @type {HTMLElement} */ (tab).dataset.group === name));
      }
      group.scrollIntoView({ block: 'start' });
      announce(`${group.querySelector('legend')?.textContent ?? name} settings.`);
    },
    stop() {
      root.removeEventListener('keydown', onKey);
    },
  };
}
