// Component: step through one training point's forward and backward pass. Shows the step
// sequence (forward layer 1 … output, backward output … layer 1), Previous / Next buttons
// (also ← / → while focus is inside), a plain explanation of the current step, and a table of
// each unit's z, a, gate f′(z), dL/da and dL/dz for the current layer. A polite live region
// speaks the explanation when the step changes, never on other updates.
//
// Contract: createInspector(container, { onStep({ phase, layer }), onClose() })
//   → { update(snapshot), destroy() }. The screen feeds the step back as snapshot.traceStep;
// until it does (null), the first step is shown.
import { setText } from '../../../ui/dom.js';
import { formatDecimal } from '../../../text/format.js';
import { explainStep, layerTitle, stepTitle, traceSteps } from './trace-text.js';
import { watchScrollable } from '../../../ui/observe.js';

const sameStep = (a, b) => a && b && a.phase === b.phase && a.layer === b.layer;

/** The inspector's markup: heading, the point, the steps, the buttons, the table, the live region. */
function inspectorHtml(level, idPrefix, heading) {
  return `
    <section class="trace-inspector" aria-labelledby="${idPrefix}-title">
      <div class="trace-inspector__head">
        <h${level} id="${idPrefix}-title">${heading}</h${level}>
        <button type="button" class="button" data-action="close">Close</button>
      </div>
      <p class="trace-inspector__point" data-field="point"></p>
      <div class="trace-steps" data-field="steps"></div>
      <div class="controls" role="group" aria-label="Step through the passes">
        <button type="button" class="button" data-action="previous"><span aria-hidden="true">◂</span> Previous</button>
        <button type="button" class="button button--primary" data-action="next">Next <span aria-hidden="true">▸</span></button>
      </div>
      <p class="hint">Keys: ← and → step back and forth while focus is in this panel.</p>
      <p class="trace-inspector__explanation" data-field="explanation"></p>
      <div class="trace-inspector__scroller view-scroller">
        <table class="trace-table" data-field="table">
          <caption data-field="caption"></caption>
          <thead><tr>
            <th scope="col">Unit</th><th scope="col">z</th><th scope="col">a</th>
            <th scope="col">gate f′(z)</th><th scope="col">dL/da</th><th scope="col">dL/dz</th>
          </tr></thead>
          <tbody></tbody>
        </table>
      </div>
      <p class="visually-hidden" role="status" aria-live="polite" aria-atomic="true" data-field="announcer"></p>
    </section>`;
}

/** The step sequence of a trace of `count` layers: a forward row and a backward row. */
function stepsHtml(steps, count) {
  const item = (step) =>
    `<li data-index="${steps.indexOf(step)}"><span class="visually-hidden">${stepTitle(step, count)}</span>` +
    `<span aria-hidden="true">${step.layer === count - 1 ? 'out' : step.layer + 1}</span></li>`;
  const row = (phase, label) =>
    `<div class="trace-steps__row"><span class="trace-steps__phase">${label}</span><ol>${steps
      .filter((s) => s.phase === phase)
      .map(item)
      .join('')}</ol></div>`;
  return row('forward', 'Forward ▸') + row('backward', 'Backward ◂');
}

/** The table rows of `step`: each unit's z, a, gate and (backward only) its gradients. */
function tableRowsHtml(trace, step) {
  const values = trace.layers[step.layer];
  const backward = step.phase === 'backward';
  const count = trace.layers.length;
  return Array.from(values.z, (z, unit) => {
    const closed = values.gate[unit] === 0;
    const gate = `${formatDecimal(values.gate[unit])}${closed ? ' closed' : ''}`;
    const gradient = (value) => (backward ? formatDecimal(value) : '—');
    return (
      `<tr${closed ? ' class="is-closed"' : ''}><th scope="row">${step.layer === count - 1 ? 'out' : unit + 1}</th>` +
      `<td>${formatDecimal(z)}</td><td>${formatDecimal(values.a[unit])}</td><td>${gate}</td>` +
      `<td>${gradient(values.gradA[unit])}</td><td>${gradient(values.gradZ[unit])}</td></tr>`
    );
  }).join('');
}

/** "Point x₁ = …, x₂ = …, label …; loss …." (or only the loss without a point). */
function pointText(point, trace) {
  return point
    ? `Point x₁ = ${formatDecimal(point.x1)}, x₂ = ${formatDecimal(point.x2)}, ` +
        `label ${formatDecimal(point.label)}; loss ${formatDecimal(trace.loss)}.`
    : `Loss ${formatDecimal(trace.loss)}.`;
}

/**
 * Mount the inspector into `container`.
 * options: {
 *   onStep({ phase, layer }): the learner moved to another step (layer is 0-based, the last
 *     index being the output layer),
 *   onClose(): the learner pressed Close,
 *   loss: "bce" (default) or "mse", for the output step's wording,
 *   heading: heading text ("Follow one training point"), headingLevel (3),
 *   idPrefix: prefix for element ids (random when absent)
 * }
 */
