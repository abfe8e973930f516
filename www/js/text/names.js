// The one table of display names: activations, initialisations, optimisers and data sets, as
// every screen, legend, chart and spoken summary writes them. A name is spelled one way
// everywhere; `capitalized()` gives its sentence-start form. Pure data; importable from Node.

/**
 * Activation (the core's name) → { name, short, formula }. `formula` is written in z, the
 * pre-activation, with Unicode maths (SCIENCE.md "Formulas").
 * @type {Readonly<Record<string, { name: string, short: string, formula: string }>>}
 */
export const ACTIVATIONS = Object.freeze({
  relu: { name: 'ReLU', short: 'ReLU', formula: 'max(0, z)' },
  'leaky-relu': { name: 'leaky ReLU', short: 'leaky', formula: 'z if z > 0, else α·z' },
  prelu: { name: 'PReLU', short: 'PReLU', formula: 'z if z > 0, else a·z (a learned)' },
  elu: { name: 'ELU', short: 'ELU', formula: 'z if z > 0, else α(eᶻ − 1)' },
  relu6: { name: 'ReLU6', short: 'ReLU6', formula: 'min(max(0, z), 6)' },
  gelu: { name: 'GELU', short: 'GELU', formula: 'z·Φ(z)' },
  'gelu-tanh': { name: 'GELU (tanh form)', short: 'GELU-t', formula: 'z/2·(1 + tanh(√(2/π)(z + 0.044715z³)))' },
  silu: { name: 'SiLU (swish)', short: 'SiLU', formula: 'z·σ(z)' },
  softplus: { name: 'softplus', short: 'softplus', formula: 'ln(1 + eᶻ)' },
  sigmoid: { name: 'sigmoid', short: 'sigmoid', formula: '1 / (1 + e⁻ᶻ)' },
  tanh: { name: 'tanh', short: 'tanh', formula: 'tanh(z)' },
  linear: { name: 'linear (identity)', short: 'linear', formula: 'z' },
});

/** Initialisation (the core's name) → display name. @type {Readonly<Record<string, string>>} */
export const INITS = Object.freeze({
  'he-normal': 'He (Kaiming) normal',
  'he-uniform': 'He (Kaiming) uniform',
  'xavier-normal': 'Xavier (Glorot) normal',
  'xavier-uniform': 'Xavier (Glorot) uniform',
  normal: 'standard normal N(0, 1)',
  uniform: 'uniform ±0.5 (as TF Playground)',
  zeros: 'all zeros',
});

/** Optimiser (the core's name) → display name. @type {Readonly<Record<string, string>>} */
export const OPTIMIZERS = Object.freeze({
  sgd: 'plain SGD',
  momentum: 'SGD with momentum 0.9',
  adam: 'Adam',
});

/** Data set (the core's name) → display name. @type {Readonly<Record<string, string>>} */
export const DATASETS = Object.freeze({
  circle: 'circle',
  xor: 'XOR (four quadrants)',
  gaussians: 'two gaussian blobs',
  spiral: 'two spirals',
  custom: 'only your own points',
});

/** "relu" → "ReLU"; an unknown name (a newer core's) comes back as it is. */
export function activationName(activation) {
  return ACTIVATIONS[activation]?.name ?? String(activation);
}

/** "relu" → "ReLU" for a narrow label (the flat-region strip, a chart key). */
export function activationShortName(activation) {
  return ACTIVATIONS[activation]?.short ?? String(activation).slice(0, 8);
}

/** "relu" → "max(0, z)"; "" for an unknown name. */
export function activationFormula(activation) {
  return ACTIVATIONS[activation]?.formula ?? '';
}

/** "he-normal" → "He (Kaiming) normal". */
export function initName(init) {
  return INITS[init] ?? String(init);
}

/** "sgd" → "plain SGD". */
export function optimizerName(optimizer) {
  return OPTIMIZERS[optimizer] ?? String(optimizer);
}

/** "xor" → "XOR (four quadrants)". */
export function datasetName(dataset) {
  return DATASETS[dataset] ?? String(dataset);
}

/** The sentence-start form of a display name: "leaky ReLU" → "Leaky ReLU", "tanh" → "Tanh". */
export function capitalized(text) {
  return text.length > 0 ? text[0].toUpperCase() + text.slice(1) : text;
}
