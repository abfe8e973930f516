// Playwright config for ReLU Lab's end-to-end tests.
// Run from the repo root: npx playwright test -c tests/e2e/playwright.config.mjs
// Uses Debian's chromium (/usr/bin/chromium, installed by `.ci/install.sh --browser`);
// never `npx playwright install`. Build first (.ci/build.sh) so www/pkg exists.
import { fileURLToPath } from 'node:url';
import { defineConfig } from '@playwright/test';

const root = fileURLToPath(new URL('../..', import.meta.url));
// E2E_PORT lets a second run (a CI rehearsal, say) use its own server alongside the default.
export const PORT = Number(process.env.E2E_PORT ?? 8123);
export const ORIGIN = `http://127.0.0.1:${PORT}`;

export default defineConfig({
  testDir: '.',
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
  webServer: {
    command: `python3 -m http.server ${PORT} --bind 127.0.0.1 --directory www`,
    cwd: root,
    url: `${ORIGIN}/`,
    reuseExistingServer: false,
    timeout: 15_000,
    stdout: 'ignore',
    stderr: 'ignore',
  },
});
