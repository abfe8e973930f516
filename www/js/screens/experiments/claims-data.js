// The article's eleven claims (SCIENCE.md "The article's claims, checked"): the claim, its
// verdict word from SCIENCE.md, the experiment that measures it, the small run the claims table
// does in the learner's browser, and the text shown until that run is done (figures measured on
// the development machine with the same parameters). Pure data.

/** When and where the fallback figures were measured. */
export const MEASURED_ON = 'measured on the development machine (headless Chromium, 2 cores)';

/**
 * @typedef {{ letter: string, claim: string, verdict: string, experiment: string | null,
 *   also?: string, card?: string, params?: Record<string, any>, fallback: string }} ClaimRow
 */

/** @type {readonly ClaimRow[]} */
export const CLAIMS = Object.freeze([
  { letter: 'a', claim: 'ReLU(x) = max(0, x), “introduced by Hahnloser et al. in 2010”', verdict: 'formula right, history wrong', experiment: null, card: 'history', fallback: 'Hahnloser et al. 2000 (Nature), in a silicon circuit; in deep learning Jarrett et al. 2009, Nair & Hinton 2010, Glorot et al. 2011.' },
  { letter: 'b', claim: 'nonlinear, applied element by element', verdict: 'true', experiment: 'linear-pieces', params: { widths: [2, 8], depths: [1, 4], nets: 10, resolution: 64 }, fallback: 'Median pieces on [−1, 1] from 1 to 4 hidden layers: 3 → 5.5 with 2 units per layer, 8.5 → 20.5 with 8.' },
  { letter: 'c', claim: 'avoids the vanishing gradient of sigmoid and tanh', verdict: 'partly', experiment: 'gradient-depth', params: { depths: [1, 10], nets: 4 }, fallback: 'At depth 10 the first hidden layer gets 1/639,563 of the last layer’s gradient with sigmoid + Xavier, 1/36 with ReLU + Xavier, 1/1.6 with ReLU + He.' },
  { letter: 'd', claim: 'induces sparsity; efficiency; less overfitting', verdict: 'partly', experiment: 'sparsity', params: { datasets: ['circle'], penalties: [0, 0.1], seeds: 2, steps: 150 }, fallback: 'At initialisation about half (53%) of the activations are exactly zero; after training without a penalty, 51%.' },
  { letter: 'e', claim: 'cheap to compute', verdict: 'true', experiment: 'cost', params: { evaluations: 100000, repeats: 3, points: 512, passes: 2 }, fallback: 'ReLU 3 ns per evaluation; tanh 18 ns, sigmoid 10 ns, GELU 46 ns.' },
  { letter: 'f', claim: 'faster convergence than sigmoid/tanh', verdict: 'partly, empirical', experiment: 'convergence', params: { optimizers: ['sgd'], datasets: ['circle'], sgdRates: [0.3], seeds: 3, maxSteps: 600 }, fallback: 'Circle, plain SGD: ReLU 75 steps to 97%, tanh 100, sigmoid did not reach it.' },
  { letter: 'g', claim: 'dying neurons', verdict: 'true', experiment: 'dying', also: 'revival', params: { sgdRates: [0.03], adamRates: [0.003, 0.3], biasInits: [0], seeds: 2, steps: 150 }, fallback: 'Adam at 0.3 leaves 77% of the units dead (accuracy 53%), at 0.003 13% (97%).' },
  { letter: 'h', claim: 'unbounded output, numerical instability', verdict: 'partly', experiment: 'activation-scale', params: { depth: 6, nets: 4 }, fallback: 'From layer 1 to layer 6 the mean of a² changes by 1/1.4 with He, 1/44 with Xavier, ×24,040 with N(0, 1).' },
  { letter: 'i', claim: 'negative inputs carry no signal', verdict: 'partly', experiment: 'negative-inputs', params: { depth: 4, nets: 6 }, fallback: 'relu(x) − relu(−x) gives back x exactly; ReLU’s activations sit above zero (mean ÷ rms 0.49), ELU’s less (0.11).' },
  { letter: 'j', claim: 'not differentiable at 0', verdict: 'true, harmless in practice', experiment: 'relu-at-zero', params: { seeds: 2, steps: 100 }, fallback: 'Continuous float32 data: no exact zeros, no difference between ReLU′(0) = 0, ½, 1; grid inputs: exact zeros, and the runs differ.' },
  { letter: 'k', claim: '“input-level saturation: for large inputs the output plateaus”', verdict: 'false', experiment: 'saturation', params: { points: 21 }, fallback: 'ReLU’s slope is exactly 1 up to x = 1000; sigmoid’s and tanh’s are 0 there.' },
]);
