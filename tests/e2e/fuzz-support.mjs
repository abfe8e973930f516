// Shared parts of the browser fuzzers (fuzz-url, fuzz-attributes, fuzz-iframe .spec.mjs): a
// seeded generator, hostile values, per-class counts, and the oracle's page checks (a canvas is
// drawn, the page still answers a button press).
//
// Every run is reproducible: the cases come from mulberry32 seeded with FUZZ_SEED (default
// DEFAULT_SEED) mixed with the test's name, and the seed is printed. Replay a failure with
//   FUZZ_SEED=<seed> E2E_PORT=… npx --no-install playwright test -c tests/e2e/playwright.config.mjs <spec>
// FUZZ_SEED=random draws a new seed (printed too); FUZZ_SCALE=4 runs four times as many cases.
import { expect } from '@playwright/test';

export const DEFAULT_SEED = 20250901;

/** mulberry32: a small, fast, fully specified 32-bit generator; returns floats in [0, 1). */
export function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** FNV-1a of a string, to give each test its own stream from one seed. */
function hashText(text) {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

const BASE_SEED = (() => {
  const given = process.env.FUZZ_SEED;
  if (given === 'random') return Math.floor(Math.random() * 2 ** 31);
  if (given !== undefined && given !== '' && Number.isSafeInteger(Number(given))) return Number(given);
  return DEFAULT_SEED;
})();

/** How many cases to run for a default of `count` (FUZZ_SCALE multiplies). */
export function cases(count) {
  const scale = Number(process.env.FUZZ_SCALE ?? 1);
  return Math.max(1, Math.round(count * (Number.isFinite(scale) && scale > 0 ? scale : 1)));
}

/**
 * A seeded fuzzer for the test `name`: random helpers and a tally of cases by class.
 * Prints the seed at once, so a failing run shows how to replay it.
 */
export function createFuzz(name) {
  const random = mulberry32(BASE_SEED ^ hashText(name));
  console.log(`[fuzz] ${name}: FUZZ_SEED=${BASE_SEED}`);
  const tally = new Map();
  const fuzz = {
    seed: BASE_SEED,
    random,
    /** A whole number in [0, n). */
    int: (n) => Math.floor(random() * n),
    /** True with probability p. */
    chance: (p) => random() < p,
    pick: (items) => items[Math.floor(random() * items.length)],
    /** Up to `k` distinct items of `items`, in random order. */
    some(items, k = items.length) {
      const copy = [...items];
      for (let i = copy.length - 1; i > 0; i -= 1) {
        const j = Math.floor(random() * (i + 1));
        [copy[i], copy[j]] = [copy[j], copy[i]];
      }
      return copy.slice(0, 1 + Math.floor(random() * Math.min(k, copy.length)));
    },
    /** Count one case of class `kind`. */
    count(kind, by = 1) {
      tally.set(kind, (tally.get(kind) ?? 0) + by);
    },
    /** "network-hash: 300 cases; malformed 120, valid 80, …" (printed by report()). */
    summary() {
      const entries = [...tally].sort((a, b) => b[1] - a[1]);
      return `${entries.map(([kind, n]) => `${kind} ${n}`).join(', ')}`;
    },
    report(extra = '') {
      console.log(`[fuzz] ${name} (FUZZ_SEED=${BASE_SEED}): ${fuzz.summary()}${extra ? `; ${extra}` : ''}`);
    },
  };
  return fuzz;
}

// ---- hostile values ---------------------------------------------------------------------------

/** Strings that break parsers, renderers and naive code: every kind once. */
export const HOSTILE_TEXT = Object.freeze([
  '', ' ', '   \t\n', ',', ',,,', '-', '.', 'e', '%', '%%', '%zz', '%E0%A4%A', '&', '=', '#', '?', '+',
  'NaN', 'Infinity', '-Infinity', 'undefined', 'null', 'true', 'false', '[]', '{}', '[object Object]',
  '__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf',
  '<script>alert(1)</script>', '"><img src=x onerror=alert(1)>', "'", '"', '`', '\\', '/', '../../',
  'javascript:alert(1)', 'data:text/html,<b>x</b>', '\u0000', '\u202e', '\ufeff', '\ud800', 'é', 'ℝ', '😀',
  '0x10', '0b1', '0o7', '1_000', '1,5', '1e', '--1', '+-1', '1..2', 'Ⅷ', '٣', '８',
  'a'.repeat(5000), '9'.repeat(400), '8,'.repeat(2000) + '8', '-'.repeat(300),
]);

/** Numbers as text: extremes, signs, exponents, and the edges of common ranges. */
export const HOSTILE_NUMBERS = Object.freeze([
  '0', '-0', '+0', '1', '-1', '0.5', '.5', '5.', '1e-5', '1e-6', '9.999e-6', '1e-300', '5e-324', '1e308', '1e309',
  '-1e309', '1.7976931348623157e308', '2e308', '9007199254740991', '9007199254740993', '-9007199254740991',
  '4294967296', '2147483648', '-2147483649', '0.1', '0.30000000000000004', '100', '101', '1000', '1e6',
  '16', '17', '8', '9', '10', '10.000001', '0.999', '1.5', '0.0000001', '-10', '-10.1', '3.14159',
]);

/** One hostile value: text, a number as text, or a list of them. */
export function hostileValue(fuzz) {
  const roll = fuzz.random();
  if (roll < 0.4) return fuzz.pick(HOSTILE_NUMBERS);
  if (roll < 0.8) return fuzz.pick(HOSTILE_TEXT);
  const parts = Array.from({ length: 1 + fuzz.int(12) }, () => fuzz.pick([...HOSTILE_NUMBERS, ...HOSTILE_TEXT.slice(0, 30)]));
  return parts.join(fuzz.pick([',', ', ', ' ', ',,']));
}

// ---- the oracle's page checks ----------------------------------------------------------------

/**
 * Whether the first canvas matching `selector` (searched in the document and every open shadow
 * root) has been drawn: it has a size and at least one pixel that is not transparent.
 * Returns 'drawn', 'blank', 'missing' or 'empty' (a zero-sized canvas, as in a zero-sized embed).
 */
export async function canvasState(page, selector) {
  return page.evaluate((sel) => {
    const find = (root) => {
      const found = root.querySelector(sel);
      if (found) return found;
      for (const element of root.querySelectorAll('*')) {
        if (element.shadowRoot) {
          const inner = find(element.shadowRoot);
          if (inner) return inner;
        }
      }
      return null;
    };
    const canvas = find(document);
    if (!canvas) return 'missing';
    if (canvas.width === 0 || canvas.height === 0) return 'empty';
    // Read through a copy made for reading: reading the page's own canvas again and again
    // makes Chromium warn ("Canvas2D: Multiple readback operations using getImageData…"), a
    // console warning that would be the probe's, not the page's.
    const copy = document.createElement('canvas');
    copy.width = canvas.width;
    copy.height = canvas.height;
    const context = copy.getContext('2d', { willReadFrequently: true });
    context.drawImage(canvas, 0, 0);
    const data = context.getImageData(0, 0, copy.width, copy.height).data;
    for (let i = 3; i < data.length; i += 4) if (data[i] !== 0) return 'drawn';
    return 'blank';
  }, selector);
}

/** Wait (up to `timeout` ms) until the canvas is drawn; returns its last state. */
export async function waitDrawn(page, selector, timeout = 4000) {
  const start = Date.now();
  let state = await canvasState(page, selector);
  while (state !== 'drawn' && Date.now() - start < timeout) {
    await page.waitForTimeout(50);
    state = await canvasState(page, selector);
  }
  return state;
}

/** The main canvas of each screen: the one a learner looks at first. */
export const MAIN_CANVAS = Object.freeze({
  network: '.nw-map__base',
  function: '.fn-canvas canvas',
  neuron: '.nu-canvas canvas',
});

/** No action of a probe waits longer (Playwright's own default is to wait for ever). */
const ACTION_MS = 5000;

const numberIn = async (locator) => Number(((await locator.first().textContent()) ?? '').replace(/[^\d]/g, ''));

/**
 * Press a button of the screen in `scope` (a page or a locator) and check that it did what it
 * says. The first probe whose button is shown and enabled is used (hide or lock may have taken
 * some away). Returns the probe's name, or null when every probe's control was hidden or locked.
 * Fails the test (naming `context`, the case) if the press has no effect within 3 s.
 */
export async function pressAndCheck(scope, screen, context = '') {
  const usable = async (selector) => {
    const button = scope.locator(selector).first();
    return (await button.count()) > 0 && (await button.isVisible()) && (await button.isEnabled());
  };
  const poll = (fn, message) => expect.poll(fn, { timeout: 3000, message: context ? `${context}: ${message}` : message });
  if (screen === 'network') {
    const step = scope.locator('[data-field="step"]');
    if (await usable('[data-action="step"]')) {
      const before = await numberIn(step);
      await scope.locator('[data-action="step"]').first().click({ timeout: ACTION_MS });
      await poll(() => numberIn(step), 'Step pressed: the step count goes up').toBeGreaterThan(before);
      return 'step';
    }
    // No step (hidden, locked, or nothing to train on, as with an empty custom data set): a
    // scenario button, which marks itself pressed.
    const preset = scope.locator('[data-action="preset"][aria-pressed="false"]').first();
    if ((await preset.count()) > 0 && (await preset.isVisible()) && (await preset.isEnabled())) {
      const id = await preset.getAttribute('data-preset');
      await preset.click({ timeout: ACTION_MS });
      const pressed = scope.locator(`[data-action="preset"][data-preset="${id}"]`).first();
      await poll(() => pressed.getAttribute('aria-pressed'), `scenario ${id} pressed: it shows as chosen`).toBe('true');
      return 'preset';
    }
    return null;
  }
  if (screen === 'neuron') {
    const status = scope.locator('[data-field="status"]').first();
    if (await usable('[data-action="preset-dead"]')) {
      // "Back to the start" returns to the screen's starting weights (those it opened with, or
      // a host's later ones), whatever they are: pressed first, it shows them; "Make it dead"
      // then kills the unit (b = −8), and "Back to the start" brings the same start back.
      const bias = scope.locator('input[type="number"][data-param="b"]').first();
      await scope.locator('.nu-presets [data-action="reset"]').first().click({ timeout: ACTION_MS });
      const start = await status.getAttribute('data-state');
      const startBias = await bias.inputValue();
      await scope.locator('[data-action="preset-dead"]').first().click({ timeout: ACTION_MS });
      await poll(() => status.getAttribute('data-state'), '"Make it dead": the unit is dead').toBe('dead');
      await poll(() => bias.inputValue(), '"Make it dead": b = −8').toBe('-8');
      await scope.locator('.nu-presets [data-action="reset"]').first().click({ timeout: ACTION_MS });
      await poll(() => status.getAttribute('data-state'), '"Back to the start": the starting status').toBe(start);
      await poll(() => bias.inputValue(), '"Back to the start": the starting b').toBe(startBias);
      return 'presets';
    }
    const hingeStep = '[data-part="hinges"] [data-action="step"]';
    if (await usable(hingeStep)) {
      const steps = scope.locator('[data-part="hinges"] [data-field="step"]');
      const before = await numberIn(steps);
      await scope.locator(hingeStep).first().click({ timeout: ACTION_MS });
      await poll(() => numberIn(steps), 'Step +25 pressed: the step count goes up').toBeGreaterThan(before);
      return 'hinge-step';
    }
    return null;
  }
  // The function screen: tick or untick one plotted function; its read-out row comes or goes.
  const box = 'input[type="checkbox"][data-role="function"]';
  const boxes = scope.locator(box);
  const rows = scope.locator('[data-part="readout-rows"] tr[data-name]');
  if ((await boxes.count()) > 1 && (await boxes.first().isVisible()) && (await boxes.first().isEnabled())) {
    const before = await rows.count();
    const unchecked = scope.locator(`${box}:not(:checked)`);
    if ((await unchecked.count()) > 0) {
      await unchecked.first().click({ timeout: ACTION_MS });
      await poll(() => rows.count(), 'a function ticked: its row appears').toBe(before + 1);
    } else {
      await scope.locator(`${box}:checked`).first().click({ timeout: ACTION_MS });
      await poll(() => rows.count(), 'a function unticked: its row goes').toBe(before - 1);
    }
    return 'functions';
  }
  if (await usable('[data-action="probe-zero"]')) {
    await scope.locator('[data-action="probe-zero"]').first().click({ timeout: ACTION_MS });
    await poll(() => scope.locator('[data-part="probe"]').first().getAttribute('aria-valuenow'), 'probe moved to 0').toBe('0');
    return 'probe-zero';
  }
  return null;
}

/**
 * Record uncaught errors, console errors and console warnings on `page` into live arrays.
 * `take()` returns and clears them, so each case sees only its own.
 */
export function recordConsole(page) {
  const errors = [];
  const warnings = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console.error: ${message.text()}`);
    if (message.type() === 'warning') warnings.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.stack || error.message}`));
  return {
    errors,
    warnings,
    take() {
      const taken = { errors: errors.splice(0), warnings: warnings.splice(0) };
      return taken;
    },
  };
}

