// The production build (target/site/, .ci/site.mjs), served on its own port (PROD_ORIGIN) in
// every run of the suite: each page starts with no console error and draws its main picture;
// network.html's weight (issue 13, goal 1) as a byte count of what it loads; no layout shift
// (goal 3): CLS from the browser's layout-shift entries on every page, light and dark, and for
// a <relu-lab> on a host page that gives it a `height` or nothing. No timing is asserted: the
// load times are printed by tests/bench/load-bench.mjs.
import { gzipSync } from 'node:zlib';
import { test, expect } from '@playwright/test';
import { PROD_ORIGIN } from './playwright.config.mjs';
import { watchPage } from './support.mjs';

const KB = 1024;
/** Issue 13, goal 1: network.html in at most 6 requests, at most 60 KB gzipped in all. */
const MAX_REQUESTS = 6;
const MAX_TOTAL = 60 * KB;
/** The wasm's own target in goal 1, so what the rest of the page may weigh is MAX_TOTAL − it. */
const WASM_TARGET = 40 * KB;
const MAX_CLS = 0.02;

/** Every page of the site, with what shows that its main picture is drawn. */
const PAGES = [
  { path: 'index.html', picture: '[data-screen="first-page"] .nw-map__base' },
  { path: 'function.html', picture: '[data-screen="function"] [data-part="holder"] canvas' },
  { path: 'neuron.html', picture: '[data-screen="neuron"] canvas' },
  { path: 'network.html', picture: '[data-screen="network"] .nw-map__base' },
  // Its cards draw plots only when run: its picture is the first card, shown.
  { path: 'experiments.html', shown: '[data-screen="experiments"] .exp-card' },
  { path: 'embed.html?screen=network', picture: 'relu-lab >> .nw-map__base' },
  { path: 'embed.html?screen=function', picture: 'relu-lab >> [data-part="holder"] canvas' },
];

/**
 * Whether the canvas `selector` (the first match, shadow roots pierced) has been drawn: sized
 * by the screen and holding pixels of at least two colours (a blank or one-colour canvas is not
 * a picture).
 */
async function pictureDrawn(page, selector) {
  const canvas = page.locator(selector).first();
  if ((await canvas.count()) === 0) return false;
  return canvas.evaluate((element) => {
    const node = /** @type {HTMLCanvasElement} */ (element);
    if (!node.hasAttribute('style') || node.width < 2 || node.height < 2) return false;
    const copy = document.createElement('canvas');
    copy.width = node.width;
    copy.height = node.height;
    const context = copy.getContext('2d', { willReadFrequently: true });
    context.drawImage(node, 0, 0);
    const data = context.getImageData(0, 0, copy.width, copy.height).data;
    const colours = new Set();
    for (let i = 0; i < data.length && colours.size < 2; i += 4 * 97) {
      if (data[i + 3] > 0) colours.add((data[i] << 16) | (data[i + 1] << 8) | data[i + 2]);
    }
    return colours.size >= 2;
  });
}

/** Record layout shifts from the start of the page (call before goto). */
async function recordShifts(page) {
  await page.addInitScript(() => {
    window.__shifts = [];
    new PerformanceObserver((list) => {
      for (const entry of /** @type {any[]} */ (list.getEntries())) {
        if (!entry.hadRecentInput) window.__shifts.push({ value: entry.value, at: Math.round(entry.startTime) });
      }
    }).observe({ type: 'layout-shift', buffered: true });
  });
}

/** The page's cumulative layout shift so far, and its shifts (for the failure message). */
async function cumulativeShift(page) {
  const shifts = await page.evaluate(() => window.__shifts);
  return { cls: shifts.reduce((sum, each) => sum + each.value, 0), shifts };
}

/** Open `path`, wait for its picture (or the element `shown`), then for the start-up frames to settle. */
async function openAndSettle(page, { path, picture, shown }) {
  await page.goto(`${PROD_ORIGIN}/${path}`);
  if (shown) await expect(page.locator(shown).first()).toBeVisible({ timeout: 20_000 });
  else await expect.poll(() => pictureDrawn(page, picture), { timeout: 20_000 }).toBe(true);
  // The screens write their views over their first frames; shifts come from those frames.
  await page.evaluate(() => new Promise((resolve) => {
    let frames = 30;
    const tick = () => (--frames > 0 ? requestAnimationFrame(tick) : resolve(null));
    requestAnimationFrame(tick);
  }));
}

