// Helpers shared by the e2e specs in tests/e2e/*.spec.mjs.
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect } from '@playwright/test';
import { ORIGIN } from './playwright.config.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const AXE_PATH = `${root}node_modules/axe-core/axe.min.js`;
const SCREENSHOT_DIR = fileURLToPath(new URL('./screenshots/', import.meta.url));

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
