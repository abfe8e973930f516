// <relu-lab>: one ReLU Lab screen in any page.
//
//   <script type="module" src=".../relu-lab.js"></script>
//   <relu-lab screen="network" preset="kill" hide="optimizer,batch" height="520"></relu-lab>
//
// Attributes are read by config.js (screen, preset, hide, lock, theme, height, width,
// remember, autoplay and the screen's settings); changing one later updates the instance,
// keeping the learner's settings where the screen can give them (getState/setState).
//
// Each element keeps its screen in its own shadow root, so the host page's CSS cannot reach in,
// and its own frame loop (gated-loop.js), held while the element is off screen or its tab is
// hidden. All elements share one wasm module (core.js). Nothing is stored and no cookie is set;
// with `remember` the settings are kept in localStorage. The element adds no landmark: it sits
// inside the host page's own <main> or <article>.
//
// Every screen takes hide and lock (its own control keys), gives its settings as a plain object
// (getState/setState: the network screen's full state; the function and neuron screens' flat
// { functions, range, … } and { w1, w2, b, … }) and repaints itself for a new theme (redraw).
//
// Script API: ready (a promise), getState(), setState(partial), play(), pause() (network and
// neuron screens), frames (frames drawn so far), suspended. Events (on the element):
// relu-lab-ready { screen, problems }, relu-lab-state { state }, relu-lab-error { message }.
import { ATTRIBUTE_KEYS, changedSettings, readConfig } from './config.js';
import { coreReady } from '../core/load.js';
import { createGatedLoop } from './gated-loop.js';
import { SCREEN_ADAPTERS } from './screens.js';
import { readStored, storageKey, writeStored } from './storage.js';
import { applyStyles } from './styles.js';
import { explainIgnored } from './ignored.js';
import { hostScheme, watchHostScheme } from './host.js';
import { createLayout } from './layout.js';
import { adaptSheets } from './theme.js';

const BASE_STYLES = ['css/tokens.css', 'css/lab.css'];
const EMBED_STYLES = ['css/embed.css'];
const FRAME_CLASS = 'relu-lab';
/** Quiet time after the learner's last input before a state change is announced (ms). */
const STATE_SETTLE_MS = 200;

export class ReluLabElement extends HTMLElement {
  static get observedAttributes() {
    return ATTRIBUTE_KEYS.map((key) => key.toLowerCase());
  }

  #root;
  #frame;
  #content;
  #config = null;
  /** { screen, adapter, modules, instance, loop, holder } while a screen is mounted. */
  #mounted = null;
  /** { key, remove() } of the style sheets in the shadow root. */
  #styles = null;
  #themer = null;
  #queue = Promise.resolve();
  #scheduled = false;
  #inView = true;
  #observer = null;
  #lastState = '';
  #stateTimer = 0;
  #resolveReady;
  #connected = false;
  /** Watches the host page for a change of its colour scheme while the theme is auto. */
  #hostWatch = null;
  /** The theme last applied: the attribute's, with auto resolved against the host's scheme. */
  #shownTheme = null;
  /** The compact layout (layout.js). */
  #layout;

  constructor() {
    super();
    this.ready = new Promise((resolve) => {
      this.#resolveReady = resolve;
    });
    this.#root = this.attachShadow({ mode: 'open' });
    this.#frame = document.createElement('div');
    this.#frame.className = FRAME_CLASS;
    this.#frame.part = 'frame';
    this.#content = document.createElement('div');
    this.#content.className = 'relu-lab__content';
    this.#frame.append(this.#content);
    this.#root.append(this.#frame);
    this.#layout = createLayout(this.#frame, this.#content);
  }