test.describe('production build (target/site)', () => {
  for (const entry of PAGES) {
    test(`${entry.path}: no console error, its picture drawn, from the bundles`, async ({ page }) => {
      const watch = watchPage(page);
      const scripts = [];
      const foreign = [];
      page.on('request', (request) => {
        const url = new URL(request.url());
        if (url.origin !== PROD_ORIGIN) foreign.push(request.url());
        else if (request.resourceType() === 'script') scripts.push(url.pathname);
      });
      await openAndSettle(page, entry);
      expect(watch.errors).toEqual([]);
      expect(foreign).toEqual([]);
      // Bundles only: no module of www/js/ loaded one by one (the embed loads its element's
      // chunks, all under js/ too).
      expect(scripts.length).toBeGreaterThan(0);
      for (const script of scripts) expect(script).toMatch(/^\/js\/[\w-]+\.js$/);
    });
  }

  // The start page's screens and its claims table are chunks its small script imports (after
  // the first paint, then after the screens' first frames): both arrive, from js/.
  test('index.html: the screens and the claims table load from their chunks', async ({ page }) => {
    const watch = watchPage(page);
    const scripts = [];
    page.on('request', (request) => {
      if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname);
    });
    await openAndSettle(page, PAGES[0]);
    await expect(page.locator('#claims [data-part="claims-table"] tbody tr')).toHaveCount(11);
    await expect(page.locator('#claims tr[data-state="measured"]').first()).toBeVisible({ timeout: 20_000 });
    expect(scripts.filter((path) => /^\/js\/chunk-\w+\.js$/.test(path)).length, scripts.join(', ')).toBeGreaterThanOrEqual(2);
    expect(watch.errors).toEqual([]);
  });

  test.describe('network.html weight (goal 1)', () => {
    /** Every distinct URL network.html loads until its picture is drawn and the network is idle, with its body's gzip -9 size. */
    async function load(page) {
      const responses = new Map();
      page.on('response', async (response) => {
        const url = response.url();
        if (responses.has(url) || response.status() !== 200) return;
        responses.set(url, response.body().then((body) => ({ url, raw: body.length, gz: gzipSync(body, { level: 9 }).length })));
      });
      await openAndSettle(page, { path: 'network.html', picture: '[data-screen="network"] .nw-map__base' });
      await page.waitForLoadState('networkidle');
      const files = await Promise.all(responses.values());
      const wasm = files.filter((file) => file.url.endsWith('.wasm'));
      const rest = files.filter((file) => !file.url.endsWith('.wasm'));
      const sum = (list) => list.reduce((total, file) => total + file.gz, 0);
      const table = files.map((file) => `${new URL(file.url).pathname} ${file.gz} B gz`).join(', ');
      console.log(`network.html: ${files.length} requests, ${sum(files)} B gzipped (wasm ${sum(wasm)} B, the rest ${sum(rest)} B): ${table}`);
      return { files, total: sum(files), wasm: sum(wasm), rest: sum(rest), table };
    }

    test(`at most ${MAX_REQUESTS} requests`, async ({ page }) => {
      const { files, table } = await load(page);
      expect(files.length, table).toBeLessThanOrEqual(MAX_REQUESTS);
      expect(files.filter((file) => file.url.endsWith('.wasm')), 'the wasm is fetched once').toHaveLength(1);
    });

    // Goal 1 as written: the whole page at most 60 KB gzipped, with the wasm at most 40 KB. Both
    // parts miss it today: the wasm is about 73 KB (the wasm helper's shrinking, toward 40 KB)
    // and the JS + CSS + HTML about 62 KB against the 20 KB the goal leaves them (the screens'
    // own code, bundled and minified: 156 KB before gzip; bundling cannot take it lower, only
    // less code can). Remove the fixme when both are met.
    test.fixme(`gzipped sum at most ${MAX_TOTAL / KB} KB, the wasm at most ${WASM_TARGET / KB} KB`, async ({ page }) => {
      const { total, wasm, table } = await load(page);
      expect(wasm, table).toBeLessThanOrEqual(WASM_TARGET);
      expect(total, table).toBeLessThanOrEqual(MAX_TOTAL);
    });
  });

  test.describe('no layout shift (goal 3)', () => {
    for (const scheme of ['light', 'dark']) {
      for (const entry of PAGES) {
        test(`${entry.path}, ${scheme}: CLS at most ${MAX_CLS}`, async ({ page }) => {
          await page.emulateMedia({ colorScheme: scheme });
          await recordShifts(page);
          await openAndSettle(page, entry);
          const { cls, shifts } = await cumulativeShift(page);
          expect(cls, JSON.stringify(shifts)).toBeLessThanOrEqual(MAX_CLS);
        });
      }
    }

    // A host page with text around a <relu-lab> and the one CSS line README gives hosts.
    const HOSTS = [
      { name: 'height="600"', attributes: 'height="600"', css: 'relu-lab { display: block; min-height: 600px; }' },
      { name: 'no height', attributes: '', css: 'relu-lab { display: block; min-height: 100vh; }' },
    ];
    for (const host of HOSTS) {
      for (const screen of ['network', 'function']) {
        test(`<relu-lab screen="${screen}"> with ${host.name} on a host page: CLS at most ${MAX_CLS}`, async ({ page }) => {
          const text = '<p>Text of the course page around the lab, to be pushed down if the lab did not keep its place.</p>';
          const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>host</title>
            <link rel="icon" href="favicon.svg"><style>${host.css}</style>
            <script type="module" src="relu-lab.js"></script></head>
            <body><main><h1>A course page</h1>${text}
            <relu-lab screen="${screen}" ${host.attributes}></relu-lab>${text.repeat(3)}</main></body></html>`;
          await page.route(`${PROD_ORIGIN}/host-page.html`, (route) => route.fulfill({ contentType: 'text/html', body: html }));
          const watch = watchPage(page);
          await recordShifts(page);
          const picture = screen === 'network' ? 'relu-lab >> .nw-map__base' : 'relu-lab >> [data-part="holder"] canvas';
          await openAndSettle(page, { path: 'host-page.html', picture });
          const { cls, shifts } = await cumulativeShift(page);
          expect(cls, JSON.stringify(shifts)).toBeLessThanOrEqual(MAX_CLS);
          expect(watch.errors).toEqual([]);
        });
      }
    }
  });
});
