// ReLU Lab as a custom element. One script tag, then as many <relu-lab> elements as you like:
//
//   <script type="module" src="https://your.host/relu-lab/relu-lab.js"></script>
//   <relu-lab screen="network" preset="kill" hide="optimizer,batch" height="520"></relu-lab>
//
// The element loads its screens, style sheets and the wasm core from beside this file.
// See README.md, "Embedding", for every attribute; js/embed/element.js for the script API.
import { ReluLabElement, defineReluLab } from './js/embed/element.js';

defineReluLab();

export { ReluLabElement, defineReluLab };
