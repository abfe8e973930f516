// The unit buttons of the network diagram: one accessible button over each hidden unit's
// square (roving tabindex: Tab enters, arrow keys move), placed where diagramGeometry puts the
// square, with its name and state as its label and the dead / nearly dead marks as CSS
// (data-state, a badge "✕", "−" or "!"), written only where they changed; and the stage's
// label, which counts the units in each state.
import { setAttribute } from '../../../ui/dom.js';
import { activationName } from '../../../text/names.js';
import { mapSideOf } from './diagram-maps.js';
import { unitLabel } from './unit-text.js';

const BADGES = { dead: '✕', inactive: '−', 'nearly-dead': '!', 'nearly-inactive': '!' };

/**
 * The unit buttons on `stage` (the diagram's role="group" element).
 * @param {HTMLElement} stage
 */
export function createUnitButtons(stage) {
  /** @type {HTMLButtonElement[][]} per hidden layer, per unit */
  let buttons = [];
  let shown = []; // per hidden layer, per unit: { label, state, selected } as last written
  let roving = { layer: 0, unit: 0 };

  const focused = () => /** @type {Document | ShadowRoot} */ (stage.getRootNode()).activeElement;

  function setRoving(layer, unit) {
    const previous = buttons[roving.layer]?.[roving.unit];
    if (previous) previous.tabIndex = -1;
    roving = { layer, unit };
    const next = buttons[layer]?.[unit];
    if (next) next.tabIndex = 0;
  }

  return {
    /** The buttons, per hidden layer, per unit. */
    get all() {
      return buttons;
    },

    /** The button of `unit` in `layer`, if there is one. */
    at(layer, unit) {
      return buttons[layer]?.[unit] ?? null;
    },

    setRoving,

    /** Rebuild the buttons for hidden layers of `widths` units, keeping the roving position. */
    rebuild(widths) {
      const hadFocus = stage.contains(focused());
      for (const button of stage.querySelectorAll('.diagram-unit')) button.remove();
      const fragment = document.createDocumentFragment();
      buttons = widths.map((width, layerIndex) =>
        Array.from({ length: width }, (_, unit) => {
          const button = document.createElement('button');
          button.type = 'button';
          button.className = 'diagram-unit';
          button.tabIndex = -1;
          button.dataset.layer = String(layerIndex);
          button.dataset.unit = String(unit);
          button.innerHTML = '<span class="diagram-unit__badge" aria-hidden="true"></span>';
          fragment.append(button);
          return button;
        }),
      );
      stage.append(fragment);
      shown = buttons.map((layer) => layer.map(() => ({ label: null, state: null, selected: null })));
      // Keep the roving position (and focus) on the nearest unit that still exists.
      const layer = Math.max(0, Math.min(roving.layer, buttons.length - 1));
      const unit = buttons.length ? Math.min(roving.unit, buttons[layer].length - 1) : 0;
      roving = { layer, unit };
      const target = buttons[layer]?.[unit];
      if (target) target.tabIndex = 0;
      if (hadFocus && target) target.focus();
    },

    /**
     * Move every button over its square of `geometry` (diagramGeometry), and say on the stage
     * (data-map-side) the side in device pixels the squares show their maps at.
     */
    place(geometry) {
      setAttribute(stage, 'data-map-side', String(mapSideOf(geometry.unitSize)));
      buttons.forEach((layer, layerIndex) =>
        layer.forEach((button, unit) => {
          const node = geometry.columns[layerIndex + 1][unit];
          Object.assign(button.style, {
            left: `${node.x}px`,
            top: `${node.y}px`,
            width: `${node.size}px`,
            height: `${node.size}px`,
          });
        }),
      );
    },

    /**
     * Write each unit's label, state marks and selection where they changed. `model`: the
     * diagram's (states, trainLayers, points, selected).
     */
    update(model) {
      model.states.forEach((states, layer) =>
        states.forEach((state, unit) => {
          const button = buttons[layer][unit];
          const last = shown[layer][unit];
          const share = model.trainLayers[layer]?.units[unit]?.activeShare ?? NaN;
          const label = unitLabel(layer, unit, state, share, model.points);
          if (label !== last.label) {
            button.setAttribute('aria-label', label);
            last.label = label;
          }
          if (state !== last.state) {
            button.setAttribute('data-state', state);
            button.setAttribute('data-dead', String(state === 'dead'));
            button.setAttribute('data-nearly-dead', String(state.startsWith('nearly')));
            button.lastChild.textContent = BADGES[state] ?? '';
            last.state = state;
          }
          const selected = model.selected?.layer === layer && model.selected?.unit === unit;
          if (selected !== last.selected) {
            button.classList.toggle('is-selected', selected);
            if (selected) button.setAttribute('aria-current', 'true');
            else button.removeAttribute('aria-current');
            last.selected = selected;
          }
        }),
      );
    },
  };
}

/**
 * The stage's accessible name: the architecture and how many units are dead, nearly dead or
 * inactive on the points the statistics count. `hidden`: the hidden layers' layout entries.
 */
export function stageLabel(model, hidden) {
  const units = model.states.flat();
  const count = (state) => units.filter((s) => s === state).length;
  const widths = hidden.map((layer) => layer.fanOut);
  const names = [...new Set(hidden.map((layer) => activationName(layer.activation)))];
  const shape = widths.length ? `${widths.join(' → ')} ${names.join('/')} units` : 'no hidden layer';
  const flags = [
    `${count('dead')} of ${units.length} hidden units dead`,
    count('nearly-dead') ? `${count('nearly-dead')} nearly dead` : '',
    count('inactive') ? `${count('inactive')} inactive` : '',
  ].filter(Boolean);
  return (
    `Network diagram: ${model.layout[0]?.fanIn ?? 2} inputs → ${shape} → 1 output. ` +
    `On the ${model.points}: ${flags.join(', ')}.`
  );
}

/** Write the stage's label (see stageLabel). */
export function labelStage(stage, model, hidden) {
  setAttribute(stage, 'aria-label', stageLabel(model, hidden));
}
