// The experiments' sources (www/js/experiments/papers.js): every source names a paper on file,
// with what it found, or is a plain note; each claim's experiment cites the papers the lab's
// science notes give for it; no card sends a learner to those notes (SCIENCE.md) instead.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { experiments } from '../../www/js/experiments/index.js';
import { PAPERS, citationText, paperOf, sourceText } from '../../www/js/experiments/papers.js';
import { CLAIMS } from '../../www/js/screens/experiments/claims-data.js';
import { HISTORY } from '../../www/js/screens/experiments/history-card.js';

test('every source is a known paper with a finding, or a note; none cites SCIENCE.md', () => {
  for (const experiment of experiments) {
    assert.ok(experiment.sources.length > 0, `${experiment.id} has sources`);
    for (const source of experiment.sources) {
      if ('note' in source) {
        assert.ok(source.note.length > 10, `${experiment.id}: a note says something`);
      } else {
        assert.ok(Object.hasOwn(PAPERS, source.paper), `${experiment.id}: ${source.paper} is on file`);
        assert.ok(source.finding.length > 10, `${experiment.id}: ${source.paper} says what it found`);
      }
      assert.doesNotMatch(sourceText(source), /SCIENCE\.md/, experiment.id);
    }
  }
  assert.throws(() => paperOf('nobody1999'), /no paper "nobody1999"/);
});

test('each paper has authors, a year, a title and where it appeared', () => {
  for (const [key, paper] of Object.entries(PAPERS)) {
    assert.ok(paper.authors && paper.title && paper.venue, key);
    assert.ok(Number.isInteger(paper.year) && paper.year >= 2000 && paper.year <= 2021, `${key}: ${paper.year}`);
    assert.ok(key.endsWith(String(paper.year)), `${key}: the key ends with the year`);
    assert.ok(citationText(key).startsWith(`${paper.authors} (${paper.year}). “${paper.title}”.`), key);
  }
  assert.equal(PAPERS.lu2020.link, 'https://arxiv.org/abs/1903.06733', 'the one link the science notes give');
});

test('each claim’s experiment cites the papers the science notes name for it', () => {
  // SCIENCE.md: c He et al. 2015; d Glorot et al. 2011; f and k Krizhevsky et al. 2012;
  // g fixes Maas 2013, He 2015, Clevert 2015 and born dead Lu et al. 2020; i ELU (Clevert);
  // j Bertoin et al. 2021; a the history.
  const cites = (id) => experiments.find((e) => e.id === id).sources.filter((s) => 'paper' in s).map((s) => s.paper);
  const expected = {
    'gradient-depth': ['he2015'],
    sparsity: ['glorot2011'],
    convergence: ['krizhevsky2012'],
    saturation: ['krizhevsky2012'],
    revival: ['maas2013', 'he2015', 'clevert2015'],
    'born-dead': ['lu2020'],
    'negative-inputs': ['clevert2015'],
    'relu-at-zero': ['bertoin2021'],
  };
  for (const [id, papers] of Object.entries(expected)) {
    for (const paper of papers) assert.ok(cites(id).includes(paper), `${id} cites ${paper}`);
  }
  assert.deepEqual(HISTORY.map((h) => h.paper), ['hahnloser2000', 'jarrett2009', 'nair2010', 'glorot2011', 'krizhevsky2012']);
});

test('the claims table: each “what is true” is short and plain, and keeps SCIENCE.md’s corrections', () => {
  for (const claim of CLAIMS) assert.ok(claim.truth.length <= 420, `${claim.letter}: ${claim.truth.length} characters`);
  const truth = (letter) => CLAIMS.find((c) => c.letter === letter).truth;
  assert.match(truth('a'), /2000/);
  assert.match(truth('c'), /He init/);
  assert.match(truth('d'), /\(\(example, unit\) pairs\), not half of the units/);
  assert.match(truth('f'), /about 6× faster than with tanh/);
  assert.match(truth('h'), /n·Var\(w\)\/2/);
  assert.match(truth('i'), /relu\(x\) − relu\(−x\) = x/);
  assert.match(truth('k'), /slope stays 1/);
});

test('claim j’s short cell gives the same counts as the experiment’s verdict', async () => {
  const { default: lab } = await import('./load.mjs');
  const { runExperiment } = await import('../../www/js/experiments/index.js');
  const row = CLAIMS.find((c) => c.letter === 'j');
  const { results, verdict } = runExperiment(lab, 'relu-at-zero', row.params);
  const short = row.summary(results);
  assert.ok(short.length < verdict.sentence.length / 1.5, `shorter: ${short.length} against ${verdict.sentence.length}`);
  // "float32, grid inputs: exact zeros in 2 of 2 seeds (…), ReLU′(0) changed the trained network in 2 of 2"
  const groups = [...verdict.sentence.matchAll(/(float\d+), (grid|continuous) inputs: exact zeros in (\d+) of (\d+) seeds \([^)]*\), ReLU′\(0\) changed the trained network in (\d+) of \d+/g)];
  assert.ok(groups.length >= 2, 'the verdict lists its groups');
  for (const [, precision, inputs, zeros, seeds, changed] of groups) {
    const expected = zeros === '0' && changed === '0' ? 'no exact zero, no change' : `zeros in ${zeros} of ${seeds} seeds, changed ${changed} of ${seeds}`;
    assert.ok(short.includes(`${precision} ${inputs} inputs: ${expected}`), `${precision} ${inputs}: ${short}`);
  }
});
