// Build dist/: ReLU Lab for other people's pages. Run by `make dist` (.ci/dist.sh) after
// `make build`; needs www/pkg (the wasm and its JS glue) and npm's esbuild.
//
//   dist/                    a static folder any host serves as is, laid out as an npm package
//     package.json           name, version, "type": "module", "exports", "types", "files"
//     relu-lab.js            the <relu-lab> element (ES modules, unbundled, as in www/), which
//                            any bundler takes as it is (Vite, webpack, esbuild, Rollup): its
//                            CSS is in JS modules (js/embed/sheets/, adopted as constructed
//                            style sheets) and pkg/relu_lab.js's init() with no argument
//                            compiles the wasm from pkg/relu_lab_bg.wasm.js (base64), so there
//                            is no asset URL for a bundler to resolve or copy
//     relu-lab.d.ts          its types; pkg/relu_lab.d.ts types the core ("relu-lab/core")
//     embed.html             the iframe page, loading embed.bundle.js: one classic script with
//                            the wasm and CSS inlined, so it also works in an iframe sandboxed
//                            without allow-same-origin on a host that sends no CORS header
//     relu-lab.html          ONE self-contained file (wasm as base64, every script and style
//                            inlined) that works opened from disk, with a screen chooser
//     index.html, function.html, neuron.html, network.html, examples/, css/, js/, pkg/
//   The two bundles start the Experiments worker from a blob: URL of its own bundled source,
//   and hand it the page's compiled wasm module (so the wasm is inlined once); the module
//   graph's js/screens/experiments/worker-source.js holds the same source, for runner.js where
//   the worker cannot start by its URL (esbuild leaves it unresolved).
//
// The npm package (`files`) holds only what a consumer uses: the element's module graph and
// the Experiments worker's (as esbuild finds them), the core, the iframe page and its bundle,
// the single file, the types and the guide. Nothing is published. `node .ci/dist.mjs --check`
// also runs `npm pack --dry-run` in dist/.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const www = join(root, 'www');
const finalDist = join(root, 'dist');
// Built beside it and moved into place at the end, so that a reader of dist/ (a test running
// meanwhile) never sees it half written.
const dist = join(root, 'target', `dist-building-${process.pid}`);
const embedDir = join(www, 'js', 'embed');
const rootPackage = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const VERSION = rootPackage.version;

/** Folders of www/ that are not part of the distribution (developers' harnesses). */
const SKIP = new Set(['dev']);

function fail(message) {
  console.error(`dist: ${message}`);
  process.exit(1);
}

for (const file of ['relu_lab.js', 'relu_lab_bg.wasm', 'relu_lab.d.ts']) {
  if (!existsSync(join(www, 'pkg', file))) fail(`www/pkg/${file} is missing: run \`make build\` first`);
}

// ---- 1. the static folder: www/ as it is ---------------------------------------------------
rmSync(dist, { recursive: true, force: true });
mkdirSync(dist, { recursive: true });
process.on('exit', () => rmSync(dist, { recursive: true, force: true }));
for (const entry of readdirSync(www)) {
  if (SKIP.has(entry)) continue;
  cpSync(join(www, entry), join(dist, entry), { recursive: true });
}

const wasmBase64 = readFileSync(join(www, 'pkg', 'relu_lab_bg.wasm')).toString('base64');
const { SHEET_FILES } = await import(join(embedDir, 'styles.js'));
const css = Object.fromEntries(SHEET_FILES.map((file) => [file, readFileSync(join(www, file), 'utf8')]));
const sheetModule = (file) => `./sheets/${basename(file, '.css')}.js`;

