// Real static-site generators (issue 14, item 5): an MkDocs site and a Sphinx + MyST site, built
// by the tools themselves (the venv of `.ci/install.sh --browser`, tests/python/requirements.txt)
// from README.md's own snippets (the fenced blocks after <!-- snippet: mkdocs-config -->,
// <!-- snippet: mkdocs-page --> and <!-- snippet: sphinx-page -->), so the guide and the tests
// cannot drift. README's https://example.org/relu-lab/ becomes the loopback server's
// /relu-lab/, which serves dist/ as a plain static host would; the two built sites are served
// beside it. Checked in Chromium: each embed renders and trains, with no console error.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { README_BASE, ROOT, ensureDist, freePort, readmeSnippet, serveStatic, venvBin } from '../python/support.mjs';

const PORTS = [8195, 8196, 8197, 8198, 8199];

let server = null;
let origin = '';
let work = '';
const timings = {};

/** Run a tool of the venv in `cwd`; its output becomes the error message when it fails. */
function run(tool, args, cwd) {
  const started = performance.now();
  try {
    execFileSync(venvBin(tool), args, { cwd, stdio: 'pipe', encoding: 'utf8' });
  } catch (error) {
    throw new Error(`${tool} ${args.join(' ')} failed:\n${error.stdout ?? ''}${error.stderr ?? ''}`);
  }
  timings[tool] = Math.round(performance.now() - started);
}

test.beforeAll(async ({}, testInfo) => {
  testInfo.setTimeout(90_000);
  const dist = join(await ensureDist('relu-lab.js'), '..');
  work = mkdtempSync(join(tmpdir(), 'relu-lab-ssg-'));
  const port = await freePort(PORTS);
  origin = `http://127.0.0.1:${port}`;
  const base = `${origin}/relu-lab/`;
  const snippet = (name) => readmeSnippet(name).replaceAll(README_BASE, base);

  // MkDocs: README's mkdocs.yml lines under a site name, README's element in a page.
  const mkdocs = join(work, 'mkdocs');
  mkdirSync(join(mkdocs, 'docs'), { recursive: true });
  // The default theme fetches highlight.js from a CDN unless told not to (no other host here).
  const site = 'site_name: ReLU Lab in MkDocs\ntheme:\n  name: mkdocs\n  highlightjs: false\n';
  writeFileSync(join(mkdocs, 'mkdocs.yml'), `${site}${snippet('mkdocs-config')}`);
  writeFileSync(join(mkdocs, 'docs', 'index.md'), `# A lesson\n\nSome text.\n\n${snippet('mkdocs-page')}\nMore text.\n`);
  run('mkdocs', ['build', '--strict', '--quiet', '--site-dir', join(work, 'mkdocs-site')], mkdocs);

  // Sphinx + MyST: conf.py as README says, README's raw block in a Markdown page.
  const sphinx = join(work, 'sphinx');
  mkdirSync(sphinx, { recursive: true });
  writeFileSync(join(sphinx, 'conf.py'), 'project = "ReLU Lab in Sphinx"\nextensions = ["myst_parser"]\n');
  writeFileSync(join(sphinx, 'index.md'), `# A lesson\n\nSome text.\n\n${snippet('sphinx-page')}\nMore text.\n`);
  run('sphinx-build', ['--quiet', '--fail-on-warning', '-b', 'html', sphinx, join(work, 'sphinx-site')], sphinx);
  console.log(`ssg: mkdocs build ${timings.mkdocs} ms, sphinx-build ${timings['sphinx-build']} ms`);

  server = await serveStatic(port, {
    '/relu-lab/': dist,
    '/mkdocs/': join(work, 'mkdocs-site'),
    '/sphinx/': join(work, 'sphinx-site'),
    // The browser asks every host for one; a real site has it.
    '/favicon.ico': join(ROOT, 'www', 'favicon.svg'),
  });
});

test.afterAll(async () => {
  await server?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

/** The step counter of a mounted network or neuron screen. */
const stepOf = async (lab) => Number((await lab.locator('[data-field="step"]').first().textContent()).replace(/[^\d]/g, ''));

/** Every <relu-lab> on the page mounts, draws and trains (pressing Play where it does not start by itself). */
async function expectEmbedsTrain(page, count) {
  const labs = page.locator('relu-lab');
  await expect(labs).toHaveCount(count);
  for (let i = 0; i < count; i += 1) {
    const lab = labs.nth(i);
    await lab.evaluate((element) => element.ready);
    await expect(lab.locator('canvas').first()).toBeVisible();
    const box = await lab.boundingBox();
    expect(box.height).toBeGreaterThan(200);
    // Styled: the element's own style sheets reached its shadow root.
    expect(await lab.evaluate((element) => element.shadowRoot.adoptedStyleSheets.length + element.shadowRoot.querySelectorAll('link[rel="stylesheet"]').length)).toBeGreaterThan(0);
    const first = await stepOf(lab);
    await page.waitForTimeout(300);
    if ((await stepOf(lab)) === first) await lab.getByRole('button', { name: 'Play', exact: true }).first().click();
    await expect.poll(() => stepOf(lab), { timeout: 15_000 }).toBeGreaterThan(first);
  }
}

function watchConsole(page) {
  const errors = [];
  const foreign = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`${message.text()} (${message.location().url})`);
  });
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:')) foreign.push(url);
  });
  return { errors, foreign };
}

for (const site of ['mkdocs', 'sphinx']) {
  test(`${site}: the README's snippet builds a page whose embed renders and trains`, async ({ page }) => {
    const watch = watchConsole(page);
    await page.goto(`${origin}/${site}/`);
    await expectEmbedsTrain(page, 1);
    await page.screenshot({ path: test.info().outputPath(`${site}.png`), fullPage: false });
    expect(watch.errors).toEqual([]);
    expect(watch.foreign).toEqual([]);
  });
}