  connectedCallback() {
    this.#connected = true;
    if (!this.#observer && 'IntersectionObserver' in window) {
      this.#observer = new IntersectionObserver((entries) => {
        this.#inView = entries[entries.length - 1].isIntersecting;
        this.#updateSuspension();
      });
      this.#observer.observe(this);
    }
    document.addEventListener('visibilitychange', this.#onVisibility);
    window.addEventListener('pagehide', this.#onPageHide);
    for (const type of ['click', 'change', 'input', 'keyup']) {
      this.#root.addEventListener(type, this.#onInteraction);
    }
    this.#hostWatch ??= watchHostScheme(this.#onHostScheme);
    this.#schedule();
  }

  disconnectedCallback() {
    this.#connected = false;
    this.#observer?.disconnect();
    this.#observer = null;
    document.removeEventListener('visibilitychange', this.#onVisibility);
    window.removeEventListener('pagehide', this.#onPageHide);
    for (const type of ['click', 'change', 'input', 'keyup']) {
      this.#root.removeEventListener(type, this.#onInteraction);
    }
    this.#hostWatch?.stop();
    this.#hostWatch = null;
    // Unmount after the current task: an element merely moved in the DOM keeps its screen.
    this.#schedule();
  }

  attributeChangedCallback(_name, before, after) {
    if (before !== after && this.#connected) this.#schedule();
  }

  // ---- script API --------------------------------------------------------------------------

  /** The screen's settings (network: its full state; function, neuron: a flat object), or null before it is mounted. */
  getState() {
    return this.#mounted?.instance.getState?.() ?? null;
  }

  /**
   * Change the screen's settings. Returns what was not taken and why, `[{ key, reason }]`
   * (ignored.js; empty when everything was), or null before the screen is mounted.
   */
  setState(partial) {
    const instance = this.#mounted?.instance;
    if (!instance?.setState) return null;
    const before = this.getState();
    if (partial === null || typeof partial !== 'object' || Array.isArray(partial)) return explainIgnored(partial, before);
    const problems = instance.setState(partial) ?? [];
    this.#checkState();
    return explainIgnored(partial, before, problems);
  }

  play() {
    this.#mounted?.instance.play?.();
  }

  pause() {
    this.#mounted?.instance.pause?.();
  }

  /** Animation frames this element's screen has drawn (they stop while it is held). */
  get frames() {
    return this.#mounted?.loop.frames ?? 0;
  }

  /** Whether the screen's animation is held (off screen or hidden tab). */
  get suspended() {
    return this.#mounted?.loop.suspended ?? false;
  }

  // ---- updating ----------------------------------------------------------------------------

  /** Coalesce attribute changes and (dis)connection into one update, run in order. */
  #schedule() {
    if (this.#scheduled) return;
    this.#scheduled = true;
    queueMicrotask(() => {
      this.#scheduled = false;
      this.#queue = this.#queue.then(() => this.#update()).catch((error) => this.#fail(error));
    });
  }

  async #update() {
    if (!this.#connected) {
      this.#remember();
      this.#unmount();
      this.#config = null;
      return;
    }
    const before = this.#config;
    const config = readConfig((name) => this.getAttribute(name));
    this.#config = config;
    if (!before) warnOldHidden(this.getAttribute('hidden'));
    this.#frame.style.height = config.height ?? '';
    this.#frame.style.width = config.width ?? '';
    this.#frame.toggleAttribute('data-scroll', config.height !== null);
    this.#frame.dataset.screen = config.screen;
    this.#layout.apply(config);

    const mounted = this.#mounted;
    if (mounted && before && mounted.screen === config.screen) {
      const changed = changedSettings(before, config);
      const same = (key) => JSON.stringify(before[key]) === JSON.stringify(config[key]);
      const structural = ['preset', 'hide', 'lock', 'autoplay', 'remember'].filter((key) => !same(key));
      if (structural.length === 0 && changed.length === 0) {
        if (!same('theme')) this.#applyTheme(config.theme, true);
        return;
      }
      // Settings only, on a screen that takes them live: no remount, the run goes on.
      if (structural.length === 0 && mounted.adapter.update) {
        const problems = mounted.adapter.update(mounted, config, changed) ?? [];
        if (problems.length > 0) console.warn(`<relu-lab>: ignored attribute values: ${problems.join(', ')}`);
        if (!same('theme')) this.#applyTheme(config.theme, true);
        this.#checkState();
        return;
      }
      const kept = mounted.instance.getState?.() ?? null;
      this.#unmount();
      await this.#mount(config, { kept, changed, presetChanged: !same('preset') });
      return;
    }
    this.#unmount();
    let kept = null;
    if (config.remember) kept = readStored(this.#storageKey(config));
    await this.#mount(config, { kept, changed: [], presetChanged: false });
  }

  async #mount(config, carry) {
    const adapter = SCREEN_ADAPTERS[config.screen];
    if (!this.#mounted) this.#showMessage('loading', 'Loading ReLU Lab…');
    const files = [...BASE_STYLES, ...adapter.styles, ...EMBED_STYLES];
    const [modules] = await Promise.all([adapter.load(), coreReady(), this.#loadStyles(files)]);
    if (this.#config !== config || !this.#connected) return; // superseded while loading
    this.#applyTheme(config.theme, false);

    const loop = createGatedLoop();
    const holder = document.createElement('div');
    holder.className = 'relu-lab__screen';
    this.#content.replaceChildren(holder);
    // Ids only need to be unique inside this shadow root.
    const idPrefix = `relu-lab-${config.screen}`;
    let mounted;
    try {
      mounted = adapter.mount(modules, holder, config, { loop, idPrefix, onStateChange: this.#onScreenState, onMilestone: this.#onMilestone, ...carry });
    } catch (error) {
      loop.destroy();
      throw error;
    }
    this.#mounted = { screen: config.screen, adapter, modules, instance: mounted.instance, loop, holder };
    this.#updateSuspension();
    if (mounted.problems.length > 0) {
      console.warn(`<relu-lab>: ignored ${mounted.problems.join('; ')}`);
    }
    if (config.problems.length > 0) {
      console.warn(`<relu-lab>: ignored attribute values: ${config.problems.join(', ')}`);
    }
    this.#lastState = JSON.stringify(this.getState());
    this.#resolveReady(this);
    this.dispatchEvent(
      new CustomEvent('relu-lab-ready', {
        detail: { screen: config.screen, problems: [...config.problems, ...mounted.problems] },
      }),
    );
  }

  #unmount() {
    const mounted = this.#mounted;
    if (!mounted) return;
    this.#mounted = null;
    clearTimeout(this.#stateTimer);
    mounted.instance.destroy();
    mounted.loop.destroy();
    mounted.holder.remove();
  }

  /**
   * Give the shadow root the style sheets `files` (in cascade order) unless it has them, and
   * adapt them for themes. The previous set is removed once the new one has loaded.
   */
  async #loadStyles(files) {
    const key = files.join('|');
    if (this.#styles?.key === key) return;
    const previous = this.#styles;
    const applied = await applyStyles(this.#root, files);
    previous?.remove();
    this.#styles = { key, remove: applied.remove };
    this.#themer = adaptSheets(applied.sheets, `.${FRAME_CLASS}`);
  }

  /** Point the adapted sheets at `theme`; redraw the screen's canvases if it was mounted. */
  #applyTheme(configured, redraw) {
    // auto follows the host page's own scheme when it declares one (a site's dark switch), else
    // the reader's system.
    const theme = configured === 'auto' ? (hostScheme(this) ?? 'auto') : configured;
    this.#shownTheme = theme;
    this.#frame.dataset.theme = theme;
    this.#frame.style.colorScheme = { auto: 'light dark', light: 'light', dark: 'dark', contrast: 'light' }[theme];
    this.#themer?.setTheme(theme);
    if (redraw && this.#mounted) {
      // Canvases read their colours from CSS when they draw; a screen that can redraw does,
      // any other one is mounted again with its settings.
      const { instance } = this.#mounted;
      if (instance.redraw) instance.redraw();
      else {
        const kept = instance.getState?.() ?? null;
        const config = this.#config;
        this.#unmount();
        this.#queue = this.#queue
          .then(() => this.#mount(config, { kept, changed: [], presetChanged: false }))
          .catch((error) => this.#fail(error));
      }
    }
  }

  /** The host page's scheme may have changed: repaint if what auto resolves to did. */
  #onHostScheme = () => {
    const config = this.#config;
    if (!config || config.theme !== 'auto' || !this.#mounted) return;
    if ((hostScheme(this) ?? 'auto') !== this.#shownTheme) this.#applyTheme('auto', true);
  };

  /** A screen reached a milestone (milestones.js). */
  #onMilestone = (name, figures) => {
    this.dispatchEvent(new CustomEvent('relu-lab-milestone', { detail: { name, figures } }));
  };

  // ---- holding the animation ---------------------------------------------------------------

  #onVisibility = () => {
    this.#updateSuspension();
    if (document.visibilityState === 'hidden') this.#remember();
  };

  #onPageHide = () => {
    this.#remember();
  };

  #updateSuspension() {
    const loop = this.#mounted?.loop;
    if (!loop) return;
    const hold = !this.#inView || document.visibilityState === 'hidden';
    if (hold && !loop.suspended) loop.suspend();
    else if (!hold && loop.suspended) loop.resume();
  }

  // ---- state changes -----------------------------------------------------------------------

  /** A screen that reports the learner's changes itself (debounced) calls this. */
  #onScreenState = () => {
    clearTimeout(this.#stateTimer);
    this.#checkState();
  };

  #onInteraction = () => {
    clearTimeout(this.#stateTimer);
    this.#stateTimer = setTimeout(() => this.#checkState(), STATE_SETTLE_MS);
  };

  /** Announce relu-lab-state when the screen's settings differ from the last announced. */
  #checkState() {
    const state = this.getState();
    if (state === null) return;
    const text = JSON.stringify(state);
    if (text === this.#lastState) return;
    this.#lastState = text;
    this.#remember();
    this.dispatchEvent(new CustomEvent('relu-lab-state', { detail: { state } }));
  }

  #storageKey(config) {
    return storageKey(`${config.screen}:${config.remember}`, location.pathname);
  }

  #remember() {
    const config = this.#config;
    if (!config?.remember) return;
    const state = this.getState();
    if (state !== null) writeStored(this.#storageKey(config), state);
  }

  // ---- messages ----------------------------------------------------------------------------

  #showMessage(kind, text) {
    const message = document.createElement('p');
    message.className = kind === 'error' ? 'notice' : 'loading';
    if (kind === 'error') message.setAttribute('role', 'alert');
    message.textContent = text;
    this.#content.replaceChildren(message);
  }

  #fail(error) {
    this.#unmount();
    const message =
      `ReLU Lab could not start: ${error?.message ?? error}. ` +
      'It needs a browser with WebAssembly and JavaScript modules (any current browser).';
    this.#showMessage('error', message);
    this.dispatchEvent(new CustomEvent('relu-lab-error', { detail: { message } }));
    console.error(error);
  }
}

/**
 * `hidden` was once an attribute for the network's hidden layers (`hidden="8,8"`). It is HTML's
 * own attribute, which hides the element, so it is not read as a setting; a page still using
 * it that way is told the new name in the console.
 */
function warnOldHidden(value) {
  if (value !== null && value.length <= 100 && /^\s*\d+(\s*,\s*\d+)*\s*$/.test(value)) {
    console.warn(`<relu-lab>: hidden="${value}" hides the element (HTML's hidden attribute); for hidden layers write layers="${value.trim()}"`);
  }
}

/** Define <relu-lab> (once per page, whichever script gets there first). */
export function defineReluLab(name = 'relu-lab') {
  if (!customElements.get(name)) customElements.define(name, ReluLabElement);
  return customElements.get(name);
}
