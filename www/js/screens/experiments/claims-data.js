// The article's eleven claims (SCIENCE.md "The article's claims, checked"): the claim, its
// verdict word and what is true (SCIENCE.md, in a sentence or two), the experiment that
// measures it, the small run the claims table does in the learner's browser, how many sentences
// of that run's verdict the table shows (or a shorter summary of its results), the text shown
// until that run is done (figures measured on the development machine with the same
// parameters), and the screens where the learner can check it live (links relative to the
// site's folder).
import { zeroGroups } from '../../experiments/relu-at-zero.js';

/** When and where the fallback figures were measured. */
export const MEASURED_ON = 'measured on the development machine (headless Chromium, 2 cores)';

/**
 * @typedef {{ letter: string, claim: string, verdict: string, truth: string, experiment: string | null,
 *   also?: readonly string[], card?: string, params?: Record<string, any>, sentences?: number,
 *   fallback: string, live?: readonly (readonly [string, string])[], summary?: (results: any) => string }} ClaimRow
 */

/**
 * Claim j's run, shortened for a table cell: per precision and inputs, in how many seeds a
 * pre-activation was exactly 0 and in how many the ReLU′(0) choice changed the trained network.
 * The same counts as the experiment's verdict (relu-at-zero.js zeroGroups), in fewer words.
 */
function reluAtZeroSummary(results) {
  const parts = zeroGroups(results).map(({ precision, inputs, seeds, withZeros, changed }) => {
    const what = withZeros === 0 && changed === 0 ? 'no exact zero, no change' : `zeros in ${withZeros} of ${seeds} seeds, changed ${changed} of ${seeds}`;
    return `${precision} ${inputs} inputs: ${what}`;
  });
  return parts.length ? `Exact zeros z = 0 and runs changed by ReLU′(0): ${parts.join('; ')}.` : '';
}