// ---- 2. the package's module graph: nothing for a bundler to resolve but JS imports -------
/** pkg/relu_lab_bg.wasm.js: the wasm's bytes, decoded from base64 on demand. */
writeFileSync(
  join(dist, 'pkg', 'relu_lab_bg.wasm.js'),
  `// The bytes of relu_lab_bg.wasm (base64), so that init() needs no URL (.ci/dist.mjs).\n` +
    `const WASM_BASE64 = ${JSON.stringify(wasmBase64)};\n` +
    'export function wasmBytes() {\n  const text = atob(WASM_BASE64);\n  const bytes = new Uint8Array(text.length);\n' +
    '  for (let i = 0; i < text.length; i += 1) bytes[i] = text.charCodeAt(i);\n  return bytes;\n}\n',
);
// init() with no argument: those bytes instead of fetching new URL('relu_lab_bg.wasm', import.meta.url).
const glue = readFileSync(join(www, 'pkg', 'relu_lab.js'), 'utf8');
const DEFAULT_WASM_URL = "module_or_path = new URL('relu_lab_bg.wasm', import.meta.url);";
if (!glue.includes(DEFAULT_WASM_URL)) fail('www/pkg/relu_lab.js: its default wasm URL changed; update .ci/dist.mjs');
// A static import (not import()): a bundler's worker build may be one chunk (Vite 5's IIFE).
writeFileSync(
  join(dist, 'pkg', 'relu_lab.js'),
  glue
    .replace(DEFAULT_WASM_URL, () => 'module_or_path = wasmBytes();')
    .replace(/^(\/\*[^\n]*\*\/\n)?/, (pragma) => `${pragma}import { wasmBytes } from './relu_lab_bg.wasm.js';\n`),
);
// js/embed/styles.js: constructed style sheets from the CSS as text, one module per sheet
// (literal dynamic imports, so a screen's page loads only its own sheets).
mkdirSync(join(dist, 'js', 'embed', 'sheets'), { recursive: true });
for (const file of SHEET_FILES) {
  writeFileSync(join(dist, 'js', 'embed', sheetModule(file)), `// ${file} as text (.ci/dist.mjs).\nexport default ${JSON.stringify(css[file])};\n`);
}
const sheetTable = SHEET_FILES.map((file) => `  ${JSON.stringify(file)}: () => import(${JSON.stringify(sheetModule(file))}),`).join('\n');
const ADOPT_STYLES = `
/** Give \`root\` the constructed style sheets of \`texts\` (CSS text), before its own. */
function adopt(root, texts) {
  const sheets = texts.map((text) => {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(text);
    return sheet;
  });
  root.adoptedStyleSheets = [...sheets, ...root.adoptedStyleSheets];
  return {
    sheets,
    remove() {
      root.adoptedStyleSheets = root.adoptedStyleSheets.filter((sheet) => !sheets.includes(sheet));
    },
  };
}
`;
writeFileSync(
  join(dist, 'js', 'embed', 'styles.js'),
  `// Style sheets for an embed's shadow root (dist: written by .ci/dist.mjs; www/js/embed/styles.js
// links the CSS files instead). Constructed style sheets, which a strict CSP allows.
const SHEETS = Object.freeze({
${sheetTable}
});
export const SHEET_FILES = Object.freeze(Object.keys(SHEETS));
${ADOPT_STYLES}
export async function applyStyles(root, files) {
  const wanted = files.filter((file) => Object.hasOwn(SHEETS, file));
  const texts = await Promise.all(wanted.map(async (file) => (await SHEETS[file]()).default));
  return adopt(root, texts);
}
`,
);

// ---- 3. bundles: the wasm and the CSS inlined ----------------------------------------------
/** core/load.js, with the wasm compiled from the inlined bytes (initSync) instead of fetched. */
const INLINE_CORE = `
import { initSync } from ${JSON.stringify(join(www, 'pkg', 'relu_lab.js'))};
import { wasmBytes } from ${JSON.stringify(join(dist, 'pkg', 'relu_lab_bg.wasm.js'))};
let ready = null;
let compiled = null;
/** The compiled module (for the Experiments worker), once coreReady() has run. */
export function coreModule() {
  return compiled;
}
export function coreReady() {
  ready ??= Promise.resolve().then(() => {
    compiled = new WebAssembly.Module(wasmBytes());
    initSync({ module: compiled });
  });
  return ready;
}
`;