/**
 * A watchdog for `page`: `bounded(promise, ms, what)` settles as `promise` does, or fails after
 * `ms` saying who was stuck. If the page's main thread does not answer either, it is paused
 * through the DevTools protocol and the JS stack it is stuck in is given (a real hang names its
 * cause); if the page answers, the wait was the test's own (an action waiting for an element
 * that will never be visible, say), and the message says so.
 */
export async function createWatchdog(page) {
  const cdp = await page.context().newCDPSession(page);
  // Enabled now: a page stuck in a loop no longer takes the command.
  await cdp.send('Debugger.enable');
  let paused = null;
  cdp.on('Debugger.paused', (event) => {
    paused = event;
  });
  const within = (promise, ms) =>
    Promise.race([promise.then(() => true, () => true), new Promise((resolve) => setTimeout(() => resolve(false), ms))]);
  async function stuckStack() {
    if (await within(page.evaluate(() => 1), 2000)) return 'the page answers: the wait was the test\'s own';
    paused = null;
    await within(cdp.send('Debugger.pause'), 2000);
    for (let i = 0; i < 40 && !paused; i += 1) await new Promise((resolve) => setTimeout(resolve, 50));
    if (!paused) return 'the page does not answer and could not be paused';
    const frames = paused.callFrames
      .slice(0, 20)
      .map((frame) => `    at ${frame.functionName || '(anonymous)'} ${frame.url.replace(/^.*?\/\/[^/]+/, '')}:${frame.location.lineNumber + 1}`);
    await cdp.send('Debugger.resume').catch(() => {});
    return `the page's main thread is stuck in:\n${frames.join('\n')}`;
  }
  return {
    cdp,
    async bounded(promise, ms, what) {
      const LATE = Symbol('late');
      let timer;
      const late = new Promise((resolve) => {
        timer = setTimeout(() => resolve(LATE), ms);
      });
      const first = await Promise.race([promise, late]).finally(() => clearTimeout(timer));
      if (first !== LATE) return first;
      promise.catch(() => {});
      throw new Error(`${what}: no answer within ${ms} ms; ${await stuckStack()}`);
    },
  };
}

/** Shorten a case for a failure message (long values are cut). */
export function describeCase(text, limit = 300) {
  const value = String(text);
  return value.length > limit ? `${value.slice(0, limit)}… (${value.length} chars)` : value;
}
