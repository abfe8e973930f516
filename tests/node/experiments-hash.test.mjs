// The Experiments screen's hash (screens/experiments/state.js): writing a state whose
// parameters hold user text with a lone surrogate (broken UTF-16) never throws "URI malformed".
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { experiments } from '../../www/js/experiments/index.js';
import { decodeHash, encodeHash } from '../../www/js/screens/experiments/state.js';

test('encodeHash writes a lone surrogate in any parameter as U+FFFD instead of throwing', () => {
  for (const experiment of experiments) {
    for (const param of experiment.params) {
      const { state } = decodeHash(`#experiment=${experiment.id}`);
      state.params[experiment.id][param.id] = Array.isArray(param.default) ? ['a\ud800'] : 'a\udfff';
      const hash = encodeHash(state);
      assert.ok(hash.startsWith(`experiment=${experiment.id}`), `${experiment.id} ${param.id}: ${hash}`);
      assert.ok(hash.includes('a%EF%BF%BD'), `${experiment.id} ${param.id}: the value written as U+FFFD (${hash})`);
      // The written hash reads back without throwing.
      assert.equal(decodeHash(`#${hash}`).state.experiment, experiment.id);
    }
  }
});
