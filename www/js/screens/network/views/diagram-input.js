// The network diagram's input: a unit is selected when it is focused, clicked, tapped or
// hovered by a mouse; inside the diagram the arrow keys, Home and End move between units
// (roving tabindex, diagram-units.js).

/** The next unit for a key pressed on unit { layer, unit }, or null for another key. */
function unitForKey(key, { layer, unit }, buttons) {
  const last = buttons.length - 1;
  switch (key) {
    case 'ArrowDown':
      unit += 1;
      break;
    case 'ArrowUp':
      unit -= 1;
      break;
    case 'ArrowRight':
      layer = Math.min(last, layer + 1);
      break;
    case 'ArrowLeft':
      layer = Math.max(0, layer - 1);
      break;
    case 'Home':
      unit = 0;
      break;
    case 'End':
      unit = buttons[layer].length - 1;
      break;
    default:
      return null;
  }
  return { layer, unit: Math.max(0, Math.min(buttons[layer].length - 1, unit)) };
}

/**
 * Listen on `stage` for the unit buttons of `units` (createUnitButtons); `select(layer, unit)`
 * is called for a unit the learner points at. Returns a stop function.
 */
export function listenToUnits(stage, units, select) {
  const unitOf = (target) => {
    const button = target.closest?.('.diagram-unit');
    return button ? { layer: Number(button.dataset.layer), unit: Number(button.dataset.unit) } : null;
  };
  const onFocusIn = (event) => {
    const hit = unitOf(event.target);
    if (!hit) return;
    units.setRoving(hit.layer, hit.unit);
    select(hit.layer, hit.unit);
  };
  const onClick = (event) => {
    const hit = unitOf(event.target);
    if (hit) select(hit.layer, hit.unit);
  };
  const onPointerOver = (event) => {
    if (event.pointerType !== 'mouse') return;
    const hit = unitOf(event.target);
    if (hit) select(hit.layer, hit.unit);
  };
  const onKeyDown = (event) => {
    const hit = unitOf(event.target);
    if (!hit || event.altKey || event.ctrlKey || event.metaKey) return;
    const next = unitForKey(event.key, hit, units.all);
    if (!next) return;
    event.preventDefault();
    units.setRoving(next.layer, next.unit);
    units.at(next.layer, next.unit).focus();
  };
  stage.addEventListener('focusin', onFocusIn);
  stage.addEventListener('click', onClick);
  stage.addEventListener('pointerover', onPointerOver);
  stage.addEventListener('keydown', onKeyDown);
  return () => {
    stage.removeEventListener('focusin', onFocusIn);
    stage.removeEventListener('click', onClick);
    stage.removeEventListener('pointerover', onPointerOver);
    stage.removeEventListener('keydown', onKeyDown);
  };
}
