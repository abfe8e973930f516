// The data the experiments run on, and the input domain. The literature's results assume inputs
// of unit scale, so experiments use [−1, 1]² by default: the screens' data sets (domain
// [−6, 6]², SCIENCE.md "Input scale") divided by 6. `domain: 6` keeps the screens' scale.
// The core has no domain option, so the scaling is done here, in JS, from what it offers.

/** Half-width of the screens' plane (the core's `names().domains.plane`). */
export const PLANE_HALF_WIDTH = 6;

/** The domain parameter shared by every experiment. */
export const DOMAIN_PARAM = Object.freeze({
  id: 'domain',
  label: 'Input domain',
  kind: 'choice',
  default: 1,
  options: Object.freeze([
    Object.freeze({ value: 1, label: '[−1, 1]² (unit scale, as in the literature)' }),
    Object.freeze({ value: 6, label: '[−6, 6]² (the other screens’ plane)' }),
  ]),
});

/** "[−1, 1]²" for a domain half-width. */
export const domainText = (domain) => `[−${domain}, ${domain}]²`;

/**
 * A data set for an experiment: the core's generator `name` (`n` points, `noise`, with its own
 * `seed`), scaled from [−6, 6]² to [−domain, domain]², split with `testRatio`. The caller
 * frees it.
 * @param {any} core the wasm module (`Dataset`)
 * @param {{ name?: string, n: number, noise?: number, testRatio?: number, seed: number, domain: number }} options
 */
export function experimentData(core, { name = 'circle', n, noise = 0.1, testRatio = 0, seed, domain }) {
  const generated = core.Dataset.generate({ name, n, noise, testRatio: 0, seed });
  try {
    const factor = domain / PLANE_HALF_WIDTH;
    const points = Float32Array.from(generated.points('train'), (value) => value * factor);
    const labels = Float32Array.from(generated.labels('train'));
    return core.Dataset.fromPoints(2, points, labels, testRatio, seed);
  } finally {
    generated.free();
  }
}

/**
 * Make `network` compute on [−domain, domain]² what the core evaluates on its fixed grid
 * over [−6, 6]²: the first layer's weights are scaled by domain/6, so that at a grid point u
 * the first pre-activations are W·(u·domain/6) + b, the network's values at the point
 * u·domain/6. Used only to read `outputConstantOnDomain` on the experiment's domain.
 * @param {any} network
 * @param {number} domain
 */
export function evaluateOnDomain(network, domain) {
  if (domain === PLANE_HALF_WIDTH) return;
  const [first] = network.layout();
  const params = Float32Array.from(network.params());
  const factor = domain / PLANE_HALF_WIDTH;
  for (let i = first.weights; i < first.biases; i += 1) params[i] *= factor;
  network.setParams(params);
}

/** The mean of x² over every coordinate of a data set's training points. */
export function inputMeanSquare(data) {
  const points = data.points('train');
  let sum = 0;
  for (const value of points) sum += value * value;
  return points.length > 0 ? sum / points.length : NaN;
}
