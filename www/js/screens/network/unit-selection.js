// Which hidden unit the big map shows. A unit hovered or focused in the diagram shows while it
// has the pointer or focus; a unit tapped or clicked stays until "Show the output".
//
// "Show the output" (beside the big map) belongs to the selection: Tab from a unit reaches it
// with the unit still shown; leaving it for anything but the diagram ends a passing one.

/**
 * options: { root (the screen), diagramSlot, heatmapSlot, requestRender() }.
 * Returns { selected, select(unit), showOutput(), keepIn(hidden), stop() }.
 */
export function createUnitSelection({ root, diagramSlot, heatmapSlot, requestRender }) {
  /** @type {{ layer: number, unit: number } | null} */
  let selected = null;
  let sticky = false; // tapped or clicked: stays when the pointer or focus leaves

  const focused = () => /** @type {Document | ShadowRoot} */ (root.getRootNode()).activeElement;
  const isShowOutput = (node) => Boolean(node?.closest?.('[data-action="show-output"]'));
  const clear = () => {
    selected = null;
    requestRender();
  };

  const onPointerDown = (event) => {
    if (event.target.closest('.diagram-unit')) sticky = true;
  };
  const onDiagramLeave = (event) => {
    if (sticky || !selected) return;
    if (event.type === 'focusout' && (diagramSlot.contains(event.relatedTarget) || isShowOutput(event.relatedTarget))) return;
    if (event.type === 'pointerleave' && diagramSlot.contains(focused())) return;
    clear();
  };
  const onShowOutputLeave = (event) => {
    if (!isShowOutput(event.target) || sticky || !selected) return;
    if (diagramSlot.contains(event.relatedTarget)) return;
    clear();
  };
  diagramSlot.addEventListener('pointerdown', onPointerDown);
  diagramSlot.addEventListener('pointerleave', onDiagramLeave);
  diagramSlot.addEventListener('focusout', onDiagramLeave);
  heatmapSlot.addEventListener('focusout', onShowOutputLeave);

  return {
    get selected() {
      return selected;
    },
    /** The diagram selected `unit` ({ layer, unit }, 0-based). */
    select(unit) {
      selected = unit;
      requestRender();
    },
    /** "Show the output": back to the network's output. */
    showOutput() {
      sticky = false;
      clear();
    },
    /** A new network of hidden widths `hidden`: forget a unit it does not have. */
    keepIn(hidden) {
      if (selected && !(selected.layer < hidden.length && selected.unit < hidden[selected.layer])) selected = null;
    },
    stop() {
      diagramSlot.removeEventListener('pointerdown', onPointerDown);
      diagramSlot.removeEventListener('pointerleave', onDiagramLeave);
      diagramSlot.removeEventListener('focusout', onDiagramLeave);
      heatmapSlot.removeEventListener('focusout', onShowOutputLeave);
    },
  };
}
