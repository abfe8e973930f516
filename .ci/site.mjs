// The production site: target/site/, what `make serve` serves. Run by .ci/build.sh after the
// wasm is built (needs www/pkg); `node .ci/site.mjs [--split] [--quiet] [--out <dir>]` (--out:
// another folder than target/site, to compare two builds).
//
// www/ stays the source (readable ES modules, `make dev` serves it as is). Here, with esbuild:
//   - each page's (www/*.html, www/examples/*.html) module script is bundled and minified into
//     one file js/<page>.js, its dynamic imports included (no request waterfall): network.html
//     loads 5 files (HTML, CSS, JS, wasm, icon). The start page and the Experiments page
//     (LAZY_PAGES) are the exceptions: their first paint is static HTML, so their script is a
//     small js/<page>.js that imports the screens' code after that paint, and what they import
//     dynamically (the start page's screens, then its claims table below them; the Experiments
//     screen) stays in chunks of their own, loaded when asked for (code that the small script
//     needs too goes in chunks the page preloads). --split instead builds every page in one
//     esbuild run with shared chunks (js/chunk-*.js), to compare (network.html: 21 files and
//     5 KB more gzipped). The pages made of the <relu-lab> element (embed.html, the course
//     example) are built with it, so they load only the chunk of the screen they show;
//   - the module Web Worker (js/experiments/worker.js) is an entry of its own, js/worker.js;
//   - `new URL('<relative>', import.meta.url)` in any module (the wasm-bindgen glue's wasm, the
//     worker, the embed's style sheets) is rewritten to point from js/ to where that file is in
//     the site, so import.meta.url keeps resolving after bundling;
//   - each page's style sheets become one minified css/page-<page>.css; every css/*.css is also
//     minified under its own name (the <relu-lab> element loads them into its shadow root);
//   - the HTML points at them and preloads the wasm, which then downloads while the JS does
//     (not on experiments.html, NO_WASM_PRELOAD: its picture needs no core, its runs load
//     their own in the worker, and the page asks for it after that picture);
//   - relu-lab.js (the element for other people's pages) is a bundle with the screens in
//     chunks loaded on demand, js/relu-lab.js, re-exported by a one-line relu-lab.js;
//   - pkg/relu_lab_bg.wasm, favicon.svg and the type declarations are copied.
// www/dev/ (developers' harnesses that import modules by path) is left out.
//
// It ends with a table: per page, each file it loads at start and its gzipped size, the sum
// without the wasm and the wasm (and the chunks a LAZY_PAGES page loads later).
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, posix, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build, transform } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const www = join(root, 'www');
const outAt = process.argv.indexOf('--out');
const site = outAt > 0 ? resolve(process.argv[outAt + 1] ?? fail('--out needs a folder')) : join(root, 'target', 'site');
const jsDir = join(site, 'js');
const split = process.argv.includes('--split');
const quiet = process.argv.includes('--quiet');
/** Page folders of www/ (relative); www/dev/ is not part of the site. */
const PAGE_FOLDERS = ['', 'examples'];
const WORKER = join(www, 'js', 'experiments', 'worker.js');
const ELEMENT = join(www, 'relu-lab.js');
/** Pages whose script is the <relu-lab> element (built with it, its screens in chunks). */
const ELEMENT_PAGES = new Set(['embed', 'examples-course']);
/** Pages built with their dynamic imports as chunks, loaded when the page asks for them. */
const LAZY_PAGES = new Set(['index', 'experiments']);
/** Pages that do not preload the wasm: their first picture needs no core. */
const NO_WASM_PRELOAD = new Set(['experiments']);
const WASM = 'pkg/relu_lab_bg.wasm';
/** Browsers the bundles are written for: module workers, top-level await, class fields. */
const TARGET = ['es2022'];

function fail(message) {
  console.error(`site: ${message}`);
  process.exit(1);
}

const toPosix = (path) => path.split(sep).join('/');
/** A relative URL from folder `from` to file `to` (both absolute paths), with a leading ./ */
function urlFrom(from, to) {
  const path = toPosix(relative(from, to));
  return path.startsWith('.') ? path : `./${path}`;
}

