// Claim a as history: a short, sourced timeline of the rectifier (SCIENCE.md claim a), and the
// card that holds the claims table. No experiment; static markup.
import { paperOf } from '../../experiments/papers.js';
import { sourcesListHtml } from './card.js';

/** The timeline: the paper (papers.js) and what it did. */
export const HISTORY = Object.freeze([
  { paper: 'hahnloser2000', what: 'threshold-linear units in a silicon circuit' },
  { paper: 'jarrett2009', what: 'rectification found a key ingredient of object recognition networks' },
  { paper: 'nair2010', what: 'named them “rectified linear units”, in restricted Boltzmann machines' },
  { paper: 'glorot2011', what: 'deep networks of rectifiers, and the sparsity they give' },
  { paper: 'krizhevsky2012', what: 'ReLU in a deep CNN: a 4-layer CNN reached 25% CIFAR-10 training error about 6× faster than with tanh (Fig. 1)' },
]);

/** The history card (claim a). @param {string} prefix */
export function historyCardHtml(prefix) {
  const entry = ({ paper, what }) =>
    `<li><span class="exp-timeline__year">${paperOf(paper).year}</span> <span><strong>${paperOf(paper).authors}</strong>: ${what}.</span></li>`;
  return `<article class="exp-card exp-card--history" data-experiment="history" aria-labelledby="${prefix}-history-title">
    <header class="exp-card__head">
      <p class="exp-card__claim">Claim a of the article, as history</p>
      <h2 id="${prefix}-history-title">History: where the rectifier comes from</h2>
      <p class="exp-card__question">The article says ReLU(x) = max(0, x) was “introduced by Hahnloser et al. in 2010”. The formula is right; the history is not.</p>
      <p class="exp-verdict"><strong class="exp-verdict__word" data-verdict="formula right, history wrong">Verdict: formula right, history wrong.</strong> Hahnloser et al. published in 2000, on a silicon circuit, not in deep learning; in deep learning the rectifier came with the papers below.</p>
    </header>
    <ol class="exp-timeline">${HISTORY.map(entry).join('')}</ol>
    <section class="exp-sources" aria-labelledby="${prefix}-history-sources"><h3 id="${prefix}-history-sources">Sources</h3>${sourcesListHtml(
      HISTORY.map(({ paper }) => ({ paper, finding: '' })),
    )}</section>
  </article>`;
}

/** The card that holds the claims table (claims-table.js fills `[data-field="claims"]`). @param {string} prefix */
export function claimsCardHtml(prefix) {
  return `<article class="exp-card exp-card--claims" data-experiment="claims" aria-labelledby="${prefix}-claims-title">
    <header class="exp-card__head">
      <p class="exp-card__claim">All eleven claims of the article</p>
      <h2 id="${prefix}-claims-title">The claims table, from the measurements</h2>
      <p class="exp-card__question">Each claim with its verdict from the sources and the figures of a small run of its experiment, done in your browser after the page has drawn. Open an experiment for the full run, over many seeds.</p>
    </header>
    <div data-field="claims"></div>
  </article>`;
}