/** The worker's core/load.js: the page posts its compiled module first ({ type: 'relu-lab-wasm' }). */
const WORKER_CORE = `
import { initSync } from ${JSON.stringify(join(www, 'pkg', 'relu_lab.js'))};
let resolveModule;
const received = new Promise((resolve) => { resolveModule = resolve; });
self.addEventListener('message', (event) => {
  if (event.data?.type === 'relu-lab-wasm') resolveModule(event.data.module);
});
let ready = null;
export function coreReady() {
  ready ??= received.then((module) => {
    if (!(module instanceof WebAssembly.Module)) throw new Error('the page sent no wasm module');
    initSync({ module });
  });
  return ready;
}
`;

/** styles.js, with constructed style sheets from the inlined CSS instead of <link>s. */
const INLINE_STYLES = `
const CSS = ${JSON.stringify(css)};
export const SHEET_FILES = Object.freeze(Object.keys(CSS));
${ADOPT_STYLES}
export async function applyStyles(root, files) {
  return adopt(root, files.filter((file) => CSS[file] !== undefined).map((file) => CSS[file]));
}
`;

/** The worker's creation in runner.js, for a bundle: from a blob: URL of WORKER_SOURCE. */
const WORKER_CREATION = "new Worker(new URL('../../experiments/worker.js', import.meta.url), { type: 'module' })";
const runnerFile = join(www, 'js', 'screens', 'experiments', 'runner.js');
if (!readFileSync(runnerFile, 'utf8').includes(WORKER_CREATION)) fail('runner.js: its Worker changed; update .ci/dist.mjs');
const bundledRunner = (workerSource) => `
import { coreModule } from '../../core/load.js';
const WORKER_SOURCE = ${JSON.stringify(workerSource)};
let workerUrl = null;
function startWorker() {
  workerUrl ??= URL.createObjectURL(new Blob([WORKER_SOURCE], { type: 'text/javascript' }));
  const worker = new Worker(workerUrl);
  worker.postMessage({ type: 'relu-lab-wasm', module: coreModule() });
  return worker;
}
${readFileSync(runnerFile, 'utf8').replace(WORKER_CREATION, 'startWorker()')}`;

/**
 * esbuild plugin: swap js/core/load.js, js/embed/styles.js and (with a worker's source)
 * runner.js for the inlined versions; `core` chooses the page's or the worker's load.js.
 */
function inlineAssets(core, workerSource = null) {
  const swaps = { [join(www, 'js', 'core', 'load.js')]: core, [join(embedDir, 'styles.js')]: 'styles' };
  if (workerSource !== null) swaps[runnerFile] = 'runner';
  const contents = { core: INLINE_CORE, worker: WORKER_CORE, styles: INLINE_STYLES, runner: workerSource === null ? '' : bundledRunner(workerSource) };
  return {
    name: 'relu-lab-inline-assets',
    setup(plugin) {
      plugin.onResolve({ filter: /(load|styles|runner)\.js$/ }, (args) => {
        if (!args.importer || !args.path.startsWith('.')) return undefined;
        const from = args.namespace === 'relu-lab-inline' ? args.resolveDir : dirname(args.importer);
        const which = swaps[join(from, args.path)];
        return which ? { path: which, namespace: 'relu-lab-inline' } : undefined;
      });
      plugin.onLoad({ filter: /.*/, namespace: 'relu-lab-inline' }, (args) => ({
        contents: contents[args.path],
        resolveDir: args.path === 'runner' ? dirname(runnerFile) : embedDir,
        loader: 'js',
      }));
    },
  };
}

async function bundle(entry, format, plugins, metafile = false) {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    format,
    write: false,
    minify: true,
    metafile,
    legalComments: 'none',
    target: ['es2022', 'chrome111', 'firefox115', 'safari16.4'],
    plugins,
    // wasm-bindgen's fetching init() reads import.meta.url; the bundles never call it.
    logOverride: { 'empty-import-meta': 'silent' },
    logLevel: 'warning',
  });
  return metafile ? result : result.outputFiles[0].text;
}

