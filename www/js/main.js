// Entry point of index.html: load the wasm core once, then mount the start page (the Function
// and Network screens with most of their controls hidden, and the claims table measured in the
// browser; js/screens/first-page.js).
import { bootScreen } from './core/boot.js';
import { mountFirstPage } from './screens/first-page.js';
import { $ } from './ui/dom.js';

await bootScreen(document.querySelector('[data-screen="first-page"]'), (element) =>
  mountFirstPage(element, { idPrefix: 'start', claims: $(document, '[data-part="claims-table"]') }),
);
