// The screen's state in a link: `#experiment=born-dead&nets=200&widths=2,3,4` — the chosen
// experiment and its parameters that differ from the defaults. Pure functions; no DOM.
import { experiments, findExperiment } from '../../experiments/index.js';
import { changedParamEntries, defaultParams, normalizeParams } from '../../experiments/params.js';

/** The first experiment, shown when a link names none. */
export const DEFAULT_EXPERIMENT = experiments[0].id;

/** Cards that are not experiments (no parameters, no run): the claims table and the history. */
export const EXTRA_CARDS = Object.freeze(['claims', 'history']);

/** Can `id` be the card shown (an experiment or an extra card)? */
export const isCardId = (id) => Boolean(findExperiment(id)) || EXTRA_CARDS.includes(id);

/**
 * The state `{ experiment, params: { [id]: params } }` (params of every experiment, completed
 * with defaults) from an experiment id and raw params for it. Returns { state, problems }.
 * @param {string | null | undefined} experiment
 * @param {Record<string, any>} [raw]
 */
export function initialState(experiment, raw = {}) {
  const problems = [];
  let id = experiment ?? DEFAULT_EXPERIMENT;
  if (!isCardId(id)) {
    problems.push('experiment');
    id = DEFAULT_EXPERIMENT;
  }
  const params = {};
  for (const entry of experiments) {
    if (entry.id === id) {
      const checked = normalizeParams(entry.params, raw);
      params[entry.id] = checked.params;
      problems.push(...checked.problems);
    } else {
      params[entry.id] = defaultParams(entry.params);
    }
  }
  return { state: { experiment: id, params }, problems };
}

/** "#experiment=…&key=value…" → { state, problems }. Never throws. */
export function decodeHash(hash) {
  const query = new URLSearchParams(String(hash ?? '').replace(/^#/, ''));
  const raw = {};
  for (const [key, value] of query) if (key !== 'experiment') raw[key] = value;
  return initialState(query.get('experiment'), raw);
}

/** The hash of a state: the experiment and its changed parameters. */
export function encodeHash(state) {
  if (EXTRA_CARDS.includes(state.experiment)) return `experiment=${state.experiment}`;
  const experiment = findExperiment(state.experiment);
  const entries = [['experiment', state.experiment], ...changedParamEntries(experiment.params, state.params[state.experiment])];
  // A lone surrogate (broken UTF-16 in user text) would make encodeURIComponent throw; it is written as U+FFFD.
  const encode = (value) => encodeURIComponent(String(value).replace(/\p{Surrogate}/gu, '\ufffd'));
  return entries.map(([key, value]) => `${key}=${encode(value).replace(/%2C/gi, ',')}`).join('&');
}

/**
 * Check a host's partial state `{ experiment?, params? }` against `state`: a valid experiment
 * becomes the one shown (in `state`); params are checked for the experiment shown then.
 * Returns { ignored (the keys not understood), experiment (shown, or null for an extra card),
 * params (checked, or null when none were given) }.
 */
export function checkPartialState(state, partial) {
  const ignored = [];
  if (partial.experiment !== undefined) {
    if (isCardId(partial.experiment)) state.experiment = partial.experiment;
    else ignored.push('experiment');
  }
  const experiment = findExperiment(state.experiment) ?? null;
  let params = null;
  if (partial.params && experiment) {
    const checked = normalizeParams(experiment.params, partial.params, state.params[state.experiment]);
    ignored.push(...checked.problems);
    params = checked.params;
  }
  return { ignored, experiment, params };
}
