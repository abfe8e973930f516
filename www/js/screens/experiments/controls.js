// An experiment's parameter controls, built from its parameter definitions
// (experiments/params.js), and read back as raw values for normalizeParams.
import { paramText } from '../../experiments/params.js';

const escapeHtml = (text) => String(text).replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);

/** Hint under a list field. */
const LIST_HINT = 'comma-separated';

function fieldHtml(definition, id) {
  const help = definition.help ? `<span class="exp-field__help" id="${id}-help">${escapeHtml(definition.help)}</span>` : '';
  const described = definition.help ? ` aria-describedby="${id}-help"` : '';
  const range = definition.min !== undefined ? `${definition.min} to ${definition.max}` : '';
  switch (definition.kind) {
    case 'integer':
    case 'number':
      return `<div class="exp-field" data-control="${definition.id}"><label for="${id}">${escapeHtml(definition.label)}</label>
        <input id="${id}" name="${definition.id}" type="number" inputmode="decimal" min="${definition.min}" max="${definition.max}" step="${definition.kind === 'integer' ? 1 : 'any'}" title="${range}"${described}>${help}</div>`;
    case 'integers':
    case 'numbers':
      return `<div class="exp-field" data-control="${definition.id}"><label for="${id}">${escapeHtml(definition.label)}</label>
        <input id="${id}" name="${definition.id}" type="text" inputmode="decimal" spellcheck="false" autocomplete="off" aria-describedby="${id}-hint${definition.help ? ` ${id}-help` : ''}">
        <span class="exp-field__help" id="${id}-hint">${LIST_HINT}, each ${range}</span>${help}</div>`;
    case 'choice':
      return `<div class="exp-field" data-control="${definition.id}"><label for="${id}">${escapeHtml(definition.label)}</label>
        <select id="${id}" name="${definition.id}"${described}>${definition.options.map((o) => `<option value="${escapeHtml(o.value)}">${escapeHtml(o.label)}</option>`).join('')}</select>${help}</div>`;
    case 'choices':
      return `<fieldset class="exp-field exp-field--choices" data-control="${definition.id}"><legend>${escapeHtml(definition.label)}</legend>
        ${definition.options.map((o, i) => `<label class="exp-check"><input type="checkbox" name="${definition.id}" value="${escapeHtml(o.value)}" id="${id}-${i}"> ${escapeHtml(o.label)}</label>`).join('')}${help}</fieldset>`;
    default:
      return '';
  }
}

/** The controls' markup for `definitions`; ids start with `prefix`. */
export function controlsHtml(definitions, prefix) {
  return definitions.map((definition) => fieldHtml(definition, `${prefix}-${definition.id}`)).join('');
}

/** Show `params` in the form's controls. @param {HTMLFormElement} form */
export function writeControls(form, definitions, params) {
  for (const definition of definitions) {
    const value = params[definition.id];
    if (definition.kind === 'choices') {
      for (const box of form.querySelectorAll(`input[name="${definition.id}"]`)) {
        /** @type {HTMLInputElement} */ (box).checked = value.map(String).includes(/** @type {HTMLInputElement} */ (box).value);
      }
      continue;
    }
    const control = /** @type {HTMLInputElement | HTMLSelectElement | null} */ (form.elements.namedItem(definition.id));
    if (control && control.value !== paramText(value)) control.value = paramText(value);
  }
}

/** The raw values of the form's controls, by parameter id (normalizeParams checks them). */
export function readControls(form, definitions) {
  const raw = {};
  for (const definition of definitions) {
    if (definition.kind === 'choices') {
      raw[definition.id] = [...form.querySelectorAll(`input[name="${definition.id}"]:checked`)].map((box) => /** @type {HTMLInputElement} */ (box).value);
      continue;
    }
    const control = /** @type {HTMLInputElement | HTMLSelectElement | null} */ (form.elements.namedItem(definition.id));
    if (control) raw[definition.id] = control.value;
  }
  return raw;
}
