// What a teacher can set on the Function and Neuron screens beyond their settings: controls
// hidden or locked by key (options.controls), and a debounced announcement of the learner's
// changes (options.onStateChange). Shared by both screens; no module-level state.
//
// Markup contract: an element with data-control="key" is one control group. Hidden, it gets the
// `hidden` attribute (the screens' CSS makes that display: none, whatever their other rules).
// Locked, it gets data-locked and a title, and every control inside it (button, input, select,
// textarea, role="slider") is disabled, aria-disabled="true", titled and described by the
// screen's visually hidden note. An element with data-control-text="key" (a hint about that
// control) is hidden with it and left alone when it is locked. An element with
// data-control-group is hidden when every data-control inside it is: a fieldset whose controls
// are all hidden leaves no empty frame.

/** The tooltip of a locked control. */
export const LOCK_TITLE = 'Fixed for this lesson';
/** What the visually hidden note says, for screen readers (title is not reliably read). */
export const LOCK_NOTE = 'Fixed for this lesson: the teacher has locked this control.';
/** Quiet time after the learner's last change before onStateChange is called (ms). */
export const STATE_SETTLE_MS = 250;

const CONTROLS = 'button, input, select, textarea, [role="slider"]';

/**
 * options.controls → { hidden, disabled } as Sets of the screen's group keys, and
 * blocked(key): hidden or locked (either way the learner cannot operate it).
 * `keys` maps every accepted key to the groups it stands for ({ options: ['parameters',
 * 'convention'], zoom: ['range'], … }). Lists may be arrays or comma-separated strings; keys
 * are case-insensitive; unknown keys and malformed lists are ignored silently. A group both
 * hidden and locked is hidden.
 */
export function resolveControls(controls, keys) {
  const read = (list) => {
    const items = typeof list === 'string' ? list.split(/[\s,]+/) : Array.isArray(list) ? list : [];
    const groups = new Set();
    for (const item of items) {
      const key = String(item).trim().toLowerCase();
      if (Object.hasOwn(keys, key)) for (const group of keys[key]) groups.add(group);
    }
    return groups;
  };
  const source = controls !== null && typeof controls === 'object' ? controls : {};
  const hidden = read(source.hidden);
  const disabled = read(source.disabled);
  for (const key of hidden) disabled.delete(key);
  return {
    hidden,
    disabled,
    any: hidden.size + disabled.size > 0,
    blocked: (key) => hidden.has(key) || disabled.has(key),
  };
}

/**
 * Hide and lock the groups of `root` as `locks` (resolveControls) says. `noteId`: the id of the
 * screen's visually hidden LOCK_NOTE, added to each locked control's aria-describedby.
 * Run once, after the screen's markup is in place.
 */
export function applyControlLocks(root, locks, noteId) {
  for (const group of root.querySelectorAll('[data-control]')) {
    const key = group.dataset.control;
    if (locks.hidden.has(key)) {
      group.hidden = true;
      continue;
    }
    if (!locks.disabled.has(key)) continue;
    group.dataset.locked = '';
    group.title = LOCK_TITLE;
    const controls = group.matches(CONTROLS) ? [group] : [];
    controls.push(...group.querySelectorAll(CONTROLS));
    for (const control of controls) lockControl(control, noteId);
  }
  for (const text of root.querySelectorAll('[data-control-text]')) {
    if (locks.hidden.has(text.dataset.controlText)) text.hidden = true;
  }
  for (const group of root.querySelectorAll('[data-control-group]')) {
    const parts = [...group.querySelectorAll('[data-control]')];
    // Again on every call: a screen may show or hide a control by state (say, a field that
    // applies to one activation only), and its group follows.
    if (parts.length > 0) group.hidden = parts.every((part) => part.hidden);
  }
}

function lockControl(control, noteId) {
  if ('disabled' in control) control.disabled = true;
  control.setAttribute('aria-disabled', 'true');
  control.title = LOCK_TITLE;
  if (noteId) {
    const ids = (control.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean);
    if (!ids.includes(noteId)) control.setAttribute('aria-describedby', [...ids, noteId].join(' '));
  }
}

/** Whether `target` (an event's) is inside a locked group: disabled, so reached only by script. */
export function inLockedGroup(target) {
  return target?.closest?.('[data-locked]') != null;
}

/** The note locked controls point to (empty string when nothing is locked). */
export function lockNoteHtml(locks, noteId) {
  return locks.disabled.size > 0 ? `<p class="visually-hidden" id="${noteId}">${LOCK_NOTE}</p>` : '';
}

/**
 * Call `callback(state)` once the learner's changes settle, when `getState()` differs from what
 * was last announced or set. notify(): after a change by the learner (as often as you like: a
 * drag calls it per pixel, the callback runs once). sync(): after a change from code (setState),
 * which is not announced. stop(): on destroy. Without a callback, every call does nothing.
 */
export function createStateNotifier(getState, callback, delay = STATE_SETTLE_MS) {
  const active = typeof callback === 'function';
  let timer = 0;
  let last = active ? JSON.stringify(getState()) : '';
  return {
    notify() {
      if (!active) return;
      clearTimeout(timer);
      timer = setTimeout(() => {
        const state = getState();
        const text = JSON.stringify(state);
        if (text === last) return;
        last = text;
        callback(state);
      }, delay);
    },
    sync() {
      if (active) last = JSON.stringify(getState());
    },
    stop() {
      clearTimeout(timer);
    },
  };
}

/** A plain object (not null, not an array)? */
export function isPlainObject(value) {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** A finite number from a number or a numeric string, else undefined. */
export function toNumber(value) {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value === 'string' && value.trim() !== '') {
    const number = Number(value);
    return Number.isFinite(number) ? number : undefined;
  }
  return undefined;
}
