// Helpers shared by the e2e specs in tests/e2e/*.spec.mjs.
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';
import { measurePhone } from './phone-checks.mjs';
import { ORIGIN } from './playwright.config.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const AXE_PATH = `${root}node_modules/axe-core/axe.min.js`;
const SCREENSHOT_DIR = fileURLToPath(new URL('./screenshots/', import.meta.url));

/**
 * The tag of a test that reaches into the source: it imports a module by its path in www/
 * (`/js/screens/…`, `/pkg/relu_lab.js`) or opens a harness in www/dev/, none of which the
 * production build serves. `E2E_SITE=prod` runs every other test against target/site
 * (playwright.config.mjs: grepInvert). Use: `test('…', SOURCE, async ({ page }) => …)`.
 */
export const SOURCE = Object.freeze({ tag: '@source' });

/**
 * Start recording problems on `page`. Call before `page.goto`.
 * Returns live arrays, filled as the page runs:
 *   errors          console.error messages and uncaught page errors, as strings
 *   foreignRequests URLs of every request whose origin is not the test server's
 * Typical use: `expect(watch.errors).toEqual([]); expect(watch.foreignRequests).toEqual([]);`
 */
export function watchPage(page) {
  const watch = { errors: [], foreignRequests: [] };
  page.on('console', (msg) => {
    if (msg.type() === 'error') {
      const { url, lineNumber } = msg.location();
      watch.errors.push(`console.error: ${msg.text()}${url ? ` (${url}:${lineNumber})` : ''}`);
    }
  });
  page.on('pageerror', (err) => watch.errors.push(`pageerror: ${err.stack || err.message}`));
  page.on('request', (req) => {
    const url = req.url();
    // data: and blob: URLs never leave the page; everything else must hit our server.
    if (url.startsWith('data:') || url.startsWith('blob:')) return;
    let origin;
    try {
      origin = new URL(url).origin;
    } catch {
      origin = url;
    }
    if (origin !== ORIGIN) watch.foreignRequests.push(url);
  });
  return watch;
}

/**
 * Run axe-core on the whole document and fail listing every violation
 * (rule id, impact, and the CSS targets of the offending nodes).
 */
export async function expectNoAxeViolations(page) {
  await page.addScriptTag({ path: AXE_PATH });
  const results = await page.evaluate(async () => {
    // eslint-disable-next-line no-undef
    const r = await axe.run(document);
    return r.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      targets: v.nodes.map((n) => n.target.join(' ')),
    }));
  });
  const report = results
    .map((v) => `${v.id} [${v.impact}] ${v.help}\n    ${v.targets.join('\n    ')}`)
    .join('\n');
  expect(results, `axe violations:\n${report}`).toEqual([]);
}

/** Save a full-page screenshot to tests/e2e/screenshots/<name>.png and return its path. */
export async function screenshot(page, name) {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const path = `${SCREENSHOT_DIR}${name}.png`;
  await page.screenshot({ path, fullPage: true });
  return path;
}

// ---- a screen's spec: a second instance, Tab stops, links, phone, screenshots -----------------

/**
 * Mount a second screen into a new `#second` element in <main>: `mount` is the mount function
 * exported by `modulePath` (e.g. '/js/screens/function/screen.js', 'mountFunctionScreen'),
 * called with `options`. The handle is `window.second`; with `record`, `window.changes` collects
 * its onStateChange calls.
 */
export async function mountSecond(page, modulePath, mount, options = {}, { record = false } = {}) {
  await page.evaluate(
    async ({ modulePath, mount, options, record }) => {
      const module = await import(modulePath);
      const host = document.createElement('div');
      host.id = 'second';
      document.querySelector('main').append(host);
      if (record) {
        window.changes = [];
        options.onStateChange = (state) => window.changes.push(state);
      }
      window.second = module[mount](host, options);
    },
    { modulePath, mount, options, record },
  );
}

