// The claims table from the measurements: each of the article's eleven claims with its verdict
// word (SCIENCE.md) and, where an experiment exists, the figures of a small run of it done in
// the learner's browser, in the worker, after the first picture; a cached text "as measured" on
// the development machine is shown while it runs, and a link opens the full experiment.
// `mountClaimsTable(element, options)` works on any page (the start page can use it too).
import { findExperiment } from '../../experiments/index.js';
import { setData, setText } from '../../ui/dom.js';
import { animationFrames } from '../../ui/loop.js';
import { CLAIMS, MEASURED_ON } from './claims-data.js';
import { createRunner } from './runner.js';

const escapeHtml = (text) => String(text).replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);

/** The first sentence of a verdict sentence (its figures), for a table cell. */
export function firstSentence(text) {
  const match = /^(.+?[.!?])(\s+(?=[A-Z])|$)/s.exec(String(text).trim());
  return match ? match[1] : String(text);
}

/** The first `count` sentences of `text` (firstSentence applied `count` times). */
export function leadingSentences(text, count = 1) {
  const parts = [];
  let rest = String(text).trim();
  while (parts.length < count && rest) {
    const first = firstSentence(rest);
    parts.push(first);
    rest = rest.slice(first.length).trim();
  }
  return parts.join(' ');
}

/** The experiment's title up to its colon. */
const shortTitle = (id) => findExperiment(id)?.title.split(':')[0] ?? id;

function rowHtml(row, linkBase, prefix, liveBase) {
  const links = [row.experiment, ...(row.also ?? [])].filter(Boolean).map((id) => `<a href="${linkBase}#experiment=${id}">${escapeHtml(shortTitle(id))}</a>`);
  if (row.card) links.push(`<a href="${linkBase}#experiment=${row.card}">The history</a>`);
  const live = liveBase !== null && row.live?.length
    ? `<p class="claims-table__live">Check it live: ${row.live.map(([href, text]) => `<a href="${escapeHtml(liveBase + href)}">${escapeHtml(text)}</a>`).join('; ')}</p>`
    : '';
  const measured = row.experiment
    ? `<span data-field="measured">As ${MEASURED_ON}: ${escapeHtml(row.fallback)}</span> <span class="claims-table__state" data-field="state">(measuring in your browser…)</span>`
    : `<span data-field="measured">${escapeHtml(row.fallback)}</span> <span class="claims-table__state" data-field="state">(from the sources, no experiment)</span>`;
  return `<tr data-claim="${row.letter}" data-state="${row.experiment ? 'waiting' : 'sourced'}">
    <th scope="row" id="${prefix}-${row.letter}">${row.letter}</th>
    <td>${escapeHtml(row.claim)}</td>
    <td><strong class="claims-table__verdict" data-verdict="${escapeHtml(row.verdict)}">${escapeHtml(row.verdict)}</strong> <span class="claims-table__truth" data-field="truth">${escapeHtml(row.truth)}</span></td>
    <td class="claims-table__measured">${measured}</td>
    <td class="claims-table__links">${links.join('<br>')}${live}</td>
  </tr>`;
}

/**
 * Mount the table into `element`. options: { linkBase ('experiments.html'), idPrefix,
 * autoStart (true: start measuring after the first picture), onRowDone(letter, output),
 * liveBase (with it, each row also links the screens where the claim can be checked live,
 * relative to liveBase: '' on a page beside them; without it, no such links) }.
 * Returns { start, destroy, results (Map letter → the run's output) }.
 * @param {HTMLElement} element
 */
export function mountClaimsTable(element, options = {}) {
  const linkBase = options.linkBase ?? 'experiments.html';
  const prefix = options.idPrefix ?? 'claims';
  const liveBase = options.liveBase ?? null;
  element.classList.add('claims-table');
  element.innerHTML = `
    <div class="claims-table__scroll" tabindex="0" role="region" aria-labelledby="${prefix}-caption">
      <table>
        <caption id="${prefix}-caption">The article’s claims: the verdict from the literature, and what a small run of each experiment measures in your browser</caption>
        <thead><tr><th scope="col">Claim</th><th scope="col">In the article</th><th scope="col">Verdict, and what is true</th><th scope="col">Measured</th><th scope="col">Open</th></tr></thead>
        <tbody>${CLAIMS.map((row) => rowHtml(row, linkBase, prefix, liveBase)).join('')}</tbody>
      </table>
    </div>
    <p class="claims-table__status" role="status" data-field="status"></p>`;
  const status = /** @type {HTMLElement} */ (element.querySelector('[data-field="status"]'));
  const queue = CLAIMS.filter((row) => row.experiment);
  const results = new Map();
  let current = null;
  let started = false;
  let destroyed = false;
  const runner = createRunner(onMessage);

  const rowOf = (letter) => /** @type {HTMLElement} */ (element.querySelector(`tr[data-claim="${letter}"]`));

  function next() {
    current = queue.shift() ?? null;
    if (!current) {
      setText(status, `All ${results.size} small runs measured in your browser.`);
      return;
    }
    setData(rowOf(current.letter), 'state', 'running');
    runner.start(current.experiment, current.params ?? {});
  }

  function onMessage(message) {
    if (!current || message.type === 'progress') return;
    const row = rowOf(current.letter);
    if (message.type === 'done') {
      results.set(current.letter, message);
      const short = current.summary?.(message.results) || leadingSentences(message.verdict.sentence, current.sentences);
      setText(row.querySelector('[data-field="measured"]'), short);
      setText(row.querySelector('[data-field="state"]'), `(measured in your browser in ${(message.elapsed / 1000).toFixed(1)} s: ${message.verdict.verdict})`);
      setData(row, 'state', 'measured');
      options.onRowDone?.(current.letter, message);
    } else {
      setText(row.querySelector('[data-field="state"]'), `(the run failed: ${message.message}; the text above is the cached one)`);
      setData(row, 'state', 'failed');
    }
    next();
  }

  function start() {
    if (started || destroyed) return;
    started = true;
    setText(status, 'Measuring each claim with a small run in your browser…');
    next();
  }

  if (options.autoStart !== false) {
    // After the first picture: two frames, so the table has been painted with the cached texts.
    animationFrames(2).then(start);
  }

  return {
    start,
    results,
    destroy() {
      destroyed = true;
      runner.destroy();
      element.replaceChildren();
      element.classList.remove('claims-table');
    },
  };
}
