// The Experiments screen: one card per experiment (what it asks, controls, plot, verdict,
// sources), a chooser between them, and one worker that runs the chosen experiment off the main
// thread. Results are kept per experiment while the learner switches. No module-level state:
// several screens can live on one page (the element mounts one per embed).
import { experiments, findExperiment } from '../../experiments/index.js';
import { defaultParams, normalizeParams, quickParams } from '../../experiments/params.js';
import { createFrameLoop } from '../../ui/loop.js';
import { announce, setHidden, setText } from '../../ui/dom.js';
import { watchMedia, watchWidth } from '../../ui/observe.js';
import { formatInteger } from '../../text/format.js';
import { createCard } from './card.js';
import { readControls, writeControls } from './controls.js';
import { figureOf } from './figures.js';
import { createPlotView } from './plot-view.js';
import { createRunner } from './runner.js';
import { decodeHash, encodeHash, EXTRA_CARDS, initialState, isCardId } from './state.js';
import { mountClaimsTable } from './claims-table.js';
import * as core from '../../../pkg/relu_lab.js';
import { coreReady } from '../../core/load.js';
import { missingFeatures, NEEDS_NEWER_CORE } from '../../experiments/capabilities.js';
import { claimsCardHtml, historyCardHtml } from './history-card.js';

/** "about 12 s left", from the share done so far and the time it took. */
export function progressText({ done, total, nets, elapsed }) {
  const share = total > 0 ? done / total : 0;
  const left = share > 0.02 ? (elapsed * (1 - share)) / share / 1000 : null;
  const time = left === null ? 'estimating the time left' : left < 1 ? 'under a second left' : `about ${formatInteger(Math.ceil(left))} s left`;
  return `${Math.floor(share * 100)}% done · ${formatInteger(nets)} networks so far · ${time}`;
}

/**
 * Mount the screen into `element`. options: { experiment, params (raw, for that experiment),
 * single (show only that experiment, no chooser), useHash (read and write the URL hash; true
 * unless single), loop, idPrefix, onStateChange(state) }.
 * Returns { getState, setState(partial) → problems, destroy, redraw }.
 */
