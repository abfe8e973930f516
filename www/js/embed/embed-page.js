// embed.html: one <relu-lab> configured by the query string, speaking the postMessage
// protocol of protocol.js with the page around the iframe.
//
//   embed.html?screen=network&preset=kill&hide=optimizer,batch&origin=https://lms.example
//
// `origin` (optional, comma-separated) restricts both ways: only messages from those origins
// are obeyed, and messages are posted only to them. Without it the embed obeys its parent
// whatever its origin and posts with '*': it posts nothing secret (settings and a height).
// Messages from any window other than the parent are ignored. No storage is touched unless
// the query says `remember`, and then only where the browser allows it.
import { queryAttributes, readConfig, THEMES } from './config.js';
import { defineReluLab } from './element.js';
import { COMPACT_BELOW } from './layout.js';
import { describeIgnored, REASONS } from './ignored.js';
import { createMessage, originAllowed, parseOrigins, postTargets, readInbound, requestId } from './protocol.js';
import { SCREEN_ADAPTERS } from './screens.js';
import { $ } from '../ui/dom.js';

const COLOR_SCHEMES = { auto: 'light dark', light: 'light', dark: 'dark', contrast: 'light' };

defineReluLab();

const params = new URLSearchParams(window.location.search);
const allowed = parseOrigins(params.get('origin'));
const parent = window.parent !== window ? window.parent : null;

const lab = /** @type {import('./element.js').ReluLabElement} */ (document.createElement('relu-lab'));
// The query's embed keys become attributes; an old link's `hidden=8,8` becomes `layers`
// (as an attribute, `hidden` would hide the embed).
for (const [name, value] of queryAttributes(params)) lab.setAttribute(name, value);
// A frame shorter than COMPACT_BELOW (MyST-MD's fixed 720 × 432, a slide) is compact unless
// the query says otherwise: the element cannot see the iframe's height itself.
if (parent && !lab.hasAttribute('layout') && !lab.hasAttribute('height') && window.innerHeight < COMPACT_BELOW) {
  lab.setAttribute('layout', 'compact');
}
const config = readConfig((name) => lab.getAttribute(name));
document.documentElement.style.colorScheme = COLOR_SCHEMES[config.theme];
const title = `ReLU Lab: ${SCREEN_ADAPTERS[config.screen].title}`;
document.title = title;
$(document, '[data-field="title"]').textContent = title;
$(document, '[data-embed-slot]').replaceChildren(lab);

/** Post a protocol message to the parent (to each allowed origin, or '*'). */
function post(type, payload) {
  if (!parent) return;
  for (const target of postTargets(allowed)) parent.postMessage(createMessage(type, payload), target);
}

// ---- height: the host sizes the iframe to the content --------------------------------------
let lastHeight = -1;
new ResizeObserver(() => {
  const height = Math.ceil(document.body.getBoundingClientRect().height);
  if (height !== lastHeight) {
    lastHeight = height;
    post('resize', { height });
  }
}).observe(document.body);

// ---- announcements -------------------------------------------------------------------------
let announcedReady = false;
lab.addEventListener('relu-lab-ready', (/** @type {CustomEvent<{ screen: string }>} */ event) => {
  if (announcedReady) return;
  announcedReady = true;
  post('ready', { screen: event.detail.screen });
  const state = lab.getState();
  if (state !== null) post('state', { state });
});
lab.addEventListener('relu-lab-state', (/** @type {CustomEvent<{ state: object }>} */ event) =>
  post('state', { state: event.detail.state }),
);
lab.addEventListener('relu-lab-error', (/** @type {CustomEvent<{ message: string }>} */ event) =>
  post('error', { message: event.detail.message }),
);
lab.addEventListener('relu-lab-milestone', (/** @type {CustomEvent<{ name: string, figures: object }>} */ event) =>
  post('milestone', { name: event.detail.name, figures: event.detail.figures }),
);

// ---- requests from the parent --------------------------------------------------------------
window.addEventListener('message', async (event) => {
  if (!parent || event.source !== parent || !originAllowed(allowed, event.origin)) return;
  const message = readInbound(event.data);
  if (!message) return;
  await lab.ready;
  switch (message.type) {
    case 'set-state': {
      const ignored = lab.setState(message.state) ?? [{ key: '', reason: REASONS.noSettings }];
      const id = requestId(message);
      post('set-state', id === undefined ? { ignored } : { ignored, id });
      if (ignored.length > 0) post('error', { message: `set-state: ignored ${describeIgnored(ignored)}` });
      break;
    }
    case 'play':
      lab.play();
      break;
    case 'pause':
      lab.pause();
      break;
    case 'set-theme':
      if (THEMES.includes(message.theme)) {
        lab.setAttribute('theme', message.theme);
        document.documentElement.style.colorScheme = COLOR_SCHEMES[message.theme];
      } else {
        post('error', { message: `set-theme: unknown theme "${message.theme.slice(0, 24)}"` });
      }
      break;
    case 'get-state':
      post('state', { state: lab.getState() });
      break;
    default:
      break;
  }
});
