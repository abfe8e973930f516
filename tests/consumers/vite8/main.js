// The page script of this consumer (the same in every tests/consumers/* project: a bundler
// resolves `relu-lab` from the project's own node_modules). Defines <relu-lab> and runs the
// README's JS API example with relu-lab/core, writing its line into #core.
/* global document */
import 'relu-lab';
import init, { Dataset, Network } from 'relu-lab/core';

init().then(() => {
  const data = Dataset.generate({ name: 'circle', n: 500, noise: 0.1, testRatio: 0.5, seed: 1 });
  const network = new Network({ inputs: 2, hidden: [6, 6], activation: 'relu', init: 'he-normal', seed: 1 });
  network.train(data, 3000, { optimizer: 'sgd', learningRate: 0.03, batchSize: 10 });
  const stats = network.stats(data, 'test');
  document.querySelector('#core').textContent = `test accuracy ${(100 * stats.accuracy).toFixed(1)}%, ${stats.deadUnits} of 12 units dead`;
  network.free();
  data.free();
});
