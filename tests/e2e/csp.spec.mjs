// Every page runs under a strict Content-Security-Policy: served with
//   default-src 'self'; script-src 'self' 'wasm-unsafe-eval'
// (no inline script or style, no data: or foreign URL, not even for the favicon), a page
// mounts its screen with no CSP violation and no console error (issue 9: the old
// `<link rel="icon" href="data:,">` was the one violation on every page).
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { test, expect } from '@playwright/test';
import { SOURCE, watchPage } from './support.mjs';

const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'";
const www = fileURLToPath(new URL('../../www/', import.meta.url));
/** Every HTML page of the site (so a new page is covered too), plus the iframe page's screens. */
const PAGES = [
  ...['', 'examples/', 'dev/'].flatMap((folder) =>
    readdirSync(`${www}${folder}`)
      .filter((name) => name.endsWith('.html') && name !== 'embed.html')
      .map((name) => `${folder}${name}`),
  ),
  'embed.html?screen=function',
  'embed.html?screen=neuron',
  'embed.html?screen=network&autoplay=false',
];

/**
 * Whether the page has mounted its screen: nothing says "Loading…" any more, in the page, its
 * frames or an embed's shadow root, and there is something to use (a canvas or a button).
 */
async function mounted(page) {
  let loading = 0;
  let content = 0;
  for (const frame of page.frames()) {
    const counts = await frame.evaluate(() => {
      const roots = [document, ...[...document.querySelectorAll('relu-lab')].map((el) => el.shadowRoot).filter(Boolean)];
      return roots.map((root) => ({
        loading: root.querySelectorAll('.loading').length,
        content: root.querySelectorAll('canvas, button').length,
      }));
    });
    for (const each of counts) {
      loading += each.loading;
      content += each.content;
    }
  }
  return loading === 0 && content > 0;
}

test.describe('strict Content-Security-Policy', () => {
  for (const path of PAGES) {
    test(`${path}: no violation, no console error`, path.startsWith('dev/') ? SOURCE : {}, async ({ page }) => {
      const watch = watchPage(page);
      // Every response from the test server carries the policy (documents and frames too).
      await page.route('**/*', async (route) => {
        const response = await route.fetch();
        await route.fulfill({ response, headers: { ...response.headers(), 'content-security-policy': CSP } });
      });
      await page.addInitScript(() => {
        window.cspViolations = [];
        document.addEventListener('securitypolicyviolation', (event) => {
          window.cspViolations.push(`${event.violatedDirective} ${event.blockedURI}`);
        });
      });
      await page.goto(`/${path}`);
      await expect.poll(() => mounted(page), { timeout: 20_000 }).toBe(true);
      await page.waitForLoadState('networkidle');
      const violations = [];
      for (const frame of page.frames()) violations.push(...(await frame.evaluate(() => window.cspViolations ?? [])));
      expect(violations).toEqual([]);
      expect(watch.errors).toEqual([]);
      expect(watch.foreignRequests).toEqual([]);
    });
  }
});