/** setState(getState()) on `window.second`: { state, problems, after } (after: getState again). */
export function roundTripSecond(page) {
  return page.evaluate(() => {
    const state = window.second.getState();
    const problems = window.second.setState(JSON.parse(JSON.stringify(state)));
    return { state, problems, after: window.second.getState() };
  });
}

/**
 * Press Tab `count` times; where focus lands each time: { what (the start of its markup),
 * part (its data-part), locked (aria-disabled or disabled), visible }.
 */
export async function tabStops(page, count) {
  const reached = [];
  for (let i = 0; i < count; i += 1) {
    await page.keyboard.press('Tab');
    reached.push(
      await page.evaluate(() => {
        const el = document.activeElement;
        return {
          what: el.outerHTML.slice(0, 60),
          part: el.dataset.part ?? null,
          locked: el.getAttribute('aria-disabled') === 'true' || !!el.disabled,
          visible: el.checkVisibility(),
        };
      }),
    );
  }
  return reached;
}

/**
 * Press the screen's "Copy link" (inside `screen`), expect its status to match `status`, and
 * return the link from the clipboard, which is the page's address. Grant the clipboard first.
 */
export async function copyLink(page, screen, status) {
  await page.locator(`${screen} [data-action="copy-link"]`).click();
  await expect(page.locator(`${screen} [data-field="link-status"]`)).toHaveText(status);
  const link = await page.evaluate(() => navigator.clipboard.readText());
  expect(link).toBe(page.url());
  return link;
}

/**
 * Open `link` afresh, then reload it; after each, `check()` (the state it shows). A link that
 * round-trips shows the same state both ways.
 */
export async function reopen(page, link, check) {
  for (const again of [() => page.goto(link), () => page.reload()]) {
    await again();
    await check();
  }
}

/**
 * The link notice inside `screen` is shown and names `names` (comma-separated, in order) as the
 * settings it could not use. Returns the notice.
 */
export async function expectLinkNotice(page, screen, names) {
  const notice = page.locator(`${screen} [data-field="link-notice"]`);
  await expect(notice).toBeVisible();
  await expect(notice).toContainText(`Some settings in this link could not be used (${names}), so their defaults are shown instead.`);
  return notice;
}

/** On the page as it is (set the viewport first): more than 20 controls, each at least 44 × 44 px, text at least 12 px. */
export async function expectPhoneSized(page, screen) {
  const measured = await measurePhone(page, screen);
  expect(measured.controls).toBeGreaterThan(20);
  expect(measured.small, 'controls under 44 px').toEqual([]);
  expect(measured.smallText, 'text under 12 px').toEqual([]);
}

/**
 * Add one test per colour scheme and width (360 and 1280 px) that opens the page with
 * `open(page)` and saves a full-page screenshot to /tmp/<name>-<width>-<scheme>.png, to look at.
 */
export function screenshotTests(name, open, widths = [360, 1280]) {
  for (const colorScheme of ['light', 'dark']) {
    for (const width of widths) {
      test(`screenshot at ${width} px (${colorScheme})`, async ({ page }) => {
        await page.emulateMedia({ colorScheme });
        await page.setViewportSize({ width, height: 900 });
        await open(page);
        await page.screenshot({ path: `/tmp/${name}-${width}-${colorScheme}.png`, fullPage: true });
      });
    }
  }
}

// ---- the Experiments screen --------------------------------------------------------------------

/** The card of experiment `id` (or of the claims table, the history). */
export const experimentCard = (page, id) => page.locator(`.exp-card[data-experiment="${id}"]`);

/** Record every long task (> 50 ms) of the main thread from page start. Call before `page.goto`. */
export async function observeLongTasks(page) {
  await page.addInitScript(() => {
    window.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) window.__longTasks.push({ start: entry.startTime, duration: entry.duration });
    }).observe({ type: 'longtask', buffered: true });
  });
}