const workerSource = await bundle(join(www, 'js', 'experiments', 'worker.js'), 'iife', [inlineAssets('worker')]);
// The same source for the module graph's runner.js, which imports it only when the worker
// cannot start by its URL (esbuild leaves that URL unresolved); the wasm comes from the page.
writeFileSync(
  join(dist, 'js', 'screens', 'experiments', 'worker-source.js'),
  `// The Experiments worker as one script (.ci/dist.mjs), for runner.js when the worker cannot start by its URL.
import { wasmBytes } from '../../../pkg/relu_lab_bg.wasm.js';
const WORKER_SOURCE = ${JSON.stringify(workerSource)};
let compiled = null;
let workerUrl = null;
/** The worker from a blob: URL of its source, handed the wasm compiled from the package's bytes. */
export async function startWorkerFromSource() {
  compiled ??= WebAssembly.compile(wasmBytes());
  const module = await compiled;
  workerUrl ??= URL.createObjectURL(new Blob([WORKER_SOURCE], { type: 'text/javascript' }));
  const worker = new Worker(workerUrl);
  worker.postMessage({ type: 'relu-lab-wasm', module });
  return worker;
}
`,
);
const pagePlugins = [inlineAssets('core', workerSource)];
const embedBundle = await bundle(join(embedDir, 'embed-page.js'), 'iife', pagePlugins);
writeFileSync(join(dist, 'embed.bundle.js'), `/* ReLU Lab ${VERSION}: embed.html in one classic script (wasm and CSS inlined). */\n${embedBundle}`);

// embed.html for dist: the classic bundle instead of the module graph.
const embedHtml = readFileSync(join(www, 'embed.html'), 'utf8');
const scripts = /\s*<script src="js\/embed\/embed-fallback\.js"><\/script>\s*<script type="module" src="js\/embed\/embed-page\.js"><\/script>/;
if (!scripts.test(embedHtml)) fail('www/embed.html: its script tags changed; update .ci/dist.mjs');
writeFileSync(
  join(dist, 'embed.html'),
  embedHtml
    .replace(/\s*<!-- Classic, so that[^>]*-->/, '')
    .replace(scripts, '\n  <script src="embed.bundle.js" defer></script>'),
);

// ---- 4. the single file ---------------------------------------------------------------------
const singleScript = await bundle(join(embedDir, 'single-file.js'), 'esm', pagePlugins);
// Inside an inline <script>, "</script" and "<!--" must not appear literally.
const safeScript = singleScript.replace(/<\/(script)/gi, '<\\/$1').replace(/<!--/g, '<\\!--');
const template = readFileSync(join(root, '.ci', 'single-file.html'), 'utf8');
const single = template.replaceAll('__VERSION__', VERSION).replace('__SCRIPT__', () => safeScript);
writeFileSync(join(dist, 'relu-lab.html'), single);

// ---- 4b. relu-lab/anywidget: one self-contained ES module (anywidget imports it from a string)
const anywidget = await bundle(join(embedDir, 'anywidget.js'), 'esm', pagePlugins);
writeFileSync(join(dist, 'anywidget.js'), `/* ReLU Lab ${VERSION}: the anywidget module (wasm and CSS inlined). */\n${anywidget}`);