/** @type {readonly ClaimRow[]} */
export const CLAIMS = Object.freeze([
  { letter: 'a', claim: 'ReLU(x) = max(0, x), “introduced by Hahnloser et al. in 2010”', verdict: 'formula right, history wrong', truth: 'The formula is right. Hahnloser et al. wrote in 2000, about a silicon circuit; deep learning took the rectifier up in 2009–2011 (Jarrett et al., Nair & Hinton, who named it, and Glorot et al.).', experiment: null, card: 'history', fallback: 'Hahnloser et al. 2000 (Nature), in a silicon circuit; in deep learning Jarrett et al. 2009, Nair & Hinton 2010, Glorot et al. 2011.' },
  { letter: 'b', claim: 'nonlinear, applied element by element', verdict: 'true', truth: 'A ReLU network computes a piecewise-linear function. With one hidden layer on one input that function is a sum of hinges; deeper layers compose the hinges, which can give many more linear pieces from the same units.', experiment: 'linear-pieces', params: { widths: [2, 8], depths: [1, 4], nets: 10, resolution: 64 }, fallback: 'Median linear pieces on [−1, 1] from 1 to 4 hidden layers: 3 → 5.5 with 2 units per layer, 8.5 → 20.5 with 8. One hidden layer of 5 units is a sum of 5 hinges: 6 pieces. Composed, 2 units per layer can do far more: the sawtooth with 4 layers (8 units) has 16 pieces.', sentences: 3, live: [['neuron.html', 'A sum of hinges, one neuron at a time'], ['network.html#preset=healthy', 'A polygon boundary on the Network screen']] },
  { letter: 'c', claim: 'avoids the vanishing gradient of sigmoid and tanh', verdict: 'partly', truth: 'Its slope is exactly 1 where a unit is active (sigmoid’s is at most ¼), but the gradient keeps its size across depth only with He init (He et al. 2015); with Xavier init it still shrinks. Dead units pass none.', experiment: 'gradient-depth', params: { depths: [1, 10], nets: 4 }, fallback: 'At depth 10 the first hidden layer gets 1/639,563 of the last layer’s gradient with sigmoid + Xavier, 1/36 with ReLU + Xavier, 1/1.6 with ReLU + He.', live: [['network.html#preset=vanishing', 'Deep sigmoid on the Network screen'], ['network.html#preset=relu-he', 'ReLU with He init, same depth']] },
  { letter: 'd', claim: 'induces sparsity; efficiency; less overfitting', verdict: 'partly', truth: 'About half of the activations ((example, unit) pairs), not half of the units, are exactly 0 at a symmetric init with zero bias. Sparsity rises with an L1 penalty on the activations (Glorot et al. 2011); a penalty on the weights is a different thing and does little for sparsity. Too much costs capacity; speed needs sparse kernels; less overfitting is not established.', experiment: 'sparsity', params: { datasets: ['circle'], penalties: [0, 0.1], seeds: 2, steps: 150 }, fallback: 'At initialisation 53% of the activations ((example, unit) pairs) are exactly zero; after 150 steps without a penalty, 50% (test accuracy 97%).', sentences: 2, live: [['network.html#preset=healthy', 'The sparsity per layer on the Network screen']] },
  { letter: 'e', claim: 'cheap to compute', verdict: 'true', truth: 'A compare and a select: no exponential, no division.', experiment: 'cost', params: { evaluations: 100000, repeats: 3, points: 512, passes: 2 }, fallback: 'ReLU 3 ns per evaluation; tanh 18 ns, sigmoid 10 ns, GELU 46 ns.', live: [['function.html', 'Time each function on the Functions screen']] },
  { letter: 'f', claim: 'faster convergence than sigmoid/tanh', verdict: 'partly, empirical', truth: 'Krizhevsky et al. 2012 (Fig. 1): a 4-layer CNN with ReLU reached 25% CIFAR-10 training error about 6× faster than with tanh. On tiny 2-D problems the gap is smaller and depends on the architecture and learning rate.', experiment: 'convergence', params: { optimizers: ['sgd'], datasets: ['circle'], sgdRates: [0.3], seeds: 3, maxSteps: 600 }, fallback: 'Circle, plain SGD: ReLU 75 steps to 97%, tanh 100, sigmoid did not reach it.' },
  { letter: 'g', claim: 'dying neurons', verdict: 'true', truth: 'A unit with z ≤ 0 on every training example outputs 0 and gets no gradient: it cannot recover by itself (a deeper one can, if the layers below change). Causes: a large learning rate, a negative bias, a bad init. Fixes: leaky ReLU, PReLU, ELU, a lower rate, He init. A deep, narrow network can even be born dead: its output is constant over the input domain at initialisation (Lu et al. 2020).', experiment: 'dying', also: ['revival', 'born-dead'], params: { sgdRates: [0.03], adamRates: [0.003, 0.3], biasInits: [0], seeds: 2, steps: 150 }, fallback: 'Adam at 0.3 leaves 77% of the units dead (accuracy 53%), at 0.003 13% (97%).', live: [['network.html#preset=kill', 'Kill units on the Network screen'], ['network.html#preset=negative-bias', 'Dead from the start: bias −5'], ['neuron.html?w1=0.5&w2=0.5&b=-8', 'One dead neuron']] },
  { letter: 'h', claim: 'unbounded output, numerical instability', verdict: 'partly', truth: 'Activations grow layer by layer when the gain n·Var(w)/2 is above 1 and shrink when it is below 1; He init sets it to 1.', experiment: 'activation-scale', params: { depth: 6, nets: 4 }, fallback: 'From layer 1 to layer 6 the mean of a² changes by 1/1.4 with He, 1/44 with Xavier, ×24,040 with N(0, 1).' },
  { letter: 'i', claim: 'negative inputs carry no signal', verdict: 'partly', truth: 'One unit drops the negative side, but a layer need not lose it: relu(x) − relu(−x) = x. What is left is a positive mean shift, which ELU targets.', experiment: 'negative-inputs', params: { depth: 4, nets: 6 }, fallback: 'relu(x) − relu(−x) gives back x exactly; ReLU’s activations sit above zero (mean ÷ rms 0.49), ELU’s less (0.11).', live: [['function.html?functions=relu,elu', 'ReLU and ELU on the Functions screen']] },
  { letter: 'j', claim: 'not differentiable at 0', verdict: 'true, harmless in practice', truth: 'Its one-sided slopes are 0 and 1, and any value between is a valid subgradient; PyTorch, TensorFlow and JAX use 0. It matters only where z is exactly 0: rare on continuous data, but Bertoin et al. 2021 found the choice changes every float16 run and many float32 ones.', experiment: 'relu-at-zero', params: { seeds: 2, steps: 100 }, fallback: 'Continuous float32 data: no exact zeros, no difference between ReLU′(0) = 0, ½, 1; grid inputs: exact zeros, and the runs differ.', summary: reluAtZeroSummary, live: [['function.html?probe=0', 'The probe at x = 0 on the Functions screen']] },
  { letter: 'k', claim: '“input-level saturation: for large inputs the output plateaus”', verdict: 'false', truth: 'ReLU does not saturate for positive inputs: its output grows without bound and its slope stays 1. Only its negative side is flat (output 0, slope 0). Plateaus belong to sigmoid, tanh and ReLU6.', experiment: 'saturation', params: { points: 21 }, fallback: 'ReLU’s slope is exactly 1 up to x = 1000; sigmoid’s and tanh’s are 0 there.', live: [['function.html?functions=relu,sigmoid,tanh&range=1000', 'Zoom out to ±1000 on the Functions screen']] },
]);
