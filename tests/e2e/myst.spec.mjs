// MyST-MD / Jupyter Book 2 (issue 14): README's two snippets for it, the `{iframe}` directive
// (<!-- snippet: myst-iframe -->) and the `{anywidget}` directive (<!-- snippet: myst-anywidget -->),
// taken from README.md itself and built by the real `myst build --site` (npm mystmd, pinned in
// package.json). What could not be had offline: the book theme. mystmd downloads its site
// template (the React app that turns the AST into HTML) from its own web API, which no package
// registry carries, so this spec gives `myst build` a stand-in template folder (only its
// template.yml) and checks what the tool itself produces: the page's AST
// (_build/site/content/index.json) and the public folder, where mystmd copies the widget's
// module at build time. A host page then renders the two nodes as the theme's contract says
// (an <iframe> with the node's src, title and width in MyST's 720 × 432 frame; the anywidget
// module's `render({ model, el })` with a model holding the node's JSON) and Chromium checks
// that both render and train with no console error.
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { expect, test } from '@playwright/test';
import { README_BASE, ROOT, ensureDist, freePort, readmeSnippet, serveStatic } from '../python/support.mjs';

const PORTS = [8180, 8181, 8182, 8183];
const MYST = join(ROOT, 'node_modules', '.bin', 'myst');

let server = null;
let origin = '';
let work = '';
let distDir = '';
/** The page's AST as `myst build --site` wrote it. */
let page = null;

/** The first node of `type` in an mdast tree. */
function findNode(tree, type) {
  if (tree?.type === type) return tree;
  for (const child of tree?.children ?? []) {
    const found = findNode(child, type);
    if (found) return found;
  }
  return null;
}

/** What README's snippet says after `:name:` (the directive's option), trimmed. */
const readmeOption = (snippet, name) => new RegExp(`^:${name}:(.*)$`, 'm').exec(snippet)?.[1].trim();

/** The host page: renders the built page's iframe and anywidget nodes as MyST's theme does. */
const HOST = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>A MyST lesson</title></head>
<body><main><h1>A lesson</h1><div id="frame"></div><div id="widget"></div></main>
<script type="module">
const find = (tree, type) => tree?.type === type ? tree : (tree?.children ?? []).map((c) => find(c, type)).find(Boolean);
const { mdast } = await (await fetch('/content/index.json')).json();
const frame = find(mdast, 'iframe');
const iframe = document.createElement('iframe');
Object.assign(iframe, { src: frame.src, title: frame.title ?? '' });
iframe.style.cssText = 'border: 0; width: 720px; height: 432px';
document.querySelector('#frame').append(iframe);
const widget = find(mdast, 'anywidget');
const values = { ...widget.model };
const listeners = new Map();
window.sent = [];
const model = {
  get: (key) => values[key],
  set: (key, value) => { values[key] = value; for (const callback of listeners.get('change:' + key) ?? []) callback(); },
  on: (name, callback) => listeners.set(name, [...(listeners.get(name) ?? []), callback]),
  off: (name, callback) => listeners.set(name, (listeners.get(name) ?? []).filter((c) => c !== callback)),
  save_changes: () => {},
  send: (content) => window.sent.push(content),
};
window.model = model;
const module = await import(widget.esm);
await module.default.render({ model, el: document.querySelector('#widget') });
</script></body></html>
`;

test.beforeAll(async ({}, testInfo) => {
  testInfo.setTimeout(90_000);
  distDir = join(await ensureDist('anywidget.js'), '..');
  work = mkdtempSync(join(tmpdir(), 'relu-lab-myst-'));
  const port = await freePort(PORTS);
  origin = `http://127.0.0.1:${port}`;
  const book = join(work, 'book');
  const site = join(book, '_build', 'site');
  const host = join(work, 'host');
  mkdirSync(join(book, 'template'), { recursive: true });
  mkdirSync(host, { recursive: true });
  writeFileSync(join(host, 'index.html'), HOST);
  // dist/ must be served while myst builds: it downloads the {anywidget} module then.
  server = await serveStatic(port, {
    '/relu-lab/': distDir,
    '/content/': join(site, 'content'),
    '/host/': host,
    '/favicon.ico': join(ROOT, 'www', 'favicon.svg'),
    // The theme serves the site's public folder at the site's root: the copied module is there.
    '/': join(site, 'public'),
  });

  const snippet = (name) => readmeSnippet(name).replaceAll(README_BASE, `${origin}/relu-lab/`);
  writeFileSync(join(book, 'template', 'template.yml'), 'jtex: v1\nkind: site\ntitle: stand-in for the book theme\n');
  writeFileSync(join(book, 'myst.yml'), 'version: 1\nproject:\n  title: ReLU Lab in MyST\nsite:\n  template: ./template\n');
  writeFileSync(join(book, 'index.md'), `# A lesson\n\nSome text.\n\n${snippet('myst-iframe')}\n${snippet('myst-anywidget')}\nMore text.\n`);
  const started = performance.now();
  try {
    // Not execFileSync: this process's own server must answer myst's download meanwhile.
    await promisify(execFile)(MYST, ['build', '--site'], { cwd: book, encoding: 'utf8', timeout: 60_000, env: { ...process.env, NO_COLOR: '1' } });
  } catch (error) {
    throw new Error(`myst build --site failed:\n${error.stdout ?? ''}${error.stderr ?? ''}`);
  }
  console.log(`myst: myst build --site ${Math.round(performance.now() - started)} ms`);
  page = JSON.parse(readFileSync(join(site, 'content', 'index.json'), 'utf8'));
});