for (const file of ['relu_lab.js', 'relu_lab_bg.wasm']) {
  if (!existsSync(join(www, 'pkg', file))) fail(`www/pkg/${file} is missing: run .ci/build.sh first`);
}

// ---- the pages and what they load -----------------------------------------------------------

const LINK_CSS = /<link\s+rel="stylesheet"\s+href="([^"]+)"\s*>\n?/g;
const MODULE_SCRIPT = /<script\s+type="module"\s+src="([^"]+)"\s*><\/script>/g;
const CLASSIC_SCRIPT = /<script\s+src="([^"]+)"\s*><\/script>/g;

/** { name, html, dir, css: [abs], modules: [abs], classic: [abs] } for every page. */
function readPages() {
  const pages = [];
  for (const folder of PAGE_FOLDERS) {
    for (const file of readdirSync(join(www, folder)).filter((name) => name.endsWith('.html')).sort()) {
      const path = join(www, folder, file);
      const dir = dirname(path);
      const html = readFileSync(path, 'utf8');
      const local = (re) => [...html.matchAll(re)].map((m) => m[1]).filter((src) => !/^[a-z]+:/i.test(src)).map((src) => resolve(dir, src));
      const name = toPosix(join(folder, file)).replace(/\.html$/, '').replaceAll('/', '-');
      pages.push({ name, file: toPosix(join(folder, file)), html, dir, css: local(LINK_CSS), modules: local(MODULE_SCRIPT), classic: local(CLASSIC_SCRIPT) });
    }
  }
  return pages;
}

// ---- esbuild: import.meta.url that still resolves from js/ ----------------------------------

/**
 * Rewrites `new URL('<relative>', import.meta.url)` in www's modules so that the path is taken
 * from js/ (where every bundle and chunk is written) to the file's place in the site. A path
 * to a module (the worker) points at its bundle, given in `entries` (absolute source path →
 * absolute output path); any other file is expected at the same place under site/ as under www/.
 */
