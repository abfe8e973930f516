// The host side of the embed protocol (see js/embed/protocol.js): size the iframe from its
// resize messages and drive it with the buttons. The frame's address gets origin=<this
// page's origin>, so it obeys and posts to this page only. Messages are accepted only from
// the frame's own window and only in the protocol's shape; the origin is not checked because
// a frame sandboxed without allow-same-origin posts from the opaque origin "null".
import { createMessage, readOutbound } from '../js/embed/protocol.js';
import { $ } from '../js/ui/dom.js';

const frame = $(document, 'iframe.lab-frame', HTMLIFrameElement);
const log = $(document, '[data-field="log"]');
const LOG_LENGTH = 8;

const url = new URL(frame.dataset.embed, window.location.href);
url.searchParams.set('origin', window.location.origin);
// A sandboxed frame can be asked for with ?sandbox on this page's address.
if (new URLSearchParams(window.location.search).has('sandbox')) frame.setAttribute('sandbox', 'allow-scripts');
frame.src = url.href;
// The frame's page is ours: post to its origin only ('*' for a sandboxed, opaque one).
const frameOrigin = frame.hasAttribute('sandbox') ? '*' : url.origin;

function send(type, payload) {
  frame.contentWindow.postMessage(createMessage(type, payload), frameOrigin);
}

function note(type, text) {
  const item = document.createElement('li');
  item.dataset.type = type;
  item.textContent = `${type}${text ? `: ${text}` : ''}`;
  log.prepend(item);
  while (log.children.length > LOG_LENGTH) log.lastElementChild.remove();
}

window.addEventListener('message', (event) => {
  if (event.source !== frame.contentWindow) return;
  const message = readOutbound(event.data);
  if (!message) return;
  switch (message.type) {
    case 'resize':
      frame.style.height = `${message.height}px`;
      note('resize', `${message.height} px`);
      break;
    case 'state': {
      const { train, network } = message.state;
      note('state', `${network.activation}, ${train.optimizer}, learning rate ${train.learningRate}`);
      break;
    }
    case 'ready':
      note('ready', message.screen);
      break;
    default:
      note(message.type, message.message ?? '');
  }
});

$(document, '.host-controls').addEventListener('click', (event) => {
  if (!(event.target instanceof Element)) return;
  const action = event.target.closest('button')?.dataset.send;
  if (action === 'play' || action === 'pause') send(action);
  if (action === 'gentle') send('set-state', { state: { train: { learningRate: 0.03 } } });
  if (action === 'harsh') send('set-state', { state: { train: { learningRate: 0.3 } } });
});
const themeChoice = $(document, 'select[data-send="theme"]', HTMLSelectElement);
themeChoice.addEventListener('change', () => {
  send('set-theme', { theme: themeChoice.value });
});
