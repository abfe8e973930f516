// The experiments: each a plain module { id, claim, title, question, sources, params, setup,
// run, verdict } (see params.js for the parameter definitions). `run(core, params, onProgress)`
// returns plain JSON; `verdict(results)` returns { verdict, sentence } built from the figures.
// Nothing here touches the DOM: the same code runs in the page's worker and in Node.
import { activationScale } from './activation-scale.js';
import { bornDead } from './born-dead.js';
import { convergence } from './convergence.js';
import { cost } from './cost.js';
import { dying } from './dying.js';
import { gradientDepth } from './gradient-depth.js';
import { linearPiecesExperiment } from './linear-pieces.js';
import { negativeInputs } from './negative-inputs.js';
import { normalizeParams } from './params.js';
import { reluAtZero } from './relu-at-zero.js';
import { revival } from './revival.js';
import { saturation } from './saturation.js';
import { sparsity } from './sparsity.js';

/**
 * @typedef {{ id: string, claim: string | null, title: string, question: string,
 *   sources: readonly import('./papers.js').Source[], params: readonly import('./params.js').ParamDefinition[],
 *   setup: (params: Record<string, any>) => string,
 *   run: (core: any, params: Record<string, any>, onProgress?: (progress: any) => void) => any,
 *   verdict: (results: any) => { verdict: string, sentence: string }, note?: string, requires?: readonly string[] }} Experiment
 */

/** Every experiment, in the order the screen lists them. @type {readonly Experiment[]} */
export const experiments = Object.freeze([
  bornDead, gradientDepth, activationScale, dying, revival,
  linearPiecesExperiment, sparsity, cost, convergence, negativeInputs, reluAtZero, saturation,
]);

/** The experiment with id `id`, or undefined. */
export function findExperiment(id) {
  return experiments.find((experiment) => experiment.id === id);
}

/** Every parameter id of every experiment (the keys a link or an embed may set). */
export const PARAMETER_IDS = Object.freeze([...new Set(experiments.flatMap((experiment) => experiment.params.map((p) => p.id)))]);

/**
 * Run experiment `id` with `params` (checked and completed with the defaults first) and return
 * `{ id, params, results, verdict }`. `onProgress({ done, total, nets, partial })` is called after
 * every network; `partial()` returns the results so far. Throws for an unknown id.
 * @param {any} core the wasm module (browser `init()` or Node `initSync`)
 * @param {string} id
 * @param {Record<string, any>} [params]
 * @param {(progress: { done: number, total: number, nets: number, partial: () => any }) => void} [onProgress]
 */
export function runExperiment(core, id, params = {}, onProgress = undefined) {
  const experiment = findExperiment(id);
  if (!experiment) throw new Error(`experiment: unknown id "${id}" (known: ${experiments.map((e) => e.id).join(', ')})`);
  const clean = normalizeParams(experiment.params, params).params;
  const results = experiment.run(core, clean, onProgress);
  return { id, params: clean, results, verdict: experiment.verdict(results) };
}