function importMetaUrlPlugin(entries) {
  const NEW_URL = /new URL\(\s*(['"`])([^'"`]+)\1\s*,\s*import\.meta\.url\s*\)/g;
  return {
    name: 'import-meta-url',
    setup(esbuild) {
      esbuild.onLoad({ filter: /\.js$/ }, (args) => {
        const source = readFileSync(args.path, 'utf8');
        if (!source.includes('import.meta.url')) return { contents: source, loader: 'js' };
        const contents = source.replace(NEW_URL, (whole, quote, spec) => {
          if (/^[a-z]+:/i.test(spec) || spec.startsWith('/')) return whole;
          const dynamic = spec.indexOf('${');
          const fixed = dynamic < 0 ? spec : spec.slice(0, spec.lastIndexOf('/', dynamic) + 1);
          const target = resolve(dirname(args.path), fixed);
          const inWww = relative(www, target);
          if (inWww.startsWith('..')) throw new Error(`${args.path}: ${spec} points outside www/`);
          let out = entries.get(target) ?? join(site, inWww);
          if (dynamic < 0 && target.endsWith('.js') && !entries.has(target)) {
            throw new Error(`${args.path}: ${spec} is a module that is not an entry of the build`);
          }
          let path = urlFrom(jsDir, out);
          if (dynamic >= 0) path = `${path.replace(/\/?$/, '/')}${spec.slice(fixed.length)}`;
          return `new URL(${quote}${path}${quote}, import.meta.url)`;
        });
        return { contents, loader: 'js' };
      });
    },
  };
}

const COMMON = {
  bundle: true,
  minify: true,
  format: 'esm',
  target: TARGET,
  outdir: jsDir,
  entryNames: '[name]',
  chunkNames: 'chunk-[hash]',
  legalComments: 'none',
  logLevel: 'warning',
  metafile: true,
  write: true,
};

/** Build `entries` ({ name: abs path }); returns the metafile's outputs. */
async function bundle(entries, options = {}) {
  const result = await build({
    ...COMMON,
    entryPoints: entries,
    plugins: [importMetaUrlPlugin(new Map([[WORKER, join(jsDir, 'worker.js')]]))],
    ...options,
  });
  return result.metafile.outputs;
}

/** The output files (absolute) that `entry` (an output path relative to root) loads up front. */
function staticClosure(outputs, entry) {
  const seen = new Set();
  const visit = (file) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const each of outputs[file]?.imports ?? []) if (each.kind === 'import-statement') visit(each.path);
  };
  visit(entry);
  return [...seen].map((file) => join(root, file));
}

/** The chunks (absolute) that `name`'s bundle loads only by dynamic import, not in `start`. */
function lazyChunks(outputs, name, start) {
  const seen = new Set(start.map((file) => toPosix(relative(root, file))));
  const lazy = [];
  const visit = (file) => {
    for (const each of outputs[file]?.imports ?? []) {
      if (each.kind !== 'dynamic-import' && each.kind !== 'import-statement') continue;
      if (seen.has(each.path)) continue;
      seen.add(each.path);
      lazy.push(join(root, each.path));
      visit(each.path);
    }
  };
  for (const file of [...seen]) visit(file);
  return lazy;
}

// ---- build ----------------------------------------------------------------------------------

rmSync(site, { recursive: true, force: true });
mkdirSync(jsDir, { recursive: true });
const pages = readPages();

// Style sheets: each file minified under its own name (the element's), and one per page.
mkdirSync(join(site, 'css'), { recursive: true });
for (const file of readdirSync(join(www, 'css')).filter((name) => name.endsWith('.css'))) {
  const { code } = await transform(readFileSync(join(www, 'css', file), 'utf8'), { loader: 'css', minify: true, target: ['chrome111', 'firefox113', 'safari16.4'] });
  writeFileSync(join(site, 'css', file), code);
}
for (const page of pages) {
  if (page.css.length === 0) continue;
  const joined = page.css.map((file) => readFileSync(file, 'utf8')).join('\n');
  const { code } = await transform(joined, { loader: 'css', minify: true, target: ['chrome111', 'firefox113', 'safari16.4'] });
  page.cssOut = join(site, 'css', `page-${page.name}.css`);
  writeFileSync(page.cssOut, code);
}

// Scripts. The worker first (pages point at it), then the pages, then the element.
await bundle({ worker: WORKER });
for (const page of pages) {
  if (page.modules.length > 1) fail(`${page.file}: more than one module script`);
}
const withModule = pages.filter((page) => page.modules.length === 1);
// Pages built on the <relu-lab> element (embed.html, the course example) load one screen of
// four: they share the element's build, whose screens are chunks loaded on demand.
const onElement = (page) => ELEMENT_PAGES.has(page.name);
const pageEntries = Object.fromEntries(withModule.filter((page) => split || !onElement(page)).map((page) => [page.name, page.modules[0]]));
const elementEntries = { 'relu-lab': ELEMENT, ...Object.fromEntries(withModule.filter((page) => !split && onElement(page)).map((page) => [page.name, page.modules[0]])) };
const closure = (outputs, name) => staticClosure(outputs, toPosix(relative(root, join(jsDir, `${name}.js`))));
if (split) {
  const outputs = await bundle(pageEntries, { splitting: true });
  for (const page of withModule) page.jsOut = closure(outputs, page.name);
} else {
  for (const [name, entry] of Object.entries(pageEntries)) {
    const page = pages.find((each) => each.name === name);
    if (LAZY_PAGES.has(name)) {
      const outputs = await bundle({ [name]: entry }, { splitting: true });
      page.jsOut = closure(outputs, name);
      page.lazyOut = lazyChunks(outputs, name, page.jsOut);
    } else {
      await bundle({ [name]: entry });
      page.jsOut = [join(jsDir, `${name}.js`)];
    }
  }
}
for (const page of pages) {
  page.classicOut = [];
  for (const file of page.classic) {
    const out = join(jsDir, `${page.name}-${posix.basename(toPosix(file), '.js')}.js`);
    await build({ ...COMMON, entryPoints: [file], outdir: undefined, outfile: out, format: 'iife', metafile: false });
    page.classicOut.push(out);
  }
}
const elementOutputs = await bundle(elementEntries, { splitting: true });
for (const page of withModule) if (page.name in elementEntries) page.jsOut = closure(elementOutputs, page.name);
writeFileSync(join(site, 'relu-lab.js'), "export * from './js/relu-lab.js';\n");

// Assets.
mkdirSync(join(site, 'pkg'), { recursive: true });
for (const file of ['relu_lab_bg.wasm', 'relu_lab.js', 'relu_lab.d.ts']) cpSync(join(www, 'pkg', file), join(site, 'pkg', file));
for (const file of ['favicon.svg', 'relu-lab.d.ts']) cpSync(join(www, file), join(site, file));
for (const page of pages) {
  // Other files an example page may use (none today besides its script and style sheet).
  for (const file of readdirSync(page.dir)) {
    if (/\.(svg|png|jpg|webp|txt)$/.test(file)) cpSync(join(page.dir, file), join(site, relative(www, page.dir), file));
  }
}

// HTML: the page's style sheets → one; its module script → its bundle (and modulepreload for
// the chunks it imports, with --split or in LAZY_PAGES); the wasm preloaded (NO_WASM_PRELOAD aside).
for (const page of pages) {
  const outDir = join(site, relative(www, page.dir));
  const url = (file) => urlFrom(outDir, file).replace(/^\.\//, '');
  let html = page.html;
  let first = true;
  html = html.replace(LINK_CSS, (whole, href) => {
    if (/^[a-z]+:/i.test(href)) return whole;
    if (!first) return '';
    first = false;
    return `<link rel="stylesheet" href="${url(page.cssOut)}">\n`;
  });
  html = html.replace(MODULE_SCRIPT, (whole, src) => {
    if (/^[a-z]+:/i.test(src)) return whole;
    const [entry, ...chunks] = page.jsOut;
    const preloads = chunks.map((chunk) => `<link rel="modulepreload" href="${url(chunk)}">`);
    const wasm = NO_WASM_PRELOAD.has(page.name) ? [] : [`<link rel="preload" href="${url(join(site, WASM))}" as="fetch" type="application/wasm" crossorigin>`];
    return [...preloads, ...wasm, `<script type="module" src="${url(entry)}"></script>`].join('\n  ');
  });
  let classic = 0;
  html = html.replace(CLASSIC_SCRIPT, (whole, src) => (/^[a-z]+:/i.test(src) ? whole : `<script src="${url(page.classicOut[classic++])}"></script>`));
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, posix.basename(page.file)), html);
}

