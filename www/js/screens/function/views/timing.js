// The Function screen's timing section: the Measure button's label, the status line and the
// bars of nanoseconds per evaluation, fastest first. Shows what the model measured; no wasm.
import { formatNumber } from '../../../text/format.js';
import { activationName } from '../../../text/names.js';
import { setText } from '../../../ui/dom.js';
import { activationStyle } from '../catalog.js';

const nanoseconds = (value) => `${formatNumber(value, 3)} ns`;

/** The timing view of the screen's `element`. */
export function createTimingView(element) {
  const $ = (selector) => element.querySelector(selector);
  const button = $('[data-action="measure"]');
  const status = $('[data-field="measure-status"]');
  const cost = $('[data-part="cost"]');
  const bars = $('[data-part="bars"]');

  let running = null; // an AbortController while measuring

  /** The results (model.measureAll): bars sorted fastest first, and a summary. */
  function done(results) {
    setText(button, 'Measure again');
    const sorted = [...results].sort((a, b) => a.nanoseconds - b.nanoseconds);
    const fastest = sorted[0];
    const slowest = sorted[sorted.length - 1];
    bars.innerHTML = sorted
      .map((r) => {
        const share = (r.nanoseconds / slowest.nanoseconds).toFixed(4);
        return (
          `<li data-name="${r.name}"><span class="fn-bars__label">${activationName(r.name)}</span>` +
          `<span class="fn-bars__bar" aria-hidden="true"><span class="fn-bars__fill fn-bars__fill--${activationStyle(r.name).slot}" data-share="${share}"></span></span>` +
          `<span class="fn-bars__value" data-ns="${r.nanoseconds}">${nanoseconds(r.nanoseconds)}</span></li>`
        );
      })
      .join('');
    // Sized from script, not inline style: the embed runs under a strict CSP.
    for (const fill of bars.querySelectorAll('.fn-bars__fill')) {
      fill.style.transform = `scaleX(${fill.dataset.share})`;
    }
    cost.hidden = false;
    const relu = results.find((r) => r.name === 'relu');
    setText(
      status,
      `Done. Fastest: ${activationName(fastest.name)}, ${nanoseconds(fastest.nanoseconds)}; ` +
        `slowest: ${activationName(slowest.name)}, ${nanoseconds(slowest.nanoseconds)}` +
        (relu ? `; ReLU ${nanoseconds(relu.nanoseconds)} per evaluation.` : '.'),
    );
  }

  return {
    /**
     * The Measure button: start `measure({ signal, onProgress })` (a promise of the results,
     * or null when aborted), or stop the measurement running.
     */
    async toggle(measure) {
      if (running) {
        running.abort();
        running = null;
        setText(button, 'Measure');
        setText(status, 'Measurement stopped.');
        return;
      }
      const controller = new AbortController();
      running = controller;
      setText(button, 'Stop measuring');
      const onProgress = (text) => setText(status, `Measuring: ${text}\u2026`);
      const results = await measure({ signal: controller.signal, onProgress });
      if (!results || controller.signal.aborted) return;
      running = null;
      done(results);
    },
    /** Stop a measurement running (on destroy). */
    stop() {
      running?.abort();
      running = null;
    },
  };
}
