// Build dist/: ReLU Lab for other people's pages. Run by `make dist` (.ci/dist.sh) after
// `make build`; needs www/pkg (the wasm and its JS glue) and npm's esbuild.
//
//   dist/                    a static folder any host serves as is, laid out as an npm package
//     package.json           name, version, "type": "module", "exports", "types", "files"
//     relu-lab.js            the <relu-lab> element (ES modules, unbundled, as in www/)
//     relu-lab.d.ts          its types; pkg/relu_lab.d.ts types the core ("relu-lab/core")
//     embed.html             the iframe page, loading embed.bundle.js: one classic script with
//                            the wasm and CSS inlined, so it also works in an iframe sandboxed
//                            without allow-same-origin on a host that sends no CORS header
//     relu-lab.html          ONE self-contained file (wasm as base64, every script and style
//                            inlined) that works opened from disk, with a screen chooser
//     index.html, function.html, neuron.html, network.html, examples/, css/, js/, pkg/
//
// Nothing is published. `node .ci/dist.mjs --check` also runs `npm pack --dry-run` in dist/.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const www = join(root, 'www');
const dist = join(root, 'dist');
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
for (const entry of readdirSync(www)) {
  if (SKIP.has(entry)) continue;
  cpSync(join(www, entry), join(dist, entry), { recursive: true });
}

// ---- 2. bundles: the wasm and the CSS inlined ----------------------------------------------
const wasmBase64 = readFileSync(join(www, 'pkg', 'relu_lab_bg.wasm')).toString('base64');
const css = {};
for (const file of readdirSync(join(www, 'css'))) {
  if (file.endsWith('.css') && file !== 'embed-page.css') {
    css[`css/${file}`] = readFileSync(join(www, 'css', file), 'utf8');
  }
}

/** core/load.js, with the wasm compiled from the inlined bytes (initSync) instead of fetched. */
const INLINE_CORE = `
import { initSync } from ${JSON.stringify(join(www, 'pkg', 'relu_lab.js'))};
const WASM_BASE64 = ${JSON.stringify(wasmBase64)};
let ready = null;
function wasmBytes() {
  const text = atob(WASM_BASE64);
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i += 1) bytes[i] = text.charCodeAt(i);
  return bytes;
}
export function coreReady() {
  ready ??= Promise.resolve().then(() => {
    initSync({ module: wasmBytes() });
  });
  return ready;
}
`;

