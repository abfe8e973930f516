// What the Experiments screen keeps per experiment (a record: status, params, results, verdict,
// progress, time, message), how a worker message changes a record, and how a record is shown on
// its card. The screen (screen.js) owns the records and decides when to show them.
import { setHidden, setText } from '../../ui/dom.js';
import { formatInteger } from '../../text/format.js';
import { figureOf } from './figures.js';
import { createRunner } from './runner.js';

/**
 * @typedef {{ status: 'idle' | 'running' | 'done' | 'cancelled' | 'error', params: any, results: any,
 *   verdict: { verdict: string, sentence: string } | null, progress: any, elapsed: number, message: string }} RunRecord
 */

/** One idle record per experiment id. @returns {Map<string, RunRecord>} */
export function createRecords(experiments) {
  return new Map(experiments.map((e) => [e.id, { status: 'idle', params: null, results: null, verdict: null, progress: null, elapsed: 0, message: '' }]));
}

/** "about 12 s left", from the share done so far and the time it took. */
export function progressText({ done, total, nets, elapsed }) {
  const share = total > 0 ? done / total : 0;
  const left = share > 0.02 ? (elapsed * (1 - share)) / share / 1000 : null;
  const time = left === null ? 'estimating the time left' : left < 1 ? 'under a second left' : `about ${formatInteger(Math.ceil(left))} s left`;
  return `${Math.floor(share * 100)}% done · ${formatInteger(nets)} networks so far · ${time}`;
}

/**
 * Take a worker `message` (progress, done or error) into `record`. Returns what to announce
 * and whether the run ended: { finished, announcement } (announcement '' for progress).
 * @param {RunRecord} record
 */
export function applyWorkerMessage(record, message) {
  if (message.type === 'progress') {
    Object.assign(record, { results: message.partial, verdict: message.verdict, progress: message });
    return { finished: false, announcement: '' };
  }
  if (message.type === 'done') {
    Object.assign(record, { status: 'done', results: message.results, verdict: message.verdict, elapsed: message.elapsed, params: message.params });
    return { finished: true, announcement: `Finished in ${(message.elapsed / 1000).toFixed(1)} s. Verdict: ${message.verdict.verdict}. ${message.verdict.sentence}` };
  }
  if (message.type === 'error') {
    Object.assign(record, { status: 'error', message: message.message });
    return { finished: true, announcement: `The run failed: ${message.message}` };
  }
  return { finished: false, announcement: '' };
}

/**
 * Show `record` on its card: the setup line for `params`, run/cancel buttons, progress, the
 * empty or failed notice, the verdict with its figures, and the plot.
 */
export function showRecord({ experiment, card, plot }, record, params) {
  setText(card.field('setup'), experiment.setup(params));
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
  plot.show(record.results ? figureOf(experiment.id, record.results, record.params) : null);
}

/**
 * The runs: one experiment at a time in the worker, its record kept up to date from the
 * worker's messages. onChange(id) after a record changed; onAnnounce(text) for the status.
 * Returns { record(id), start(id, params, title), cancel(), destroy() }.
 * @param {readonly { id: string }[]} experiments
 * @param {{ onChange: (id: string) => void, onAnnounce: (text: string) => void, onDone?: (done: { experiment: string, verdict: any, elapsed: number, params: any }) => void }} handlers
 */
export function createRuns(experiments, { onChange, onAnnounce, onDone }) {
  const records = createRecords(experiments);
  let running = null; // id of the experiment whose run is in progress
  const runner = createRunner(onWorkerMessage);

  function markStopped(id, how) {
    records.get(id).status = how;
    if (running === id) running = null;
    onChange(id);
  }

  function onWorkerMessage(message) {
    const id = running;
    if (!id) return;
    const { finished, announcement } = applyWorkerMessage(records.get(id), message);
    if (finished) running = null;
    if (message.type === 'done') {
      onDone?.({ experiment: id, verdict: message.verdict, elapsed: message.elapsed, params: message.params });
    }
    if (announcement) onAnnounce(announcement);
    onChange(id);
  }

  return {
    record: (id) => records.get(id),
    /** Start experiment `id` with `params` (a run of another one is cancelled first). */
    start(id, params, title) {
      if (running && running !== id) markStopped(running, 'cancelled');
      Object.assign(records.get(id), { status: 'running', params, progress: { done: 0, total: 1, nets: 0, elapsed: 0 }, message: '' });
      running = id;
      runner.start(id, params);
      onAnnounce(`${title}: running.`);
      onChange(id);
    },
    /** Stop the run in progress; its results so far are kept. */
    cancel() {
      if (!running) return;
      runner.cancel();
      markStopped(running, 'cancelled');
      onAnnounce('Cancelled; the results so far are kept.');
    },
    destroy: () => runner.destroy(),
  };
}
