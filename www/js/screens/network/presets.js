// One-click scenarios for the network screen. Pure data, importable from Node: each preset is
// a partial screen state (merged over the defaults in state.js), the number of steps at which
// its effect shows, and a sentence saying what to watch. Every effect is checked with these
// exact seeds by tests/node/presets.test.mjs (and the revival over several seeds by
// tests/node/revival-preset.test.mjs).
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
 * watch), link (optional: { href, text }, a page that tells more, shown after the sentence),
 * steps (the screen pauses there the first time, where the effect is visible),
 * state (partial screen state: data, network, train, stepsPerFrame, and schedule: the
 * activation switches in place, as in state.js).
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
      'most units below zero on every training point, where ReLU passes no gradient, and ' +
      'accuracy collapses to chance. A dead first-layer unit stays dead once the optimiser’s ' +
      'momentum has faded, since its inputs are the data, which never change; a deeper unit ' +
      'can come back when the layers below it change, so the log also shows a few coming ' +
      'back, mostly in the first steps.',
    steps: 2000,
    state: { data: CIRCLE, network: THREE_BY_EIGHT, train: HARSH_ADAM, stepsPerFrame: 10 },
  }),
  Object.freeze({
    id: 'negative-bias',
    title: 'Dead from the start: bias −5',
    sentence:
      'Every bias starts at −5, so 20 of the 24 units have z ≤ 0 on every training point ' +
      'before the first step: dead from the start. Layers 2 and 3 are entirely dead, so the ' +
      'output is the same everywhere: the network is born dead (its output is constant over ' +
      'the input plane at initialisation), here because of the bias. Lu et al. (2020) show ' +
      'the other cause: narrow, deep networks are often born dead even with zero bias. Dead ' +
      'units get no gradient and nothing below them changes, so training cannot wake them.',
    link: Object.freeze({ href: 'experiments.html#experiment=born-dead', text: 'The born-dead experiment: how often narrow, deep networks with zero bias are born dead' }),
    steps: 1000,
    state: {
      data: CIRCLE,
      network: { ...THREE_BY_EIGHT, biasInit: -5 },
      train: GENTLE_SGD,
      stepsPerFrame: 10,
    },
  }),
  Object.freeze({
    id: 'prelu',
    title: 'PReLU at the same high rate',
    sentence:
      'The “kill” run with PReLU: below zero each unit keeps a learned slope, so it still ' +
      'gets gradient and no unit can die (there is nothing to revive). The learning rate is ' +
      'still too high: the activations grow large and the loss swings. At step 2,000 most ' +
      'test points are right, yet the training loss is about 13, because a few points are ' +
      'wrong with great confidence. Over network seeds 1 to 8, six runs end with a loss ' +
      'below 0.4 and two with 13 and 223: one seed proves little.',
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
      'zero on every training point, but they are only inactive, not dead: the small slope ' +
      'still passes gradient, and the network learns the circle.',
    steps: 2000,
    state: {
      data: CIRCLE,
      network: { ...THREE_BY_EIGHT, activation: 'leaky-relu' },
      train: HARSH_ADAM,
      stepsPerFrame: 10,
    },
  }),
  Object.freeze({
    id: 'kill-revive',
    title: 'Kill, then revive',
    sentence:
      'The “kill” run (ReLU, Adam at a learning rate of 0.3) until step 1,000: by then 22 of ' +
      'the 24 units are dead and accuracy is close to chance. Then every hidden layer switches ' +
      'to leaky ReLU (slope 0.2 below zero) in place, keeping the weights. Under ReLU a dead ' +
      'unit gets no gradient, so a dead first-layer unit cannot come back by itself: its ' +
      'inputs are the data, which never change. Under leaky ReLU the same units are only ' +
      'inactive: the slope below zero passes gradient, so their weights move again. The ' +
      'learning rate is still too high: right after the switch the loss jumps (the warning ' +
      'says so), then falls again. By step 1,300, 16 of the 22 are active again (the log ' +
      'lists them; a dashed line marks the switch on the charts); at step 3,000, 18 are, and ' +
      'test accuracy is above 95%. Leaky ReLU outputs are never exactly 0, so the sparsity ' +
      'falls to 0. Over network seeds 1 to 12, 79% to 100% of the dead units come back; kept ' +
      'on ReLU, none does.',
    steps: 3000,
    state: {
      data: CIRCLE,
      network: { ...THREE_BY_EIGHT, slope: 0.2 },
      train: HARSH_ADAM,
      schedule: [{ step: 1000, activation: 'leaky-relu' }],
      stepsPerFrame: 10,
    },
  }),
  Object.freeze({
    id: 'vanishing',
    title: 'Vanishing gradient: deep sigmoid',
    sentence:
      'Six layers of 8 sigmoid units with Xavier initialisation. The sigmoid’s slope is at ' +
      'most ¼, and with these weights each layer passes back only about a fifth of the ' +
      'gradient it receives (measured at step 0), so dL/dz at layer 1 is more than a ' +
      'thousand times smaller than at layer 6. The early layers barely learn and accuracy ' +
      'stays near chance.',
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

/**
 * Old preset ids that links may still carry → the preset that replaced them. "revive" was a
 * PReLU run whose units never die (nothing was revived); it is "prelu" now, so that old links
 * still open the run they showed. The real revival is "kill-revive".
 */
const RENAMED = Object.freeze({ revive: 'prelu' });

/** The preset with this id (or the one that replaced it), or undefined. */
export function findPreset(id) {
  const current = Object.hasOwn(RENAMED, id) ? RENAMED[id] : id;
  return PRESETS.find((preset) => preset.id === current);
}
