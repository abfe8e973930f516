// One-click scenarios for the network screen. Pure data, importable from Node: each preset is
// a partial screen state (merged over the defaults in state.js), the number of steps at which
// its effect shows, and a sentence saying what to watch. Every effect is checked with these
// exact seeds by tests/node/presets.test.mjs.
//
// The figures in the sentences are what the fixed seeds give (circle data, 500 points, noise
// 0.1, half for testing, data seed 1); they are measured by the test, not hoped for.

/** Shared data: the circle, as on the first page. */
const CIRCLE = Object.freeze({ name: 'circle', noise: 0.1, testRatio: 0.5, seed: 1, points: [] });

/** 3 hidden layers of 8 units, He init, network seed 4: the run the dying presets share. */
const THREE_BY_EIGHT = Object.freeze({
  hidden: [8, 8, 8],
  activation: 'relu',
  slope: 0.01,
  reluAtZero: 0,
  init: 'he-normal',
  biasInit: 0,
  seed: 4,
});

const HARSH_ADAM = Object.freeze({
  optimizer: 'adam',
  learningRate: 0.3,
  batchSize: 10,
  regularization: 'none',
  regularizationRate: 0,
});

const GENTLE_SGD = Object.freeze({
  optimizer: 'sgd',
  learningRate: 0.03,
  batchSize: 10,
  regularization: 'none',
  regularizationRate: 0,
});

/**
 * The presets, in the order the screen shows them.
 * Fields: id (used in the URL), title (button text), sentence (what it shows and what to
 * watch), steps (the screen pauses there the first time, where the effect is visible),
 * state (partial screen state: data, network, train, stepsPerFrame).
 */
export const PRESETS = Object.freeze([
  Object.freeze({
    id: 'healthy',
    title: 'Healthy ReLU',
    sentence:
      'Three layers of 8 ReLU units with He initialisation and plain SGD at a learning rate ' +
      'of 0.03: test accuracy passes 95% and almost every unit stays alive.',
    steps: 2000,
    state: { data: CIRCLE, network: THREE_BY_EIGHT, train: GENTLE_SGD, stepsPerFrame: 10 },
  }),
  Object.freeze({
    id: 'kill',
    title: 'Kill units: learning rate too high',
    sentence:
      'The same network with Adam at a learning rate of 0.3: the large early updates push ' +
      'most units below zero on every training point, where ReLU passes no gradient. They ' +
      'never come back, and accuracy collapses.',
    steps: 2000,
    state: { data: CIRCLE, network: THREE_BY_EIGHT, train: HARSH_ADAM, stepsPerFrame: 10 },
  }),
  Object.freeze({
    id: 'negative-bias',
    title: 'Born dead: bias −5',
    sentence:
      'Every bias starts at −5, so most units start below zero on every training point: dead ' +
      'before the first step. Training cannot wake them, because a dead unit gets no gradient.',
    steps: 1000,
    state: {
      data: CIRCLE,
      network: { ...THREE_BY_EIGHT, biasInit: -5 },
      train: GENTLE_SGD,
      stepsPerFrame: 10,
    },
  }),
  Object.freeze({
    id: 'revive',
    title: 'Revive with PReLU',
    sentence:
      'The “kill” run again, with PReLU: below zero each unit keeps a learned slope, so ' +
      'gradient still flows. Hardly any unit ends inactive and the network learns the circle.',
    steps: 2000,
    state: {
      data: CIRCLE,
      network: { ...THREE_BY_EIGHT, activation: 'prelu' },
      train: HARSH_ADAM,
      stepsPerFrame: 10,
    },
  }),
  Object.freeze({
    id: 'leaky',
    title: 'Survive with leaky ReLU',
    sentence:
      'The “kill” run with leaky ReLU (slope 0.01 below zero): many units still end up below ' +
      'zero on every point, but they are only inactive, not dead. The small slope keeps the ' +
      'gradient alive and the network still learns.',
    steps: 2000,
    state: {
      data: CIRCLE,
      network: { ...THREE_BY_EIGHT, activation: 'leaky-relu' },
      train: HARSH_ADAM,
      stepsPerFrame: 10,
    },
  }),
  Object.freeze({
    id: 'vanishing',
    title: 'Vanishing gradient: deep sigmoid',
    sentence:
      'Six layers of 8 sigmoid units with Xavier initialisation: each layer multiplies the ' +
      'gradient by at most 1/4, so dL/dz at layer 1 is more than a thousand times smaller than at ' +
      'layer 6. The early layers barely learn and accuracy stays near chance.',
    steps: 2000,
    state: {
      data: CIRCLE,
      network: {
        hidden: [8, 8, 8, 8, 8, 8],
        activation: 'sigmoid',
        slope: 0.01,
        reluAtZero: 0,
        init: 'xavier-normal',
        biasInit: 0,
        seed: 3,
      },
      train: GENTLE_SGD,
      stepsPerFrame: 10,
    },
  }),
  Object.freeze({
    id: 'relu-he',
    title: 'Same depth: ReLU + He',
    sentence:
      'The same six layers with ReLU and He initialisation: the gradient-flow bars stay ' +
      'roughly level from layer 6 down to layer 1, and the network learns the circle.',
    steps: 2000,
    state: {
      data: CIRCLE,
      network: {
        hidden: [8, 8, 8, 8, 8, 8],
        activation: 'relu',
        slope: 0.01,
        reluAtZero: 0,
        init: 'he-normal',
        biasInit: 0,
        seed: 3,
      },
      train: GENTLE_SGD,
      stepsPerFrame: 10,
    },
  }),
]);

/** The preset with this id, or undefined. */
export function findPreset(id) {
  return PRESETS.find((preset) => preset.id === id);
}