/** styles.js, with constructed style sheets from the inlined CSS instead of <link>s. */
const INLINE_STYLES = `
const CSS = ${JSON.stringify(css)};
export async function applyStyles(root, files) {
  const sheets = files.filter((file) => CSS[file] !== undefined).map((file) => {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(CSS[file]);
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

/** esbuild plugin: swap js/core/load.js and js/embed/styles.js for the inlined versions. */
const INLINED = { [join(www, 'js', 'core', 'load.js')]: 'core', [join(embedDir, 'styles.js')]: 'styles' };
const inlineAssets = {
  name: 'relu-lab-inline-assets',
  setup(plugin) {
    plugin.onResolve({ filter: /(load|styles)\.js$/ }, (args) => {
      if (!args.importer || !args.path.startsWith('.')) return undefined;
      const which = INLINED[join(dirname(args.importer), args.path)];
      return which ? { path: which, namespace: 'relu-lab-inline' } : undefined;
    });
    plugin.onLoad({ filter: /.*/, namespace: 'relu-lab-inline' }, (args) => ({
      contents: args.path === 'core' ? INLINE_CORE : INLINE_STYLES,
      resolveDir: embedDir,
      loader: 'js',
    }));
  },
};

/**
 * esbuild plugin: a module that imports a path held in a variable (`import(path)`) cannot be
 * bundled as it is. Every relative module path written as a string literal in that file is
 * taken as a candidate, and `import(path)` becomes a lookup among literal imports of them.
 */
const literalDynamicImports = {
  name: 'relu-lab-literal-dynamic-imports',
  setup(plugin) {
    plugin.onLoad({ filter: /[\\/]www[\\/]js[\\/].*\.js$/ }, (args) => {
      const source = readFileSync(args.path, 'utf8');
      if (!/\bimport\(\s*[A-Za-z_$]/.test(source)) return undefined;
      const candidates = [...new Set([...source.matchAll(/['"](\.{1,2}\/[\w./-]+\.js)['"]/g)].map((m) => m[1]))];
      const table = candidates.map((path) => `${JSON.stringify(path)}: () => import(${JSON.stringify(path)})`).join(',\n  ');
      const helper =
        `const __reluLabImport = (path) => ({\n  ${table}\n})[path]?.() ?? ` +
        'Promise.reject(new Error(`not in the bundle: ${path}`));\n';
      const contents = helper + source.replace(/\bimport\((\s*[A-Za-z_$][\w$]*\s*)\)/g, '__reluLabImport($1)');
      return { contents, loader: 'js', resolveDir: dirname(args.path) };
    });
  },
};

async function bundle(entry, format) {
  const result = await build({
    entryPoints: [join(embedDir, entry)],
    bundle: true,
    format,
    write: false,
    minify: true,
    legalComments: 'none',
    target: ['es2022', 'chrome111', 'firefox115', 'safari16.4'],
    plugins: [inlineAssets, literalDynamicImports],
    // wasm-bindgen's fetching init() reads import.meta.url; the bundles never call it.
    logOverride: { 'empty-import-meta': 'silent' },
    logLevel: 'warning',
  });
  return result.outputFiles[0].text;
}

const embedBundle = await bundle('embed-page.js', 'iife');
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

// ---- 3. the single file ---------------------------------------------------------------------
const singleScript = await bundle('single-file.js', 'esm');
// Inside an inline <script>, "</script" and "<!--" must not appear literally.
const safeScript = singleScript.replace(/<\/(script)/gi, '<\\/$1').replace(/<!--/g, '<\\!--');
const template = readFileSync(join(root, '.ci', 'single-file.html'), 'utf8');
const single = template.replaceAll('__VERSION__', VERSION).replace('__SCRIPT__', () => safeScript);
writeFileSync(join(dist, 'relu-lab.html'), single);

// ---- 4. package.json and README --------------------------------------------------------------
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
    './css/*': './css/*',
    './package.json': './package.json',
  },
  sideEffects: ['./relu-lab.js', './embed.bundle.js', './js/embed/embed-page.js', './js/embed/single-file.js'],
  files: [
    'relu-lab.js',
    'relu-lab.d.ts',
    'relu-lab.html',
    'embed.html',
    'embed.bundle.js',
    'index.html',
    'function.html',
    'neuron.html',
    'network.html',
    'favicon.svg',
    'css/',
    'js/',
    'pkg/',
    'examples/',
    'README.md',
  ].filter((file) => existsSync(join(dist, file.replace(/\/$/, '')))),
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
console.log(`dist: ${relative(root, dist)}/ ${kib(folderSize(dist))} in all`);
console.log(`dist:   relu-lab.html   ${kib(statSync(join(dist, 'relu-lab.html')).size)} (single file)`);
console.log(`dist:   embed.bundle.js ${kib(statSync(join(dist, 'embed.bundle.js')).size)} (embed.html's script)`);

if (process.argv.includes('--check')) {
  const packed = JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: dist, encoding: 'utf8' }));
  const files = packed[0].files.map((file) => file.path);
  for (const needed of ['package.json', 'relu-lab.js', 'relu-lab.d.ts', 'pkg/relu_lab_bg.wasm', 'pkg/relu_lab.d.ts', 'relu-lab.html', 'embed.html']) {
    if (!files.includes(needed)) fail(`npm pack would leave out ${needed}`);
  }
  console.log(`dist: npm pack --dry-run: ${packed[0].name}@${packed[0].version}, ${files.length} files, ${kib(packed[0].size)} packed`);
}
