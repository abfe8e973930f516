// Load the built wasm module in Node (run `make build` first), synchronously.
import { readFileSync } from 'node:fs';
import * as lab from '../../www/pkg/relu_lab.js';

lab.initSync({ module: readFileSync(new URL('../../www/pkg/relu_lab_bg.wasm', import.meta.url)) });
export default lab;
