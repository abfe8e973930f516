// The Function screen's formulas section: each plotted function and its derivative as MathML
// (../formulas.js), with the current parameters in the notes.
import { activationName } from '../../../text/names.js';
import { swatchSvg } from '../catalog.js';
import { formulasFor } from '../formulas.js';
import { activationOptions } from '../state.js';

/** Fill `host` with the formulas of the state's functions. */
export function showFormulas(host, state) {
  const options = activationOptions(state);
  host.innerHTML = state.functions.length
    ? state.functions
        .map((name) => {
          const { value, derivative, note } = formulasFor(name, options);
          return `<div class="fn-formula"><h3>${swatchSvg(name)}${activationName(name)}</h3>${value}${derivative}${
            note ? `<p class="hint">${note}</p>` : ''
          }</div>`;
        })
        .join('')
    : '<p class="hint">Tick a function above to see its formula.</p>';
}
