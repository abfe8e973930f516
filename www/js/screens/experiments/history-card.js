// Claim a as history: a short, sourced timeline of the rectifier (SCIENCE.md claim a), and the
// card that holds the claims table. No experiment; static markup.

/** The timeline: year, who, what, and the source. */
export const HISTORY = Object.freeze([
  { year: 2000, who: 'Hahnloser, Sarpeshkar, Mahowald, Douglas & Seung', what: 'threshold-linear units in a silicon circuit', source: 'Nature 405:947 (2000)' },
  { year: 2009, who: 'Jarrett, Kavukcuoglu, Ranzato & LeCun', what: 'rectification found a key ingredient of object recognition networks', source: '“What is the best multi-stage architecture for object recognition?”, ICCV 2009' },
  { year: 2010, who: 'Nair & Hinton', what: 'named them “rectified linear units”, in restricted Boltzmann machines', source: '“Rectified Linear Units Improve Restricted Boltzmann Machines”, ICML 2010' },
  { year: 2011, who: 'Glorot, Bordes & Bengio', what: 'deep networks of rectifiers, and the sparsity they give', source: '“Deep Sparse Rectifier Neural Networks”, AISTATS 2011' },
  { year: 2012, who: 'Krizhevsky, Sutskever & Hinton', what: 'ReLU in a deep CNN: a 4-layer CNN reached 25% CIFAR-10 training error about 6× faster than with tanh', source: '“ImageNet Classification with Deep Convolutional Neural Networks”, NeurIPS 2012, Fig. 1' },
]);

/** The history card (claim a). @param {string} prefix */
export function historyCardHtml(prefix) {
  return `<article class="exp-card exp-card--history" data-experiment="history" aria-labelledby="${prefix}-history-title">
    <header class="exp-card__head">
      <p class="exp-card__claim">Claim a of the article, as history</p>
      <h2 id="${prefix}-history-title">History: where the rectifier comes from</h2>
      <p class="exp-card__question">The article says ReLU(x) = max(0, x) was “introduced by Hahnloser et al. in 2010”. The formula is right; the history is not.</p>
      <p class="exp-verdict"><strong class="exp-verdict__word" data-verdict="formula right, history wrong">Verdict: formula right, history wrong.</strong> Hahnloser et al. published in 2000, on a silicon circuit, not in deep learning; in deep learning the rectifier came with the papers below.</p>
    </header>
    <ol class="exp-timeline">${HISTORY.map((entry) => `<li><span class="exp-timeline__year">${entry.year}</span> <span><strong>${entry.who}</strong>: ${entry.what}. <cite>${entry.source}</cite>.</span></li>`).join('')}</ol>
    <section class="exp-sources" aria-labelledby="${prefix}-history-sources"><h3 id="${prefix}-history-sources">Sources</h3><ul><li>SCIENCE.md claim a, and the papers named above.</li></ul></section>
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
