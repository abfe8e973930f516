// The dist package in course authors' bundlers (issue 14): Vite 8, Vite 5, webpack 5 and
// esbuild each build a small consumer project (tests/consumers/<bundler>/, installed by
// .ci/install.sh) that does nothing but `import 'relu-lab'` and `import init … from
// 'relu-lab/core'`: no bundler configuration, no copied files. The package is what `npm pack`
// makes of dist/, unpacked into the project's node_modules as `npm install` would. Each build is
// served by a plain static server and loaded in Chromium: the element is styled by its own
// sheet, it trains, the core prints the README's figure, and nothing fails to load. The output's
// size is printed (not asserted). Then an Experiments screen runs an experiment at its quick
// setting to a measured verdict: in its worker by URL where the bundler bundles
// `new Worker(new URL(…, import.meta.url))` (Vite, webpack), from the worker's source shipped
// in the package where it does not (esbuild). Vite 8's dev server is tried the same way.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { expect, test } from '@playwright/test';
import { ensureDist, freePort, ROOT, serveStatic, startProcess, stopProcess, waitForUrl } from '../python/support.mjs';

const CONSUMERS = join(ROOT, 'tests', 'consumers');
const PACKED = join(ROOT, 'test-results', 'bundlers');
/** Loopback ports for the consumers' servers (the first free one is used). */
const PORTS = [8186, 8187, 8188, 8189, 8190, 8191];

/**
 * Bundler → its project folder, its output folder, the folder its page is served from, and
 * whether it bundles the Experiments worker (so the worker starts by its URL).
 */
const BUNDLERS = [
  { name: 'Vite 8', dir: 'vite8', out: 'dist', serve: 'dist', workerByUrl: true },
  { name: 'Vite 5', dir: 'vite5', out: 'dist', serve: 'dist', workerByUrl: true },
  { name: 'webpack 5', dir: 'webpack5', out: 'out', serve: '.', workerByUrl: true },
  { name: 'esbuild', dir: 'esbuild', out: 'out', serve: '.', workerByUrl: false },
];

/** What README.md's JS API example says its accuracy line prints. */
function readmeFigure() {
  const line = readFileSync(join(ROOT, 'README.md'), 'utf8').match(/^\/\/ prints: (test accuracy .*)$/m);
  if (!line) throw new Error('README.md: no "// prints: test accuracy …" line in the JS API example');
  return line[1];
}

function files(folder) {
  return readdirSync(folder, { recursive: true })
    .map((name) => join(folder, name))
    .filter((path) => statSync(path).isFile());
}

let tarball = null;
test.beforeAll(async () => {
  test.setTimeout(180_000);
  await ensureDist('package.json');
  rmSync(PACKED, { recursive: true, force: true });
  mkdirSync(PACKED, { recursive: true });
  const [packed] = JSON.parse(execFileSync('npm', ['pack', '--json', '--pack-destination', PACKED, '--ignore-scripts'], { cwd: join(ROOT, 'dist'), encoding: 'utf8' }));
  tarball = join(PACKED, packed.filename);
});

/** Unpack the package into `project`'s node_modules/relu-lab, as `npm install` would. */
function installPackage(project) {
  if (!existsSync(join(project, 'node_modules', '.package-lock.json'))) {
    throw new Error(`${relative(ROOT, project)} has no node_modules: run .ci/install.sh`);
  }
  const target = join(project, 'node_modules', 'relu-lab');
  rmSync(target, { recursive: true, force: true });
  mkdirSync(target, { recursive: true });
  execFileSync('tar', ['-xzf', tarball, '-C', target, '--strip-components=1']);
}

/** What goes wrong on `page` from now on: console errors, failed or foreign requests. */
function watchProblems(page, origin) {
  const problems = [];
  page.on('console', (message) => {
    const favicon = message.location().url?.endsWith('/favicon.ico');
    if (message.type() === 'error' && !favicon) problems.push(`console.error: ${message.text()} (${message.location().url})`);
  });
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  page.on('requestfailed', (request) => problems.push(`failed: ${request.url()}`));
  page.on('response', (response) => {
    // The browser asks for /favicon.ico on its own; the consumer pages have none.
    if (response.status() >= 400 && !response.url().endsWith('/favicon.ico')) problems.push(`${response.status()}: ${response.url()}`);
  });
  page.on('request', (request) => {
    const at = request.url();
    if (!at.startsWith('data:') && !at.startsWith('blob:') && new URL(at).origin !== origin) problems.push(`foreign: ${at}`);
  });
  return problems;
}

/**
 * Load `url` and check the consumer page: the element styled and training, the core's line,
 * no console error, no request that failed or left the server. Returns the problems seen
 * (empty), to which later ones are added.
 */
