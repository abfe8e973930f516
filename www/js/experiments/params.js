// An experiment's parameters: each has a kind, a default, a quick value (for a run of a few
// seconds) and its allowed range. Values from a link, an attribute or a form are checked here:
// out-of-range numbers are clamped, malformed values fall back to the default and are listed
// as problems. Pure functions; no DOM, no wasm.
//
// A parameter definition:
//   { id, label, kind, default, quick?, min?, max?, step?, maxItems?, options?, help? }
//   kind: 'integer' | 'number' (min, max) · 'integers' | 'numbers' (a list, min, max, maxItems;
//         repeated values are dropped unless `repeats`, as in a list of layer widths)
//         'choice' (options: [{ value, label }]) · 'choices' (several of the options, ≥ 1)

/** @typedef {{ value: string | number, label: string }} ParamOption */
/**
 * @typedef {{ id: string, label: string, kind: string,
 *   default: any, quick?: any, min?: number, max?: number,
 *   maxItems?: number, repeats?: boolean, options?: readonly ParamOption[], help?: string }} ParamDefinition
 */

const clamp = (value, min, max) => Math.min(max, Math.max(min, value));

/** A number from a number or numeric text, else undefined. */
function toNumber(value) {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value === 'string' && value.trim() !== '') {
    const number = Number(value.trim().replace('\u2212', '-'));
    return Number.isFinite(number) ? number : undefined;
  }
  return undefined;
}

/** One number of a definition, clamped (and rounded for integers); undefined if malformed. */
function cleanNumber(definition, value, integer) {
  const number = toNumber(value);
  if (number === undefined) return undefined;
  const rounded = integer ? Math.round(number) : number;
  return clamp(rounded, definition.min ?? -Infinity, definition.max ?? Infinity);
}

/** The items of a list given as an array or as comma-separated text. */
function listItems(value) {
  if (Array.isArray(value)) return value;
  if (typeof value === 'string') return value.split(/[\s,;]+/).filter(Boolean);
  if (typeof value === 'number') return [value];
  return undefined;
}

const optionValue = (definition, value) =>
  definition.options.find((option) => String(option.value) === String(value))?.value;

/**
 * The clean value of `value` for `definition`, or undefined when it cannot be used.
 * @param {ParamDefinition} definition
 */
export function cleanParam(definition, value) {
  switch (definition.kind) {
    case 'integer':
    case 'number':
      return cleanNumber(definition, value, definition.kind === 'integer');
    case 'integers':
    case 'numbers': {
      const items = listItems(value);
      if (!items) return undefined;
      const numbers = [];
      for (const item of items) {
        const number = cleanNumber(definition, item, definition.kind === 'integers');
        if (number === undefined) return undefined;
        if (definition.repeats || !numbers.includes(number)) numbers.push(number);
      }
      if (numbers.length === 0 || numbers.length > (definition.maxItems ?? 12)) return undefined;
      return numbers;
    }
    case 'choice':
      return optionValue(definition, value);
    case 'choices': {
      const items = listItems(value);
      if (!items) return undefined;
      const values = [];
      for (const item of items) {
        const known = optionValue(definition, item);
        if (known === undefined) return undefined;
        if (!values.includes(known)) values.push(known);
      }
      return values.length > 0 ? values : undefined;
    }
    default:
      return undefined;
  }
}

/** A copy of a value (lists are copied). */
const copy = (value) => (Array.isArray(value) ? [...value] : value);

/**
 * Every parameter of `definitions`: `given[id]` where it is valid, else `base[id]`, else the
 * default. Returns `{ params, problems }` (ids whose given value was malformed).
 * @param {readonly ParamDefinition[]} definitions
 * @param {Record<string, any>} [given]
 * @param {Record<string, any>} [base]
 */
export function normalizeParams(definitions, given = {}, base = {}) {
  const params = {};
  const problems = [];
  for (const definition of definitions) {
    const fallback = cleanParam(definition, base[definition.id]) ?? copy(definition.default);
    if (given[definition.id] === undefined || given[definition.id] === null) {
      params[definition.id] = fallback;
      continue;
    }
    const clean = cleanParam(definition, given[definition.id]);
    if (clean === undefined) problems.push(definition.id);
    params[definition.id] = clean ?? fallback;
  }
  return { params, problems };
}

/** The defaults of `definitions`. @param {readonly ParamDefinition[]} definitions */
export function defaultParams(definitions) {
  return normalizeParams(definitions).params;
}

/** The quick setting: each parameter's `quick` value where it has one, else its default. */
export function quickParams(definitions) {
  const given = {};
  for (const definition of definitions) if (definition.quick !== undefined) given[definition.id] = definition.quick;
  return normalizeParams(definitions, given).params;
}

/** A value as text for a link or a form field: lists comma-separated. */
export function paramText(value) {
  return Array.isArray(value) ? value.join(',') : String(value);
}

/**
 * `[id, text]` for every parameter that differs from its default (a short link).
 * @param {readonly ParamDefinition[]} definitions
 * @param {Record<string, any>} params
 */
export function changedParamEntries(definitions, params) {
  const entries = [];
  for (const definition of definitions) {
    const text = paramText(params[definition.id]);
    if (text !== paramText(definition.default)) entries.push([definition.id, text]);
  }
  return entries;
}