test.afterAll(async () => {
  await server?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

test('myst: README snippets parse into an iframe node (compact, titled) and an anywidget node with the module and traits', () => {
  const iframe = findNode(page.mdast, 'iframe');
  const readmeIframe = readmeSnippet('myst-iframe');
  expect(iframe, 'no iframe node in the built page').toBeTruthy();
  expect(new URL(iframe.src).pathname).toBe('/relu-lab/embed.html');
  expect(new URL(iframe.src).searchParams.get('layout')).toBe('compact');
  expect(iframe.title).toBeTruthy();
  expect(iframe.title).toBe(readmeOption(readmeIframe, 'title'));
  expect(iframe.width).toBe(readmeOption(readmeIframe, 'width'));

  const widget = findNode(page.mdast, 'anywidget');
  expect(widget, 'no anywidget node in the built page').toBeTruthy();
  const body = readmeSnippet('myst-anywidget').split('\n').filter((line) => !line.startsWith('```')).join('\n');
  expect(widget.model).toEqual(JSON.parse(body));
  // mystmd copies the module into the book; the copy must be dist/anywidget.js byte for byte.
  const copy = readFileSync(join(work, 'book', '_build', 'site', 'public', widget.esm.replace(/^\//, '')));
  expect(copy.equals(readFileSync(join(distDir, 'anywidget.js'))), `${widget.esm} is not dist/anywidget.js`).toBe(true);
});

/** The step counter of a mounted network screen under `root`. */
const stepOf = async (root) => Number((await root.locator('[data-field="step"]').first().textContent()).replace(/[^\d]/g, ''));

/** The network screen under `root` trains (pressing Play if it did not start by itself). */
async function expectTrains(browserPage, root) {
  const first = await stepOf(root);
  await browserPage.waitForTimeout(300);
  if ((await stepOf(root)) === first) await root.getByRole('button', { name: 'Play', exact: true }).first().click();
  await expect.poll(() => stepOf(root), { timeout: 15_000 }).toBeGreaterThan(first);
}

test('myst: the built iframe and anywidget nodes render and train, with no console error', async ({ page: browserPage }) => {
  const errors = [];
  browserPage.on('console', (message) => {
    if (message.type() === 'error') errors.push(`${message.text()} (${message.location().url})`);
  });
  browserPage.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  await browserPage.goto(`${origin}/host/`);

  // The iframe: named by README's :title:, compact in the 720 × 432 frame, training.
  const title = readmeOption(readmeSnippet('myst-iframe'), 'title');
  await expect(browserPage.getByTitle(title, { exact: true })).toBeVisible();
  const frame = browserPage.frameLocator('iframe');
  await expect(frame.locator('relu-lab')).toHaveCount(1);
  await frame.locator('relu-lab').evaluate((element) => element.ready);
  await expect(frame.getByRole('button', { name: 'Show everything' })).toBeVisible();
  await expect(frame.locator('canvas:visible').first()).toBeInViewport();
  await expectTrains(browserPage, frame.locator('relu-lab'));

  // The widget: mounted by the module mystmd copied, with the node's traits, training.
  const lab = browserPage.locator('#widget relu-lab');
  await expect(lab).toHaveCount(1);
  await lab.evaluate((element) => element.ready);
  await expect(lab).toHaveAttribute('preset', 'kill');
  await expect(lab.locator('canvas').first()).toBeVisible();
  await expect(lab.getByRole('button', { name: /presets?/i })).toHaveCount(0);
  await expectTrains(browserPage, lab);
  await expect.poll(() => browserPage.evaluate(() => Object.keys(window.model.get('state') ?? {}).length)).toBeGreaterThan(0);
  await browserPage.screenshot({ path: test.info().outputPath('myst.png'), fullPage: true });
  expect(errors).toEqual([]);
});
