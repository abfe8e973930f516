// The network diagram's unit card: the selected unit's formula with its live weights, its
// activation, its state and why, its share of active points, its own gradient figures, the
// traced point's values at it, and a larger map of its output.
import { sizeCanvas } from '../../../ui/canvas.js';
import { setAttribute, setText } from '../../../ui/dom.js';
import { formatDecimal, formatNorm, formatShare } from '../../../text/format.js';
import { drawUnitSquare } from '../../../draw/network-diagram.js';
import {
  activationFormula, norm, preActivationFormula, stateReason, stateWords, subscript, unitName,
} from './unit-text.js';

const CARD_MAP_SIZE = 120;

/**
 * The card element `card` (the diagram's section.unit-card).
 * @param {HTMLElement} card
 */
export function createUnitCard(card) {
  const map = /** @type {HTMLCanvasElement} */ (card.querySelector('.unit-card__map'));
  const field = (name) => /** @type {HTMLElement} */ (card.querySelector(`[data-field="${name}"]`));

  /** The facts in words, for unit `unit` of hidden layer `layer` (its layout `layout`). */
  function writeFacts(model, layer, unit, layout) {
    const state = model.states[layer][unit];
    const stats = model.trainLayers[layer];
    const unitStats = stats?.units[unit];
    const weights = model.weights[layer].values;
    const row = Array.from(weights.subarray(unit * layout.fanIn, (unit + 1) * layout.fanIn));
    setText(field('name'), unitName(layer, unit));
    setText(field('state'), stateWords(state) || 'active');
    field('state').dataset.state = state;
    setText(field('formula'), preActivationFormula(row, model.biases[layer][unit], layer));
    setText(field('activation'), activationFormula(layout.activation, model.slopes[layer]?.[unit] ?? null));
    setText(
      field('inputs-note'),
      layer === 0
        ? 'x₁, x₂: the point’s coordinates; z: the unit’s input; a: its output.'
        : `a${subscript(1)}…a${subscript(layout.fanIn)}: the outputs of layer ${layer}` +
            (layout.fanIn > 4 ? '; the largest terms are shown, “…” stands for the rest.' : '.'),
    );
    setText(field('active'), unitStats ? `${formatShare(unitStats.activeShare)} of ${model.points}` : '—');
    setText(field('weight-size'), formatDecimal(norm(row)));
    // The unit's own gradient figures (the meters show the layer's): noData stats have none.
    const measured = model.train && !model.train.noData;
    setText(field('grad-z'), measured ? formatNorm(unitStats?.gradZMean) : '—');
    setText(field('grad-w'), measured ? formatNorm(unitStats?.gradWNorm) : '—');
    setText(field('why'), stateReason(state, layer, layout.activation));
    const traced = model.trace?.layers[layer];
    field('trace-row').hidden = !traced;
    if (traced) {
      setText(
        field('trace'),
        `z = ${formatDecimal(traced.z[unit])}, a = ${formatDecimal(traced.a[unit])}, ` +
          `gate f′(z) = ${formatDecimal(traced.gate[unit])}` +
          (traced.gate[unit] === 0 ? ' (closed)' : ''),
      );
    }
    return state;
  }

  return {
    /**
     * Show the selected unit of `model` (hidden: the hidden layers' layout entries), or hide
     * the card when none is. `image`: its map (a canvas) or null; `theme`: the diagram's.
     */
    draw(model, hidden, image, theme) {
      const selected = model.selected;
      const layout = hidden[selected?.layer];
      if (!selected || !layout || selected.unit >= layout.fanOut) {
        card.hidden = true;
        return;
      }
      card.hidden = false;
      const { layer, unit } = selected;
      const state = writeFacts(model, layer, unit, layout);
      setAttribute(
        map,
        'aria-label',
        `Map of ${unitName(layer, unit).toLowerCase()}’s output over the input plane, −6 to 6 on ` +
          'both axes: orange where it is positive, blue where negative, pale where 0' +
          (state === 'dead' ? '; hatched because the unit is dead.' : '.'),
      );
      const ctx = sizeCanvas(map, CARD_MAP_SIZE, CARD_MAP_SIZE);
      ctx.clearRect(0, 0, CARD_MAP_SIZE, CARD_MAP_SIZE);
      drawUnitSquare(ctx, { x: 0, y: 0, size: CARD_MAP_SIZE, image, state, theme });
    },
  };
}
