// Entry point of index.html: load the wasm core once, then mount the first page.
import { bootScreen } from './core/boot.js';
import { mountFirstPage } from './screens/first-page.js';

await bootScreen(document.querySelector('[data-screen="first-page"]'), mountFirstPage);