// ---- 5. package.json and README --------------------------------------------------------------
/** The files of dist/ that the element's and the worker's module graphs reach (esbuild's view). */
async function moduleGraphFiles() {
  const result = await build({
    entryPoints: [join(dist, 'relu-lab.js'), join(dist, 'js', 'experiments', 'worker.js')],
    bundle: true,
    format: 'esm',
    splitting: true,
    outdir: join(root, 'target', 'dist-graph'),
    absWorkingDir: root,
    write: false,
    metafile: true,
    logLevel: 'warning',
  });
  return Object.keys(result.metafile.inputs).map((input) => relative(dist, join(root, input)).split('\\').join('/'));
}
const graph = await moduleGraphFiles();
if (graph.some((file) => file.startsWith('..'))) fail(`the element's module graph leaves dist/: ${graph.filter((file) => file.startsWith('..'))}`);
const distPackage = {
  name: 'relu-lab',
  version: VERSION,
  description:
    'ReLU Lab: the rectified linear unit, one neuron and a small network learning live, in any ' +
    'page: a <relu-lab> custom element, an iframe page, or one self-contained HTML file.',
  license: rootPackage.license,
  type: 'module',
  main: './relu-lab.js',
  module: './relu-lab.js',
  types: './relu-lab.d.ts',
  exports: {
    '.': { types: './relu-lab.d.ts', default: './relu-lab.js' },
    './core': { types: './pkg/relu_lab.d.ts', default: './pkg/relu_lab.js' },
    './core/relu_lab_bg.wasm': './pkg/relu_lab_bg.wasm',
    './embed.html': './embed.html',
    './embed.bundle.js': './embed.bundle.js',
    './relu-lab.html': './relu-lab.html',
    './anywidget': './anywidget.js',
    './package.json': './package.json',
  },
  sideEffects: ['./relu-lab.js', './embed.bundle.js'],
  files: [
    ...new Set([
      ...graph,
      'relu-lab.d.ts',
      'pkg/relu_lab.d.ts',
      'pkg/relu_lab_bg.wasm',
      'pkg/relu_lab_bg.wasm.d.ts',
      'embed.html',
      'embed.bundle.js',
      'css/tokens.css',
      'css/embed-page.css',
      'favicon.svg',
      'relu-lab.html',
      'anywidget.js',
      'README.md',
    ]),
  ]
    .filter((file) => existsSync(join(dist, file)))
    .sort(),
  keywords: ['relu', 'activation-function', 'neural-network', 'webassembly', 'web-component', 'education'],
};
writeFileSync(join(dist, 'package.json'), `${JSON.stringify(distPackage, null, 2)}\n`);
// The guide is README.md's "## Embedding" section, to the end of the file.
const readme = readFileSync(join(root, 'README.md'), 'utf8');
const guide = readme.slice(readme.search(/^## Embedding/m));
writeFileSync(
  join(dist, 'README.md'),
  `# ReLU Lab ${VERSION}\n\nThe rectified linear unit, one neuron up close, and a small network learning live, ` +
    'computed by a Rust core compiled to WebAssembly. This folder is a static site (serve it as it ' +
    'is) and an npm package.\n\n' +
    guide,
);

// ---- report -----------------------------------------------------------------------------------
function folderSize(path) {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.size;
  return readdirSync(path).reduce((sum, entry) => sum + folderSize(join(path, entry)), 0);
}
const kib = (bytes) => `${(bytes / 1024).toFixed(0)} KiB`;
rmSync(finalDist, { recursive: true, force: true });
renameSync(dist, finalDist);
console.log(`dist: ${relative(root, finalDist)}/ ${kib(folderSize(finalDist))} in all`);
console.log(`dist:   relu-lab.html   ${kib(statSync(join(finalDist, 'relu-lab.html')).size)} (single file)`);
console.log(`dist:   embed.bundle.js ${kib(statSync(join(finalDist, 'embed.bundle.js')).size)} (embed.html's script)`);

if (process.argv.includes('--check')) {
  const packed = JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: finalDist, encoding: 'utf8' }));
  const files = packed[0].files.map((file) => file.path);
  const needed = ['package.json', 'relu-lab.js', 'relu-lab.d.ts', 'pkg/relu_lab_bg.wasm', 'pkg/relu_lab_bg.wasm.js', 'pkg/relu_lab.d.ts', 'relu-lab.html', 'embed.html', 'js/experiments/worker.js', 'js/embed/sheets/lab.js'];
  for (const file of needed) {
    if (!files.includes(file)) fail(`npm pack would leave out ${file}`);
  }
  for (const file of files) {
    if (/^(index|function|neuron|network|experiments)\.html$|^examples\/|^js\/main\.js$/.test(file)) fail(`npm pack would ship ${file}, a page of the site`);
  }
  console.log(`dist: npm pack --dry-run: ${packed[0].name}@${packed[0].version}, ${files.length} files, ${kib(packed[0].size)} packed`);
}
