// The Experiments screen: one card per experiment (what it asks, controls, plot, verdict,
// sources), a chooser between them, and one worker that runs the chosen experiment off the main
// thread. Results are kept per experiment while the learner switches. No module-level state:
// several screens can live on one page (the element mounts one per embed).
import { experiments, findExperiment } from '../../experiments/index.js';
import { defaultParams, normalizeParams, quickParams } from '../../experiments/params.js';
import { createFrameLoop } from '../../ui/loop.js';
import { announce, setHidden, setText } from '../../ui/dom.js';
import { watchMedia, watchWidth } from '../../ui/observe.js';
import { createCard } from './card.js';
import { readControls, writeControls } from './controls.js';
import { createPlotView } from './plot-view.js';
import { createRuns, showRecord } from './records.js';
import { checkPartialState, decodeHash, encodeHash, initialState, isCardId } from './state.js';
import { createExtraCards } from './extra-cards.js';
import * as core from '../../../pkg/relu_lab.js';
import { coreReady } from '../../core/load.js';
import { missingFeatures, NEEDS_NEWER_CORE } from '../../experiments/capabilities.js';

export { progressText } from './records.js';

/** The screen's frame: the lede, the chooser (hidden for a single experiment), the status, the cards. */
function screenHtml(single) {
  const chooser = experiments
    .map((e) => `<li><button type="button" class="exp-chooser__item" data-choose="${e.id}">${e.title.split(':')[0]}</button></li>`)
    .join('');
  return `
    <p class="lede exp-lede"${single ? ' hidden' : ''}>Each card runs many freshly seeded networks in your browser, off the page’s main thread, and states what it measured. Inputs are in [−1, 1]² unless you choose the other screens’ [−6, 6]²: the literature’s results assume inputs of unit scale.</p>
    <nav class="exp-chooser" aria-label="Experiments"${single ? ' hidden' : ''}><ul>${chooser}<li><button type="button" class="exp-chooser__item" data-choose="claims">The claims table</button></li><li><button type="button" class="exp-chooser__item" data-choose="history">History (claim a)</button></li></ul></nav>
    <p class="visually-hidden" role="status" data-field="status"></p>
    <div class="exp-cards"></div>`;
}

/** Frames the screen draws before it asks for the core (below). */
const CORE_AFTER_FRAMES = 3;

/**
 * Experiments that need functions a newer core adds say so on their card, before any run. The
 * core is asked for after the screen's first CORE_AFTER_FRAMES frames: a page whose picture
 * needs no core (experiments.html) loads it only then, once that picture is on screen.
 */
function noteMissingCore(views, loop) {
  const check = () =>
    coreReady().then(() => {
      for (const { experiment, card } of views.values()) {
        const missing = experiment.requires ? missingFeatures(core, experiment.requires) : [];
        if (missing.length === 0) continue;
        const notice = document.createElement('p');
        notice.className = 'notice exp-needs-core';
        notice.dataset.field = 'needs-core';
        notice.textContent = `Part of this experiment ${NEEDS_NEWER_CORE}: this core lacks ${missing.join(' and ')}. That part is not measured; the rest runs.`;
        card.element.querySelector('.exp-card__head').append(notice);
      }
    });
  let frames = 0;
  const wait = () => (++frames < CORE_AFTER_FRAMES ? loop.request(wait) : check().catch(() => {}));
  loop.request(wait);
}

/** An experiment's card and plot, appended to `holder`; the plot's links open in this window. */
function addView(holder, experiment, prefix) {
  const card = createCard(experiment, `${prefix}-${experiment.id}`);
  holder.append(card.element);
  const plot = createPlotView(card, (href) => window.location.assign(new URL(href, document.baseURI).href));
  return { card, plot };
}

/** Wire a card's form and buttons to `handlers` { run, change, quick, defaults, cancel }. */
function wireCard(card, plot, { run, change, quick, defaults, cancel }) {
  card.form.addEventListener('submit', (event) => {
    event.preventDefault();
    run();
  });
  card.form.addEventListener('change', () => change());
  card.action('quick').addEventListener('click', () => quick());
  card.action('defaults').addEventListener('click', () => defaults());
  card.action('cancel').addEventListener('click', () => cancel());
  card.action('table').addEventListener('click', () => plot.toggleTable());
}

/**
 * Mount the screen into `element`. options: { experiment, params (raw, for that experiment),
 * single (show only that experiment, no chooser), useHash (read and write the URL hash; true
 * unless single), loop, idPrefix, onStateChange(state), onRunDone({ experiment, verdict, elapsed,
 * params }) when a run finishes }.
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

  element.classList.add('exp-screen');
  element.innerHTML = screenHtml(single);
  const status = /** @type {HTMLElement} */ (element.querySelector('[data-field="status"]'));
  const cardsHolder = element.querySelector('.exp-cards');
  const runs = createRuns(experiments, {
    onChange: (id) => schedule(id),
    onAnnounce: (text) => announce(status, text),
    onDone: (done) => options.onRunDone?.(done),
  });
  const views = new Map();
  const stops = [];

  for (const experiment of experiments) {
    const { card, plot } = addView(cardsHolder, experiment, prefix);
    views.set(experiment.id, { experiment, card, plot });
    writeControls(card.form, experiment.params, state.params[experiment.id]);
    wireCard(card, plot, {
      run: () => {
        readParams(experiment);
        start(experiment.id);
      },
      change: () => readParams(experiment),
      quick: () => setParams(experiment, quickParams(experiment.params)),
      defaults: () => setParams(experiment, defaultParams(experiment.params)),
      cancel: () => cancel(),
    });
    stops.push(watchWidth(card.field('panels'), (width) => plot.resize(width)));
  }
  const extraCards = createExtraCards(cardsHolder, element, { prefix, linkBase: useHash ? '' : 'experiments.html' });
  noteMissingCore(views, loop);
  stops.push(() => extraCards.destroy());
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

  const renderExtraCards = () => extraCards.show(state.experiment);

  function stateChanged() {
    if (useHash) history.replaceState(null, '', `#${encodeHash(state)}`);
    options.onStateChange?.(getState());
  }

  const start = (id) => runs.start(id, state.params[id], views.get(id).experiment.title.split(':')[0]);
  const cancel = () => runs.cancel();

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
    const view = views.get(id);
    setHidden(view.card.element, id !== state.experiment);
    element.querySelector(`[data-choose="${id}"]`)?.setAttribute('aria-current', String(id === state.experiment));
    showRecord(view, runs.record(id), state.params[id]);
  }

  function redraw() {
    for (const { plot } of views.values()) plot.redraw();
  }

  function getState() {
    return { experiment: state.experiment, params: structuredClone(state.params[state.experiment]) };
  }

  /** { experiment?, params? } → the ids ignored. */
  function setState(partial = {}) {
    const { ignored, experiment, params } = checkPartialState(state, partial);
    if (params) setParams(experiment, params, []);
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
      runs.destroy();
      for (const stop of stops) stop();
      if (ownLoop) loop.destroy();
      element.replaceChildren();
      element.classList.remove('exp-screen');
    },
  };
}
