// Fuzzing the <relu-lab> element (issue 9): hundreds of elements created with hostile values on
// every attribute (screen, preset, every setting, hide, lock, theme, height, width, autoplay,
// remember), rapid attribute changes, and removal, some before they ever mounted; seeded
// (fuzz-support.mjs: FUZZ_SEED replays a run, FUZZ_SCALE runs more).
//
// The oracle: no uncaught error and no console error; every element that is shown draws its
// screen's main canvas, and one per cycle answers a button press; and nothing grows across the
// create/remove cycles: the page's DOM, the listeners on window and document, and the JS heap
// after garbage collection (bounded).
import { expect, test } from '@playwright/test';
import { ATTRIBUTE_KEYS } from '../../www/js/embed/config.js';
import {
  cases, createFuzz, createWatchdog, hostileValue, MAIN_CANVAS, pressAndCheck, recordConsole, waitDrawn,
} from './fuzz-support.mjs';

// No trace: Playwright's trace recorder keeps a copy of every style sheet the page modifies
// (each element adapts its own, theme.js), which the heap check would count as the element's.
test.use({ reducedMotion: 'reduce', trace: 'off' });

const HOST = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>fuzz host</title>
  <link rel="icon" href="data:,"><script type="module" src="/relu-lab.js"></script></head>
  <body><main><h1>fuzz host</h1><div id="slot"></div></main></body></html>`;

/** Values that mean something for each common attribute (the hostile ones come from fuzz-support). */
const MEANINGFUL = {
  screen: ['network', 'function', 'neuron', 'NETWORK', ' neuron '],
  preset: ['kill', 'healthy', 'revive', 'leaky'],
  theme: ['auto', 'light', 'dark', 'contrast'],
  height: ['520', '40rem', '0', '1', '100%'],
  width: ['320', '100%', '1', '0'],
  autoplay: ['', 'false', 'true', 'no'],
  remember: ['', 'lesson-3'],
  hide: ['presets', 'step,play', 'functions', 'weights,presets', 'training'],
  lock: ['presets', 'learning-rate', 'probe', 'rate'],
};
// Every attribute the element reads, in both cases, and HTML's own `hidden`.
const KEYS = [...ATTRIBUTE_KEYS, 'hidden', 'SCREEN', 'Learning-Rate'];

function attributeValue(fuzz, key) {
  const table = MEANINGFUL[key.toLowerCase()];
  return table && fuzz.chance(0.5) ? fuzz.pick(table) : hostileValue(fuzz);
}

/** Attributes for a new element: a screen (usually a real one) and a few hostile others. */
function attributesFor(fuzz) {
  const attributes = { screen: fuzz.chance(0.85) ? fuzz.pick(['network', 'function', 'neuron']) : hostileValue(fuzz) };
  for (const key of fuzz.some(KEYS, 6)) if (key !== 'hidden' || fuzz.chance(0.2)) attributes[key] = attributeValue(fuzz, key);
  if (fuzz.chance(0.6)) attributes.autoplay = 'false';
  return attributes;
}

/** Counts that must not grow: elements in the page, and listeners on window and document. */
async function footprint(page, cdp) {
  const nodes = await page.evaluate(() => document.getElementsByTagName('*').length);
  const listeners = {};
  for (const target of ['window', 'document']) {
    const { result } = await cdp.send('Runtime.evaluate', { expression: target });
    const { listeners: found } = await cdp.send('DOMDebugger.getEventListeners', { objectId: result.objectId });
    listeners[target] = found.length;
  }
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  return { nodes, listeners, heapMB: usedSize / 2 ** 20 };
}

test('<relu-lab>: hundreds of hostile elements and rapid attribute changes, created and removed', async ({ page }) => {
  test.setTimeout(120_000);
  const fuzz = createFuzz('attributes');
  const watch = recordConsole(page);
  await page.route('**/fuzz-attributes-host.html', (route) => route.fulfill({ contentType: 'text/html', body: HOST }));
  await page.goto('/fuzz-attributes-host.html');
  await page.waitForFunction(() => customElements.get('relu-lab') !== undefined);
  const watchdog = await createWatchdog(page);
  const { cdp } = watchdog;

  const cycles = cases(12);
  // The heap is compared from a warmed-up page (the screens' modules load during the first
  // cycles): after it, a plateau; a leak of one small screen per cycle exceeds the bound.
  const warm = Math.min(3, cycles - 1);
  const HEAP_GROWTH_MB = 1.5;
  const started = Date.now();
  let baseline = null;
  for (let cycle = 0; cycle < cycles; cycle += 1) {
    const mounted = Array.from({ length: 3 }, () => attributesFor(fuzz));
    const fleeting = Array.from({ length: 20 }, () => attributesFor(fuzz));
    const changes = Array.from({ length: 4 }, () =>
      Array.from({ length: 25 }, () => {
        const key = fuzz.pick(KEYS);
        return fuzz.chance(0.15) ? [key, null] : [key, attributeValue(fuzz, key)];
      }),
    );
    const context = `cycle ${cycle}, FUZZ_SEED=${fuzz.seed}`;
    const made = page.evaluate(async ({ mounted, fleeting, changes }) => {
      const slot = document.getElementById('slot');
      const make = (attributes) => {
        const lab = document.createElement('relu-lab');
        for (const [key, value] of Object.entries(attributes)) lab.setAttribute(key, value);
        return lab;
      };
      // Created and removed at once, or after a microtask, or a frame: most never mount.
      for (const [i, attributes] of fleeting.entries()) {
        const lab = make(attributes);
        slot.append(lab);
        if (i % 3 === 1) await Promise.resolve();
        if (i % 3 === 2) await new Promise((resolve) => requestAnimationFrame(resolve));
        lab.remove();
      }
      const labs = mounted.map(make);
      slot.append(...labs);
      // Rapid changes: bursts within a task, and across microtasks and frames while mounting.
      for (const [i, lab] of labs.entries()) {
        for (const [j, [key, value]] of changes[i].entries()) {
          if (value === null) lab.removeAttribute(key);
          else lab.setAttribute(key, value);
          if (j % 8 === 7) await Promise.resolve();
          if (j === 12) await new Promise((resolve) => setTimeout(resolve, 30));
        }
      }
      // An element moved in the page keeps its screen; one removed and put back mounts again.
      slot.append(labs[0]);
    }, { mounted, fleeting, changes });
    await watchdog.bounded(made, 15_000, `${context}: creating, changing and removing the elements`);
    fuzz.count('elements created and removed at once', fleeting.length);
    fuzz.count('elements mounted', mounted.length);
    fuzz.count('attribute changes', changes.flat().length);

    // Each element settles: mounted (or its error shown), then its main canvas drawn if shown.
    const labs = page.locator('#slot > relu-lab');
    if (process.env.FUZZ_VERBOSE) {
      const now = await page.evaluate(() => [...document.querySelectorAll('#slot > relu-lab')].map((e) => Object.fromEntries([...e.attributes].map((a) => [a.name, a.value.slice(0, 60)]))));
      console.log(`[fuzz] ${context}: ${JSON.stringify(now)}`);
    }
    for (let k = 0; k < mounted.length; k += 1) {
      const lab = labs.nth(k);
      // Scrolled by the page itself: Playwright's scrollIntoViewIfNeeded waits, without end, for
      // an element to be visible, and one made hidden (hidden="８") never is.
      const checked = lab.evaluate(async (element, canvases) => {
        element.scrollIntoView({ block: 'nearest' });
        const wait = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
        const settled = await Promise.race([element.ready.then(() => true), wait(6000).then(() => false)]);
        const frame = element.shadowRoot.querySelector('.relu-lab');
        const screen = frame.dataset.screen;
        // What the reader sees is the frame inside (width="0" leaves the host wide, the frame not).
        const box = frame.getBoundingClientRect();
        const shown = !element.hidden && box.width >= 100 && box.height >= 100;
        let canvas = 'not checked';
        if (settled && shown) {
          for (let tries = 0; tries < 80 && canvas !== 'drawn'; tries += 1) {
            const found = element.shadowRoot.querySelector(canvases[screen]);
            if (!found) canvas = 'missing';
            else if (found.width === 0 || found.height === 0) canvas = 'empty';
            else {
              // Read through a copy made for reading (see canvasState in fuzz-support.mjs).
              const copy = document.createElement('canvas');
              copy.width = found.width;
              copy.height = found.height;
              const context = copy.getContext('2d', { willReadFrequently: true });
              context.drawImage(found, 0, 0);
              const data = context.getImageData(0, 0, copy.width, copy.height).data;
              canvas = 'blank';
              for (let i = 3; i < data.length; i += 4) if (data[i] !== 0) { canvas = 'drawn'; break; }
            }
            if (canvas !== 'drawn') await wait(50);
          }
        }
        const attributes = Object.fromEntries([...element.attributes].map((a) => [a.name, a.value.slice(0, 80)]));
        return { settled, screen, shown, canvas, attributes, suspended: element.suspended };
      }, MAIN_CANVAS);
      const result = await watchdog.bounded(checked, 15_000, `${context}, element ${k}: settling and drawing`);
      const where = `${context}, element ${k}: ${JSON.stringify(result.attributes)}`;
      expect(watch.take().errors, `${where}: no error`).toEqual([]);
      expect(result.settled, `${where}: mounted`).toBe(true);
      if (result.shown) {
        expect(result.canvas, `${where}: its ${result.screen} canvas is drawn`).toBe('drawn');
        fuzz.count(`shown and drawn: ${result.screen}`);
      } else fuzz.count('not shown (hidden, or under 100 px): not drawn-checked');
    }
    // One shown element per cycle answers a button press.
    const shown = await labs.evaluateAll((elements) =>
      elements.map((element) => {
        const box = element.shadowRoot.querySelector('.relu-lab').getBoundingClientRect();
        return !element.hidden && box.height >= 300 && box.width >= 300;
      }),
    );
    const k = shown.indexOf(true);
    if (k >= 0) {
      const lab = labs.nth(k);
      const screen = await lab.evaluate((element) => element.shadowRoot.querySelector('.relu-lab').dataset.screen);
      await lab.evaluate((element) => element.scrollIntoView({ block: 'nearest' }));
      const pressed = pressAndCheck(lab, screen, `${context}, element ${k}`);
      const probe = await watchdog.bounded(pressed, 15_000, `${context}, element ${k}: a button press`).catch(async (error) => {
        expect(watch.take().errors, `${context}, element ${k}: no error`).toEqual([]);
        throw error;
      });
      fuzz.count(probe ? `button: ${probe}` : 'no button left (all hidden or locked)');
    }
    await watchdog.bounded(page.evaluate(() => document.getElementById('slot').replaceChildren()), 15_000, `${context}: removing the elements`);
    await page.waitForTimeout(50);
    expect(watch.take().errors, `${context}: no error on removal`).toEqual([]);
    if (cycle === warm) baseline = await footprint(page, cdp);
    const heap = process.env.FUZZ_VERBOSE ? `, ${JSON.stringify(await footprint(page, cdp))}` : '';
    console.log(`[fuzz] attributes: cycle ${cycle} done at ${((Date.now() - started) / 1000).toFixed(1)} s${heap}`);
  }

  const last = await footprint(page, cdp);
  console.log(`[fuzz] attributes footprint: after cycle ${warm} ${JSON.stringify(baseline)}, after cycle ${cycles - 1} ${JSON.stringify(last)}`);
  expect(last.nodes, `the page has as many elements as after cycle ${warm}`).toBe(baseline.nodes);
  expect(last.listeners, 'no listener left on window or document').toEqual(baseline.listeners);
  expect(last.heapMB - baseline.heapMB, `the JS heap grows by under ${HEAP_GROWTH_MB} MB over the cycles`).toBeLessThan(HEAP_GROWTH_MB);
  fuzz.report();
});

// ---- the stall the fuzzer once took for a frozen page -------------------------------------------
// FUZZ_SEED=20250901, cycle 0: a function screen is given hidden="８" in a burst of attribute
// changes while it mounts. The element settles, hidden, and the page answers at once; what
// waited (until the test's timeout) was Playwright's scrollIntoViewIfNeeded, which waits for
// the element to be visible. The fuzzer now scrolls from the page and bounds every wait with
// the watchdog, which says whose wait it was.

test('an element made hidden while it mounts settles, the page answers, and shown again it draws', async ({ page }) => {
  const watch = recordConsole(page);
  await page.route('**/fuzz-stall-host.html', (route) => route.fulfill({ contentType: 'text/html', body: HOST }));
  await page.goto('/fuzz-stall-host.html');
  const watchdog = await createWatchdog(page);
  const mounting = page.evaluate(async () => {
    await customElements.whenDefined('relu-lab');
    const lab = document.createElement('relu-lab');
    lab.setAttribute('screen', 'function');
    lab.setAttribute('height', '520');
    document.getElementById('slot').append(lab);
    await Promise.resolve();
    for (const [key, value] of [['probe', '\ufeff'], ['hidden', '８'], ['range', '1e308'], ['relu0', '9007199254740993']]) {
      lab.setAttribute(key, value);
    }
    await lab.ready;
  });
  await watchdog.bounded(mounting, 10_000, 'mounting');
  const lab = page.locator('relu-lab');
  await expect(lab).toBeHidden();
  const scrolled = lab.scrollIntoViewIfNeeded();
  await expect(watchdog.bounded(scrolled, 1500, 'scrollIntoViewIfNeeded')).rejects.toThrow(/the wait was the test's own/);
  expect(await watchdog.bounded(page.evaluate(() => 1 + 1), 1000, 'the page')).toBe(2);
  await lab.evaluate((element) => element.removeAttribute('hidden'));
  await expect(lab).toBeVisible();
  expect(await waitDrawn(page, MAIN_CANVAS.function)).toBe('drawn');
  expect(watch.errors).toEqual([]);
});

test('the watchdog names the function a page is stuck in', async ({ page }) => {
  await page.route('**/fuzz-stuck-host.html', (route) =>
    route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>stuck</title><script>function spinForFourSeconds() { const end = Date.now() + 4000; while (Date.now() < end); }</script>' }),
  );
  await page.goto('/fuzz-stuck-host.html');
  const watchdog = await createWatchdog(page);
  const stuck = page.evaluate(() => window.spinForFourSeconds());
  await expect(watchdog.bounded(stuck, 500, 'a busy page')).rejects.toThrow(/stuck in:\n\s+at spinForFourSeconds/);
});

// ---- issue 9, item 7: `hidden` is HTML's attribute; the layers are `layers` ----------------------

test('<relu-lab hidden="8,8"> is hidden, as any element, and says to write layers; layers="8,8" sets them', async ({ page }) => {
  const watch = recordConsole(page);
  const host = HOST.replace(
    '<div id="slot"></div>',
    '<relu-lab id="old" screen="network" autoplay="false" hidden="8,8"></relu-lab><relu-lab id="new" screen="network" autoplay="false" layers="8,8"></relu-lab>',
  );
  await page.route('**/fuzz-hidden-host.html', (route) => route.fulfill({ contentType: 'text/html', body: host }));
  await page.goto('/fuzz-hidden-host.html');
  await page.evaluate(() => document.getElementById('new').ready);
  await expect(page.locator('#old')).toBeHidden();
  await expect(page.locator('#new')).toBeVisible();
  expect(await page.locator('#new').evaluate((element) => element.getState().network.hidden)).toEqual([8, 8]);
  await expect.poll(() => watch.warnings.some((text) => text.includes('hidden="8,8"') && text.includes('layers="8,8"'))).toBe(true);
  // Taking `hidden` away shows the element, with the default layers (it never read "8,8").
  await page.locator('#old').evaluate((element) => element.removeAttribute('hidden'));
  await expect(page.locator('#old')).toBeVisible();
  await page.evaluate(() => document.getElementById('old').ready);
  expect(await page.locator('#old').evaluate((element) => element.getState().network.hidden)).toEqual([8, 8, 8]);
  expect(watch.errors).toEqual([]);
});
