// The one place the embed starts the wasm core. Every <relu-lab> on a page awaits the same
// promise, so the module is fetched and compiled once and all instances share it (each keeps
// its own networks and data sets inside it).
//
// The single-file and classic bundles (.ci/dist.mjs) replace this module with one that
// compiles the wasm from bytes inlined in the bundle, with initSync.
import init from '../../pkg/relu_lab.js';

let ready = null;

/** Resolves when the core is ready to use; starts loading it on the first call. */
export function coreReady() {
  ready ??= init();
  return ready;
}