export function createInspector(container, options = {}) {
  const onStep = options.onStep ?? (() => {});
  const onClose = options.onClose ?? (() => {});
  const level = options.headingLevel ?? 3;
  const idPrefix = options.idPrefix ?? `inspector-${crypto.randomUUID().slice(0, 8)}`;

  container.innerHTML = inspectorHtml(level, idPrefix, options.heading ?? 'Follow one training point');

  const root = container.querySelector('.trace-inspector');
  const field = (name) => root.querySelector(`[data-field="${name}"]`);
  const buttons = {
    previous: root.querySelector('[data-action="previous"]'),
    next: root.querySelector('[data-action="next"]'),
  };
  const body = root.querySelector('tbody');

  // Plain state: the trace object from network.inspect() holds plain arrays, safe to keep.
  let trace = null;
  let activations = [];
  let point = null;
  let steps = [];
  let index = 0;
  let stepsKey = '';
  let announcedKey = '';
  let tableRows = ''; // the rows last written into the table

  function renderSteps() {
    const key = String(trace.layers.length);
    if (key === stepsKey) return;
    stepsKey = key;
    field('steps').innerHTML = stepsHtml(steps, trace.layers.length);
  }

  function renderTable(step) {
    const count = trace.layers.length;
    setText(
      field('caption'),
      `${layerTitle(step.layer, count)}, ${step.phase} pass: each unit's values for this point` +
        (step.phase === 'backward' ? '' : ' (gradients come on the backward pass)'),
    );
    const rows = tableRowsHtml(trace, step);
    if (rows !== tableRows) {
      body.innerHTML = rows;
      tableRows = rows;
    }
  }

  function render() {
    const empty = !trace;
    root.classList.toggle('is-empty', empty);
    buttons.previous.setAttribute('aria-disabled', String(empty || index === 0));
    buttons.next.setAttribute('aria-disabled', String(empty || index === steps.length - 1));
    if (empty) {
      setText(field('point'), 'No point is being inspected: pick a training point to follow it.');
      setText(field('explanation'), '');
      field('steps').replaceChildren();
      stepsKey = '';
      body.replaceChildren();
      tableRows = '';
      setText(field('caption'), 'No point inspected');
      return;
    }
    const step = steps[index];
    setText(field('point'), pointText(point, trace));
    renderSteps();
    for (const item of field('steps').querySelectorAll('li')) {
      const current = Number(item.dataset.index) === index;
      item.classList.toggle('is-current', current);
      if (current) item.setAttribute('aria-current', 'step');
      else item.removeAttribute('aria-current');
    }
    const explanation = explainStep(step, trace, activations, point, options.loss ?? 'bce');
    setText(field('explanation'), explanation);
    renderTable(step);
    const key = `${step.phase}:${step.layer}:${point?.x1}:${point?.x2}`;
    if (key !== announcedKey) {
      announcedKey = key;
      setText(field('announcer'), explanation);
    }
  }

  function go(newIndex) {
    if (!trace) return;
    const clamped = Math.max(0, Math.min(steps.length - 1, newIndex));
    if (clamped === index) return;
    index = clamped;
    render();
    onStep({ ...steps[index] });
  }

  function update(snapshot) {
    trace = snapshot.trace ?? null;
    point = snapshot.point ?? null;
    activations = (snapshot.layout ?? []).map((layer) => layer.activation);
    if (!trace) {
      announcedKey = '';
      index = 0;
      render();
      return;
    }
    steps = traceSteps(trace.layers.length);
    if (snapshot.traceStep) {
      const found = steps.findIndex((step) => sameStep(step, snapshot.traceStep));
      if (found >= 0) index = found;
    }
    index = Math.min(index, steps.length - 1);
    render();
  }

  const onClick = (event) => {
    const button = event.target.closest('button[data-action]');
    if (!button || button.getAttribute('aria-disabled') === 'true') return;
    if (button.dataset.action === 'close') onClose();
    else go(index + (button.dataset.action === 'next' ? 1 : -1));
  };
  const onKeyDown = (event) => {
    if (event.altKey || event.ctrlKey || event.metaKey || event.target.closest('input, select, textarea')) return;
    const moves = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: steps.length - 1 };
    if (!(event.key in moves) || !trace) return;
    event.preventDefault();
    go(moves[event.key]);
  };
  root.addEventListener('click', onClick);
  root.addEventListener('keydown', onKeyDown);
  const stopScrollable = watchScrollable(root.querySelector('.trace-inspector__scroller'), 'Values of each unit (table, scrolls sideways)');

  return {
    update,
    destroy() {
      stopScrollable();
      root.removeEventListener('click', onClick);
      root.removeEventListener('keydown', onKeyDown);
      container.replaceChildren();
    },
  };
}
