// Entry point of experiments.html: load the wasm core once (the page's own networks; the runs
// load it again in their worker), then mount the Experiments screen. The URL hash records the
// experiment and its parameters: experiments.html#experiment=born-dead&nets=200
import { bootScreen } from '../../core/boot.js';
import { mountExperimentsScreen } from './screen.js';

const root = document.querySelector('[data-screen="experiments"]');
await bootScreen(root, (element) => mountExperimentsScreen(element, { idPrefix: 'exp' }));
