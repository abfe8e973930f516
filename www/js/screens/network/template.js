// The Network screen's markup and the elements the screen reads from it. The settings panel
// (renderSettings) is written a few frames after mounting, see startup in screen.js.
import { $ } from '../../ui/dom.js';
import { lockNoteHtml } from '../../ui/lesson-controls.js';
import { renderInspect, renderPresets, renderSettings, renderToolbar } from './controls-markup.js';
import { guideHtml } from './panels.js';

/**
 * The whole screen but its settings: presets, toolbar, notices, the diagram's and the views'
 * slots, the map, the charts and the live region. `id(name)` makes an instance's element ids.
 * @param {(name: string) => string} id
 * @param {ReturnType<typeof import('../../ui/lesson-controls.js').resolveControls>} locks
 */
export function screenHtml(id, locks) {
  // A page that hides every setting gets no settings panel from the start (no empty column
  // that would vanish a few frames later, when the settings are written).
  const settingKeys = [...renderSettings(id).matchAll(/data-control="([^"]+)"/g)].map((match) => match[1]);
  const noSettings = settingKeys.every((key) => locks.hidden.has(key));
  return `
    <div class="nw" data-network-screen>
      ${renderPresets(id)}
      ${renderToolbar(id)}
      ${guideHtml(id)}
      <div class="notice nw-notice" data-field="hash-notice" hidden>
        <p data-field="hash-notice-text"></p>
        <button type="button" class="button button--small" data-action="dismiss-notice">Dismiss</button>
      </div>
      <div class="notice nw-notice" data-field="diverged" hidden>
        <p><strong>Training stopped: it diverged.</strong> The loss grew too large to represent
        (it became infinite or “not a number”), so the weights no longer mean anything. The
        learning rate is probably too high for this optimiser and initialisation. Your settings
        are unchanged: press Reset to start again from step 0, or lower the learning rate first.</p>
        <button type="button" class="button button--small" data-action="reset">Reset</button>
      </div>
      <div class="nw-body">
        <div class="nw-settings" id="${id('settings')}" data-part="settings" role="region" aria-label="Settings" data-control-group${noSettings ? ' hidden' : ''}></div>
        <section class="nw-network" aria-labelledby="${id('network-title')}">
          <h2 class="nw-title" id="${id('network-title')}">Inside the network</h2>
          <div data-view="diagram"><p class="loading">Loading the diagram…</p></div>
          <div class="nw-events" aria-labelledby="${id('events-title')}">
            <h3 class="nw-subhead" id="${id('events-title')}">Units that died or came back</h3>
            <ul class="nw-events__list" data-field="event-log"><li class="muted">None yet.</li></ul>
            <p class="nw-events__start" data-field="start-note" hidden></p>
          </div>
          <div data-view="inspector" hidden></div>
          <div data-view="meters"></div>
        </section>
        <section class="nw-output" aria-labelledby="${id('output-title')}">
          <h2 class="nw-title" id="${id('output-title')}">What it learns</h2>
          <div data-part="heatmap"></div>
          ${renderInspect(id)}
          <div class="notice nw-notice nw-warning" data-field="rate-warning" hidden>
            <p><strong>Learning rate too high.</strong> <span data-field="rate-warning-text"></span></p>
          </div>
          <div data-part="charts"></div>
        </section>
      </div>
      ${lockNoteHtml(locks, id('lock-note'))}
      <p class="visually-hidden" role="status" aria-live="polite" aria-atomic="true" data-field="announcer"></p>
    </div>`;
}

/**
 * The elements of the screen's markup that the screen writes or listens to.
 * @param {HTMLElement} root the [data-network-screen] element
 */
export function screenParts(root) {
  const field = (name) => $(root, `[data-field="${name}"]`);
  return {
    fields: {
      step: field('step'),
      testAccuracy: field('test-accuracy'),
      trainLoss: field('train-loss'),
      testLoss: field('test-loss'),
      deadUnits: field('dead-units'),
      offLabel: field('off-label'),
      hashNotice: field('hash-notice'),
      hashNoticeText: field('hash-notice-text'),
      eventLog: field('event-log'),
      startNote: field('start-note'),
      rateWarning: field('rate-warning'),
      rateWarningText: field('rate-warning-text'),
      announcer: field('announcer'),
      inspectIndex: $(root, '[data-field="inspect-index"]', HTMLInputElement),
      inspectHint: field('inspect-hint'),
    },
    buttons: {
      play: $(root, '[data-action="play"]', HTMLButtonElement),
      inspect: $(root, '[data-action="inspect"]', HTMLButtonElement),
      inspectClose: $(root, '[data-action="inspect-close"]', HTMLButtonElement),
    },
    slots: {
      settings: $(root, '[data-part="settings"]'),
      heatmap: $(root, '[data-part="heatmap"]'),
      charts: $(root, '[data-part="charts"]'),
      diagram: $(root, '[data-view="diagram"]'),
      meters: $(root, '[data-view="meters"]'),
      inspector: $(root, '[data-view="inspector"]'),
    },
  };
}