export function mountExperimentsScreen(element, options = {}) {
  const single = Boolean(options.single);
  const useHash = options.useHash ?? !single;
  const prefix = options.idPrefix ?? 'exp';
  const loop = options.loop ?? createFrameLoop();
  const ownLoop = !options.loop;
  const fromHash = useHash && !options.experiment ? decodeHash(window.location.hash) : null;
  const { state, problems } = fromHash ?? initialState(options.experiment, options.params);
  /** Per experiment: { status, params, results, verdict, progress, elapsed, message }. */
  const records = new Map(experiments.map((e) => [e.id, { status: 'idle', params: null, results: null, verdict: null, progress: null, elapsed: 0, message: '' }]));
  let running = null; // id of the experiment whose run is in progress

  element.classList.add('exp-screen');
  element.innerHTML = `
    <p class="lede exp-lede"${single ? ' hidden' : ''}>Each card runs many freshly seeded networks in your browser, off the page’s main thread, and states what it measured. Inputs are in [−1, 1]² unless you choose the other screens’ [−6, 6]²: the literature’s results assume inputs of unit scale.</p>
    <nav class="exp-chooser" aria-label="Experiments"${single ? ' hidden' : ''}><ul>${experiments
      .map((e) => `<li><button type="button" class="exp-chooser__item" data-choose="${e.id}">${e.title.split(':')[0]}</button></li>`)
      .join('')}<li><button type="button" class="exp-chooser__item" data-choose="claims">The claims table</button></li><li><button type="button" class="exp-chooser__item" data-choose="history">History (claim a)</button></li></ul></nav>
    <p class="visually-hidden" role="status" data-field="status"></p>
    <div class="exp-cards"></div>`;
  const status = /** @type {HTMLElement} */ (element.querySelector('[data-field="status"]'));
  const cardsHolder = element.querySelector('.exp-cards');
  const runner = createRunner(onWorkerMessage);
  const views = new Map();
  const stops = [];

  for (const experiment of experiments) {
    const card = createCard(experiment, `${prefix}-${experiment.id}`);
    cardsHolder.append(card.element);
    const plot = createPlotView(card, (href) => window.location.assign(new URL(href, document.baseURI).href));
    views.set(experiment.id, { experiment, card, plot });
    writeControls(card.form, experiment.params, state.params[experiment.id]);
    wireCard(experiment, card, plot);
    stops.push(watchWidth(card.field('panels'), (width) => plot.resize(width)));
  }
  cardsHolder.insertAdjacentHTML('beforeend', claimsCardHtml(prefix) + historyCardHtml(prefix));
  const extraCards = new Map(EXTRA_CARDS.map((id) => [id, /** @type {HTMLElement} */ (cardsHolder.querySelector(`[data-experiment="${id}"]`))]));
  // Experiments that need functions a newer core adds say so on their card before any run.
  coreReady()
    .then(() => {
      for (const { experiment, card } of views.values()) {
        const missing = experiment.requires ? missingFeatures(core, experiment.requires) : [];
        if (missing.length === 0) continue;
        const notice = document.createElement('p');
        notice.className = 'notice exp-needs-core';
        notice.dataset.field = 'needs-core';
        notice.textContent = `Part of this experiment ${NEEDS_NEWER_CORE}: this core lacks ${missing.join(' and ')}. That part is not measured; the rest runs.`;
        card.element.querySelector('.exp-card__head').append(notice);
      }
    })
    .catch(() => {});
  /** The claims table, mounted the first time its card is shown. */
  let claimsTable = null;
  stops.push(() => claimsTable?.destroy());
  stops.push(watchMedia('(prefers-color-scheme: dark)', () => redraw()).stop);
  if (useHash) {
    // A link followed within the page (or back and forward) chooses the experiment it names.
    const onHash = () => {
      const decoded = decodeHash(window.location.hash).state;
      if (encodeHash(decoded) === encodeHash(state)) return;
      state.experiment = decoded.experiment;
      const experiment = findExperiment(decoded.experiment);
      if (experiment) setParams(experiment, decoded.params[decoded.experiment]);
      else stateChanged();
      scheduleAll();
    };
    window.addEventListener('hashchange', onHash);
    stops.push(() => window.removeEventListener('hashchange', onHash));
  }

  function wireCard(experiment, card, plot) {
    card.form.addEventListener('submit', (event) => {
      event.preventDefault();
      readParams(experiment);
      start(experiment.id);
    });
    card.form.addEventListener('change', () => readParams(experiment));
    card.action('quick').addEventListener('click', () => setParams(experiment, quickParams(experiment.params)));
    card.action('defaults').addEventListener('click', () => setParams(experiment, defaultParams(experiment.params)));
    card.action('cancel').addEventListener('click', () => cancel());
    card.action('table').addEventListener('click', () => plot.toggleTable());
  }

  for (const button of element.querySelectorAll('[data-choose]')) {
    button.addEventListener('click', () => choose(/** @type {HTMLElement} */ (button).dataset.choose));
  }

  function readParams(experiment) {
    const { card } = views.get(experiment.id);
    const checked = normalizeParams(experiment.params, readControls(card.form, experiment.params), state.params[experiment.id]);
    setParams(experiment, checked.params, checked.problems);
  }

  function setParams(experiment, params, paramProblems = []) {
    const { card } = views.get(experiment.id);
    state.params[experiment.id] = params;
    writeControls(card.form, experiment.params, params);
    const problemsField = card.field('problems');
    setText(problemsField, paramProblems.length > 0 ? `Not understood, kept as before: ${paramProblems.join(', ')}.` : '');
    setHidden(problemsField, paramProblems.length === 0);
    stateChanged();
    schedule(experiment.id);
  }

  function choose(id) {
    if (!isCardId(id) || id === state.experiment) return;
    state.experiment = id;
    stateChanged();
    scheduleAll();
  }

  function scheduleAll() {
    for (const id of views.keys()) schedule(id);
    loop.request(renderExtraCards);
  }

  function renderExtraCards() {
    for (const [id, card] of extraCards) setHidden(card, id !== state.experiment);
    for (const id of EXTRA_CARDS) element.querySelector(`[data-choose="${id}"]`)?.setAttribute('aria-current', String(id === state.experiment));
    if (state.experiment === 'claims' && !claimsTable) {
      claimsTable = mountClaimsTable(/** @type {HTMLElement} */ (extraCards.get('claims').querySelector('[data-field="claims"]')), {
        linkBase: useHash ? '' : 'experiments.html',
        idPrefix: `${prefix}-claims`,
      });
    }
  }

  function stateChanged() {
    if (useHash) history.replaceState(null, '', `#${encodeHash(state)}`);
    options.onStateChange?.(getState());
  }

  function start(id) {
    if (running && running !== id) markStopped(running, 'cancelled');
    const record = records.get(id);
    Object.assign(record, { status: 'running', params: state.params[id], progress: { done: 0, total: 1, nets: 0, elapsed: 0 }, message: '' });
    running = id;
    runner.start(id, state.params[id]);
    announce(status, `${views.get(id).experiment.title.split(':')[0]}: running.`);
    schedule(id);
  }

  function cancel() {
    if (!running) return;
    runner.cancel();
    const id = running;
    markStopped(id, 'cancelled');
    announce(status, 'Cancelled; the results so far are kept.');
  }

  function markStopped(id, how) {
    records.get(id).status = how;
    if (running === id) running = null;
    schedule(id);
  }

  function onWorkerMessage(message) {
    const id = running;
    if (!id) return;
    const record = records.get(id);
    if (message.type === 'progress') {
      Object.assign(record, { results: message.partial, verdict: message.verdict, progress: message });
    } else if (message.type === 'done') {
      Object.assign(record, { status: 'done', results: message.results, verdict: message.verdict, elapsed: message.elapsed, params: message.params });
      running = null;
      announce(status, `Finished in ${(message.elapsed / 1000).toFixed(1)} s. Verdict: ${message.verdict.verdict}. ${message.verdict.sentence}`);
    } else if (message.type === 'error') {
      Object.assign(record, { status: 'error', message: message.message });
      running = null;
      announce(status, `The run failed: ${message.message}`);
    }
    schedule(id);
  }

  const pending = new Set();
  const renderTask = () => {
    for (const id of pending) render(id);
    pending.clear();
  };
  function schedule(id) {
    pending.add(id);
    loop.request(renderTask);
  }

  function render(id) {
    const { experiment, card, plot } = views.get(id);
    const record = records.get(id);
    setHidden(card.element, id !== state.experiment);
    const chooser = element.querySelector(`[data-choose="${id}"]`);
    if (chooser) chooser.setAttribute('aria-current', String(id === state.experiment));
    setText(card.field('setup'), experiment.setup(state.params[id]));
    const isRunning = record.status === 'running';
    setHidden(card.action('cancel'), !isRunning);
    setText(card.action('run'), isRunning ? 'Restart' : 'Run');
    setHidden(card.field('progress'), !isRunning && record.status !== 'cancelled');
    if (record.progress) {
      card.progress.value = record.progress.total > 0 ? record.progress.done / record.progress.total : 0;
      const text = isRunning ? progressText(record.progress) : `Cancelled after ${formatInteger(record.progress.nets)} networks: the figures below are partial.`;
      setText(card.field('progress-text'), text);
    }
    if (record.status === 'error') setText(card.field('empty'), `The run failed: ${record.message}`);
    setHidden(card.field('empty'), record.results !== null && record.status !== 'error');
    const verdict = record.verdict;
    setHidden(card.field('verdict-block'), !verdict);
    if (verdict) {
      const word = record.status === 'done' ? verdict.verdict : `${verdict.verdict} so far`;
      setText(card.field('verdict'), `Verdict: ${word}.`);
      card.field('verdict').dataset.verdict = verdict.verdict;
      const time = record.status === 'done' ? ` (measured in ${(record.elapsed / 1000).toFixed(1)} s)` : '';
      setText(card.field('sentence'), `${verdict.sentence}${time}`);
    }
    plot.show(record.results ? figureOf(id, record.results, record.params) : null);
  }

  function redraw() {
    for (const { plot } of views.values()) plot.redraw();
  }

  function getState() {
    return { experiment: state.experiment, params: structuredClone(state.params[state.experiment]) };
  }

  /** { experiment?, params? } → the ids ignored. */
  function setState(partial = {}) {
    const ignored = [];
    if (partial.experiment !== undefined) {
      if (isCardId(partial.experiment)) state.experiment = partial.experiment;
      else ignored.push('experiment');
    }
    const experiment = findExperiment(state.experiment);
    if (partial.params && experiment) {
      const checked = normalizeParams(experiment.params, partial.params, state.params[state.experiment]);
      ignored.push(...checked.problems);
      setParams(experiment, checked.params, []);
    }
    scheduleAll();
    return ignored;
  }

  if (problems.length > 0) announce(status, `Some settings in the link were not understood and were left at their defaults: ${problems.join(', ')}.`);
  scheduleAll();
  if (useHash && !single) stateChanged();

  return {
    getState,
    setState,
    redraw,
    /** Start the shown experiment (as the Run button). */
    run: () => start(state.experiment),
    cancel,
    destroy() {
      runner.destroy();
      for (const stop of stops) stop();
      if (ownLoop) loop.destroy();
      element.replaceChildren();
      element.classList.remove('exp-screen');
    },
  };
}
