// One experiment's card: what it asks, its setup in one line, the controls, the run button,
// progress and cancel, the plot with its legend and text alternative, the verdict with its
// figures, the table toggle and the sources. `createCard` builds it; the returned object's
// methods write into it (only what changed).
import { controlsHtml } from './controls.js';
import { SERIES_DASHES, SERIES_MARKERS } from '../../draw/experiment-lines.js';
import { paperOf } from '../../experiments/papers.js';

const escapeHtml = (text) => String(text).replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);

/**
 * One paper as markup: authors (year), the title in <cite>, where it appeared, and its link
 * where the science notes give one.
 * @param {string} key
 */
export function citationHtml(key) {
  const paper = paperOf(key);
  const link = paper.link ? ` <a href="${escapeHtml(paper.link)}">${escapeHtml(paper.linkText ?? paper.link)}</a>.` : '';
  return `<span class="exp-source__authors">${escapeHtml(paper.authors)}</span> (${paper.year}). <cite>${escapeHtml(paper.title)}</cite>. ${escapeHtml(paper.venue)}.${link}`;
}

/** A card's list of sources: each paper with what it found, or a plain note. */
export function sourcesListHtml(sources) {
  const item = (source) =>
    'note' in source
      ? `<li class="exp-source exp-source--note">${escapeHtml(source.note)}</li>`
      : `<li class="exp-source">${citationHtml(source.paper)}${source.finding ? ` <span class="exp-source__finding">${escapeHtml(source.finding)}</span>` : ''}</li>`;
  return `<ul class="exp-sources__list">${sources.map(item).join('')}</ul>`;
}

const CLAIM_TEXT = (claim) => (claim ? `Tests claim ${claim} of the article` : 'From the literature');

/** Inline SVG for a legend entry: the series' dash and marker, coloured by its slot's token. */
export function keySvg(slot, reference = false) {
  const dash = reference ? '2 4' : SERIES_DASHES[slot % SERIES_DASHES.length].join(' ');
  const marker = reference ? '' : markerSvg(SERIES_MARKERS[slot % SERIES_MARKERS.length]);
  return `<svg class="exp-key exp-key--${(slot % 6) + 1}" viewBox="0 0 36 14" width="36" height="14" aria-hidden="true" focusable="false"><line x1="1" y1="7" x2="35" y2="7" stroke-width="${reference ? 1.5 : 2.25}"${dash ? ` stroke-dasharray="${dash}"` : ''}/>${marker}</svg>`;
}

function markerSvg(shape) {
  switch (shape) {
    case 'square': return '<rect x="14" y="3" width="8" height="8"/>';
    case 'triangle': return '<polygon points="18,2 23,11 13,11"/>';
    case 'triangle-down': return '<polygon points="18,12 23,3 13,3"/>';
    case 'diamond': return '<polygon points="18,1.5 23,7 18,12.5 13,7"/>';
    case 'cross': return '<path class="exp-key__open" d="M14 3 L22 11 M22 3 L14 11"/>';
    case 'plus': return '<path class="exp-key__open" d="M13 7 H23 M18 2 V12"/>';
    default: return '<circle cx="18" cy="7" r="4.5"/>';
  }
}

/**
 * Build the card of `experiment`; ids start with `prefix`.
 * @param {any} experiment
 * @param {string} prefix
 */
export function createCard(experiment, prefix) {
  const element = document.createElement('article');
  element.className = 'exp-card';
  element.dataset.experiment = experiment.id;
  element.setAttribute('aria-labelledby', `${prefix}-title`);
  element.innerHTML = `
    <header class="exp-card__head">
      <p class="exp-card__claim">${CLAIM_TEXT(experiment.claim)}</p>
      <h2 id="${prefix}-title">${experiment.title}</h2>
      <p class="exp-card__question">${experiment.question}</p>
      <p class="exp-card__setup"><strong>Setup:</strong> <span data-field="setup"></span></p>
    </header>
    <form class="exp-params" data-control="parameters" novalidate>
      <details class="exp-params__details">
        <summary>Parameters</summary>
        <div class="exp-params__fields">${controlsHtml(experiment.params, prefix)}</div>
      </details>
      <div class="exp-actions">
        <button type="submit" class="button button--primary" data-action="run">Run</button>
        <button type="button" class="button" data-action="quick">Quick setting</button>
        <button type="button" class="button" data-action="defaults">Defaults</button>
        <button type="button" class="button" data-action="cancel" hidden>Cancel</button>
      </div>
      <p class="exp-problems" data-field="problems" hidden></p>
    </form>
    <div class="exp-progress" data-field="progress" hidden>
      <label for="${prefix}-progress">Progress</label>
      <progress id="${prefix}-progress" max="1" value="0"></progress>
      <span data-field="progress-text"></span>
    </div>
    <section class="exp-result" aria-labelledby="${prefix}-result-title">
      <h3 id="${prefix}-result-title" class="visually-hidden">Result</h3>
      <p class="exp-verdict" data-field="verdict-block" hidden><strong class="exp-verdict__word" data-field="verdict"></strong> <span id="${prefix}-sentence" data-field="sentence"></span></p>
      <p class="exp-empty" data-field="empty">Not run yet: press Run (the quick setting takes a few seconds).</p>
      <figure class="exp-figure" data-field="figure" hidden>
        <div class="exp-panels" data-field="panels"></div>
        <figcaption>
          <ul class="legend exp-legend" data-field="legend"></ul>
          <p class="exp-note" data-field="note" hidden></p>
          <p class="exp-alt" id="${prefix}-alt" data-field="alt"></p>
        </figcaption>
      </figure>
      ${experiment.id === 'born-dead' ? bornDeadAside() : ''}
      <button type="button" class="button exp-table-toggle" data-action="table" aria-expanded="false" aria-controls="${prefix}-table" hidden>Show the numbers as a table</button>
      <div class="exp-table" id="${prefix}-table" data-field="table" hidden></div>
    </section>
    <section class="exp-sources" aria-labelledby="${prefix}-sources">
      <h3 id="${prefix}-sources">Sources</h3>
      ${sourcesListHtml(experiment.sources)}
    </section>`;
  const field = (name) => /** @type {HTMLElement} */ (element.querySelector(`[data-field="${name}"]`));
  const action = (name) => /** @type {HTMLButtonElement} */ (element.querySelector(`[data-action="${name}"]`));
  return {
    element,
    form: /** @type {HTMLFormElement} */ (element.querySelector('form')),
    field,
    action,
    progress: /** @type {HTMLProgressElement} */ (element.querySelector('progress')),
    ids: { sentence: `${prefix}-sentence`, alt: `${prefix}-alt`, table: `${prefix}-table` },
  };
}

function bornDeadAside() {
  return `<aside class="exp-aside">
    <h4>The formula for one input</h4>
    <p>With one input on a one-sided domain (x in [0, 1]) and zero biases, each hidden layer of N units zeroes the signal with probability 2<sup>−N</sup>, independently of the layers before it, so</p>
    <p class="formula">P(born dead after H layers) = 1 − (1 − 2<sup>−N</sup>)<sup>H</sup></p>
    <p>Two inputs on a symmetric domain give lower shares: the formula is then an upper bound (its values are in the table). Keeping P below δ needs roughly N ≥ log<sub>2</sub>(H/δ). Click a cell of at most 8 layers to open one of its born-dead networks on the Network screen.</p>
  </aside>`;
}
