// Entry point of index.html: load the wasm core once, then mount the start page (the Function
// and Network screens with most of their controls hidden, and the claims table measured in the
// browser; js/screens/first-page.js).
//
// The page's first paint (its header and introduction, static HTML) needs no script, so this
// module is small: the core starts loading at once (the built page preloads its wasm), and the
// start page's code is imported after that paint, so the browser never holds the text back for
// it. Mounting then takes tasks of its own, apart from running the modules: one for the
// Function screen, one for the Network screen; the claims table's code comes after the
// screens' first frames (first-page.js).
import { bootScreen } from './core/boot.js';
import { afterPaint, nextTask } from './ui/loop.js';
import { $ } from './ui/dom.js';

await bootScreen(
  document.querySelector('[data-screen="first-page"]'),
  async (element, { mountFirstPageInTasks }) => {
    await nextTask();
    return mountFirstPageInTasks(element, { idPrefix: 'start', claims: $(document, '[data-part="claims-table"]') });
  },
  afterPaint().then(() => import('./screens/first-page.js')),
);