// ---- sizes ----------------------------------------------------------------------------------

const gz = (file) => gzipSync(readFileSync(file), { level: 9 }).length;
const wasmGz = gz(join(site, WASM));
const rows = [];
for (const page of pages) {
  const files = [join(site, page.file), page.cssOut, ...(page.jsOut ?? []), ...page.classicOut].filter(Boolean);
  const sizes = files.map((file) => ({ file: toPosix(relative(site, file)), gz: gz(file) }));
  const later = (page.lazyOut ?? []).map((file) => ({ file: toPosix(relative(site, file)), gz: gz(file) }));
  rows.push({ page: page.file, sizes, total: sizes.reduce((sum, each) => sum + each.gz, 0), later });
}
if (!quiet) {
  const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
  console.log(`site: target/site/ (${split ? 'shared chunks' : `one bundle per page, ${[...LAZY_PAGES].join(' and ')} in chunks`}), gzip -9 sizes`);
  for (const row of rows) {
    const parts = row.sizes.map((each) => `${each.file} ${kb(each.gz)}`).join(', ');
    console.log(`  ${row.page.padEnd(22)} ${kb(row.total).padStart(8)} in ${row.sizes.length} files + wasm ${kb(wasmGz)} = ${kb(row.total + wasmGz)}  (${parts})`);
    if (row.later.length > 0) {
      const sum = row.later.reduce((total, each) => total + each.gz, 0);
      console.log(`  ${''.padEnd(22)} then, on demand, ${kb(sum)} in ${row.later.length} chunks (${row.later.map((each) => `${each.file} ${kb(each.gz)}`).join(', ')})`);
    }
  }
}