async function checkPage(page, url) {
  const problems = watchProblems(page, new URL(url).origin);
  await page.goto(url);
  const lab = page.locator('relu-lab');
  await page.waitForFunction(() => customElements.get('relu-lab') !== undefined);
  await lab.evaluate((element) => element.ready);

  // Styled by its own sheet: embed.css gives the frame a solid border and round corners.
  const frame = await lab.evaluate((element) => {
    const style = getComputedStyle(element.shadowRoot.querySelector('.relu-lab'));
    return { border: style.borderTopStyle, radius: style.borderTopLeftRadius, font: style.fontFamily };
  });
  expect(frame.border).toBe('solid');
  expect(frame.radius).not.toBe('0px');
  expect(frame.font).toContain('system-ui');

  // It trains: the step count rises.
  const step = async () => Number(((await lab.locator('[data-field="step"]').first().textContent()) ?? '').replace(/[^\d]/g, ''));
  await expect.poll(step, { timeout: 20_000 }).toBeGreaterThan(0);
  const first = await step();
  await expect.poll(step, { timeout: 20_000 }).toBeGreaterThan(first);

  await expect(page.locator('#core')).toHaveText(readmeFigure(), { timeout: 20_000 });
  expect(problems).toEqual([]);
  return problems;
}

/**
 * Replace the page's element with an Experiments screen and run "born-dead" at its quick
 * setting to a measured verdict. Where the bundler left the worker's URL pointing nowhere
 * (`workerByUrl` false) that URL's 404 is expected, and the worker must be the one from its
 * source (a blob: URL); elsewhere nothing may fail and no worker may come from a blob.
 */
async function checkExperiment(page, problems, workerByUrl) {
  await page.evaluate(() => {
    const lab = document.createElement('relu-lab');
    lab.setAttribute('screen', 'experiments');
    lab.setAttribute('experiment', 'born-dead');
    document.querySelector('relu-lab').replaceWith(lab);
  });
  const card = page.locator('relu-lab .exp-card[data-experiment="born-dead"]');
  await card.getByRole('button', { name: 'Quick setting' }).click();
  await card.getByRole('button', { name: 'Run' }).click();
  await expect(card.locator('[data-field="sentence"]')).toContainText('measured in', { timeout: 60_000 });
  await expect(card.locator('[data-field="verdict"]')).toHaveText(/^Verdict: (true|partly|shown)\.$/);
  const unbundled = (problem) => /\/experiments\/worker\.js\b/.test(problem);
  const fromBlob = page.workers().filter((worker) => worker.url().startsWith('blob:')).length;
  if (workerByUrl) {
    expect(problems).toEqual([]);
    expect(fromBlob, 'the worker started by its URL').toBe(0);
  } else {
    expect(problems.filter((problem) => !unbundled(problem))).toEqual([]);
    expect(problems.filter(unbundled).length, "the worker's URL was tried first").toBeGreaterThan(0);
    expect(fromBlob, 'the worker started from its source').toBe(1);
  }
}

test.describe('the dist package in bundlers, no configuration', () => {
  for (const bundler of BUNDLERS) {
    test(`${bundler.name}: builds, and the page is styled, trains, runs the core and an experiment`, async ({ page }) => {
      test.setTimeout(240_000); // webpack takes a minute on a busy 2-core machine
      const project = join(CONSUMERS, bundler.dir);
      installPackage(project);
      const started = performance.now();
      execFileSync('npm', ['run', '--silent', 'build'], { cwd: project, stdio: 'pipe' });
      const seconds = (performance.now() - started) / 1000;

      const output = files(join(project, bundler.out));
      const bytes = output.reduce((sum, path) => sum + statSync(path).size, 0);
      const largest = output.map((path) => ({ path, size: statSync(path).size })).sort((a, b) => b.size - a.size)[0];
      console.log(
        `bundlers: ${bundler.name}: ${output.length} files, ${(bytes / 1024).toFixed(0)} KiB in ${bundler.dir}/${bundler.out}/ ` +
          `(largest ${relative(project, largest.path)}, ${(largest.size / 1024).toFixed(0)} KiB), built in ${seconds.toFixed(1)} s`,
      );
      // Only what the page uses is bundled: not the package's other routes.
      const names = output.map((path) => relative(project, path));
      expect(names.filter((name) => /relu-lab\.html|embed\.bundle|anywidget|\.css$/.test(name))).toEqual([]);

      const port = await freePort(PORTS);
      const server = await serveStatic(port, { '/': join(project, bundler.serve) });
      try {
        const problems = await checkPage(page, `http://127.0.0.1:${port}/`);
        await checkExperiment(page, problems, bundler.workerByUrl);
      } finally {
        await server.close();
        // Built files are not sources: `eslint .` must not meet them.
        rmSync(join(project, bundler.out), { recursive: true, force: true });
      }
    });
  }

  test('Vite 8 dev server: the same page, served unbundled', async ({ page }) => {
    test.setTimeout(120_000);
    const project = join(CONSUMERS, 'vite8');
    installPackage(project);
    rmSync(join(project, 'node_modules', '.vite'), { recursive: true, force: true });
    const port = await freePort(PORTS);
    const vite = startProcess(join(project, 'node_modules', '.bin', 'vite'), ['--port', String(port), '--strictPort', '--host', '127.0.0.1'], { cwd: project });
    try {
      await waitForUrl(`http://127.0.0.1:${port}/`, vite);
      const problems = await checkPage(page, `http://127.0.0.1:${port}/`);
      await checkExperiment(page, problems, true);
    } finally {
      await stopProcess(vite);
    }
  });
});
