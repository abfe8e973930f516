// The Network screen's three views (the diagram, the meters, the inspector), built one per
// frame at start-up (not while mounting, so that mounting and the first evaluation do not make
// one long task). A view that fails to build leaves a line of text, not a broken screen.
import { createDiagram } from './views/diagram.js';
import { createInspector } from './views/inspector.js';
import { createMeters } from './views/meters.js';

/**
 * The views of `screen` (screen.js's context) in `slots`; `id(name)` makes element ids.
 * Returns { build(name), redraw(), destroy() }; built views are in screen.views.
 */
export function createViews(screen, slots, id) {
  const factories = {
    diagram: () => createDiagram(slots.diagram, {
      idPrefix: id('diagram'),
      onSelectUnit: (unit) => screen.selection.select(unit),
    }),
    meters: () => createMeters(slots.meters, { idPrefix: id('meters') }),
    inspector: () => createInspector(slots.inspector, {
      idPrefix: id('inspector'),
      onStep: (step) => screen.inspection.showStep(step),
      onClose: () => screen.inspection.stop(true),
    }),
  };
  const views = screen.views;
  return {
    /** Build one of the views (see the start-up steps). */
    build(name) {
      if (views[name] || screen.destroyed) return;
      try {
        slots[name].replaceChildren();
        views[name] = factories[name]();
      } catch (error) {
        views[name] = { update() {}, destroy() {} };
        slots[name].innerHTML = '<p class="hint">This part of the screen could not load.</p>';
        reportError(error);
      }
    },
    redraw() {
      for (const view of Object.values(views)) view.redraw?.();
    },
    destroy() {
      for (const view of Object.values(views)) view.destroy();
    },
  };
}
