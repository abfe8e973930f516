// Playwright config for ReLU Lab's end-to-end tests.
// Run from the repo root: npx playwright test -c tests/e2e/playwright.config.mjs
// Uses Debian's chromium (/usr/bin/chromium, installed by `.ci/install.sh --browser`);
// never `npx playwright install`. Build first (.ci/build.sh) so www/pkg exists.
// E2E_SITE=prod serves the production build (target/site/, written by .ci/site.mjs, which
// .ci/build.sh runs) instead of the modules in www/: the same specs against the bundles.
import { fileURLToPath } from 'node:url';
import { defineConfig } from '@playwright/test';

const root = fileURLToPath(new URL('../..', import.meta.url));
// E2E_PORT lets a second run (a CI rehearsal, say) use its own server alongside the default.
export const PORT = Number(process.env.E2E_PORT ?? 8123);
export const ORIGIN = `http://127.0.0.1:${PORT}`;
/** 'prod': target/site/ (the production build); anything else: www/ (development). */
export const SITE = process.env.E2E_SITE === 'prod' ? 'prod' : 'dev';
const SERVED = SITE === 'prod' ? 'target/site' : 'www';
/** The production build is also served, on E2E_PORT + 100, for production.spec.mjs. */
const PROD_PORT = PORT + 100;
export const PROD_ORIGIN = `http://127.0.0.1:${PROD_PORT}`;

export default defineConfig({
  testDir: '.',
  // Against the production build: every test but those that reach into the source (support.mjs:
  // SOURCE) and the specs that build their own sites (bundlers, static-site generators,
  // notebooks) and production.spec.mjs, which do not depend on what is served (the development
  // run covers them; production.spec.mjs serves target/site itself).
  ...(SITE === 'prod'
    ? {
        grepInvert: /@source/,
        testIgnore: ['network-views.spec.mjs', 'production.spec.mjs', 'bundlers.spec.mjs', 'ssg.spec.mjs', 'myst.spec.mjs', 'notebook.spec.mjs'],
      }
    : {}),
  outputDir: `${root}test-results/e2e`,
  reporter: 'list',
  retries: 0,
  workers: 2,
  fullyParallel: false,
  forbidOnly: true,
  timeout: 30_000,
  expect: { timeout: 5_000 },
  use: {
    baseURL: ORIGIN,
    browserName: 'chromium',
    headless: true,
    viewport: { width: 1280, height: 800 },
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  webServer: [
    {
      command: `python3 -m http.server ${PORT} --bind 127.0.0.1 --directory ${SERVED}`,
      cwd: root,
      url: `${ORIGIN}/`,
      reuseExistingServer: false,
      timeout: 15_000,
      stdout: 'ignore',
      stderr: 'ignore',
    },
    {
      command: `python3 -m http.server ${PROD_PORT} --bind 127.0.0.1 --directory target/site`,
      cwd: root,
      url: `${PROD_ORIGIN}/`,
      reuseExistingServer: false,
      timeout: 15_000,
      stdout: 'ignore',
      stderr: 'ignore',
    },
  ],
});
