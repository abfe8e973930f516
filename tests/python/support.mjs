// Helpers for the e2e specs that run real Python tools (tests/e2e/notebook.spec.mjs: JupyterLab
// and anywidget; tests/e2e/ssg.spec.mjs: MkDocs, Sphinx + MyST): the venv that
// `.ci/install.sh --browser` makes, dist/ built when missing or stale, README.md's marked
// snippets, loopback ports, child processes and a small static server.
import { execFileSync, spawn } from 'node:child_process';
import { createReadStream, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { createServer as createNetServer } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import process from 'node:process';
import { setTimeout as sleep } from 'node:timers/promises';
import { URL, fileURLToPath } from 'node:url';

/* global fetch */

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const VENV = process.env.RELU_LAB_VENV ?? join(process.env.HOME ?? '/root', '.cache', 'relu-lab', 'venv');

/** The path of `name` in the venv's bin/; fails, saying how to make the venv, when it is missing. */
export function venvBin(name) {
  const path = join(VENV, 'bin', name);
  if (!existsSync(path)) throw new Error(`${path} is missing: run .ci/install.sh --browser (it makes the venv)`);
  return path;
}

// ---- dist/ ------------------------------------------------------------------------------------

/** The newest mtime among the files dist/ is built from. */
function newestSource() {
  let newest = 0;
  const visit = (path) => {
    const stat = statSync(path);
    if (stat.isDirectory()) for (const entry of readdirSync(path)) visit(join(path, entry));
    else newest = Math.max(newest, stat.mtimeMs);
  };
  for (const path of ['www', '.ci/dist.mjs', '.ci/single-file.html', 'README.md']) visit(join(ROOT, path));
  return newest;
}

const distFresh = (file) => existsSync(file) && statSync(file).mtimeMs >= newestSource();

/**
 * Build dist/ (node .ci/dist.mjs) if `file` (a path inside dist/) is missing or older than the
 * sources. A lock folder keeps two specs of this suite from building at once.
 */
export async function ensureDist(file = 'anywidget.js') {
  const target = join(ROOT, 'dist', file);
  const lock = join(ROOT, 'test-results', 'dist.lock');
  mkdirSync(join(ROOT, 'test-results'), { recursive: true });
  for (let tries = 0; !distFresh(target); tries += 1) {
    try {
      mkdirSync(lock);
    } catch {
      // Another spec is building; a lock older than two minutes was left by a killed run.
      if (Date.now() - statSync(lock, { throwIfNoEntry: false })?.mtimeMs > 120_000) rmSync(lock, { recursive: true, force: true });
      if (tries > 600) throw new Error('dist/ did not appear: is test-results/dist.lock stale?');
      await sleep(200);
      continue;
    }
    try {
      if (!distFresh(target)) execFileSync('node', [join(ROOT, '.ci', 'dist.mjs')], { cwd: ROOT, stdio: 'pipe' });
    } finally {
      rmSync(lock, { recursive: true, force: true });
    }
  }
  return target;
}

// ---- README.md's snippets ---------------------------------------------------------------------

/**
 * The body of the fenced block that follows `<!-- snippet: name -->` in README.md (the fence of
 * three or more backticks and its info string excluded), so the tests run what the guide says.
 */
export function readmeSnippet(name) {
  const text = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const marker = `<!-- snippet: ${name} -->`;
  const at = text.indexOf(marker);
  if (at < 0) throw new Error(`README.md has no ${marker}`);
  const open = /^[ \t]*\n(`{3,})[^\n]*\n/.exec(text.slice(at + marker.length));
  if (!open) throw new Error(`README.md: ${marker} is not followed by a fenced block`);
  const start = at + marker.length + open[0].length;
  const end = text.indexOf(`\n${open[1]}\n`, start - 1);
  if (end < 0) throw new Error(`README.md: the block after ${marker} is not closed`);
  return text.slice(start, end + 1);
}

/** README's snippets speak of https://example.org/relu-lab/ for wherever dist/ is served. */
export const README_BASE = 'https://example.org/relu-lab/';

// ---- ports, processes, a static server --------------------------------------------------------

/** The first port of `ports` (on 127.0.0.1) that nothing listens on. */
export async function freePort(ports) {
  for (const port of ports) {
    const free = await new Promise((resolve) => {
      const probe = createNetServer();
      probe.once('error', () => resolve(false));
      probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
    });
    if (free) return port;
  }
  throw new Error(`no free loopback port among ${ports.join(', ')}`);
}

/** Start `command` in its own process group; its output is kept for error messages. */
export function startProcess(command, args, options = {}) {
  const child = spawn(command, args, { ...options, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  child.output = '';
  const keep = (chunk) => {
    child.output = (child.output + chunk).slice(-20_000);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  return child;
}

/** Stop a process started by startProcess (its whole group, by its id); resolves once it has exited. */
export async function stopProcess(child) {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  try {
    process.kill(-child.pid, 'SIGTERM');
  } catch {
    return;
  }
  const done = await Promise.race([exited.then(() => true), sleep(10_000).then(() => false)]);
  if (!done) {
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      // already gone
    }
    await exited;
  }
}

/** Wait until `url` answers with a status below 500 (the process must stay alive meanwhile). */
export async function waitForUrl(url, child, timeoutMs = 60_000) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (child && child.exitCode !== null) throw new Error(`the server exited (${child.exitCode}):\n${child.output}`);
    try {
      const response = await fetch(url);
      if (response.status < 500) return;
    } catch {
      // not listening yet
    }
    await sleep(250);
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms:\n${child?.output ?? ''}`);
}

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json',
};

/**
 * Serve folders on 127.0.0.1:`port` as a plain static host (no CORS header): `mounts` maps a URL
 * prefix ('/relu-lab/', '/') to a folder; the longest matching prefix wins, a folder's URL gives
 * its index.html. Returns { close() }.
 */
export async function serveStatic(port, mounts) {
  const prefixes = Object.keys(mounts).sort((a, b) => b.length - a.length);
  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url, 'http://x').pathname);
    const prefix = prefixes.find((p) => path.startsWith(p));
    const base = prefix && normalize(mounts[prefix]);
    let file = base && normalize(join(base, path.slice(prefix.length)));
    if (file && existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!file || !(file === base || file.startsWith(base + sep)) || !existsSync(file)) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(response);
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  return { close: () => new Promise((resolve) => server.close(resolve)) };
}
