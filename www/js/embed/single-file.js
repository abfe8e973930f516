// The page script of dist/relu-lab.html, the single self-contained file (built by
// .ci/dist.mjs, which inlines this script, the wasm and every style sheet). A screen chooser
// above one <relu-lab>; the chosen screen is kept in the address's hash (#network), so a
// bookmark or a link to the file opens it. Works opened from disk (file://), with no server.
import { SCREENS } from './config.js';
import { defineReluLab } from './element.js';
import { SCREEN_ADAPTERS } from './screens.js';
import { $, $$ } from '../ui/dom.js';

defineReluLab();

const lab = $(document, 'relu-lab');
const buttons = $$(document, '[data-choose-screen]');
const themeSelect = $(document, '[data-choose-theme]', HTMLSelectElement);

function choose(screen) {
  if (!SCREENS.includes(screen)) return;
  lab.setAttribute('screen', screen);
  for (const button of buttons) {
    button.setAttribute('aria-pressed', String(button.dataset.chooseScreen === screen));
  }
  document.title = `${SCREEN_ADAPTERS[screen].title} · ReLU Lab`;
  if (window.location.hash !== `#${screen}`) window.history.replaceState(null, '', `#${screen}`);
}

for (const button of buttons) {
  button.addEventListener('click', () => choose(button.dataset.chooseScreen));
}
themeSelect.addEventListener('change', () => {
  lab.setAttribute('theme', themeSelect.value);
  document.documentElement.dataset.theme = themeSelect.value;
});
window.addEventListener('hashchange', () => choose(window.location.hash.slice(1)));

const initial = window.location.hash.slice(1);
choose(SCREENS.includes(initial) ? initial : 'function');
