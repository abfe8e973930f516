// The Experiments worker from its own bundled source, for where the worker cannot start by its
// URL (runner.js imports this module only then). Here in www/ (and the site) the worker always
// has its URL, so there is no source: the npm package replaces this module with one holding the
// worker's bundled source, started from a blob: URL and handed the wasm (.ci/dist.mjs).

/** @returns {Promise<Worker | null>} the worker, or null when there is no source to start it from */
export async function startWorkerFromSource() {
  return null;
}
