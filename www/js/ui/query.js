// Reading a page's query string: lists, hide/lock keys and numbers. Pure functions of a
// URLSearchParams.

/** The comma-separated list in query key `key` (empty when absent). */
export function queryList(query, key) {
  return (query.get(key) ?? '').split(',').map((s) => s.trim()).filter(Boolean);
}

/** `{ hidden, disabled }` control keys from `?hide=…&lock=…`, or undefined when neither is given. */
export function controlsFromQuery(query) {
  if (!query.has('hide') && !query.has('lock')) return undefined;
  return { hidden: queryList(query, 'hide'), disabled: queryList(query, 'lock') };
}

/** Copy the finite numbers among `keys` from the query into `options`. */
export function numbersFromQuery(query, keys, options) {
  for (const key of keys) {
    const value = Number(query.get(key));
    if (query.has(key) && query.get(key) !== '' && Number.isFinite(value)) options[key] = value;
  }
  return options;
}
