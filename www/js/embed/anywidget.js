// relu-lab/anywidget: ReLU Lab in a notebook (JupyterLab, Notebook 7, VS Code, Colab, marimo)
// and in MyST-MD / Jupyter Book 2's {anywidget} directive, as an anywidget front-end module:
// `export default { render({ model, el }) }`, returning its cleanup.
//
// anywidget imports this module from a string (a blob: URL), where relative imports and
// import.meta.url resolve to nothing, so the file it is given is dist/anywidget.js: this module
// bundled by .ci/dist.mjs with the element, its screens, its CSS and the wasm inlined.
//
// It mounts one <relu-lab> and drives it through the element's public API only.
//   traits (model → element)  screen, preset, hide, lock, theme, height: its attributes (hide
//                             and lock a comma-separated string or a list); state: a partial
//                             state, given to setState (as in the element's setState)
//   trait (element → model)   state: the screen's full state, each time it changes (the
//                             learner's changes, a new screen, the answer to a partial state)
//   messages to Python        { type: 'ready', screen, problems }, { type: 'state', state },
//                             { type: 'error', message }, { type: 'milestone', name, figures }
//                             (the element's events), and { type: 'set-state', ignored } after
//                             each state from Python: what it did not take, [{ key, reason }]
//                             (ignored.js; empty when it took everything)
//   messages from Python      { type: 'play' | 'pause' | 'get-state' }
// A host without a kernel (MyST-MD's static model, whose send, save_changes and off throw)
// gets the same widget: what it cannot carry is skipped.
import { readConfig } from './config.js';
import { defineReluLab } from './element.js';
import { REASONS } from './ignored.js';

/** Traits that are the element's attributes of the same name. */
export const ATTRIBUTE_TRAITS = Object.freeze(['screen', 'preset', 'hide', 'lock', 'theme', 'height']);
/** Config fields whose change mounts the screen anew (as element.js decides). */
const REMOUNT_FIELDS = ['screen', 'preset', 'hide', 'lock'];
/** The element's events and the message type each is forwarded as. */
const EVENTS = Object.freeze({
  'relu-lab-ready': 'ready',
  'relu-lab-state': 'state',
  'relu-lab-error': 'error',
  'relu-lab-milestone': 'milestone',
});

/**
 * @typedef {object} AnyModel  The part of anywidget's model this module uses.
 * @property {(name: string) => any} get
 * @property {(name: string, value: any) => void} set
 * @property {() => void} [save_changes]
 * @property {(name: string, callback: (...args: any[]) => void) => void} on
 * @property {(name: string, callback: (...args: any[]) => void) => void} [off]
 * @property {(content: object) => void} [send]
 */

/** A trait's value as an attribute value; null removes the attribute. */
export function attributeValue(value) {
  if (Array.isArray(value)) return value.length > 0 ? value.map(String).join(',') : null;
  if (value === null || value === undefined || value === '') return null;
  return String(value);
}

/** Run `action`, ignoring the error of a host model that does not implement it. */
function quietly(action) {
  try {
    action();
  } catch {
    // not carried by this host
  }
}

/** Whether `state` is a non-empty plain object (an empty one asks for nothing). */
function hasFields(state) {
  return state !== null && typeof state === 'object' && !Array.isArray(state) && Object.keys(state).length > 0;
}

/** @param {{ model: AnyModel, el: HTMLElement }} context */
function render({ model, el }) {
  defineReluLab();
  const lab = /** @type {import('./element.js').ReluLabElement} */ (document.createElement('relu-lab'));
  for (const trait of ATTRIBUTE_TRAITS) {
    const value = attributeValue(model.get(trait));
    if (value !== null) lab.setAttribute(trait, value);
  }
  /** A screen is being mounted: a state from Python waits for it (it belongs to the new screen). */
  let mounting = true;
  let pending = hasFields(model.get('state')) ? model.get('state') : null;
  /** JSON of the state last written to the model by this view. */
  let written = '';
  const send = (content) => quietly(() => model.send?.(content));

  const writeState = (state, force = false) => {
    const text = JSON.stringify(state);
    if (state === null || (text === written && !force)) return;
    written = text;
    model.set('state', state);
    quietly(() => model.save_changes?.());
  };
  const applyState = (state) => {
    const ignored = lab.setState(state);
    send({ type: 'set-state', ignored: ignored ?? [{ key: '', reason: REASONS.noSettings }] });
    // The model then holds the full state, even when the partial one changed nothing.
    writeState(lab.getState(), true);
  };

  const listeners = [];
  const listen = (name, callback) => {
    model.on(name, callback);
    listeners.push([name, callback]);
  };

  for (const [event, type] of Object.entries(EVENTS)) {
    lab.addEventListener(event, (/** @type {CustomEvent} */ { detail }) => {
      if (type === 'ready') {
        mounting = false;
        const state = pending;
        pending = null;
        if (state) applyState(state);
        else writeState(lab.getState());
      } else if (type === 'state') {
        writeState(detail.state);
      } else if (type === 'error') {
        mounting = false;
        pending = null;
      }
      send({ ...detail, type });
    });
  }

  for (const trait of ATTRIBUTE_TRAITS) {
    listen(`change:${trait}`, () => {
      const value = attributeValue(model.get(trait));
      if (value === lab.getAttribute(trait)) return;
      const before = readConfig((name) => lab.getAttribute(name));
      if (value === null) lab.removeAttribute(trait);
      else lab.setAttribute(trait, value);
      const after = readConfig((name) => lab.getAttribute(name));
      if (REMOUNT_FIELDS.some((field) => JSON.stringify(before[field]) !== JSON.stringify(after[field]))) {
        mounting = true;
      }
    });
  }
  listen('change:state', () => {
    const state = model.get('state');
    if (JSON.stringify(state) === written || !hasFields(state)) return;
    if (mounting) pending = state;
    else applyState(state);
  });
  listen('msg:custom', (message) => {
    if (message?.type === 'play') lab.play();
    else if (message?.type === 'pause') lab.pause();
    else if (message?.type === 'get-state') send({ type: 'state', state: lab.getState() });
  });

  el.append(lab);
  return () => {
    for (const [name, callback] of listeners) quietly(() => model.off?.(name, callback));
    lab.remove();
  };
}

export default { render };
