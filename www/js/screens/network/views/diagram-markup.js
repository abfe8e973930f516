// The network diagram's markup: the hint, the scrolling stage with its canvas (the unit buttons
// are added by diagram-units.js), the legend and the unit card.

/** Small inline legend samples; colours come from CSS classes. */
const sample = (body) =>
  `<svg class="diagram-legend__sample" viewBox="0 0 36 16" aria-hidden="true" focusable="false">${body}</svg>`;

const LEGEND = `
  <li>${sample('<line x1="2" y1="8" x2="34" y2="8" class="diagram-legend__positive"/>')}<span>solid orange: positive weight</span></li>
  <li>${sample('<line x1="2" y1="8" x2="34" y2="8" class="diagram-legend__negative"/>')}<span>dashed blue: negative weight; thicker lines are larger weights</span></li>
  <li><span class="diagram-legend__unit diagram-legend__unit--dead" aria-hidden="true">✕</span><span>hatched with ✕: <strong>dead</strong>, z ≤ 0 on every training point</span></li>
  <li><span class="diagram-legend__unit diagram-legend__unit--nearly" aria-hidden="true">!</span><span>dashed with !: <strong>nearly dead</strong>, active on under 5% of training points</span></li>
  <li data-legend="inactive" hidden><span class="diagram-legend__unit diagram-legend__unit--inactive" aria-hidden="true">−</span><span>dotted with −: <strong>inactive</strong> (not ReLU: z ≤ 0 everywhere, still passes gradient)</span></li>
  <li data-legend="trace" hidden><span class="diagram-legend__glyph" aria-hidden="true">⊣</span><span>gate closed: no gradient passes back</span></li>
  <li data-legend="trace" hidden><span class="diagram-legend__glyph" aria-hidden="true">←</span><span>gradient passes to the weights; z, a: forward values; ∂a, ∂z: dL/da, dL/dz</span></li>`;

/**
 * The diagram's HTML. `id(name)` makes element ids; `heading` is the unit card's heading tag.
 * @param {(name: string) => string} id
 * @param {string} heading
 */
export function diagramHtml(id, heading) {
  return `
    <div class="network-diagram">
      <p class="hint network-diagram__hint" id="${id('hint')}">Each square is a hidden unit,
      showing its output over the input plane (orange where it is positive). Hover, tap or focus
      a unit to see its formula; inside the diagram, arrow keys move between units.</p>
      <div class="network-diagram__scroller view-scroller">
        <div class="network-diagram__stage" role="group" aria-describedby="${id('hint')}">
          <canvas class="network-diagram__canvas" aria-hidden="true"></canvas>
        </div>
      </div>
      <ul class="legend diagram-legend">${LEGEND}</ul>
      <section class="unit-card" aria-labelledby="${id('card-title')}" hidden>
        <canvas class="unit-card__map" role="img" aria-label="Map of the selected unit's output over the input plane"></canvas>
        <div class="unit-card__body">
          <${heading} class="unit-card__title" id="${id('card-title')}"><span data-field="name"></span>
            <span class="unit-card__state" data-field="state"></span></${heading}>
          <p class="unit-card__formula"><code data-field="formula"></code></p>
          <p class="unit-card__formula"><code data-field="activation"></code></p>
          <p class="unit-card__note" data-field="inputs-note"></p>
          <dl class="unit-card__facts">
            <div><dt>Active on</dt><dd data-field="active"></dd></div>
            <div><dt>Weight size ‖w‖</dt><dd data-field="weight-size"></dd></div>
            <div><dt>Its mean |dL/dz|</dt><dd data-field="grad-z"></dd></div>
            <div><dt>Its ‖dL/dw‖ <span class="muted">incoming weights</span></dt><dd data-field="grad-w"></dd></div>
            <div data-field="trace-row" hidden><dt>Inspected point</dt><dd data-field="trace"></dd></div>
          </dl>
          <p class="unit-card__why" data-field="why"></p>
        </div>
      </section>
    </div>`;
}