/** Press "Quick setting" then "Run" on the card of `id`, and wait for its verdict's time. */
export async function runQuick(page, id) {
  const card = experimentCard(page, id);
  await card.getByRole('button', { name: 'Quick setting' }).click();
  await card.getByRole('button', { name: 'Run' }).click();
  await expect(card.locator('[data-field="sentence"]')).toContainText('measured in', { timeout: 20_000 });
  return card;
}

/**
 * The main thread's long tasks between `from` and `to` (performance.now() times) are a timing:
 * reported as an annotation, never asserted (the machine is shared; `make bench` prints them).
 */
export async function reportLongTasks(page, from, to) {
  const longTasks = await page.evaluate(([a, b]) => window.__longTasks.filter((t) => t.start >= a && t.start <= b), [from, to]);
  test.info().annotations.push({ type: 'main-thread long tasks (> 50 ms)', description: JSON.stringify(longTasks) });
}

/** What can be asserted instead: the work runs in a Web Worker, off the main thread (ask while it is alive). */
export function expectWorker(page) {
  expect(page.workers().length, 'the experiment runs in a Web Worker').toBeGreaterThan(0);
}

/**
 * Open experiment `id`, run its quick setting and check what
 * every run shows: a verdict matching `verdicts`, a plot, the table toggle; the long tasks
 * reported, the worker used. Returns the card and the verdict's sentence.
 */
export async function expectQuickRun(page, id, verdicts) {
  await observeLongTasks(page);
  await page.goto(`/experiments.html#experiment=${id}`);
  const card = experimentCard(page, id);
  await expect(card).toBeVisible();
  await expect(card.locator('[data-field="empty"]')).toBeVisible();
  const before = await page.evaluate(() => performance.now());
  await runQuick(page, id);
  const after = await page.evaluate(() => performance.now());
  await expect(card.locator('[data-field="verdict"]')).toHaveText(verdicts);
  await expect(card.locator('canvas').first()).toBeVisible();
  await card.getByRole('button', { name: 'Show the numbers as a table' }).click();
  await expect(card.locator('table tbody tr').first()).toBeVisible();
  await reportLongTasks(page, before, after);
  expectWorker(page);
  return { card, sentence: await card.locator('[data-field="sentence"]').textContent() };
}

/**
 * Add one test per colour scheme that, for each of `entries`, sets 1280 px, calls
 * `prepare(page, entry)` (open and run; it returns the screenshot's name) and audits and
 * screenshots the page (auditAndScreenshot). `timeout`: for the whole test, in ms.
 */
export function auditScreenshotTests(entries, prepare, timeout) {
  for (const scheme of ['light', 'dark']) {
    test(`axe finds no violation, and screenshots (${scheme})`, async ({ page }) => {
      test.setTimeout(timeout);
      await page.emulateMedia({ colorScheme: scheme });
      for (const entry of entries) {
        await page.setViewportSize({ width: 1280, height: 900 });
        await auditAndScreenshot(page, await prepare(page, entry), scheme);
      }
    });
  }
}

/**
 * axe on the page as it is at 1280 px, a screenshot (tests/e2e/screenshots/<name>-1280-…),
 * then at 360 px: no sideways overflow, and a screenshot (<name>-360-…). `scheme` names the files.
 */
export async function auditAndScreenshot(page, name, scheme) {
  await expectNoAxeViolations(page);
  await screenshot(page, `${name}-1280-${scheme}`);
  await page.setViewportSize({ width: 360, height: 800 });
  await page.waitForTimeout(300);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await screenshot(page, `${name}-360-${scheme}`);
}

/** Wait until every <relu-lab> in `frame` (a page or a frame) has mounted its screen. */
export async function labsReady(frame) {
  await frame.waitForFunction(() => customElements.get('relu-lab') !== undefined);
  await frame.evaluate(() => Promise.all([...document.querySelectorAll('relu-lab')].map((lab) => lab.ready)));
}

/** Fulfil the request for `path` on the test server with `html` (and optional headers). */
export async function serveHtml(page, path, html, headers = {}) {
  await page.route(`${ORIGIN}${path}`, (route) =>
    route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', headers, body: html }),
  );
}
