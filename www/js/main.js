// Entry point of index.html: load the wasm core once, then mount the start page (the Function
// and Network screens with most of their controls hidden; js/screens/first-page.js).
import { bootScreen } from './core/boot.js';
import { mountFirstPage } from './screens/first-page.js';

await bootScreen(document.querySelector('[data-screen="first-page"]'), (element) =>
  mountFirstPage(element, { idPrefix: 'start' }),
);
